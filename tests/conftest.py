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
from marsad.model import Article

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
