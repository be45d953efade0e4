"""Shared fixtures: hand-built articles, sample paths, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from marsad.api.background import free_port
from marsad.ingest import IngestOptions
from marsad.ingest import make_article as ingest_article
from marsad.model import (
    AcledType,
    Actor,
    Article,
    DateValue,
    Event,
    Place,
    Quantity,
    Source,
    Span,
)

SHARED_DATA = Path(os.environ.get("MARSAD_SHARED_DATA")
                   or Path(__file__).resolve().parents[1].parent / "shared" / "data")

PALMYRA = (
    "تدمر - أورينت نت\n\n"
    "كشف مصدر تابع للنظام رفض الكشف عن اسمه أن تنظيمَ الدولة استولى على صواريخ "
    "من طراز \"Verba\" من مستودعات في مدينة تَدْمُر يوم 10/12/2016.\n\n"
    "وأضاف المصدر أن القوات الروسية انسحبت من المدينة بين 8 و9 كانون الأول."
)

# Property tests check offsets and results, not speed (that is benchmarks/' job): no
# per-example deadline, which a loaded 2-core CI machine or a model's first load can miss.
settings.register_profile("marsad", deadline=None)
settings.load_profile("marsad")


def build_article(text: str, published: str | dt.date | None = "2016-12-20",
                  outlet: str | None = "Test Outlet", **fields: Any) -> Article:
    """An ingested article from text, as ``marsad analyze`` would make it."""
    return ingest_article(text, origin="<test>", options=IngestOptions(), outlet=outlet,
                          published=published, **fields)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return build_article


@pytest.fixture
def palmyra_text() -> str:
    return PALMYRA


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder {SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# ------------------------------------------------------------- PostgreSQL for store tests


def _postgres_binary(name: str) -> str | None:
    """``name`` from PATH, else from Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return str(candidates[-1]) if candidates else None


class PostgresServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (fsync off), one database per test."""

    def __init__(self, port: int, run_as: list[str]) -> None:
        self.port = port
        self.run_as = run_as
        self._count = 0

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str = "marsad_template") -> str:
        self._count += 1
        name = f"marsad_test_{self._count}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    initdb, pg_ctl = _postgres_binary("initdb"), _postgres_binary("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                    "apt-get install postgresql-15 postgresql-15-postgis-3")
    folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            pytest.skip("running as root and there is no postgres user to run initdb as")
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = free_port()
    try:
        subprocess.run([*run_as, initdb, "-D", str(data), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--locale=C", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w",
                        "-o", f"-F -h 127.0.0.1 -p {port} -k {folder}", "start"],
                       check=True, capture_output=True, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        output = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start a test PostgreSQL cluster: {exc}: "
                    f"{output.decode(errors='replace')[-500:]}")
    server = PostgresServer(port, run_as)
    try:
        # databases are copied from a template that already has PostGIS (when installed):
        # creating the extension takes longer than the rest of a test
        server.admin("CREATE DATABASE marsad_template")
        import psycopg

        with psycopg.connect(server.url("marsad_template"), autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_available_extensions "
                            "WHERE name = 'postgis'").fetchone():
                conn.execute("CREATE EXTENSION postgis")
        yield server
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the test cluster."""
    name = postgres_server.new_database()
    yield postgres_server.url(name)
    postgres_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    return request.getfixturevalue("postgres_url")


# ------------------------------------------- the bundled samples with hand-built events

SAMPLE_EVENTS = Path(__file__).parent / "data" / "sample_events.json"


def _locate(text: str, quote: str, within: list[Span]) -> Span:
    """The span of ``quote``: inside the evidence first, else its first occurrence."""
    for region in within:
        at = text.find(quote, region.start, region.end)
        if at >= 0:
            return Span(at, at + len(quote))
    at = text.find(quote)
    if at < 0:
        raise ValueError(f"sample_events.json quotes {quote!r}, which is not in the article")
    return Span(at, at + len(quote))


def _with_spans(value: Any, text: str, evidence: list[Span]) -> Any:
    """Contract JSON with a ``span`` added beside every quoted ``text``."""
    if isinstance(value, list):
        return [_with_spans(v, text, evidence) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _with_spans(v, text, evidence) for k, v in value.items()}
    if isinstance(value.get("text"), str):
        out["span"] = _locate(text, value["text"], evidence).to_list()
    return out


