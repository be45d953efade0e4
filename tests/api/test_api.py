"""The JSON API over the bundled samples: filters, pages, validation, layers, ingest."""

import shutil

import pytest
from fastapi.testclient import TestClient

from marsad.api import ApiSettings, create_app
from marsad.errors import QueryError
from marsad.store import Store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample_db):
    with Store.open(sample_db) as store, TestClient(create_app(store)) as c:
        yield c


@pytest.fixture
def ingest_client(sample_db, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(sample_db, path)
    with Store.open(path) as store, TestClient(
            create_app(store, ApiSettings(allow_ingest=True, token=TOKEN))) as c:
        yield c


def ids(response):
    body = response.json()
    items = body.get("items", body.get("features"))
    return {item["id"] for item in items}


def test_geojson_filters(client):
    response = client.get("/api/geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 12
    feature = next(f for f in body["features"] if f["id"] == "ev_s01_seizure")
    assert feature["geometry"] == {"type": "Point", "coordinates": [38.2805, 34.5601]}
    assert feature["properties"]["date"] == "2016-12-10"
    assert feature["properties"]["location"] == "Tadmur"
    assert ids(client.get("/api/geojson?type=airstrike&date_to=2016-12-20")) == {
        "ev_s03_airstrike"}
    assert ids(client.get("/api/geojson", params={"actor": "Islamic State",
                                                  "country": "IQ"})) == {"ev_s05_zahraa"}
    assert ids(client.get("/api/geojson?weapon_category=MANPADS&certainty=reported")) == {
        "ev_s01_seizure", "ev_s02_seizure"}
    assert ids(client.get("/api/geojson?admin1=Homs&historical=false")) == {
        "ev_s01_seizure", "ev_s04_shaer"}
    assert ids(client.get("/api/geojson?outlet=Zaman al-Wasl&min_fatalities=1")) == {
        "ev_s02_radar_attack"}
    assert ids(client.get("/api/geojson?type=airstrike,shelling&bbox=36,35.5,37,36")) == {
        "ev_s03_airstrike", "ev_s03_shelling"}
    body = client.get("/api/geojson?limit=2").json()
    assert (body["total"], len(body["features"]), body["truncated"]) == (12, 2, True)


def test_events_pages(client):
    first = client.get("/api/events?limit=5").json()
    assert (first["total"], first["limit"], first["offset"], first["next_offset"]) == (
        12, 5, 0, 5)
    assert first["items"][0]["date"]["start"] == "2016-12-28"  # newest first
    last = client.get("/api/events?limit=5&offset=10").json()
    assert len(last["items"]) == 2 and last["next_offset"] is None
    every = client.get("/api/events?sort=date&limit=1000").json()["items"]
    assert every[0]["id"] == "ev_s01_capture2015" and len(every) == 12
    event = client.get("/api/events/ev_s05_vbied").json()
    assert event["weapons"][0]["category"] == "IED" and event["incident_id"] is None


@pytest.mark.parametrize("url, status, fragment", [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=5000", 422, "limit"),
    ("/api/events?date_from=yesterday", 422, "date_from"),
    ("/api/events?date_from=2017-01-01&date_to=2016-01-01", 400, "swap"),
    ("/api/events?certainty=sure", 400, "not one of"),
    ("/api/events?sort=colour", 400, "sort"),
    ("/api/events?typ=airstrike", 400, "unknown query parameter 'typ'"),
    ("/api/geojson?bbox=1,2,3", 400, "bbox"),
    ("/api/geojson?min_fatalities=-3", 422, "min_fatalities"),
    ("/api/search", 422, "q"),
    ("/api/events/ev_nope", 404, "no event"),
    ("/api/articles/ar_nope", 404, "no article"),
])
def test_bad_requests_get_clear_json_errors(client, url, status, fragment):
    response = client.get(url)
    assert response.status_code == status
    assert fragment in response.json()["error"]


def test_article_layers(client, sample_articles):
    article = next(a for a in sample_articles if a.outlet == "Enab Baladi")
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text and body["sentences"]
    assert {"mentions", "claims", "events", "errors"} <= set(body)
    (strike, shelling) = sorted(body["events"], key=lambda e: e["id"])
    assert shelling["type"] == "shelling"
    for start, end in strike["evidence"]:
        assert body["text"][start:end] in article.text
    source = strike["sources"][0]
    assert body["text"][source["span"][0]:source["span"][1]] == source["text"]
    listing = client.get("/api/articles?limit=2").json()
    assert listing["total"] == 7 and len(listing["items"]) == 2
    assert "text" not in listing["items"][0]
    assert client.get("/api/articles?outlet=Enab Baladi").json()["items"][0]["event_count"] == 2


def test_search_timeline_facets_health(client):
    hits = client.get("/api/search", params={"q": "تدمر"}).json()["items"]
    assert hits and hits[0]["matches"][0]["text"] == "تدمر"
    assert client.get("/api/search", params={"q": "ادلب"}).json()["items"]  # إدلب in text
    days = dict(client.get("/api/timeline?country=SY").json()["days"])
    assert days["2016-12-28"] == 2 and "2016-11-20" not in days
    facets = client.get("/api/facets").json()
    assert facets["dates"] == {"first": "2015-05-01", "last": "2016-12-28"}
    health = client.get("/api/health").json()
    assert health["events"] == 12 and health["ingest"] is False


def test_openapi_docs_and_page_are_served_offline(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/geojson", "/api/search", "/api/articles/{article_id}"} <= set(
        spec["paths"])
    assert "post" not in spec["paths"]["/api/articles"]  # ingest is off
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    page = client.get("/")
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_ingest_is_off_by_default(client):
    response = client.post("/api/articles", json={"text": "نص"})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["error"]


def test_ingest_needs_the_right_token(ingest_client):
    article = {"text": "قصفت طائرات حربية مدينة حلب اليوم.", "outlet": "Test", "published":
               "2016-12-01"}
    missing = ingest_client.post("/api/articles", json=article)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = ingest_client.post("/api/articles", json=article,
                               headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"] == "wrong token"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    added = ingest_client.post("/api/articles", json=article, headers=auth)
    assert added.status_code == 201 and added.json()["status"] == "added"
    stored = added.json()["article"]
    assert stored["text"] == article["text"] and stored["sentences"]
    assert ingest_client.get(f"/api/articles/{stored['id']}").status_code == 200
    again = ingest_client.post("/api/articles", json=article, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert ingest_client.get("/api/search", params={"q": "حلب"}).json()["items"]


@pytest.mark.parametrize("body, fragment", [
    ({"text": ""}, "text"),
    ({"title": "no text"}, "text"),
    ({"text": "نص", "published": "20/20/2020"}, "published"),
    ({"text": "نص", "colour": "red"}, "colour"),
    ({"text": "   "}, "empty"),
])
def test_ingest_validation(ingest_client, body, fragment):
    response = ingest_client.post("/api/articles", json=body,
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (400, 422)
    assert fragment in response.json()["error"]


def test_ingest_without_a_token_is_refused_at_start():
    with pytest.raises(QueryError, match="token"):
        ApiSettings(allow_ingest=True)
