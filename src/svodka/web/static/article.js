// The article view: the text with every layer highlighted from its offsets, a legend with
// a toggle per layer, details of what is clicked, and the layers as readable lists.
import { el, dateWords, docLink, personLink, plural, REPRINTS } from "./util.js";

const TYPE = { PER: "Люди", ORG: "Организации", LOC: "Места" };
const LABEL = { PER: "ЛИЦО", ORG: "ОРГ", LOC: "МЕСТО" };
const ONE = { PER: "человек", ORG: "организация", LOC: "место" };
const KIND = { direct: "прямая речь", indirect: "косвенная речь" };
const LAYERS = [["PER", "Люди", "e-PER"], ["ORG", "Организации", "e-ORG"], ["LOC", "Места", "e-LOC"],
  ["quotes", "Цитаты", "q-direct"], ["times", "Время", "t"], ["facts", "Факты", "f"]];

function spansOf(doc) {
  const spans = [];
  doc.entities.forEach((ent) => ent.mentions.forEach((m, i) => spans.push({ s: m.start, e: m.end, k: "e", ent, i })));
  doc.times.forEach((t) => spans.push({ s: t.start, e: t.end, k: "t", time: t }));
  doc.quotes.forEach((q) => spans.push({ s: q.start, e: q.end, k: "q", quote: q }));
  doc.facts.forEach((f) => f.evidence && spans.push({ s: f.evidence.start, e: f.evidence.end, k: "f", fact: f }));
  return spans.filter((x) => x.e > x.s);
}

// One paragraph: cut at every span boundary; each piece is wrapped in the spans covering it
// (atoms — entity, time — innermost; ranges — quote, fact evidence — outside).
function paragraph(text, ps, pe, spans) {
  const mine = spans.filter((x) => x.s < pe && x.e > ps);
  const cuts = new Set([ps, pe]);
  mine.forEach((x) => { cuts.add(Math.max(ps, x.s)); cuts.add(Math.min(pe, x.e)); });
  const points = [...cuts].sort((a, b) => a - b);
  const p = el("p");
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const on = mine.filter((x) => x.s <= a && x.e >= b);
    let node = document.createTextNode(text.slice(a, b));
    const time = on.find((x) => x.k === "t");
    if (time) {
      node = el("span", { class: "t", "data-time": time.time.id, tabindex: b === time.e ? 0 : -1, role: "button",
        title: time.time.words || time.time.value }, node);
    }
    const ent = on.find((x) => x.k === "e");
    if (ent) {
      node = el("mark", { class: `m e-${ent.ent.type}`, "data-ent": ent.ent.id, "data-mention": ent.i, tabindex: b === ent.e ? 0 : -1,
        role: "button", title: ent.ent.name }, node, b === ent.e ? el("span", { class: "lbl", "aria-hidden": "true", text: LABEL[ent.ent.type] }) : null);
    }
    for (const x of on.filter((y) => y.k === "q")) node = el("span", { class: `q-${x.quote.kind}`, "data-quote": x.quote.id }, node);
    for (const x of on.filter((y) => y.k === "f")) node = el("span", { class: "f", "data-fact": x.fact.id }, node);
    p.appendChild(node);
  }
  return p;
}

function legend(root) {
  const box = el("fieldset", { class: "legend" }, el("legend", { class: "sr-only", text: "Слои разметки" }));
  for (const [key, name, cls] of LAYERS) {
    const input = el("input", { type: "checkbox", checked: true, "data-layer": key,
      onchange: (ev) => root.classList.toggle(`hide-${key}`, !ev.target.checked) });
    box.appendChild(el("label", {}, input, el("span", { class: `sw ${cls}` }), name));
  }
  return box;
}

