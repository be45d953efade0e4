"""The HTTP API and web page: ``marsad serve`` (FastAPI)."""

from marsad.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
