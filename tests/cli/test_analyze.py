import json
import subprocess
import sys

from marsad.cli.main import app


def articles_of(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write_bad_and_good(folder):
    folder.mkdir()
    (folder / "good1.txt").write_text("قال مصدر إن التنظيم انسحب من تدمر.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.html").write_text("<html><body><script>x()</script", encoding="utf-8")
    (folder / "good2.txt").write_bytes("مصادر أمنية: قتلى في إدلب".encode("cp1256"))
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    import random

    rng = random.Random(3)
    pool = list(range(0x20, 0x7F)) + list(range(0x80, 0x100))
    (folder / "unknown.txt").write_bytes(bytes(rng.choice(pool) for _ in range(3000)))


def test_bad_inputs_each_get_one_line_and_good_ones_are_stored(runner, tmp_path):
    folder = tmp_path / "in"
    write_bad_and_good(folder)
    db = tmp_path / "out.db"
    result = runner.invoke(app, ["analyze", str(folder), "--format", "articles", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert sorted(a["text"] for a in articles_of(result.stdout)) == sorted(
        ["قال مصدر إن التنظيم انسحب من تدمر.", "مصادر أمنية: قتلى في إدلب"])
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("marsad: skipped")]
    assert len(lines) == 5
    for name, why in [("empty.txt", "empty"), ("binary.txt", "binary"),
                      ("broken.html", "no article text"), ("huge.txt", "50.0 MB"),
                      ("unknown.txt", "encoding")]:
        assert any(name in ln and why in ln for ln in lines), (name, lines)
    assert "2 articles" in result.stderr and "5 inputs failed" in result.stderr
    from marsad.store import Store

    with Store.open(db) as store:
        assert store.counts() == {"articles": 2, "events": 0, "failures": 5}


def test_rerun_with_db_reads_back_instead_of_reanalysing(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قصف على حلب", encoding="utf-8")
    db = str(tmp_path / "m.db")
    first = runner.invoke(app, ["analyze", str(folder), "--db", db, "--format", "articles"])
    second = runner.invoke(app, ["analyze", str(folder), "--db", db, "--format", "articles"])
    assert "(0 already stored)" in first.stderr and "(1 already stored)" in second.stderr
    assert articles_of(first.stdout) == articles_of(second.stdout)


def test_nothing_readable_exits_non_zero(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr


def test_bad_options_are_explained(runner, tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--published", "20/12/2016"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--field", "body=x"])
    assert result.exit_code == 2 and "FIELD=NAME" in result.stderr
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--config",
                                 str(tmp_path / "none.toml")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_field_option_and_metadata_flags(runner, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"body_ar": "نص الخبر", "site": "Step"}\n', encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--field", "text=body_ar", "--format",
                                 "articles", "--published", "2016-12-01", "--outlet", "X"])
    (article,) = articles_of(result.stdout)
    assert article["text"] == "نص الخبر" and article["outlet"] == "Step"
    assert article["published"] == "2016-12-01"


def test_save_intermediate_writes_each_stage(runner, tmp_path):
    (tmp_path / "a.txt").write_text("نص قصير.", encoding="utf-8")
    out = tmp_path / "inter"
    runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--save-intermediate", str(out)])
    first = sorted(out.iterdir())[0]  # one file per stage; text.v1 comes first
    assert first.name == "01-text.v1.jsonl"
    assert json.loads(first.read_text(encoding="utf-8"))["sentences"] == [[0, 8]]


def test_stdin_and_installed_command(tmp_path):
    text = "دمشق - سانا\nقال مصدر عسكري إن الجيش استعاد السيطرة."
    proc = subprocess.run(
        [sys.executable, "-m", "marsad.cli.main", "analyze", "-", "--format", "articles"],
        input=text.encode("cp1256"),
        capture_output=True, check=True,
    )
    (article,) = articles_of(proc.stdout.decode())
    assert article["text"].startswith("دمشق - سانا") and article["lang"] == "ar"
    assert article["sentences"] == [[0, 11], [12, len(text)]]


def test_demo_runs_on_bundled_samples(runner):
    result = runner.invoke(app, ["demo", "--format", "articles"])
    assert result.exit_code == 0, result.stderr
    articles = articles_of(result.stdout)
    assert len(articles) == 7
    assert {a["outlet"] for a in articles} >= {"Orient Net", "Zaman al-Wasl", "Enab Baladi"}
    assert all(a["errors"] == [] for a in articles)
