import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.cli.main import app
from marsad.config import load_config
from marsad.errors import ClusterError, InputError
from marsad.ingest import IngestOptions, read_inputs
from marsad.ingest.parts import plan_parts
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.runners.dask import StoredIds, run_dask
from marsad.runners.local import run_local
from marsad.store import Store

OPTIONS = IngestOptions()


def write_config(path, stages=("text.v1", "test-raise.v1"), **sections):
    lines = ['[pipeline]', 'modules = ["marsad_test_stages"]',
             f"stages = {json.dumps(list(stages))}",
             "[runner]", "records_per_part = 2", "jsonl_part_mb = 0.0005",
             "[store]", "batch_size = 3"]
    for name, values in sections.items():
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def analyse(runner, paths, config, *extra):
    result = runner.invoke(app, ["analyze", *paths, "--format", "articles", "--config", config,
                                 *extra])
    assert result.exit_code == 0, result.stderr
    return result


def summary_of(stderr):
    (line,) = [ln for ln in stderr.splitlines() if " articles (" in ln]
    return line.split(" in ")[0]


def article_ids(stdout):
    return [json.loads(line)["id"] for line in stdout.splitlines()]


@given(st.sets(st.text("0123456789abcdef", min_size=20, max_size=20), max_size=40),
       st.lists(st.text("0123456789abcdef", min_size=20, max_size=20), max_size=10),
       st.sets(st.text(max_size=8), max_size=5))
def test_stored_ids_hold_exactly_their_ids(hexes, others, odd):
    ids = {"ar_" + h for h in hexes} | odd
    stored = StoredIds(ids)
    assert len(stored) == len(ids)
    for article_id in ids:
        assert article_id in stored
    for h in others:
        assert (("ar_" + h) in stored) == (("ar_" + h) in ids)


def stored_articles(db):
    """Articles, failures and search index rows of a database."""
    from sqlalchemy import text

    with Store.open(db) as store, store.engine.connect() as conn:
        index = conn.execute(text("SELECT article_id, title, body FROM article_search "
                                  "ORDER BY article_id")).all()
        return [a for a in store.iter_articles()], store.failures(), index


@pytest.mark.parametrize("with_db", [False, True])
def test_synchronous_dask_matches_in_process(runner, tmp_path, mixed_inputs, test_stages,
                                             with_db):
    config = write_config(tmp_path / "c.toml")
    db = ["--db", str(tmp_path / "local.db")] if with_db else []
    local = analyse(runner, [str(mixed_inputs)], config, *db)
    db_dask = ["--db", str(tmp_path / "dask.db")] if with_db else []
    dask = analyse(runner, [str(mixed_inputs)], config, "--scheduler", "synchronous", *db_dask)
    assert dask.stdout == local.stdout
    if with_db:  # the same articles stored, the duplicate input read back the same way
        assert stored_articles(db[1]) == stored_articles(db_dask[1])
        assert "(1 already stored)" in summary_of(local.stderr)
    assert summary_of(dask.stderr) == summary_of(local.stderr)
    skipped = [ln for ln in local.stderr.splitlines() if "skipped" in ln]
    assert [ln for ln in dask.stderr.splitlines() if "skipped" in ln] == skipped
    failed = [json.loads(ln) for ln in local.stdout.splitlines() if "RAISE-HERE" in ln]
    assert failed[0]["errors"][0]["stage"] == "test-raise.v1"


@pytest.mark.slow
def test_every_runner_gives_the_same_output(runner, tmp_path, mixed_inputs, test_stages):
    # test-environ.v1 fails on a worker that got Dask's MALLOC_TRIM_THRESHOLD_
    config = write_config(tmp_path / "c.toml",
                          stages=("text.v1", "test-raise.v1", "test-environ.v1"))
    paths = [str(mixed_inputs), str(mixed_inputs / "d.jsonl")]
    local = analyse(runner, paths, config, "--db", str(tmp_path / "local.db"))
    outputs = {"local": local.stdout}
    for name, extra in [("synchronous", ["--scheduler", "synchronous"]),
                        ("two-workers", ["--workers", "2"])]:
        db = str(tmp_path / f"{name}.db")
        result = analyse(runner, paths, config, *extra, "--db", db)
        outputs[name] = result.stdout
        assert summary_of(result.stderr) == summary_of(local.stderr), name
        assert stored_articles(db) == stored_articles(tmp_path / "local.db"), name
    assert outputs["synchronous"] == outputs["local"]
    assert outputs["two-workers"] == outputs["local"]
    expected = [r.id for r in read_inputs(paths, OPTIONS) if isinstance(r, Article)]
    assert article_ids(local.stdout) == expected


