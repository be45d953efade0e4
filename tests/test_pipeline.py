from dataclasses import replace

import pytest

from marsad.config import load_config
from marsad.errors import PipelineError
from marsad.model import Mention, Span
from marsad.pipeline import Pipeline
from marsad.registry import StageSpec, get_stage


def spec(name, requires=(), provides=()):
    return StageSpec(name, lambda c, s: None, tuple(requires), tuple(provides))


def test_unmet_requirement_names_the_stage_and_the_fix():
    a = spec("events.v1", requires=("mentions",), provides=("events",))
    b = spec("mentions.v1", requires=("text",), provides=("mentions",))
    with pytest.raises(PipelineError, match=r"'events.v1' requires 'mentions'.*put mentions.v1"):
        Pipeline([(a, lambda x: x), (b, lambda x: x)])
    Pipeline([(b, lambda x: x), (a, lambda x: x)])  # right order builds


def test_unknown_stage_lists_registered_ones():
    with pytest.raises(PipelineError, match=r"registered stages are: .*text\.v1"):
        get_stage("nope.v9")


def test_default_pipeline_builds_from_packaged_config():
    pipeline = Pipeline.from_config(load_config())
    assert pipeline.names[0] == "text.v1"
    assert {"sentences", "lang"} <= pipeline.provides


def test_failing_stage_is_recorded_and_dependents_skipped(make_article):
    seen = []

    def boom(article):
        raise RuntimeError("gazetteer file missing")

    def tag(article):
        seen.append("tag")
        return replace(article, lang="ar")

    stages = [
        (spec("broken.v1", provides=("mentions",)), boom),
        (spec("uses.v1", requires=("mentions",), provides=("events",)), lambda a: a),
        (spec("independent.v1", provides=("lang",)), tag),
    ]
    errors = []
    pipeline = Pipeline(stages, on_error=lambda a, s, m: errors.append((s, m)))
    out = pipeline(make_article("نص قصير"))
    assert [(e.stage, e.message) for e in out.errors] == [
        ("broken.v1", "RuntimeError: gazetteer file missing"),
        ("uses.v1", "skipped: needs 'mentions', which stage broken.v1 did not produce"),
    ]
    assert out.lang == "ar" and seen == ["tag"]
    assert len(errors) == 2


def test_stage_with_a_wrong_span_is_rejected(make_article):
    article = make_article("قال مصدر")

    def liar(a):
        return replace(a, mentions=(Mention("PER", "مصدر", Span(0, 3)),))

    out = Pipeline([(spec("liar.v1", provides=("mentions",)), liar)], on_error=None)(article)
    assert out.mentions == ()
    assert "SpanError" in out.errors[0].message and "'قال'" in out.errors[0].message


def test_a_stage_that_changes_the_text_has_every_layer_checked_again(make_article):
    article = make_article("قال مصدر")

    def tag(a):
        return replace(a, mentions=(Mention("PER", "مصدر", Span(4, 8)),))

    def rewrite(a):  # keeps the mentions layer object but shifts the text under it
        return replace(a, text="وقال مصدر")

    out = Pipeline([(spec("tag.v1", provides=("mentions",)), tag),
                    (spec("rewrite.v1", provides=("text2",)), rewrite)], on_error=None)(article)
    assert out.text == "قال مصدر"
    assert [e.stage for e in out.errors] == ["rewrite.v1"]
    assert "SpanError" in out.errors[0].message


def test_stage_that_returns_no_article_is_an_error(make_article):
    out = Pipeline([(spec("bad.v1"), lambda a: None)], on_error=None)(make_article("نص"))
    assert "returned NoneType" in out.errors[0].message
