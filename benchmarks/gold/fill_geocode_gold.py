"""Fill the gold coordinates of geocode-gold.src.jsonl from the raw sources it names.

Each source line names its reference in ``ref``:
  ``geonames:NAME@CC`` or ``geonames:ID``  -> the row of
                                             ../shared/data/geo/cities500_SY_IQ_LB_JO_TR_PS_IL.tsv
                                            (NAME must match exactly one Arabic name in CC)
  ``opensyria:PCODE``                       -> Open-Syria governorate/district/subdistrict centroid
  ``airportsdata:ICAO``                     -> the airportsdata package record
This reads only those raw sources -- never marsad's gazetteer or output -- and writes
geocode-gold.jsonl beside this file. Run: python benchmarks/gold/fill_geocode_gold.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MARSAD_SHARED_DATA") or HERE.parents[2] / "shared" / "data")


def load_sources() -> tuple[dict, dict, dict]:
    text = (SHARED / "geo" / "cities500_SY_IQ_LB_JO_TR_PS_IL.tsv").read_text(encoding="utf-8")
    geonames = {}
    by_name: dict[tuple[str, str], list[dict]] = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        geonames[row["geonameid"]] = row
        for n in row["arabic_names"].split("|"):
            if n:
                by_name.setdefault((n, row["countrycode"]), []).append(row)
    opensyria = {}
    for f in ("governorates", "districts", "subdistricts"):
        path = SHARED / "geo" / "opensyria" / "data" / f"{f}.json"
        for rec in json.loads(path.read_text(encoding="utf-8")):
            opensyria[rec["externalIds"]["ochaPcode"]] = rec
    return geonames, by_name, opensyria


def resolve(ref: str, geonames: dict, by_name: dict, opensyria: dict) -> tuple[float, float, str]:
    kind, _, key = ref.partition(":")
    if kind == "geonames":
        if key.isdigit():
            row = geonames[key]
        else:
            name, _, cc = key.rpartition("@")
            rows = by_name.get((name, cc), [])
            if len(rows) != 1:
                raise SystemExit(f"{ref}: {len(rows)} GeoNames rows; give the id instead")
            row = rows[0]
        return float(row["latitude"]), float(row["longitude"]), f"geonames:{row['geonameid']}"
    if kind == "opensyria":
        c = opensyria[key]["centroid"]
        return float(c["latitude"]), float(c["longitude"]), f"opensyria:{key}"
    if kind == "airportsdata":
        import airportsdata

        a = airportsdata.load("ICAO")[key]
        return float(a["lat"]), float(a["lon"]), f"airportsdata:{key}"
    raise SystemExit(f"unknown ref {ref!r}")


def main() -> None:
    geonames, by_name, opensyria = load_sources()
    out = []
    for line in (HERE / "geocode-gold.src.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if "ref" in item:
            lat, lon, source = resolve(item.pop("ref"), geonames, by_name, opensyria)
            item.update(lat=round(lat, 5), lon=round(lon, 5), source=source)
        out.append(json.dumps(item, ensure_ascii=False))
    (HERE / "geocode-gold.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} gold items", file=sys.stderr)


if __name__ == "__main__":
    main()
