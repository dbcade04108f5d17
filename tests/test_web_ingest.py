"""Dates on ingest (`svodka ingest --published`, an HTML page's metadata), undated documents
shown as such, and reading commands refusing a store that does not exist."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from svodka.cli import app
from svodka.corpus import Corpus
from svodka.corpus.tables import documents
from svodka.web import create_app

runner = CliRunner()
TEXT = "Путин встретился с Керри\n\nПрезидент России Владимир Путин встретился в Кремле с госсекретарем США Джоном Керри."
HTML = """<html><head><title>Лавров прибыл в Женеву</title>
<meta property="article:published_time" content="2013-06-02T10:00:00+04:00"></head>
<body><article><h1>Лавров прибыл в Женеву</h1>
<p>Министр иностранных дел России Сергей Лавров прибыл в Женеву, где проведёт переговоры
с госсекретарём США Джоном Керри о ситуации в Сирии.</p>
<p>Встреча пройдёт в одном из отелей города, сообщает МИД России.</p></article></body></html>"""


@pytest.fixture(scope="module")
def store(models, tmp_path_factory):
    root = tmp_path_factory.mktemp("ingest")
    (root / "dated").mkdir()
    (root / "dated" / "kerry.txt").write_text(TEXT, encoding="utf-8")
    (root / "page.html").write_text(HTML, encoding="utf-8")
    (root / "undated.txt").write_text("Совещание в Кремле\n\nВладимир Путин провёл совещание в Кремле.", encoding="utf-8")
    db = root / "svodka.db"
    args = ["ingest", "--db", str(db), "--workers", "1", "--no-quotes", "--no-facts"]
    r = runner.invoke(app, [*args, "--published", "2013-05-08", str(root / "dated")])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, [*args, str(root / "page.html"), str(root / "undated.txt")])
    assert r.exit_code == 0 and "2 added" in r.output, r.output
    return db


def test_published_dates_plain_text_and_html_metadata_gives_its_own(store):
    d = documents
    with Corpus(store) as corpus, corpus.engine.connect() as conn:
        dates = {r.source.rsplit("/", 1)[-1]: r.published for r in conn.execute(select(d.c.source, d.c.published))}
    assert dates == {"kerry.txt": "2013-05-08", "page.html": "2013-06-02", "undated.txt": None}


def test_a_bad_published_date_is_refused(tmp_path):
    r = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.db"), "--published", "8 мая", str(tmp_path)])
    assert r.exit_code != 0 and "published" in r.output


def test_undated_documents_are_shown_as_such(store):
    client = TestClient(create_app(store), base_url="http://localhost")
    data = client.get("/api/search", params={"q": "совещание"}).json()
    assert data["hits"][0]["published"] is None and {"month": None, "count": 1} in data["months"]


@pytest.mark.parametrize("command", [["search", "Путин"], ["person", "Путин"], ["dups"]])
def test_a_mistyped_store_path_is_an_error_not_a_new_store(tmp_path, command):
    typo = tmp_path / "svodak.db"
    r = runner.invoke(app, [*command, "--db", str(typo)])
    assert r.exit_code != 0 and "no store" in r.output
    assert not typo.exists()
