"""``marsad geocode``, ``marsad geo build`` and ``marsad eval geocode``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.cli.app import app, command_group, eval_app
from marsad.cli.common import cli_errors, say
from marsad.exports.jsonl import dumps
from marsad.geo import Geocoder, default_geocoder
from marsad.geo.build import build_gazetteer
from marsad.geo.evaluate import evaluate, read_gold
from marsad.model import Place, to_dict

geo_app = command_group("geo", "Build and inspect marsad's gazetteer.")

_PLACE_FIELDS = [f for f in Place.__dataclass_fields__ if f != "inherited"]


def _inputs(names: list[str]) -> Iterator[str]:
    for name in names:
        if name == "-":
            for line in sys.stdin:
                if line.strip():
                    yield line.rstrip("\n")
        else:
            yield name


def geocode_names(names: Iterable[str], *, country: str | None = None,
                  context: str | None = None, geocoder: Geocoder | None = None
                  ) -> Iterator[dict[str, Any]]:
    """One record per input name: the Place fields, ``input`` and ``reason`` (null when
    resolved; otherwise why not, and every Place field null)."""
    geocoder = geocoder or default_geocoder()
    for name in names:
        result = geocoder.resolve_name(name, country=country, context=context)
        if result.place is not None:
            record = {k: v for k, v in to_dict(result.place).items() if k in _PLACE_FIELDS}
        else:
            record = dict.fromkeys(_PLACE_FIELDS)
        record["input"] = name
        record["reason"] = result.reason
        yield record


@app.command()
def geocode(
    names: Annotated[list[str], typer.Argument(
        help="Place names as written in news (تدمر, وبتدمر, ريف حمص الشرقي, Deir ez-Zor), "
             "or - to read one a line from stdin.")],
    country: Annotated[str | None, typer.Option(
        help="Prefer places in this country (ISO code, e.g. IQ) for ambiguous names; a "
             "name found only elsewhere still resolves there. Default: decide from the "
             "name and the context, Syria first.")] = None,
    context: Annotated[str | None, typer.Option(
        help="Text around the names (other places in the story) used to disambiguate.")]
        = None,
    gazetteer: Annotated[str | None, typer.Option(
        help="A compiled gazetteer file instead of the packaged one.")] = None,
) -> None:
    """Resolve place names to coordinates, country, admin levels and precision.

    Prints one JSON object a line per input: name, name_ar, lat, lon, country, admin1,
    admin2, gazetteer_id, precision (1 the place, 2 near it or part of a region, 3 the
    province/region), text and span (within the input), feature, input, and reason (null
    when resolved; unresolved inputs get nulls and the reason, never a made-up point).
    """
    with cli_errors():
        geocoder = default_geocoder(gazetteer) if gazetteer else default_geocoder()
        count = 0
        for record in geocode_names(_inputs(names), country=country and country.upper(),
                                    context=context, geocoder=geocoder):
            sys.stdout.write(dumps(record) + "\n")
            count += 1
    if count == 0:
        say("no place names given; pass names as arguments or - for stdin")
        raise typer.Exit(1)


@geo_app.command("build")
def geo_build(
    shared_data: Annotated[Path | None, typer.Option(
        help="The shared data folder (default: $MARSAD_SHARED_DATA or ../shared/data).")]
        = None,
    out: Annotated[Path | None, typer.Option(
        help="Where to write the compiled gazetteer (default: the packaged resource).")]
        = None,
    curated: Annotated[Path | None, typer.Option(
        help="The curated layer (default: the packaged resources/geo/curated.tsv).")] = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a check finds a problem (not only warnings).")] = False,
) -> None:
    """Compile the gazetteer from Open-Syria, GeoNames and the curated layer, with checks.

    Prints one JSON object: counts by source, country and feature, and the checks' warnings
    (curated points far from their governorate, a same-named subdistrict or airportsdata)
    and problems (points outside their country, duplicate ids).
    """
    with cli_errors():
        report = build_gazetteer(shared_data, out, curated)
    sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")
    if strict and report.problems:
        raise typer.Exit(1)


@eval_app.command("geocode")
def eval_geocode(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files.")],
    split: Annotated[str | None, typer.Option(
        help="Only items of this split (dev or heldout).")] = None,
    gazetteer: Annotated[str | None, typer.Option(
        help="A compiled gazetteer file instead of the packaged one.")] = None,
) -> None:
    """Accuracy of the geocoder on gold files (one JSON object).

    Reports the share of gold places resolved within 10 km and 25 km and the unresolved
    share, overall, by split and level and on Syrian village-level names; region phrases
    (admin1 and precision), near-phrase precision, and false places on negative items.
    """
    with cli_errors():
        geocoder = default_geocoder(gazetteer) if gazetteer else default_geocoder()
        report = evaluate(geocoder, read_gold(gold), split=split)
        record = {"gold": [str(g) for g in gold], "split": split, **report.to_dict()}
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
