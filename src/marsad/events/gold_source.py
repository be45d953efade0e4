"""Build the events gold file from the annotators' quotes (offsets are never typed by hand).

Annotators write one TOML file per article (``gold/events/source/KEY.toml``) naming every
span by the text it covers: ``"غارات"`` is the first occurrence inside the event's
evidence (or the only one in the article), ``"غارات@2"`` the second occurrence in the
whole article, and an evidence quote ``"قال مصدر … في المدينة."`` runs from the start of
its first part to the end of its last. Places name a gazetteer row (``geonames:ID`` from
the GeoNames file, ``opensyria:PCODE`` from Open-Syria) whose coordinates are copied in.
``build`` resolves everything against the article text as marsad ingests it, checks the
vocabularies and writes JSON Lines for ``marsad.events.gold.load_gold``::

    python -m marsad.events.gold_source build            # gold/events -> events.jsonl
    python -m marsad.events.gold_source show KEY         # the text with offsets, to annotate
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from marsad.config import shared_data_dir
from marsad.errors import GoldError, MarsadError
from marsad.events.gold import ArticleSource, Reference, text_hash
from marsad.events.taxonomy import actor_conditions, load_taxonomy
from marsad.model import (
    Actor,
    Article,
    Cue,
    DateValue,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    Weapon,
    to_dict,
)
from marsad.pipeline import check_spans

RANGE_SEP = " … "
OCCURRENCE = re.compile(r"^(.*)@(\d+)$", re.S)
ROLES = ("actor1", "actor2", "associated")
SOURCE_KINDS = ("anonymous", "person", "official", "media", "social_media", "observers",
                "unspecified")
CERTAINTIES = ("asserted", "reported", "alleged", "hedged")
WEAPON_CATEGORIES = (
    "small_arms", "light_weapons", "heavy_machine_gun", "artillery", "mortar",
    "rocket_artillery", "missile", "MANPADS", "ATGM", "air_defence", "combat_aircraft",
    "helicopter", "drone", "aerial_bomb", "barrel_bomb", "IED", "VBIED", "suicide_vest",
    "landmine", "grenade", "tank", "armoured_vehicle", "chemical", "ammunition",
    "unspecified",
)
DEFAULT_DIR = Path("gold") / "events"


# ------------------------------------------------------------------ quotes to spans


def _occurrences(text: str, needle: str) -> list[int]:
    out, start = [], text.find(needle)
    while start != -1:
        out.append(start)
        start = text.find(needle, start + 1)
    return out


def resolve_quote(text: str, quote: str, within: Sequence[Span] = ()) -> Span:
    """The span a quote names: ``q@N`` (N-th in the text), else first inside ``within``,
    else the only occurrence in the text; ``a … b`` spans from ``a`` to the end of ``b``."""
    if not quote:
        raise GoldError("empty quote")
    nth = None
    match = OCCURRENCE.match(quote)
    if match:
        quote, nth = match.group(1), int(match.group(2))
    first, _, last = quote.partition(RANGE_SEP)
    starts = _occurrences(text, first)
    if not starts:
        raise GoldError(f"quote {first!r} is not in the text")
    if nth is not None:
        if nth > len(starts):
            raise GoldError(f"quote {first!r} occurs {len(starts)} times, not {nth}")
        start = starts[nth - 1]
    else:
        inside = [s for s in starts for w in within
                  if w.start <= s and s + len(first) <= w.end]
        if inside:
            start = min(inside)
        elif len(starts) == 1:
            start = starts[0]
        else:
            raise GoldError(f"quote {first!r} occurs {len(starts)} times and not inside the "
                            "evidence; add @N for the N-th occurrence")
    if not last:
        return Span(start, start + len(first))
    end = text.find(last, start + len(first))
    if end == -1:
        raise GoldError(f"range end {last!r} does not follow {first!r} in the text")
    return Span(start, end + len(last))


def _quoted(text: str, item: dict[str, Any], within: Sequence[Span]) -> tuple[str | None,
                                                                               Span | None]:
    quote = item.get("text")
    if quote is None:
        return None, None
    span = resolve_quote(text, quote, within)
    return text[span.start:span.end], span


# ------------------------------------------------------------------ gazetteer rows


@dataclass(frozen=True)
class GazetteerRow:
    id: str
    name: str
    name_ar: str | None
    lat: float
    lon: float
    country: str


class GoldGazetteer:
    """GeoNames rows (cities500 file) and Open-Syria units from the shared data folder."""

    GEONAMES = Path("geo") / "cities500_SY_IQ_LB_JO_TR_PS_IL.tsv"
    OPENSYRIA = Path("geo") / "opensyria" / "data"

    def __init__(self, data: str | Path | None = None,
                 rows: Iterable[GazetteerRow] | None = None) -> None:
        self.data = shared_data_dir(data, must_exist=False)
        self._rows = {row.id: row for row in rows} if rows is not None else None

    def _load(self) -> dict[str, GazetteerRow]:
        rows: dict[str, GazetteerRow] = {}
        path = self.data / self.GEONAMES
        try:
            with path.open(encoding="utf-8") as fh:
                for rec in csv.DictReader(fh, delimiter="\t"):
                    arabic = (rec.get("arabic_names") or "").split("|")[0] or None
                    gid = f"geonames:{rec['geonameid']}"
                    rows[gid] = GazetteerRow(gid, rec["name"], arabic, float(rec["latitude"]),
                                             float(rec["longitude"]), rec["countrycode"])
            for unit in ("governorates", "districts", "subdistricts"):
                items = json.loads((self.data / self.OPENSYRIA / f"{unit}.json").read_text(
                    encoding="utf-8"))
                for item in items:
                    pcode = item.get("externalIds", {}).get("ochaPcode")
                    centroid = item.get("centroid") or {}
                    if pcode and "latitude" in centroid:
                        gid = f"opensyria:{pcode}"
                        rows[gid] = GazetteerRow(gid, item["name"]["en"], item["name"].get("ar"),
                                                 float(centroid["latitude"]),
                                                 float(centroid["longitude"]), "SY")
        except OSError as exc:
            raise GoldError(f"cannot read the gazetteer in {self.data / 'geo'} ({exc}); "
                            "pass --data or set $MARSAD_SHARED_DATA") from None
        return rows

    def get(self, gid: str) -> GazetteerRow:
        if self._rows is None:
            self._rows = self._load()
        try:
            return self._rows[gid]
        except KeyError:
            raise GoldError(f"gazetteer id {gid!r} is not in the GeoNames file or "
                            "Open-Syria") from None


# ------------------------------------------------------------------ one event


def _check(value: Any, allowed: Sequence[Any], what: str) -> Any:
    if value not in allowed:
        raise GoldError(f"{what} must be one of {', '.join(map(str, allowed))}, not {value!r}")
    return value


def _date(raw: dict[str, Any] | None, text: str, within: Sequence[Span],
          published: dt.date | None) -> DateValue | None:
    if raw is None:
        return None
    if raw.get("inherited"):
        if published is None:
            raise GoldError("date inherited from the publication date, but the article has none")
        return DateValue(published, published - dt.timedelta(days=1), published, 2,
                         kind="published", inherited=True)
    quote, span = _quoted(text, raw, within)
    derived = bool(raw.get("derived"))
    if (span is None) != derived:
        raise GoldError("a date needs a text quote, or derived = true (known only from "
                        "context) with no quote, or inherited = true")
    value = dt.date.fromisoformat(raw["value"])
    start = dt.date.fromisoformat(raw.get("start", raw["value"]))
    end = dt.date.fromisoformat(raw.get("end", raw["value"]))
    if not start <= value <= end:
        raise GoldError(f"date value {value} is not within [{start}, {end}]")
    return DateValue(value, start, end, _check(raw.get("precision"), (1, 2, 3), "date precision"),
                     quote, span, "context" if derived else raw.get("kind"), inherited=derived)


def _place(raw: dict[str, Any] | None, text: str, within: Sequence[Span],
           gazetteer: GoldGazetteer) -> Place | None:
    if raw is None:
        return None
    quote, span = _quoted(text, raw, within)
    row = gazetteer.get(raw["gaz"]) if raw.get("gaz") else None
    if span is None and not raw.get("inherited"):
        raise GoldError("a location needs a text quote, or inherited = true")
    return Place(
        name=raw.get("name") or (row.name if row else None),
        name_ar=raw.get("name_ar") or (row.name_ar if row else None) or quote,
        lat=row.lat if row else None, lon=row.lon if row else None,
        country=raw.get("country") or (row.country if row else None),
        admin1=raw.get("admin1"), admin2=raw.get("admin2"),
        gazetteer_id=row.id if row else None,
        precision=_check(raw.get("precision"), (1, 2, 3), "location precision"),
        text=quote, span=span, feature=raw.get("feature"),
        inherited=bool(raw.get("inherited")),
    )


def _fatalities(raw: dict[str, Any] | None, text: str,
                within: Sequence[Span]) -> Quantity | None:
    if raw is None:
        return None
    quote, span = _quoted(text, raw, within)
    if span is None:
        raise GoldError("fatalities need a text quote")
    count = int(raw["count"])
    low = int(raw.get("min", count))
    high = None if raw.get("vague") else int(raw.get("max", count))
    if low > count or (high is not None and high < count):
        raise GoldError(f"fatalities count {count} is outside [{low}, {high}]")
    return Quantity(count, low, high, quote, span, "killed")


def build_event(raw: dict[str, Any], article: Article, event_id: str,
                gazetteer: GoldGazetteer) -> Event:
    """One gold event from its quoted annotation."""
    taxonomy = load_taxonomy()
    text = article.text
    kind = taxonomy.get(raw["type"])
    evidence = tuple(resolve_quote(text, q) for q in raw["evidence"])
    if not evidence:
        raise GoldError("an event needs at least one evidence quote")
    trigger_span = resolve_quote(text, raw["trigger"], evidence)
    actors = []
    for item in raw.get("actors", []):
        quote, span = _quoted(text, item, evidence)
        inter = item.get("inter")
        actors.append(Actor(_check(item["role"], ROLES, "actor role"), item["name"], quote,
                            _check(inter, range(1, 9), "inter") if inter is not None else None,
                            span))
    weapons = []
    for item in raw.get("weapons", []):
        quote, span = _quoted(text, item, evidence)
        weapons.append(Weapon(item["name"], _check(item.get("category"), WEAPON_CATEGORIES,
                                                   "weapon category"), quote, span))
    sources = []
    for item in raw.get("sources", []):
        quote, span = _quoted(text, item, evidence)
        sources.append(Source(_check(item["kind"], SOURCE_KINDS, "source kind"),
                              item.get("name"), quote, span))
    date = _date(raw.get("date"), text, evidence, article.published)
    location = _place(raw.get("location"), text, evidence, gazetteer)
    inherited = tuple(name for name, value in (("date", date), ("location", location))
                      if value is not None and value.inherited)
    conditions = actor_conditions(actors) | set(raw.get("conditions", []))
    plover, _mode = kind.plover_for(conditions)
    return Event(
        id=event_id, article_id=article.id, type=kind.id, outlet=article.outlet,
        published=article.published, acled=kind.acled_for(conditions), plover=plover,
        date=date, actors=tuple(actors), location=location,
        fatalities=_fatalities(raw.get("fatalities"), text, evidence),
        weapons=tuple(weapons), sources=tuple(sources),
        certainty=_check(raw.get("certainty"), CERTAINTIES, "certainty"),
        evidence=evidence, historical=bool(raw.get("historical", False)),
        trigger=Cue(text[trigger_span.start:trigger_span.end], trigger_span),
        inherited=inherited,
    )


# ------------------------------------------------------------------ whole set


@dataclass(frozen=True)
class Listed:
    key: str
    group: str
    split: str
    reference: Reference


def read_article_list(path: Path) -> list[Listed]:
    """``articles.tsv``: key, group, split, kind, ref (``file#index``), url."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name, _, index = row["ref"].partition("#")
            ref = Reference(row["kind"], name, int(index or 0), row.get("url") or None)
            out.append(Listed(row["key"], row["group"], row["split"], ref))
    return out


def build_record(listed: Listed, raw: dict[str, Any], source: ArticleSource,
                 gazetteer: GoldGazetteer) -> dict[str, Any]:
    """The gold line of one article from its annotation file's contents."""
    article = source.article(listed.reference)
    region_end = raw.get("region_end")
    region = Span(0, resolve_quote(article.text, region_end).end if region_end
                  else len(article.text))
    events = []
    for n, item in enumerate(raw.get("events", []), 1):
        try:
            event = build_event(item, article, f"gold:{listed.key}:{n}", gazetteer)
        except (GoldError, KeyError, ValueError) as exc:
            raise GoldError(f"{listed.key} event {n} ({item.get('type')}): "
                            f"{exc if not isinstance(exc, KeyError) else f'missing {exc}'}"
                            ) from None
        if not region.contains(event.trigger.span):  # type: ignore[union-attr]
            raise GoldError(f"{listed.key} event {n}: its trigger lies outside the region")
        events.append(event)
    check_spans(replace(article, events=tuple(events)))
    record: dict[str, Any] = {
        "key": listed.key, "split": listed.split, "group": listed.group,
        "source": listed.reference.to_dict(), "article_id": article.id,
        "outlet": article.outlet, "published": article.published.isoformat()
        if article.published else None,
        "text_sha256": text_hash(article.text), "chars": len(article.text),
        "region": region.to_list(), "note": raw.get("note"),
        "events": [to_dict(e) for e in events],
    }
    for event, item in zip(record["events"], raw.get("events", []), strict=True):
        if item.get("note"):
            event["annotator_note"] = item["note"]
    return record


def build(folder: Path = DEFAULT_DIR, data: str | Path | None = None,
          out: Path | None = None, partial: bool = False) -> list[dict[str, Any]]:
    """Resolve every ``source/KEY.toml`` of ``folder`` and write ``events.jsonl``
    (``partial``: leave out listed articles that have no source file yet)."""
    listed = read_article_list(folder / "articles.tsv")
    sources = {p.stem: p for p in sorted((folder / "source").glob("*.toml"))}
    unknown = sorted(set(sources) - {item.key for item in listed})
    if unknown:
        raise GoldError(f"source files for keys not in articles.tsv: {', '.join(unknown)}")
    missing = [item.key for item in listed if item.key not in sources]
    if missing and not partial:
        raise GoldError(f"{len(missing)} articles have no source file yet, e.g. {missing[0]}")
    source = ArticleSource(base=folder, data=data)
    gazetteer = GoldGazetteer(data)
    records = []
    for item in listed:
        if item.key not in sources:
            continue
        try:
            raw = tomllib.loads(sources[item.key].read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise GoldError(f"{sources[item.key]}: not valid TOML ({exc})") from None
        records.append(build_record(item, raw, source, gazetteer))
    target = out or folder / "events.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return records


def show(folder: Path, key: str, data: str | Path | None = None) -> Iterator[str]:
    """Lines for annotating one article: metadata, then each sentence with its offsets."""
    from marsad.text.sentences import split_sentences

    listed = {item.key: item for item in read_article_list(folder / "articles.tsv")}
    if key not in listed:
        raise GoldError(f"{key} is not in {folder / 'articles.tsv'}")
    article = ArticleSource(base=folder, data=data).article(listed[key].reference)
    published = article.published
    weekday = published.strftime("%A") if published else "?"
    yield f"# {key} split={listed[key].split} outlet={article.outlet} published={published} " \
          f"({weekday}) chars={len(article.text)}"
    yield f"# title: {article.title}"
    for span in split_sentences(article.text):
        yield f"[{span.start}-{span.end}] {article.text[span.start:span.end]}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.events.gold_source",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["build", "show"])
    parser.add_argument("key", nargs="?", help="article key (for show)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="gold folder")
    parser.add_argument("--data", help="shared data folder (default ../shared/data)")
    parser.add_argument("--partial", action="store_true",
                        help="build: skip listed articles without a source file yet")
    args = parser.parse_args(argv)
    try:
        if args.command == "show":
            for line in show(args.dir, args.key or "", args.data):
                print(line)
            return 0
        records = build(args.dir, args.data, partial=args.partial)
    except MarsadError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    events = sum(len(r["events"]) for r in records)
    print(f"wrote {len(records)} articles, {events} events to {args.dir / 'events.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
