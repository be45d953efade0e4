"""The gazetteer: entries with coordinates and admin levels, indexed by folded name keys.

The packaged gazetteer is compiled by ``marsad geo build`` (see :mod:`marsad.geo.build`)
into ``resources/geo/gazetteer.tsv.gz``; tests build tiny ones with :meth:`Gazetteer.of`.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.errors import GazetteerError
from marsad.geo.names import joined_key, name_key, skeleton

# Features and the ACLED geo_precision a bare mention of them gets.
POINT_FEATURES = frozenset({
    "city", "town", "village", "neighbourhood", "airbase", "airport", "oilfield", "gasfield",
    "dam", "camp", "mountain", "hill", "military_base", "site", "border_crossing", "island",
})
AREA_FEATURES = {"region": 2, "district": 2, "subdistrict": 2, "governorate": 3, "country": 3}
FEATURES = POINT_FEATURES | set(AREA_FEATURES)

COMMON_FILE = "common_words.tsv"
# Latin transliteration fallbacks (consonant skeletons) only reach the region's places.
LOOSE_COUNTRIES = frozenset({"SY", "IQ", "LB", "JO", "TR", "PS", "IL"})
COLUMNS = ("id", "name", "name_ar", "lat", "lon", "country", "admin1", "admin2", "feature",
           "population", "names", "source")


@dataclass(frozen=True, eq=False)
class Entry:
    """One gazetteer record."""

    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    country: str
    admin1: str | None = None
    admin2: str | None = None
    feature: str = "village"
    population: int = 0
    names: tuple[str, ...] = ()
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def precision(self) -> int:
        """ACLED geo_precision of a bare mention of this entry."""
        return AREA_FEATURES.get(self.feature, 1)

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES

    def all_names(self) -> Iterator[str]:
        yield self.name
        if self.name_ar:
            yield self.name_ar
        yield from self.names


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Entries indexed by name key; :meth:`lookup` returns every entry a key may mean."""

    def __init__(self, entries: Iterable[Entry], *, origin: str = "<memory>",
                 common: Iterable[str] = ()) -> None:
        self.entries: list[Entry] = list(entries)
        self.origin = origin
        # one-word names that are mostly ordinary words (see marsad.geo.build.common_words)
        self.common: frozenset[str] = frozenset(common)
        self.by_id: dict[str, Entry] = {}
        self._keys: dict[tuple[str, ...], list[Entry]] = {}
        self._skeletons: dict[tuple[str, ...], list[Entry]] = {}
        self.max_tokens = 1
        for entry in self.entries:
            self.by_id[entry.id] = entry
            seen: set[tuple[str, ...]] = set()
            for raw in entry.all_names():
                key = name_key(raw)
                if not key:
                    continue
                for k in (key, joined_key(key)):
                    if k and k not in seen:
                        seen.add(k)
                        self._keys.setdefault(k, []).append(entry)
                        self.max_tokens = max(self.max_tokens, len(k))
                sk = skeleton(key)
                if sk != key and sk not in seen and entry.country in LOOSE_COUNTRIES:
                    seen.add(sk)
                    self._skeletons.setdefault(sk, []).append(entry)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Gazetteer:
        """A gazetteer from entries made in code (tests pass tiny ones)."""
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def names_keys(self) -> Iterator[tuple[str, ...]]:
        return iter(self._keys)

    def lookup(self, key: tuple[str, ...]) -> list[Entry]:
        """Entries whose name folds to ``key`` (exact, after folding)."""
        return self._keys.get(key, [])

    def lookup_loose(self, key: tuple[str, ...]) -> list[Entry]:
        """Entries by Latin consonant skeleton: for transliterations the exact key misses."""
        return self._skeletons.get(skeleton(key), [])

    def lookup_name(self, name: str) -> list[Entry]:
        return self.lookup(name_key(name))


# ------------------------------------------------------------------ reading and writing


def packaged_path() -> Path:
    """The compiled gazetteer shipped in the package."""
    return Path(str(resources.files("marsad").joinpath("resources", "geo", "gazetteer.tsv.gz")))


def _none(value: str) -> str | None:
    return value or None


def read_entries(path: Path) -> Iterator[Entry]:
    """Entries from a compiled gazetteer file (TSV, optionally gzipped, ``#`` comments)."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        handle = opener(path, "rt", encoding="utf-8")
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer file {path} does not exist; build it with "
                             "marsad geo build") from None
    with handle:
        header: list[str] | None = None
        for lineno, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                missing = [c for c in COLUMNS if c not in header]
                if missing:
                    raise GazetteerError(f"{path}: header lacks {', '.join(missing)}; "
                                         "rebuild it with marsad geo build")
                continue
            row = dict(zip(header, cells, strict=False))
            try:
                yield Entry(
                    id=row["id"], name=row["name"], name_ar=_none(row["name_ar"]),
                    lat=float(row["lat"]), lon=float(row["lon"]), country=row["country"],
                    admin1=_none(row["admin1"]), admin2=_none(row["admin2"]),
                    feature=row["feature"], population=int(row["population"] or 0),
                    names=tuple(n for n in row["names"].split("|") if n),
                    source=row["source"],
                )
            except (KeyError, ValueError) as exc:
                raise GazetteerError(f"{path}:{lineno}: unreadable row ({exc}); rebuild it "
                                     "with marsad geo build") from None


def format_row(entry: Entry) -> str:
    cells = [entry.id, entry.name, entry.name_ar or "", f"{entry.lat:.5f}", f"{entry.lon:.5f}",
             entry.country, entry.admin1 or "", entry.admin2 or "", entry.feature,
             str(entry.population), "|".join(entry.names), entry.source]
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)


def read_common(path: Path) -> list[str]:
    """The corpus-derived common words beside a compiled gazetteer (none if absent)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.split("\t")[0] for line in lines[1:]
            if line and not line.startswith("#") and not line.startswith("word\t")]


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The compiled gazetteer at ``path`` (default: the packaged one)."""
    p = Path(path) if path else packaged_path()
    return Gazetteer(read_entries(p), origin=str(p), common=read_common(p.with_name(COMMON_FILE)))


@lru_cache(maxsize=4)
def cached_gazetteer(path: str | None = None) -> Gazetteer:
    """One gazetteer per path per process (stages and CLI share it)."""
    return load_gazetteer(path)
