"""The words around a place name that change what it means (all folded like name keys).

- TYPE_CUES: "مدينة تدمر", "حي الزهراء", "مطار كويرس": what kind of place follows.
- REGION: "ريف حمص", "ريفي إدلب وحماه" (the countryside of a city: its governorate, or near a town).
- NEAR: "شمال حلب", "قرب تدمر", "محيط مدينة الباب": precision 2 near the place.
- DIRECTIONS after a name: "ريف حمص الشرقي", "حلب الشرقية".
- PREPOSITIONS: "في/من/إلى الباب" let a name that is also a common word count as a place.
- COMMON_NAMES: names that are ordinary words, person or group names too; they need a cue
  (a type cue, a ريف/near phrase, a preposition or clitic, or a LOC/GPE/FAC mention over
  them). The build adds names that ANERcorp mostly tags as non-locations.
- NEVER_ALONE: words that are only parts of names (عين, تل) and never a place by themselves.
- PERSON_CUES: titles and first names: "العميد أحمد الرحال" is a person, not a village.
- NOT_AFTER: words after a name that make it something else (حماة الديار: protectors).
"""

from __future__ import annotations

from marsad.geo.names import name_key


def _fold(words: str) -> frozenset[str]:
    out = set()
    for w in words.split():
        key = name_key(w)
        if key:
            out.add(key[0])
    return frozenset(out)


