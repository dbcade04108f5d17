"""Direct speech («прямая речь»): quoted words and the cue that attributes them.

A quoted segment is speech when a cue is attached to it by Russian news
typography, or when it stands alone as a sentence right after another quote:

* «"…", — сказал он», «"…" — подчеркнул Путин», «"…", —подчеркнул» (cue after a dash);
* «"Часть, — сказал он, — часть"» (a quote split around its cue);
* «Путин сказал: "…"» (cue before a colon);
* «По его словам, "…"», «заявил, что "…"» (quoted words inside reported speech);
* a quotation running over several paragraphs, or a quoted sentence that opens a paragraph.

Names of companies, papers, films and laws and scare quotes have none of these
and are left alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import PER
from .cues import Cue, agent_after, is_speech_word, verb_cue
from .index import DocIndex, Paragraphs
from .lexicon import NAME_NOUNS, NAMING_VERBS, RELAY_VERBS, SOURCE_NOUNS
from .marks import Segment

_DASH_AFTER = re.compile(r"[ ]?[,.!?…]*[ ]?(?:—|–|--?)[ ]?")
# Zero-width, so that every dash pair is tried: «…Виктора, — прийти в суд, — сказала она. — …».
_SPLIT = re.compile(r"(?=([,.!?…])\s*(?:[—–]|-(?= ))\s*([^—–]{3,120}?)([,.:])\s*(?:[—–]|-(?= ))\s*(?=\w))")
_COMMA_AFTER = re.compile(r",[ ]?(?=\w)")
_WORD = re.compile(r"\w+")
_REPORTING = frozenset({"сообщать", "сообщить", "передавать", "писать", "цитировать"})  # how outlets relay
_MIN_ALONE = 4  # words a quoted sentence needs to count as speech with no cue
# Bounds that keep the layer linear in the number of quote marks (a cue is a phrase, not a page):
_CLAUSE_REACH = 600  # characters before an opening mark searched for its cue
_CUE_REACH = 250  # characters after a closing mark that a cue may run on
_CUES_BEFORE = 8  # reported-speech cues before a quote that it may complete
_NEAR = 200  # characters between two quotations of one sentence


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    kind: str
    cue: Cue | None = None
    chain: bool = False  # no cue: the speaker is the previous quote's
    lead: Cue | None = None  # a colon cue before the quote when the cue after it only relays («…», сообщает Лента.ру)


class DraftSet:
    """Drafts kept sorted by start; they never overlap, so their ends are sorted too.

    Overlap and containment queries bisect (O(log n)); an insertion shifts the
    list once (a memmove, negligible next to the rules that build each draft).
    """

    def __init__(self, drafts: list[Draft]) -> None:
        self.items: list[Draft] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for d in drafts:
            self.add(d)

    def overlapping(self, start: int, end: int) -> list[Draft]:
        lo, hi = bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)
        return self.items[lo:hi]

    def holding(self, offset: int) -> Draft | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.items[k] if k >= 0 and offset < self.items[k].end else None

    def add(self, d: Draft) -> None:
        """Insert ``d``, unless it overlaps a draft already taken (the earlier one stands)."""
        if self.overlapping(d.start, d.end):
            return
        k = bisect.bisect_left(self.starts, d.start)
        self.items.insert(k, d)
        self.starts.insert(k, d.start)
        self.ends.insert(k, d.end)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _speech_token(idx: DocIndex, start: int, end: int) -> int | None:
    for i in idx.tokens_in(start, end):
        tok = idx.tokens[i]
        if is_speech_word(tok, idx.tokens[tok.head] if tok.head >= 0 else None):
            return i
    return None


_CUE_STOPS = re.compile(r'[.!?;\n«„“"—–]')  # the characters at which a cue after a dash may stop


def _cue_end(text: str, start: int, limit: int, skip: list[Segment]) -> int:
    """Where a cue after a dash stops: the sentence end, or the dash opening the next part of the quote."""
    limit = min(limit, start + _CUE_REACH)
    inner = {s.start - 1: s for s in skip}  # quoted names inside the cue («корреспондентом «Голоса Америки»»)
    i = start
    while True:
        m = _CUE_STOPS.search(text, i, limit)
        if m is None:
            i = max(i, limit)
            break
        j = m.start()
        if j in inner:
            i = inner[j].end + 1
            continue
        ch = text[j]
        if ch in ".!?;\n" or (ch in "«„“\"" and text[j - 1] in " "):
            i = j
            break
        if ch in "—–" and text[j - 1] == " " and text[max(start, j - 2)] in ",. ":
            i = j
            break
        i = j + 1
    i = min(i, limit)  # a skipped inner quotation may end past the limit (or the text)
    while i > start and text[i - 1] in " ,":
        i -= 1
    return i


def cue_after(idx: DocIndex, seg: Segment, para_end: int, names: list[Segment]) -> Cue | None:
    """«"…", — добавил также Путин»: a dash and a speech verb right after the closing mark."""
    text = idx.doc.text
    if not seg.closed:
        return None
    m = _DASH_AFTER.match(text, seg.end + 1, para_end)
    strict = False
    if not m or not any(c in m.group() for c in "—–-"):
        # «"…", говорит Гернстермайер» with no dash: only a speech verb will do.
        m = _COMMA_AFTER.match(text, seg.end + 1, para_end)
        strict = True
        if not m:
            return None
    start = m.end()
    end = _cue_end(text, start, para_end, names)
    cue = _verb_in(idx, start, end, strict=strict)
    if cue is not None and strict and cue.verb is not None and cue.verb != next(iter(idx.tokens_in(start, end)), None):
        return None
    return cue


def _verb_in(idx: DocIndex, start: int, end: int, strict: bool, extra: frozenset[str] = frozenset()) -> Cue | None:
    toks = list(idx.tokens_in(start, end))
    if not toks:
        return None
    verb = _speech_token(idx, start, end)
    if verb is None and extra:
        verb = next((i for i in toks if idx.tokens[i].lemma in extra and idx.tokens[i].feats.get("VerbForm") in ("Fin", "Conv")), None)
    if verb is None and not strict and idx.tokens[toks[0]].pos == "VERB":
        verb = toks[0]  # «— улыбнулся он»: any verb opening the cue
    if verb is None:
        return None
    cue = verb_cue(idx, verb, toks[0], toks[-1] + 1)
    if cue.agent is None:
        cue.agent = agent_after(idx, verb, toks[-1] + 1)
    if idx.tokens[verb].lemma not in RELAY_VERBS:
        # The cue is the verb with its subject: «отметил Владимир Путин[, открывая встречу …]».
        start, end = min(start, cue.start), min(end, max(cue.end, idx.tokens[verb].end))
    cue.start, cue.end = start, end
    return cue


def byline(idx: DocIndex, seg: Segment, paragraphs: Paragraphs) -> Cue | None:
    """A quotation closing its paragraph, signed in the next: «…»¶— Татьяна Скригонюк, заместитель …"""
    text = idx.doc.text
    if not seg.closed or text[seg.end + 1:seg.end + 3].strip(" .\n") or seg.end + 1 >= len(text):
        return None
    nxt = paragraphs.after(seg.end)
    if nxt is None or text[nxt[0]:nxt[0] + 1] not in "—–-":
        return None
    first = next(iter(idx.tokens_in(nxt[0] + 1, nxt[1])), None)
    if first is None or idx.tokens[first].pos != "PROPN" or idx.tokens[first].start > nxt[0] + 3:
        return None
    end = text.find(",", nxt[0], nxt[1])
    start, stop = nxt[0] + 1, (end if end > 0 else nxt[1])
    return Cue(*_strip(text, start, stop), None, first, "byline")


def split_parts(idx: DocIndex, seg: Segment) -> tuple[list[tuple[int, int]], Cue | None]:
    """«"Это была не политическая акция, – уточнил Белов. – По договоренности …"»: two parts, one cue."""
    text = idx.doc.text
    for m in _SPLIT.finditer(text, seg.start, seg.end):
        cue = _verb_in(idx, m.start(2), m.end(2), strict=True)
        if cue is None:
            continue
        rest = m.end(3) + len(text[m.end(3):]) - len(text[m.end(3):].lstrip(" —–"))
        return [(seg.start, m.start(1)), (rest, seg.end)], cue
    return [(seg.start, seg.end)], None


def _clause_before(idx: DocIndex, seg: Segment, para_start: int) -> tuple[int, int]:
    """The stretch of the sentence before an opening mark, ``_CLAUSE_REACH`` characters at most."""
    at = seg.start - 1
    return idx.last_break(max(para_start, at - _CLAUSE_REACH), at), at


def _name_like(idx: DocIndex, seg: Segment) -> bool:
    """«газета "Ведомости"», «партии «Яблоко»»: a quoted name after a noun such as газета, партия, фильм."""
    if not idx.doc.text[seg.start:seg.start + 1].isupper():
        return False  # names start with a capital: «союз «опасен для …»» is speech
    i = idx.token_at(seg.start - 1)
    i = (i if i is not None else idx.first_token_from(seg.start)) - 1
    while i >= 0 and idx.tokens[i].pos in ("PUNCT", "ADJ"):
        i -= 1
    return i >= 0 and idx.tokens[i].lemma in NAME_NOUNS


def cue_before(idx: DocIndex, seg: Segment, para_start: int, reported: list[Cue]) -> tuple[Cue | None, bool]:
    """A cue before the quote: a colon cue, or reported speech the quote sits in.  Returns (cue, is_speech)."""
    text = idx.doc.text
    content = text[seg.start:seg.end]
    start, at = _clause_before(idx, seg, para_start)
    before = text[start:at].rstrip()
    words = _words(content)
    if before.endswith(":"):
        end = start + len(before) - 1
        cue = _verb_in(idx, start, end, strict=True)
        if cue is None:
            cue = Cue(*_strip(text, start, end, " —–-"), None, None, "colon")
            nouns = [i for i in idx.tokens_in(start, end) if idx.tokens[i].lemma in SOURCE_NOUNS]
            named = [i for i in idx.tokens_in(start, end) if getattr(idx.entity_of.get(i), "type", None) == PER]
            cue.agent = named[0] if named else None
            if not nouns and not named and words < _MIN_ALONE:
                return None, False
        cue.kind = "colon"
        return cue, True
    for cue in reversed(reported):  # the nearest cue before the quote first
        clause = cue.clause
        if not (cue.end <= at and clause and clause[0] <= seg.start - 1 <= clause[1] + 1):
            continue
        # An outlet's «сообщает X», «по сообщению X» quotes names and terms; a person's words are quoted.
        outlet = cue.kind not in ("verb", "source") or "сообщени" in text[cue.start:cue.end].lower()
        lower = content[:1].islower()
        if (not outlet and ((lower and words >= 2) or words >= 5)) or (outlet and lower and words >= 5):
            return cue, not _name_like(idx, seg)
    if content[:1].islower() and words >= 2:
        # «Эрекат призвал ООН «ответить на …»», «назвал реформу «убийцей рабочих мест»»: quoted words
        # completing the phrase of a speech or naming verb.
        cue = _verb_in(idx, start, at, strict=True, extra=NAMING_VERBS)
        near = cue is not None and (len(idx.tokens_in(idx.tokens[cue.verb].end, at)) <= 4 or _governed_by(idx, seg, cue.verb))
        if cue is not None and near and idx.tokens[cue.verb].lemma not in _REPORTING:
            return cue, True
    if not before.strip(" —–-") and words >= _MIN_ALONE and not _name_like(idx, seg):
        return None, True  # a quoted sentence opening its sentence: speech with an earlier speaker
    return None, False


def _governed_by(idx: DocIndex, seg: Segment, verb: int) -> bool:
    """«Климкин назвал освобождение Солошенко и Афанасьева вопросом «ближайших недель»»: the quoted words
    hang, through at most one noun, on a naming verb however long its object."""
    if idx.tokens[verb].lemma not in NAMING_VERBS:
        return False
    j = next(iter(idx.tokens_in(seg.start, seg.end)), None)
    for _ in range(3):
        if j is None or j < 0:
            return False
        j = idx.tokens[j].head
        if j == verb:
            return True
        if j is None or j < 0 or idx.tokens[j].pos not in ("NOUN", "ADJ"):
            return False
    return False


def _looks_like_name(idx: DocIndex, seg: Segment) -> bool:
    """A short capitalised quotation with no verb and no sentence punctuation, or one the entity layer
    tagged as a name: «Южный поток», «Политика с Ларри Кингом», «Барселона», «закона Яровой» after its noun."""
    text = idx.doc.text[seg.start:seg.end]
    toks = list(idx.tokens_in(seg.start, seg.end))
    if not toks or len(toks) > 6 or any(c in text for c in "!?…") or _words(text) > 5:
        return False
    if any(idx.tokens[i].pos in ("VERB", "AUX") for i in toks):
        return False
    named = sum(1 for i in toks if i in idx.name_of)
    return text[:1].isupper() or named * 2 >= len(toks)


_LIST_AFTER = re.compile(r"\s*(?:,|и)\s*[«„“\"]")


def _name_in_running_text(idx: DocIndex, seg: Segment) -> bool:
    """A name-like quotation that a dash or a colon does not make speech: set off in dashes inside its
    sentence («Первая полнометражка автора — «Человек-слон» — увидела свет», «фаворитов «Движения
    чаепития» — намекал»), or one of a list after a colon («соболезнования: «Милан», «Барселона», …»).
    Speech opens its sentence or follows a colon, and is not one item of a list."""
    if not seg.closed or not _looks_like_name(idx, seg):
        return False
    text = idx.doc.text
    if _LIST_AFTER.match(text, seg.end + 1):
        return True
    lo = idx.line_start(max(0, seg.start - 1 - _CLAUSE_REACH), seg.start - 1)  # its paragraph only
    start = idx.last_break(lo, seg.start - 1)
    before = text[start:seg.start - 1].strip(" \n")
    return bool(before) and not before.endswith(":") and not before.endswith(("—", "–")) or _after_inner_dash(before)


def _after_inner_dash(before: str) -> bool:
    """«… автора — «Человек-слон»»: a dash inside the sentence before the quotation (not one opening it)."""
    return before.endswith(("—", "–")) and bool(before[:-1].strip())


def _same_sentence(idx: DocIndex, between: str, seg: Segment) -> bool:
    words = _words(idx.doc.text[seg.start:seg.end])
    return 0 < len(between) < 200 and not any(c in between for c in ".!?\n") and words >= 3


def _strip(text: str, start: int, end: int, lead: str = " \n", tail: str = " ,\n") -> tuple[int, int]:
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in tail:
        end -= 1
    return start, end


def find_direct(idx: DocIndex, segments: list[Segment], paragraphs: Paragraphs, reported: list[Cue]) -> list[Draft]:
    """Direct quotes among the top-level ``segments`` (in text order).

    Cost: each segment looks at its own words, at most ``_CLAUSE_REACH``
    characters before it and ``_CUE_REACH`` after it, and at the few cues
    nearest before it, so n segments cost O(n log n) whatever their sizes.
    """
    drafts: list[Draft] = []
    last: Segment | None = None
    cue_ends = [c.end for c in reported]  # reported cues come in text order
    for n, seg in enumerate(segments):
        k = paragraphs.number(seg.start - 1, closed=False)
        para = paragraphs[k] if k is not None else (0, len(idx.doc.text))
        parts, inner_cue = split_parts(idx, seg)
        cue = cue_after(idx, seg, seg_para_end(paragraphs, seg, para), segments[n + 1:n + 5])
        cue = cue or byline(idx, seg, paragraphs)
        dashed = cue is not None or inner_cue is not None  # attributed by typography: a dash or a signature
        speech = dashed
        if cue is None:
            near = bisect.bisect_right(cue_ends, seg.start - 1)
            before, is_speech = cue_before(idx, seg, para[0], reported[max(0, near - _CUES_BEFORE):near])
            cue = before or inner_cue
            speech = speech or is_speech
        gap = seg.start - 1 - (last.end + 1) if last is not None else 0
        between = idx.doc.text[last.end + 1:seg.start - 1] if last is not None and gap < _NEAR else ""
        if not speech and drafts and (between.strip() in (",", "и") or _same_sentence(idx, between, seg)):
            # «скандировать: «Свободу!», «Позор власти!»»: a list of quotations shares its cue; so does
            # a further quotation in the same sentence («…», поскольку «Vestas не желает …»).
            cue, speech = drafts[-1].cue, True
        if speech and not dashed and cue is not None and cue.kind != "colon" and _looks_like_name(idx, seg):
            speech = False  # «"Газпром" планирует сменить оператора "Южного потока"»: a name inside reported speech
        if speech and (dashed or (cue is not None and cue.kind == "colon")) and _name_in_running_text(idx, seg):
            speech = False
        if not speech:
            continue
        last = seg
        lead = None
        if cue is not None and cue.verb is not None and idx.tokens[cue.verb].lemma in _REPORTING:
            lead, _ = cue_before(idx, seg, para[0], [])
        cue = inner_cue or cue
        for start, end in parts:
            start, end = _strip(idx.doc.text, start, end, tail=" ,\n—–")
            if end > start:
                drafts.append(Draft(start, end, "direct", cue, chain=cue is None, lead=lead))
    return drafts


def seg_para_end(paragraphs: Paragraphs, seg: Segment, para: tuple[int, int]) -> int:
    """End of the paragraph holding the closing mark (a long quotation may close paragraphs later)."""
    k = paragraphs.number(seg.end)
    return paragraphs[k][1] if k is not None else para[1]
