"""The HTTP API and the page, through FastAPI's test client (no socket)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from svodka import sample_text
from svodka.readers import split_title
from svodka.web import create_app


@pytest.fixture(scope="module")
def client(models, tmp_path_factory):
    from svodka import analyze
    from svodka.corpus import Corpus

    db = tmp_path_factory.mktemp("web") / "svodka.db"
    title, body = split_title(sample_text())
    with Corpus(db) as corpus:
        corpus.add([analyze(body, title=title, published="2013-05-08", models=models)], source="sample.txt")
    return TestClient(create_app(db))


def test_page_is_served_and_builds_no_html_from_data(client):
    r = client.get("/")
    assert r.status_code == 200 and "svodka" in r.text
    assert "innerHTML" not in r.text  # server data only ever goes in as text


def test_analyze_returns_the_document(client):
    title, body = split_title(sample_text())
    r = client.post("/api/analyze", json={"text": body, "title": title, "published": "2013-05-08"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["schema"] == "svodka/1"
    assert "Джон Керри" in {e["name"] for e in doc["entities"]}


@pytest.mark.parametrize(
    "payload, status",
    [({"text": "   "}, 422), ({"text": "Текст", "published": "вчера"}, 422), ({"title": "нет текста"}, 422)],
)
def test_bad_analyze_requests_are_json_errors(client, payload, status):
    r = client.post("/api/analyze", json=payload)
    assert r.status_code == status
    assert "Traceback" not in r.text


def test_search_and_person(client):
    r = client.get("/api/search", params={"q": "Керри Кремль"})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert hits and hits[0]["title"].startswith("Владимир Путин")
    r = client.get("/api/search", params={"q": '" OR 1=1; DROP TABLE documents; -- NEAR(*'})
    assert r.status_code in (200, 422) and "Traceback" not in r.text
    r = client.get("/api/person/Керри")
    assert r.status_code == 200 and r.json()["name"] == "Джон Керри"
    assert client.get("/api/person/Никтоневедомов").status_code == 404


def test_corpus_routes_need_a_database(models):
    bare = TestClient(create_app(None))
    r = bare.get("/api/search", params={"q": "Путин"})
    assert r.status_code == 503 and "--db" in r.json()["error"]