def _fold_map(pairs: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for words, features in pairs.items():
        for w in _fold(words):
            out[w] = features
    return out


POPULATED = frozenset({"city", "town", "village"})
FACILITY = frozenset({"airbase", "airport", "oilfield", "gasfield", "dam", "camp", "mountain",
                      "hill", "military_base", "site", "border_crossing", "port"})

# cue word -> features it announces
TYPE_CUES: dict[str, frozenset[str]] = _fold_map({
    # a populated place of any size: GeoNames populations are often missing (0)
    "مدينة مدينتي مدن بلدة بلدتي بلدات البلدة قرية قريتي قرى": POPULATED,
    "حي أحياء حيي": frozenset({"neighbourhood"}),
    "مخيم مخيمي مخيمات": frozenset({"camp"}),
    "معسكر معسكرات كتيبة اللواء الفوج": frozenset({"military_base", "camp"}),
    "مطار مطاري قاعدة": frozenset({"airbase", "airport", "military_base"}),
    "حقل حقلي حقول": frozenset({"oilfield", "gasfield"}),
    "سد": frozenset({"dam"}),
    "جبل جبال تلة تل تلال": frozenset({"mountain", "hill"}),
    "معبر": frozenset({"border_crossing"}),
    # a port («ميناء عدن»: the port of Aden, a site near the town; never Minna, Nigeria)
    "ميناء مرفأ": frozenset({"port"}),
    "محافظة محافظتي": frozenset({"governorate"}),
    "ناحية": frozenset({"subdistrict"}),
    "منطقة مناطق": frozenset({"district", "region", "subdistrict"}),
})
# Type cues naming a facility: "مطار X" where X is a town means a site near X.
FACILITY_CUES = frozenset(w for w, f in TYPE_CUES.items() if f & FACILITY and not f & POPULATED)

REGION = _fold("ريف أرياف ريفي")
# Words no person's name starts with: a model PER entity starting with one («بريف إدلب») is
# a tagging error, dropped by the mentions stage so that the place under it is found.
PLACE_HEADS = REGION | _fold("مدينة بلدة قرية محافظة ناحية منطقة حي مخيم "
                             # first words of place names («ودير الزور», «تل أبيض»)
                             "دير تل كفر جسر معرة")
# Singular village, town and city words: «قرية حور كلس» names one settlement, and a
# foreign name as its second word is not a place of its own (a plural, «مدن قناة
# السويس», heads a phrase, not one name).
SETTLEMENT_WORDS = _fold("قرية بلدة البلدة مدينة")
NEAR = _fold(
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي شمالا جنوبا شرقا غربا قرب بالقرب مقربة "
    "محيط أطراف ضواحي مشارف تخوم جوار حدود أنحاء"
)
NEAR_LINKS = _fold("من")  # بالقرب من X
DIRECTIONS = {
    **dict.fromkeys(_fold("الشرقي الشرقية"), "east"),
    **dict.fromkeys(_fold("الغربي الغربية"), "west"),
    **dict.fromkeys(_fold("الشمالي الشمالية"), "north"),
    **dict.fromkeys(_fold("الجنوبي الجنوبية"), "south"),
}
# «قضاء حديثة»: a district of Iraq or Lebanon named after its seat; a cue that, unlike a
# type cue, leaves the choice between town and district alone
DISTRICT_CUES = _fold("قضاء")
DISTRICT_COUNTRIES = frozenset({"IQ", "LB", "JO", "PS"})
PREPOSITIONS = _fold("في من إلى الى على عن نحو باتجاه حول داخل بين عند قرب تجاه صوب وسط") \
    | DISTRICT_CUES
CLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")
PREPOSITION_CLITICS = frozenset({"ب", "ل", "وب", "ول", "فب", "فل"})

# Generic nouns that refer back to a place named earlier ("جنوب المطار").
ANAPHORA: dict[str, tuple[str, ...]] = {
    w: prefs for words, prefs in {
        "المطار القاعدة": ("airbase", "airport", "military_base"),
        "المدينة": ("city", "town", "village"),  # the story's city before a village
        "البلدة القرية": ("town", "village", "city"),
        "الحقل": ("oilfield", "gasfield"),
        "المعسكر": ("military_base", "camp"),
        "السد": ("dam",),
        "المخيم": ("camp",),
        "الجبل": ("mountain", "hill"),
    }.items() for w in _fold(words)
}

NEVER_ALONE_WORDS = (
    "عين تل تل تلة جبل دير خان بئر بير كفر أم ام أبو ابو بيت رأس راس قصر سد حي باب مدينة "
    "قرية بلدة منطقة شمال جنوب شرق غرب الشمال الجنوب الشرق الغرب مركز ناحية جديدة الجديدة "
    "القديمة البلد الوسط المركز العاصمة المدينة البلدة القرية الحي المطار المنطقة المحافظة "
    "الحقل المخيم السد الجبل القاعدة المعسكر الريف الناحية الميناء المرفأ"
)
# ... and every type, region or near cue word on its own (معسكر is also Mascara, Algeria)

def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(k for p in text.split("،") if (k := name_key(p.strip())))


# Names that are ordinary words, person names or group names too (comma-separated).
COMMON_NAMES = _phrases(
    "الباب، باب، الثورة، ثورة، الحرية، الكرامة، الجلاء، النصر، السلام، التضامن، الشجرة، "
    "السجن، المزرعة، الروضة، الصورة، الحاضر، الهادر، الشيوخ، الميدان، جديدة، خريبة، السبخة، "
    "الخريطة، العيس، الطيبة، السعدية، الحمدانية، الأنصاري، الزهراء، الكرمة، القادسية، "
    "المسرب، الحمراء، الحمرة، المنصورة، عجمي، شين، حواش، السودا، السوداء، السودة، الدالية، "
    "البلد، الجيزة، المدينة، الوادي، الساحل، الجزيرة، البادية، الإذاعة، النهر، التحرير، "
    "الشهداء، الصناعة، الملعب، العرضي، القصور، الجورة، الرشدية، الحميدية، الصالحية، "
    "الخالدية، الأشرفية، الأمين، الأمل، الفردوس، الوحدة، الأمانة، النور، الربيع، الزيتون، "
    "الرمل، البستان، الحديقة، المحطة، الصناعية، العمر، الكبر، صلاح الدين، عز الدين، "
    "بني زيد، الكسرة، الصور، ملح، قارة، عوج، الضمير، القبو، الحراك، الشام، الشيخ، الأسد، "
    "العرب، الأكراد، الجانب الأيسر، الجانب الأيمن، الساحل الأيسر، الساحل الأيمن، الغوطة، "
    "الغاب، التنف، الحول، نبل، المليحة، الرحال، الأمانة، الفرقان، الاستقلال، الانتصار، "
    "التأميم، القدس، العامرية، الكرامة، السلامة، الهلال، الحسين، العباس، الإمام، "
    # «قصف جسرين في مدينة البوكمال» (two bridges), «منطقة السيدة زينب» (a shrine's name)
    "جسرين، السيدة، "
    # an adjective too («استراتيجية حديثة», «دراسة حديثة»: modern, recent)
    "حديثة، "
    # a plural noun that is also an Anbar village (الفلاحات west of Fallujah)
    "الفلاحات، "
    # verbs spelled like famous places: "الطائرات تدمر مواقع" (destroy)
    "تدمر، "
    # an adverb spelled like Douma: "الراغبين في الموت دوما" (always)
    "دوما"
)
# Names so common as words that even a preposition is not enough (في السجن, للثورة): they
# need a type cue (مدينة, بلدة ...), a ريف/near phrase, a dateline or a LOC mention.
STRICT_NAMES = _phrases(
    "السجن، القدم، الثورة، ثورة، الحرية، الكرامة، السلام، المصدر، الصورة، الحاضر، الميدان، "
    "النصر، الشهداء، الوحدة، الأمل، العلم، الحد، الجديد، الاتحاد، الطيبة، العين، حضر، جملة، "
    "عدوان، الكريمة، القائم، عنه، صور، بنان، الجزيرة، الساحل، البادية، المدينة، الشيخ، "
    "الصناعة، الملعب، التحرير، الانتصار، الاستقلال، السلامة، الهلال، المحطة، الحديقة، "
    "الهامة، السكري، المعادي، الرشيد، الأمين، مشهد، قنوات، الأم، بلد، البلد، جسرين، "
    # siege and port: words first, Hisar (India) and Minna (Nigeria) far second
    "حصار، ميناء، "
    # torrents before Seoul («أمطار وسيول غزيرة», «داهمت السيول أحياءهم»)
    "سيول، السيول"
)

# Names whose final ة written as ه is a pronoun on a common noun («في حديثه»: in his talk,
# 25 of 25 such readings in 1,205 articles), so they count only with a type cue then.
PRONOUN_LOOKALIKES = _phrases("حديثة")

# Adjectives after a name that say which country or where it lies («مدينة سروج التركية»,
# «بلدة سروج الحدودية»): agreement, not a construct (ميدان المعركة), so no idafa.
PLACE_ADJECTIVES = _fold(
    "التركية التركي السورية السوري العراقية العراقي اللبنانية اللبناني الأردنية الأردني "
    "الإيرانية الإيراني الحدودية الحدودي "
    # a site's own adjectives («قاعدة إنغيرليك الجوية», «مطار المزة العسكري»)
    "الجوية الجوي العسكرية العسكري الدولية الدولي النفطية النفطي "
    # apposition and description («في الكويت العاصمة», «القدس المحتلة», «تدمر الأثرية»,
    # «مدينة سوسة السياحية», «بلدة مندلي الساحلية»)
    "العاصمة المحتلة الأثرية السياحية السياحي الساحلية الساحلي الجبلية الجبلي "
    # the country of a foreign town («مدينة كولونيا الألمانية», «جزيرة سترة البحرينية»)
    "المصرية المصري الليبية الليبي التونسية التونسي الجزائرية الجزائري المغربية المغربي "
    "السعودية السعودي الكويتية الكويتي البحرينية البحريني القطرية القطري الإماراتية "
    "الإماراتي اليمنية اليمني الإسرائيلية الإسرائيلي الفلسطينية الفلسطيني الأفغانية "
    "الأفغاني الباكستانية الباكستاني الفرنسية الفرنسي الألمانية الألماني البريطانية "
    "البريطاني الأمريكية الأمريكي الأميركية الأميركي الروسية الروسي البلجيكية "
    "البلجيكي النيجيرية النيجيري الصومالية الصومالي السودانية السوداني الكاميرونية "
    "الكاميروني"
)

# Words after a name that make it something else: حماة الديار (protectors), باب الحارة.
NOT_AFTER = _fold(
    "الديار الوطن الثورة الحرية الدين العقيدة الإسلام البيئة المستهلك الأرض الحمى الشرف "
    "الحارة الرزق الاجتهاد الخير الله الأمل "
    # ordinals and adjectives after a noun: الطبقة الأولى (the first layer), الطبقة الحاكمة
    "الأولى الثانية الثالثة الرابعة الأخيرة الحاكمة العاملة الوسطى الفقيرة الغنية "
    "السياسية الاجتماعية الدنيا"
)

# «من جنسيات سوريا وعربية وآسيوية»: whose nationality, not where.
NATIONALITY_CUES = _fold("جنسيات جنسية الجنسية جنسيتي جنسيته جنسيتها")
PERSON_CUES = _fold(
    "العميد اللواء العقيد العماد الرائد النقيب الملازم المقدم الجنرال الرئيس الوزير السيد "
    "السيدة الشيخ الدكتور د الأمير القائد الناطق المتحدث الشهيد المنشق الإعلامي الناشط "
    "المواطن الطفل الطفلة الشاب الحاج المحامي الصحفي المهندس النائب القيادي الأمين "
    "محمد أحمد علي حسن حسين عمر خالد عبد عبدالله مصطفى إبراهيم يوسف سامي بشار حافظ ماهر "
    "رامي فيصل سليمان سعيد محمود مصطفى عثمان يحيى زكريا جمال كمال طارق هادي فراس وائل "
    "أسامة أسعد أنس أيمن باسل بسام جميل حمزة رياض زياد سامر صالح عادل عامر عدنان عماد "
    "غسان فادي مازن مالك معاذ مهند نبيل نزار هشام وليد ياسر أبي بن ابن بنت آل"
)

# Names of groups, forces and operations that contain place names (the place is not where
# anything happened): found first, and names inside them are not places.
ORG_PHRASES = _phrases(
    "الدولة الإسلامية في العراق والشام، الدولة الإسلامية في العراق، هيئة تحرير الشام، "
    "جبهة فتح الشام، أحرار الشام، حركة أحرار الشام، فيلق الشام، صقور الشام، جيش الشام، "
    "قوات سوريا الديمقراطية، مجلس سوريا الديمقراطية، لواء القدس، فيلق القدس، سرايا القدس، "
    "درع الفرات، غضب الفرات، نبع السلام، غصن الزيتون، تلفزيون سوريا، راديو دمشق، "
    "جيش حلب، جيش إدلب الحر، ولاية دجلة، بوابة الشرق، "
    "الائتلاف الوطني السوري، الجيش السوري الحر، شبكة شام، صوت دمشق، حزب الله العراقي، "
    # the branches of al-Qaeda («جبهة النصرة، ذراع تنظيم القاعدة في سوريا»)
    "القاعدة في سوريا، القاعدة في العراق، القاعدة في بلاد الشام، القاعدة في جزيرة العرب، "
    "القاعدة في بلاد الرافدين، القاعدة في بلاد المغرب الإسلامي"
)

NEVER_ALONE = (_fold(NEVER_ALONE_WORDS) | frozenset(TYPE_CUES) | REGION | NEAR
               | frozenset(ANAPHORA))
