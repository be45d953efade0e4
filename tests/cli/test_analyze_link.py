"""``marsad demo --db`` links incidents at the end; ``marsad analyze --db --link`` too."""

from marsad.cli.main import app
from marsad.store import Store


def linked(db):
    with Store.open(db) as store:
        events = list(store.iter_events())
        incidents = list(store.iter_incidents())
    return events, incidents


def test_demo_with_db_links_every_event_into_an_incident(runner, tmp_path):
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    events, incidents = linked(db)
    assert events and all(e["incident_id"] for e in events)
    assert sorted(e for i in incidents for e in i["event_ids"]) == sorted(e["id"] for e in events)
    assert f"{len(incidents)} incidents" in result.stderr
    again = runner.invoke(app, ["demo", "--db", str(db)])  # a rerun changes nothing
    assert again.exit_code == 0 and "0 new or changed" in again.stderr
    assert linked(db) == (events, incidents)


def test_analyze_links_only_when_asked(runner, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("قصفت طائرات حربية مدينة إدلب يوم الخميس 15 كانون الأول 2016، ما أدى إلى "
                    "مقتل 5 مدنيين، بحسب المرصد السوري لحقوق الإنسان.", encoding="utf-8")
    plain, with_link = tmp_path / "plain.db", tmp_path / "linked.db"
    args = ["analyze", str(text), "--published", "2016-12-16"]
    assert runner.invoke(app, [*args, "--db", str(plain)]).exit_code == 0
    result = runner.invoke(app, [*args, "--db", str(with_link), "--link"])
    assert result.exit_code == 0, result.stderr
    assert linked(plain)[1] == []
    events, incidents = linked(with_link)
    assert len(incidents) == len(events) >= 1 and all(e["incident_id"] for e in events)
    refused = runner.invoke(app, [*args, "--link"])
    assert refused.exit_code == 2 and "add --db FILE" in refused.stderr
