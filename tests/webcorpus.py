"""A small store for the web tests, built once per test process: the sample article, a
reprint of it, an article about another «Джон» (so the bare first name is ambiguous), an
undated one, and one whose title and text hold <script> and <img onerror> markup."""

from __future__ import annotations

import tempfile
from pathlib import Path

from svodka import sample_text
from svodka.readers import split_title

HOSTILE_TITLE = "Новости <script>window.__pwned = 1</script>"
HOSTILE_TEXT = (
    'Сергей Лавров заявил: «<img src=x onerror="window.__pwned = 2">Переговоры идут».\n\n'
    "Министр иностранных дел России Сергей Лавров встретился в Женеве с коллегами."
)
MCCAIN_TEXT = (
    "Сенатор Джон Маккейн заявил, что Вашингтон должен поддержать сирийскую оппозицию.\n\n"
    "«Мы не можем стоять в стороне», — сказал Джон Маккейн журналистам в Вашингтоне."
)
UNDATED_TEXT = "Президент России Владимир Путин провёл совещание с членами правительства в Кремле."

_BUILT: dict[str, Path] = {}


def web_store(models) -> Path:
    """Path of the store (built on first call)."""
    if "db" in _BUILT:
        return _BUILT["db"]
    from svodka import analyze
    from svodka.corpus import Corpus

    title, body = split_title(sample_text())
    paragraphs = body.split("\n\n")
    reprint = "\n\n".join(paragraphs[:-1])
    docs = [
        (analyze(body, title=title, published="2013-05-08", models=models), "sample.txt"),
        (analyze(reprint, title="Путин и Керри обсудили сотрудничество", published="2013-05-09", models=models), "reprint.txt"),
        (analyze(MCCAIN_TEXT, title="Маккейн призвал помочь оппозиции", published="2013-06-02", models=models), "mccain.txt"),
        (analyze(UNDATED_TEXT, title="Совещание в Кремле", models=models), "undated.txt"),
        (analyze(HOSTILE_TEXT, title=HOSTILE_TITLE, published="2013-05-10", models=models), "hostile.txt"),
    ]
    db = Path(tempfile.mkdtemp(prefix="svodka-web-")) / "svodka.db"
    with Corpus(db) as corpus:
        for doc, source in docs:
            corpus.add([doc], source=source)
    _BUILT["db"] = db
    return db
