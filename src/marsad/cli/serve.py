"""``marsad serve``: the web map and JSON API over a database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, config_from, say
from marsad.errors import StoreError
from marsad.store import Store

TOKEN_ENV = "MARSAD_API_TOKEN"


@app.command()
def serve(
    db: Annotated[str, typer.Option(
        help="The database to serve: a SQLite file or a postgresql:// URL.")] = "marsad.db",
    host: Annotated[str, typer.Option(
        help="Address to listen on; 127.0.0.1 keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option(
        help="Accept POST /api/articles (analysed and stored); needs a token.")] = False,
    token: Annotated[str | None, typer.Option(
        envvar=TOKEN_ENV, show_envvar=True,
        help="Secret that ingest requests send as 'Authorization: Bearer TOKEN'.")] = None,
    config: Annotated[str | None, typer.Option(
        help="A TOML file overriding marsad's defaults (the ingest pipeline).")] = None,
    log_level: Annotated[str, typer.Option(
        help="uvicorn log level: critical, error, warning, info, debug.")] = "warning",
) -> None:
    """Serve the web map at / , the JSON API at /api/... and its docs at /docs.

    Read-only unless --allow-ingest is given with a token (--token or $MARSAD_API_TOKEN).
    Nothing the page loads comes from the network.
    """
    import uvicorn

    from marsad.api import ApiSettings, create_app

    with cli_errors():
        settings = ApiSettings(allow_ingest=allow_ingest, token=token,
                               config=config_from(config))
        if "://" not in db and not Path(db).exists() and not allow_ingest:
            raise StoreError(f"database {db} does not exist; fill it with marsad analyze ... "
                             f"--db {db}, or serve with --allow-ingest to receive articles")
        store = Store.open(db)
    application = create_app(store, settings)
    where = f"http://{host}:{port}"
    say(f"serving {db} at {where}/ (API {where}/api, docs {where}/docs); "
        f"ingest {'on' if allow_ingest else 'off'}; Ctrl-C stops")
    if allow_ingest and host not in ("127.0.0.1", "localhost", "::1"):
        say("warning: the ingest token travels in clear text; put TLS in front of this server")
    try:
        uvicorn.run(application, host=host, port=port, log_level=log_level)
    finally:
        store.close()
