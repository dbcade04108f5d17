// Search (the URL holds the query and filters) and stories (groups of reprints).
import { $, el, call, loading, plural, hashOf, docLink, dateWords, monthShort, REPRINTS, DOCS } from "./util.js";

const PAGE = 10;

function snippet(h) {
  const s = el("p", { class: "snippet" });
  let pos = 0;
  for (const [a, b] of h.marks || []) {
    s.append(h.snippet.slice(pos, a), el("mark", { text: h.snippet.slice(a, b) }));
    pos = b;
  }
  s.append(h.snippet.slice(pos));
  return s;
}

// Matching documents per month as bars; a bar narrows the search to its month.
function histogram(months, params) {
  const dated = months.filter((m) => m.month);
  if (!dated.length) return null;
  const max = Math.max(...dated.map((m) => m.count));
  const bars = el("div", { class: "hist", role: "group", "aria-label": "Статьи по месяцам" });
  for (const m of dated) {
    const [y, mo] = m.month.split("-").map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const b = el("button", { type: "button", title: `${monthShort(m.month)}: ${plural(m.count, DOCS)}`,
      "aria-label": `${monthShort(m.month)}: ${plural(m.count, DOCS)}`,
      onclick: () => { location.hash = hashOf({ ...params, since: `${m.month}-01`, until: `${m.month}-${String(last).padStart(2, "0")}`, offset: null }); } });
    b.style.height = `${Math.max(4, Math.round((m.count / max) * 100))}%`;
    bars.appendChild(b);
  }
  const undated = months.find((m) => !m.month);
  return el("div", { class: "card" }, el("div", { class: "small muted", text: "Публикации по месяцам (нажмите на столбец, чтобы выбрать месяц)" }), bars,
    el("div", { class: "hist-axis" }, el("span", { text: monthShort(dated[0].month) }), el("span", { text: monthShort(dated[dated.length - 1].month) })),
    undated ? el("div", { class: "small muted", text: `Без даты: ${plural(undated.count, DOCS)}` }) : null);
}

export async function showSearch(params) {
  const out = $("s-out");
  $("s-q").value = params.q || ""; $("s-person").value = params.who || "";
  $("s-since").value = params.since || ""; $("s-until").value = params.until || "";
  if (!params.q || !params.q.trim()) {
    out.replaceChildren(el("p", { class: "muted", text: "Введите слова для поиска и нажмите Enter. Формы слов не важны: «визит» найдёт «визита»." }));
    return;
  }
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const query = new URLSearchParams({ q: params.q, limit: PAGE, offset });
  for (const [k, v] of [["person", params.who], ["since", params.since], ["until", params.until]]) if (v) query.set(k, v);
  await loading(out, "Ищем…", async () => {
    const data = await call("/api/search?" + query);
    const parts = [el("p", { class: "count", "data-total": data.total, text: data.total ? `Найдено: ${plural(data.total, ["сюжет", "сюжета", "сюжетов"])}` : "Ничего не найдено" })];
    parts.push(histogram(data.months, params));
    const ul = el("ul", { class: "plain hits" });
    for (const h of data.hits) {
      ul.appendChild(el("li", { class: "hit" },
        docLink(h.id, h.title || "Без заголовка", "title"),
        el("div", { class: "meta" }, h.published ? dateWords(h.published) : "без даты",
          h.reprints ? el("span", { class: "badge", text: plural(h.reprints, REPRINTS) }) : null),
        snippet(h)));
    }
    parts.push(ul);
    if (data.total > PAGE) {
      const pages = Math.ceil(data.total / PAGE), page = Math.floor(offset / PAGE) + 1;
      const go = (o) => () => { location.hash = hashOf({ ...params, offset: o || null }); };
      parts.push(el("nav", { class: "pager", "aria-label": "Страницы" },
        el("button", { type: "button", disabled: page <= 1, onclick: go(offset - PAGE) }, "← Назад"),
        el("span", { text: `страница ${page} из ${pages}` }),
        el("button", { type: "button", disabled: page >= pages, onclick: go(offset + PAGE) }, "Дальше →")));
    }
    out.replaceChildren(...parts.filter(Boolean));
  });
}

export function bindSearch() {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = hashOf({ q: $("s-q").value.trim(), who: $("s-person").value.trim(), since: $("s-since").value, until: $("s-until").value });
  });
}

export async function showStories(params) {
  const out = $("st-out");
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  await loading(out, "Загружаем сюжеты…", async () => {
    const data = await call(`/api/dups?limit=20&offset=${offset}`);
    if (!data.groups.length) { out.replaceChildren(el("p", { class: "muted", text: "Перепечаток в архиве нет." })); return; }
    const parts = [el("p", { class: "muted", text: `Групп перепечаток: ${data.total}` })];
    for (const g of data.groups) {
      const first = g.documents[0];
      const ul = el("ul", { class: "plain small" });
      g.documents.forEach((d) => ul.appendChild(el("li", {}, docLink(d.id, d.title || "Без заголовка"),
        el("span", { class: "muted", text: ` — ${d.published ? dateWords(d.published) : "без даты"} · ${d.source}` }))));
      parts.push(el("div", { class: "card story" }, el("h3", {}, docLink(first.id, first.title || "Без заголовка"),
        el("span", { class: "badge", text: plural(g.size - 1, REPRINTS) })), ul));
    }
    if (data.total > 20) {
      parts.push(el("nav", { class: "pager" },
        el("button", { type: "button", disabled: offset === 0, onclick: () => { location.hash = hashOf({ stories: 1, offset: Math.max(0, offset - 20) || null }); } }, "← Назад"),
        el("button", { type: "button", disabled: offset + 20 >= data.total, onclick: () => { location.hash = hashOf({ stories: 1, offset: offset + 20 }); } }, "Дальше →")));
    }
    out.replaceChildren(...parts);
  });
}
