"""Event filters, pages, map points, timeline and facets: the same tests on both backends."""

import datetime as dt
import json

import pytest

from marsad.errors import QueryError
from marsad.store import Store
from marsad.store.queries import EventFilter, parse_bbox


@pytest.fixture
def store(db_target, sample_articles):
    with Store.open(db_target) as s:
        s.add(sample_articles, "text.v1,sample-events")
        yield s


def ids(store, **filters):
    return {e["id"] for e in store.iter_events(EventFilter.build(**filters))}


def test_all_events_round_trip_in_contract_form(store, sample_articles):
    stored = {e["id"]: e for e in store.iter_events()}
    built = {e.id: e for a in sample_articles for e in a.events}
    assert set(stored) == set(built) and len(built) == 12
    seizure = stored["ev_s01_seizure"]
    assert seizure["weapons"][0]["category"] == "MANPADS"
    article = next(a for a in sample_articles if a.id == seizure["article_id"])
    start, end = seizure["location"]["span"]
    assert article.text[start:end] == "تدمر"


def test_filter_by_type_date_and_place(store):
    assert ids(store, types=["airstrike"]) == {"ev_s03_airstrike", "ev_s07_albab_strikes",
                                               "ev_s07_albab_civilians"}
    assert ids(store, types="airstrike,shelling", date_to=dt.date(2016, 12, 20)) == {
        "ev_s03_airstrike", "ev_s03_shelling"}
    assert ids(store, date_from=dt.date(2016, 12, 24), date_to=dt.date(2016, 12, 24)) == {
        "ev_s06_madaya_aid"}
    assert ids(store, countries=["iq"]) == {"ev_s05_zahraa", "ev_s05_vbied"}
    assert ids(store, admin1=["Homs"]) == {"ev_s01_seizure", "ev_s01_capture2015",
                                           "ev_s04_shaer"}
    assert ids(store, outlets=["SMART News"]) == {"ev_s04_shaer"}


def test_filter_by_actor_name_or_arabic_surface(store):
    by_name = ids(store, actors=["islamic state"])
    assert {"ev_s01_seizure", "ev_s02_seizure", "ev_s05_zahraa"} <= by_name
    assert "ev_s03_airstrike" not in by_name
    # the surface form matches too, whatever its alef or diacritics
    assert ids(store, actors=["داعش"]) == {"ev_s05_zahraa"}
    assert ids(store, actors=["تنظيم الدوله"]) == {"ev_s01_seizure", "ev_s01_capture2015"}


def test_filter_by_weapon_category_and_name(store):
    assert ids(store, weapon_categories=["manpads"]) == {"ev_s01_seizure", "ev_s02_seizure"}
    assert ids(store, weapons=["9K333 Verba"]) == {"ev_s01_seizure"}
    assert ids(store, weapon_categories=["IED"], types=["airstrike"]) == set()


def test_filter_by_certainty_fatalities_history_and_box(store):
    assert ids(store, certainties=["alleged"]) == {"ev_s02_radar_attack",
                                                   "ev_s07_albab_civilians"}
    assert ids(store, min_fatalities=20) == {"ev_s02_radar_attack", "ev_s04_shaer",
                                            "ev_s07_albab_strikes"}
    assert ids(store, historical=True) == {"ev_s01_capture2015"}
    # Idlib and Aleppo, not Homs or Iraq
    assert ids(store, bbox=parse_bbox("36,35.5,37.6,36.5")) == {
        "ev_s03_airstrike", "ev_s03_shelling", "ev_s07_albab_strikes", "ev_s07_albab_civilians"}


def test_pages_count_everything_and_sort(store):
    page = store.query_events(EventFilter(), limit=5, offset=0, sort="-date")
    assert page.total == 12 and len(page.items) == 5
    assert page.items[0]["id"] == "ev_s07_albab_civilians"
    rest = store.query_events(EventFilter(), limit=100, offset=5, sort="-date")
    assert len(rest.items) == 7
    assert not {e["id"] for e in page.items} & {e["id"] for e in rest.items}
    worst = store.query_events(EventFilter(), limit=1, sort="-fatalities").items[0]
    assert worst["id"] == "ev_s04_shaer"


