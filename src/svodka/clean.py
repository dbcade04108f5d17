"""Cleaning: normalise whitespace and Unicode, drop repeated paragraphs and boilerplate.

The cleaned text is built character by character beside an array that maps
every cleaned character back to its index in the raw input, so offsets can
always be taken back to the source (the factRuEval exporter needs that).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# Characters that are spaces for a reader but not for str.isspace() alone.
_SPACE = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000", "\t", "\r", "\f", "\v"}
# Characters dropped outright: zero-width marks, soft hyphen, BOM, and the two noncharacters
# U+FFFE and U+FFFF.  Lone surrogates (a broken JSON "\\ud800", a bad decoder) go too: no
# encoder, morphology dictionary or database accepts them.  Control characters are dropped below.
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufffe", "\uffff"}

# Boilerplate lines seen in Russian news pages and feeds; a paragraph matching one is dropped.
_BOILERPLATE = re.compile(
    r"^\s*(?:читайте\s+также|читайте\s+нас|смотрите\s+также|подписывайтесь|"
    r"поделиться|реклама\b|фото\s*:|фото\s+из\s+открытых|источник\s*:|"
    r"нашли\s+ошибку|все\s+права\s+защищены|©)",
    re.IGNORECASE,
)

# A repeated paragraph shorter than this (in words) is kept: «Москва.» twice is not a reprinted
# lead, nor is a result that recurs in a list («• • Нисипяну — Топалов 0,5:0,5» after games 1 and 3).
_MIN_REPEAT_WORDS = 8


@dataclass(slots=True)
class Cleaned:
    text: str
    offsets: array  # offsets[i] = raw index of text[i]
    paragraphs: list[tuple[int, int]]  # (start, end) in text
    dropped: list[tuple[str, str]]  # (reason, paragraph text)


def _paragraph_ranges(raw: str) -> list[tuple[int, int]]:
    """Raw (start, end) ranges of paragraphs.

    Blank lines separate paragraphs when the text has any; otherwise each line
    is a paragraph (feeds often put one paragraph a line).
    """
    if re.search(r"\n[ \t\r\u00a0]*\n", raw):
        sep = re.compile(r"\n(?:[ \t\r\u00a0]*\n)+")
    else:
        sep = re.compile(r"\n+")
    ranges, pos = [], 0
    for m in sep.finditer(raw):
        ranges.append((pos, m.start()))
        pos = m.end()
    ranges.append((pos, len(raw)))
    return [piece for start, end in ranges for piece in _split_headline(raw, start, end)]


# A line that ends a headline or a caption (no closing punctuation), or one that announces the next
# with a colon («Врач сообщила:\nУ Клинтон был кашель …»); the next line opens a sentence.
_HEADLINE_BREAK = re.compile(r"(?<=[\w»\"”):])[ \t\r\u00a0]*\n[ \t\r\u00a0]*(?=[«\"„“A-ZА-ЯЁ0-9])")
# A line broken inside a sentence («… в связи с\nкризисом»): the paragraph is hard-wrapped.
_WRAPPED = re.compile(r"[\w,][ \t\r\u00a0]*\n[ \t\r\u00a0]*[a-zа-яё]")


def _split_headline(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph whose lines are a headline (or caption) and the text under it, with no blank line
    between them («Глава Малайзии: мы не хотим …\nМалайзия не хочет …»): the headline is a paragraph
    of its own, or the sentence splitter would join it to the lead.  Hard-wrapped text (a line
    going on in lower case) is left whole."""
    if "\n" not in raw[start:end]:
        return [(start, end)]
    if _WRAPPED.search(raw, start, end):
        return [(start, end)]
    pieces, pos = [], start
    for m in _HEADLINE_BREAK.finditer(raw, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    return pieces


# Anything the fast path cannot handle: odd spaces, invisible and control characters, combining marks.
_SPECIAL = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000\u200b-\u200d\u2060\ufeff\u00ad\ufffe\uffff"
                      "\ud800-\udfff\U00017000-\U000187f7\U00018d00-\U00018d08\x00-\x08\x0b-\x1f\x7f-\x9f\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u20d0-\u20ff]")
_WORDS = re.compile(r"\S+")
# Letters Python's unicodedata has no name for (Tangut): pymorphy's shape test asks for a
# letter's name and raises ValueError on them (found by make fuzz); no Russian news needs them.
_UNNAMED = re.compile("[\U00017000-\U000187f7\U00018d00-\U00018d08]")


def _clean_chars(raw: str, start: int, end: int) -> tuple[list[str] | str, list[int] | range | array]:
    """Collapse spaces, drop invisible characters, compose combining marks (NFC).

    Most paragraphs hold nothing but words and plain spaces: those take a fast path that
    joins the words with single spaces, with the same result as the general loop."""
    if not _SPECIAL.search(raw, start, end):
        words = list(_WORDS.finditer(raw, start, end))
        if not words:
            return [], []
        text = " ".join(m.group() for m in words)
        offs = array("l")
        for k, m in enumerate(words):
            if k:
                offs.append(m.start() - 1)
            offs.extend(range(m.start(), m.end()))
        return text, offs
    return _clean_chars_slow(raw, start, end)


def _clean_chars_slow(raw: str, start: int, end: int) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    offs: list[int] = []
    pending_space = False
    i = start
    while i < end:
        ch = raw[i]
        if ch in _DROP or (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n") or _UNNAMED.match(ch):
            if ch not in _SPACE:
                i += 1
                continue
        if ch.isspace() or ch in _SPACE:
            pending_space = bool(chars)
            i += 1
            continue
        if unicodedata.combining(ch) and chars:
            composed = unicodedata.normalize("NFC", chars[-1] + ch)
            if len(composed) == 1:
                chars[-1] = composed
                i += 1
                continue
        if pending_space:
            chars.append(" ")
            offs.append(i - 1)
            pending_space = False
        chars.append(ch)
        offs.append(i)
        i += 1
    return chars, offs


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower().replace("ё", "е"))


def clean(raw: str) -> Cleaned:
    """Clean an article body.  Paragraphs are joined by a blank line."""
    parts: list[str] = []
    out_offs = array("l")
    paragraphs: list[tuple[int, int]] = []
    dropped: list[tuple[str, str]] = []
    seen: set[str] = set()
    length = 0
    for start, end in _paragraph_ranges(raw):
        chars, offs = _clean_chars(raw, start, end)
        if not chars:
            continue
        para = chars if isinstance(chars, str) else "".join(chars)
        key = _key(para)
        if not key:
            dropped.append(("no words", para))
            continue
        if _BOILERPLATE.match(para) and len(para) < 200:
            dropped.append(("boilerplate", para))
            continue
        if key in seen and len(para.split()) >= _MIN_REPEAT_WORDS:
            dropped.append(("repeated paragraph", para))
            continue
        seen.add(key)
        if parts:
            parts.append("\n\n")
            # The separator maps to the raw position just before this paragraph.
            out_offs.extend((max(start - 1, 0), max(start - 1, 0)))
            length += 2
        paragraphs.append((length, length + len(para)))
        parts.append(para)
        out_offs.extend(offs)
        length += len(para)
    return Cleaned("".join(parts), out_offs, paragraphs, dropped)


def clean_line(text: str) -> str:
    """Clean a one-line field such as a title."""
    chars, _ = _clean_chars(text, 0, len(text))
    return chars if isinstance(chars, str) else "".join(chars)


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def clean_field(value: str | None) -> str | None:
    """A field kept as given (a URL, an id) minus what no encoder takes: NUL and lone surrogates."""
    return _UNSAFE.sub("", value) if value else value
