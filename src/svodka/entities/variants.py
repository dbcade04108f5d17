"""One key for the spelling variants of a transliterated name.

Russian news spell one foreign name several ways: «Коннелл», «Коннель», «Коннел»; «Каас» and
«Кас»; «Рэй» and «Рей»; «Гельмут» and «Хельмут» (German H was once written Г); «О'Брайен» and
«О’Брайен».  ``variant_key`` maps all of them to one string, so the in-article merge and the
corpus linker can compare names by it.  It is a pure function of the word (no dictionary), so
the same key comes out in every process and every article.

The key folds, in this order: case and «ё»; apostrophes, hyphens and spaces (dropped); «э» → «е»
and «й» → «и» (Рэй, Рей, Реи; Майкл, Маикл); the soft sign (dropped: Коннель = Коннел); «я» after a
vowel → «а» (Монтойя = Монтойа, Гарсия = Гарсиа: «ia» transliterated both ways); a leading «г» → «х»
(Гельмут = Хельмут, Гамбург = Хамбург); an unstressed «-мен» at the end → «-ман» (Хантсмен =
Хантсман, Ньюмен = Ньюман: English «-man»); doubled letters (Коннелл = Конел, Каас = Кас,
Баффетт = Баффет).
"""

from __future__ import annotations

import functools
import re

_DROP = re.compile(r"['’ʼ`ʻ\-‐‑–\s.]+")
_DOUBLE = re.compile(r"(.)\1+")
_LETTERS = str.maketrans({"ё": "е", "э": "е", "й": "и", "ь": None, "ъ": None})
_IA = re.compile(r"(?<=[аеиоуыю])я")
_MAN = re.compile(r"(?<=..)мен$")


@functools.lru_cache(maxsize=100_000)
def variant_key(name: str) -> str:
    """The spelling-variant key of a name or a name word: «О’Брайен» and «О'Брайен» → «обраиен»,
    «Гельмут Коль» and «ХельмутКоль» → «хелмуткол»."""
    low = _DROP.sub(" ", name.lower()).split()
    out = []
    for word in low:
        word = _IA.sub("а", word.translate(_LETTERS))
        if word.startswith("г") and len(word) > 3:
            word = "х" + word[1:]
        if len(word) >= 5:
            word = _MAN.sub("ман", word)
        out.append(_DOUBLE.sub(r"\1", word))
    return "".join(out)


def same_spelling(a: str | None, b: str | None) -> bool:
    """Two spellings of one name («Коннелл», «Коннель»)."""
    return bool(a and b) and variant_key(a) == variant_key(b)
