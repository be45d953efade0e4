"""Twenty-first round: an event the learned veto drops lends nothing to the events after
it, «في المنطقة نفسها» points back to the town an earlier event named, and a
person named again by surname is quoted at the full name."""

from __future__ import annotations

import pytest

from marsad.config import load_config
from marsad.events.detect import EventDetector
from marsad.events.lexicon import load_event_lexicon
from marsad.events.taxonomy import load_taxonomy
from marsad.ingest import IngestOptions, make_article
from marsad.pipeline import Pipeline

STORY = ("وقال مسؤول في مدينة حماة إن الحكومة ستناقش الموازنة. "
         "وقصفت طائرات حربية بلدة كفرنبل في ريف إدلب صباح أمس. "
         "وقتل ثلاثة مدنيين في غارة أخرى.")


def layered(text: str, published: str = "2016-12-12"):
    config = load_config()
    stages = [s for s in config["pipeline"]["stages"] if not s.startswith("events.")]
    pipeline = Pipeline.from_config({**config, "pipeline": {"stages": stages}}, on_error=None)
    return pipeline(make_article(text, origin="<test>", options=IngestOptions(),
                                 published=published))


def detector() -> EventDetector:
    return EventDetector(load_event_lexicon(None), load_taxonomy(None))


def test_an_event_the_veto_drops_lends_no_place_to_the_next():
    article = layered(STORY)
    kept = detector().detect(article)
    assert [e.location and e.location.name for e in kept] == ["Kafranbel", "Kafranbel"]
    [second] = detector().detect(article, screen=lambda sentences: 1 not in sentences)
    assert second.trigger.text == "غارة"
    assert second.location is not None and second.location.text.endswith("حماة")


def test_the_same_area_is_the_town_an_earlier_event_named(analyse, of_type):
    a = analyse("اعتقلت جبهة النصرة ثمانية مقاتلين قرب بلدة أعزاز في ريف حلب الشمالي. "
                "وقصفت طائرات التحالف مواقع لتنظيم داعش في شمال سوريا. "
                "وهاجمت جبهة النصرة الجمعة مقرا للفرقة 30 في المنطقة نفسها.")
    [attack] = [e for e in a.events if e.trigger.text == "وهاجمت"]
    assert attack.location is not None and attack.location.inherited
    assert a.text[attack.location.span.start:attack.location.span.end].endswith("أعزاز")


def test_a_person_named_again_by_surname_is_quoted_at_the_full_name(analyse, of_type):
    a = analyse("وقال نائب محافظ حلب منذر سلال لـ«الشرق الأوسط» إن الهجوم جاء عفويا، وأشار سلال "
                "إلى أن فصائل المعارضة قصفت بلدة الفوعة بالصواريخ أمس.")
    [shelling] = of_type(a, "shelling")
    assert [(s.kind, s.text) for s in shelling.sources] == [("person", "نائب محافظ حلب منذر سلال")]


@pytest.mark.parametrize("text", [
    "وأعلنت وزارة الدفاع العراقية الاثنين انطلاق العمليات العسكرية بعد نحو شهرين على إرسال "
    "تعزيزات من الجيش إلى محافظة الأنبار.",
    "وألقت الشرطة القبض على عدد من الأشخاص بعد أكثر من شهر من تفجير مسجد الصادق في الكويت.",
], ids=["about-two-months", "more-than-a-month"])
def test_an_event_the_news_comes_weeks_after_is_background(analyse, text):
    a = analyse(text)
    background = [e for e in a.events if e.trigger.text in ("إرسال", "تفجير")]
    assert background and all(e.historical for e in background)


def test_a_capture_the_news_comes_after_is_background(analyse, of_type):
    a = analyse("وقال الناشط إن أهالي بلدة صدد يشعرون بقلق كبير بعد سيطرة تنظيم داعش على بلدة مهين "
                "التي تبعد عشرة كيلومترات عن المدينة.", published="2015-08-08")
    [capture] = of_type(a, "territory_captured")
    assert capture.historical
    b = analyse("وسيطرت فصائل المعارضة أمس على بلدة مهين بعد اشتباكات عنيفة مع قوات النظام.",
                published="2015-08-08")
    [news] = of_type(b, "territory_captured")
    assert not news.historical


def test_a_pluperfect_with_no_day_recalls_an_earlier_episode(analyse, of_type):
    a = analyse("وأوضح الجميلي أن تنظيم داعش كان قد أسرهم في معارك الكرمة قرب الفلوجة.",
                published="2015-07-25")
    [battle] = of_type(a, "battle")
    assert battle.historical
    b = analyse("وكان مصدر أمني قد أفاد بأن طائرات التحالف قصفت مواقع لتنظيم داعش في مدينة "
                "الرقة.", published="2015-08-07")  # (the pluperfect is the report's)
    assert b.events and not any(e.historical for e in b.events)


def test_a_dual_count_with_a_dual_verb_after_it_is_a_toll(analyse, dead):
    a = analyse("قال الجيش التركي إن جنديين قتلا وأصيب 31 في هجوم نفذه حزب العمال الكردستاني "
                "خلال الليل.", published="2015-08-03")
    assert ("battle", (2, "جنديين")) in dead(a)


def test_what_goes_on_meanwhile_lends_no_place(analyse, of_type):
    a = analyse("واستغل تنظيم داعش فراغا أمنيا للتوسع في ليبيا وذبح أجانب وخطف آخرين في الوقت "
                "الذي هاجم فيه أيضا سفارات أجنبية في طرابلس.", published="2015-07-21")
    [taken] = of_type(a, "abduction_detention")
    assert taken.location is not None and taken.location.text.endswith("ليبيا")
