"""Full-text search: Arabic-normalised, every word must occur."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from marsad.api.params import json_response, reject_unknown_parameters, store_of

router = APIRouter(prefix="/api", tags=["search"],
                   dependencies=[Depends(reject_unknown_parameters)])


@router.get("/search", summary="Articles containing every word of q")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500,
                            description="Words, e.g. تدمر: diacritics, alef forms and "
                                        "attached و/ب/ل/ال do not matter.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Response:
    """Best matches first; each with its matches (original text and span) and a snippet."""
    hits = store_of(request).search(q, limit=limit)
    return json_response({"query": q, "items": [h.to_dict() for h in hits]})
