import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.config import load_config
from marsad.errors import ConfigError
from marsad.lexicons.entries import Entry, load_site_rules
from marsad.lexicons.layer import Lexicons
from marsad.model import Span
from marsad.pipeline import Pipeline
from marsad.registry import Services
from marsad.stages.mentions import MentionFinder


class WordTagger:
    """A stand-in NER model: tags single tokens from a fixed table."""

    def __init__(self, table):
        self.table = table
        self.calls = 0

    def proclitic(self, word):
        return (1, word[1:]) if word.startswith("و") and word[1:] in self.table else (0, word)

    def tag(self, sentences):
        self.calls += 1
        return [[(i, i + 1, self.table[w.removeprefix("و")]) for i, w in enumerate(words)
                 if w.removeprefix("و") in self.table] for words in sentences]


ISIS = Entry("isis", "Islamic State", "ARMED_GROUP", ("تنظيم الدولة", "داعش"),
             attrs={"actor_id": "isis", "inter": 2, "country": None})
SDF = Entry("sdf", "Syrian Democratic Forces", "ARMED_GROUP", ("قوات سوريا الديمقراطية",),
            attrs={"actor_id": "sdf", "inter": 2, "country": "SY"})
VERBA = Entry("9k333-verba", "9K333 Verba", "WEAPON", ("فيربا",), ("Verba",),
              attrs={"weapon_id": "9k333-verba", "category": "MANPADS"})
TAGGER = WordTagger({"تدمر": "GPE", "سوريا": "GPE", "كويرس": "GPE", "حمص": "GPE",
                     "أحمد": "PER", "رويترز": "ORG", "الديمقراطية": "ORG", "نوبل": "MISC"})
LEX = Lexicons([ISIS, SDF, VERBA], (), load_site_rules())


def services():
    return Services(ner_model=TAGGER, lexicons=LEX)


def pipeline():
    config = load_config(overrides={"pipeline": {"stages": ["text.v1", "mentions.v1"]},
                                    "mentions": {"use_model": True}})
    return Pipeline.from_config(config, services())


def test_model_and_lexicon_mentions_with_layers_conventions(make_article):
    text = ("قال أحمد لرويترز إن تنظيمَ الدولة استولى على صواريخ «Verba» في تدمر، "
            "وإن قوات سوريا الديمقراطية تقدمت نحو مطار كويرس العسكري. جائزة نوبل")
    article = pipeline()(make_article(text))
    assert not article.errors
    got = [(m.kind, m.text, m.norm, m.source) for m in article.mentions]
    assert got == [
        ("PER", "أحمد", "احمد", "model"),
        ("ARMED_GROUP", "تنظيمَ الدولة", "Islamic State", "lexicon"),
        ("WEAPON", "Verba", "9K333 Verba", "lexicon"),
        ("GPE", "تدمر", "تدمر", "model"),
        ("ARMED_GROUP", "قوات سوريا الديمقراطية", "Syrian Democratic Forces", "lexicon"),
        ("FAC", "مطار كويرس العسكري", "مطار كويرس العسكري", "lexicon"),
    ]
    by_text = {m.text: m for m in article.mentions}
    assert by_text["تنظيمَ الدولة"].attrs == {"actor_id": "isis", "inter": 2, "country": None}
    assert by_text["Verba"].attrs == {"weapon_id": "9k333-verba", "category": "MANPADS"}
    assert by_text["مطار كويرس العسكري"].attrs == {"rule": "site", "head": "مطار"}
    for m in article.mentions:
        assert text[m.span.start:m.span.end] == m.text


def test_misc_is_left_out_unless_asked(make_article):
    finder = MentionFinder(LEX, lambda: TAGGER, keep_misc=True)
    assert [m.kind for m in finder("جائزة نوبل", [])] == []  # no sentences, nothing
    assert [m.kind for m in finder("جائزة نوبل", [Span(0, 10)])] == ["MISC"]


def test_without_a_model_the_lexicons_still_work(make_article):
    finder = MentionFinder.from_config({"use_model": False}, Services(lexicons=LEX))
    from marsad.text.sentences import split_sentences
    text = "هاجم داعش تدمر"
    assert [m.norm for m in finder(text, split_sentences(text))] == ["Islamic State"]


def test_the_committed_model_is_not_loaded_by_the_stage_factory(monkeypatch):
    import marsad.stages.mentions as module

    def boom(path=None):
        raise AssertionError("model loaded at factory time")

    monkeypatch.setattr(module, "shared_tagger", boom)
    config = load_config(overrides={"pipeline": {"stages": ["text.v1", "mentions.v1"]}})
    Pipeline.from_config(config, Services(lexicons=LEX))  # builds without loading


def test_eval_view_maps_mentions_to_tokens():
    finder = MentionFinder(LEX, lambda: TAGGER)
    out = finder.tag_tokens([["هاجم", "وداعش", "وتدمر"], []])
    assert out == [[(1, 2, "ARMED_GROUP"), (2, 3, "GPE")], []]


