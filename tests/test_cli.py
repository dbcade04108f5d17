"""`svodka analyze` end to end: formats, inputs, and every kind of bad input."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from svodka.cli import app

runner = CliRunner()
FAST = ["--no-quotes", "--no-times", "--no-facts"]


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(autouse=True)
def _models(models):
    """Load the models once for the session, not per CLI call."""


def test_sample_json_has_the_schema_fields():
    result = run("analyze", "--sample", "--format", "json", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "svodka/1"
    assert data["title"] == "Владимир Путин намерен углубить сотрудничество с США"
    for key in ("text", "published", "entities", "quotes", "times", "facts"):
        assert key in data
    ent = data["entities"][0]
    for key in ("id", "type", "name", "geopolitical", "roles", "mentions"):
        assert key in ent
    assert set(ent["mentions"][0]) >= {"start", "end", "text"}
    lead = "Владимир Путин доволен уровнем сотрудничества между Россией и США."
    assert data["text"].count(lead) == 1


def test_pretty_view_lists_people_with_roles():
    result = run("analyze", "--sample", *FAST)
    assert result.exit_code == 0, result.output
    assert "Джон Керри" in result.stdout and "госсекретарь США" in result.stdout


def test_txt_html_and_encodings(tmp_path):
    (tmp_path / "a.txt").write_bytes("Заголовок\n\nСергей Лавров прибыл в Женеву.".encode("cp1251"))
    result = run("analyze", str(tmp_path / "a.txt"), "-f", "json", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Заголовок" and any(e["name"] == "Сергей Лавров" for e in data["entities"])

    html = (
        "<html><head><title>Лавров в Женеве</title></head><body><nav>Меню</nav><article>"
        "<h1>Лавров в Женеве</h1><p>Министр иностранных дел России Сергей Лавров прибыл в Женеву на переговоры "
        "с госсекретарём США Джоном Керри. Переговоры продлятся два дня, сообщает МИД России.</p>"
        "<p>Стороны обсудят положение в Сирии и подготовку к конференции, которую планируется провести в ноябре.</p>"
        "</article><script>alert(1)</script></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = run("analyze", str(tmp_path / "page.html"), "-f", "json", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "alert" not in data["text"] and "Сергей Лавров" in {e["name"] for e in data["entities"]}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty input"),
        (b"   \n\n  ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary data"),
    ],
)
def test_bad_single_file_is_one_line_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("analyze", str(path), *FAST)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_file_and_huge_file(tmp_path):
    result = run("analyze", str(tmp_path / "nope.txt"), *FAST)
    assert result.exit_code == 1 and "no such file" in result.output
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (50 * 1024 * 1024))
    result = run("analyze", str(big), *FAST)
    assert result.exit_code == 1 and "too large" in result.output and "Traceback" not in result.output


def test_jsonl_batch_goes_on_past_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "title": "Визит", "text": "Владимир Путин встретился с Джоном Керри в Кремле.", "published": "2013-05-07"}, ensure_ascii=False),
        "{broken json",
        json.dumps({"id": "c", "text": ""}),
        "[1, 2]",
        json.dumps({"id": "e", "text": "Сергей Лавров прибыл в Женеву."}, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("analyze", str(path), "-f", "jsonl", *FAST)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert [r.get("id") for r in records if "error" not in r] == ["a", "e"]
    errors = {r["line"]: r["error"] for r in records if "error" in r}
    assert set(errors) == {2, 3, 4}
    assert "broken JSON" in errors[2] and "no text" in errors[3] and "JSON object" in errors[4]
    assert records[0]["published"] == "2013-05-07"


def test_gzipped_jsonl_and_broken_gzip(tmp_path):
    good = tmp_path / "feed.jsonl.gz"
    good.write_bytes(gzip.compress(json.dumps({"id": "x", "text": "Сергей Лавров прибыл в Женеву."}, ensure_ascii=False).encode()))
    result = run("analyze", str(good), "-f", "jsonl", *FAST)
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "x"
    bad = tmp_path / "broken.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "a"}')[:-6])
    result = run("analyze", str(bad), "-f", "jsonl", *FAST)
    assert result.exit_code == 1 and "gzip" in result.output


def test_stdin_and_bad_published_date():
    result = run("analyze", "-", "-f", "json", *FAST, input="Сергей Лавров прибыл в Женеву.")
    assert result.exit_code == 0 and json.loads(result.stdout)["entities"]
    result = run("analyze", "--sample", "--published", "вчера", *FAST)
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def test_library_errors_are_svodka_errors():
    import svodka

    with pytest.raises(svodka.InputError):
        svodka.analyze("   ")
    with pytest.raises(svodka.InputError):
        svodka.analyze(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(svodka.ConfigError):
        svodka.Settings(quotes="yes")  # type: ignore[arg-type]
