"""Schema migrations: bring a database to the newest revision (run by ``Store.open``).

Alembic runs the files in ``store/migrations/versions`` on a connection marsad opens; a
database made before migrations existed (the foundation schema, ``schema_version`` 1,
no ``alembic_version`` table) is stamped as ``0001_foundation`` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine

from marsad.errors import StoreError
from marsad.store.schema import SCHEMA_VERSION

MIGRATIONS = Path(__file__).with_name("migrations")
FOUNDATION = "0001_foundation"
# Tables that may sit in a database beside marsad's without making it foreign.
_BACKGROUND_TABLES = frozenset({"spatial_ref_sys"})


@dataclass(frozen=True)
class Revision:
    """Where a database stood before ``upgrade`` and where it stands now."""

    before: str | None
    after: str | None
    head: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    if head is None:
        raise StoreError(f"no migrations found in {MIGRATIONS}; reinstall marsad")
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _unversioned_revision(conn: Connection) -> str | None:
    """The revision of a database without ``alembic_version``: None (empty) or foundation."""
    tables = set(inspect(conn).get_table_names()) - _BACKGROUND_TABLES
    tables = {t for t in tables if not t.startswith("article_search")}
    if not tables:
        return None
    if "articles" in tables and "marsad_meta" in tables:
        version = conn.execute(
            text("SELECT value FROM marsad_meta WHERE key = 'schema_version'")).scalar()
        if version == "1":
            return FOUNDATION
        raise StoreError(f"database has marsad tables but schema version {version!r} "
                         "without migration records; restore it from a backup")
    shown = ", ".join(sorted(tables)[:5])
    raise StoreError(f"database is not a marsad database (it has tables {shown}); "
                     "give a new file or an empty database")


def _known(revision: str) -> bool:
    try:
        return _script().get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def upgrade(engine: Engine, target: str = "head") -> Revision:
    """Migrate the database to ``target`` (default: the newest revision), in one transaction."""
    head = head_revision()
    with engine.begin() as conn:
        before = current_revision(conn)
        if before is None:
            before = _unversioned_revision(conn)
            if before is not None:
                command.stamp(alembic_config(conn), before)
        if before is not None and not _known(before):
            raise StoreError(f"database schema revision {before} is newer than this marsad "
                             f"(newest {head}); upgrade marsad")
        if target == "head" and before == head:
            return Revision(before, before, head)
        command.upgrade(alembic_config(conn), target)
        after = current_revision(conn)
    return Revision(before, after, head)


def downgrade(engine: Engine, target: str) -> Revision:
    """Migrate the database back to ``target`` (a revision id, or "base" for empty)."""
    head = head_revision()
    if target != "base" and not _known(target):
        raise StoreError(f"unknown schema revision {target!r}; see marsad db status")
    with engine.begin() as conn:
        before = current_revision(conn)
        command.downgrade(alembic_config(conn), target)
        after = current_revision(conn)
    return Revision(before, after, head)


def check_version(conn: Connection) -> None:
    """Refuse a database whose marsad_meta says a newer marsad wrote it."""
    version = conn.execute(
        text("SELECT value FROM marsad_meta WHERE key = 'schema_version'")).scalar()
    if version is not None and int(version) > SCHEMA_VERSION:
        raise StoreError(f"database schema version {version} is newer than this marsad "
                         f"({SCHEMA_VERSION}); upgrade marsad")
