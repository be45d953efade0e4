"""Runner test fixtures: a folder of mixed inputs, and the test stages on ``sys.path``."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

PLACES = ["حلب", "إدلب", "تدمر", "الرقة", "دير الزور", "حماة", "درعا", "اللاذقية"]


def report(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return f"قال مصدر محلي إن قصفاً استهدف {place} صباح اليوم رقم {i}. وأضاف أن الأهالي نزحوا."


def jsonl_lines(n: int, start: int = 0) -> list[str]:
    return [json.dumps({"text": report(start + i), "source": "وكالة", "date": "2016-12-20"},
                       ensure_ascii=False) for i in range(n)]


def write_inputs(folder: Path, *, jsonl_records: int = 30) -> Path:
    """Every input format with some bad inputs among them; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(f"---\ntitle: عنوان\noutlet: أورينت\n---\n{report(100)}",
                                  encoding="utf-8")
    (folder / "b.md").write_text(f"# خبر عاجل\n\n**{report(101)}**\n", encoding="utf-8")
    (folder / "c.json").write_text(json.dumps(
        [{"content": report(200 + i), "source": "sabq", "date_extracted": "2015-07-21 10:00:00"}
         for i in range(5)] + [{"title": "بلا نص"}], ensure_ascii=False), encoding="utf-8")
    lines = jsonl_lines(jsonl_records, start=300)
    lines.insert(7, "")
    lines.insert(12, "{not json")
    lines.insert(20, json.dumps({"text": "RAISE-HERE " + report(399)}, ensure_ascii=False))
    lines.append(lines[0])  # the same article twice
    (folder / "d.jsonl").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    (folder / "e.csv").write_text("text,outlet\n" + "".join(
        f'"{report(500 + i)}",عنب بلدي\n' for i in range(4)), encoding="utf-8")
    with zipfile.ZipFile(folder / "f.zip", "w") as archive:
        archive.writestr("day.json", json.dumps([{"content": report(600 + i)} for i in range(7)],
                                                ensure_ascii=False))
        archive.writestr("note.txt", report(700))
        archive.writestr("image.png", b"\x89PNG")
    (folder / "g.jsonl.gz").write_bytes(gzip.compress("\n".join(jsonl_lines(3, 800)).encode()))
    (folder / "h.txt").write_bytes(b"")
    (folder / "i.zip").write_bytes(b"PK not really")
    return folder


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    return write_inputs(tmp_path / "inputs")


@pytest.fixture
def test_stages(monkeypatch: pytest.MonkeyPatch):
    """``marsad_test_stages`` importable here and in Dask workers started from here."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    import marsad_test_stages

    marsad_test_stages.SEEN.clear()
    return marsad_test_stages
