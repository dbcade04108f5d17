"""The time part of `svodka eval nerel`: AGE spans aside, and the error listing, on a hand-made brat case."""

from __future__ import annotations

from svodka.eval import brat
from svodka.eval.nerel_score import score_doc
from svodka.eval.nerel_times import listing, shape
from svodka.eval.nerel_view import SysView

TEXT = "39-летний Иван Петров 5 мая 2016 года уехал в Москву на три дня, вечером."
ANN = "\n".join([
    "T1\tAGE 0 9\t39-летний",
    "T2\tPERSON 10 21\tИван Петров",
    "T3\tDATE 22 37\t5 мая 2016 года",
    "T4\tDATE 53 63\tна три дня",
    "T5\tTIME 65 72\tвечером",
])


def view(times) -> SysView:
    return SysView(mentions=[], entities={}, times=times, facts=[])


def test_a_time_that_meets_only_an_age_counts_neither_way():
    s = score_doc(brat.parse("hand", TEXT, ANN), view([(0, 9), (22, 37)])).metrics
    assert (s["times/TIME"].tp_test, s["times/TIME"].n_test) == (1, 1)
    assert (s["times_exact/TIME"].tp_test, s["times_exact/TIME"].n_test) == (1, 1)
    assert (s["times/TIME"].tp_std, s["times/TIME"].n_std) == (1, 3)


def test_errors_are_missed_extra_and_boundary():
    scored = score_doc(brat.parse("hand", TEXT, ANN), view([(0, 9), (24, 37), (56, 63), (38, 43)]))
    kinds = sorted((e.kind, e.gold, e.system) for e in scored.time_errors)
    assert kinds == [("boundary", "5 мая 2016 года", "мая 2016 года"), ("boundary", "на три дня", "три дня"),
                     ("extra", None, "уехал"), ("missed", "вечером", None)]
    text = listing(scored.time_errors)
    assert "## missed: 1" in text and "## extra: 1" in text and "## boundary: 2" in text
    assert "N мая N года  ←  мая N года" in text
    assert shape("В  2016 году") == "в N году"


def test_the_full_stop_of_a_closing_abbreviation_is_no_extent_error():
    text = "Он переехал в 1947 г. в Ленинград."
    g = brat.parse("hand", text, "T1\tDATE 12 20\tв 1947 г")
    s = score_doc(g, view([(12, 21)])).metrics
    assert (s["times_exact/TIME"].tp_std, s["times_exact/TIME"].tp_test) == (1, 1)


def test_eval_nerel_writes_the_time_error_listing(nerel_dir, tmp_path):
    from typer.testing import CliRunner

    from svodka.cli.app import app

    out = tmp_path / "times-errors.txt"
    result = CliRunner().invoke(app, ["eval", "nerel", str(nerel_dir / "train"), "--limit", "2", "--no-identity",
                                      "--times-errors", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("## missed: ") and "## extra: " in text and "## boundary: " in text


def test_the_nerel_view_leaves_out_present_references_svodka_keeps(models):
    """«в настоящее время» stays a PRESENT_REF time in svodka's output; NEREL's annotation leaves it out
    (NEREL train: 9 of svodka's 79 PRESENT_REF met one), so the NEREL view leaves it out."""
    from svodka.nlp import parse
    from svodka.pipeline import make_document
    from svodka.eval.nerel_view import project
    from svodka.times import extract_times

    text = "В настоящее время он живёт в Москве, куда переехал 5 мая 2016 года."
    doc = make_document(text)
    parse(doc, models)
    doc.times = extract_times(doc)
    assert [(t.text, t.value) for t in doc.times] == [("В настоящее время", "PRESENT_REF"), ("5 мая 2016 года", "2016-05-05")]
    assert project(doc).times == [(51, 66)]


def test_a_year_glued_into_a_name_counts_neither_way():
    """«ЧМ-2018» is an EVENT whose name holds a DATE; svodka's schema leaves years inside names out."""
    text = "На ЧМ-2018 сборная Мексики обыграла Германию 17 июня 2018 года, как в 1992-1995 годах."
    ann = "\n".join(["T1\tEVENT 3 10\tЧМ-2018", "T2\tDATE 6 10\t2018", "T3\tDATE 45 62\t17 июня 2018 года",
                     "T4\tEVENT 70 85\t1992-1995 годах", "T5\tDATE 70 74\t1992", "T6\tDATE 75 85\t1995 годах"])
    s = score_doc(brat.parse("hand", text, ann), view([(45, 62)])).metrics
    assert (s["times/TIME"].tp_std, s["times/TIME"].n_std) == (1, 3)  # «1992» and «1995 годах» stay in the gold
    s = score_doc(brat.parse("hand", text, ann), view([(6, 10), (45, 62)])).metrics
    assert (s["times/TIME"].tp_test, s["times/TIME"].n_test) == (1, 1)
