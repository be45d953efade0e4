"""Ingest over HTTP: POST an article, analysed by the pipeline and stored.

Only when ``marsad serve --allow-ingest`` was given, and only with the server's token in
``Authorization: Bearer <token>`` (compared in constant time).
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from marsad.api.params import json_response, store_of
from marsad.exports.jsonl import article_record
from marsad.ingest import IngestOptions, make_article
from marsad.runners.local import pipeline_signature

router = APIRouter(prefix="/api", tags=["ingest"])
bearer = HTTPBearer(auto_error=False, description="The token given to marsad serve.")


class ArticleIn(BaseModel):
    """An article to analyse; metadata is optional."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "text": "قُتل 12 مدنياً بغارات جوية على معرة النعمان اليوم الخميس.",
        "title": "غارات على معرة النعمان", "outlet": "Enab Baladi",
        "published": "2016-12-15", "url": "https://example.org/a"}})

    text: str = Field(min_length=1, description="The article text (UTF-8).")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=200)
    published: dt.date | None = Field(None, description="Publication day, YYYY-MM-DD.")


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    settings = request.app.state.settings
    if not settings.allow_ingest:
        raise HTTPException(403, "ingest is disabled on this server; start it with "
                                 "marsad serve --allow-ingest --token ...")
    if credentials is None:
        raise HTTPException(401, "missing token: send the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    given = credentials.credentials.encode("utf-8")
    if not hmac.compare_digest(given, settings.token.encode("utf-8")):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Analyse an article and store it (needs --allow-ingest and the token)",
             responses={200: {"description": "Already stored with this pipeline: unchanged"},
                        401: {"description": "Missing or wrong token"},
                        403: {"description": "Ingest is disabled"}})
def ingest(request: Request, body: ArticleIn) -> Response:
    """Returns ``{"status": "added"|"updated"|"unchanged", "article": {...}}`` with the
    article in the contract's shape (all layers, events included)."""
    settings = request.app.state.settings
    store = store_of(request)
    options = IngestOptions.from_config(settings.config)
    article = make_article(body.text, origin="api", options=options, title=body.title,
                           url=body.url, outlet=body.outlet, published=body.published)
    with settings.lock:  # stages need not be thread-safe; SQLite wants one writer
        pipeline = settings.pipeline()
        analysed = pipeline(article)
        result = store.add([analysed], pipeline_signature(pipeline.names))
    if result.unchanged:
        stored = store.get_article(article.id) or analysed
        return json_response({"status": "unchanged", "article": article_record(stored)})
    status = "added" if result.added else "updated"
    return json_response({"status": status, "article": article_record(analysed)}, status=201)
