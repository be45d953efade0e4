"""marsad's numpy decoder gives exactly the entities spaCy's own NER decoder gives."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ner.tagger import shared_tagger

SENTENCES = [
    *(s.split() for s in (
    "قال المرصد السوري لحقوق الإنسان إن تنظيم الدولة الإسلامية سيطر على مستودعات في تدمر",
    "وأعلن الرئيس الأمريكي باراك أوباما من واشنطن أن قوات التحالف قصفت مواقع قرب الرقة",
    "انسحبت القوات الروسية من مطار التيفور العسكري يوم 9 كانون الأول",
    "دمشق",
    "",
    "نقلت وكالة رويترز عن العميد المنشق أحمد رحال أن صواريخ سام 7 وصلت إلى دير الزور",
    )),
]
WORDS = sorted({w for s in SENTENCES for w in s} | {" ", "،", ".", "عبد", "الله", "بن"})


@pytest.mark.slow
def test_the_decoder_matches_spacy_on_news_sentences():
    tagger = shared_tagger()
    found = tagger.tag(SENTENCES)
    assert found == tagger.tag_with_spacy(SENTENCES)
    assert any(found), "the fixtures should hold some entities"
    assert found[4] == []


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=40), min_size=1, max_size=12))
def test_the_decoder_matches_spacy_on_any_word_sequence(sentences):
    tagger = shared_tagger()
    assert tagger.tag(sentences) == tagger.tag_with_spacy(sentences)


@pytest.mark.slow
def test_batches_smaller_than_the_input_give_the_same_entities():
    tagger = shared_tagger()
    whole = tagger.tag(SENTENCES * 3)
    size = tagger.batch_size
    try:
        tagger.batch_size = 4
        assert tagger.tag(SENTENCES * 3) == whole
    finally:
        tagger.batch_size = size


@pytest.mark.slow
def test_move_validity_is_spacys_in_every_reachable_state():
    from spacy.pipeline._parser_internals.stateclass import StateClass
    from spacy.tokens import Doc

    from marsad.ner.decode import Decoder, token_flags

    tagger = shared_tagger()
    ner = tagger.nlp.get_pipe("ner")
    decoder = Decoder(ner)
    moves = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    words = ["قوات", " ", "النظام", "في", "حلب", "،", "دمشق"]
    doc = Doc(tagger.nlp.vocab, words=words, sent_starts=[1, 0, 0, 0, 0, 1, 0])
    flags = token_flags(doc)
    checked = 0
    for t in range(len(words)):
        for opened in [None, *decoder.labels]:
            state = StateClass(doc)
            history = ["O"] * t if opened is None else ["O"] * (t - 1) + [f"B-{opened}"]
            if t == 0 and opened is not None:
                continue
            if not all(ner.moves.is_valid(state, m) and not ner.moves.apply_transition(state, m)
                       for m in history):
                continue  # spaCy cannot reach this state
            code = (decoder.labels.index(opened) + 1 if opened else 0) * 8 + flags[t]
            ours = [m for m, p in zip(moves, decoder.penalty[code], strict=True) if p == 0]
            assert ours == [m for m in moves if ner.moves.is_valid(state, m)], (t, opened)
            checked += 1
    assert checked > len(words)


@pytest.mark.slow
def test_the_decoder_matches_spacy_on_the_camel_test_sentences(shared_data):
    from marsad.ner.conll import read_conll
    from marsad.ner.corpora import CAMEL_TEST

    sentences = [s.tokens for s in read_conll(shared_data / CAMEL_TEST)]
    tagger = shared_tagger()
    ours, theirs = tagger.tag(sentences), tagger.tag_with_spacy(sentences)
    assert len(sentences) == 925 and sum(map(len, theirs)) > 1000
    assert [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b] == []
