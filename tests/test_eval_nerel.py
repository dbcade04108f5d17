"""`svodka eval nerel`: each metric on a hand-made brat case, then the whole run on real NEREL documents."""

from __future__ import annotations

import pytest

from svodka.eval import brat
from svodka.eval.nerel import identity_scores
from svodka.eval.nerel_score import LinkedMention, name_matches, score_doc
from svodka.eval.nerel_view import SysArg, SysEntity, SysFact, SysRole, SysView, head

TEXT = "Министр иностранных дел России Сергей Лавров 5 мая встретился в Москве с Джоном Керри."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567
ANN = "\n".join([
    "T1\tPROFESSION 0 23\tМинистр иностранных дел",
    "T2\tORGANIZATION 0 30\tМинистр иностранных дел России",  # a made-up outer span over a nested country
    "T3\tCOUNTRY 24 30\tРоссии",
    "T4\tPERSON 31 44\tСергей Лавров",
    "T5\tDATE 45 50\t5 мая",
    "T6\tEVENT 51 61\tвстретился",
    "T7\tCITY 64 70\tМоскве",
    "T8\tPERSON 73 85\tДжоном Керри",
    "R1\tWORKS_AS Arg1:T4 Arg2:T1",
    "R2\tWORKPLACE Arg1:T4 Arg2:T3",
    "R3\tPARTICIPANT_IN Arg1:T4 Arg2:T6",
    "R4\tPARTICIPANT_IN Arg1:T8 Arg2:T6",
    "N1\tReference T4 Wikidata:Q80581\tСергей Викторович Лавров",
    "N2\tReference T8 Wikidata:Q22316\tДжон Керри",
    "N3\tReference T7 Wikidata:NULL\tМосква",
])


def gold():
    return brat.parse("hand", TEXT, ANN)


def view(**changes) -> SysView:
    base = dict(
        mentions=[("LOC", 24, 30, "e0"), ("PER", 31, 44, "e1"), ("LOC", 64, 70, "e2"), ("PER", 73, 79, "e3")],
        entities={"e0": SysEntity("e0", "LOC", "Россия"),
                  "e1": SysEntity("e1", "PER", "Сергей Лавров", [SysRole("министр иностранных дел России",
                                                                          "министр иностранных дел", "e0", "Россия")]),
                  "e2": SysEntity("e2", "LOC", "Москва"), "e3": SysEntity("e3", "PER", "Джон Керри")},
        times=[(45, 50)],
        facts=[SysFact("Meeting", [SysArg("participant", "e1", None, None, None),
                                   SysArg("participant", "e3", None, None, None)], (51, 61))],
    )
    base.update(changes)
    return SysView(**base)


def test_brat_reader_reads_entities_relations_and_links():
    g = gold()
    assert g.text[g.entities["T4"].start:g.entities["T4"].end] == "Сергей Лавров"
    assert [r.type for r in g.relations] == ["WORKS_AS", "WORKPLACE", "PARTICIPANT_IN", "PARTICIPANT_IN"]
    assert g.links == {"T4": ("Q80581", "Сергей Викторович Лавров"), "T8": ("Q22316", "Джон Керри")}  # NULL dropped


def test_brat_reader_joins_discontinuous_fragments():
    g = brat.parse("x", "главы района и администрации", "T1\tPROFESSION 0 5;14 28\tглавы администрации")
    assert (g.entities["T1"].start, g.entities["T1"].end, g.entities["T1"].fragments) == (0, 28, [(0, 5), (14, 28)])
    with pytest.raises(brat.BratError):
        brat.parse("x", "abc", "T1\tPERSON 0 9\tabc")


