import json
import os
import subprocess
import sys
import time
import urllib.request

from marsad.api.background import free_port
from marsad.cli.main import app


def test_serve_answers_until_stopped(sample_db):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--db", str(sample_db),
         "--port", str(port)], stderr=subprocess.PIPE, text=True,
        env={**os.environ, "MARSAD_API_TOKEN": ""})
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health",
                                            timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert health["events"] == 12 and health["ingest"] is False
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "serving" in err and f"http://127.0.0.1:{port}/" in err


def test_serve_refuses_ingest_without_token(runner, sample_db):
    result = runner.invoke(app, ["serve", "--db", str(sample_db), "--allow-ingest"],
                           env={"MARSAD_API_TOKEN": ""})
    assert result.exit_code == 2 and "needs a token" in result.stderr


def test_serve_refuses_a_missing_database(runner, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
