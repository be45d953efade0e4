"""The learned veto of the events stage (marsad.events.sentence_filter)."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.config import load_config
from marsad.errors import ConfigError
from marsad.events.sentence_filter import (
    DIM,
    SentenceModel,
    cached_model,
    event_sentences,
    sentence_features,
    train_from_gold,
    train_sentence_model,
)
from marsad.ingest import IngestOptions, make_article
from marsad.model import Cue, Event, Span
from marsad.pipeline import Pipeline
from marsad.registry import Services

STRIKE = "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب أمس مما أدى إلى مقتل 5 مدنيين."
TALK = "وقال الوزير إن الحكومة ستناقش الموازنة العامة في جلستها المقبلة."


def layered(text: str):
    config = load_config()
    stages = [s for s in config["pipeline"]["stages"] if not s.startswith("events.")]
    pipeline = Pipeline.from_config({**config, "pipeline": {"stages": stages}}, on_error=None)
    return pipeline(make_article(text, origin="<test>", options=IngestOptions(),
                                 published="2016-12-12"))


def event_at(article, word: str) -> Event:
    start = article.text.index(word)
    sentence = next(s for s in article.sentences if s.start <= start < s.end)
    return Event(id="ev_x", article_id=article.id, type="air_strike",
                 trigger=Cue(word, Span(start, start + len(word))), evidence=(sentence,))


def test_features_are_hashed_words_bigrams_and_layer_counts():
    article = layered(STRIKE)
    feats = sentence_features(article, 0)
    assert all(0 <= k < DIM for k in feats)
    assert sum(feats.values()) > 2 * len(STRIKE.split())  # words, stems, bigrams, layers


def test_a_model_trained_on_a_few_sentences_separates_new_ones():
    events = [layered(f"قصفت طائرات حربية بلدة {place} أمس.") for place in
              ("سراقب", "معرة النعمان", "أريحا", "جسر الشغور")]
    talks = [layered(f"وقال الوزير إن {topic} ستناقش في الجلسة المقبلة.") for topic in
             ("الموازنة", "الضرائب", "الأسعار", "الرواتب")]
    gold = [(a, [event_at(a, "قصفت")]) for a in events] + [(a, []) for a in talks]
    model = train_sentence_model(gold, c=10.0)
    assert model.meta["sentences"] == 8 and model.meta["positive"] == 4
    new_strike = layered("قصفت طائرات حربية بلدة بنش أمس.")
    new_talk = layered("وقال الوزير إن الديون ستناقش في الجلسة المقبلة.")
    assert model.probabilities(new_strike)[0] > 0.5 > model.probabilities(new_talk)[0]


def test_keep_drops_an_event_only_when_all_its_sentences_score_low():
    article = layered(STRIKE + " " + TALK)
    strike, talk = event_at(article, "قصفت"), event_at(article, "وقال")
    both = Event(id="ev_y", article_id=article.id, type="air_strike", trigger=strike.trigger,
                 evidence=(*strike.evidence, *talk.evidence))
    assert event_sentences(article, both) == {0, 1}
    weights = np.zeros(DIM, dtype=np.float32)
    other = sentence_features(article, 1)
    for k in sentence_features(article, 0).keys() - other.keys():
        weights[k] = 1.0  # the strike sentence's own features: it scores high, the other low
    model = SentenceModel(weights, bias=-6.0)
    assert model.keep(article, [strike, talk, both], min_sentences=0) == [strike, both]
    assert model.keep(article, [talk], threshold=0.0, min_sentences=0) == [talk]
    assert model.keep(article, [strike, talk, both]) == [strike, talk, both]  # a brief


def test_the_stage_uses_the_filter_and_can_switch_it_off():
    article = layered(STRIKE)
    never = SentenceModel(np.zeros(DIM, dtype=np.float32), bias=-20.0)
    config = load_config()
    assert config["events"]["filter_min_sentences"] == 8
    on = Pipeline.from_config(config, Services(event_filter=never), on_error=None)
    assert [e.type for e in on(article).events] == ["air_strike"]  # a one-sentence brief
    every = {**config, "events": {**config["events"], "filter_min_sentences": 1}}
    on = Pipeline.from_config(every, Services(event_filter=never), on_error=None)
    assert on(article).events == ()
    off_config = {**config, "events": {**config["events"], "sentence_filter": False}}
    off = Pipeline.from_config(off_config, Services(event_filter=never), on_error=None)
    assert [e.type for e in off(article).events] == ["air_strike"]


def test_the_committed_model_keeps_a_plain_strike_report():
    model = cached_model("")
    assert model.weights.shape == (DIM,)
    assert not any(s.startswith("test") for s in model.meta["splits"])
    article = layered(STRIKE)
    assert model.probabilities(article)[0] > 0.5


def test_training_refuses_held_out_parts():
    with pytest.raises(ConfigError, match="held-out"):
        train_from_gold("gold/events/events.jsonl", ["dev", "test2"])


def test_a_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="train one with"):
        SentenceModel.load(tmp_path / "none.npz")
