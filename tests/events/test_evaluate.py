import dataclasses
import datetime as dt
import json

import pytest

from marsad.errors import GoldError
from marsad.events.evaluate import ARGUMENTS, _check_system, read_system, score_events
from marsad.events.gold import GoldArticle, Reference
from marsad.model import (
    Actor,
    Cue,
    DateValue,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    Weapon,
    to_dict,
)

TEXT = ("قال المرصد إن غارات استهدفت حلب أمس وقتلت 12 مدنيا. "
        "ودارت اشتباكات بين داعش والمعارضة في مارع.")
AIR = Span(0, TEXT.index(".") + 1)
CLASH = Span(AIR.end + 1, len(TEXT))


def sp(text, n=1):
    start = -1
    for _ in range(n):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text))


def strike(**changes):
    base = Event(
        id="g1", article_id="ar", type="air_strike", evidence=(AIR,),
        trigger=Cue("غارات", sp("غارات")),
        actors=(Actor("actor2", "Civilians", "مدنيا", 7, sp("مدنيا")),),
        location=Place("Aleppo", lat=36.2, lon=37.16, gazetteer_id="geonames:170063",
                       precision=1, text="حلب", span=sp("حلب")),
        date=DateValue(dt.date(2015, 7, 22), dt.date(2015, 7, 22), dt.date(2015, 7, 22), 1,
                       "أمس", sp("أمس")),
        fatalities=Quantity(12, 12, 12, "12", sp("12")),
        weapons=(Weapon("aircraft", "combat_aircraft", "غارات", sp("غارات")),),
        sources=(Source("observers", "SOHR", "المرصد", sp("المرصد")),),
        certainty="reported")
    return dataclasses.replace(base, **changes)


def clash(**changes):
    base = Event(
        id="g2", article_id="ar", type="battle", evidence=(CLASH,),
        trigger=Cue("اشتباكات", sp("اشتباكات")),
        actors=(Actor("actor1", "Islamic State", "داعش", 2, sp("داعش")),
                Actor("actor2", "Syrian opposition", "المعارضة", 2, sp("المعارضة"))),
        location=Place("Marea", lat=36.48, lon=37.20, precision=1, text="مارع",
                       span=sp("مارع")),
        date=DateValue(dt.date(2015, 7, 23), dt.date(2015, 7, 22), dt.date(2015, 7, 23), 2,
                       inherited=True),
        certainty="asserted", historical=True)
    return dataclasses.replace(base, **changes)


def gold_article(events, key="k", text=TEXT, region=None):
    from marsad.ingest import IngestOptions, make_article

    article = make_article(text, origin="<t>", options=IngestOptions(), outlet="T",
                           published="2015-07-23")
    events = tuple(dataclasses.replace(e, article_id=article.id) for e in events)
    return GoldArticle(key, "dev", "test", Reference("file", "x"), article,
                       region or Span(0, len(text)), events)


def system_for(gold, *events):
    return {gold.article.id: [dataclasses.replace(e, article_id=gold.article.id,
                                                  id=f"s{i}") for i, e in
                              enumerate(events)]}


def test_a_perfect_system_scores_one_everywhere():
    gold = gold_article([strike(), clash()])
    result = score_events([gold], system_for(gold, clash(), strike()))
    assert result["detection"]["f1"] == 1.0
    assert result["type"] == {"accuracy": 1.0, "macro_f1": 1.0,
                              "per_type": result["type"]["per_type"]}
    assert {a: v["f1"] for a, v in result["arguments"].items()} == dict.fromkeys(ARGUMENTS,
                                                                                  1.0)
    assert result["targets"]["met"] is True


def test_no_system_events_scores_zero_and_counts_the_gold():
    gold = gold_article([strike(), clash()])
    result = score_events([gold], {})
    assert result["detection"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0,
                                   "fp": 0, "fn": 2}
    assert result["type"]["macro_f1"] == 0.0
    assert result["arguments"]["actors"]["fn"] == 3
    assert result["arguments"]["historical"]["fn"] == 1
    assert result["counts"]["gold_events"] == 2 and result["counts"]["system_events"] == 0
    assert result["targets"]["met"] is False


