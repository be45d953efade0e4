"""Shared fixtures: hand-built articles, sample paths, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.ingest import IngestOptions
from marsad.ingest import make_article as ingest_article
from marsad.model import Actor, Article, DateValue, Event, Place, Quantity, Source, Span

SHARED_DATA = Path(os.environ.get("MARSAD_SHARED_DATA")
                   or Path(__file__).resolve().parents[1].parent / "shared" / "data")

PALMYRA = (
    "تدمر - أورينت نت\n\n"
    "كشف مصدر تابع للنظام رفض الكشف عن اسمه أن تنظيمَ الدولة استولى على صواريخ "
    "من طراز \"Verba\" من مستودعات في مدينة تَدْمُر يوم 10/12/2016.\n\n"
    "وأضاف المصدر أن القوات الروسية انسحبت من المدينة بين 8 و9 كانون الأول."
)


def build_article(text: str, published: str | dt.date | None = "2016-12-20",
                  outlet: str | None = "Test Outlet", **fields: Any) -> Article:
    """An ingested article from text, as ``marsad analyze`` would make it."""
    return ingest_article(text, origin="<test>", options=IngestOptions(), outlet=outlet,
                          published=published, **fields)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return build_article


@pytest.fixture
def palmyra_text() -> str:
    return PALMYRA


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder {SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def build_event(event_id: str, *, article: str | None = None, kind: str = "air_strike",
                day: str | None = "2015-07-21", precision: int = 1, until: str | None = None,
                place: tuple[float, float] | None = (36.2012, 37.1612), geo: int = 1,
                country: str | None = "SY", admin1: str | None = "Aleppo",
                place_name: str | None = "Aleppo", perpetrator: str | None = None,
                target: str | None = None, killed: int | None = None,
                outlet: str | None = "Outlet A", published: str = "2015-07-22",
                sources: tuple[tuple[str, str | None], ...] = (),
                evidence: tuple[int, int] = (0, 40)) -> Event:
    """A hand-built event for incident linking tests (coordinates default to Aleppo)."""
    when = None
    if day is not None:
        start = dt.date.fromisoformat(day)
        end = dt.date.fromisoformat(until) if until else start
        when = DateValue(value=start, start=start, end=end, precision=precision)
    where = None
    if place is not None:
        where = Place(name=place_name, lat=place[0], lon=place[1], country=country,
                      admin1=admin1, precision=geo,
                      gazetteer_id=f"test:{place_name}" if place_name else None)
    actors = tuple(a for a in (Actor("actor1", perpetrator) if perpetrator else None,
                               Actor("actor2", target) if target else None) if a)
    return Event(
        id=event_id, article_id=article or f"ar_{event_id}", type=kind, outlet=outlet,
        published=dt.date.fromisoformat(published), date=when, location=where,
        actors=actors, fatalities=Quantity(killed, killed) if killed is not None else None,
        sources=tuple(Source(kind, name) for kind, name in sources),  # type: ignore[arg-type]
        evidence=(Span(*evidence),),
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event
