// The page's router: the URL's hash says which view shows what (#doc=ID, #person=NAME,
// #q=…&who=…&since=…&until=…&offset=…, #stories, #analyze), so links can be shared and the
// back button works.
import { $, el, call, loading, hashOf } from "./util.js";
import { renderArticle } from "./article.js";
import { showSearch, bindSearch, showStories } from "./search.js";
import { showPerson } from "./person.js";

function show(view) {
  document.querySelectorAll("section[data-view]").forEach((s) => s.classList.toggle("on", s.dataset.view === view));
  const tab = view === "doc" ? "search" : view;
  document.querySelectorAll("nav a").forEach((a) => (a.dataset.view === tab ? a.setAttribute("aria-current", "page") : a.removeAttribute("aria-current")));
}

async function showDoc(id) {
  const out = $("doc-out");
  out.replaceChildren();
  await loading(out, "Загружаем статью…", async () => {
    const doc = await call("/api/documents/" + encodeURIComponent(id));
    renderArticle(doc, out);
    document.title = `${doc.title || "Статья"} — svodka`;
  });
}

async function route() {
  const h = new URLSearchParams(location.hash.slice(1));
  const params = Object.fromEntries(h.entries());
  document.title = "svodka — сводка новостей";
  if (h.has("doc")) { show("doc"); await showDoc(h.get("doc")); }
  else if (h.has("person")) { show("person"); await showPerson(h.get("person")); }
  else if (h.has("q")) { show("search"); await showSearch(params); }
  else if (h.has("stories")) { show("stories"); await showStories(params); }
  else show("analyze");
  document.body.dataset.ready = location.hash || "#";
}

$("analyze-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const out = $("a-out"), go = $("a-go");
  go.disabled = true;
  out.replaceChildren();
  await loading(out, "Разбираем статью… (первый разбор загружает модели, до минуты)", async () => {
    const doc = await call("/api/analyze", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: $("a-text").value, title: $("a-title").value || null, published: $("a-published").value || null }),
    });
    renderArticle(doc, out);
  });
  go.disabled = false;
  out.dataset.done = String(Date.now());
});

$("a-sample").addEventListener("click", async () => {
  await loading($("a-out"), "Загружаем пример…", async () => {
    const s = await call("/api/sample");
    $("a-title").value = s.title || ""; $("a-text").value = s.text; $("a-published").value = s.published || "";
  });
});

document.getElementById("person-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = hashOf({ person: $("p-name").value.trim() });
});
bindSearch();
window.addEventListener("hashchange", route);
route();
