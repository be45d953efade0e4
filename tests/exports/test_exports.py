"""Exports: ACLED-style CSV, GeoJSON, PLOVER-style and JSON Lines, from a stored database."""

import csv
import io
import json

import pytest

from marsad.cli.main import app
from marsad.exports.acled_csv import ACLED_COLUMNS, acled_row, interaction
from marsad.exports.geojson import feature
from marsad.exports.plover import plover_record
from marsad.exports.records import ArticleInfo
from marsad.model import Event, to_dict

# ACLED's export columns, as its codebook lists them
ACLED_NAMES = (  # noqa: SIM905
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, "
    "sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, "
    "interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, "
    "latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, "
    "timestamp").split(", ")


def event_and_article(sample_articles, event_id):
    for article in sample_articles:
        for event in article.events:
            if event.id == event_id:
                info = ArticleInfo(id=article.id, text=article.text, title=article.title,
                                   url=article.url, lang=article.lang, stored_at=1482192000)
                return to_dict(event), info
    raise KeyError(event_id)


def test_acled_columns_are_acled_s_names():
    assert list(ACLED_COLUMNS) == ACLED_NAMES


def test_acled_row_of_a_hand_built_event(sample_articles):
    event, article = event_and_article(sample_articles, "ev_s01_seizure")
    row = acled_row(event, article)
    assert row["event_id_cnty"] == "ev_s01_seizure"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2016-12-10", "2016", "1")
    assert row["disorder_type"] == "Strategic developments"
    assert row["sub_event_type"] == "Looting/property destruction"
    assert (row["actor1"], row["inter1"], row["actor2"], row["interaction"]) == (
        "Islamic State", "2", "", "20")
    assert (row["iso"], row["country"], row["region"]) == ("760", "Syria", "Middle East")
    assert (row["admin1"], row["admin2"], row["location"]) == ("Homs", "Tadmur", "Tadmur")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (
        "34.5601", "38.2805", "1")
    assert row["source"] == "Orient Net; مصدر تابع للنظام رفض الكشف عن اسمه (anonymous)"
    assert row["notes"].startswith("كشف مصدر تابع للنظام") and row["notes"].endswith(
        "يوم 10/12/2016.")
    assert row["fatalities"] == ""  # the text gives no count: not 0
    assert row["tags"] == "certainty: reported; weapon: 9K333 Verba (MANPADS)"
    assert row["timestamp"] == "1482192000"


def test_acled_civilian_targeting_associates_and_interaction(sample_articles):
    strike, article = event_and_article(sample_articles, "ev_s03_airstrike")
    row = acled_row(strike, article)
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "7", "78")
    assert row["civilian_targeting"] == "Civilian targeting" and row["fatalities"] == "12"
    assert row["source"] == ("Enab Baladi; Syrian Observatory for Human Rights (observers); "
                             "ناشطون (unspecified)")
    assert " … " in row["notes"]  # two evidence spans
    aid, article = event_and_article(sample_articles, "ev_s06_madaya_aid")
    row = acled_row(aid, article)
    assert (row["actor1"], row["assoc_actor_1"]) == ("Syrian Arab Red Crescent",
                                                     "United Nations")
    assert interaction(None, None) == "" and interaction(7, 1) == "17"


def test_geojson_feature_keeps_unlocated_events():
    event = to_dict(Event(id="ev_x", article_id="ar_x", type="other"))
    assert feature(event) == {"type": "Feature", "id": "ev_x", "geometry": None,
                              "properties": event}


def test_plover_record(sample_articles):
    event, article = event_and_article(sample_articles, "ev_s01_seizure")
    record = plover_record(event, article)
    assert record["event"] == ["COERCE"] and record["quad_code"] == 4
    assert record["date"] == "2016-12-10" and "enddate" not in record
    assert record["source"] == [{"actor_text": "تنظيم الدولة", "identifier_text": "Islamic State",
                                 "inter": 2, "span": event["actors"][0]["span"]}]
    assert record["event_loc"]["geonameid"] == 170017
    assert record["event_loc"]["cc3"] == "SYR"
    assert record["event_text"][0].startswith("كشف مصدر")
    assert record["cite_info"]["url"] == article.url
    old, article = event_and_article(sample_articles, "ev_s01_capture2015")
    record = plover_record(old, article)
    assert record["context"] == ["historical"] and record["enddate"] == "2015-05-31"


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv", "geojson", "plover"])
def test_cli_exports_every_format_to_a_file(runner, sample_db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "events", "--db", str(sample_db), "--format", fmt,
                                 "--type", "airstrike", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "exported 3 events" in result.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["event_type"] for r in rows] == ["Explosions/Remote violence"] * 3
    elif fmt == "geojson":
        collection = json.loads(text)
        assert collection["type"] == "FeatureCollection"
        assert {f["geometry"]["type"] for f in collection["features"]} == {"Point"}
    else:
        records = [json.loads(line) for line in text.splitlines()]
        assert len(records) == 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_filters_and_stdout(runner, sample_db):
    result = runner.invoke(app, ["export", "events", "--db", str(sample_db), "--actor", "داعش",
                                 "--country", "IQ"])
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["id"] == "ev_s05_zahraa"
    result = runner.invoke(app, ["export", "events", "--db", str(sample_db),
                                 "--weapon-category", "MANPADS", "--format", "acled-csv"])
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 2


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "xml"),
    (["--certainty", "sure"], "not one of"),
    (["--from", "2017-01-01", "--to", "2016-01-01"], "swap"),
    (["--bbox", "1,2,3"], "bbox"),
    (["--from", "yesterday"], "YYYY-MM-DD"),
])
def test_cli_bad_options_are_clear_errors(runner, sample_db, args, message):
    result = runner.invoke(app, ["export", "events", "--db", str(sample_db), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_cli_missing_database(runner, tmp_path):
    result = runner.invoke(app, ["export", "events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
