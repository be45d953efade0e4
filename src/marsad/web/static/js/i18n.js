// Interface labels in English and Arabic; the page switches dir=rtl for Arabic.

const LABELS = {
  en: {
    title: "marsad · event map",
    filters: "Filters",
    date_from: "From",
    date_to: "To",
    type: "Event type",
    actor: "Actor",
    weapon_category: "Weapon category",
    outlet: "Outlet",
    certainty: "Certainty",
    all: "All",
    reset: "Reset filters",
    map: "Map",
    timeline: "Events per day",
    timeline_hint: "Drag across the chart to filter by dates.",
    events: "Events",
    load_more: "Load more",
    col_date: "Date",
    col_type: "Type",
    col_location: "Place",
    col_actors: "Actors",
    col_fatalities: "Killed",
    col_certainty: "Certainty",
    col_outlet: "Outlet",
    shown: (n, total) => total > n ? `${n} of ${total} events on the map (newest first); narrow the filters to see the rest`
                                   : `${n} events on the map`,
    unlocated: (n) => `${n} without coordinates (table only)`,
    table_count: (n, total) => `${n} of ${total} events`,
    none: "No events match these filters.",
    reader: "Article",
    reader_empty: "Click an event on the map or in the table to read its article, with the evidence highlighted.",
    events_in_article: "Events in this article",
    legend_evidence: "evidence",
    legend_source: "source",
    legend_argument: "actor, place, date, weapon, toll",
    open_original: "original",
    close: "Close",
    here_too: "Also at this place:",
    docs: "API",
    language: "العربية",
    loading: "Loading…",
    error: "Could not load data: ",
    historical: "background",
    role_actor1: "actor", role_actor2: "target", role_assoc_actor_1: "with actor", role_assoc_actor_2: "with target",
    arg_location: "place", arg_date: "date", arg_weapon: "weapon", arg_fatalities: "killed", arg_source: "source",
    certainty_asserted: "asserted", certainty_reported: "reported", certainty_alleged: "alleged", certainty_hedged: "hedged",
    kind_anonymous: "anonymous", kind_person: "person", kind_official: "official", kind_media: "media",
    kind_social_media: "social media", kind_observers: "observers", kind_unspecified: "unspecified",
    type_airstrike: "Airstrike", type_armed_clash: "Armed clash",
    type_territory_capture: "Territory captured",
    // the events taxonomy's codes (resources/taxonomy.toml labels)
    type_battle: "Battle / armed clash", type_territory_captured: "Capture of territory", type_withdrawal: "Withdrawal / retreat", type_air_strike: "Air or drone strike", type_shelling: "Shelling, artillery or missile attack", type_bombing: "Bombing / IED / car bomb", type_suicide_bombing: "Suicide bombing", type_attack_on_civilians: "Attack on civilians", type_abduction_detention: "Abduction or detention", type_weapons_seizure: "Weapons seizure, transfer or handover", type_arms_supply: "Arms supply", type_deployment: "Military deployment or reinforcement", type_protest: "Protest", type_ceasefire_agreement: "Ceasefire or agreement", type_aid_delivery: "Humanitarian aid delivery", type_other: "Other conflict event",
    incidents: "Incidents",
    incident_count: (n) => `(${n})`,
    incidents_multi: "Only incidents reported by two or more outlets",
    incidents_none: "No incidents: link the stored events with marsad incidents --db FILE.",
    incident_outlets: (n, independent) => `${n} outlet${n === 1 ? "" : "s"}, ${independent} independent`,
    all_incidents: "All incidents",
    see_incident: "This event's incident: every outlet's report →",
    corroboration: "Corroboration",
    outlets_all: "Outlets",
    independent_outlets: "Independent outlets",
    copied_outlets: "Same wire text",
    source_kinds: "Kinds of source",
    anonymous_only: "Only anonymous sources",
    self_interested: "A party to the event as source",
    yes: "yes", no: "no",
    disputes: "Disputes",
    no_disputes: "The reports agree on every field they give.",
    disputed: "disputed",
    reports: "The reports side by side",
    read_article: "Read the article",
    row_evidence: "Evidence", row_sources: "Sources (kind: name)",
    field_fatalities: "Killed", field_perpetrator: "Perpetrator", field_target: "Target",
    field_date: "Date", field_location: "Place", field_type: "Type",
  },
  ar: {
    title: "مرصد · خريطة الأحداث",
    filters: "التصفية",
    date_from: "من",
    date_to: "إلى",
    type: "نوع الحدث",
    actor: "الفاعل",
    weapon_category: "فئة السلاح",
    outlet: "الوسيلة الإعلامية",
    certainty: "درجة اليقين",
    all: "الكل",
    reset: "إلغاء التصفية",
    map: "الخريطة",
    timeline: "الأحداث في كل يوم",
    timeline_hint: "اسحب على الرسم لتحديد فترة زمنية.",
    events: "الأحداث",
    load_more: "المزيد",
    col_date: "التاريخ",
    col_type: "النوع",
    col_location: "المكان",
    col_actors: "الأطراف",
    col_fatalities: "القتلى",
    col_certainty: "اليقين",
    col_outlet: "الوسيلة",
    shown: (n, total) => total > n ? `${n} من ${total} حدثاً على الخريطة (الأحدث أولاً)؛ ضيّق التصفية لرؤية البقية`
                                   : `${n} حدثاً على الخريطة`,
    unlocated: (n) => `${n} بلا إحداثيات (في الجدول فقط)`,
    table_count: (n, total) => `${n} من ${total} حدثاً`,
    none: "لا أحداث تطابق هذه التصفية.",
    reader: "المقال",
    reader_empty: "انقر على حدث في الخريطة أو في الجدول لقراءة مقاله مع إبراز الأدلة.",
    events_in_article: "الأحداث في هذا المقال",
    legend_evidence: "الدليل",
    legend_source: "المصدر",
    legend_argument: "فاعل، مكان، تاريخ، سلاح، حصيلة",
    open_original: "الأصل",
    close: "إغلاق",
    here_too: "في المكان نفسه أيضاً:",
    docs: "واجهة البرمجة",
    language: "English",
    loading: "جارٍ التحميل…",
    error: "تعذّر تحميل البيانات: ",
    historical: "خلفية",
    role_actor1: "الفاعل", role_actor2: "المستهدف", role_assoc_actor_1: "مع الفاعل", role_assoc_actor_2: "مع المستهدف",
    arg_location: "المكان", arg_date: "التاريخ", arg_weapon: "السلاح", arg_fatalities: "القتلى", arg_source: "المصدر",
    certainty_asserted: "مؤكَّد", certainty_reported: "منقول", certainty_alleged: "مزعوم", certainty_hedged: "غير مؤكَّد",
    kind_anonymous: "مجهول", kind_person: "شخص", kind_official: "رسمي", kind_media: "إعلام",
    kind_social_media: "وسائل التواصل", kind_observers: "مراقبون", kind_unspecified: "غير محدد",
    type_airstrike: "غارة جوية", type_armed_clash: "اشتباك مسلح",
    type_territory_capture: "سيطرة على منطقة",
    type_battle: "معارك واشتباكات مسلحة", type_territory_captured: "سيطرة على منطقة", type_withdrawal: "انسحاب", type_air_strike: "غارة جوية أو بطائرة مسيرة", type_shelling: "قصف مدفعي أو صاروخي", type_bombing: "تفجير بعبوة ناسفة أو سيارة مفخخة", type_suicide_bombing: "تفجير انتحاري", type_attack_on_civilians: "اعتداء على مدنيين", type_abduction_detention: "خطف أو اعتقال", type_weapons_seizure: "استيلاء على أسلحة أو تسليمها", type_arms_supply: "إمداد بالسلاح", type_deployment: "انتشار عسكري أو تعزيزات", type_protest: "احتجاج أو تظاهرة", type_ceasefire_agreement: "هدنة أو اتفاق", type_aid_delivery: "إيصال مساعدات إنسانية", type_other: "حدث آخر",
    incidents: "الحوادث",
    incident_count: (n) => `(${n})`,
    incidents_multi: "الحوادث التي نقلتها وسيلتان أو أكثر فقط",
    incidents_none: "لا حوادث: اربط الأحداث المخزّنة بالأمر marsad incidents --db FILE.",
    incident_outlets: (n, independent) => `${n} وسيلة، منها ${independent} مستقلة`,
    all_incidents: "كل الحوادث",
    see_incident: "حادثة هذا الحدث: روايات كل الوسائل ←",
    corroboration: "التعزيز",
    outlets_all: "الوسائل",
    independent_outlets: "الوسائل المستقلة",
    copied_outlets: "النص نفسه (وكالة)",
    source_kinds: "أنواع المصادر",
    anonymous_only: "مصادر مجهولة فقط",
    self_interested: "طرف في الحدث مصدراً",
    yes: "نعم", no: "لا",
    disputes: "الخلافات",
    no_disputes: "تتفق الروايات في كل ما تذكره.",
    disputed: "مختلَف فيه",
    reports: "الروايات جنباً إلى جنب",
    read_article: "اقرأ المقال",
    row_evidence: "الدليل", row_sources: "المصادر (النوع: الاسم)",
    field_fatalities: "القتلى", field_perpetrator: "الفاعل", field_target: "المستهدف",
    field_date: "التاريخ", field_location: "المكان", field_type: "النوع",
  },
};

let current = "en";

export function language() { return current; }

export function setLanguage(lang) {
  current = LABELS[lang] ? lang : "en";
  document.documentElement.lang = current;
  document.documentElement.dir = current === "ar" ? "rtl" : "ltr";
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  try { localStorage.setItem("marsad.lang", current); } catch (_) { /* private mode */ }
}

export function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem("marsad.lang"); } catch (_) { /* private mode */ }
  if (saved && LABELS[saved]) return saved;
  return (navigator.language || "").startsWith("ar") ? "ar" : "en";
}

// t("key") or t("key", ...args) for labels that are functions; unknown keys fall back.
export function t(key, ...args) {
  const value = LABELS[current][key] ?? LABELS.en[key];
  if (typeof value === "function") return value(...args);
  return value ?? key;
}

// A vocabulary value (type, certainty, source kind) in the interface language.
export function term(prefix, value) {
  if (value == null) return "";
  const key = `${prefix}_${value}`;
  if (LABELS[current][key] || LABELS.en[key]) return t(key);
  return String(value).replaceAll("_", " ");
}
