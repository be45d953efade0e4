"""The claims extractor on small hand-written Arabic fixtures."""

from __future__ import annotations

import pytest

from marsad.claims import claim_at, extract_claims
from marsad.claims.lexicon import packaged_lexicon
from marsad.model import Mention, Span
from marsad.pipeline import Pipeline, check_spans
from marsad.registry import Services
from marsad.stages.text import text_stage


@pytest.fixture
def analysed(make_article):
    text_fn = text_stage({}, Services())

    def run(text: str, **kw):
        article = text_fn(make_article(text, **kw))
        return article, extract_claims(article)

    return run


def content_of(article, claim) -> str:
    return article.text[claim.content.start : claim.content.end]


def test_observatory_statement(analysed):
    article, (claim,) = analysed("وقال المرصد السوري لحقوق الإنسان إن 5 مدنيين قتلوا في القصف.")
    assert claim.cue.text == "وقال"
    assert claim.source.kind == "observers"
    assert claim.source.text == "المرصد السوري لحقوق الإنسان"
    assert claim.source.name == "Syrian Observatory for Human Rights"
    assert content_of(article, claim) == "5 مدنيين قتلوا في القصف"
    assert claim.certainty == "reported" and not claim.negated


def test_named_is_no_claim(analysed):
    """«يدعى» "is called" is spelt like «يدعي» "claims": without «أن» it names."""
    _article, claims = analysed("وأفاد المسؤول محمد الجبوري بمقتل قيادي في داعش يدعى هشام "
                                "التكريتي أثناء استهداف سيارته.")
    assert [c.cue.text for c in claims] == ["وأفاد"]
    _, (claim,) = analysed("والتنظيم يدعي أن مقاتليه أسقطوا طائرة.")
    assert claim.cue.text == "يدعي" and claim.certainty == "alleged"


def test_relay_chain_keeps_the_agency(analysed):
    article, (claim,) = analysed(
        "نقلت وكالة رويترز عن مصدر عسكري قوله إن الطائرات قصفت المطار.")
    assert claim.source.kind == "anonymous"
    assert claim.source.text == "مصدر عسكري"
    (relay,) = claim.source.chain
    assert relay.text == "وكالة رويترز" and relay.kind == "media" and relay.name == "Reuters"
    assert content_of(article, claim) == "الطائرات قصفت المطار"


def test_added_statement_continues_the_anonymous_source(analysed):
    _, claims = analysed(
        "كشف مصدر تابع للنظام رفض الكشف عن اسمه أن التنظيم استولى على صواريخ.\n"
        "وأضاف المصدر أن القوات الروسية انسحبت من المدينة.\n"
        "وتابع: «المستودعات كانت مليئة بالذخائر».")
    first, second, third = claims
    assert first.source.text == "مصدر تابع للنظام رفض الكشف عن اسمه"
    assert first.source.kind == "anonymous"
    assert second.source.text == "المصدر" and second.source.kind == "anonymous"
    assert third.cue.text == "وتابع" and third.source.kind == "anonymous"


def test_denial_by_state_media_negates_and_disputes(analysed):
    _, claims = analysed(
        "قال ناشطون إن الطائرات قصفت سوق المدينة وقتلت عشرة مدنيين.\n"
        "ونفت وكالة سانا أن تكون الطائرات قصفت سوق المدينة.")
    activists, sana = claims
    assert sana.negated and sana.source.kind == "media" and sana.source.name == "SANA"
    assert activists.source.kind == "observers" and activists.source.name is None
    assert activists.certainty == "alleged"


def test_trailing_attribution_covers_the_clause_before(analysed):
    article, (claim,) = analysed("قتل ثلاثة مدنيين في قصف على الحي، بحسب ناشطين.")
    assert claim.source.kind == "observers" and claim.source.text == "ناشطين"
    assert content_of(article, claim) == "قتل ثلاثة مدنيين في قصف على الحي"


