"""Arguments a sentence does not give, inherited the way a coder would: from the event
just before (same story), else from the dateline or the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from marsad.model import DateValue, Place

CONTEXT_SENTENCES = 2
"""How many sentences back an earlier event still lends its place and date."""

# «في المنطقة نفسها», «في نفس المنطقة» (folded): the place of an event told before, however
# far back, not whatever the sentence before names.
SAME_PLACE = re.compile(r"(?:ال(?:منطقه|بلده|مدينه|قريه|مكان|موقع|حي) (?:نفسها|نفسه|ذاتها|ذاته)"
                        r"|نفس ال(?:منطقه|بلده|مدينه|قريه|مكان|حي))(?!\w)")


def publication_date(published: dt.date | None) -> DateValue | None:
    """No time expression: the day before publication or the day itself (precision 2)."""
    if published is None:
        return None
    return DateValue(value=published, start=published - dt.timedelta(days=1), end=published,
                     precision=2, kind="published", inherited=True)


def context_date(date: DateValue) -> DateValue:
    """An earlier event's date, lent to a sentence that gives none (no quote of its own)."""
    return DateValue(value=date.value, start=date.start or date.value,
                     end=date.end or date.value, precision=date.precision, kind="context",
                     inherited=True)


def context_place(place: Place) -> Place:
    """An earlier mention of the place, marked as inherited (it keeps that mention's span)."""
    return replace(place, inherited=True)


def same_place(lenders: Sequence[Place | None]) -> Place | None:
    """The place «في المنطقة نفسها» points back to: the latest town or site (precision 1
    or 2) an earlier event names itself, from ``lenders`` in text order."""
    return next((p for p in reversed(lenders) if p is not None and not p.inherited
                 and p.precision is not None and p.precision <= 2), None)
