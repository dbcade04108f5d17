"""The HTTP API, through FastAPI's test client (no socket): routes, one error shape, ids as
strings, the edge (Host, size, security headers), the schema's response models."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from fastapi.testclient import TestClient

from svodka import sample_text
from svodka.errors import ConfigError
from svodka.readers import split_title
from svodka.web import create_app
from webcorpus import HOSTILE_TITLE, web_store

LOCAL = "http://localhost"


@pytest.fixture(scope="module")
def client(models):
    return TestClient(create_app(web_store(models)), base_url=LOCAL)


@pytest.fixture(scope="module")
def bare(models):
    return TestClient(create_app(None), base_url=LOCAL)


def ok_error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["code"] == code and re.search("[а-яА-Я]", body["error"]), body
    return body


def test_page_and_its_files_are_served_without_markup_from_data(client):
    r = client.get("/")
    assert r.status_code == 200 and 'lang="ru"' in r.text and "/static/app.js" in r.text
    for name in ("app.js", "article.js", "search.js", "person.js", "util.js"):
        js = files("svodka.web").joinpath("static", name).read_text(encoding="utf-8")
        assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
        assert client.get(f"/static/{name}").status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


def test_docs_come_from_the_package_not_a_cdn(client):
    page = client.get("/docs").text
    assert "/docs/assets/swagger-ui-bundle.js" in page and "http" not in page.replace('lang="ru"', "")
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200


def test_openapi_has_response_models_and_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    for path, method in [("/api/analyze", "post"), ("/api/search", "get"), ("/api/documents/{doc_id}", "get"),
                         ("/api/person/{name}", "get"), ("/api/dups", "get"), ("/api/health", "get")]:
        ok = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, (path, ok)
        assert spec["paths"][path][method]["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert {"DocumentOut", "SearchOut", "PersonOut", "DupsOut", "Error", "HitOut"} <= set(spec["components"]["schemas"])


def test_health(client, bare):
    assert client.get("/api/health").json() == {"status": "ok", "version": "0.1.0", "corpus": True, "documents": 5}
    assert bare.get("/api/health").json()["corpus"] is False


def test_analyze_gives_the_document_and_its_readable_words(client):
    title, body = split_title(sample_text())
    r = client.post("/api/analyze", json={"text": body, "title": title, "published": "2013-05-08"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["schema"] == "svodka/1"
    people = {e["name"] for e in doc["entities"] if e["type"] == "PER"}
    assert {"Джон Керри", "Владимир Путин", "Барак Обама", "Дмитрий Песков", "Томас Донилон", "Лавров"} == people
    assert sum(q["kind"] == "direct" for q in doc["quotes"]) == 8
    words = doc["readable"]["times"]
    assert set(words) == {t["id"] for t in doc["times"]}
    assert not any(re.search(r"XXXX|_REF|\d{4}-\d{2}", w) for w in words.values()), words
    lines = list(doc["readable"]["facts"].values())
    assert any(line.startswith("Встреча: ") for line in lines), lines
    assert not any(re.search(r"XXXX|_REF|\d{4}-\d{2}-\d{2}", line) for line in lines), lines


def test_a_lone_surrogate_or_nul_in_json_gives_a_result_not_a_500(client):
    body = '{"text": "Путин\\ud800 встретился с Керри.\\u0000", "title": "\\udfff"}'
    r = client.post("/api/analyze", content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert "\ufffd" in doc["text"] and doc["title"] == "\ufffd"
    for e in doc["entities"]:
        for m in e["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(
    "payload, status, code",
    [
        ({"text": "   "}, 422, "validation_error"),
        ({"title": "нет текста"}, 422, "validation_error"),
        ({"text": "Текст", "published": "вчера"}, 422, "validation_error"),
        ({"text": 5}, 422, "validation_error"),
        ([1, 2], 422, "validation_error"),
    ],
)
def test_bad_analyze_requests_are_one_json_error_shape(client, payload, status, code):
    ok_error(client.post("/api/analyze", json=payload), status, code)


def test_broken_json_oversized_body_and_unknown_routes(client):
    ok_error(client.post("/api/analyze", content=b'{"text": "', headers={"content-type": "application/json"}), 400, "bad_json")
    ok_error(client.post("/api/analyze", content=b"x" * (9 * 1024 * 1024)), 413, "too_large")
    ok_error(client.get("/api/nothing"), 404, "no_route")
    ok_error(client.delete("/api/search"), 405, "method_not_allowed")


def test_a_foreign_host_is_refused(models):
    app = create_app(web_store(models))
    ok_error(TestClient(app, base_url="http://evil.example").get("/api/health"), 421, "bad_host")
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/health").status_code == 200
    other = create_app(None, allow_hosts=["svodka.lan"])
    assert TestClient(other, base_url="http://svodka.lan").get("/api/health").status_code == 200


def test_search_pages_with_a_total_and_string_ids(client):
    r = client.get("/api/search", params={"q": "Керри", "limit": 1})
    data = r.json()
    assert r.status_code == 200 and data["total"] == 1  # the sample and its reprint are one story
    hit = data["hits"][0]
    assert isinstance(hit["id"], str) and hit["id"].isdigit() and int(hit["id"]) > 2**53
    assert hit["reprints"] == 1 and hit["title"]
    assert {m["month"] for m in data["months"]} == {"2013-05"}
    two = client.get("/api/search", params={"q": "Путин", "limit": 1}).json()
    assert two["total"] == 2  # the Kerry story (two documents, one hit) and the undated meeting
    nxt = client.get("/api/search", params={"q": "Путин", "limit": 1, "offset": 1}).json()
    assert nxt["hits"] and nxt["hits"][0]["id"] != two["hits"][0]["id"]
    assert None in {m["month"] for m in two["months"]}  # the undated document


def test_empty_or_hostile_search_queries_are_json_errors(client):
    ok_error(client.get("/api/search", params={"q": ""}), 422, "validation_error")
    ok_error(client.get("/api/search"), 422, "validation_error")
    body = ok_error(client.get("/api/search", params={"q": "Путин", "since": "вчера"}), 422, "validation_error")
    assert body["error"] == "Дата «с»: нужна дата ГГГГ-ММ-ДД"
    assert ok_error(client.get("/api/search", params={"q": "!!! ???"}), 422, "validation_error")["error"] == (
        "В запросе нет слов для поиска"
    )
    r = client.get("/api/search", params={"q": '" OR 1=1; DROP TABLE documents; -- NEAR(*'})
    assert r.status_code in (200, 422) and "code" in r.json() or "hits" in r.json()


def test_document_by_id_with_its_reprints(client):
    hit = client.get("/api/search", params={"q": "Керри"}).json()["hits"][0]
    doc = client.get(f"/api/documents/{hit['id']}").json()
    assert doc["id"] == hit["id"] and doc["source"] in ("sample.txt", "reprint.txt")
    assert [r["source"] for r in doc["reprints"]] == ["reprint.txt" if doc["source"] == "sample.txt" else "sample.txt"]
    assert doc["readable"]["times"] and doc["entities"]
    ok_error(client.get("/api/documents/12345"), 404, "not_found")
    ok_error(client.get("/api/documents/abc"), 422, "validation_error")


def test_stored_markup_comes_back_as_plain_strings(client):
    hit = client.get("/api/search", params={"q": "Женева"}).json()["hits"][0]
    assert hit["title"] == HOSTILE_TITLE


def test_person_hub(client):
    v = client.get("/api/person/Керри").json()
    assert v["ambiguous"] is False and v["name"] == "Джон Керри"
    assert any("госсекретарь" in r["name"] for r in v["roles"])
    texts = [q["text"] for q in v["quotes"]]
    assert len(texts) == len(set(texts)) and any(q["reprints"] >= 1 for q in v["quotes"])  # folded reprints
    assert {d["source"] for d in v["documents"]} == {"sample.txt", "reprint.txt"}
    assert "Владимир Путин" in {p["name"] for p in v["people"]}
    assert all(not re.search(r"XXXX|_REF", t["when"]) for t in v["timeline"])
    ok_error(client.get("/api/person/Никтоневедомов"), 404, "not_found")


def test_an_ambiguous_first_name_lists_the_candidates(client):
    v = client.get("/api/person/Джон").json()
    assert v["ambiguous"] is True
    assert {"Джон Керри", "Джон Маккейн"} <= {c["name"] for c in v["candidates"]}
    assert client.get("/api/person/Джон Маккейн").json()["name"] == "Джон Маккейн"


def test_dups_groups(client):
    data = client.get("/api/dups").json()
    assert data["total"] == 1 and data["groups"][0]["size"] == 2
    assert all(isinstance(d["id"], str) for d in data["groups"][0]["documents"])


def test_corpus_routes_need_a_database_and_a_mistyped_path_is_an_error(bare, tmp_path):
    ok_error(bare.get("/api/search", params={"q": "Путин"}), 503, "no_corpus")
    with pytest.raises(ConfigError, match="no store"):
        create_app(tmp_path / "typo.db")
    assert not (tmp_path / "typo.db").exists()