def test_allegation_and_hedges(analysed):
    _article, claims = analysed(
        "وزعم التنظيم أنه أسقط طائرة حربية.\n"
        "ويُعتقد أن الطائرة روسية.\n"
        "ويبدو أن القصف استهدف مستودعاً.")
    alleged, believed, seems = claims
    assert alleged.certainty == "alleged" and alleged.source.kind == "official"
    assert believed.source.kind == "unspecified" and believed.certainty == "hedged"
    assert seems.certainty == "hedged"


def test_unverified_note_hedges_earlier_claims(analysed):
    _, claims = analysed(
        "وقالت مصادر محلية إن 20 عنصراً قتلوا.\n"
        "ولم يتسن لأورينت نت التحقق من صحة هذه المعلومات من مصدر مستقل.")
    (claim,) = claims
    assert claim.certainty == "hedged" and claim.source.kind == "anonymous"


def test_person_with_title_and_official_body(analysed):
    _, claims = analysed(
        "قال العميد المنشق أحمد الرحال إن التنظيم استولى على دبابات.\n"
        "وأعلنت وزارة الدفاع التركية أن مقاتلاتها دمرت 15 هدفاً.\n"
        "ونشرت حسابات تابعة لتنظيم داعش على تويتر صوراً قالت إنها للغنائم.")
    person, ministry, accounts, *_ = claims
    assert person.source.kind == "person" and person.source.name == "أحمد الرحال"
    assert ministry.source.kind == "official"
    assert ministry.source.name == "Ministry of National Defence (Turkey)"
    assert accounts.source.kind == "social_media"
    assert "تويتر" in accounts.source.text


def test_background_and_outlet_statements_are_not_claims(analysed):
    _, claims = analysed("سيطر التنظيم على المدينة أمس.\nيذكر أن المدينة شهدت معارك سابقة.")
    assert claims == []


@pytest.mark.parametrize(("name", "norm", "source", "expected"), [
    ("زيد عمرو", "Zaid Amr", "lexicon", "Zaid Amr"),  # a lexicon entry's canonical name
    ("أحمد الرحال", "احمد الرحال", "model", "أحمد الرحال"),  # a model entity as written
])
def test_person_mentions_decide_the_kind_and_name(make_article, name, norm, source,
                                                  expected):
    text = f"وقال العميد {name} إن الطريق مقطوع."
    article = text_stage({}, Services())(make_article(text))
    start = text.index(name)
    mention = Mention("PER", name, Span(start, start + len(name)), norm=norm, source=source)
    (claim,) = extract_claims(article, mentions=[mention])
    assert claim.source.kind == "person" and claim.source.name == expected


def test_a_verbal_noun_after_the_source_begins_the_content(analysed):
    article, (claim,) = analysed("وأكد مصدر أمني مقتل 3 من عناصر القوات الأمنية بانفجار.")
    assert claim.source.text == "مصدر أمني" and claim.source.kind == "anonymous"
    assert content_of(article, claim).startswith("مقتل 3")


@pytest.mark.parametrize(("text", "name"), [
    ("وقال مراسل الجزيرة إن الطريق مقطوع.", "Al Jazeera"),
    ("وذكر موقع العربية نت أن الطريق مقطوع.", "Al Arabiya"),
    ("وقالت إدارة الجزيرة السورية إن الطريق مقطوع.", "إدارة الجزيرة السورية"),
])
def test_outlets_by_name_but_not_the_region(analysed, text, name):
    _, (claim,) = analysed(text)
    assert claim.source.name == name


def test_claim_at_finds_the_claim_or_the_outlet(make_article):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["text.v1", "claims.v1"]}})
    text = "سيطر التنظيم على المدينة.\nوقال مصدر أمني إن 7 عناصر قتلوا في الهجوم."
    article = pipeline(make_article(text, outlet="Orient Net"))
    inside = text.index("7 عناصر")
    claim = claim_at(article, Span(inside, inside + 7))
    assert claim.source.kind == "anonymous" and claim.certainty == "reported"
    own = claim_at(article, Span(0, 4))
    assert own.certainty == "asserted" and own.cue is None
    assert own.source.kind == "media" and own.source.name == "Orient Net"
    assert own.content == article.sentences[0]


