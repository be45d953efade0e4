"""Arabic time expressions: find them in a text and resolve them against a publication date."""

from marsad.temporal.find import find_dates

__all__ = ["find_dates"]