function select(root, selector) {
  root.querySelectorAll(".sel").forEach((x) => x.classList.remove("sel"));
  const marks = [...root.querySelectorAll(selector)];
  marks.forEach((x) => x.classList.add("sel"));
  if (marks[0]) { marks[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
}

function details(doc, target, box, root) {
  const byId = (list, id) => list.find((x) => x.id === id);
  const dl = el("dl", { class: "details" });
  const row = (k, v) => v && dl.append(el("dt", { text: k }), el("dd", {}, v));
  const ent = target.dataset.ent && byId(doc.entities, target.dataset.ent);
  const time = target.dataset.time && byId(doc.times, target.dataset.time);
  const quote = target.dataset.quote && byId(doc.quotes, target.dataset.quote);
  const fact = target.dataset.fact && byId(doc.facts, target.dataset.fact);
  if (ent) {
    row("Имя", ent.type === "PER" ? personLink(ent.name) : ent.name);
    row("Тип", ONE[ent.type]);
    if (ent.roles.length) row("Роль", ent.roles.map((r) => r.name).join("; "));
    if (ent.variants && ent.variants.length) row("Также", ent.variants.join(", "));
    const others = el("ul", { class: "plain small" });
    ent.mentions.forEach((m, i) => others.appendChild(el("li", {}, el("button", { type: "button",
      title: "Показать в тексте", onclick: () => select(root, `[data-ent="${ent.id}"][data-mention="${i}"]`) }, `«${m.text}»`))));
    row(`Упоминания (${ent.mentions.length})`, others);
    select(root, `[data-ent="${ent.id}"]`);
  } else if (time) {
    row("В тексте", `«${time.text}»`); row("Когда", doc.readable.times[time.id] || "—");
  } else if (quote) {
    row(KIND[quote.kind] || "Цитата", `«${quote.text}»`);
    row("Кто", quote.speaker_name ? personLink(quote.speaker_name) : "не определён");
    if (quote.cue) row("Слова автора", `«${quote.cue.text}»`);
    if (quote.via_name) row("Со ссылкой на", quote.via_name);
  } else if (fact) {
    row("Факт", doc.readable.facts[fact.id] || fact.type);
  } else return;
  box.replaceChildren(el("h3", { text: "Подробнее" }), dl);
}

function lists(doc, root, box) {
  const out = [];
  const show = (selector, target) => { select(root, selector); details(doc, target, box, root); };
  for (const type of ["PER", "ORG", "LOC"]) {
    const ents = doc.entities.filter((e) => e.type === type);
    if (!ents.length) continue;
    const ul = el("ul", { class: "plain", "data-list": type });
    ents.forEach((e) => ul.appendChild(el("li", {},
      el("button", { type: "button", onclick: () => show(`[data-ent="${e.id}"]`, { dataset: { ent: e.id } }) }, e.name),
      e.roles.length ? ` — ${e.roles.map((r) => r.name).join("; ")}` : "",
      el("span", { class: "badge", text: plural(e.mentions.length, ["упоминание", "упоминания", "упоминаний"]) }),
      type === "PER" ? [" ", personLink(e.name, "в архиве →")] : null)));
    out.push(el("h3", { text: TYPE[type] }), ul);
  }
  if (doc.quotes.length) {
    const ul = el("ul", { class: "plain", "data-list": "quotes" });
    doc.quotes.forEach((q) => ul.appendChild(el("li", {}, el("strong", { text: (q.speaker_name || "Кто — не определено") + ": " }),
      `«${q.text}»`, el("span", { class: "muted small", text: ` — ${KIND[q.kind] || q.kind}${q.cue ? `, «${q.cue.text}»` : ""}` }))));
    out.push(el("h3", { text: "Цитаты" }), ul);
  }
  if (doc.times.length) {
    const ul = el("ul", { class: "plain", "data-list": "times" });
    doc.times.forEach((t) => ul.appendChild(el("li", {}, `«${t.text}» — `, el("strong", { text: doc.readable.times[t.id] || "—" }))));
    out.push(el("h3", { text: "Время" }), ul);
  }
  if (doc.facts.length) {
    const ul = el("ul", { class: "plain", "data-list": "facts" });
    doc.facts.forEach((f) => ul.appendChild(el("li", {}, doc.readable.facts[f.id] || f.type)));
    out.push(el("h3", { text: "Факты" }), ul);
  }
  return out;
}

export function renderArticle(doc, out) {
  const head = [el("h2", { class: "doc-title", text: doc.title || "Без заголовка" })];
  const meta = el("p", { class: "meta" }, doc.published ? dateWords(doc.published) : "дата не указана");
  if (doc.url && /^https?:\/\//i.test(doc.url)) meta.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank", text: doc.url }));
  if (doc.source) meta.append(" · ", el("span", { text: doc.source }));
  head.push(meta);
  if (doc.reprints && doc.reprints.length) {
    const p = el("p", { class: "small" }, `Ещё ${plural(doc.reprints.length, REPRINTS)}: `);
    doc.reprints.forEach((r, i) => p.append(i ? ", " : "", docLink(r.id, `${r.title || "без заголовка"} (${r.published ? dateWords(r.published) : "без даты"})`)));
    head.push(p);
  }
  if (doc.brief && doc.brief.summary) {
    head.push(el("div", { class: "brief" }, el("strong", { text: "Кратко. " }), doc.brief.summary,
      doc.brief.keyphrases && doc.brief.keyphrases.length ? el("div", { class: "muted small", text: doc.brief.keyphrases.join(" · ") }) : null));
  }
  (doc.warnings || []).forEach((w) => head.push(el("p", { class: "muted small", text: `Предупреждение: ${w}` })));
  doc.times.forEach((t) => { t.words = doc.readable.times[t.id]; });
  const spans = spansOf(doc);
  const text = el("div", { class: "text", "data-testid": "article-text" });
  const paras = doc.paragraphs && doc.paragraphs.length ? doc.paragraphs : [{ start: 0, end: doc.text.length }];
  paras.forEach((p) => text.appendChild(paragraph(doc.text, p.start, p.end, spans)));
  const root = el("article", { class: "article" });
  const box = el("aside", { class: "aside card", "aria-live": "polite" }, el("p", { class: "muted small",
    text: "Нажмите на выделенное слово: имя, роль, другие упоминания; у цитаты — кто сказал." }));
  const onPick = (ev) => {
    const t = ev.target.closest("[data-ent], [data-time], [data-quote], [data-fact]");
    if (t) details(doc, t, box, text);
  };
  text.addEventListener("click", onPick);
  text.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onPick(ev); } });
  root.append(el("div", { class: "main-col" }, ...head, legend(root), el("div", { class: "card" }, text), ...lists(doc, text, box)), box);
  out.replaceChildren(root);
  return root;
}