def test_stage_output_passes_the_span_check(make_article, palmyra_text):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["text.v1", "claims.v1"]}})
    article = pipeline(make_article(palmyra_text))
    assert article.errors == () and len(article.claims) == 2
    check_spans(article)


def test_lexicon_is_folded():
    lex = packaged_lexicon()
    assert "اكد" in lex.speech and "أكد" not in lex.speech
    assert "مشيرا" in lex.participles


def test_relay_named_in_quotes_and_agency_addressee(analysed):
    _, (paper, agency) = analysed(
        "وقال بارتلس في تصريحات لصحيفة «نوردفيست» الألمانية أمس: «المهمة صعبة».\n"
        "وقالت المصادر لوكالة الأنباء الألمانية، إن معارك عنيفة دارت في المنطقة.")
    assert [r.text for r in paper.source.chain] == ["صحيفة «نوردفيست» الألمانية"]
    assert paper.source.kind == "person"
    (relay,) = agency.source.chain
    assert relay.text == "وكالة الأنباء الألمانية" and relay.name == "Deutsche Presse-Agentur"


def test_quote_after_a_name_is_content_and_demonstratives(analysed):
    article, claims = analysed(
        "أعلن صدام «ضم» الكويت إلى العراق.\n"
        "قال مصدر عسكري إن الهجوم بدأ فجراً، وقال هذا المصدر العسكري إن المسلحين فروا.")
    saddam, first, second = claims
    assert saddam.source.text == "صدام" and saddam.source.kind == "person"
    assert content_of(article, saddam).startswith("«ضم»")
    assert second.source.text == "هذا المصدر العسكري"
    assert second.source.kind == first.source.kind == "anonymous"


def test_a_warning_ends_its_source_at_min(analysed):
    article, (claim,) = analysed("وحذر مسؤولون أمنيون عراقيون من انهيار الوضع في ديالى.")
    assert claim.source.text == "مسؤولون أمنيون عراقيون"
    assert content_of(article, claim).startswith("انهيار")


def test_a_dangling_affiliation_is_not_part_of_the_source(analysed):
    _, (claim,) = analysed("سيطر التنظيم على الحقل، بحسب ما نقلت وكالة أعماق التابعة للتنظيم.")
    assert claim.source.text == "وكالة أعماق" and claim.source.name == "Amaq News Agency"


def test_a_bare_head_takes_the_body_the_article_named_before(analysed):
    _, (claim,) = analysed("أصدر المرصد السوري لحقوق الإنسان تقريره السنوي أمس. وفي حلب، "
                           "قال المرصد إن الطائرات قصفت البلدة.")
    assert (claim.source.text, claim.source.name) == (
        "المرصد", "Syrian Observatory for Human Rights")
    _, (alone,) = analysed("وأضاف المرصد أن الطائرات قصفت البلدة.")
    assert alone.source.name == "المرصد"


def test_a_nationality_inside_the_phrase_is_not_its_name(make_article):
    text = "وقالت تنسيقيات الثورة السورية إن الطائرات قصفت البلدة."
    article = text_stage({}, Services())(make_article(text))
    start = text.index("السورية")
    norp = Mention("NORP", "السورية", Span(start, start + 7), norm="Syrian", source="lexicon")
    (claim,) = extract_claims(article, mentions=[norp])
    assert claim.source.name == "تنسيقيات الثورة السورية"


def test_a_verbal_noun_with_bi_after_afada_is_content_and_the_speaker_stands_before(analysed):
    article, (claim,) = analysed("وكان «المرصد السوري» أفاد بتواصل الاشتباكات في الزبداني.")
    assert claim.source.name == "Syrian Observatory for Human Rights"
    assert content_of(article, claim).startswith("بتواصل الاشتباكات")
    _, (named,) = analysed("وأضاف باتيس أن الطائرات قصفت البلدة.")
    assert named.source.text == "باتيس" and named.source.kind == "person"


