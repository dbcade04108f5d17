// Shared helpers. Everything from the server goes into the page as text (textContent),
// never as markup: a stored article holding <script> shows as those characters.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

export const svg = (tag, attrs, ...children) => {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) e.setAttribute(k, String(v));
  for (const c of children) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
};

// Russian counting forms: plural(3, ["перепечатка", "перепечатки", "перепечаток"]) → «3 перепечатки».
export function plural(n, forms) {
  const a = Math.abs(n) % 100, b = a % 10;
  const w = a > 10 && a < 20 ? forms[2] : b === 1 ? forms[0] : b >= 2 && b <= 4 ? forms[1] : forms[2];
  return `${n} ${w}`;
}
export const REPRINTS = ["перепечатка", "перепечатки", "перепечаток"];
export const DOCS = ["статья", "статьи", "статей"];

const MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const MONTHS_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
export function dateWords(iso) {
  if (!iso) return "дата не указана";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  if (m[3]) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  if (m[2]) return `${MONTHS_SHORT[+m[2] - 1]} ${m[1]}`;
  return m[1];
}
export const monthShort = (ym) => (ym ? `${MONTHS_SHORT[+ym.slice(5, 7) - 1]} ${ym.slice(0, 4)}` : "без даты");

export class ApiError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

// fetch → JSON; a failure becomes ApiError with the server's Russian message.
export async function call(url, opts) {
  let r;
  try { r = await fetch(url, opts); } catch (e) { throw new ApiError("Сервер недоступен. Проверьте, что svodka serve запущен.", "network"); }
  let data = null;
  try { data = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new ApiError((data && data.error) || `Ошибка сервера (${r.status})`, (data && data.code) || "http");
  if (data == null) throw new ApiError("Сервер ответил не JSON", "bad_response");
  return data;
}

let busyCount = 0;
// Shows «Загрузка…» (and aria-busy) while fn runs; errors go into `out` as a Russian message.
export async function loading(out, what, fn) {
  const status = $("status");
  busyCount++;
  status.textContent = what || "Загрузка…"; status.classList.add("busy");
  out.setAttribute("aria-busy", "true");
  try { return await fn(); }
  catch (e) {
    out.replaceChildren(el("p", { class: "err", role: "alert", "data-code": e.code || "error", text: e.message }));
  } finally {
    out.removeAttribute("aria-busy");
    if (--busyCount === 0) { status.textContent = ""; status.classList.remove("busy"); }
  }
}

export const hashOf = (params) => "#" + new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== "")).toString();
export const docLink = (id, text, cls) => el("a", { href: hashOf({ doc: id }), class: cls, text });
export const personLink = (name, text) => el("a", { href: hashOf({ person: name }), text: text || name });