def test_an_extra_event_in_a_negative_article_is_a_false_positive():
    negative = gold_article([], key="neg")
    result = score_events([negative], system_for(negative, strike()))
    assert result["detection"]["fp"] == 1 and result["detection"]["precision"] == 0.0
    assert result["type"]["per_type"]["air_strike"]["fp"] == 1
    assert result["arguments"]["location"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                               "tp": 0, "fp": 1, "fn": 0}
    assert result["counts"]["negative_articles"] == 1


def test_a_missed_event_costs_recall_of_its_type_and_arguments():
    gold = gold_article([strike(), clash()])
    result = score_events([gold], system_for(gold, strike()))
    assert result["detection"]["recall"] == 0.5 and result["detection"]["precision"] == 1.0
    assert result["type"]["per_type"]["battle"]["fn"] == 1
    assert result["type"]["macro_f1"] == 0.5
    assert result["arguments"]["actors"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["aligned_arguments"]["actors"]["recall"] == 1.0


def test_partial_arguments_are_counted_one_by_one():
    wrong_place = Place("Azaz", lat=36.58, lon=37.05, text="حلب", span=sp("حلب"))
    system = strike(location=wrong_place, fatalities=None, weapons=(),
                    sources=(Source("anonymous", None, "المرصد", sp("المرصد")),),
                    date=DateValue(dt.date(2015, 7, 21), dt.date(2015, 7, 21),
                                   dt.date(2015, 7, 22), 2))
    gold = gold_article([strike()])
    result = score_events([gold], system_for(gold, system))
    args = result["arguments"]
    assert (args["location"]["tp"], args["location"]["fp"], args["location"]["fn"]) == (0, 1, 1)
    assert args["date"]["f1"] == 1.0
    assert (args["fatalities"]["fp"], args["fatalities"]["fn"]) == (0, 1)
    assert args["weapons"]["recall"] == 0.0 and args["weapons"]["fp"] == 0
    assert args["sources"]["tp"] == 0
    assert result["diagnostics"]["sources_any_kind"]["tp"] == 1
    assert args["certainty"]["f1"] == 1.0


def test_a_mistyped_event_is_aligned_but_counts_against_both_types():
    gold = gold_article([strike()])
    result = score_events([gold], system_for(gold, strike(type="shelling")))
    assert result["detection"]["f1"] == 1.0
    assert result["type"]["accuracy"] == 0.0
    per = result["type"]["per_type"]
    assert per["air_strike"]["fn"] == 1 and per["shelling"]["fp"] == 1
    assert result["type"]["macro_f1"] == 0.0


def test_battle_roles_are_interchangeable_and_a_duplicate_is_counted():
    gold = gold_article([clash()])
    swapped = clash(actors=tuple(dataclasses.replace(a, role="actor2" if a.role == "actor1"
                                                     else "actor1") for a in clash().actors))
    result = score_events([gold], system_for(gold, swapped, clash()))
    assert result["arguments"]["actors"]["recall"] == 1.0
    assert result["counts"]["duplicates"] == 1
    assert result["detection"]["fp"] == 1


def test_events_outside_the_region_are_ignored():
    gold = gold_article([strike()], region=Span(0, AIR.end))
    result = score_events([gold], system_for(gold, strike(), clash()), per_article=True)
    assert result["detection"]["fp"] == 0
    assert result["counts"]["system_events_outside_region"] == 1
    assert result["articles"][0]["aligned"][0]["gold"] == "g1"


def test_system_files_of_events_or_articles_are_read(tmp_path):
    gold = gold_article([strike()])
    event = dataclasses.replace(strike(), article_id=gold.article.id)
    events_file = tmp_path / "events.jsonl"
    events_file.write_text(json.dumps(to_dict(event), ensure_ascii=False) + "\n\n",
                           encoding="utf-8")
    articles_file = tmp_path / "articles.jsonl"
    articles_file.write_text(json.dumps({"id": gold.article.id, "text": TEXT,
                                         "events": [to_dict(event)]}, ensure_ascii=False),
                             encoding="utf-8")
    for path in (events_file, articles_file):
        system = read_system(path)
        assert score_events([gold], system)["detection"]["f1"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.jsonl:1"):
        read_system(bad)


def test_system_events_that_do_not_fit_the_text_are_refused():
    gold = gold_article([strike()])
    shifted = strike(trigger=Cue("غارات", Span(0, 5)))
    with pytest.raises(GoldError, match="another version"):
        _check_system([gold], system_for(gold, shifted))