def test_mentions_exact_and_overlap_with_nested_spans_neither_right_nor_wrong():
    s = score_doc(gold(), view()).metrics
    # Gold outermost: ORG 0-30, PER 31-44, LOC 64-70, PER 73-85; «России» (24-30) is inner, svodka's LOC there
    # counts neither way; «Джоном» (73-79) overlaps «Джоном Керри» but is not exact.
    per, per_over = s["mentions_exact/PER"], s["mentions/PER"]
    assert (per.n_std, per.tp_std, per.n_test, per.tp_test) == (2, 1, 2, 1)
    assert (per_over.tp_std, per_over.tp_test) == (2, 2)
    loc = s["mentions_exact/LOC"]
    assert (loc.n_std, loc.tp_std, loc.n_test, loc.tp_test) == (1, 1, 1, 1)
    org = s["mentions_exact/ORG"]
    assert (org.n_std, org.tp_std, org.n_test) == (1, 0, 0)
    inner = score_doc(gold(), view(mentions=[("LOC", 24, 30, "e0")])).metrics["mentions/LOC"]
    assert (inner.n_test, inner.tp_test) == (0, 0)  # only the nested country: neither right nor wrong
    part = score_doc(gold(), view(mentions=[("ORG", 24, 30, "e0")])).metrics
    assert (part["mentions/ORG"].tp_test, part["mentions_exact/ORG"].n_test, part["mentions_exact/ORG"].tp_test) == (1, 1, 0)
    stray = score_doc(gold(), view(mentions=[("ORG", 51, 61, "e9")])).metrics["mentions_exact/ORG"]
    assert (stray.n_test, stray.tp_test) == (0, 0)  # equals an EVENT span, a type not scored
    stray = score_doc(gold(), view(mentions=[("ORG", 80, 85, "e9")])).metrics["mentions/ORG"]
    assert (stray.n_test, stray.tp_test) == (1, 0)


def test_times_overlap_and_exact():
    s = score_doc(gold(), view(times=[(45, 46), (71, 72)])).metrics
    assert (s["times/TIME"].tp_std, s["times/TIME"].tp_test, s["times/TIME"].n_test) == (1, 1, 2)
    assert (s["times_exact/TIME"].tp_std, s["times_exact/TIME"].tp_test) == (0, 0)


def test_roles_need_the_profession_head_and_the_workplace():
    s = score_doc(gold(), view()).metrics
    assert (s["roles/post"].n_std, s["roles/post"].tp_std, s["roles/post"].n_test, s["roles/post"].tp_test) == (1, 1, 1, 1)
    assert (s["roles/org"].n_std, s["roles/org"].tp_std) == (1, 1)
    other = view()
    other.entities["e1"].roles = [SysRole("посол", "посол", None, None)]
    s = score_doc(gold(), other).metrics
    assert (s["roles/post"].tp_std, s["roles/post"].tp_test, s["roles/org"].tp_std) == (0, 0, 0)
    assert head("бывшего генерального директора компании") == "директор"


def test_a_substantivised_participle_heads_its_own_post():
    # the participle is the post, the noun after it (not agreeing with it) its complement
    assert head("управляющий небольшого фонда") == "управляющий"
    assert head("командующим войсками Сибирского военного округа") == "командующий"
    assert head("ведущего популярной передачи КВН") == "ведущий"
    # an agreeing noun is still the head; «исполняющий обязанности» is still the acting post's
    assert head("ведущий специалист") == "специалист"
    assert head("военный эксперт") == "эксперт"
    assert head("временно исполняющим обязанности губернатора Архангельской области") == "губернатор"
    # a role «управляющий фонда» scores against the gold profession «управляющий фонда», not a «фонд» role
    text = "Управляющий фонда Иван Петров уволился."
    g = brat.parse("p", text, "T1\tPROFESSION 0 17\tУправляющий фонда\nT2\tPERSON 18 29\tИван Петров\n"
                   "R1\tWORKS_AS Arg1:T2 Arg2:T1")
    right = SysView([("PER", 18, 29, "e1")], {"e1": SysEntity("e1", "PER", "Иван Петров",
                                                             [SysRole("управляющий фонда", "управляющий", None, None)])},
                    [], [])
    s = score_doc(g, right).metrics["roles/post"]
    assert (s.tp_std, s.tp_test) == (1, 1)
    wrong = SysView(right.mentions, {"e1": SysEntity("e1", "PER", "Иван Петров", [SysRole("фонд", "фонд", None, None)])},
                    [], [])
    s = score_doc(g, wrong).metrics["roles/post"]
    assert (s.tp_std, s.tp_test) == (0, 0)


def test_facts_against_relations():
    s = score_doc(gold(), view()).metrics
    part = s["facts/Participation"]  # two PARTICIPANT_IN units; the Meeting covers both
    assert (part.n_std, part.tp_std, part.n_test, part.tp_test) == (2, 2, 1, 1)
    occ = s["facts/Occupation"]
    assert (occ.n_std, occ.tp_std, occ.n_test) == (1, 0, 0)
    fact = SysFact("Occupation", [SysArg("who", "e1", None, None, None),
                                  SysArg("position", None, "министр", 0, 7)], None)
    occ = score_doc(gold(), view(facts=[fact])).metrics["facts/Occupation"]
    assert (occ.tp_std, occ.tp_test, occ.n_test) == (1, 1, 1)


