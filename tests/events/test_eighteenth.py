"""Eighteenth round: a monitor's director speaks for it; triggers of one type in a row
are two events when a connector opens a clause between them."""

from __future__ import annotations

import pytest


def sources(event):
    return [(s.kind, s.name) for s in event.sources]


SOHR = ("observers", "Syrian Observatory for Human Rights")


def test_the_director_of_the_observatory_speaks_for_it(analyse, of_type):
    a = analyse("وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن طائرات حربية "
                "قصفت مدينة الرقة أمس. وأضاف رامي عبد الرحمن أن خمسة مدنيين قتلوا في قصف "
                "مدفعي على مدينة دوما أمس.")
    [strike] = of_type(a, "air_strike")
    [shelling] = of_type(a, "shelling")
    assert sources(strike) == [SOHR]
    assert sources(shelling) == [SOHR]  # (named again without his title)
    for event in (strike, shelling):
        for s in event.sources:
            assert a.text[s.span.start:s.span.end] == s.text


def test_the_director_named_after_the_observatory_is_it_too(analyse, of_type):
    a = analyse("أفاد المرصد السوري لحقوق الإنسان بمقتل ثلاثة مقاتلين. وقال مدير المرصد رامي "
                "عبد الرحمن إن طائرات حربية قصفت مدينة الرقة أمس.")
    [strike] = of_type(a, "air_strike")
    assert sources(strike) == [SOHR]
    assert strike.certainty == "reported"


def test_other_named_spokesmen_stay_persons(analyse, of_type):
    a = analyse("وقال الناطق باسم الجبهة الجنوبية عصام الريس إن طائرات حربية قصفت مدينة "
                "درعا أمس.")
    [strike] = of_type(a, "air_strike")
    assert [kind for kind, _ in sources(strike)] == ["person"]


def places(events):
    return sorted(e.location.name for e in events if e.location)


def test_a_second_trigger_of_one_type_after_a_connector_is_another_event(analyse, of_type):
    a = analyse("وأعلن ناشطون أن اشتباكات عنيفة دارت أمس بين جبهة النصرة وقوات النظام في "
                "محيط مدينة حريتان بريف حلب الشمالي، كما دارت اشتباكات على أطراف مدينة "
                "تل رفعت بين قوات النظام وغرفة عمليات فتح حلب.")
    battles = of_type(a, "battle")
    assert len(battles) == 2
    assert [e.trigger.span.start for e in battles] == sorted(
        a.text.index(w) for w in ("اشتباكات عنيفة", "اشتباكات على"))


def test_triggers_of_one_type_in_a_row_stay_one_event(analyse, of_type):
    a = analyse("ودارت اشتباكات عنيفة ومعارك بين جبهة النصرة وقوات النظام في محيط مدينة "
                "حريتان بريف حلب الشمالي أمس، ووقعت اشتباكات أخرى تسببت بمقتل عشرة عناصر.")
    assert len(of_type(a, "battle")) == 1


@pytest.mark.parametrize("text, battles", [
    # indefinite fighting during which someone died is an event ...
    ("قتل قائد عسكري في فيلق الشام أمس خلال اشتباكات مع قوات النظام في بلدة تل حمكي بريف "
     "جسر الشغور.", 1),
    # ... the fighting told before, named again with the article, is none
    ("قتل قائد عسكري في فيلق الشام أمس خلال الاشتباكات في بلدة تل حمكي بريف جسر الشغور.", 0),
    # a stage for clashes is the clashes; clashes expected are an aim
    ("وتحولت بلدة تل حمكي بريف جسر الشغور أمس مسرحاً لاشتباكات عنيفة بين قوات النظام "
     "والفصائل الإسلامية المعارضة.", 1),
    ("وأرسلت قوات النظام تعزيزات إلى بلدة تل حمكي بريف جسر الشغور أمس لاشتباكات متوقعة مع "
     "الفصائل الإسلامية المعارضة.", 0),
])
def test_battle_words_after_a_preposition(analyse, of_type, text, battles):
    assert len(of_type(analyse(text), "battle")) == battles


def test_a_similar_blast_in_another_place_is_another_event(analyse, of_type):
    a = analyse("قتل شخصان بانفجار عبوة ناسفة في منطقة سويب جنوب غربي بغداد اليوم. وبين المصدر "
                "أن انفجاراً مماثلاً وقع في منطقة سبع البور شمالي بغداد، مما أدى إلى مصرع شخص.",
                published="2015-08-10")
    assert len(of_type(a, "bombing")) == 2


def test_a_sentence_opening_with_kana_recalls_an_earlier_episode(analyse, of_type):
    a = analyse("وكان التنظيم سيطر على كامل بلدة مهين شمال شرق بلدة القريتين بعد اشتباكات مع "
                "قوات النظام.", published="2015-08-09")
    [capture] = of_type(a, "territory_captured")
    assert capture.historical
    # (the day before publication is still news, with or without «قد»)
    b = analyse("وكانت قوة أمنية عثرت ليل أمس على جثتي رجلين مجهولي الهوية في منطقة العبيدي "
                "شرقي بغداد بعد اشتباكات مع مسلحين.", published="2015-08-10")
    assert not any(e.historical for e in b.events)


