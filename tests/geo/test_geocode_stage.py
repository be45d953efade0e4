"""The geocode.v1 stage in a pipeline, with a tiny gazetteer passed as a service."""

from marsad.config import load_config
from marsad.model import Mention, Span
from marsad.pipeline import Pipeline
from marsad.registry import Services


def pipeline(tiny, stages=("text.v1", "geocode.v1")):
    config = load_config(overrides={"pipeline": {"stages": list(stages)}})
    return Pipeline.from_config(config, Services(gazetteer=tiny))


def test_stage_adds_places_with_original_spans(tiny, make_article):
    article = make_article("تدمر - وكالات\nسيطر التنظيم على مدينة تَدْمُر بريف حمص الشرقي.")
    out = pipeline(tiny)(article)
    assert not out.errors
    assert [(p.text, p.gazetteer_id, p.precision) for p in out.places] == [
        ("تدمر", "t:tadmur", 1), ("تَدْمُر", "t:tadmur", 1),
        ("ريف حمص الشرقي", "t:homs-gov", 3)]
    for p in out.places:
        assert out.text[p.span.start:p.span.end] == p.text


def test_stage_uses_mentions_when_present(tiny, make_article):
    from dataclasses import replace

    article = make_article("انفجار الباب صباحاً")
    run = pipeline(tiny)
    assert run(article).places == ()
    tagged = replace(article, mentions=(Mention("GPE", "الباب", Span(7, 12)),))
    assert [p.gazetteer_id for p in run(tagged).places] == ["t:bab"]


def test_stage_is_in_the_default_pipeline():
    assert "geocode.v1" in load_config()["pipeline"]["stages"]
