"""End-to-end tests of the page in a real browser: Debian's Chromium (/usr/bin/chromium,
installed by scripts/ensure-chromium.sh from `make test`) driven by Playwright through
``executable_path`` — Playwright's own browser download is never used.

The server is uvicorn on a loopback port in this process, over a small store (webcorpus.py).
When a test fails, screenshots of the page it was on and of every view at 1280 and 390 px
go to artefacts/browser/ (or $SVODKA_ARTEFACTS).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from importlib.resources import files
from pathlib import Path

import pytest

from webcorpus import HOSTILE_TITLE, web_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTEFACTS = Path(os.environ.get("SVODKA_ARTEFACTS", Path(__file__).resolve().parent.parent / "artefacts")) / "browser"
VIEWS = {"analyze": "#analyze", "search": "#q=Керри", "person": "#person=Керри", "ambiguous": "#person=Джон",
         "stories": "#stories"}
WAIT = 120_000  # ms: the first analysis on a loaded machine

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium: run scripts/ensure-chromium.sh")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(models):
    import uvicorn

    from svodka.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_store(models)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        if not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def _shoot_views(page, base: str, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(ARTEFACTS / f"{name}-failed-here.png"), full_page=True)
        doc = page.evaluate("location.hash.startsWith('#doc=') ? location.hash : null")
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for view, h in {**VIEWS, **({"doc": doc} if doc else {})}.items():
                _open(page, base, h)
                page.screenshot(path=str(ARTEFACTS / f"{name}-{view}-{width}.png"), full_page=True)
    except Exception as exc:  # noqa: BLE001 — the test has failed already; say why the pictures are missing
        (ARTEFACTS / f"{name}-screenshots-failed.txt").write_text(repr(exc), encoding="utf-8")


def _new_page(browser, request, server, width):
    # bypass_csp: the test drives the page with evaluated snippets, and markup that slipped in
    # would run (the CSP itself is checked in test_web.py)
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="ru-RU", bypass_csp=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.js_errors = errors
    failed = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed:
        _shoot_views(page, server, re.sub(r"\W+", "_", request.node.name))
    page.close()


@pytest.fixture
def page(browser, request, server):
    yield from _new_page(browser, request, server, 1280)


@pytest.fixture(params=[390, 360], ids=lambda w: f"{w}px")
def narrow(browser, request, server):
    yield from _new_page(browser, request, server, request.param)


def _open(page, base: str, hash_: str) -> None:
    """A fresh load of the page at this view (a bare hash change would not reload it, and the
    previous view's readiness would still be on the body)."""
    page.goto("about:blank")
    page.goto(base + hash_)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=WAIT)


def _visible_text(page) -> str:
    return page.inner_text("main")


def analyse_sample(page, base: str) -> None:
    _open(page, base, "#analyze")
    page.click("#a-sample")
    page.wait_for_function("document.getElementById('a-text').value.length > 1000", timeout=WAIT)
    page.click("#a-go")
    page.wait_for_selector("#a-out [data-testid=article-text]", timeout=WAIT)


def assert_sample_highlighted(page) -> None:
    """The six people and eight direct quotes of the sample, highlighted in its text."""
    people = page.eval_on_selector_all("#a-out .text mark.e-PER", "els => [...new Set(els.map(e => e.dataset.ent))]")
    assert len(people) == 6, people
    names = page.eval_on_selector_all("#a-out .text mark.e-PER", "els => [...new Set(els.map(e => e.title))]")
    assert {"Владимир Путин", "Джон Керри", "Барак Обама", "Дмитрий Песков", "Томас Донилон", "Лавров"} == set(names)
    quotes = page.eval_on_selector_all("#a-out .text .q-direct", "els => [...new Set(els.map(e => e.dataset.quote))]")
    assert len(quotes) == 8, quotes
    assert page.locator("#a-out .text .q-direct").first.inner_text().strip()


def test_analysing_the_sample_highlights_its_people_quotes_times_and_facts(page, server):
    analyse_sample(page, server)
    assert_sample_highlighted(page)
    out = page.locator("#a-out")
    assert "Кратко." in out.locator(".brief").inner_text()
    # a person: canonical name, role, other mentions
    page.locator("#a-out .text mark.e-PER[title='Джон Керри']").first.click()
    details = page.locator("#a-out .details").inner_text()
    assert "Джон Керри" in details and "госсекретарь США" in details and "Упоминания" in details
    assert page.locator("#a-out .text mark.sel").count() >= 2
    # a quote: its speaker and cue
    page.locator("#a-out .text .q-direct:not(:has(mark)):not(:has(.t))").first.click()
    details = page.locator("#a-out .details").inner_text()
    assert "прямая речь" in details and "Кто\nВладимир Путин" in details, details
    # times in words, facts as sentences, no internal codes
    assert page.locator("#a-out .text .t[title='17–18 июня 2013']").count() == 1
    facts = page.locator("#a-out [data-list=facts]").inner_text()
    assert "Встреча: Владимир Путин, Барак Обама — саммит G8, Северная Ирландия — 17–18 июня 2013 (планируется)" in facts
    text = _visible_text(page)
    assert not re.search(r"XXXX|_REF|\bP\d+[DWMY]\b|\d{4}-\d{2}-\d{2}", text), re.findall(r"\S*(?:XXXX|_REF)\S*", text)
    # a layer toggle switches its highlighting off
    mark = page.locator("#a-out .text mark.e-PER").first
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.locator("#a-out .legend input[data-layer=PER]").uncheck()
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert not page.js_errors


