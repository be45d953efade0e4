from marsad.corpus.credibility import (
    consensus,
    copy_groups,
    corroboration,
    disputes,
    outlet_label,
    party_of,
    party_sources,
)
from marsad.corpus.link_features import EvidenceText

WIRE = "قتل 30 شخصا على الأقل في تفجير انتحاري استهدف مركزا ثقافيا في بلدة سروج جنوب تركيا"
OTHER = "أعلنت وزارة الداخلية التركية أن انفجارا هز بلدة سروج الحدودية وأوقع عشرات الضحايا"


def texts_for(events, texts):
    return {e.id: EvidenceText.of(t) for e, t in zip(events, texts, strict=True)}


def test_parties_of_sources_and_actors():
    assert party_of("Amaq") == "Islamic State"
    assert party_of("Islamic State") == "Islamic State"
    assert party_of("SANA") == "state: Syria"
    assert party_of("Military Forces of Syria") == "state: Syria"
    assert party_of("Police Forces of Turkey") == "state: Turkey"
    assert party_of("Ministry of Interior of Turkey") == "state: Turkey"
    assert party_of("Civilians (Syria)") is None
    assert party_of(None) is None
    assert party_of("Some Local Brigade") == "some local brigade"


def test_a_party_reporting_its_own_attack_is_self_interested(make_event):
    claim = make_event("e1", perpetrator="Islamic State", target="Civilians (Syria)",
                       sources=(("media", "Amaq"),), outlet="aawsat")
    victim_side = make_event("e2", perpetrator="Syrian rebels",
                             target="Military Forces of Syria",
                             sources=(("media", "SANA"),), outlet="alriyadh")
    neutral = make_event("e3", perpetrator="Islamic State",
                         sources=(("observers", "Syrian Observatory for Human Rights"),),
                         outlet="okaz")
    found = party_sources([claim, victim_side, neutral])
    assert found == ["Amaq is a party to the event (perpetrator); reported by aawsat",
                     "SANA is a party to the event (target); reported by alriyadh"]
    corr = corroboration([claim], {})
    assert corr.self_interested and corr.party_sources == tuple(found[:1])
    assert not corroboration([neutral], {}).self_interested


def test_anonymous_only_needs_every_source_anonymous(make_event):
    anon = make_event("e1", sources=(("anonymous", None),))
    vague = make_event("e2", sources=(("unspecified", None),), outlet="B")
    named = make_event("e3", sources=(("official", "Ministry of Interior of Turkey"),),
                       outlet="C")
    bare = make_event("e4", outlet="D")
    assert corroboration([anon, vague], {}).anonymous_only
    assert not corroboration([anon, named], {}).anonymous_only
    assert not corroboration([bare], {}).anonymous_only
    assert corroboration([anon, named], {}).source_kinds == ("anonymous", "official")


def test_outlets_running_one_wire_text_count_once(make_event):
    events = [make_event("e1", outlet="aleqtisadiya"), make_event("e2", outlet="okaz"),
              make_event("e3", outlet="almadina"), make_event("e4", outlet="aljazirah")]
    texts = texts_for(events, [WIRE, WIRE + " وفق مصادر أمنية", WIRE, OTHER])
    assert copy_groups(events, texts, 0.5) == [["aleqtisadiya", "almadina", "okaz"],
                                              ["aljazirah"]]
    corr = corroboration(events, texts)
    assert corr.independent_outlets == 2
    assert corr.copied_outlets == (("aleqtisadiya", "almadina", "okaz"),)


def test_disputes_per_field_say_who_said_what(make_event):
    a = make_event("e1", kind="suicide_bomb", perpetrator="Islamic State", killed=27,
                   outlet="aawsat", sources=(("official", "Ministry of Interior of Turkey"),))
    b = make_event("e2", kind="explosion", killed=30, outlet="okaz", day="2015-07-20")
    c = make_event("e3", kind="remote_explosive", perpetrator="PKK: Kurdistan Workers Party",
                   killed=30, outlet="alyaum", place=(36.98, 38.42), place_name="Suruç")
    found = {d.field: d for d in disputes([a, b, c], frozenset({"explosion"}))}
    assert set(found) == {"fatalities", "perpetrator", "date", "location", "type"}
    toll = found["fatalities"]
    assert [(v.value, v.event_ids) for v in toll.values] == [(27, ("e1",)), (30, ("e2", "e3"))]
    assert toll.values[0].sources == ("aawsat (Ministry of Interior of Turkey)",)
    assert [v.value for v in found["perpetrator"].values] == [
        "Islamic State", "PKK: Kurdistan Workers Party"]
    assert [v.value for v in found["type"].values] == ["remote_explosive", "suicide_bomb"]
    assert [v.value for v in found["date"].values] == ["2015-07-20", "2015-07-21"]
    assert disputes([a]) == ()


def test_labels_and_consensus(make_event):
    assert outlet_label(make_event("e1", outlet=None)) == "unknown outlet"
    assert outlet_label(make_event("e1", sources=(("anonymous", None),))) == \
        "Outlet A (anonymous)"
    assert consensus([]) is None
    assert consensus(["b", "a", "a", "b"]) == "b"