@functools.cache
def analysed_samples() -> tuple[tuple[Article, ...], str]:
    """The bundled samples as ``marsad demo`` analyses them (Pipeline.from_config()), and
    the pipeline's name; computed once per test session."""
    from marsad.cli.analyze import samples_dir
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline

    pipeline = Pipeline.from_config()
    out = []
    for article in read_inputs([str(samples_dir())], IngestOptions()):
        assert isinstance(article, Article), article
        out.append(pipeline(article))
    return tuple(out), ",".join(pipeline.names)


def sample_articles_with_events() -> list[Article]:
    """The bundled sample articles with hand-built events of known content in place of the
    detector's: for the store, API and export tests, which check filters and mappings
    against known values (fields events.v1 does not find in the samples, e.g. weapons,
    associates). The browser tests use the real pipeline output (``pipeline_db``).
    """
    from dataclasses import replace

    from marsad.model import Event, from_dict

    wanted = json.loads(SAMPLE_EVENTS.read_text(encoding="utf-8"))["articles"]
    out = []
    for article in analysed_samples()[0]:
        events = []
        for raw in wanted.get(Path(article.origin or "").name, []):
            raw = dict(raw)
            evidence = [_locate(article.text, q, []) for q in raw.pop("evidence_text")]
            data = _with_spans(raw, article.text, evidence)
            data.update(article_id=article.id, outlet=article.outlet,
                        published=article.published,
                        evidence=[s.to_list() for s in evidence])
            events.append(from_dict(Event, data))
        out.append(replace(article, events=tuple(events)))
    return out


def store_samples(target: str | Path) -> list[Article]:
    """Store the samples with their events through the public Store API."""
    from marsad.store import Store

    articles = sample_articles_with_events()
    with Store.open(target) as store:
        store.add(articles, "text.v1,sample-events")
    return articles


@pytest.fixture(scope="session")
def sample_articles() -> list[Article]:
    return sample_articles_with_events()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database of the bundled samples and their events (read-only use)."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    store_samples(path)
    return path


# --------------------- the bundled samples through the real pipeline, incidents linked

# A hand-built two-outlet pair (illustrative texts written for the tests, not real
# reports): the bundled samples report seven different events, so none of their incidents
# has two outlets, and no dispute can be shown with them alone. Events are hand-built on
# these texts (the detector's own events on them are replaced) so that the pair is one
# incident whatever the detector finds: same strike, tolls 9 and 14 (a dispute).
DISPUTE_PAIR = (
    {"outlet": "Step News", "published": "2016-12-16", "title": "مقتل مدنيين بغارة على الأتارب",
     "text": "قصفت طائرات حربية روسية يوم الخميس 15 كانون الأول 2016 سوقاً شعبياً في مدينة "
             "الأتارب بريف حلب الغربي، ما أدى إلى مقتل 9 مدنيين، بحسب الدفاع المدني السوري.",
     "event": {"id": "ev_pair_step", "fatalities": "مقتل 9 مدنيين",
               "source": ("observers", "Syrian Civil Defence", "الدفاع المدني السوري"),
               "certainty": "reported"}},
    {"outlet": "Halab Today", "published": "2016-12-15", "title": "غارة روسية على الأتارب",
     "text": "قال مصدر عسكري رفض الكشف عن اسمه إن طائرات حربية روسية استهدفت مدينة الأتارب "
             "غربي حلب يوم الخميس 15 كانون الأول 2016، وأسفرت الغارة عن مقتل 14 مدنياً.",
     "event": {"id": "ev_pair_halab", "fatalities": "مقتل 14 مدنياً",
               "source": ("anonymous", None, "مصدر عسكري رفض الكشف عن اسمه"),
               "certainty": "reported"}},
)


