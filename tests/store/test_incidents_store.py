from dataclasses import replace

import pytest

from marsad.corpus.incidents import derived_id, link_store
from marsad.model import Span
from marsad.store import Store
from marsad.store.incidents import IncidentFilter

REGIME = "Military Forces of Syria"
SHAAR = ["قتل 12 مدنيا في غارة جوية لطيران النظام على حي الشعار في مدينة حلب صباح الثلاثاء",
         "ارتفع عدد ضحايا غارة طيران النظام على حي الشعار في حلب إلى 15 قتيلا",
         "غارة للطيران الحربي التابع للنظام تقتل 14 مدنيا في حي الشعار بمدينة حلب"]
DEIR = "قصف جوي استهدف سوقا شعبية في مدينة دير الزور وأوقع عشرات الضحايا"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "m.db") as s:
        yield s


@pytest.fixture
def report(make_article, make_event):
    def build(eid, text, outlet, *, url=None, killed=12, **kw):
        article = make_article(text, outlet=outlet, url=url, published="2015-07-22")
        event = make_event(eid, article=article.id, outlet=outlet, killed=killed,
                           perpetrator=REGIME, evidence=(0, len(text)), **kw)
        event = replace(event, evidence=(Span(0, len(text)),))
        return replace(article, events=(event,))
    return build


def link(store):
    return link_store(store, use_embeddings=False)


def incidents_of(store):
    return {i["id"]: sorted(i["event_ids"]) for i in store.iter_incidents()}


def test_linking_is_incremental_and_idempotent(store, report):
    a = report("e1", SHAAR[0], "Orient Net")
    b = report("e2", SHAAR[1], "Enab Baladi", killed=15)
    d = report("d1", DEIR, "Zaman al-Wasl", place=(35.336, 40.146), place_name="Deir")
    store.add([a, b, d], "p")
    first = link(store)
    assert (first.events, first.new_events, first.incidents, first.changed) == (3, 3, 2, 2)
    before = incidents_of(store)
    assert sorted(before.values()) == [["d1"], ["e1", "e2"]]
    assert derived_id("e1") in before  # a new incident's id comes from its earliest event

    again = link(store)
    assert (again.new_events, again.changed, again.removed) == (0, 0, 0)
    assert incidents_of(store) == before

    c = report("e3", SHAAR[2], "SMART", killed=14)
    store.add([c], "p")
    grown = link(store)
    assert grown.new_events == 1 and grown.changed == 1
    after = incidents_of(store)
    assert after[derived_id("e1")] == ["e1", "e2", "e3"]  # joined, same id
    assert after[derived_id("d1")] == ["d1"]
    events = {e["id"]: e["incident_id"] for e in store.iter_events()}
    assert events == {"e1": derived_id("e1"), "e2": derived_id("e1"),
                      "e3": derived_id("e1"), "d1": derived_id("d1")}

    relinked = link_store(store, use_embeddings=False, relink=True)
    assert relinked.new_events == 4
    assert incidents_of(store) == after


def test_a_corrected_article_updates_its_incident(store, report):
    a = report("e1", SHAAR[0], "Orient Net", url="https://orient/1")
    b = report("e2", SHAAR[1], "Enab Baladi", killed=15)
    store.add([a, b], "p")
    link(store)
    (incident_id,) = incidents_of(store)
    corrected = report("e1b", SHAAR[0] + " وارتفع العدد لاحقا إلى 20", "Orient Net",
                       url="https://orient/1", killed=20)
    store.add([corrected], "p")  # the store marks the old one superseded, drops its event
    summary = link(store)
    assert summary.removed == 0
    assert incidents_of(store) == {incident_id: ["e1b", "e2"]}
    record = store.get_incident(incident_id)
    (toll,) = [d for d in record["disputes"] if d["field"] == "fatalities"]
    assert [v["value"] for v in toll["values"]] == [15, 20]


def test_a_corrected_article_alone_keeps_its_incident_id(store, report):
    a = report("e1", SHAAR[0], "Orient Net", url="https://orient/1")
    store.add([a], "p")
    link(store)
    (incident_id,) = incidents_of(store)
    store.add([report("e9", SHAAR[0] + " (محدث)", "Orient Net", url="https://orient/1")], "p")
    link(store)
    assert incidents_of(store) == {incident_id: ["e9"]}


def test_listing_filters(store, report):
    store.add([report("e1", SHAAR[0], "Orient Net"), report("e2", SHAAR[1], "Enab Baladi"),
               report("d1", DEIR, "SMART", place=(35.336, 40.146), place_name="Deir",
                      day="2015-08-01")], "p")
    link(store)
    assert store.incident_count() == 2
    assert len(list(store.iter_incidents(IncidentFilter(min_outlets=2)))) == 1
    assert len(list(store.iter_incidents(IncidentFilter(date_from=_d("2015-07-25"))))) == 1
    assert len(list(store.iter_incidents(IncidentFilter(country="sy", limit=1)))) == 1
    assert list(store.iter_incidents(IncidentFilter(type="shelling"))) == []
    assert store.get_incident("in_nope") is None


def _d(value):
    import datetime as dt

    return dt.date.fromisoformat(value)
