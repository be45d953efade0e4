import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.matching import (
    MatchOptions,
    align_events,
    assign,
    canonical_name,
    date_agrees,
    distance_km,
    fatalities_agree,
    location_agrees,
    same_actor,
    same_name,
)
from marsad.model import Actor, Cue, DateValue, Event, Place, Quantity, Span


def event(type_, evidence, trigger, **kw):
    return Event(id=kw.pop("id", f"{type_}@{trigger}"), article_id="a", type=type_,
                 evidence=tuple(Span(*e) for e in evidence),
                 trigger=Cue("x" * (trigger[1] - trigger[0]), Span(*trigger)), **kw)


def brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    for perm in itertools.permutations(range(cols), min(rows, cols)):
        if rows <= cols:
            total = sum(weights[i][perm[i]] for i in range(rows))
        else:
            continue
        best = max(best, total)
    return best


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5).flatmap(lambda r: st.lists(
    st.lists(st.sampled_from([0.0, 0.0, 1.0, 2.5, 10.0, 11.25]), min_size=r, max_size=r),
    min_size=1, max_size=r)))
def test_assignment_is_optimal_and_one_to_one(weights):
    pairs = assign(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    assert sum(weights[i][j] for i, j in pairs) == brute_force(weights)


def test_assign_handles_empty_and_all_zero():
    assert assign([]) == []
    assert assign([[0.0, 0.0]]) == []


def test_two_events_in_one_sentence_are_told_apart_by_their_triggers():
    sentence = [(0, 100)]
    gold = [event("air_strike", sentence, (10, 15)), event("shelling", sentence, (60, 65))]
    system = [event("shelling", sentence, (61, 64)), event("air_strike", sentence, (10, 15))]
    assert align_events(gold, system) == [(0, 1), (1, 0)]


def test_more_alignments_win_over_one_closer_pair():
    gold = [event("battle", [(0, 50)], (5, 10)), event("battle", [(60, 120)], (70, 75))]
    # the first system event overlaps both gold events, the second only the first
    system = [event("battle", [(40, 80)], (70, 75)), event("battle", [(0, 50)], (30, 35))]
    assert sorted(align_events(gold, system)) == [(0, 1), (1, 0)]


def test_events_that_do_not_overlap_are_never_aligned():
    gold = [event("battle", [(0, 50)], (5, 10))]
    system = [event("battle", [(50, 90)], (60, 65))]
    assert align_events(gold, system) == []


def place(**kw):
    return Place(name=kw.pop("name", None), **kw)


def test_location_by_id_distance_province_and_name():
    aleppo = place(name="Aleppo", lat=36.2012, lon=37.1612, gazetteer_id="geonames:170063",
                   precision=1)
    assert location_agrees(aleppo, place(gazetteer_id="geonames:170063"))
    near = place(lat=36.30, lon=37.20)
    assert distance_km(36.2012, 37.1612, 36.30, 37.20) < 25
    assert location_agrees(aleppo, near)
    far = place(lat=36.58, lon=37.05)  # Azaz, ~43 km
    assert not location_agrees(aleppo, far)
    province = place(lat=36.25, lon=37.62, precision=3)
    assert location_agrees(province, far)
    assert not location_agrees(province, far, MatchOptions(region_km=30))
    unplaced = place(name="Jubba", text="منطقة جبة", span=Span(10, 19), precision=2)
    assert location_agrees(unplaced, place(text="جبة", span=Span(15, 18)))
    assert location_agrees(unplaced, place(name="jubba"))
    assert not location_agrees(unplaced, place(name="Haditha", span=Span(40, 46)))


def day(d):
    return dt.date(2015, 7, d)


def test_dates_must_overlap_and_not_be_much_wider():
    gold = DateValue(day(21), day(21), day(21), 1)
    assert date_agrees(gold, DateValue(day(21), day(20), day(21), 2))
    assert not date_agrees(gold, DateValue(day(22), day(22), day(22), 1))
    assert date_agrees(gold, DateValue(day(18), day(18), day(24), 2))
    assert not date_agrees(gold, DateValue(day(1), day(1), day(31), 3))
    month = DateValue(day(1), day(1), day(31), 3)
    assert date_agrees(month, DateValue(day(15), None, None, 1))
    assert not date_agrees(gold, DateValue(None, None, None, None))


def test_fatalities_exact_or_within_a_closed_range():
    assert fatalities_agree(Quantity(12, 12, 12), Quantity(12))
    assert not fatalities_agree(Quantity(12, 12, 12), Quantity(13))
    assert fatalities_agree(Quantity(26, 26, 34), Quantity(34))
    assert not fatalities_agree(Quantity(10, 10, None), Quantity(30))
    assert not fatalities_agree(Quantity(10), Quantity(None))


def test_actor_identity_and_roles():
    gold = Actor("actor1", "Islamic State", "تنظيم داعش", 2, Span(5, 15))
    assert same_actor(gold, Actor("actor1", "ISIS", "داعش", 2, Span(10, 14)))
    assert same_actor(gold, Actor("actor1", "islamic state", "التنظيم", 2, Span(80, 87)))
    assert same_actor(gold, Actor("actor1", None, "تنظيمُ داعش", None, Span(90, 101)))
    assert not same_actor(gold, Actor("actor2", "Islamic State", None, 2, Span(5, 15)))
    assert same_actor(gold, Actor("actor2", "Islamic State", None, 2, Span(5, 15)),
                      symmetric=True)
    assert not same_actor(gold, Actor("associated", "Islamic State", None, 2, Span(5, 15)),
                          symmetric=True)


def test_names_compare_after_normalisation():
    assert same_name("إدلب", "ادلب")
    assert same_name("«جبهة النصرة»", "جبهة النصرة")
    assert not same_name("", "")
    assert not same_name(None, "x")


def test_gold_names_resolve_through_the_lexicons_english_names():
    assert canonical_name("US-led coalition") == "Global Coalition against Daesh"
    assert canonical_name("al-Nusra Front") == canonical_name("Jabhat al-Nusra")
    assert canonical_name("Protesters (Iraq)") == "Protesters"
    assert canonical_name("YPG (Kurdish People's Protection Units)") == \
        "YPG: People's Protection Units"
    assert canonical_name("Police Forces of Iraq") != canonical_name("Military Forces of Iraq")
    assert canonical_name("9K32 Strela-2", "weapon") == canonical_name("SA-7", "weapon")
    assert canonical_name("Syrian Arab Air Force") == "Military Forces of Syria"
    assert canonical_name("Sultan Murad Division") == "Sultan Murad Division"
    gold = Actor("actor1", "US-led coalition", "للائتلاف", 8, Span(0, 8))
    system = Actor("actor1", "Global Coalition against Daesh", "التحالف الدولي", 8, Span(40, 54))
    assert same_actor(gold, system)
    assert not same_actor(gold, Actor("actor1", "Military Forces of Iraq", "الجيش", 1,
                                      Span(40, 45)))
