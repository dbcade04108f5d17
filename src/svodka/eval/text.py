"""String normalisation and fuzzy comparison, as factRuEval-2016's scorers define them.

Written here rather than imported: the official scorer is a script collection,
not a package, and its rules are short (see the devset README, §2 and §4).
"""

from __future__ import annotations

import functools

_QUOTES = str.maketrans({c: '"' for c in "«»“”„"} | {c: "'" for c in "’`"} | {c: "-" for c in "‐−‒–—―"} | {"ё": "е"})


def safe_norm(text: str) -> str:
    """Lowercase, trim, unify quotes, dashes and ё→е (the scorer's «safeNormalize»)."""
    return text.lower().strip(" \r\n\t").translate(_QUOTES)


def norm(text: str) -> str:
    """``safe_norm`` plus no space before ``, . ) -`` or after ``- (``."""
    res = safe_norm(text)
    for old, new in ((" ,", ","), (" .", "."), (" -", "-"), ("- ", "-"), ("( ", "("), (" )", ")")):
        res = res.replace(old, new)
    return res


def simple_norm(text: str) -> str:
    """Lowercase, trim, ё→е: how track-3 gold values are finalised."""
    return text.lower().strip(" \n\r\t").replace("ё", "е")


@functools.lru_cache(maxsize=200_000)
def levenshtein(a: str, b: str) -> int:
    if len(b) > len(a):
        a, b = b, a
    if not b:
        return len(a)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        cur = [i + 1]
        for j, cb in enumerate(b):
            cur.append(min(cur[j] + 1, prev[j + 1] + 1, prev[j] + (ca != cb)))
        prev = cur
    return prev[-1]


def threshold(length: int) -> int:
    """Edits allowed by the longer string's length: ≤1 char → 0, 2–8 → 1, ≥9 → 2."""
    return 0 if length <= 1 else 1 if length <= 8 else 2


def similar(a: str, b: str) -> bool:
    """Equal up to the length-dependent Levenshtein threshold."""
    limit = threshold(max(len(a), len(b)))
    if abs(len(a) - len(b)) > limit:
        return False
    return levenshtein(a, b) <= limit


def response_blocks(data: str) -> list[list[str]]:
    """Blank-line separated blocks of normalised lines (tracks 2 and 3 response files; BOM tolerated)."""
    blocks: list[list[str]] = []
    block: list[str] = []
    for raw in [*data.lstrip("\ufeff").splitlines(), ""]:
        line = norm(raw)
        if line:
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    return blocks
