import json
from dataclasses import replace
from pathlib import Path

import pytest

from marsad.cli.main import app
from marsad.model import Span
from marsad.store import Store

GOLD = Path(__file__).resolve().parents[2] / "gold" / "incidents" / "saudinewsnet.jsonl"
TEXTS = {
    "Orient Net": "قتل 12 مدنيا في غارة جوية لطيران النظام على حي الشعار في مدينة حلب",
    "Enab Baladi": "ارتفع عدد ضحايا غارة طيران النظام على حي الشعار في حلب إلى 15 قتيلا",
}


@pytest.fixture
def db(tmp_path, make_article, make_event):
    path = tmp_path / "m.db"
    articles = []
    for n, (outlet, text) in enumerate(TEXTS.items(), 1):
        article = make_article(text, outlet=outlet)
        event = make_event(f"e{n}", article=article.id, outlet=outlet, killed=11 + n,
                           perpetrator="Military Forces of Syria",
                           sources=(("observers", "Syrian Observatory for Human Rights"),))
        articles.append(replace(article, events=(replace(event,
                                                         evidence=(Span(0, len(text)),)),)))
    with Store.open(path) as store:
        store.add(articles, "p")
    return str(path)


def lines(output):
    return [json.loads(x) for x in output.splitlines() if x.strip()]


def test_incidents_links_then_lists_contract_json(runner, db):
    result = runner.invoke(app, ["incidents", "--db", db, "--no-embeddings"])
    assert result.exit_code == 0, result.output
    (incident,) = lines(result.stdout)
    assert {"id", "type", "date", "location", "event_ids", "article_ids", "outlets",
            "corroboration", "disputes"} <= set(incident)
    assert incident["event_ids"] == ["e1", "e2"]
    assert incident["corroboration"]["independent_outlets"] == 2
    assert incident["corroboration"]["anonymous_only"] is False
    assert incident["disputes"][0]["field"] == "fatalities"
    assert "2 events, 2 to link; 1 incidents" in result.stderr
    again = runner.invoke(app, ["incidents", "--db", db, "--no-embeddings"])
    assert "0 to link" in again.stderr and lines(again.stdout) == [incident]


def test_link_only_list_only_and_filters(runner, db):
    listed = runner.invoke(app, ["incidents", "--db", db, "--list-only"])
    assert listed.exit_code == 0 and listed.stdout == ""
    assert "link first" in listed.stderr
    linked = runner.invoke(app, ["incidents", "--db", db, "--link-only", "--no-embeddings"])
    assert linked.exit_code == 0 and linked.stdout == ""
    assert len(lines(runner.invoke(app, ["incidents", "--db", db, "--list-only"]).stdout)) == 1
    none = runner.invoke(app, ["incidents", "--db", db, "--list-only", "--min-outlets", "3"])
    assert none.stdout == "" and "no incident matches" not in none.stderr
    bad = runner.invoke(app, ["incidents", "--db", db, "--list-only", "--link-only"])
    assert bad.exit_code != 0


def test_export_incidents_to_a_file(runner, db, tmp_path):
    runner.invoke(app, ["incidents", "--db", db, "--link-only", "--no-embeddings"])
    out = tmp_path / "incidents.jsonl"
    result = runner.invoke(app, ["export", "incidents", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 incidents exported" in result.stderr
    (incident,) = lines(out.read_text(encoding="utf-8"))
    assert incident["outlets"] == ["Enab Baladi", "Orient Net"]
    to_stdout = runner.invoke(app, ["export", "incidents", "--db", db, "--country", "SY"])
    assert lines(to_stdout.stdout) == [incident]


def test_missing_database_is_one_clear_line(runner, tmp_path):
    result = runner.invoke(app, ["incidents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "none.db").exists()
    result = runner.invoke(app, ["export", "incidents", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2


def test_eval_incidents_rejects_bad_options(runner, tmp_path):
    assert runner.invoke(app, ["eval", "incidents", str(GOLD), "--mode", "x"]).exit_code != 0
    assert runner.invoke(app, ["eval", "incidents", str(GOLD), "--split", "x"]).exit_code != 0
    missing = runner.invoke(app, ["eval", "incidents", str(tmp_path / "no.jsonl")])
    assert missing.exit_code == 2 and "no such gold file" in missing.stderr
