"""The event detector (events.v1) on small hand-written Arabic articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import EventLexiconError
from marsad.events.lexicon import load_event_lexicon, parse_event_lexicon
from marsad.model import Span
from marsad.pipeline import Pipeline, check_spans


def by_type(article, kind):
    return [e for e in article.events if e.type == kind]


def test_events_stage_is_last_in_the_default_pipeline():
    assert Pipeline.from_config(None).names[-1] == "events.v1"


def test_capture_with_actor_place_date_and_source(analyse):
    a = analyse("سيطر تنظيم الدولة الإسلامية، فجر اليوم الاثنين، على حقل شاعر للغاز في "
                "ريف حمص الشرقي بعد هجوم واسع على مواقع قوات النظام، بحسب ما نقلت وكالة "
                "أعماق التابعة للتنظيم.")
    [event] = a.events  # the clashes «بعد هجوم» are part of the capture
    assert event.type == "territory_captured"
    assert event.trigger.text == "سيطر"
    actors = {x.role: x for x in event.actors}
    assert actors["actor1"].name == "Islamic State" and actors["actor1"].inter == 2
    assert actors["actor2"].name == "Military Forces of Syria"
    assert event.acled.sub_event_type == "Non-state actor overtakes territory"
    assert event.location.text.startswith("حقل شاعر")
    assert event.date.value == dt.date(2016, 12, 12) and not event.date.inherited
    assert event.certainty == "reported"
    assert event.sources and event.sources[0].kind == "media"
    assert not event.historical


def test_seizure_next_to_capture_is_its_own_event(analyse):
    a = analyse("وقالت الوكالة إن مقاتلي التنظيم قتلوا نحو 30 عنصراً من قوات النظام "
                "واستولوا على دبابتين ومدفع ميدان في حقل شاعر.")
    [seizure] = by_type(a, "weapons_seizure")
    assert {w.category for w in seizure.weapons} >= {"tank"}
    assert seizure.trigger.text == "واستولوا"


def test_air_strike_and_shelling_are_told_apart(analyse):
    a = analyse("قصفت طائرات حربية روسية مدينة معرة النعمان أمس.\n\n"
                "وفي سياق متصل، قصفت قوات النظام بلدة كفرنبل بقذائف الهاون.")
    assert [e.type for e in a.events] == ["air_strike", "shelling"]
    strike, shelling = a.events
    assert strike.date.value == dt.date(2016, 12, 11)
    assert shelling.actors[0].name == "Military Forces of Syria"
    assert shelling.weapons[0].category == "mortar"


def test_background_capture_is_historical_with_its_own_date(analyse):
    a = analyse("وكانت المرة الأولى التي سيطر فيها التنظيم على حقل شاعر في تموز 2014، "
                "حين قُتل أكثر من 200 من عناصر النظام.")
    [event] = a.events
    assert event.historical
    assert event.date.value == dt.date(2014, 7, 1) and event.date.precision == 3


def test_negated_and_future_actions_are_not_events(analyse):
    a = analyse("لم تسيطر قوات النظام على مدينة تدمر. ويسعى التنظيم للتقدم نحو مطار "
                "التيفور العسكري.")
    assert a.events == ()


def test_missing_place_and_date_are_inherited_and_marked(analyse):
    a = analyse("قصفت قوات النظام مدينة معرة النعمان بقذائف الهاون أمس.\n\n"
                "كما شنت طائرات حربية غارات عنيفة.")
    strike = by_type(a, "air_strike")[0]
    assert "location" in strike.inherited and strike.location.inherited
    assert strike.location.text == "معرة النعمان"
    assert "date" in strike.inherited and strike.date.inherited and strike.date.span is None


def test_no_date_anywhere_takes_the_publication_range(analyse):
    a = analyse("انفجرت عبوة ناسفة في مدينة الرمادي.", published="2015-08-10")
    [event] = a.events
    assert event.type == "bombing"
    assert (event.date.start, event.date.end) == (dt.date(2015, 8, 9), dt.date(2015, 8, 10))
    assert event.date.precision == 2 and event.date.inherited


def test_one_event_per_coordinated_place(analyse):
    a = analyse("شنت طائرات التحالف الدولي غارات على مدينتي الرقة ودير الزور أمس.")
    places = sorted(e.location.text for e in a.events if e.type == "air_strike")
    assert len(places) == 2 and "الرقة" in places[0] + places[1]


def test_protest_and_suicide_bombing(analyse):
    a = analyse("تظاهر آلاف المحتجين في ساحة التحرير وسط بغداد أمس الجمعة.\n\n"
                "وقتل ثلاثة جنود بانفجار سيارة مفخخة يقودها انتحاري في الموصل.")
    assert {e.type for e in a.events} == {"protest", "suicide_bombing"}
    protest = by_type(a, "protest")[0]
    assert protest.actors[0].role == "actor1" and protest.actors[0].inter == 6
    assert by_type(a, "suicide_bombing")[0].fatalities.count == 3


def test_article_without_events(analyse):
    assert analyse("عقد مجلس الأمن جلسة لبحث الأوضاع الإنسانية في سوريا.").events == ()


def test_lexicon_errors_are_clear(tmp_path):
    with pytest.raises(EventLexiconError, match="unknown event type"):
        parse_event_lexicon({"trigger": [{"type": "picnic", "words": ["نزهة"]}]})
    with pytest.raises(EventLexiconError, match="no \\[\\[trigger\\]\\]"):
        parse_event_lexicon({})
    with pytest.raises(EventLexiconError, match="cannot read"):
        load_event_lexicon(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[trigger]\n", encoding="utf-8")
    with pytest.raises(EventLexiconError, match="not valid TOML"):
        load_event_lexicon(bad)


def test_aircraft_with_a_nationality_adjective_is_the_state_as_actor1(analyse):
    a = analyse("قتل تسعة عناصر من تنظيم داعش في الغارات التي نفذتها مقاتلات تركية "
                "فجر اليوم على مواقع في مدينة الباب.")
    [strike] = by_type(a, "air_strike")
    actors = {x.role: x for x in strike.actors}
    assert actors["actor1"].name == "Military Forces of Turkey"
    assert actors["actor1"].text == "مقاتلات تركية" and actors["actor1"].inter == 8
    assert actors["actor2"].name == "Islamic State"
    b = analyse("قصفت طائرات حربية روسية، أمس، مدينة معرة النعمان.")
    [strike] = by_type(b, "air_strike")
    assert strike.actors[0].name == "Military Forces of Russia"
    assert strike.actors[0].text == "طائرات حربية روسية"
    assert any(w.category == "aircraft" for w in strike.weapons)  # still a weapon too


def test_conditionals_and_running_totals_are_not_events(analyse):
    assert not analyse("وإذا سيطرت فصائل المعارضة على مدينة درعا فإن ذلك سيغير "
                       "المعادلة.").events
    assert not analyse("وارتفع العدد الإجمالي للقتلى إلى 3216 جراء غارات التحالف "
                       "الدولي على مناطق في سوريا.").events
    assert not analyse("وتسعى قوات النظام لشن هجوم على مدينة الزبداني.").events


def test_a_bare_trigger_with_nothing_concrete_around_it_is_not_an_event(analyse):
    assert not analyse("يسعر الالتفات في المرأة، حديث القصف إلى الأبد.").events


def test_later_report_of_the_same_place_and_type_merges_however_far(analyse):
    filler = "وأضاف المصدر أن الأهالي يعانون من نقص في المياه والكهرباء. " * 4
    a = analyse("قصفت قوات النظام بلدة كفرنبل بقذائف الهاون أمس. " + filler +
                "وكان القصف على كفرنبل أمس قد أدى إلى مقتل 3 مدنيين.")
    [shelling] = by_type(a, "shelling")
    assert len(shelling.evidence) == 2
    assert shelling.fatalities is not None and shelling.fatalities.count == 3


def test_a_place_qualified_by_its_region_is_one_place(analyse):
    a = analyse("دمرت مقاتلات تركية 15 هدفاً لتنظيم داعش في محيط مدينة الباب شمال حلب، "
                "أمس.")
    [strike] = by_type(a, "air_strike")
    assert "الباب" in strike.location.text


def test_same_type_and_place_on_different_days_stays_two_events(analyse):
    a = analyse("قصفت قوات النظام بلدة كفرنبل بقذائف الهاون اليوم الخميس.\n\n"
                "وكانت قوات النظام قد قصفت كفرنبل مساء أمس بالمدفعية.", published="2015-08-06")
    assert len(by_type(a, "shelling")) == 2


def test_pluperfect_with_an_older_date_is_an_earlier_episode(analyse):
    a = analyse("وكانت المدينة قد تعرضت الأسبوع الماضي لقصف مدفعي من مواقع قوات النظام "
                "شرقي معرة النعمان.", published="2016-12-15")
    [shelling] = by_type(a, "shelling")
    assert shelling.historical
    b = analyse("وكانت قوات النظام قد قصفت معرة النعمان مساء أمس.", published="2016-12-15")
    assert not by_type(b, "shelling")[0].historical  # the previous evening is news


def test_lexicon_nationality_entries_are_checked():
    with pytest.raises(EventLexiconError, match="nationality"):
        parse_event_lexicon({"trigger": [{"type": "battle", "words": ["اشتباكات"]}],
                             "nationality": {"تركية": "Turkey"}})


PIECES = [
    "سيطر", "قوات النظام", "تنظيم الدولة", "على", "مدينة تدمر", "قصفت", "طائرات حربية",
    "غارات", "أمس", "في أيار 2015", "يذكر أن", "انفجار", "سيارة مفخخة", "انتحاري", "قتل",
    "10 مدنيين", "وقال المرصد السوري", "إن", "،", ".", "\n\n", "لم", "تظاهر", "محتجون",
    "واستولوا على دبابتين", "انسحبت", "ﻻ", "ـ", "٣", "بَعد", "اشتباكات", "معرة النعمان",
    "مقاتلات تركية", "إذا", "العدد الإجمالي",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(min_size=1, max_size=5),
                 min_size=1, max_size=30).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(texts)
def test_every_event_span_indexes_the_original_text(analyse, raw):
    if not raw.strip():
        return
    a = analyse(raw)
    check_spans(replace(a, events=a.events))
    n = len(a.text)
    for event in a.events:
        spans = [*event.evidence, event.trigger.span]
        spans += [x.span for x in (*event.actors, *event.weapons, *event.sources) if x.span]
        spans += [x.span for x in (event.location, event.date, event.fatalities)
                  if x is not None and x.span is not None]
        for span in spans:
            assert isinstance(span, Span) and 0 <= span.start <= span.end <= n
        assert a.text[event.trigger.span.start:event.trigger.span.end] == event.trigger.text


def test_fighters_killed_with_no_other_event_named_are_a_battle(analyse):
    a = analyse("وأعلنت قيادة عمليات بغداد مقتل 17 داعشيا ضمن عمليات شرقي الفلوجة أمس.",
                published="2015-08-10")
    [event] = a.events
    assert event.type == "battle" and event.fatalities.count == 17
    assert event.trigger.text == "مقتل"
    # another event named in the sentence: the dead are its own, not a second battle
    b = analyse("أسفرت غارة جوية على مدينة الرقة أمس عن مقتل 12 عنصرا من التنظيم.")
    assert [e.type for e in b.events] == ["air_strike"]
    # dead fighters without an incident (no place, date or count) are no event
    c = analyse("حضر الأمين العام حفل تكريم أبناء قتلى من مقاتلي الحزب.")
    assert not c.events
    # killings as a practice, and the dead of civilians, are no battle
    d = analyse("ويواصل التنظيم في الموصل عمليات القتل بحق عناصر الشرطة السابقين.")
    assert "battle" not in [e.type for e in d.events]
