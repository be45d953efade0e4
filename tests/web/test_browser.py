"""The web page in Debian's chromium (Playwright): map, filters, table, article reader.

The server runs in this process (uvicorn in a thread) on a free port over the sample
database; the browser must not reach anything but that server.
"""

import time
from pathlib import Path

import pytest

from marsad.api.background import BackgroundServer
from marsad.store import Store

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def server_url(sample_db):
    with Store.open(sample_db) as store, BackgroundServer(store) as url:
        yield url


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


def test_map_shows_the_stored_events(page, sample_articles):
    stored = sorted(e.id for a in sample_articles for e in a.events)
    assert markers(page) == stored
    assert table_ids(page) == stored
    assert page.get_attribute("#map-count", "data-shown") == "12"
    assert "Airstrike (3)" in page.inner_text(".legend")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines
    page.click("#lang")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#filters h2") == "التصفية"
    assert "غارة جوية (3)" in page.inner_text(".legend")


def test_a_filter_changes_the_map_and_the_table(page):
    page.select_option("select[name=type]", "airstrike")
    expected = ["ev_s03_airstrike", "ev_s07_albab_civilians", "ev_s07_albab_strikes"]
    wait_until(lambda: markers(page) == expected and table_ids(page) == expected)
    assert page.get_attribute("#map-count", "data-shown") == "3"
    page.select_option("select[name=certainty]", "alleged")
    wait_until(lambda: markers(page) == table_ids(page) == ["ev_s07_albab_civilians"])
    assert "certainty=alleged" in page.url and "type=airstrike" in page.url


def evidence_of(sample_articles, event_id):
    for article in sample_articles:
        for event in article.events:
            if event.id == event_id:
                return article, event
    raise KeyError(event_id)


def test_clicking_an_event_opens_its_article_with_the_evidence_highlighted(page,
                                                                          sample_articles):
    article, event = evidence_of(sample_articles, "ev_s01_seizure")
    page.click("#events tr[data-event-id=ev_s01_seizure]")
    page.wait_for_selector("#reader .hl-evidence")
    assert page.get_attribute("#reader", "data-event-id") == "ev_s01_seizure"
    assert page.get_attribute("#reader .article-text", "dir") == "rtl"
    assert page.inner_text("#reader h2") == article.title
    highlighted = page.eval_on_selector_all(
        "#reader .article-text .hl-evidence", "els => els.map(e => e.textContent).join('')")
    assert highlighted == "".join(article.text[s.start:s.end] for s in event.evidence)
    sources = page.eval_on_selector_all("#reader .article-text .hl-source",
                                        "els => els.map(e => e.textContent).join('')")
    assert sources == event.sources[0].text == "مصدر تابع للنظام رفض الكشف عن اسمه"
    # the whole original text is shown, unchanged, around the highlights
    assert page.eval_on_selector("#reader .article-text", "e => e.textContent") == article.text
    assert "selected" in page.get_attribute("#events tr[data-event-id=ev_s01_seizure]", "class")

    # a marker on the map opens its article too
    page.click("path.event-marker[data-event-id=ev_s06_madaya_aid]")
    wait_until(lambda: page.get_attribute("#reader", "data-event-id") == "ev_s06_madaya_aid")
    aid_article, aid = evidence_of(sample_articles, "ev_s06_madaya_aid")
    assert page.inner_text("#reader h2") == aid_article.title
    assert page.eval_on_selector_all(
        "#reader .article-text .hl-evidence", "els => els.map(e => e.textContent).join('')") == \
        aid_article.text[aid.evidence[0].start:aid.evidence[0].end]


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
