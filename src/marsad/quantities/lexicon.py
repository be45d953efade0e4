"""Words around Arabic counts: approximators, vague quantities, casualty cues, units.

All entries are in normalised (view) form. Casualty cues are matched on a word's form
without attached و/ف/ب/ل, either exactly (``WHAT_WORDS``) or by stem prefix
(``WHAT_STEMS``: قتل covers قتل، قتلت، قتلوا، قتلى).
"""

from __future__ import annotations

from marsad.text.normalize import normalize
from marsad.text.phrases import PhraseTable


def _set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


KILLED, INJURED, CAPTURED, DISPLACED, MISSING = (
    "killed", "injured", "captured", "displaced", "missing")

# Stems: a word that starts with one of these is a cue.
WHAT_STEMS: tuple[tuple[str, str], ...] = tuple(
    (normalize(stem), what) for stem, what in (
        ("قتل", KILLED), ("مقتل", KILLED), ("قتيل", KILLED), ("يقتل", KILLED),
        ("تقتل", KILLED), ("مصرع", KILLED), ("استشهد", KILLED), ("استشهاد", KILLED),
        ("شهيد", KILLED), ("شهداء", KILLED), ("وفاة", KILLED), ("وفيات", KILLED),
        ("حتف", KILLED), ("أعدم", KILLED), ("إعدام", KILLED), ("ذبح", KILLED),
        ("اغتال", KILLED), ("اغتيال", KILLED),
        ("جثث", KILLED), ("جثة", KILLED), ("جثت", KILLED), ("ضحايا", KILLED), ("ضحية", KILLED),
        ("جرح", INJURED), ("جريح", INJURED), ("إصاب", INJURED), ("أصيب", INJURED),
        ("مصاب", INJURED), ("يصاب", INJURED), ("بجروح", INJURED),
        ("أسر", CAPTURED), ("أسير", CAPTURED), ("أسرى", CAPTURED), ("اعتقال", CAPTURED),
        ("اعتقل", CAPTURED), ("معتقل", CAPTURED), ("احتجاز", CAPTURED), ("احتجز", CAPTURED),
        ("محتجز", CAPTURED), ("اختطاف", CAPTURED), ("اختطف", CAPTURED), ("خطف", CAPTURED),
        ("مختطف", CAPTURED), ("رهينة", CAPTURED), ("رهائن", CAPTURED), ("توقيف", CAPTURED),
        ("نزوح", DISPLACED), ("نزح", DISPLACED), ("نازح", DISPLACED), ("تهجير", DISPLACED),
        ("هجر", DISPLACED), ("مهجر", DISPLACED), ("تشريد", DISPLACED), ("مشرد", DISPLACED),
        ("لاجئ", DISPLACED), ("فرار", DISPLACED),
        ("مفقود", MISSING), ("فقدان", MISSING), ("فقد أثر", MISSING), ("اختفاء", MISSING),
    )
)
# Whole words (not stems) for short or ambiguous cues.
WHAT_WORDS = {normalize(w): what for w, what in (
    ("لقي", KILLED), ("لقوا", KILLED), ("لقيت", KILLED), ("يلقى", KILLED), ("سقوط", KILLED),
    ("قضى", KILLED), ("قضوا", KILLED), ("توفي", KILLED), ("هلاك", KILLED),
    ("القضاء", KILLED),  # «تمكنت من القضاء على 10 إرهابيين»
    ("القبض", CAPTURED), ("قبض", CAPTURED), ("فقدوا", MISSING), ("فقد", None),
)}
# Stems that look like cues but are not (قتال fighting, مقاتل fighter, أسرة family).
NOT_CUES = _set("قتال القتال مقاتل مقاتلين مقاتلو مقاتلي مقاتلون مقاتلا أسرة أسرته "
                "الأسر أسري أسرع أسرار هجرة الهجرة فقدت")
# The "أسر" stem is only a cue in these words (not أسرة family, أسرع faster).
CAPTURE_FORMS = _set("أسر أسرت أسروا أسرى الأسرى أسيرا أسير أسيرين أسيران")

