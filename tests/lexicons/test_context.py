from marsad.lexicons.entries import ContextRule, Entry, load_peoples
from marsad.lexicons.layer import Lexicons
from marsad.text.normalize import view_of
from marsad.text.sentences import split_sentences

ISIS = Entry("isis", "Islamic State", "ARMED_GROUP", ("تنظيم الدولة", "داعش"),
             attrs={"actor_id": "isis", "inter": 2},
             context=(ContextRule("الدولة", preceded_by=("عناصر", "مناطق سيطرة"), quoted=True,
                                  not_followed_by=("العميقة",)),
                      ContextRule("التنظيم")))
QAEDA = Entry("al-qaeda", "al-Qaeda", "ARMED_GROUP", ("تنظيم القاعدة",),
              attrs={"actor_id": "al-qaeda", "inter": 2}, context=(ContextRule("التنظيم"),))
LEX = Lexicons([ISIS, QAEDA], [p for p in load_peoples() if p.id == "syrian"])


def tagged(text):
    view = view_of(text)
    out = []
    for c in LEX.find(view, split_sentences(text)):
        span = view.span(c.start, c.end)
        out.append((text[span.start:span.end], c.norm))
    return out


def test_ordinary_uses_of_al_dawla_are_not_isis():
    for text in ("أكدت الدولة أنها ستدعم المزارعين.",
                 "قال إن مؤسسات الدولة تعمل رغم هجمات داعش.",
                 "انتشر عناصر الدولة السورية في المدينة بعد طرد داعش.",
                 "تحدث عن عناصر الدولة العميقة، لا عن تنظيم الدولة."):
        assert ("الدولة", "Islamic State") not in tagged(text), text


def test_al_dawla_is_isis_after_a_cue_or_in_quotes_when_the_article_names_isis():
    text = "سيطر تنظيم الدولة على القرية. وقال إن عناصر الدولة انسحبوا إلى مناطق سيطرة الدولة."
    assert tagged(text) == [("تنظيم الدولة", "Islamic State"), ("الدولة", "Islamic State"),
                            ("الدولة", "Islamic State")]
    assert tagged("أعلن «الدولة» مسؤوليته عن الهجوم الذي تبناه داعش.")[0] == (
        "الدولة", "Islamic State")
    assert tagged("قال إن عناصر الدولة انسحبوا.") == []  # no unambiguous mention


def test_al_tanzim_refers_to_the_group_named_last():
    text = "هاجم تنظيم القاعدة البلدة. ثم قال التنظيم إن داعش انسحب، وأكد التنظيم ذلك."
    assert [n for _, n in tagged(text)] == ["al-Qaeda", "al-Qaeda", "Islamic State",
                                            "Islamic State"]


def test_peoples_are_found_with_low_priority():
    (c,) = [c for c in LEX.find(view_of("قال مسؤول سوري"), split_sentences("قال مسؤول سوري"))]
    assert (c.kind, c.norm, c.priority) == ("NORP", "Syrian", 1)


def test_sizes_count_entries_and_aliases():
    assert LEX.sizes["actors"] == 2 and LEX.sizes["contextual_aliases"] == 3


def test_kurdish_fighters_are_the_kurdish_force_of_the_article_or_of_its_country():
    lex = Lexicons.default()

    def kurds(text):
        view = view_of(text)
        return [c.norm for c in lex.find(view, split_sentences(text))
                if c.kind != "NORP" and "كراد" in view.text[c.start:c.end]]

    assert kurds("قصفت تركيا مواقع حزب العمال الكردستاني. وقتل جنديان عندما فجر مقاتلون أكراد "
                 "لغما.") == ["PKK: Kurdistan Workers' Party"]
    assert kurds("قالت وحدات حماية الشعب إنها تقدمت. وطرد المقاتلون الأكراد التنظيم.") == [
        "YPG: People's Protection Units"]
    # named last is the PKK, but the sentence is in Syria
    assert kurds("قالت وحدات حماية الشعب إنها تقدمت. وقصفت تركيا حزب العمال الكردستاني. وطرد "
                 "المقاتلون الأكراد التنظيم من حي في الحسكة في شمال شرق سوريا.") == [
        "YPG: People's Protection Units"]
    assert "PKK: Kurdistan Workers' Party" not in kurds("وطرد المقاتلون الأكراد التنظيم.")