def add_killer(folder, line=4):
    rows = [json.dumps({"text": f"خبر رقم {i} عن حلب" + (" KILL-WORKER" if i == line else "")},
                       ensure_ascii=False) for i in range(1, 9)]
    (folder / "k.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return f"{folder / 'k.jsonl'}:{line}"


@pytest.mark.slow
def test_an_article_that_kills_its_worker_is_listed_and_the_rest_stored(
        runner, tmp_path, mixed_inputs, test_stages):
    killer = add_killer(mixed_inputs)
    config = write_config(tmp_path / "c.toml", stages=("text.v1", "test-kill.v1"))
    db = tmp_path / "m.db"
    result = analyse(runner, [str(mixed_inputs)], config, "--workers", "2", "--db", str(db))
    read = [r for r in read_inputs([str(mixed_inputs)], OPTIONS)]
    expected = [r.id for r in read if isinstance(r, Article) and r.origin != killer]
    assert article_ids(result.stdout) == expected  # input order, nothing lost or doubled
    assert any(killer in ln and "failed on the workers" in ln for ln in result.stderr.splitlines())
    with Store.open(db) as store:
        failures = dict(store.failures())
        stored = [a.id for a in store.iter_articles()]
        assert sorted(stored) == sorted(set(expected))
        assert killer in failures and "KilledWorker" in failures[killer]
        input_errors = {r.origin for r in read if isinstance(r, InputError)}
        assert set(failures) == input_errors | {killer}


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(runner, tmp_path, mixed_inputs, test_stages):
    add_killer(mixed_inputs)
    once = tmp_path / "killed-once"
    config = write_config(tmp_path / "c.toml", stages=("text.v1", "test-kill.v1"),
                          test_kill={"once_file": str(once)})
    db = tmp_path / "m.db"
    result = analyse(runner, [str(mixed_inputs)], config, "--workers", "2", "--db", str(db))
    assert once.exists()  # a worker really was killed
    expected = [r.id for r in read_inputs([str(mixed_inputs)], OPTIONS) if isinstance(r, Article)]
    assert article_ids(result.stdout) == expected
    with Store.open(db) as store:
        assert sorted(a.id for a in store.iter_articles()) == sorted(set(expected))
        assert not any("failed on the workers" in m for _, m in store.failures())


class Interrupt:
    """An ``emit`` that stops the run (as Ctrl-C would) after ``after`` articles."""

    def __init__(self, after=None):
        self.after = after
        self.ids = []

    def __call__(self, article):
        self.ids.append(article.id)
        if self.after is not None and len(self.ids) >= self.after:
            raise KeyboardInterrupt


def run_with(kind, paths, config, store, emit):
    def ignore(error):
        return None

    if kind == "in-process":
        return run_local(read_inputs(paths, OPTIONS), Pipeline.from_config(config), emit=emit,
                         on_input_error=ignore, store=store, batch_size=3)
    return run_dask(plan_parts(paths, OPTIONS, bytes_per_part=500), config, OPTIONS, emit=emit,
                    on_input_error=ignore, store=store, batch_size=3, scheduler="synchronous",
                    records_per_part=2)


@pytest.mark.parametrize("kind", ["in-process", "dask"])
def test_an_interrupted_run_resumes_without_redoing_stored_articles(
        kind, tmp_path, mixed_inputs, test_stages):
    config = load_config(overrides={"pipeline": {"modules": ["marsad_test_stages"],
                                                 "stages": ["text.v1", "test-seen.v1"]}})
    paths = [str(mixed_inputs)]
    expected = [r.id for r in read_inputs(paths, OPTIONS) if isinstance(r, Article)]
    with Store.open(tmp_path / "m.db") as store:
        with pytest.raises(KeyboardInterrupt):
            run_with(kind, paths, config, store, Interrupt(after=5))
        kept = {a.id for a in store.iter_articles()}
        assert len(kept) >= 4  # at least what was emitted before the interruption
        test_stages.SEEN.clear()
        emit = Interrupt()
        summary = run_with(kind, paths, config, store, emit)
        assert not kept & set(test_stages.SEEN)  # nothing stored was analysed again
        assert emit.ids == expected
        assert summary.from_store >= len(kept)
        assert sorted(a.id for a in store.iter_articles()) == sorted(set(expected))


def test_runner_options_that_do_not_fit_are_explained(runner, tmp_path, mixed_inputs):
    path = str(mixed_inputs / "a.txt")
    result = runner.invoke(app, ["analyze", path, "--workers", "2", "--scheduler", "synchronous"])
    assert result.exit_code == 2 and "not both" in result.stderr
    result = runner.invoke(app, ["analyze", path, "--workers", "2", "--save-intermediate",
                                 str(tmp_path / "x")])
    assert result.exit_code == 2 and "--save-intermediate" in result.stderr
    result = runner.invoke(app, ["analyze", "-", "--scheduler", "synchronous"], input="نص")
    assert result.exit_code == 2 and "standard input" in result.stderr
    result = runner.invoke(app, ["analyze", path, "--workers", "0"])
    assert result.exit_code == 2
    with pytest.raises(ClusterError, match="not both"):
        run_dask([], load_config(), OPTIONS, emit=print, on_input_error=print, workers=1,
                 scheduler="synchronous")


@pytest.mark.parametrize("runner_options", [[], ["--scheduler", "synchronous"]])
def test_ctrl_c_keeps_finished_work_and_the_same_command_goes_on(
        runner, tmp_path, mixed_inputs, test_stages, runner_options):
    rows = [json.dumps({"text": f"خبر {i} عن حماة" + (" INTERRUPT-HERE" if i == 7 else "")},
                       ensure_ascii=False) for i in range(10)]
    (mixed_inputs / "z.jsonl").write_text("\n".join(rows), encoding="utf-8")
    config = write_config(tmp_path / "c.toml", stages=("text.v1", "test-interrupt.v1"),
                          test_interrupt={"once_file": str(tmp_path / "once")})
    db = str(tmp_path / "m.db")
    command = ["analyze", str(mixed_inputs), "--config", config, "--db", db, "--format",
               "articles", *runner_options]
    first = runner.invoke(app, command)
    assert first.exit_code == 130
    assert "interrupted; finished articles are kept in" in first.stderr
    with Store.open(db) as store:
        kept = {a.id for a in store.iter_articles()}
    assert kept
    second = runner.invoke(app, command)
    assert second.exit_code == 0, second.stderr
    expected = [r.id for r in read_inputs([str(mixed_inputs)], OPTIONS) if isinstance(r, Article)]
    assert article_ids(second.stdout) == expected
    reread = sum(1 for i in expected if i in kept)  # a duplicate input is read back twice
    assert f"({reread} already stored)" in summary_of(second.stderr)


@pytest.mark.slow
def test_an_existing_cluster_serves_run_after_run(runner, tmp_path, mixed_inputs, test_stages):
    from distributed import Client, LocalCluster

    config = write_config(tmp_path / "c.toml")
    local = analyse(runner, [str(mixed_inputs)], config, "--db", str(tmp_path / "local.db"))
    db = str(tmp_path / "m.db")
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        address = ["--scheduler", cluster.scheduler_address, "--db", db]
        first = analyse(runner, [str(mixed_inputs)], config, *address)
        second = analyse(runner, [str(mixed_inputs)], config, *address)
        plugins = client.run(lambda dask_worker: list(dask_worker.plugins))
    assert first.stdout == second.stdout == local.stdout
    assert "already stored" in summary_of(second.stderr)
    assert not any(name.startswith("marsad-") for names in plugins.values() for name in names)


@pytest.mark.slow
def test_parts_reach_the_driver_unpickled_with_the_garbage_collector_paused(test_stages):
    import gc

    import dask
    from distributed import Client, LocalCluster

    from marsad.runners.dask import LOCAL_CLUSTER

    with dask.config.set(LOCAL_CLUSTER), \
            LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        result = client.submit(test_stages.part_with_gc_probe, pure=False).result()
    assert result.items == [False]
    assert gc.isenabled()