# Nouns after a number that name what is counted.
CASUALTY_NOUNS = {normalize(w): what for w, what in (
    ("قتيل", KILLED), ("قتيلا", KILLED), ("قتلى", KILLED), ("القتلى", KILLED),
    ("شهيد", KILLED), ("شهيدا", KILLED), ("شهداء", KILLED), ("الشهداء", KILLED),
    ("ضحية", KILLED), ("ضحايا", KILLED), ("الضحايا", KILLED), ("جثة", KILLED),
    ("جثث", KILLED), ("قتيلاً", KILLED),
    ("جريح", INJURED), ("جريحا", INJURED), ("جرحى", INJURED), ("الجرحى", INJURED),
    ("مصاب", INJURED), ("مصابا", INJURED), ("مصابين", INJURED), ("المصابين", INJURED),
    ("إصابة", INJURED), ("إصابات", INJURED), ("الإصابات", INJURED),
    ("أسير", CAPTURED), ("أسيرا", CAPTURED), ("أسرى", CAPTURED), ("الأسرى", CAPTURED),
    ("معتقل", CAPTURED), ("معتقلا", CAPTURED), ("معتقلين", CAPTURED), ("المعتقلين", CAPTURED),
    ("رهينة", CAPTURED), ("رهائن", CAPTURED), ("مختطفين", CAPTURED), ("مختطفا", CAPTURED),
    ("نازح", DISPLACED), ("نازحا", DISPLACED), ("نازحين", DISPLACED), ("النازحين", DISPLACED),
    ("مهجر", DISPLACED), ("مهجرين", DISPLACED), ("لاجئ", DISPLACED), ("لاجئا", DISPLACED),
    ("لاجئين", DISPLACED), ("اللاجئين", DISPLACED), ("مشرد", DISPLACED), ("مشردين", DISPLACED),
    ("مفقود", MISSING), ("مفقودا", MISSING), ("مفقودين", MISSING), ("المفقودين", MISSING),
)}
# Duals read as two: nouns whose plural is not spelt like the dual (قتيلين ≠ قتلى), and
# nominative duals in -ان.
DUALS = {normalize(w): what for w, what in (
    ("قتيلان", KILLED), ("قتيلين", KILLED), ("شهيدان", KILLED), ("شهيدين", KILLED),
    ("جريحان", INJURED), ("جريحين", INJURED), ("مصابان", INJURED),
    ("أسيران", CAPTURED), ("أسيرين", CAPTURED), ("رهينتين", CAPTURED),
    ("طفلان", None), ("طفلين", None), ("عنصران", None), ("عنصرين", None), ("شخصان", None),
    ("شخصين", None), ("جنديان", None), ("جنديين", None), ("رجلان", None), ("رجلين", None),
    ("امرأتان", None), ("امرأتين", None), ("شقيقان", None), ("شقيقين", None), ("شابان", None),
    ("شابين", None), ("ضابطان", None), ("ضابطين", None), ("مدنيان", None), ("مقاتلان", None),
    ("مسلحان", None), ("مواطنان", None), ("عسكريان", None), ("طفلتين", None), ("طفلتان", None),
    ("صحفيان", None), ("ناشطان", None), ("مهاجمان", None), ("انتحاريان", None),
    # objects: nothing is "killed", but they are counts
    ("منزلين", None), ("منزلان", None), ("برميلين", None), ("صاروخين", None),
    ("قذيفتين", None), ("دبابتين", None), ("سيارتين", None), ("غارتين", None),
    ("طائرتين", None), ("مروحيتين", None), ("عبوتين", None), ("مبنيين", None),
    ("قريتين", None), ("هجومين", None), ("انفجارين", None), ("تفجيرين", None),
)}

