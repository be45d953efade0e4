"""Eighth-round rules of the event detector, from the dev and dev2 articles: halts,
launches and tallies are no events, lists of «مناطق في بلدة ...», a clause that does not
borrow the next clause's place, passive abductions and rockets fired after a bracket."""

from __future__ import annotations


def test_halts_launches_tallies_and_causes_are_no_events(analyse, types):
    a = analyse("وأفادت مصادر أن القوات العراقية أوقفت عمليات القصف الجوي على الفلوجة أمس.")
    assert "air_strike" not in types(a) and "abduction_detention" not in types(a)
    b = analyse("وأكد مصدر تسجيل خمس حالات خطف في المحافظة خلال الساعات الماضية.")
    assert "abduction_detention" not in types(b)
    c = analyse("وأعلنت الوزارة انطلاق العمليات العسكرية لتحرير الأنبار أمس.")
    assert "battle" not in types(c)
    d = analyse("وردا على سؤال عن أسباب اعتقال العشرات من عرب صرين قال إنه لا يعلم.")
    assert "abduction_detention" not in types(d)


def test_a_demonstrative_with_a_clitic_refers_back(analyse, types):
    a = analyse("وقال الجنرال إنه سيكون لهذه الضربات أثر عميق على قدرة التنظيم في الرمادي.")
    assert "air_strike" not in types(a)


def test_liberating_any_town_is_no_capture(analyse, types):
    a = analyse("ومن الطبيعي بعد تحرير أي بلدة من الإرهابيين أن تتعقب وحدات الحماية "
                "المتورطين في عفرين.")
    assert "territory_captured" not in types(a)


def test_places_listed_as_areas_in_towns_are_one_strike_each(analyse):
    a = analyse("وقصف الطيران المروحي بالبراميل المتفجرة مناطق في بلدة تفتناز ومناطق أخرى "
                "في بلدة سراقب أمس.", published="2015-08-01")
    strikes = [e for e in a.events if e.type == "air_strike"]
    assert sorted(e.location.name for e in strikes) == ["Saraqib", "Taftanāz"]


def test_a_clause_without_a_place_does_not_take_the_next_clause_s(analyse):
    a = analyse("وذكر ناشطون أن قوات النظام اعتقلت فجر أمس عشرات الشبان في بلدة بسقلا "
                "الصغيرة بعد مداهمة المنازل، كما قصف الطيران المروحي بالبراميل المتفجرة "
                "بلدة تفتناز.", published="2015-08-01")
    [arrests] = [e for e in a.events if e.type == "abduction_detention"]
    # «بسقلا» is not in the gazetteer and «تفتناز» is not its own place: at most inherited
    assert arrests.location is None or "location" in arrests.inherited
    [strike] = [e for e in a.events if e.type == "air_strike"]
    assert strike.location.name == "Taftanāz"


def test_passive_abduction_and_rockets_fired_after_a_bracket(analyse, types):
    a = analyse("قالت مصادر أمنية إن 30 رجلا بينهم زعيم عشيرة خطفوا في خان بني سعد أمس.")
    assert types(a) == ["abduction_detention"]
    b = analyse("وقال المصدر إن عناصر داعش أطلقوا اليوم (أمس) عشرات الصواريخ على قضاء مخمور.")
    assert types(b) == ["shelling"]
