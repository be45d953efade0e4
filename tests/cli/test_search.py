import json

from marsad.cli.main import app


def test_search_finds_stored_articles_by_normalised_words(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("سيطر التنظيم على مدينة تَدْمُر.", encoding="utf-8")
    (folder / "b.txt").write_text("غارات على أدلب.", encoding="utf-8")
    db = str(tmp_path / "m.db")
    runner.invoke(app, ["analyze", str(folder), "--db", db])
    result = runner.invoke(app, ["search", "تدمر", "--db", db])
    (hit,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert hit["matches"][0]["text"] == "تَدْمُر"
    assert "تَدْمُر" in hit["snippet"]
    result = runner.invoke(app, ["search", "إدلب", "--db", db])
    assert len(result.stdout.splitlines()) == 1
    result = runner.invoke(app, ["search", "حلب", "--db", db])
    assert result.stdout == "" and "no stored article" in result.stderr


def test_search_on_missing_db_is_an_error(runner, tmp_path):
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