def test_information_and_reports_name_no_one(analysed):
    _, (claim,) = analysed("وأفادت معلومات أن عدد القتلى بلغ 18 قتيلا.")
    assert claim.source.kind == "unspecified" and claim.source.name is None


def test_a_quoted_body_after_the_cue_speaks_and_its_bare_head_refers_back(analysed):
    _, (first, second) = analysed("في حين أعلن «مكتب أخبار سوريا» المعارض، أن قوات المعارضة "
                                  "قصفت القرداحة. وقال المكتب: إن القصف استمر.")
    assert first.source.text == "«مكتب أخبار سوريا» المعارض"
    assert first.source.kind == second.source.kind == "media"
    assert first.source.name == second.source.name == "Syria News Office"
    assert second.source.text == "المكتب"


def test_documented_and_noted_are_reporting_verbs(analysed):
    _, (claim,) = analysed("ووثق المرصد السوري مقتل 12 مدنيا في غارات على مدينة دوما.")
    assert (claim.source.kind, claim.source.name) == (
        "observers", "Syrian Observatory for Human Rights")
    _, (claim,) = analysed("وسقط أكثر من 30 برميلاً على منطقة البلد، بحسب ما وثق ناشطون "
                           "معارضون من المنطقة.")
    assert claim.source.kind == "observers"
    assert claim.cue.text.startswith("بحسب ما وثق")
    _, (claim,) = analysed("ونوه ناشطون من المنطقة إلى أن غارة استهدفت مشفى في كفرنبل.")
    assert claim.source.kind == "observers" and claim.source.text.startswith("ناشطون")


def test_not_knowing_is_no_denial_and_a_source_does_not_dispute_itself(analysed):
    _, claims = analysed(
        "وقال المرصد السوري لحقوق الإنسان إن قياديا تونسيا وخمسة متشددين قتلوا في غارة جوية "
        "قرب مدينة الحسكة. وأضاف المرصد إنه لم يعرف ما إذا كان الهجوم الجوي قرب مدينة الحسكة "
        "نفذه الجيش السوري أو التحالف.")
    first, second = claims
    assert not second.negated and second.certainty == "hedged"
    assert first.certainty == "reported"
    # (a real denial by the same monitor, named short, leaves its own report as it was)
    _, claims = analysed(
        "وقال المرصد السوري لحقوق الإنسان إن طائرات حربية قصفت مدينة الحسكة أمس. ونفى "
        "المرصد أن تكون طائرات حربية قصفت مدينة الحسكة أمس.")
    first, second = claims
    assert second.negated and first.certainty == "reported"


def test_a_quoted_name_with_its_title_after_the_cue_speaks(analysed):
    text = ('وأكد "منير ذكي" قائد الفوج العاشر في كتائب "ثوار الشام" أن فصائل المعارضة قتلت '
            '15 عنصراً من التنظيم قرب مدينة مارع.')
    a, (claim,) = analysed(text)
    assert claim.source.kind == "person"
    assert claim.source.text == '"منير ذكي" قائد الفوج العاشر في كتائب "ثوار الشام"'
    assert a.text[claim.content.start:claim.content.end].startswith("فصائل المعارضة")
    # (a quoted word with no title after it is still what was said)
    _, (claim,) = analysed('وأكد "الانتصار" قريب في مدينة مارع.')
    assert claim.source.text is None or "الانتصار" not in claim.source.text


