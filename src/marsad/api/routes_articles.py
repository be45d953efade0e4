"""Articles: a listing, and one article with all its layers (text, mentions, claims, events)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from marsad.api.params import (
    MAX_PAGE,
    json_response,
    page_response,
    reject_unknown_parameters,
    store_of,
)
from marsad.exports.jsonl import article_record

router = APIRouter(prefix="/api", tags=["articles"],
                   dependencies=[Depends(reject_unknown_parameters)])


@router.get("/articles", summary="Stored articles, newest first, without their text")
def list_articles(
    request: Request,
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    date_from: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    total, items = store_of(request).list_articles(
        outlet=outlet, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    return page_response(total, limit, offset, items)


@router.get("/articles/{article_id}", summary="One article with all its layers",
            responses={404: {"description": "No such article"}})
def get_article(request: Request, article_id: str) -> Response:
    """The contract's article shape: text, sentences, mentions, claims, events, errors and
    the other layers; every span indexes ``text``."""
    article = store_of(request).get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}; list them at /api/articles")
    return json_response(article_record(article))
