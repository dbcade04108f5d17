"""Tokens, sentences, morphology, syntax and raw NER spans from natasha.

``adapt_*`` functions turn natasha objects into svodka records at this edge,
so upstream types never leak into the schema.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from .document import Document, Sentence, Token
from .models import Models


@dataclass(slots=True)
class RawSpan:
    """A NER span as natasha tagged it, before our corrections."""

    start: int
    end: int
    type: str  # PER | LOC | ORG
    text: str


def parse(doc: Document, models: Models, time_limit: float | None = None) -> list[RawSpan]:
    """Fill ``doc.tokens``, ``doc.sents`` and ``doc.ner`` (natasha's NER spans, also returned)."""
    return parse_many([doc], models, time_limit)[0]


# Why not natasha's ``Doc``: it runs the same razdel segmenter and slovnet models, but wraps
# every token and tag in three layers of record objects (razdel → slovnet markup → natasha
# token) that we would then copy into ours; that was a fifth of the whole analysis.  Here the
# models' outputs go straight into svodka's tokens, with the same results.


def parse_many(docs: list[Document], models: Models, time_limit: float | None = None) -> list[list[RawSpan]]:
    """``parse`` for several documents at once: their sentences go through the morphology and
    syntax models in shared length-sorted batches, which is faster than one document at a time.

    A document over LONG_DOC_CHARS is parsed alone, a step at a time, and its parse stops once
    ``time_limit`` seconds are spent (see ``_parse_long``)."""
    segmented = [_segment(doc.text) for doc in docs]
    for doc, (_, sents) in zip(docs, segmented):
        sents[:] = _cap_sentences(doc, sents)
    short = [(doc, seg) for doc, seg in zip(docs, segmented) if len(doc.text) <= LONG_DOC_CHARS]
    words = [[tok.text for tok in toks] for _, (_, sents) in short for _, _, toks in sents]
    tags, trees = _morph_and_syntax(words, models)
    at = 0
    for doc, (words_of_doc, sents) in short:
        count = len(sents)
        _build_tokens(doc, sents, tags[at : at + count], trees[at : at + count], models)
        at += count
        doc.ner = _ner(doc.text, words_of_doc, models)
    for doc, (_, sents) in zip(docs, segmented):
        if len(doc.text) > LONG_DOC_CHARS:
            _parse_long(doc, sents, models, time_limit)
    return [doc.ner for doc in docs]


# Beyond this a text is no news article (the longest of the factRuEval devset has 9,000
# characters): it is parsed in steps of about STEP_TOKENS tokens, so that NER (over the whole
# text at once for an article) stays small in memory and the parse can stop on time.
LONG_DOC_CHARS = 30_000
STEP_TOKENS = 2_000


def _parse_long(doc: Document, sents: list, models: Models, time_limit: float | None) -> None:
    """Parse a long document step by step: morphology, syntax and NER on a run of whole sentences
    of about STEP_TOKENS tokens.  Once ``time_limit`` seconds are spent the rest keeps its tokens,
    with no morphology, syntax or names, and a warning says so."""
    deadline = None if time_limit is None else time.monotonic() + time_limit
    tags: list = []
    trees: list = []
    ner: list[RawSpan] = []
    done = 0
    while done < len(sents) and (deadline is None or time.monotonic() < deadline):
        end, size = done, 0
        while end < len(sents) and (end == done or size + len(sents[end][2]) <= STEP_TOKENS):
            size += len(sents[end][2])
            end += 1
        words = [[tok.text for tok in toks] for _, _, toks in sents[done:end]]
        more_tags, more_trees = _morph_and_syntax(words, models)
        tags += more_tags
        trees += more_trees
        ner += _ner(doc.text, [tok for _, _, toks in sents[done:end] for tok in toks], models)
        done = end
    for _, _, toks in sents[done:]:
        tags.append([("X", {})] * len(toks))
        trees.append(([0] * len(toks), [""] * len(toks)))
    _build_tokens(doc, sents, tags, trees, models)
    doc.ner = ner
    if done < len(sents):
        doc.warnings.append(
            f"parse: the time limit of {time_limit:g} s ran out after {done} of {len(sents)} sentences; "
            f"the rest (from offset {sents[done][0]}) has tokens only, no morphology, syntax or names"
        )


def _segment(text: str) -> tuple[list, list[tuple[int, int, list]]]:
    """razdel's tokens, and its sentences each with the tokens inside it, as natasha's
    ``Doc.segment`` groups them."""
    from razdel import tokenize

    if not text:
        return [], []
    tokens = list(tokenize(text))
    sents = []
    index = 0
    for sent in _paragraph_sentences(text):
        chunk = []
        while index < len(tokens):  # natasha's envelop_spans: a token must lie inside its sentence
            tok = tokens[index]
            index += 1
            if tok.start < sent.start:
                continue
            if tok.stop <= sent.stop:
                chunk.append(tok)
            else:
                index -= 1
                break
        sents.append((sent.start, sent.stop, chunk))
    return tokens, sents


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# The syntax parser's time and memory grow with the square of a sentence's length (every word
# is scored against every other): 20,000 words took 6 GB.  A longer "sentence" is no sentence
# of news (the longest in the factRuEval devset has 131 tokens, in NEREL train 202), so it is cut in
# parts of at most MAX_SENT_TOKENS tokens, at punctuation where there is some.
MAX_SENT_TOKENS = 300
_BREAKS = frozenset(",;:—–-()…|•·/")


def _cap_sentences(doc: Document, sents: list[tuple[int, int, list]]) -> list[tuple[int, int, list]]:
    """``sents`` with every sentence over MAX_SENT_TOKENS tokens cut into parts (a warning on
    ``doc`` says where): after the last punctuation mark of the second half of a window of
    MAX_SENT_TOKENS tokens, else at the window's end."""
    if all(len(toks) <= MAX_SENT_TOKENS for _, _, toks in sents):
        return sents
    out = []
    for start, stop, toks in sents:
        if len(toks) <= MAX_SENT_TOKENS:
            out.append((start, stop, toks))
            continue
        parts = 0
        at = 0
        while at < len(toks):
            end = min(at + MAX_SENT_TOKENS, len(toks))
            if end < len(toks):
                for k in range(end - 1, at + MAX_SENT_TOKENS // 2 - 1, -1):
                    if toks[k].text in _BREAKS:
                        end = k + 1
                        break
            piece = toks[at:end]
            out.append((piece[0].start, piece[-1].stop, piece))
            parts += 1
            at = end
        doc.warnings.append(
            f"parse: a sentence of {len(toks)} tokens at {start}–{stop} was cut in {parts} parts "
            f"of at most {MAX_SENT_TOKENS} tokens for the parser"
        )
    return out


def _paragraph_sentences(text: str) -> list:
    """razdel's sentences, never across a blank line.  razdel joins a headline without a full stop
    to the paragraph after it («… из непроводников\n\nИсследователи …»), and the parser then reads
    the two as one sentence."""
    from razdel import sentenize
    from razdel.substring import Substring

    out = []
    for sent in sentenize(text):
        pieces = list(_PARAGRAPH_BREAK.finditer(sent.text))
        if not pieces:
            out.append(sent)
            continue
        start = 0
        for m in [*pieces, None]:
            end = m.start() if m else len(sent.text)
            chunk = sent.text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if chunk:
                at = sent.start + start + lead
                out.append(Substring(at, at + len(chunk), chunk))
            if m:
                start = m.end()
    return out


def _sorted_run(run, chunk: list[list[str]], models: Models) -> list:
    """``run`` over sentences sorted by length, results back in text order.

    slovnet pads each batch of 8 sentences to its longest one; sorted, the batches hold
    sentences of like length and the padding (a third of morphology and syntax time on
    news) mostly goes.  Padding is masked, so the analyses are the same up to float
    rounding: on the factRuEval devset a few syntactic heads of 30,914 tokens differ.
    """
    order = sorted(range(len(chunk)), key=lambda i: len(chunk[i]))
    out: list = [None] * len(chunk)
    for i, result in zip(order, run([chunk[i] for i in order], models)):
        out[i] = result
    return out


# tag id → (UD part of speech, features), per tags vocabulary
_TAGS: dict[tuple[int, int], tuple[str, dict[str, str]]] = {}


def _morph_and_syntax(words: list[list[str]], models: Models) -> tuple[list, list]:
    """Morphology and syntax of each sentence, in text order (see ``_sorted_run``).

    The two models read the same words through the same vocabularies in batches of the same
    size, so the batches are encoded once and given to both: the syntax model's navec
    look-up then finds the morphology model's (kernels.FastNavec keeps the recent ones).
    Same inputs, same arithmetic: the very same tags and trees."""
    morph, syntax = models.morph_tagger.infer.encoder, models.syntax_parser.infer.encoder
    if not _shared_encoding(morph, syntax):  # pragma: no cover - other models
        return _sorted_run(_morph, words, models), _sorted_run(_syntax, words, models)
    both = _sorted_run(_shared_batches, words, models)
    return [b[0] for b in both], [b[1] for b in both]


_SHARED: dict[tuple[int, int], tuple[object, object, bool]] = {}


def _shared_encoding(morph, syntax) -> bool:
    """Whether the two encoders turn words into the same batches (compared once per pair: the
    vocabularies hold 250,000 words)."""
    known = _SHARED.get((id(morph), id(syntax)))
    if known is not None and known[0] is morph and known[1] is syntax:
        return known[2]
    try:
        shared = (
            morph.batch_size == syntax.batch_size
            and morph.words_vocab.items == syntax.words_vocab.items
            and morph.shapes_vocab.items == syntax.shapes_vocab.items
        )
    except AttributeError:  # pragma: no cover - another slovnet version
        shared = False
    _SHARED[(id(morph), id(syntax))] = (morph, syntax, shared)
    return shared


def _shared_batches(sents: list[list[str]], models: Models):
    """Per sentence, (morph tags, (heads, relations)): the sentences encoded once, then all batches
    through the morphology model and all through the syntax model (one model after the other
    keeps each one's weights in the processor's cache: alternating them per batch was slower)."""
    batches = list(models.morph_tagger.infer.encoder(sents))
    tags = list(_morph_rows(batches, models))
    trees = list(_syntax_rows(batches, models))
    forget = getattr(models.syntax_parser.infer.model.emb.word, "forget", None)
    if forget is not None:
        forget()  # the look-ups served their second reader: memory is not held after the parse
    return list(zip(tags, trees))


def _morph(sents: list[list[str]], models: Models):
    """Per sentence, each word's (pos, feats), as slovnet's morphology tagger decodes them."""
    return _morph_rows(models.morph_tagger.infer.encoder(sents), models)


def _morph_rows(inputs, models: Models):
    from slovnet.conll import parse_conll_tag

    infer = models.morph_tagger.infer
    items = infer.decoder.tags_vocab.items
    key = id(items)
    for pred in infer.process(inputs):
        row = []
        for tag_id in pred.tolist():
            tag = _TAGS.get((key, tag_id))
            if tag is None:
                tag = _TAGS[(key, tag_id)] = parse_conll_tag(items[tag_id])
            row.append(tag)
        yield row


def _syntax(sents: list[list[str]], models: Models):
    """Per sentence, (heads, relations): a head is a word's 1-based position, 0 for the root."""
    return _syntax_rows(models.syntax_parser.infer.encoder(sents), models)


def _syntax_rows(inputs, models: Models):
    infer = models.syntax_parser.infer
    rels = infer.decoder.rels_vocab.items
    for head_ids, rel_ids in infer.process(inputs):
        yield head_ids.tolist(), [rels[r] for r in rel_ids.tolist()]


def _ner(text: str, tokens: list, models: Models) -> list[RawSpan]:
    """slovnet's NER spans over the razdel tokens of the text (``Doc.tag_ner`` would cut the
    text into the very same words again)."""
    from slovnet.bio import bio_spans

    if not text.strip() or not tokens:
        return []
    infer = models.ner_tagger.infer
    words = [tok.text for tok in tokens]
    tags = next(iter(infer.decoder(infer.process(infer.encoder([words])))))
    return [RawSpan(s.start, s.stop, s.type, text[s.start : s.stop]) for s in bio_spans(tokens, tags)]


def _build_tokens(doc: Document, sents: list, tags: list, trees: list, models: Models) -> None:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    vocab = models.morph_vocab
    for si, ((start, stop, toks), row, (heads, rels)) in enumerate(zip(sents, tags, trees)):
        first = len(tokens)
        for tok, (pos, feats), rel in zip(toks, row, rels):
            tokens.append(
                Token(
                    start=tok.start,
                    end=tok.stop,
                    text=tok.text,
                    lemma=_lemma(tok.text, pos, feats, vocab),
                    pos=pos or "X",
                    feats=dict(feats),
                    head=-1,
                    rel=rel or "",
                    sent=si,
                )
            )
        size = len(toks)
        for i, head in enumerate(heads):
            if 1 <= head <= size and head != i + 1:  # 0 is the root; a word is not its own head
                tokens[first + i].head = first + head - 1
        _break_cycles(tokens, first, len(tokens))
        sentences.append(Sentence(start=start, end=stop, first=first, last=len(tokens)))
    doc.tokens = tokens
    doc.sents = sentences


def _break_cycles(tokens: list[Token], first: int, last: int) -> None:
    """natasha's parser can return heads that go round in a circle (book_365 of factRuEval):
    a walk up such a "tree" never ends.  The token where a walk comes back to itself is made a
    root, so every walk up from a token ends at a root."""
    done: set[int] = set()
    for i in range(first, last):
        path: list[int] = []
        on_path: set[int] = set()
        j = i
        while j >= 0 and j not in done:
            if j in on_path:
                tokens[j].head = -1
                break
            path.append(j)
            on_path.add(j)
            j = tokens[j].head
        done.update(path)


# (vocab id, word, pos, feats) → lemma.  pymorphy's choice of a lemma depends on nothing
# else, and news repeats its words: the cache removes most of the lemmatiser's cost.
_LEMMAS: dict[tuple, str] = {}
_LEMMA_CACHE_SIZE = 200_000


def _lemma(text: str, pos: str, feats: dict, vocab) -> str:
    if pos in ("PUNCT", "NUM", "SYM", "X") or not text[:1].isalpha():
        return text.lower()
    key = (id(vocab), text, pos, tuple(feats.items()) if feats else None)
    lemma = _LEMMAS.get(key)
    if lemma is None:
        try:
            lemma = (vocab.lemmatize(text, pos, feats) or text).lower()
        except Exception:  # pymorphy can fail on odd tokens; the word itself is a fine lemma
            lemma = text.lower()
        if len(_LEMMAS) >= _LEMMA_CACHE_SIZE:
            _LEMMAS.clear()
        _LEMMAS[key] = lemma
    return lemma
