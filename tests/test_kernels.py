"""Our faster slovnet kernels give slovnet's own results (svodka.kernels, models._fast_crf)."""

from __future__ import annotations

import numpy as np
import pytest

from svodka.models import load_models

TEXTS = [
    "Госсекретарь США Джон Керри прибыл в Москву для переговоров с Владимиром Путиным .",
    "По его словам , Россия и Соединенные Штаты могут провести конференцию по Сирии .",
    "Встреча прошла в Кремле .",
]
SENTENCES = [text.split() for text in TEXTS]


@pytest.fixture(scope="module")
def stock():
    """natasha's models exactly as shipped, next to svodka's patched ones."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    emb = NewsEmbedding()
    return {"morph": NewsMorphTagger(emb), "syntax": NewsSyntaxParser(emb), "ner": NewsNERTagger(emb)}


def _encode(model, words):
    infer = model.infer
    batch = next(iter(infer.encoder([words])))
    return infer.model, batch


@pytest.mark.parametrize("name, attr", [("morph", "morph_tagger"), ("syntax", "syntax_parser"), ("ner", "ner_tagger")])
def test_encoder_matches_slovnet(stock, name, attr):
    ours = getattr(load_models(), attr)
    assert type(ours.infer.model.encoder).__name__ == "FastCNNEncoder"
    for words in SENTENCES:
        model_a, batch = _encode(stock[name], words)
        model_b, _ = _encode(ours, words)
        emb_a = model_a.emb(batch.word_id, batch.shape_id)
        emb_b = model_b.emb(batch.word_id, batch.shape_id)
        assert np.array_equal(emb_a, emb_b)  # the navec look-up gathers the very same floats
        out_a = model_a.encoder(emb_a, batch.pad_mask)
        out_b = model_b.encoder(emb_b, batch.pad_mask)
        assert out_a.shape == out_b.shape
        np.testing.assert_allclose(out_a, out_b, rtol=1e-4, atol=1e-3)  # float32 sums in another order


def test_padded_batch_matches_slovnet(stock):
    """Sentences of different lengths in one batch: padding stays masked."""
    infer = stock["morph"].infer
    batch = next(iter(infer.encoder(SENTENCES)))
    ours = load_models().morph_tagger.infer.model
    x = infer.model.emb(batch.word_id, batch.shape_id)
    a = infer.model.encoder(x.copy(), batch.pad_mask)
    b = ours.encoder(x.copy(), batch.pad_mask)
    np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-3)
    assert not b[batch.pad_mask].any()


def test_tags_and_heads_match_slovnet(stock):
    models = load_models()
    for ours, theirs in ((models.morph_tagger, stock["morph"]), (models.syntax_parser, stock["syntax"])):
        for a, b in zip(ours.map(SENTENCES), theirs.map(SENTENCES)):
            assert [vars(t) for t in a.tokens] == [vars(t) for t in b.tokens]
    ours = list(models.ner_tagger(" ".join(SENTENCES[0])).spans)
    theirs = list(stock["ner"](" ".join(SENTENCES[0])).spans)
    assert [(s.start, s.stop, s.type) for s in ours] == [(s.start, s.stop, s.type) for s in theirs]


def test_crf_decode_is_slovnets(stock):
    from slovnet.exec.model import CRF

    ours = load_models().ner_tagger.infer.model.head.crf
    theirs = stock["ner"].infer.model.head.crf
    assert type(theirs).decode is CRF.decode and ours.decode.__func__ is not CRF.decode
    rng = np.random.default_rng(7)
    emissions = rng.standard_normal((3, 40, ours.transitions.array.shape[0])).astype(np.float32)
    mask = np.zeros((3, 40), dtype=bool)
    for row, size in enumerate((40, 17, 1)):
        mask[row, :size] = True
    for got, want in zip(ours.decode(emissions, mask), theirs.decode(emissions, mask), strict=True):
        assert got.tolist() == want.tolist()


@pytest.mark.parametrize("steps", [1, 2, 300])
def test_crf_decode_of_one_whole_sequence_is_slovnets(stock, steps):
    """NER reads an article as one unpadded sequence: the 2-D fast path of ``decode``."""
    ours = load_models().ner_tagger.infer.model.head.crf
    theirs = stock["ner"].infer.model.head.crf
    rng = np.random.default_rng(steps)
    emissions = rng.standard_normal((1, steps, ours.transitions.array.shape[0])).astype(np.float32)
    emissions[0, steps // 2] = emissions[0, steps // 2, :1]  # a step where every tag ties
    mask = np.ones((1, steps), dtype=bool)
    got, want = ours.decode(emissions, mask), theirs.decode(emissions, mask)
    assert len(got) == len(want) == 1 and got[0].tolist() == want[0].tolist()


def test_morphology_and_syntax_share_one_navec_look_up(models):
    """One FastNavec for the three models; a parse leaves none of its look-ups behind."""
    from svodka import analyze

    navecs = {id(getattr(models, a).infer.model.emb.word) for a in ("morph_tagger", "syntax_parser", "ner_tagger")}
    assert len(navecs) == 1
    navec = models.morph_tagger.infer.model.emb.word
    ids = np.array([[5, 7, 9]])
    first = navec(ids)
    assert navec(ids) is first and navec(ids.copy()) is not first
    assert np.array_equal(navec(ids.copy()), first)
    doc = analyze("Встреча прошла в Кремле. Госсекретарь США Джон Керри прибыл в Москву.", models=models)
    assert doc.tokens and len(navec._recent) <= 1  # at most NER's look-up of the last document