def test_last_month_is_background_even_nine_days_later(analyse, of_type):
    a = analyse("وقتل جندي تركي في اشتباكات مع تنظيم داعش قرب بلدة إلبيلي على الحدود السورية "
                "الشهر الماضي.", published="2015-08-09")
    [battle] = of_type(a, "battle")
    assert battle.historical
    assert (battle.date.start.isoformat(), battle.date.end.isoformat()) == (
        "2015-07-01", "2015-07-31")
    b = analyse("وقتل جندي تركي في اشتباكات مع تنظيم داعش قرب بلدة إلبيلي على الحدود السورية "
                "يوم الخميس.", published="2015-08-09")
    assert not of_type(b, "battle")[0].historical


def actors(event):
    return [(a.role, a.name) for a in event.actors]


def test_the_subject_right_after_an_aiming_trigger_is_its_actor1(analyse, of_type):
    a = analyse("واستهدفت قوات الأسد بالصواريخ الفراغية وقذائف المدفعية، بلدة حيان بريف حلب "
                "الشمالي أمس.", published="2015-07-24")
    [shelling] = of_type(a, "shelling")
    assert actors(shelling) == [("actor1", "Military Forces of Syria")]
    # (with an actor before the verb, the one after it is the target)
    b = analyse("وقالت مصادر إن الفصائل المقاتلة استهدفت قوات النظام بقذائف الهاون في بلدة حيان "
                "بريف حلب الشمالي أمس.", published="2015-07-24")
    [shelling] = of_type(b, "shelling")
    assert ("actor2", "Military Forces of Syria") in actors(shelling)


def test_one_killed_and_another_one_are_two(analyse, dead):
    a = analyse("بينما قتل قائد عسكري وأحد العناصر في فيلق الشام أمس خلال اشتباكات مع قوات "
                "النظام في بلدة تل حمكي بريف جسر الشغور.", published="2015-08-04")
    assert [(t, d and d[0]) for t, d in dead(a)] == [("battle", 2)]
    # (the numeral after the noun is still one, and «أحد عشر» is eleven)
    b = analyse("وقتل جندي واحد أمس خلال اشتباكات مع قوات النظام في بلدة تل حمكي بريف جسر "
                "الشغور.", published="2015-08-04")
    assert [(t, d and d[0]) for t, d in dead(b)] == [("battle", 1)]
    c = analyse("وقتل جندي وأحد عشر مدنيا أمس خلال اشتباكات مع قوات النظام في بلدة تل حمكي "
                "بريف جسر الشغور.", published="2015-08-04")
    assert [d and d[0] for _, d in dead(c)] != [2]


def weapons(event):
    return [w.name for w in event.weapons]


def test_a_kind_then_its_model_is_one_weapon(analyse, of_type):
    a = analyse('وقالت المصادر إن جبهة النصرة استولت أمس على صواريخ مضادة للدروع من طراز '
                '"تاو" الأمريكية في مدينة إدلب.', published="2015-07-24")
    [seizure] = of_type(a, "weapons_seizure")
    assert weapons(seizure) == ["BGM-71 TOW"]
    for w in seizure.weapons:
        assert a.text[w.span.start:w.span.end] == w.text
    # (a launcher and rockets of a model are two things)
    b = analyse("واستولى مقاتلو المعارضة أمس على منصات الصواريخ وعدد من صواريخ الفيل في "
                "مدينة الزبداني.", published="2015-07-24")
    assert len({w for e in b.events for w in weapons(e)}) == 2


def test_the_places_of_what_goes_on_beside_are_not_the_events(analyse, of_type):
    a = analyse("واستمرت حملة قوات النظام على مدينة الزبداني أمس. كما استهدفها قصفٌ مدفعي "
                "عنيف من الحواجز المحيطة بها، ترافق ذلك مع الحصار الخانق على كافة البلدات "
                "المحيطة بها وهي مضايا وبقين وسرغايا وبلودان.", published="2015-07-21")
    names = [e.location and e.location.name for e in of_type(a, "shelling")]
    assert len(names) == 1 and names[0] not in ("Maḑāyā", "Buqayn", "Sirghāyā", "Bloudan")


def test_one_trigger_names_one_town_once():
    # «قصف قرى حلب وفي محافظة حلب»: the city and the province, one Aleppo for one trigger
    from marsad.events.detect import _distinct
    from marsad.model import Place, Span

    city = Place("Aleppo", gazetteer_id="geonames:170063", text="حلب", span=Span(8, 11))
    province = Place("Aleppo", gazetteer_id="opensyria:SY02", text="محافظة حلب",
                     span=Span(16, 26))
    idlib = Place("Idlib", gazetteer_id="opensyria:SY07", text="إدلب", span=Span(30, 34))
    assert _distinct([city, province, idlib]) == [city, idlib]
    assert _distinct([idlib, idlib]) == [idlib]
