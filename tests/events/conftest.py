"""Fixtures of the event detector tests."""

from __future__ import annotations

import pytest

from marsad.ingest import IngestOptions, make_article
from marsad.pipeline import Pipeline


@pytest.fixture(scope="session")
def analyse():
    """Run the default pipeline on a small hand-written article."""
    pipeline = Pipeline.from_config(None, on_error=None)

    def run(text, published="2016-12-12", **fields):
        return pipeline(make_article(text, origin="<test>", options=IngestOptions(),
                                     outlet="Test Outlet", published=published, **fields))

    return run


@pytest.fixture(scope="session")
def types():
    """The sorted event types of an analysed article."""
    return lambda article: sorted(e.type for e in article.events)


@pytest.fixture(scope="session")
def of_type():
    """The events of one type in an analysed article."""
    return lambda article, kind: [e for e in article.events if e.type == kind]


@pytest.fixture(scope="session")
def dead():
    """Each event's type with its toll (count and quote), or None."""
    return lambda article: [(e.type, e.fatalities and (e.fatalities.count, e.fatalities.text))
                            for e in article.events]
