"""The web page in Debian's chromium (Playwright): map, filters, table, article reader,
incidents.

The server runs in this process (uvicorn in a thread) on a free port over the bundled
samples' real pipeline output with incidents linked (``pipeline_db`` in tests/conftest.py);
the browser must not reach anything but that server. Expectations come from the API over
the same database, so they hold whatever events the detector finds.
"""

import json
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from marsad.api.background import BackgroundServer
from marsad.store import Store

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def server_url(pipeline_db):
    with Store.open(pipeline_db) as store, BackgroundServer(store) as url:
        yield url


def api(url, path, **params):
    """What the API answers for the page's database (the expectations' reference)."""
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{url}{path}?{query}") as response:
        return json.load(response)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-loading=false]")
    yield page
    context.close()
    assert page.errors == []
    assert [u for u in page.requests if not u.startswith(server_url + "/")] == []


def wait_until(check, timeout=10.0):
    """Poll from Python: the page's CSP forbids the eval that wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the page did not reach the expected state in time")
        time.sleep(0.05)


def markers(page):
    return sorted(page.eval_on_selector_all("path.event-marker",
                                            "els => els.map(e => e.dataset.eventId)"))


def table_ids(page):
    return sorted(page.eval_on_selector_all("#events tbody tr",
                                            "rows => rows.map(r => r.dataset.eventId)"))


def located_ids(url, **filters):
    return sorted(f["id"] for f in api(url, "/api/geojson", limit=10000, **filters)["features"])


def event_ids(url, **filters):
    return sorted(e["id"] for e in api(url, "/api/events", limit=1000, **filters)["items"])


def covered(text, spans):
    """The characters under any of ``spans``, in text order (what the highlights show)."""
    inside = sorted({i for s, e in spans for i in range(s, e)})
    return "".join(text[i] for i in inside)


def test_map_shows_the_stored_events(page, server_url, pipeline_articles):
    stored = sorted(e.id for a in pipeline_articles for e in a.events)
    assert event_ids(server_url) == stored  # the database holds the pipeline's events
    located = located_ids(server_url)
    assert len(located) >= 5 and set(located) <= set(stored)
    assert markers(page) == located
    assert table_ids(page) == stored
    assert page.get_attribute("#map-count", "data-shown") == str(len(located))
    strikes = Counter(f["properties"]["type"] for f in api(
        server_url, "/api/geojson", limit=10000)["features"])["air_strike"]
    assert strikes >= 2 and f"Air or drone strike ({strikes})" in page.inner_text(".legend")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines
    assert page.inner_text("#table-count") == f"{len(stored)} of {len(stored)} events"
    page.click("#lang")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#filters h2") == "التصفية"
    assert page.inner_text("#table-count") == f"{len(stored)} من {len(stored)} حدثاً"
    assert f"غارة جوية أو بطائرة مسيرة ({strikes})" in page.inner_text(".legend")


def test_a_filter_changes_the_map_and_the_table(page, server_url):
    everything = event_ids(server_url)
    page.select_option("select[name=type]", "air_strike")
    on_map, in_table = located_ids(server_url, type="air_strike"), event_ids(server_url,
                                                                            type="air_strike")
    assert 2 <= len(in_table) < len(everything)
    wait_until(lambda: markers(page) == on_map and table_ids(page) == in_table)
    assert page.get_attribute("#map-count", "data-shown") == str(len(on_map))
    page.select_option("select[name=outlet]", "Step News")
    wait_until(lambda: markers(page) == table_ids(page) == ["ev_pair_step"])
    assert "outlet=Step" in page.url and "type=air_strike" in page.url


def article_of(articles, event_id):
    for article in articles:
        for event in article.events:
            if event.id == event_id:
                return article, event
    raise KeyError(event_id)


def test_clicking_an_event_opens_its_article_with_the_evidence_highlighted(page, server_url,
                                                                          pipeline_articles):
    # a detected event (not the hand-built pair) whose sources are quoted in the text
    candidates = [e for a in pipeline_articles for e in a.events
                  if not e.id.startswith("ev_pair") and any(s.span for s in e.sources)]
    assert candidates, "the pipeline found no sourced event in the samples"
    article, event = article_of(pipeline_articles, candidates[0].id)
    page.click(f"#events tr[data-event-id={event.id}]")
    page.wait_for_selector("#reader .hl-evidence")
    assert page.get_attribute("#reader", "data-event-id") == event.id
    assert page.get_attribute("#reader .article-text", "dir") == "rtl"
    assert page.inner_text("#reader h2") == (article.title or article.id)
    highlighted = page.eval_on_selector_all(
        "#reader .article-text .hl-evidence", "els => els.map(e => e.textContent).join('')")
    assert highlighted == covered(article.text, [(s.start, s.end) for s in event.evidence])
    sources = page.eval_on_selector_all("#reader .article-text .hl-source",
                                        "els => els.map(e => e.textContent).join('')")
    assert sources == covered(article.text, [(s.span.start, s.span.end)
                                             for s in event.sources if s.span])
    # the whole original text is shown, unchanged, around the highlights
    assert page.eval_on_selector("#reader .article-text", "e => e.textContent") == article.text
    assert "selected" in page.get_attribute(f"#events tr[data-event-id={event.id}]", "class")

    # a marker on the map opens its article too (an event of another article)
    other_id = next(i for i in located_ids(server_url)
                    if article_of(pipeline_articles, i)[0].id != article.id)
    other_article, other = article_of(pipeline_articles, other_id)
    page.click(f"path.event-marker[data-event-id={other_id}]")
    wait_until(lambda: page.get_attribute("#reader", "data-event-id") == other_id)
    assert page.inner_text("#reader h2") == (other_article.title or other_article.id)
    assert page.eval_on_selector_all(
        "#reader .article-text .hl-evidence", "els => els.map(e => e.textContent).join('')") == \
        covered(other_article.text, [(s.start, s.end) for s in other.evidence])


def cells(page, row):
    return page.eval_on_selector_all(
        f"#incident-reports tr[data-row={row}] td",
        "tds => Object.fromEntries(tds.map(td => [td.dataset.eventId, td.textContent]))")


def test_incident_view_puts_the_reports_side_by_side_with_the_dispute(page, server_url,
                                                                      pipeline_articles):
    listed = api(server_url, "/api/incidents", limit=1000)
    page.click("#panel-tabs [data-panel=incidents]")
    page.wait_for_selector("#incident-list button")
    assert page.locator("#incident-list button").count() == listed["total"]
    page.check("#incident-multi")
    wait_until(lambda: page.locator("#incident-list button").count() == 1)
    (pair,) = api(server_url, "/api/incidents", min_outlets=2)["items"]
    page.click("#incident-list button")
    page.wait_for_selector("#incident-reports")
    assert page.get_attribute("#incidents", "data-incident-id") == pair["id"]
    heads = page.eval_on_selector_all("#incident-reports thead th[data-event-id]",
                                      "ths => ths.map(th => [th.dataset.eventId, th.innerText])")
    assert {h[0] for h in heads} == {"ev_pair_step", "ev_pair_halab"}
    assert {h[0]: h[1].split("\n")[0] for h in heads} == {
        "ev_pair_step": "Step News", "ev_pair_halab": "Halab Today"}
    # each report's sources, certainty, toll, actors and evidence, column by column
    assert cells(page, "row_sources") == {"ev_pair_step": "observers: Syrian Civil Defence",
                                         "ev_pair_halab": "anonymous"}
    assert cells(page, "col_certainty") == {"ev_pair_step": "reported",
                                            "ev_pair_halab": "reported"}
    assert cells(page, "fatalities") == {"ev_pair_step": "9", "ev_pair_halab": "14"}
    assert set(cells(page, "perpetrator").values()) == {"Military Forces of Russia"}
    for event_id, quote in cells(page, "row_evidence").items():
        article, event = article_of(pipeline_articles, event_id)
        assert quote == " … ".join(article.text[s.start:s.end] for s in event.evidence)
    # the dispute: the toll row is flagged, and who said what is listed
    assert "disputed" in page.get_attribute("#incident-reports tr[data-row=fatalities]",
                                            "class")
    assert "disputed" not in page.get_attribute("#incident-reports tr[data-row=perpetrator]",
                                                "class")
    said = page.eval_on_selector_all("#incident-disputes .dispute[data-field=fatalities] li",
                                     "lis => lis.map(li => li.textContent)")
    assert said == ["9 — Step News (Syrian Civil Defence)", "14 — Halab Today (anonymous)"]
    # the corroboration evidence
    assert page.inner_text("#incident-corroboration dd[data-field=independent_outlets]") == "2"
    assert page.inner_text("#incident-corroboration dd[data-field=source_kinds]") == \
        "anonymous, observers"
    assert page.inner_text("#incident-corroboration dd[data-field=anonymous_only]") == "no"
    assert page.inner_text("#incident-corroboration dd[data-field=self_interested]") == "no"
    page.click("#lang")
    assert page.inner_text("#incident-reports tr[data-row=fatalities] th").startswith("القتلى")
    assert "مختلَف فيه" in page.inner_text("#incident-reports tr[data-row=fatalities] th")
    assert page.inner_text("#incident-corroboration dd[data-field=anonymous_only]") == "لا"
    # a report's article opens in the reader; its event links back to the incident
    page.click("#incident-reports thead th[data-event-id=ev_pair_halab] button")
    wait_until(lambda: page.get_attribute("#reader", "data-event-id") == "ev_pair_halab")
    assert page.is_hidden("#incidents")
    page.click("#open-incident")
    wait_until(lambda: page.is_visible("#incident-reports"))
    assert page.get_attribute("#incidents", "data-incident-id") == pair["id"]


def test_highlights_cut_the_text_at_code_points_like_python(page):
    """Spans count code points (Python); the reader must not cut astral characters apart."""
    import random

    rng = random.Random(3)
    pieces = ["تَدْمُر", "😀", "𝕏", " ", "\n", "إدلب", "ﻻ", "Verba", "\u200f"]
    cases = []
    for _ in range(30):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        marks = []
        for cls in ("hl-evidence", "hl-source"):
            start = rng.randrange(len(text))
            marks.append({"start": start, "end": rng.randint(start + 1, len(text)), "cls": cls})
        cases.append({"text": text, "marks": marks})
    results = page.evaluate("""async (cases) => {
        const { highlightedText } = await import('/static/js/reader.js');
        return cases.map(({ text, marks }) => {
            const box = document.createElement('div');
            box.append(highlightedText(text, marks));
            const pick = (cls) => [...box.querySelectorAll('.' + cls)]
                .map(e => e.textContent).join('');
            return { all: box.textContent, evidence: pick('hl-evidence'),
                     source: pick('hl-source') };
        });
    }""", cases)
    for case, got in zip(cases, results, strict=True):
        text = case["text"]
        evidence, source = case["marks"]
        assert got["all"] == text
        assert got["evidence"] == text[evidence["start"]:evidence["end"]]
        assert got["source"] == text[source["start"]:source["end"]]
