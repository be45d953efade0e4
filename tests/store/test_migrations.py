"""Migrations: from an empty database and from the foundation schema; models match them.

``data/foundation.sqlite`` was written by marsad at commit 494f7ee (before migrations
existed) through its public ``Store.add``: two articles, one event with an actor and a
weapon, one recorded failure.
"""

import json
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from marsad.errors import StoreError
from marsad.store import Store, migrate
from marsad.store.database import database_url
from marsad.store.queries import EventFilter
from marsad.store.schema import SCHEMA_VERSION, Base

FOUNDATION_DB = Path(__file__).parent / "data" / "foundation.sqlite"
BACKEND_ONLY = {"article_search", "spatial_ref_sys"}


def _differences(engine):
    """What the ORM models and the migrated database disagree on (backend extras aside)."""

    def include(obj, name, kind, reflected, compare_to):
        if kind == "table":
            return not (name or "").startswith(tuple(BACKEND_ONLY))
        if kind == "column":
            return name != "geom"
        if kind == "index":
            return name not in ("ix_events_geom", "ix_article_search_document")
        return True

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include,
                                                         "compare_type": False})
        return compare_metadata(context, Base.metadata)


@pytest.mark.filterwarnings("ignore:Did not recognize type 'geometry'")
def test_upgrade_from_empty_matches_the_models(db_target):
    with Store.open(db_target) as store:
        info = store.revision()
        assert info["revision"] == info["head"] == migrate.head_revision()
        assert _differences(store.engine) == []
        with store.engine.connect() as conn:
            version = conn.execute(text(
                "SELECT value FROM marsad_meta WHERE key = 'schema_version'")).scalar()
        assert version == str(SCHEMA_VERSION)


def test_upgrade_from_the_foundation_schema(tmp_path, make_article):
    path = tmp_path / "old.db"
    shutil.copy(FOUNDATION_DB, path)
    engine = create_engine(database_url(path))
    with engine.connect() as conn:
        assert "alembic_version" not in inspect(conn).get_table_names()
    engine.dispose()
    with Store.open(path) as store:
        assert store.revision()["revision"] == migrate.head_revision()
        assert store.counts() == {"articles": 2, "events": 1, "failures": 1}
        # derived columns and actor/weapon rows were filled from the stored JSON
        (event,) = store.query_events(EventFilter(weapon_categories=("MANPADS",))).items
        assert event["id"] == "ev_f1"
        (feature,) = store.event_features(EventFilter(actors=("تنظيم داعش",)))[1]
        assert json.loads(feature)["properties"]["fatalities"] == 3
        assert store.search("تدمر")[0].title == "تدمر"
        assert _differences(store.engine) == []
        # and it keeps working as a store
        store.add([make_article("قصف على حلب")], "text.v1")
        assert store.counts()["articles"] == 3


def test_downgrade_and_upgrade_again(tmp_path):
    path = tmp_path / "m.db"
    Store.open(path).close()
    engine = create_engine(database_url(path))
    migrate.downgrade(engine, "0001_foundation")
    with engine.connect() as conn:
        assert "event_actors" not in inspect(conn).get_table_names()
    revision = migrate.upgrade(engine)
    assert (revision.before, revision.after) == ("0001_foundation", migrate.head_revision())
    engine.dispose()


def test_upgrading_twice_changes_nothing(tmp_path):
    path = tmp_path / "m.db"
    Store.open(path).close()
    engine = create_engine(database_url(path))
    assert not migrate.upgrade(engine).changed
    engine.dispose()


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "m.db"
    Store.open(path).close()
    engine = create_engine(database_url(path))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this marsad"):
        Store.open(path)


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    engine = create_engine(database_url(path))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a marsad database"):
        Store.open(path)


def test_postgres_from_a_truly_empty_database(postgres_server):
    """No template with PostGIS pre-installed: the migration creates the extension itself."""
    name = postgres_server.new_database(template="template0")
    try:
        with Store.open(postgres_server.url(name)) as store:
            assert store.revision()["revision"] == migrate.head_revision()
            with store.engine.connect() as conn:
                has_postgis = conn.execute(text(
                    "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).scalar()
            assert store.geometry == bool(has_postgis)
    finally:
        postgres_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
