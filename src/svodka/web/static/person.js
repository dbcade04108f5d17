// The person hub: roles over time, quotes (reprints folded), a timeline plotted by date,
// people mentioned together (a small graph), documents; an ambiguous name lists its candidates.
import { $, el, svg, call, loading, plural, docLink, personLink, dateWords, REPRINTS, DOCS } from "./util.js";

const STATUS = { done: "", planned: " (планируется)", possible: " (возможно)", negated: " (не состоялось)" };
const span = (a, b) => (a && b && a !== b ? `${dateWords(a)} — ${dateWords(b)}` : a || b ? dateWords(a || b) : "даты нет");

function candidates(data, name) {
  const ul = el("ul", { class: "plain candidates" });
  data.candidates.forEach((c) => ul.appendChild(el("li", {}, personLink(c.name),
    el("span", { class: "muted small", text: ` — ${plural(c.n_docs, DOCS)}, ${span(c.first_seen, c.last_seen)}` }))));
  return [el("p", { text: `Имя «${name}» подходит нескольким людям. Выберите, кого вы ищете:` }), ul];
}

// Facts with a date as dots on a time axis; the list below tells them in words.
function timelinePlot(items) {
  const dated = items.filter((x) => x.date).map((x) => ({ ...x, t: Date.parse(x.date.length === 7 ? x.date + "-01" : x.date) }))
    .filter((x) => !Number.isNaN(x.t));
  if (!dated.length) return null;
  const W = 600, H = 70, pad = 30;
  const t0 = Math.min(...dated.map((x) => x.t)), t1 = Math.max(...dated.map((x) => x.t));
  const x = (t) => (t1 === t0 ? W / 2 : pad + ((t - t0) / (t1 - t0)) * (W - 2 * pad));
  const plot = svg("svg", { class: "plot", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Хронология: ${dated.length} событий` },
    svg("line", { x1: pad, x2: W - pad, y1: 40, y2: 40, stroke: "#9aa3ae" }));
  const stack = {};
  dated.forEach((d) => {
    const cx = Math.round(x(d.t)); stack[cx] = Math.min(4, (stack[cx] || 0) + 1);
    plot.appendChild(svg("circle", { cx, cy: 40 - (stack[cx] - 1) * 9, r: 4 }, svg("title", {}, `${dateWords(d.date)}: ${d.title}`)));
  });
  plot.appendChild(svg("text", { x: pad, y: 60, "text-anchor": "start" }, dateWords(dated[0].date.slice(0, 10))));
  if (t1 !== t0) plot.appendChild(svg("text", { x: W - pad, y: 60, "text-anchor": "end" }, dateWords(new Date(t1).toISOString().slice(0, 10))));
  return plot;
}

// The person in the middle, the people mentioned with them around; line width by shared documents.
function graph(name, people) {
  const top = people.slice(0, 8);
  if (!top.length) return null;
  const W = 360, H = 240, cx = W / 2, cy = H / 2, R = 88;
  const max = Math.max(...top.map((p) => p.count));
  const g = svg("svg", { class: "plot graph", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Связи: ${top.map((p) => p.name).join(", ")}` });
  top.forEach((p, i) => {
    const a = (2 * Math.PI * i) / top.length - Math.PI / 2, px = cx + R * Math.cos(a), py = cy + R * 0.85 * Math.sin(a);
    g.appendChild(svg("line", { x1: cx, y1: cy, x2: px, y2: py, "stroke-width": 1 + (3 * p.count) / max }));
    g.appendChild(svg("circle", { cx: px, cy: py, r: 6 }));
    g.appendChild(svg("text", { x: px, y: py + (py < cy ? -10 : 18), "text-anchor": "middle" }, `${p.name.split(" ").slice(-1)[0]} (${p.count})`));
  });
  g.appendChild(svg("circle", { cx, cy, r: 9 }));
  g.appendChild(svg("text", { x: cx, y: cy + 22, "text-anchor": "middle", "font-weight": "700" }, name.split(" ").slice(-1)[0]));
  return g;
}

function hub(v) {
  const parts = [el("h2", { class: "person-name", text: v.name }),
    el("p", { class: "meta" }, `${plural(v.n_docs, DOCS)} · ${span(v.first_seen, v.last_seen)}`,
      v.variants.length ? ` · также: ${v.variants.join(", ")}` : "")];
  if (v.candidates.length) {
    parts.push(el("p", { class: "small" }, "Другие с похожим именем: ",
      ...v.candidates.flatMap((c, i) => [i ? ", " : "", personLink(c.name), ` (${plural(c.n_docs, DOCS)})`])));
  }
  const left = [], right = [];
  if (v.roles.length) {
    const ul = el("ul", { class: "plain roles" });
    v.roles.forEach((r) => ul.appendChild(el("li", {}, el("strong", { text: r.name }),
      el("span", { class: "muted small", text: ` — ${span(r.first_seen, r.last_seen)}, ${plural(r.n_docs, DOCS)}` }))));
    left.push(el("h3", { text: "Должности и роли" }), ul);
  }
  if (v.quotes.length) {
    const ul = el("ul", { class: "plain quotes" });
    v.quotes.forEach((q) => ul.appendChild(el("li", { class: "quote" }, `«${q.text}»`,
      el("div", { class: "muted small" }, q.date ? dateWords(q.date) : "без даты", " · ", docLink(q.doc_id, q.title || "статья"),
        q.reprints ? el("span", { class: "badge", text: `+${plural(q.reprints, REPRINTS)}` }) : null))));
    left.push(el("h3", { text: "Цитаты" }), ul);
  }
  if (v.timeline.length) {
    const ul = el("ul", { class: "plain timeline" });
    [...v.timeline].sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999")).forEach((f) => ul.appendChild(el("li", {},
      el("strong", { text: `${f.date ? dateWords(f.date) : f.when} — ${f.title}${STATUS[f.status] ?? ""}: ` }), f.text,
      el("div", { class: "small" }, docLink(f.doc_id, f.doc_title || "статья")))));
    right.push(el("h3", { text: "Хронология" }), timelinePlot(v.timeline), ul);
  }
  if (v.people.length) {
    const ul = el("ul", { class: "plain small people" });
    v.people.forEach((p) => ul.appendChild(el("li", {}, personLink(p.name), el("span", { class: "badge", text: plural(p.count, DOCS) }))));
    right.push(el("h3", { text: "Упоминаются вместе" }), graph(v.name, v.people), ul);
  }
  if (v.documents.length) {
    const ul = el("ul", { class: "plain small docs" });
    v.documents.forEach((d) => ul.appendChild(el("li", {}, docLink(d.id, d.title || "Без заголовка"),
      el("span", { class: "muted", text: ` — ${d.published ? dateWords(d.published) : "без даты"}` }))));
    right.push(el("h3", { text: "Статьи" }), ul);
  }
  parts.push(el("div", { class: "cols" }, el("div", {}, ...left.filter(Boolean)), el("div", {}, ...right.filter(Boolean))));
  return parts;
}

export async function showPerson(name) {
  const out = $("p-out");
  $("p-name").value = name || "";
  if (!name || !name.trim()) {
    out.replaceChildren(el("p", { class: "muted", text: "Введите имя или фамилию: роли, цитаты, хронология, связи." }));
    return;
  }
  await loading(out, "Собираем досье…", async () => {
    const v = await call("/api/person/" + encodeURIComponent(name.trim()));
    out.replaceChildren(...(v.ambiguous ? candidates(v, name) : hub(v)));
  });
}