def test_the_test_fails_when_the_highlighting_breaks(page, server):
    """A test of the test: with the article view's span builder broken, the check above fails."""
    js = files("svodka.web").joinpath("static", "article.js").read_text(encoding="utf-8")
    broken = js.replace("return spans.filter((x) => x.e > x.s);", "return [];")
    assert broken != js
    page.route("**/static/article.js", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
    analyse_sample(page, server)
    with pytest.raises(AssertionError):
        assert_sample_highlighted(page)


def test_search_open_a_hit_open_a_person_and_go_back(page, server):
    _open(page, server, "#q=")
    assert "Unprocessable" not in _visible_text(page) and "Введите слова" in _visible_text(page)
    page.fill("#s-q", "Керри")
    page.press("#s-q", "Enter")  # Enter searches
    page.wait_for_selector("#s-out .hit a.title")
    assert "q=%D0%9A%D0%B5%D1%80%D1%80%D0%B8" in page.url or "q=Керри" in page.url  # the URL holds the query
    assert page.inner_text("#s-out .count") == "Найдено: 1 сюжет"
    assert page.inner_text("#s-out .hit .badge") == "1 перепечатка"
    assert page.locator("#s-out .hit mark").first.inner_text() == "Керри"
    title = page.inner_text("#s-out .hit a.title")
    page.click("#s-out .hit a.title")
    page.wait_for_selector("#doc-out .doc-title")
    assert page.inner_text("#doc-out .doc-title") == title and "#doc=" in page.url
    assert "перепечатка" in page.inner_text("#doc-out .main-col")
    page.locator("#doc-out .text mark.e-PER[title='Джон Керри']").first.click()
    page.click("#doc-out .details a:text('Джон Керри')")
    page.wait_for_selector("#p-out .person-name")
    assert page.inner_text("#p-out .person-name") == "Джон Керри"
    hub = page.inner_text("#p-out")
    assert "госсекретарь США" in hub and "+1 перепечатка" in hub and "Владимир Путин" in page.inner_text("#p-out .people")
    assert page.locator("#p-out svg.plot circle").count() >= 1
    page.go_back()
    page.wait_for_selector("#view-doc.on #doc-out .doc-title")
    assert page.inner_text("#doc-out .doc-title") == title
    page.go_back()
    page.wait_for_selector("#view-search.on #s-out .hit")
    assert page.input_value("#s-q") == "Керри"
    assert not page.js_errors


def test_stored_markup_is_shown_as_text(page, server):
    _open(page, server, "#q=Женева")
    page.wait_for_selector("#s-out .hit a.title")
    assert page.inner_text("#s-out .hit a.title") == HOSTILE_TITLE
    page.click("#s-out .hit a.title")
    page.wait_for_selector("#doc-out .doc-title")
    assert page.inner_text("#doc-out .doc-title") == HOSTILE_TITLE
    assert '<img src=x onerror="window.__pwned = 2">' in page.inner_text("#doc-out .text")
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("window.__pwned") is None and not page.js_errors


def test_ambiguous_names_stories_and_errors_in_russian(page, server):
    _open(page, server, "#person=Джон")
    names = page.locator("#p-out .candidates a").all_inner_texts()
    assert {"Джон Керри", "Джон Маккейн"} <= set(names)
    _open(page, server, "#stories")
    story = page.locator("#st-out .story")
    assert story.count() == 1 and "1 перепечатка" in story.inner_text()
    _open(page, server, "#doc=12345")
    assert page.inner_text("#doc-out [role=alert]") == "Такой статьи нет в архиве"
    _open(page, server, "#person=Никтоневедомов")
    assert "В архиве нет человека" in page.inner_text("#p-out [role=alert]")


@pytest.mark.parametrize("view", [*VIEWS, "doc", "analysed"])
def test_each_view_fits_a_phone_screen(narrow, server, view):
    if view == "analysed":
        analyse_sample(narrow, server)
    elif view == "doc":
        _open(narrow, server, "#q=Керри")
        narrow.wait_for_selector("#s-out .hit a.title")
        narrow.click("#s-out .hit a.title")
        narrow.wait_for_selector("#doc-out .doc-title")
    else:
        _open(narrow, server, VIEWS[view])
    narrow.wait_for_timeout(200)
    width = narrow.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1] == narrow.viewport_size["width"], width
    assert narrow.locator("main section.on").inner_text().strip()


def test_docs_render_from_local_files_under_the_csp(browser, server):
    """Swagger UI at /docs with the page's own Content-Security-Policy in force (no bypass)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: m.type == "error" and failed.append(m.text))
    try:
        page.goto(server + "docs")
        page.wait_for_selector(".opblock", timeout=30_000)
        assert page.locator(".opblock").count() >= 8
        assert "/api/analyze" in page.inner_text("body")
        _open(page, server, "#analyze")
        assert not failed, failed
    finally:
        page.close()