def test_who_shows_pictures_of_an_attack_is_its_source(analysed):
    a, (claim,) = analysed("ونشر جيش الفتح صورا لتفجير كبير بعربة مدرعة ملغمة في منطقة "
                           "الصواغية.")
    assert claim.source.text == "جيش الفتح"
    assert a.text[claim.content.start:claim.content.end].startswith("صورا لتفجير")
    _, (claim,) = analysed("وبثت وكالة أعماق التابعة للتنظيم صورا لقصف جوي استهدف مستشفى "
                           "عائشة في منبج.")
    assert claim.source.kind == "media"
    # («نشر» with no pictures after it spreads troops: no report)
    _, claims = analysed("ونشر الجيش التركي قواته على الحدود مع سوريا.")
    assert claims == []
    # (no subject after the verb: the one who shows stands before it, or nowhere)
    _, claims = analysed("وعرض أثناء الجلسة شريط فيديو صورته كاميرات المراقبة. وكان التنظيم "
                         "بث تسجيل فيديو يهدد فيه بإعدام رهينة خطف نهاية يوليو.")
    assert not any(c.source.text == "تسجيل" for c in claims)


@pytest.mark.parametrize("text", [
    "واعلن رئيس الوزراء التركي ايضا ان الشرطة التركية اعتقلت 590 شخصا.",
    "وأعلن رئيس الوزراء التركي أيضاً أن الشرطة التركية اعتقلت 590 شخصا.",
], ids=["bare", "tanwin"])
def test_also_after_the_speaker_ends_the_speaker(analysed, text):
    _, (claim,) = analysed(text)
    assert claim.source.text.startswith("رئيس الوزراء التركي")
    assert "يضا" not in claim.source.text


def test_an_iraqi_commander_is_a_person_with_a_name(analysed):
    _, (claim,) = analysed("وقال آمر لواء المغاوير العميد الركن عادل مولان إن القطعات "
                           "العسكرية تقدمت نحو الرمادي.")
    assert claim.source.kind == "person"
    assert claim.source.text == "آمر لواء المغاوير العميد الركن عادل مولان"


def test_for_its_part_ends_the_speaker(analysed):
    _, (claim,) = analysed("وأعلنت وحدات الحماية الكردية من جانبها أنها سيطرت على قرية تل أبيض.")
    assert claim.source.text == "وحدات الحماية الكردية"


def test_a_network_named_again_by_its_head_is_still_a_monitor(analysed):
    _, claims = analysed("وأكد مراقبو الشبكة الآشورية لحقوق الإنسان أن عائلات بدأت بالنزوح. "
                         "وأشارت الشبكة إلى أن التنظيم احتجز عشرات العائلات.")
    assert [c.source.kind for c in claims] == ["observers", "observers"]


@pytest.mark.parametrize("text, source", [
    # an abbreviated title's full stop does not end the speaker
    ("وأضاف د. ابن رقوش، إن هذه الجريمة النكراء قد آلمت الجميع.", "د. ابن رقوش"),
    ("وقال م. أحمد الجبوري إن القصف استهدف المدينة.", "م. أحمد الجبوري"),
    # a verbal noun right after the verb is what was announced, not the speaker
    ("وكان رئيس مجلس قضاء الخالدية علي داوود أعلن مقتل والي الصقلاوية في تنظيم داعش بقصف "
     "لطيران التحالف.", "رئيس مجلس قضاء الخالدية علي داوود"),
    # a place with ب after «في» is part of the title, not a verbal noun with ب
    ("من جهته أعلن قائد العمليات في بابل اللواء رياض الخيكاني أن قيادة عمليات بابل تمكنت "
     "من القضاء على 10 إرهابيين.", "قائد العمليات في بابل اللواء رياض الخيكاني"),
], ids=["doctor", "engineer", "announced-death", "in-babil"])
def test_the_named_speaker_is_the_person_source(analysed, text, source):
    _, (claim,) = analysed(text)
    assert claim.source.text == source and claim.source.kind == "person"


