import json
import pickle
from dataclasses import replace
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.ingest import IngestOptions, read_inputs
from marsad.ingest.parts import Part, line_ranges, plan_parts, read_plan, singletons, take_part
from marsad.model import to_dict

OPTIONS = IngestOptions()


def shape(result):
    """Comparable form of a read result."""
    if isinstance(result, InputError):
        return ("error", result.origin, result.reason)
    return ("article", to_dict(result))


def write_folder(folder):
    import gzip
    import zipfile

    folder.mkdir()
    (folder / "a.txt").write_text("---\ntitle: عنوان\n---\nقصف على حلب.", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(
        [{"content": f"خبر {i} عن إدلب", "source": "sabq"} for i in range(5)] + [{"x": 1}],
        ensure_ascii=False), encoding="utf-8")
    (folder / "c.jsonl").write_text("\ufeff" + "\n".join(
        [json.dumps({"text": f"سطر {i} من تدمر"}, ensure_ascii=False) for i in range(40)]
        + ["", "{bad", json.dumps({"text": "الأخير"}, ensure_ascii=False)]), encoding="utf-8")
    (folder / "d.csv").write_text("text\nنص أول\nنص ثان\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "e.zip", "w") as archive:
        archive.writestr("z.json", json.dumps([{"text": "في الأرشيف"}, {"text": "ثان"}],
                                              ensure_ascii=False))
        archive.writestr("a.txt", "نص في الأرشيف")
        archive.writestr(".hidden.txt", "مخفي")
        archive.writestr("pic.png", b"\x89PNG")
    (folder / "f.jsonl.gz").write_bytes(gzip.compress(b'{"text": "gz"}\n'))
    (folder / "g.txt").write_bytes(b"")
    (folder / "h.zip").write_bytes(b"PK broken")
    (folder / "empty").mkdir()
    return folder


def test_reading_every_part_in_order_equals_read_inputs(tmp_path):
    folder = write_folder(tmp_path / "in")
    paths = [str(folder), str(folder / "c.jsonl"), str(tmp_path / "missing.txt"),
             str(folder / "empty")]
    expected = [shape(r) for r in read_inputs(paths, OPTIONS)]
    for bytes_per_part in (None, 10**6, 64, 1):
        parts = plan_parts(paths, OPTIONS, bytes_per_part=bytes_per_part)
        assert [shape(r) for r in read_plan(parts, OPTIONS)] == expected
    assert any("missing.txt" in e[1] and "does not exist" in e[2] for e in expected)
    assert any("h.zip" in e[1] and "ZIP" in e[2] for e in expected)


def drain(parts, records_per_part):
    """Every part read the worker's way, follow-up parts taken right after their parent."""
    out = []
    queue = list(parts)
    while queue:
        part = queue.pop(0)
        pickle.loads(pickle.dumps(part))  # parts travel to workers
        results, more = take_part(part, OPTIONS, records_per_part)
        out.extend(shape(r) for r in results)
        queue[:0] = more
    return out


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.integers(1, 7), cut=st.sampled_from([None, 1, 50, 300]))
def test_workers_cutting_parts_read_the_same(tmp_path, records, cut):
    folder = tmp_path / "in"
    if not folder.exists():
        write_folder(folder)
    expected = [shape(r) for r in read_inputs([str(folder)], OPTIONS)]
    assert drain(plan_parts([str(folder)], OPTIONS, bytes_per_part=cut), records) == expected


def test_long_parts_are_cut_and_share_out_the_size(tmp_path):
    folder = write_folder(tmp_path / "in")
    (part,) = [p for p in plan_parts([str(folder)], OPTIONS) if p.path.endswith("b.json")]
    results, more = take_part(part, OPTIONS, 2)
    assert results == []
    assert [(p.start, p.stop) for p in more] == [(0, 2), (2, 4), (4, 6)]
    assert part.size - 3 < sum(p.size for p in more) <= part.size
    results, more = take_part(replace(part, start=1, stop=5), OPTIONS, 2)
    assert [(p.start, p.stop) for p in more] == [(1, 3), (3, 5)]
    results, more = take_part(more[0], OPTIONS, 2)
    assert [r.text for r in results] == ["خبر 1 عن إدلب", "خبر 2 عن إدلب"] and more == []


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.text(alphabet="ab\u0628 {}", max_size=12), max_size=30),
       cut=st.integers(1, 40), trailing=st.booleans())
def test_line_ranges_cut_after_newlines_and_number_lines(tmp_path_factory, lines, cut,
                                                          trailing):
    path = tmp_path_factory.mktemp("lines") / "x.jsonl"
    data = ("\n".join(lines) + ("\n" if trailing else "")).encode()
    path.write_bytes(data)
    ranges = line_ranges(path, len(data), cut)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    for (s, e, line), (s2, _, line2) in pairwise(ranges):
        assert e == s2 and data[e - 1:e] == b"\n"
        assert line2 == line + data[s:e].count(b"\n")


def test_singletons_cut_records_and_lines(tmp_path):
    folder = write_folder(tmp_path / "in")
    parts = plan_parts([str(folder)], OPTIONS, bytes_per_part=200)
    json_part = next(p for p in parts if p.path.endswith("b.json"))
    pieces = singletons(json_part, OPTIONS)
    assert [(p.start, p.stop) for p in pieces] == [(i, i + 1) for i in range(6)]
    lines_part = next(p for p in parts if p.unit == "lines")
    pieces = singletons(lines_part, OPTIONS)
    assert len(pieces) > 1 and [p.line for p in pieces] == list(
        range(lines_part.line, lines_part.line + len(pieces)))
    together = [shape(r) for piece in pieces for r in read_plan([piece], OPTIONS)]
    assert together == [shape(r) for r in read_plan([lines_part], OPTIONS)]
    single_file = next(p for p in parts if p.path.endswith("a.txt"))
    assert singletons(single_file, OPTIONS) == [single_file]


def test_stdin_cannot_be_planned():
    import pytest

    with pytest.raises(InputError, match="standard input"):
        plan_parts(["-"], OPTIONS)


def test_part_names_itself_for_messages():
    assert Part("a.jsonl", unit="lines", start=10, stop=20, line=3).describe() == (
        "a.jsonl (bytes 10-20, from line 3)")
    assert Part("d.zip", member="x.json", start=200).describe() == "d.zip:x.json (records 200-end)"
