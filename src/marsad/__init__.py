"""marsad: evidence-linked, geocoded event data from Arabic conflict reporting."""

__version__ = "0.1.0"