# Words before the number and their meaning.
APPROX = PhraseTable([(p, kind) for p, kind in (
    ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"), ("قرابة", "about"),
    ("زهاء", "about"), ("ما يقارب", "about"), ("يقارب", "about"), ("ما يقرب من", "about"),
    ("ما يناهز", "about"), ("يناهز", "about"), ("تقريبا", "about"),
    ("أكثر من", "more"), ("ما يزيد على", "more"), ("ما يزيد عن", "more"),
    ("يزيد على", "more"), ("يزيد عن", "more"), ("أزيد من", "more"), ("ما يربو على", "more"),
    ("يربو على", "more"), ("ما فوق", "more"),
    ("ما لا يقل عن", "least"), ("لا يقل عن", "least"), ("على الأقل", "least"),
    ("أقل من", "less"), ("ما دون", "less"), ("ما يقل عن", "less"),
    ("ما بين", "between"), ("بين", "between"), ("من", "from"),
)])
# Words after the number: على الأقل (at least), تقريبا (about), أو أكثر (or more).
KIND_AFTER = PhraseTable([(p, kind) for p, kind in (
    ("على الأقل", "least"), ("على أقل تقدير", "least"), ("في الأقل", "least"),
    ("كحد أدنى", "least"), ("تقريبا", "about"), ("أو أكثر", "more"), ("أو يزيد", "more"))])
RANGE_JOIN = _set("و إلى الى حتى - لـ")

# Vague quantities: (count, min, max) by ACLED's conservative rule (the lower bound).
VAGUE = {normalize(w): v for w, v in (
    ("عشرات", (10, 10, 99)), ("العشرات", (10, 10, 99)),
    ("مئات", (100, 100, 999)), ("المئات", (100, 100, 999)), ("مئآت", (100, 100, 999)),
    ("آلاف", (1000, 1000, None)), ("الآلاف", (1000, 1000, None)),
    ("ملايين", (1_000_000, 1_000_000, None)), ("الملايين", (1_000_000, 1_000_000, None)),
    ("بضعة", (3, 3, 9)), ("بضع", (3, 3, 9)),
)}
# "a number of": plural, so at least three (ACLED codes the lower bound).
SEVERAL = PhraseTable([(p, (3, 3, None)) for p in (
    "عدد من", "العديد من", "عدد كبير من", "أعداد من", "عددا من", "عدد آخر من", "عدة",
    "أعداد كبيرة من", "أعدادا من", "أعدادا كبيرة من",
)])
THOUSANDS = _set("آلاف الآلاف ألف الألوف")

