"""Counts in Arabic text (casualties above all), with ACLED-style bounds."""

from marsad.quantities.find import find_quantities

__all__ = ["find_quantities"]
