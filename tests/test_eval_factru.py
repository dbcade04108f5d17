"""The factRuEval scorer on its own (gold-derived ceilings, hand-computed responses), the exporter, the CLI."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from svodka.eval import evaluate_factru
from svodka.eval import track1, track2, track3
from svodka.eval.gold import doc_names, load_doc
from svodka.eval.metrics import Metrics

TEXT = "В понедельник у здания мэрии Москвы выступил мэр Юрий Лужков."


def _total(outcomes) -> dict[str, Metrics]:
    tot: dict[str, Metrics] = {}
    for o in outcomes:
        for tag, m in o.metrics.items():
            tot.setdefault(tag, Metrics()).add(m)
    return tot


def _write_gold(folder: Path, name: str = "book_1") -> None:
    """A one-sentence gold document in the devset's six layers."""
    toks = [(m.start(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", TEXT)]
    tid = {text: 100 + i for i, (_, text) in enumerate(toks)}
    pos = dict((text, start) for start, text in toks)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.tokens").write_text(
        "".join(f"{100 + i} {s} {len(t)} {t}\n" for i, (s, t) in enumerate(toks)), encoding="utf-8")
    spans = [("1", "org_descr", "мэрии"), ("2", "loc_name", "Москвы"), ("3", "name", "Юрий"),
             ("4", "surname", "Лужков"), ("5", "job", "мэр")]
    (folder / f"{name}.spans").write_text(
        "".join(f"{i} {tag} {pos[w]} {len(w)} {tid[w]} 1  # {tid[w]} {w}\n" for i, tag, w in spans), encoding="utf-8")
    (folder / f"{name}.objects").write_text(
        "11 Org 2 1 # Москвы мэрии\n12 LocOrg 2 # Москвы\n13 Person 3 4 # Юрий Лужков\n", encoding="utf-8")
    (folder / f"{name}.coref").write_text(
        "1 11\ndescriptor мэрия\nname мэрия Москвы\n\n2 12\nname Москва\n\n3 13\nfirstname Юрий\nlastname Лужков\n",
        encoding="utf-8")
    (folder / f"{name}.facts").write_text(
        "1-0 Occupation\nWho obj3 Лужков Юрий\nWhere obj1 мэрия Москвы\nPosition span5 мэр\n", encoding="utf-8")


@pytest.fixture()
def tiny(tmp_path):
    _write_gold(tmp_path)
    return load_doc(tmp_path, "book_1")


def _at(word: str, last: str | None = None) -> tuple[int, int]:
    start = TEXT.index(word)
    end = TEXT.index(last) + len(last) if last else start + len(word)
    return start, end - start


# -- hand-made responses, hand-computed numbers ----------------------------------------------


def test_track1_partial_credit_and_ignored_nested_mention(tiny):
    s1, n1 = _at("мэрии", "Москвы")
    s2, n2 = _at("мэр Юрий", "Лужков")
    s3, n3 = _at("понедельник")
    lines = track1.parse_response(f"org {s1} {n1}\nper {s2} {n2}\nloc {s3} {n3}\n")
    m = track1.score(tiny, lines).metrics
    # org exact (1), per with one extra word (2/(2+1)), loc spurious; the locorg «Москвы» inside
    # «мэрии Москвы» is an ignored gold mention.  TP 5/3, N_std 2, N_test 3.
    assert m["overall"].tp_std == pytest.approx(5 / 3)
    assert (m["overall"].n_std, m["overall"].n_test) == (2, 3)
    assert m["overall"].precision == pytest.approx(5 / 9)
    assert m["overall"].recall == pytest.approx(5 / 6)
    assert m["overall"].f1 == pytest.approx(2 / 3)
    assert m["per"].f1 == pytest.approx(2 / 3) and m["org"].f1 == 1.0
    assert (m["loc"].precision, m["loc"].n_test) == (0.0, 1)


def test_track1_descriptor_words_are_optional(tiny):
    start, length = _at("Москвы")
    m = track1.score(tiny, [("org", start, length)]).metrics["overall"]
    # «мэрии» is an org_descr span: omitting it costs nothing; the person is missed.
    assert (m.tp_std, m.n_std, m.n_test) == (1.0, 2, 1)
    assert m.f1 == pytest.approx(2 / 3)


def test_track2_fuzzy_names_and_ignored_entities(tiny):
    resp = track2.parse_response(
        "per\nfirstname: Юрий\nlastname: Лужкова\n\norg\nname: мэрия\n\nlocorg\nname: Москва\n")
    m = track2.score(tiny, resp).metrics["overall"]
    # «лужкова» is one edit from «лужков» (allowed for 2-8 letters); «мэрия» is 7 edits from
    # «мэрия москвы»: the org is missed and the response spurious; Москва's only mention is
    # nested in «мэрии Москвы», so that entity and its response are ignored.
    assert (m.tp_std, m.n_std, m.n_test) == (1.0, 2, 2)
    assert m.f1 == pytest.approx(0.5)


def test_track3_two_response_facts_share_one_gold_fact(tiny):
    resp = track3.parse_response(
        "Occupation\nwho: Юрий Лужков\nwhere: мэрия Москвы\nposition: мэр\n\n"
        "Occupation\nwho: Лужков\nposition: губернатор\n")
    out = track3.score(tiny, resp)
    m = out.metrics["overall"]
    # Attached together: A = 2.5 / (2.5 + 0.5) (the extra position weighs 0.5), I = 1 → q = 5/6;
    # TP_std 5/6 of 1, TP_test 2·5/6 of 2.  Leaving the second one out gives only F1 2/3.
    assert m.tp_std == pytest.approx(5 / 6) and m.tp_test == pytest.approx(5 / 3)
    assert (m.n_std, m.n_test) == (1, 2)
    assert m.f1 == pytest.approx(5 / 6)
    assert out.greedy == 0


def test_track3_second_colon_rejects_the_file():
    with pytest.raises(ValueError):
        track3.parse_response("Occupation\nwho: Лужков: Юрий\n")


# -- gold-derived responses reach the ceilings of the README -----------------------------------


def test_gold_derived_track1_and_track2_ceilings(factru_dir):
    docs = [load_doc(factru_dir, n) for n in doc_names(factru_dir)]
    t1 = _total(track1.score(d, track1.parse_response(track1.gold_response(d))) for d in docs)
    assert round(t1["overall"].f1, 4) == 0.9966
    assert round(t1["overall"].tp_std, 2) == 2326.17 and t1["overall"].n_std == 2334
    assert round(t1["per"].f1, 4) == 0.9997 and round(t1["org"].f1, 4) == 0.9904 and t1["locorg"].f1 == 1.0
    folded = _total(track1.score(d, track1.parse_response(track1.gold_response(d)), True) for d in docs)
    assert round(folded["overall"].f1, 4) == 0.9966 and round(folded["loc"].f1, 4) == 0.9987
    t2 = _total(track2.score(d, track2.parse_response(track2.gold_response(d))) for d in docs)
    assert t2["overall"].f1 == 1.0
    assert [t2[t].n_std for t in ("per", "loc", "org")] == [387, 524, 386]


def test_gold_derived_track3_ceiling(factru_dir):
    from svodka.eval.run import position_lemma

    docs = [load_doc(factru_dir, n, position_lemma()) for n in doc_names(factru_dir)]
    t3 = _total(track3.score(d, track3.parse_response(track3.gold_response(d))) for d in docs)
    assert t3["overall"].f1 == 1.0 and t3["overall"].n_std > 200


# -- the exporter -----------------------------------------------------------------------------


def test_export_maps_cleaned_offsets_back_to_the_raw_text():
    from svodka.document import Entity, Mention, NameParts
    from svodka.eval.export import export
    from svodka.pipeline import make_document

    raw = "Госсекретарь  США\u00a0Джон Керри прилетел в Москву.\n\n\nВстреча прошла в Кремле."
    doc = make_document(raw)
    t = doc.text

    def mention(word: str, kind: str = "name") -> Mention:
        return Mention(t.index(word), t.index(word) + len(word), word, kind)

    doc.entities = [
        Entity("e1", "PER", "Джон Керри", [mention("Джон Керри"), mention("Госсекретарь  США".replace("  ", " "), "descriptor")],
               parts=NameParts(first="Джон", last="Керри")),
        Entity("e2", "LOC", "США", [Mention(t.index("США"), t.index("США") + 3, "США", geopolitical=True)],
               geopolitical=True),
        Entity("e3", "LOC", "Москва", [mention("Москву")]),
        Entity("e4", "ORG", "Кремль", [mention("Кремле")]),
    ]
    out = export(doc, raw)
    assert out.mismatches == []
    lines = out.task1.splitlines()
    assert lines[0] == f"per {raw.index('Джон')} {len('Джон Керри')}"
    # LocOrg is per mention (a country acting); the descriptor is not a track-1 mention.
    assert f"locorg {raw.index('США')} 3" in lines and f"loc {raw.index('Москву')} 6" in lines and len(lines) == 4
    assert f"org {raw.index('Кремле')} 6" in lines
    assert "per\nfirstname: Джон\nlastname: Керри" in out.task2
    assert "locorg\nname: США" in out.task2


# -- the runner and the CLI -------------------------------------------------------------------


def _subset(factru_dir: Path, folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        for f in factru_dir.glob(f"{name}.*"):
            shutil.copy(f, folder / f.name)
    return folder


def test_export_then_reread_gives_identical_figures(factru_dir, tmp_path, models):
    gold = _subset(factru_dir, tmp_path / "gold", ["book_100", "book_151", "book_3269"])
    first = evaluate_factru(gold, export_dir=tmp_path / "resp")
    files = sorted(p.name for p in (tmp_path / "resp").iterdir())
    assert files == sorted(f"{n}.task{t}" for n in ("book_100", "book_151", "book_3269") for t in (1, 2, 3))
    again = evaluate_factru(gold, response_dir=tmp_path / "resp")
    assert again.scores == first.scores and again.documents == 3


def test_gold_that_fails_to_load_is_reported_and_skipped(factru_dir, tmp_path):
    gold = _subset(factru_dir, tmp_path / "gold", ["book_100", "book_151"])
    (gold / "book_151.spans").write_text("22763 loc_name 37 6 143790\n", encoding="utf-8")
    resp = tmp_path / "resp"
    resp.mkdir()
    d = load_doc(gold, "book_100")
    (resp / "book_100.task1").write_text(track1.gold_response(d), encoding="utf-8")
    result = evaluate_factru(gold, tracks=(1,), response_dir=resp)
    assert result.documents == 1
    assert result.skipped[0][0] == "book_151" and "gold failed to load" in result.skipped[0][1]
    assert round(result.scores["track1"]["overall"].f1, 4) == 1.0


def test_cli_scores_a_response_folder_and_writes_the_report(factru_dir, tmp_path):
    from typer.testing import CliRunner

    from svodka.cli import app

    gold = _subset(factru_dir, tmp_path / "gold", ["book_100"])
    _write_gold(gold, "book_2")
    resp = tmp_path / "resp"
    resp.mkdir()
    for name in ("book_100", "book_2"):
        d = load_doc(gold, name)
        (resp / f"{name}.task1").write_text(track1.gold_response(d), encoding="utf-8")
        (resp / f"{name}.task2").write_text(track2.gold_response(d), encoding="utf-8")
    quality = tmp_path / "quality.md"
    quality.write_text("# Quality\n\n## factRuEval-2016 (entities, tracks 1–3)\n\nSTALE FIGURES\n\n## Quotes\n\nkept\n")
    res = CliRunner().invoke(app, ["eval", "factru", str(gold), "--tracks", "1,2", "--response", str(resp),
                                   "--report", str(quality), "-l"])
    assert res.exit_code == 0, res.output
    assert "locorg folded" in res.output and "1.0000" in res.output
    text = quality.read_text()
    assert "STALE" not in text and "## Quotes\n\nkept" in text and "| overall | 1.0000 |" in text
    bad = CliRunner().invoke(app, ["eval", "factru", str(gold), "--tracks", "4"])
    assert bad.exit_code != 0 and "--tracks" in bad.output


def test_devset_split_is_fixed_and_about_a_quarter_held_out(factru_dir):
    from svodka.eval.gold import doc_names
    from svodka.eval.splits import factru_split, select

    names = doc_names(factru_dir)
    held = select(names, "heldout")
    assert len(held) == 29 and "book_127" in held and "book_100" not in held
    assert sorted(held + select(names, "tune")) == sorted(names) == sorted(select(names, "all"))
    assert factru_split("book_99") == "heldout" and factru_split("book_100") == "tune"