class FullNameTagger:
    """A stand-in model that knows a person only by the full name."""

    def proclitic(self, word):
        return 0, word

    def tag(self, sentences):
        return [[(i, i + 2, "PER") for i in range(len(words) - 1)
                 if list(words[i:i + 2]) == ["جورج", "بوش"]] for words in sentences]


def test_a_name_the_model_found_is_found_again_in_later_sentences():
    from marsad.text.sentences import split_sentences

    text = "قال جورج بوش إن الحرب مستمرة. وأكد بوش أن القوات باقية في العراق."
    sentences = split_sentences(text)
    found = MentionFinder(LEX, FullNameTagger)(text, sentences)
    assert [(m.kind, m.text, m.source) for m in found] == [("PER", "جورج بوش", "model"),
                                                          ("PER", "بوش", "model")]
    assert found[1].span.start == text.index("بوش", text.index("."))
    alone = MentionFinder(LEX, FullNameTagger, repeat_names=False)(text, sentences)
    assert [m.text for m in alone] == ["جورج بوش"]
    tokens = [["قال", "جورج", "بوش"], ["وأكد", "بوش"]]
    assert MentionFinder(LEX, FullNameTagger).tag_tokens(tokens) == [[(1, 3, "PER")],
                                                                   [(1, 2, "PER")]]
    assert MentionFinder(LEX, FullNameTagger, repeat_names=False).tag_tokens(tokens) == [
        [(1, 3, "PER")], []]


def test_model_entities_leave_out_a_proclitic_the_tagger_recognises():
    finder = MentionFinder(LEX, lambda: TAGGER)
    (m,) = finder("ووصلوا وتدمر", [Span(0, 12)])
    assert (m.text, m.norm, m.span) == ("تدمر", "تدمر", Span(8, 12))


FRAGMENTS = st.sampled_from([
    "تنظيمَ الدولة", "وداعش", "«Verba»", "فيربا-", "قوات سوريا الديمقراطية", "مطار",
    "كويرس", "العسكري", "تدمر", "أحمد", ".", "،", "\n", " ", "ﻻ", "الـــدولة", "\u200f",
    "٧", "سام", "-", "لل", "حاجز", "مخيم", "10.5",
])

PIPELINE = None


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FRAGMENTS, min_size=1, max_size=30).map(lambda parts: "".join(parts)))
def test_every_mention_quotes_the_original(make_article, text):
    global PIPELINE
    if not text.strip():
        return
    PIPELINE = PIPELINE or pipeline()
    article = PIPELINE(make_article(text))
    assert not article.errors
    spans = sorted((m.span.start, m.span.end) for m in article.mentions)
    for m in article.mentions:
        assert 0 <= m.span.start < m.span.end <= len(article.text)
        assert article.text[m.span.start:m.span.end] == m.text
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_model_sentences_events_lets_the_model_read_only_sentences_with_a_trigger(make_article):
    text = "التقى أحمد وزير الخارجية في حمص. وقصفت طائرات حربية مدينة تدمر أمس."
    config = load_config(overrides={"pipeline": {"stages": ["text.v1", "mentions.v1"]},
                                    "mentions": {"model_sentences": "events"}})
    gated = Pipeline.from_config(config, services())(make_article(text))
    assert [(m.kind, m.text) for m in gated.mentions] == [("GPE", "تدمر")]
    everything = pipeline()(make_article(text))
    assert [m.text for m in everything.mentions] == ["أحمد", "حمص", "تدمر"]
    # the NER evaluation reads every sentence whatever the gate says
    finder = MentionFinder.from_config({"model_sentences": "events"}, services())
    assert [k for _, _, k in finder.tag_tokens([["التقى", "أحمد"]])[0]] == ["PER"]


def test_an_unknown_model_sentences_value_is_a_config_error():
    with pytest.raises(ConfigError, match="model_sentences"):
        MentionFinder.from_config({"model_sentences": "some"}, services())


class PairTagger(WordTagger):
    """Tags two-word names from a fixed table of (first, second) -> label."""

    def tag(self, sentences):
        return [[(i, i + 2, self.table[pair]) for i, pair in enumerate(itertools.pairwise(words))
                 if pair in self.table] for words in sentences]


def test_a_model_person_starting_with_a_place_head_is_dropped(make_article):
    tagger = PairTagger({("بريف", "إدلب"): "PER", ("محمد", "علوش"): "PER",
                         ("مدينة", "حلب"): "GPE", ("ودير", "الزور"): "PER"})
    config = load_config(overrides={"pipeline": {"stages": ["text.v1", "mentions.v1"]},
                                    "mentions": {"use_model": True, "repeat_names": False}})
    run = Pipeline.from_config(config, Services(ner_model=tagger, lexicons=LEX))
    article = run(make_article("قال محمد علوش إن الطائرات قصفت قرى بريف إدلب وأحياء في مدينة حلب "
                               "ودير الزور."))
    assert [(m.kind, m.text) for m in article.mentions] == [("PER", "محمد علوش"),
                                                             ("GPE", "مدينة حلب")]