@pytest.mark.parametrize("text, source", [
    ("وقالت الوكالة في معلومات لا يمكن التأكد منها، ان اربعة من قادة الحزب قتلوا في الغارات "
     "التركية.", "الوكالة"),
    ("وقال المرصد السوري لحقوق الانسان في بريد الكتروني إن 30 قتلوا في الهجوم.",
     "المرصد السوري لحقوق الانسان"),
], ids=["information", "email"])
def test_a_channel_is_not_part_of_the_speaker(analysed, text, source):
    _, (claim,) = analysed(text)
    assert claim.source.text == source


@pytest.mark.parametrize("text, opening", [
    # what follows «تفيد» is reported
    ("ولم ترد أية تقارير تفيد برده على النيران التركية.", "ب"),
    ("وقالت المصادر إن المعلومات تفيد بنقلهم إلى مدينة تدمر.", "ب"),
    # an age, and the danger a warning names
    ("وأضاف الرهينة: «انا من كرواتيا وابلغ من العمر 30 عاما».", "من"),
    ("أطلق الأمير سعود الفيصل تصريحا حذر فيه من خطورة تفكيك مؤسسات الدولة العراقية.", "من"),
], ids=["tufid", "plural", "age", "warning"])
def test_what_follows_the_cue_is_no_speaker(analysed, text, opening):
    _, claims = analysed(text)
    assert not any((c.source.text or "").startswith(opening) for c in claims)


def test_a_title_in_a_mosque_name_is_no_speaker(analysed):
    _, claims = analysed("وقع انفجار كبير ظهر اليوم بمسجد الإمام الصادق في منطقة الصوابر شرق "
                         "الكويت. ما أصدرت الطوارئ الطبية تقرير أولى يفيد بنقل 25 حالة إلى "
                         "المستشفيات.")
    assert not any("الإمام" in (c.source.text or "") for c in claims)


def test_a_compound_given_name_is_named_whole(analysed):
    _, (first, again) = analysed("وقال رامي عبد الرحمن مدير المرصد إن الاشتباكات مستمرة. وأضاف عبد "
                                 "الرحمن أن القصف توقف.")
    assert first.source.name == "رامي عبد الرحمن"
    assert again.source.name == "رامي عبد الرحمن"


@pytest.mark.parametrize("text, kind, name", [
    ("بحسب ما قال مدير «المرصد السوري لحقوق الإنسان» رامي عبد الرحمن لـ«الشرق الأوسط» إن "
     "الاشتباكات مستمرة.", "observers", "Syrian Observatory for Human Rights"),
    ("وقال نائب «محافظ مدينة حلب الحرة» منذر سلال لـ«الشرق الأوسط»، إن الهجوم جاء عفويًا.",
     "person", "منذر سلال"),
], ids=["monitor", "deputy"])
def test_a_titles_quoted_body_and_the_name_after_it_are_the_speaker(analysed, text, kind, name):
    _, (claim,) = analysed(text)
    assert (claim.source.kind, claim.source.name) == (kind, name)
    assert claim.source.text.startswith(("مدير «", "نائب «"))
    assert claim.source.text.endswith(("عبد الرحمن", "منذر سلال"))


def test_no_speaker_opens_with_fi_the_subject_before_the_verb_speaks(analysed):
    _, (claim,) = analysed("وكانت وزارة الداخلية أعلنت في ثاني أيام عيد الفطر من الشهر الحالي "
                           "قبضها على 190 إرهابيا.")
    assert (claim.source.kind, claim.source.text) == ("official", "وزارة الداخلية")


def test_a_verbal_noun_right_after_the_source_opens_the_content(analysed):
    article, (claim,) = analysed(
        "أعلنت كتائب وتشكيلات الجيش الأول التابع للجيش الحر استهداف مقرات قوات النظام في مدن خان "
        "أرنبة والبعث براجمات الصواريخ، تزامنا مع إطلاق قذائف هاون على مطار الثعلة.")
    assert claim.source.text == "كتائب وتشكيلات الجيش الأول التابع للجيش الحر"
    assert content_of(article, claim).startswith("استهداف مقرات")
