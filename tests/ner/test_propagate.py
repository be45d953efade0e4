from hypothesis import given
from hypothesis import strategies as st

from marsad.ner.propagate import propagate

DOC = [
    ["قال", "الرئيس", "الأمريكي", "جورج", "بوش", "إن", "الحرب", "مستمرة"],
    ["وأضاف", "بوش", "أن", "القوات", "باقية", "في", "العراق"],
    ["وزار", "جورج", "بوش", "بغداد", "أمس"],
]


def test_a_name_found_once_is_found_again_nearby():
    model = [[(3, 5, "PER")], [], [(3, 4, "GPE")]]
    got = propagate(DOC, model)
    assert got[0] == [(3, 5, "PER")]
    assert got[1] == [(1, 2, "PER")]  # the family name alone
    assert got[2] == [(1, 3, "PER"), (3, 4, "GPE")]


def test_nothing_is_added_beyond_the_window_or_over_a_tagged_word():
    model = [[(3, 5, "PER")], [], [(1, 3, "ORG")]]
    got = propagate(DOC, model, window=0)
    assert got == model
    got = propagate(DOC, model, window=2)
    assert got[2] == [(1, 3, "ORG")]  # already tagged: the model's own label stays
    assert got[1] == [(1, 2, "PER")]


def test_short_names_are_not_searched():
    doc = [["قال", "أب", "كذا"], ["ثم", "أب", "ذهب"]]
    assert propagate(doc, [[(1, 2, "PER")], []]) == [[(1, 2, "PER")], []]
    assert propagate(doc, [[(1, 2, "PER")], []], min_chars=2)[1] == [(1, 2, "PER")]


def test_the_commonest_label_nearby_wins_and_folded_forms_match():
    doc = [["حزب", "الله"], ["حزب", "الله"], ["حزب", "الله"], ["إن", "حزب", "اللّه", "قال"]]
    model = [[(0, 2, "ORG")], [(0, 2, "ORG")], [(0, 2, "PER")], []]
    assert propagate(doc, model)[3] == [(1, 3, "ORG")]


WORDS = st.sampled_from(["بوش", "جورج", "قال", "في", "حلب", "الأسد", "بشار", "و"])


@given(st.lists(st.lists(WORDS, max_size=8), max_size=6), st.data())
def test_the_model_entities_are_kept_and_nothing_overlaps(sentences, data):
    model = []
    for words in sentences:
        found, pos = [], 0
        while pos < len(words) and data.draw(st.booleans()):
            start = data.draw(st.integers(pos, len(words) - 1))
            end = data.draw(st.integers(start + 1, len(words)))
            found.append((start, end, data.draw(st.sampled_from(["PER", "ORG", "GPE"]))))
            pos = end
        model.append(found)
    got = propagate(sentences, model, window=data.draw(st.integers(0, 6)))
    for words, found, more in zip(sentences, model, got, strict=True):
        assert set(found) <= set(more)
        assert more == sorted(more)
        taken = [i for start, end, _ in more for i in range(start, end)]
        assert len(taken) == len(set(taken))
        assert all(0 <= start < end <= len(words) for start, end, _ in more)