def test_linked_persons_normal_forms_and_identity():
    linked = score_doc(gold(), view()).linked
    assert [(m.qid, m.entity) for m in linked] == [("Q80581", "e1"), ("Q22316", "e3")]
    assert [name_matches(m) for m in linked] == [False, True]  # the patronymic is missing
    # Three documents: Lavrov twice under one identity, Kerry twice under two, one Kerry missed.
    ms = [LinkedMention("a", "L", "", "e1", None), LinkedMention("b", "L", "", "e1", None),
          LinkedMention("a", "K", "", "e3", None), LinkedMention("b", "K", "", "e7", None),
          LinkedMention("c", "K", "", None, None)]
    ids = {("a", "e1"): "P1", ("b", "e1"): "P1", ("a", "e3"): "P2", ("b", "e7"): "P3"}
    scores = identity_scores(ms, ids)
    pw = scores["identity/pairwise"]  # gold pairs: 1 (L) + 3 (K); system pairs: 1; right: 1
    assert (pw.tp_std, pw.n_std, pw.n_test) == (1, 4, 1)
    b3 = scores["identity/bcubed"]
    assert b3.precision == 1.0 and b3.recall == pytest.approx((1 + 1 + 1 / 3 * 3) / 5)


def test_eval_nerel_on_three_dev_documents(nerel_dir, models):
    from svodka.eval.nerel import evaluate_nerel

    result = evaluate_nerel(nerel_dir / "dev", limit=3)
    assert result.documents == 3 and not result.skipped
    for key in ("mentions_exact/overall", "mentions/overall", "times/overall", "identity/bcubed"):
        assert result.get(key).n_std > 0 and result.get(key).f1 > 0.5, key
    assert result.get("mentions/overall").f1 >= result.get("mentions_exact/overall").f1
    assert result.get("roles/post").n_std > 0
    assert 0 < result.get("names/found").recall <= 1


def test_found_share_counts_links_without_a_wikidata_name():
    """A found mention whose Wikidata link has no name is found all the same; only the normal-form
    accuracy needs the name (NEREL train: 1,308 of 6,566 linked mentions have none)."""
    from svodka.eval.nerel import NerelResult, _names

    ms = [LinkedMention("a", "Q1", "Сергей Лавров", "e1", "Сергей Лавров"),
          LinkedMention("a", "Q2", "", "e2", "Алла Пугачёва"),  # found, the link has no name
          LinkedMention("b", "Q3", "Джон Керри", None, None)]  # missed
    result = NerelResult()
    _names(result, ms)
    found = result.get("names/found")
    assert (found.tp_std, found.n_std) == (2, 3)
    normal = result.get("names/normal_form")
    assert (normal.tp_std, normal.n_std) == (1, 1)


def test_a_linked_person_inside_another_name_is_marked_nested():
    """«МХТ имени Чехова»: NEREL links the inner PERSON; svodka's schema has no nested mentions, so the
    identity is also scored without such mentions (identity_outer/…)."""
    text = "Он играл в МХТ имени Чехова. Чехов писал пьесы."
    ann = "\n".join(["T1\tORGANIZATION 11 27\tМХТ имени Чехова", "T2\tPERSON 21 27\tЧехова",
                     "T3\tPERSON 29 34\tЧехов",
                     "N1\tReference T2 Wikidata:Q5676\tАнтон Чехов", "N2\tReference T3 Wikidata:Q5676\tАнтон Чехов"])
    sys = SysView(mentions=[("ORG", 11, 27, "e1"), ("PER", 29, 34, "e2")],
                  entities={"e1": SysEntity("e1", "ORG", "МХТ имени Чехова"), "e2": SysEntity("e2", "PER", "Чехов")},
                  times=[], facts=[])
    linked = score_doc(brat.parse("hand", text, ann), sys).linked
    assert [(m.entity, m.nested) for m in linked] == [(None, True), ("e2", False)]
    outer = identity_scores([m for m in linked if not m.nested], {("hand", "e2"): "P1"})
    assert outer["identity/bcubed"].recall == 1.0
    assert identity_scores(linked, {("hand", "e2"): "P1"})["identity/bcubed"].recall == 0.5
