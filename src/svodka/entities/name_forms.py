"""Name words pymorphy3 is unsure of, as NEREL train's Wikidata names spell them in the nominative.

src/svodka/data/name_forms.tsv (scripts/build_name_forms.py) lists nominative first names and
surnames with their bearer's sex and the surface forms seen for them («скрипаля» → «скрипаль», M;
«меркель» → «меркель», F).  declension.nominatives puts a listed nominative first: for a surface
form seen for it, or, among the nominatives the declension rules allow, the one the lexicon knows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files


@dataclass(frozen=True)
class NameForm:
    kind: str  # 'first' or 'last'
    nominative: str
    sex: str | None  # 'Masc', 'Fem', None (unknown or both)
    mentions: int


_SEX = {"M": "Masc", "F": "Fem"}


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[NameForm, ...]], dict[str, tuple[NameForm, ...]]]:
    by_form: dict[str, list[NameForm]] = {}
    by_nom: dict[str, list[NameForm]] = {}
    text = files("svodka").joinpath("data/name_forms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, nom, sex, forms, mentions, _entities = line.split("\t")
        entry = NameForm(kind, nom, _SEX.get(sex), int(mentions))
        by_nom.setdefault(nom, []).append(entry)
        for form in forms.split(","):
            by_form.setdefault(form, []).append(entry)
    return (
        {k: tuple(v) for k, v in by_form.items()},
        {k: tuple(v) for k, v in by_nom.items()},
    )


def _agrees(entry: NameForm, gender: str | None) -> bool:
    return gender not in ("Masc", "Fem") or entry.sex in (None, gender)


def seen_nominatives(word: str, gender: str | None) -> list[str]:
    """The nominatives ``word`` (lower case, «ё» as «е») was seen for, of a bearer of ``gender``
    (a woman's «Марьяна» is not the man's «Марьян»), likelier first."""
    agreeing = [e for e in _lexicon()[0].get(word, ()) if _agrees(e, gender)]
    out: list[str] = []
    for e in sorted(agreeing, key=lambda e: -e.mentions):
        if e.nominative not in out:
            out.append(e.nominative)
    return out


def known_nominative(word: str, gender: str | None) -> bool:
    """``word`` is a nominative of the lexicon, of a bearer of ``gender`` (or of unknown sex)."""
    return any(_agrees(e, gender) for e in _lexicon()[1].get(word, ()))


def lexicon_sex(word: str, kind: str | None = None) -> str | None:
    """The one sex the lexicon gives the nominative ``word`` (of ``kind`` when given), else None."""
    sexes = {e.sex for e in _lexicon()[1].get(word, ()) if kind in (None, e.kind)}
    return sexes.pop() if len(sexes) == 1 else None
