"""The FastAPI application: JSON API under ``/api``, the web page at ``/``, docs at ``/docs``.

Read-only unless ingest is enabled with a token. Every error is a JSON body
``{"error": "<what went wrong and what to do>", "detail": [...]}``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.api import (
    routes_articles,
    routes_events,
    routes_incidents,
    routes_ingest,
    routes_search,
)
from marsad.api.params import json_response, store_of
from marsad.config import load_config
from marsad.errors import InputError, QueryError
from marsad.pipeline import Pipeline
from marsad.store import Store

STATIC = Path(str(resources.files("marsad").joinpath("web", "static")))
# The page and its scripts reach nothing but this server.
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
DESCRIPTION = """Evidence-linked, geocoded event data from Arabic conflict reporting.

Events follow the JSON shapes of marsad's docs/CONTRACT.md: every field that quotes the
article has a `span` `[start, end)` into the article's original text
(`/api/articles/{id}`). Filters combine with AND; several values of one filter
(repeated or comma-separated) with OR. Unknown parameters are refused (400).
"""


@dataclass
class ApiSettings:
    """How the app serves: ingest on or off, its token, and the config for the pipeline."""

    allow_ingest: bool = False
    token: str | None = None
    config: dict[str, Any] = field(default_factory=load_config)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None

    def __post_init__(self) -> None:
        if self.allow_ingest and not self.token:
            raise QueryError("ingest needs a token: give --token or set MARSAD_API_TOKEN")

    def pipeline(self) -> Pipeline:
        """Built on first use (loading models once), then reused."""
        if self._pipeline is None:
            self._pipeline = Pipeline.from_config(self.config)
        return self._pipeline


def _error(status: int, message: str, detail: Any = None,
           headers: dict[str, str] | None = None) -> Response:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    response = json_response(body, status=status)
    response.headers.update(headers or {})
    return response


def _validation_message(errors: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    detail = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        detail.append({"where": where, "message": err.get("msg", "invalid"),
                       "input": err.get("input")})
    first = detail[0] if detail else {"where": "request", "message": "invalid"}
    return f"{first['where']}: {first['message']}", detail


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        message, detail = _validation_message(list(exc.errors()))
        return _error(422, message, detail)

    @app.exception_handler(QueryError)
    async def _query(_: Request, exc: QueryError) -> Response:
        return _error(400, str(exc))

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> Response:
        return _error(400, exc.reason)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        return _error(exc.status_code, str(exc.detail), headers=exc.headers)


def create_app(store: Store, settings: ApiSettings | None = None) -> FastAPI:
    """The app serving ``store``; ``settings`` default to read-only."""
    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.settings = settings or ApiSettings()
    install_error_handlers(app)
    for module in (routes_events, routes_incidents, routes_articles, routes_search):
        app.include_router(module.router)
    app.include_router(routes_ingest.router, include_in_schema=app.state.settings.allow_ingest)

    @app.get("/api/health", tags=["server"], summary="Server, database and counts")
    def health(request: Request) -> Response:
        return json_response({"status": "ok", "version": __version__,
                              "ingest": request.app.state.settings.allow_ingest,
                              **store_of(request).revision(), **store_of(request).counts()})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="marsad API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        return FileResponse(STATIC / "index.html", headers={
            "Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
