"""Quote marks: pair «…», „…“, “…”, "…" into segments, nested and across paragraphs.

Written here rather than taken from a library: razdel and natasha tokenise
quote marks but do not pair them, and straight quotes need a guess from the
neighbouring characters whether they open or close.

Cost: one pass over the characters; a closing mark looks ``_DEPTH`` openers
down at most, so pairing is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document

# Characters after which a straight quote opens rather than closes.
_OPENS_AFTER = set(" \n\t([{—–-:/«„“\"'")
_FAMILY = {"«": "»", "„": "“”", "“": "”", '"': '"'}
# A closing mark looks for its opener this many levels down at most: real quotations nest two or
# three deep, and without the bound a run of unmatched openers would make every closer scan them all.
_DEPTH = 8


@dataclass(slots=True)
class Segment:
    """The words between one pair of quote marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    opener: str
    depth: int  # 0 for a top-level quotation, 1 for a quote inside a quote …
    closed: bool = True  # False when the paragraph ended before a closing mark
    children: list[Segment] = field(default_factory=list)


def _is_opening(text: str, i: int, stack: list[tuple[str, int]]) -> bool | None:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "«„":
        return True
    if ch in "»”":
        return False
    if ch == "“":
        if stack and stack[-1][0] == "„":
            return False
        return prev in _OPENS_AFTER
    if ch == '"':
        if prev in _OPENS_AFTER and not nxt.isspace():
            return True
        if not prev.isspace():
            return False
        return None  # a lone straight quote between spaces: ignore it
    return None


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    spans, pos = [], 0
    for part in doc.text.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def _pair(text: str, start: int, end: int, carry: list[tuple[str, int]]) -> tuple[list[tuple[int, int, str, int]], list[tuple[str, int]]]:
    """Pair marks in text[start:end]; ``carry`` holds marks still open from earlier paragraphs."""
    pairs: list[tuple[int, int, str, int]] = []  # (open index, close index, opener, depth)
    stack = list(carry)
    for i in range(start, end):
        if text[i] not in "«»„“”\"":
            continue
        opening = _is_opening(text, i, stack)
        if opening is None:
            continue
        if opening:
            stack.append((text[i], i))
            continue
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _DEPTH), -1):
            if text[i] in _FAMILY[stack[k][0]]:
                opener, at = stack[k]
                del stack[k:]
                pairs.append((at, i, opener, k))
                break
    return pairs, stack


def find_segments(doc: Document) -> list[Segment]:
    """Top-level quoted segments in document order, each with its nested segments.

    A quotation that runs over several paragraphs, each opening with a quote mark
    and only the last one closing («…¶«…¶«…»), is one segment.
    """
    text = doc.text
    raw: list[tuple[int, int, str, int, bool]] = []
    carry: list[tuple[str, int]] = []
    paras = _paragraph_spans(doc)
    for n, (pstart, pend) in enumerate(paras):
        if carry:
            # A continued quotation re-opens each paragraph with the same mark; swallow it.
            first = text[pstart:pstart + 1]
            if first and first == carry[0][0]:
                pstart += 1
            else:
                opener, at = carry[0]
                raw.append((at, paras[n - 1][1], opener, 0, False))
                carry = []
        pairs, stack = _pair(text, pstart, pend, carry)
        raw.extend((a, b, o, d, True) for a, b, o, d in pairs)
        carry = stack[:1] if stack and _runs_on(text, stack[0][1], pend, paras, n) else []
        for opener, at in stack if not carry else stack[1:]:
            if at == pstart or text[max(pstart, at - 2):at].strip() in (":", "—", "–", ""):
                raw.append((at, pend, opener, 0, False))
    if carry:
        raw.append((carry[0][1], paras[-1][1], carry[0][0], 0, False))
    return _nest(raw)


def _runs_on(text: str, at: int, pend: int, paras: list[tuple[int, int]], n: int) -> bool:
    """An unclosed mark continues when the next paragraph opens with the same mark."""
    if n + 1 >= len(paras):
        return False
    return text[paras[n + 1][0]:paras[n + 1][0] + 1] == text[at]


def _nest(raw: list[tuple[int, int, str, int, bool]]) -> list[Segment]:
    raw.sort(key=lambda r: (r[0], -r[1]))
    top: list[Segment] = []
    open_stack: list[Segment] = []
    for at, close, opener, _depth, closed in raw:
        seg = Segment(at + 1, close, opener, 0, closed)
        while open_stack and not (open_stack[-1].start <= at < open_stack[-1].end):
            open_stack.pop()
        if open_stack:
            seg.depth = open_stack[-1].depth + 1
            open_stack[-1].children.append(seg)
        else:
            top.append(seg)
        open_stack.append(seg)
    return top
