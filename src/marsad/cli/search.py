"""``marsad search``: Arabic-normalised full-text search over a stored database."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, existing_store, say
from marsad.exports.jsonl import dumps


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur), e.g. تدمر.")],
    db: Annotated[str, typer.Option(help="The database written by analyze --db.")],
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many articles.")]
    = 20,
) -> None:
    """Find stored articles by words, whatever their diacritics, alef forms or clitics.

    Prints one JSON object per article: id, title, outlet, published, url, the matches
    (original text and span) and a snippet.
    """
    with cli_errors(), existing_store(db) as store:
        hits = store.search(query, limit=limit)
    for hit in hits:
        sys.stdout.write(dumps(hit.to_dict()) + "\n")
    if not hits:
        say(f"no stored article matches {query!r}")
