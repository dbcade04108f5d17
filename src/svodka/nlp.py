"""Tokens, sentences, morphology, syntax and raw NER spans from natasha.

``adapt_*`` functions turn natasha objects into svodka records at this edge,
so upstream types never leak into the schema.
"""

from __future__ import annotations

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


def parse(doc: Document, models: Models) -> list[RawSpan]:
    """Fill ``doc.tokens`` and ``doc.sents``; return natasha's NER spans."""
    return parse_many([doc], models)[0]


def parse_many(docs: list[Document], models: Models) -> list[list[RawSpan]]:
    """``parse`` for several documents at once: their sentences go through the morphology and
    syntax models in shared length-sorted batches, which is faster than one document at a time."""
    from natasha import Doc as NatashaDoc

    nds = []
    for doc in docs:
        nd = NatashaDoc(doc.text)
        nd.segment(models.segmenter)
        nds.append(nd)
    _tag_morph_and_syntax([s for nd in nds for s in nd.sents], models)
    out = []
    for doc, nd in zip(docs, nds):
        out.append(_ner(nd, models))
        adapt_tokens(doc, nd, models)
    return out


def _sorted_map(model, chunk: list[list[str]]) -> list:
    """slovnet's ``map`` over sentences sorted by length, results back in text order.

    slovnet pads each batch of 8 sentences to its longest one; sorted, the batches hold
    sentences of like length and the padding (a third of morphology and syntax time on
    news) mostly goes.  Padding is masked, so the analyses are the same up to float
    rounding: on the factRuEval devset two syntactic heads of 30,940 tokens differ.
    """
    order = sorted(range(len(chunk)), key=lambda i: len(chunk[i]))
    out: list = [None] * len(chunk)
    for i, markup in zip(order, model.map([chunk[i] for i in order])):
        out[i] = markup
    return out


def _tag_morph_and_syntax(sents: list, models: Models) -> None:
    """natasha's ``tag_morph`` and ``parse_syntax`` over sentences (of one or more documents),
    with length-sorted batches.  (Syntax ids are numbered across the whole batch; only heads
    within a sentence are read from them.)"""
    from natasha.doc import inject_morph, inject_syntax, offset_syntax, sent_words

    chunk = [sent_words(sent) for sent in sents]
    for sent, markup in zip(sents, _sorted_map(models.morph_tagger, chunk)):
        inject_morph(sent.tokens, markup.tokens)
    for sent_id, (sent, markup) in enumerate(zip(sents, _sorted_map(models.syntax_parser, chunk)), 1):
        inject_syntax(sent.tokens, markup.tokens)
        offset_syntax(sent_id, sent.tokens)


def _ner(nd, models: Models) -> list[RawSpan]:
    """natasha's NER spans, tagging the words natasha's segmenter already found.

    ``Doc.tag_ner`` hands slovnet the raw text, which cuts it into words again
    with the same razdel tokenizer; giving it those words saves that pass and
    yields the same spans.  Falls back to ``tag_ner`` if slovnet's internals change.
    """
    text = nd.text
    if not text.strip():
        return []
    try:
        from slovnet.markup import BIOMarkup

        infer = models.ner_tagger.infer
        words = [tok.text for tok in nd.tokens]
        tags = next(iter(infer.decoder(infer.process(infer.encoder([words])))))
        markup = BIOMarkup.from_tuples(zip(words, tags)).to_span(text)
        found = markup.spans
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another slovnet version
        nd.tag_ner(models.ner_tagger)
        found = nd.spans
    return [RawSpan(s.start, s.stop, s.type, text[s.start : s.stop]) for s in found]


def adapt_tokens(doc: Document, nd, models: Models) -> None:
    tokens: list[Token] = []
    sents: list[Sentence] = []
    vocab = models.morph_vocab
    for si, sent in enumerate(nd.sents):
        first = len(tokens)
        ids = {}
        for tok in sent.tokens:
            ids[tok.id] = len(tokens)
            tokens.append(
                Token(
                    start=tok.start,
                    end=tok.stop,
                    text=tok.text,
                    lemma=_lemma(tok, vocab),
                    pos=tok.pos or "X",
                    feats=dict(tok.feats or {}),
                    head=-1,
                    rel=tok.rel or "",
                    sent=si,
                )
            )
        for tok in sent.tokens:
            head = ids.get(tok.head_id)
            if head is not None and head != ids[tok.id]:
                tokens[ids[tok.id]].head = head
        _break_cycles(tokens, first, len(tokens))
        sents.append(Sentence(start=sent.start, end=sent.stop, first=first, last=len(tokens)))
    doc.tokens = tokens
    doc.sents = sents


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


def _lemma(tok, vocab) -> str:
    if tok.pos in ("PUNCT", "NUM", "SYM", "X") or not tok.text[:1].isalpha():
        return tok.text.lower()
    feats = tok.feats
    key = (id(vocab), tok.text, tok.pos, tuple(feats.items()) if feats else None)
    lemma = _LEMMAS.get(key)
    if lemma is None:
        try:
            lemma = (vocab.lemmatize(tok.text, tok.pos, feats) or tok.text).lower()
        except Exception:  # pymorphy can fail on odd tokens; the word itself is a fine lemma
            lemma = tok.text.lower()
        if len(_LEMMAS) >= _LEMMA_CACHE_SIZE:
            _LEMMAS.clear()
        _LEMMAS[key] = lemma
    return lemma
