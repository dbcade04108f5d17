"""The brief on the sample article and the `svodka brief` command."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from svodka.brief import make_brief
from svodka.cli import app
from svodka.document import Document


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_summary_is_two_to_four_sentences_from_the_text(sample_doc):
    summary = sample_doc.brief.summary
    parts = sentences(summary)
    assert 2 <= len(parts) <= 4
    for part in parts:
        assert part in " ".join(sample_doc.text.split())


def test_summary_carries_the_events(sample_doc):
    summary = sample_doc.brief.summary
    assert "Керри" in summary and "Кремле" in summary
    # The June meeting with Obama (at the G8 summit), said in the lead or in the G8 sentence.
    assert "саммите G8" in summary or "встреча с президентом США Бараком Обамой в июне 2013 года" in summary


def test_anaphoric_sentence_comes_with_what_it_points_to(sample_doc):
    # «Об этом Путин заявил…» alone would not say what «этом» is.
    parts = sentences(sample_doc.brief.summary)
    for k, part in enumerate(parts):
        if part.startswith(("Об этом", "Он ")):
            assert k > 0
    assert not parts[0].startswith(("Об этом", "Он ", "Кроме того"))


def test_summary_skips_title_and_repeated_lead(sample_doc):
    summary = sample_doc.brief.summary
    assert sample_doc.title not in summary
    parts = sentences(summary)
    assert len(parts) == len(set(parts))


def test_keyphrases(sample_doc):
    phrases = sample_doc.brief.keyphrases
    assert 5 <= len(phrases) <= 10
    assert "Владимир Путин" in phrases and "Джон Керри" in phrases
    assert "саммит G8" in phrases  # an event, in the nominative
    assert len({p.lower() for p in phrases}) == len(phrases)


def test_empty_document_gives_empty_brief():
    brief = make_brief(Document(text=""))
    assert brief.summary == "" and brief.keyphrases == []


def test_brief_command_on_sample():
    result = CliRunner().invoke(app, ["brief", "--sample", "--published", "2013-05-08"])
    assert result.exit_code == 0, result.output
    assert "Ключевые слова" in result.output
    assert "Кремле" in result.output


def test_brief_command_without_input_fails_cleanly():
    result = CliRunner().invoke(app, ["brief"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_title_without_full_stop_stays_out_of_summary(models):
    from svodka import analyze

    title = "Создатель MySQL против сделки Oracle — Sun"
    body = ("Он уже обратился за помощью к русским и китайским антимонопольным службам. "
            "Основатель MySQL Майкл Видениус заявил, что выступает против сделки по слиянию компаний Oracle и Sun Microsystems. "
            "Sun, напомним, приобрела MySQL за 1 млрд долларов в 2008 году.")
    doc = analyze(body, title=title, models=models)
    assert doc.brief.summary
    assert title not in doc.brief.summary
    assert "Видениус" in doc.brief.summary
