"""GET /api/incidents and /api/incidents/{id} on SQLite and PostgreSQL, over the samples'
real pipeline output and the hand-built two-outlet pair (tests/conftest.py), linked by
the real linker."""

import dataclasses

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.model import Event, Incident
from marsad.store import Store
from marsad.store.incidents import IncidentFilter

PAIR = {"ev_pair_step", "ev_pair_halab"}


@pytest.fixture
def client(linked_db):
    target, articles = linked_db
    with Store.open(target) as store, TestClient(create_app(store)) as c:
        c.store = store
        c.articles = {a.id: a for a in articles}
        yield c


def every(client, **params):
    items, offset = [], 0
    while offset is not None:
        page = client.get("/api/incidents", params={**params, "limit": 4, "offset": offset})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        offset = body["next_offset"]
    return items


def test_listing_pages_and_filters(client):
    stored = list(client.store.iter_incidents())
    listed = every(client)
    assert sorted(i["id"] for i in listed) == sorted(i["id"] for i in stored)
    assert client.get("/api/incidents?limit=2").json()["total"] == len(stored)
    # every stored event is in exactly one incident
    events = list(client.store.iter_events())
    assert sorted(e for i in listed for e in i["event_ids"]) == sorted(e["id"] for e in events)
    assert list(listed[0]) == [f.name for f in dataclasses.fields(Incident)]  # contract order

    (pair,) = every(client, min_outlets=2)
    assert set(pair["event_ids"]) == PAIR and pair["outlets"] == ["Halab Today", "Step News"]
    strikes = every(client, type="air_strike")
    assert pair["id"] in {i["id"] for i in strikes}
    assert {i["type"] for i in strikes} == {"air_strike"}
    assert len(strikes) == len(list(client.store.iter_incidents(
        IncidentFilter(type="air_strike"))))
    assert {i["id"] for i in every(client, type="air_strike,shelling")} >= {
        i["id"] for i in strikes}
    day = every(client, date_from="2016-12-15", date_to="2016-12-15", country="sy")
    assert pair["id"] in {i["id"] for i in day}
    assert all(i["date"]["start"] <= "2016-12-15" <= i["date"]["end"] for i in day)
    assert every(client, date_from="2030-01-01") == []
    assert every(client, country="IQ") and all(
        i["location"]["country"] == "IQ" for i in every(client, country="IQ"))


def test_one_incident_with_its_reports(client):
    (pair,) = every(client, min_outlets=2)
    body = client.get(f"/api/incidents/{pair['id']}").json()
    assert body["incident"] == pair
    assert {e["id"] for e in body["events"]} == PAIR
    for event in body["events"]:
        assert list(event) == [f.name for f in dataclasses.fields(Event)]
        assert event["incident_id"] == pair["id"] and event["outlet"] and event["sources"]
        assert event["certainty"] == "reported"
        article = client.articles[event["article_id"]]
        assert body["articles"][article.id]["outlet"] == article.outlet == event["outlet"]
        assert "text" not in body["articles"][article.id]
        assert body["evidence_text"][event["id"]] == [article.text[s:e]
                                                      for s, e in event["evidence"]]
    (toll,) = [d for d in pair["disputes"] if d["field"] == "fatalities"]
    said = {v["value"]: v["sources"] for v in toll["values"]}
    assert said == {9: ["Step News (Syrian Civil Defence)"], 14: ["Halab Today (anonymous)"]}
    assert pair["corroboration"]["independent_outlets"] == 2
    assert pair["corroboration"]["source_kinds"] == ["anonymous", "observers"]


@pytest.mark.parametrize("url, status, fragment", [
    ("/api/incidents/in_nope", 404, "no incident 'in_nope'"),
    ("/api/incidents?date_from=2017-01-01&date_to=2016-01-01", 400, "swap"),
    ("/api/incidents?min_outlets=0", 422, "min_outlets"),
    ("/api/incidents?limit=0", 422, "limit"),
    ("/api/incidents?date_to=soon", 422, "date_to"),
    ("/api/incidents?outlet=x", 400, "unknown query parameter 'outlet'"),
])
def test_bad_requests_are_clear_errors(client, url, status, fragment):
    response = client.get(url)
    assert response.status_code == status
    assert fragment in response.json()["error"]


def test_documented_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    listing = paths["/api/incidents"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "date_from", "date_to", "type", "country", "min_outlets", "min_events", "limit",
        "offset"}
    assert "404" in paths["/api/incidents/{incident_id}"]["get"]["responses"]
