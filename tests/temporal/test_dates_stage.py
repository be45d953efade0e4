"""dates.v1 and numbers.v1 in the pipeline, on hand-built articles and the bundled samples."""

import datetime as dt

from marsad.cli.analyze import samples_dir
from marsad.config import load_config
from marsad.ingest import IngestOptions, read_inputs
from marsad.pipeline import Pipeline

PIPELINE = Pipeline.from_config(load_config(overrides={"pipeline": {"stages": [
    "text.v1", "dates.v1", "numbers.v1"]}}))


def test_stages_are_in_the_default_pipeline():
    names = Pipeline.from_config(load_config()).names
    assert names.index("dates.v1") < names.index("numbers.v1")


def test_palmyra_dates_and_missing_publication(make_article, palmyra_text):
    article = PIPELINE(make_article(palmyra_text))
    assert not article.errors
    assert [(d.text, d.kind, d.value) for d in article.dates] == [
        ("يوم 10/12/2016", "absolute", dt.date(2016, 12, 10)),
        ("بين 8 و9 كانون الأول", "range", dt.date(2016, 12, 8)),
    ]
    undated = PIPELINE(make_article(palmyra_text, published=None))
    assert undated.dates[0].value == dt.date(2016, 12, 10)
    assert undated.dates[1].value is None  # the year of "8 و9 كانون الأول" is unknown


def test_numbers_skip_dates_already_found(make_article):
    article = PIPELINE(make_article("قتل 3 أشخاص يوم 10/12/2016 في عام 2014."))
    assert [q.text for q in article.quantities] == ["3 أشخاص"]


def _samples():
    options = IngestOptions.from_config(load_config())
    return {a.title: PIPELINE(a) for a in read_inputs([str(samples_dir())], options)}


def test_bundled_samples():
    samples = _samples()
    palmyra = next(a for a in samples.values() if a.published == dt.date(2016, 12, 20))
    assert {d.text for d in palmyra.dates} >= {"يوم 10/12/2016", "بين 8 و9 كانون الأول",
                                              "أيار 2015", "آذار 2016"}
    albab = next(a for a in samples.values() if a.published == dt.date(2016, 12, 28))
    (date,) = albab.dates
    assert date.text == "الأربعاء 28 ديسمبر (كانون الأول) 2016" and date.precision == 1
    quantities = {q.text: (q.count, q.min, q.max, q.what) for q in albab.quantities}
    assert quantities["26 عنصراً"] == (26, 26, 26, "killed")
    assert quantities["8 على الأقل"] == (8, 8, None, "killed")
    maarat = next(a for a in samples.values() if a.published == dt.date(2016, 12, 15))
    assert {d.text: d.value for d in maarat.dates}["اليوم الخميس 15 كانون الأول"] == \
        dt.date(2016, 12, 15)
    assert "الأسبوع الماضي" in {d.text for d in maarat.dates}
    quantities = {q.text: (q.count, q.what) for q in maarat.quantities}
    assert quantities["12 مدنياً"] == (12, "killed")
    assert quantities["نحو 30 آخرين"] == (30, "injured")
    for article in samples.values():
        assert not article.errors