def test_points_timeline_and_facets(store):
    total, features = store.event_features(EventFilter(types=("airstrike",)))
    features = [json.loads(f) for f in features]
    assert total == 3 and {f["properties"]["location"] for f in features} == {
        "Maarat al-Numan", "Al-Bab"}
    strike = next(f for f in features if f["id"] == "ev_s03_airstrike")
    assert strike["geometry"] == {"type": "Point", "coordinates": [36.674, 35.6476]}
    assert strike["properties"] == {
        "id": "ev_s03_airstrike", "article_id": strike["properties"]["article_id"],
        "type": "airstrike", "date": "2016-12-15", "date_end": "2016-12-15",
        "date_precision": 1, "location": "Maarat al-Numan", "admin1": "Idlib",
        "country": "SY", "geo_precision": 1, "fatalities": 12, "outlet": "Enab Baladi",
        "certainty": "asserted", "historical": False, "incident_id": None}
    total, features = store.event_features(EventFilter(), limit=2)
    assert total == 12 and len(features) == 2
    days = dict(store.timeline(EventFilter(countries=("SY",))))
    assert days[dt.date(2016, 12, 28)] == 2 and dt.date(2016, 11, 20) not in days
    facets = store.facets()
    assert {"value": "airstrike", "count": 3} in facets["types"]
    assert facets["actors"][0] == {"value": "Islamic State", "count": 7}
    assert {f["value"] for f in facets["weapon_categories"]} == {"MANPADS", "IED", "Artillery"}
    assert facets["dates"] == {"first": "2015-05-01", "last": "2016-12-28"}


def test_articles_listing_and_texts(store, sample_articles):
    total, rows = store.list_articles(limit=3)
    assert total == 7 and len(rows) == 3 and rows[0]["published"] == "2016-12-28"
    assert rows[0]["event_count"] == 2 and "text" not in rows[0]
    total, rows = store.list_articles(outlet="Orient Net")
    assert total == 1
    details = store.article_details([a.id for a in sample_articles[:2]])
    assert {k: v["text"] for k, v in details.items()} == {a.id: a.text for a in
                                                          sample_articles[:2]}
    assert details[sample_articles[0].id]["url"] == sample_articles[0].url
    assert store.get_event("ev_s05_vbied")["weapons"][0]["name"] == "VBIED"
    assert store.get_event("ev_nope") is None


def test_replacing_an_article_replaces_its_actor_rows(store, sample_articles):
    from dataclasses import replace

    article = next(a for a in sample_articles if any(e.id == "ev_s01_seizure" for e in a.events))
    store.add([replace(article, events=())], "text.v1,other")
    assert ids(store, weapon_categories=["MANPADS"]) == {"ev_s02_seizure"}
    assert store.counts()["events"] == 10


@pytest.mark.parametrize("bad, message", [
    ({"date_from": dt.date(2017, 1, 1), "date_to": dt.date(2016, 1, 1)}, "swap"),
    ({"certainties": ["sure"]}, "not one of"),
    ({"min_fatalities": -1}, "0 or more"),
    ({"colour": "red"}, "unknown filter"),
])
def test_bad_filters_say_what_is_wrong(bad, message):
    with pytest.raises(QueryError, match=message):
        EventFilter.build(**bad)


@pytest.mark.parametrize("value", ["1,2,3", "a,b,c,d", "40,30,30,40", "0,0,0,100"])
def test_bad_bbox(value):
    with pytest.raises(QueryError, match="bbox"):
        parse_bbox(value)


def test_postgis_geometry_is_used_when_present(postgres_url, sample_articles):
    from sqlalchemy import text

    with Store.open(postgres_url) as store:
        if not store.geometry:
            pytest.skip("PostGIS is not installed on this PostgreSQL server")
        store.add(sample_articles, "p")
        with store.engine.connect() as conn:
            srid, kind = conn.execute(text(
                "SELECT ST_SRID(geom), GeometryType(geom) FROM events "
                "WHERE id = 'ev_s01_seizure'")).one()
            indexes = conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_geom'")).scalar()
        assert (srid, kind) == (4326, "POINT") and "gist" in indexes
        inside = {e["id"] for e in store.iter_events(EventFilter(bbox=(38, 34, 39, 35)))}
        assert inside == {"ev_s01_seizure", "ev_s01_capture2015"}