# A number before these is a measure, a price, a share or a duration, not a count.
UNITS = _set(
    "كم كيلومتر كيلومترات كيلومترا كلم متر مترا أمتار ميل أميال ملم مم مليمتر ملليمتر سم "
    "سنتيمتر إنش بوصة طن أطنان طنا كيلوغرام كغ كلغ كيلو غرام لتر لترات هكتار "
    "دونم دونما ميغاواط كيلوواط درجة درجات % بالمئة بالمائة بالمية دولار دولارا دولارات "
    "الدولارات يورو ريال ريالا ريالات دينار دينارا درهم دراهم جنيه جنيها ليرة ليرات "
    "روبل تومان ساعة ساعات ساعتين دقيقة دقائق ثانية ثوان يوم أيام يوما يومين أسبوع أسابيع "
    "أسبوعا شهر أشهر شهرا شهور عام أعوام عاما سنة سنوات سنين عقد عقود قرن مرة مرات نقطة "
    "نقاط عيار ميلي"
)
PERCENT_AFTER = PhraseTable([(p, True) for p in ("في المئة", "في المائة", "في المية")])
CURRENCY_BEFORE = _set("$ € £ دولار")
# A number right after these is a name or an identifier (الفرقة 17، الطريق 4، سام 7).
ID_HEADS = _set(
    "الفرقة اللواء الفوج الكتيبة الفيلق الطريق طريق الأوتوستراد المادة مادة القرار قرار "
    "البند الرقم رقم الفصل الحاجز حاجز النقطة المحور الصف الجيل القطاع المبنى مبنى البوابة "
    "الطابق المربع الكيلو المنطقة الدائرة الإصدار النسخة الجولة مجموعة الساعة عيار الموديل "
    "طراز نوع فئة سام ميغ ميج سوخوي سو اس إس تي بي كا مي إف اف أف ام إم غراد "
    "الكود صفحة الصفحة العدد المرتبة المركز الدرجة الحلقة الحزمة الحزب الأسبوع "
    "قناة القناة الآية سورة المادتين الفقرة فقرة المجموعة"
)
# Subsets of a count given just before (بينهم أربعة أطفال): not a new total.
SUBSET = _set("بينهم بينهن بينها منهم منهن منها بينما")
# Objects, not people: a count of these is never a casualty count.
OBJECTS = _set(
    "منزل منازل منزلا مبنى مباني مبنيين هدف أهداف هدفا غارة غارات صاروخ صواريخ صاروخا "
    "قذيفة قذائف دبابة دبابات عربة عربات آلية آليات سيارة سيارات شاحنة شاحنات طائرة طائرات "
    "برميل براميل موقع مواقع موقعا نقطة نقاط قرية قرى بلدة بلدات مدينة مدن حي أحياء مستشفى "
    "مستشفيات مدرسة مدارس منشأة منشآت مخزن مستودع مستودعات جسر جسور حاجز حواجز مقر مقرات "
    "طلعة طلعات ضربة ضربات هجوم هجمات عملية عمليات لغم ألغام عبوة عبوات مدفع مدافع رصاصة "
    "قنبلة قنابل سلاح أسلحة بئر آبار محطة محطات سفينة سفن زورق زوارق مروحية مروحيات مسجد "
    "مساجد كنيسة محل محلات متجر خيمة خيام مليون مليار بند بنود نقطة رشاش رشاشات وكر أوكار "
    "مركبة مركبات"
)
# Words that end a counted noun search (prepositions, particles, verbs of saying).
NOT_NOUNS = _set(
    "من في على إلى الى عن مع و أو ثم بين خلال منذ قبل بعد حتى لدى عند إثر جراء بسبب نتيجة "
    "وفق قد لقد أن إن أنه إنه التي الذي الذين كما حيث فيما بينما هم هي هو لم لن لا ما بعدما "
    "قال قالت وقال وقالت أضاف أكد أفاد ذكر وذلك ذلك هذا هذه تلك فقط كل أي أيضا عندما أمس "
    "اليوم غدا"
)
# Counted nouns that begin with و (so are not a following clause).
W_NOUNS = _set("وحدات وحدة وزراء وزيرا وفدا وفود ولدا ولد أولاد وافدا وافدين وكالات وظيفة وظائف")
# Duals of things, not people: «وتدمير دبابتين وقتل الكثير» counts no dead.
OBJECT_DUALS = _set(
    "دبابتين دبابتان سيارتين سيارتان طائرتين طائرتان مروحيتين مروحيتان عربتين عربتان "
    "آليتين آليتان صاروخين صاروخان قذيفتين قذيفتان غارتين غارتان برميلين برميلان مدفعين "
    "مدفعان منزلين منزلان بلدتين بلدتان قريتين قريتان حاجزين حاجزان مقرين مقران موقعين "
    "موقعان نقطتين نقطتان عبوتين عبوتان هجومين هجومان مستودعين مستودعان "
    # attacks, not people: «اشتباكات بين الطرفين وتفجيرين انتحاريين» adds no dead
    "تفجيرين تفجيران انفجارين انفجاران ضربتين ضربتان عمليتين عمليتان كمينين كمينان"
)
# Verb forms after a count that say what happened to it (12 مدنياً قتلوا).
AFTER_VERBS = _set("قتل قتلوا أصيب أصيبوا جرح جرحوا اعتقل اعتقلوا أسروا لقي لقوا قضوا سقطوا "
                   "نزحوا فقدوا أعدموا اختطفوا خطفوا استشهدوا هلكوا "
                   # the dual after a dual count («جنديين قتلا وأصيب 31»)
                   "قتلا أصيبا جرحا اعتقلا استشهدا لقيا قضيا سقطا فقدا أعدما اختطفا خطفا")
# Noun cues that join another (مقتل وإصابة 30): the count covers both, so what is None.
NOMINAL_CUES = _set("مقتل قتلى القتلى قتيل إصابة جرحى الجرحى جريح سقوط استشهاد اعتقال أسر")
# The subject of a second verb that is not the count before it («خمسة مدنيين قتلوا وأصيب
# آخرون»: the injured are others, so the five are dead).
OTHERS = _set("آخرون آخرين آخر أخرى العشرات عشرات العديد عدد")