def _pair_event(article: Article, spec: dict[str, Any]) -> Event:
    text = article.text
    evidence = Span(0, len(text))
    strike_day = dt.date(2016, 12, 15)
    kind, name, quote = spec["source"]

    def at(quote: str) -> Span:
        return _locate(text, quote, [evidence])

    toll = spec["fatalities"]
    count = int("".join(ch for ch in toll if ch.isdigit()))
    return Event(
        id=spec["id"], article_id=article.id, type="air_strike", outlet=article.outlet,
        published=article.published,
        acled=AcledType("Explosions/Remote violence", "Air/drone strike"), plover="ASSAULT",
        date=DateValue(value=strike_day, start=strike_day, end=strike_day, precision=1,
                       text="الخميس 15 كانون الأول 2016",
                       span=at("الخميس 15 كانون الأول 2016")),
        actors=(Actor("actor1", "Military Forces of Russia", text="طائرات حربية روسية",
                      span=at("طائرات حربية روسية"), inter=8),
                Actor("actor2", "Civilians (Syria)", text=toll.split()[-1],
                      span=at(toll.split()[-1]), inter=7)),
        location=Place(name="Al-Atarib", name_ar="الأتارب", lat=36.1386, lon=36.8300,
                       country="SY", admin1="Aleppo", gazetteer_id="test:atarib",
                       precision=1, text="الأتارب", span=at("الأتارب")),
        fatalities=Quantity(count, count, text=toll, span=at(toll)),
        sources=(Source(kind, name, text=quote, span=at(quote)),),  # type: ignore[arg-type]
        certainty=spec["certainty"], evidence=(evidence,),
    )


def pipeline_sample_articles() -> list[Article]:
    """What ``marsad demo --db`` stores (the real pipeline's events on the bundled samples)
    plus the hand-built two-outlet pair above."""
    return [*analysed_samples()[0], *_analyse_pair()]


@functools.cache
def _analyse_pair() -> tuple[Article, ...]:
    from dataclasses import replace

    from marsad.pipeline import Pipeline

    pipeline = Pipeline.from_config()
    out = []
    for spec in DISPUTE_PAIR:
        article = pipeline(build_article(spec["text"], published=spec["published"],
                                         outlet=spec["outlet"], title=spec["title"]))
        out.append(replace(article, events=(_pair_event(article, spec["event"]),)))
    return tuple(out)


def store_pipeline_samples(target: str | Path) -> list[Article]:
    """Store ``pipeline_sample_articles()`` and link incidents with the real linker."""
    from marsad.corpus.incidents import link_store
    from marsad.store import Store

    articles = pipeline_sample_articles()
    with Store.open(target) as store:
        store.add(articles, analysed_samples()[1])
        link_store(store, use_embeddings=False)
    return articles


@pytest.fixture(scope="session")
def pipeline_articles() -> list[Article]:
    return pipeline_sample_articles()


@pytest.fixture(scope="session")
def pipeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database of the samples' real pipeline output and the dispute pair, with
    incidents linked (read-only use)."""
    path = tmp_path_factory.mktemp("pipeline") / "pipeline.db"
    store_pipeline_samples(path)
    return path


def build_event(event_id: str, *, article: str | None = None, kind: str = "air_strike",
                day: str | None = "2015-07-21", precision: int = 1, until: str | None = None,
                place: tuple[float, float] | None = (36.2012, 37.1612), geo: int = 1,
                country: str | None = "SY", admin1: str | None = "Aleppo",
                place_name: str | None = "Aleppo", perpetrator: str | None = None,
                target: str | None = None, killed: int | None = None,
                outlet: str | None = "Outlet A", published: str = "2015-07-22",
                sources: tuple[tuple[str, str | None], ...] = (),
                evidence: tuple[int, int] = (0, 40)) -> Event:
    """A hand-built event for incident linking tests (coordinates default to Aleppo)."""
    when = None
    if day is not None:
        start = dt.date.fromisoformat(day)
        end = dt.date.fromisoformat(until) if until else start
        when = DateValue(value=start, start=start, end=end, precision=precision)
    where = None
    if place is not None:
        where = Place(name=place_name, lat=place[0], lon=place[1], country=country,
                      admin1=admin1, precision=geo,
                      gazetteer_id=f"test:{place_name}" if place_name else None)
    actors = tuple(a for a in (Actor("actor1", perpetrator) if perpetrator else None,
                               Actor("actor2", target) if target else None) if a)
    return Event(
        id=event_id, article_id=article or f"ar_{event_id}", type=kind, outlet=outlet,
        published=dt.date.fromisoformat(published), date=when, location=where,
        actors=actors, fatalities=Quantity(killed, killed) if killed is not None else None,
        sources=tuple(Source(kind, name) for kind, name in sources),  # type: ignore[arg-type]
        evidence=(Span(*evidence),),
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


@pytest.fixture
def linked_db(db_target: str) -> tuple[str, list[Article]]:
    """``pipeline_db``'s content on each backend (SQLite, PostgreSQL): target, articles."""
    return db_target, store_pipeline_samples(db_target)
