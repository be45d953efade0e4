"""Storage of articles, layers and events (SQLite by default)."""

from marsad.store.database import AddResult, SearchHit, Store

__all__ = ["AddResult", "SearchHit", "Store"]
