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
    from natasha import Doc as NatashaDoc

    nd = NatashaDoc(doc.text)
    nd.segment(models.segmenter)
    nd.tag_morph(models.morph_tagger)
    nd.parse_syntax(models.syntax_parser)
    nd.tag_ner(models.ner_tagger)
    adapt_tokens(doc, nd, models)
    return [RawSpan(s.start, s.stop, s.type, s.text) for s in nd.spans]


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
        sents.append(Sentence(start=sent.start, end=sent.stop, first=first, last=len(tokens)))
    doc.tokens = tokens
    doc.sents = sents


def _lemma(tok, vocab) -> str:
    if tok.pos in ("PUNCT", "NUM", "SYM", "X") or not tok.text[:1].isalpha():
        return tok.text.lower()
    try:
        tok.lemmatize(vocab)
    except Exception:  # pymorphy can fail on odd tokens; the word itself is a fine lemma
        return tok.text.lower()
    return (tok.lemma or tok.text).lower()
