from collections import Counter

import pytest

from marsad.ner import corpora as C
from marsad.ner.conll import TaggedSentence

TEST_SENTENCE = "قال الأمين العام للأمم المتحدة كوفي أنان إن القوة وحدها غير كافية لنزع السلاح ."


def sent(text, doc="d1", tags=None):
    tokens = tuple(text.split())
    return TaggedSentence(tokens, tuple(tags or ["O"] * len(tokens)), "t", doc)


@pytest.fixture
def index():
    # The CAMeL file garbles each sentence's first word: the index must not rely on it.
    return C.OverlapIndex.from_sentences([sent("زيادة " + " ".join(TEST_SENTENCE.split()[1:]))])


def test_a_copy_with_other_spelling_and_split_clitics_is_found(index):
    copy = sent("قال الامين العام ل لامم المتحدة كوفي انان ان القوة وحدها غير كافية ل نزع السلاح")
    assert index.overlaps(copy)


def test_sharing_a_name_or_a_stock_phrase_is_not_overlap(index):
    assert not index.overlaps(sent("والتقى الأمين العام للأمم المتحدة كوفي أنان وزير خارجية "
                                   "فرنسا في باريس لبحث الأزمة في دارفور ."))
    assert not index.overlaps(sent("."))


def test_documents_with_several_test_sentences_go_whole(index):
    copy = sent(TEST_SENTENCE, doc="copied")
    other = sent("وأضاف أن المحادثات ستستأنف الأسبوع المقبل في نيويورك .", doc="copied")
    lone = sent(TEST_SENTENCE, doc="fresh")
    fresh = sent("وأضاف أن المحادثات ستستأنف الأسبوع المقبل في نيويورك .", doc="fresh")
    kept, stats = C.without_test_overlap([copy, copy, copy, other, lone, fresh], index)
    assert kept == [fresh]
    assert stats == {"sentences": 6, "overlapping": 4, "documents": 1, "dropped": 5}


def test_place_types_from_fine_classes_and_head_words():
    fane = [sent("في بغداد و نهر دجلة", tags=["O", "B-GPE", "O", "B-LOC", "I-LOC"])]
    types = C.PlaceTypes.from_sentences(fane)
    assert types.type_of(["ببغداد"]) == "GPE"
    assert types.type_of(["دجلة"]) == "GPE"  # unknown alone: the default
    assert types.type_of(["نهر", "دجلة"]) == "LOC"
    assert types.type_of(["مطار", "دمشق", "الدولي"]) == "FAC"
    assert types.type_of(["البحر", "الأحمر"]) == "LOC"


def test_retype_places_only_touches_loc():
    s = sent("زار بوش مطار بغداد", tags=["O", "B-PER", "B-LOC", "I-LOC"])
    (out,) = C.retype_places([s], C.PlaceTypes({}))
    assert out.entities() == [(1, 2, "PER"), (2, 4, "FAC")]


def test_fane_classes_all_map_to_model_labels():
    assert set(C.FANE_MAP.values()) <= {*C.LABELS, None}
    assert C.FANE_MAP["Population-Center"] == "GPE" and C.FANE_MAP["Airport"] == "FAC"
    assert C.FANE_MAP["Group"] is None


@pytest.mark.slow
def test_no_training_corpus_keeps_test_sentences(shared_data):
    """The removal check the model README reports: after removal no sentence of any
    training corpus overlaps the CAMeL test split, and the share of 20-character stretches
    shared with it falls to the level of unrelated text (ANERcorp's own training part)."""
    from marsad.ner.train import shared_rate

    index = C.OverlapIndex.from_sentences(C.read_camel_test(shared_data))
    news = C.read_fane(shared_data, "news")
    kept, stats = C.without_test_overlap(news, index)
    assert stats["overlapping"] > 700  # NewsFANE re-annotates ANERcorp, test part included
    assert not any(index.overlaps(s) for s in kept)
    baseline = shared_rate(C.read_anercorp(shared_data), index)
    assert shared_rate(news, index) > 20 * baseline
    assert shared_rate(kept, index) <= 1.2 * baseline
    tags = Counter(t for s in C.read_wojood(shared_data, ["val"]) for t in s.tags)
    assert tags["B-GPE"] > 0 and not any("NORP" in t or "DATE" in t for t in tags)
