import json
import shutil
from pathlib import Path

from marsad.cli.main import app
from marsad.store import migrate

FOUNDATION_DB = Path(__file__).parents[1] / "store" / "data" / "foundation.sqlite"


def test_db_upgrade_status_and_downgrade(runner, tmp_path):
    db = str(tmp_path / "old.db")
    shutil.copy(FOUNDATION_DB, db)
    result = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"backend": "sqlite", "before": "0001_foundation",
                                         "after": migrate.head_revision(),
                                         "head": migrate.head_revision()}
    status = json.loads(runner.invoke(app, ["db", "status", "--db", db]).stdout)
    assert status["articles"] == 2 and status["revision"] == migrate.head_revision()
    again = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert "up to date" in again.stderr
    down = runner.invoke(app, ["db", "downgrade", "--db", db, "--to", "0001_foundation"])
    assert json.loads(down.stdout)["after"] == "0001_foundation"
    bad = runner.invoke(app, ["db", "downgrade", "--db", db, "--to", "0042_nothing"])
    assert bad.exit_code == 2 and "unknown schema revision" in bad.stderr


def test_db_status_of_a_missing_file(runner, tmp_path):
    result = runner.invoke(app, ["db", "status", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
