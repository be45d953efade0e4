from dataclasses import replace

import pytest

from marsad.errors import StoreError
from marsad.model import Event, to_dict
from marsad.store import Store


@pytest.fixture
def store(db_target):
    """The same tests run on SQLite and on PostgreSQL (see ``db_target``)."""
    with Store.open(db_target) as s:
        yield s


def test_add_is_idempotent_and_round_trips(store, make_article, palmyra_text):
    article = make_article(palmyra_text, title="تدمر")
    first = store.add([article], "text.v1")
    again = store.add([article], "text.v1")
    assert first.added == [article.id] and again.unchanged == [article.id]
    assert store.counts()["articles"] == 1
    assert store.get_article(article.id) == article


def test_new_pipeline_replaces_layers(store, make_article):
    article = make_article("نص الخبر")
    store.add([article], "text.v1")
    event = Event(id="ev_1", article_id=article.id, type="other")
    result = store.add([replace(article, events=(event,))], "text.v1,events.v1")
    assert result.updated == [article.id]
    assert store.counts() == {"articles": 1, "events": 1, "failures": 0}
    assert next(iter(store.iter_events()))["id"] == "ev_1"


def test_corrected_article_supersedes_same_url(store, make_article):
    old = make_article("قتل 10 مدنيين", url="https://x/1")
    store.add([replace(old, events=(Event(id="ev_old", article_id=old.id, type="x"),))], "p")
    new = make_article("قتل 12 مدنيا", url="https://x/1")
    store.add([new], "p")
    assert [a.id for a in store.iter_articles()] == [new.id]
    assert store.counts()["events"] == 0
    assert store.search("مدنيين") == []


@pytest.mark.parametrize("query", ["تدمر", "تَدْمُر", "تدمُر"])
def test_search_ignores_diacritics(store, make_article, query):
    article = make_article("سيطر التنظيم على مدينة تَدْمُر الأثرية.")
    store.add([article], "p")
    (hit,) = store.search(query)
    assert hit.article_id == article.id
    (match,) = hit.matches
    assert match["text"] == "تَدْمُر"
    assert article.text[match["span"][0]:match["span"][1]] == "تَدْمُر"


def test_search_idlib_spellings_and_clitics(store, make_article):
    texts = ["قصف على إدلب", "غارات على ادلب", "معارك في أدلب", "وصل الوفد وبإدلب اجتماع"]
    articles = [make_article(t) for t in texts]
    store.add(articles, "p")
    for query in ("إدلب", "ادلب", "أدلب"):
        assert {h.article_id for h in store.search(query)} == {a.id for a in articles}
    hit = next(h for h in store.search("ادلب") if h.article_id == articles[3].id)
    assert hit.matches[0]["text"] == "إدلب"


def test_search_needs_every_word(store, make_article):
    store.add([make_article("قصف على إدلب"), make_article("قصف على حلب")], "p")
    assert len(store.search("قصف")) == 2
    assert len(store.search("قصف حلب")) == 1


def test_failures_are_kept(store):
    store.record_failure("a.txt", "is a binary file")
    store.record_failure("a.txt", "is a binary file")
    assert store.failures() == [("a.txt", "is a binary file")]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "m.db")


def search_rows(store):
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return sorted(conn.execute(text("SELECT article_id FROM article_search")).scalars())


def test_reanalysed_articles_keep_one_index_row_each(store, make_article):
    a, b, c = (make_article(t) for t in ("قصف على حلب", "غارة على تدمر", "اشتباك في درعا"))
    store.add([a, b, c], "text.v1")
    store.add([b, a], "text.v1,events.v1")  # new rows for a and b, new rowids
    assert search_rows(store) == sorted([a.id, b.id, c.id])
    assert [h.article_id for h in store.search("تدمر")] == [b.id]
    newer = make_article("غارة ثانية على تدمر", url="https://x/2")
    store.add([replace(c, url="https://x/2")], "text.v1,events.v1")
    store.add([newer], "text.v1,events.v1")  # supersedes c
    assert search_rows(store) == sorted([a.id, b.id, newer.id])
    assert sorted(h.article_id for h in store.search("تدمر")) == sorted([b.id, newer.id])


def test_storing_an_article_clears_its_old_failure(store, make_article):
    store.record_failure("<test>", "analysing it failed on the workers")
    store.add([make_article("نص")], "text.v1")  # make_article's origin is "<test>"
    assert store.failures() == []
    assert list(store.ids_with_pipeline("text.v1")) == [make_article("نص").id]
    assert list(store.ids_with_pipeline("other")) == []


def test_events_keep_the_contract_key_order(store, make_article):
    article = make_article("نص الخبر")
    event = Event(id="ev_1", article_id=article.id, type="other", certainty="reported")
    store.add([replace(article, events=(event,))], "p")
    assert list(next(iter(store.iter_events()))) == list(to_dict(event))


def test_unreachable_postgres_is_a_clear_error():
    from marsad.api.background import free_port

    with pytest.raises(StoreError, match="cannot use database"):
        Store.open(f"postgresql://nobody@127.0.0.1:{free_port()}/none")
