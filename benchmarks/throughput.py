"""Throughput of the per-article pipeline on SaudiNewsNet, in-process and on Dask workers.

    python benchmarks/throughput.py --sample 3000 --repeat 3

reads the SaudiNewsNet day files (.zip of JSON) straight from the shared data folder
(``--data``, default ../shared/data or $MARSAD_SHARED_DATA), takes the first ``--sample``
records in file order, and analyses them with the pipeline of marsad's default config
(whatever stages it lists today: the ``stages`` key says which). Each measurement runs in
a fresh process, so its peak memory is its own, and prints one JSON line:

- ``runner``: ``in-process`` or ``dask`` (a local cluster of ``workers`` processes, one
  thread each, started before the clock starts: ``startup_s`` says how long that took);
  ``store``: whether results were also written to a SQLite file (in a temp folder).
- ``articles_per_s``, ``articles_per_s_per_core`` (divided by the processes analysing),
  ``events_per_s``, ``seconds`` (reading, analysis and JSON output: every article is
  serialised as ``--format articles`` would print it), ``peak_rss_mb`` of the driver and
  ``worker_peak_rss_mb`` of the largest worker. ``warmup_s`` (imports, building the
  pipeline, one throwaway article in each process) is outside ``seconds``: a real run
  pays it once per process, on top of ``startup_s``.
- ``output_sha256``: a hash of the output, equal across runners when results are identical.

- ``cpu_s`` (the driver process: with Dask it also runs the scheduler and the client),
  ``worker_cpu_s`` (each worker) and ``articles_per_cpu_s``: CPU time over the timed part,
  which the machine's other load disturbs much less than wall time does; ``cores_used``,
  all that CPU time over the wall time (near 1 means the run got one core's worth, whatever
  the number of workers: on a shared Linux machine with autogroup scheduling, all the
  processes of one session share one session's part of the CPU).

``--config FILE`` measures another configuration, e.g. ``benchmarks/fast.toml`` (the NER
model only on sentences with an event trigger); every line names the file and the
``model_sentences`` setting it ran with.

``--busy-ms N`` adds a synthetic stage (benchmarks/bench_stages.py) spending N ms of CPU
per article, a stand-in for the per-article stages still being built; its lines say so in
``synthetic_ms_per_article``.

Then one ``speedup`` line per store setting: Dask over in-process wall-clock rate, median
and spread over the repeats; and ``cpu_bound_speedup``, the in-process CPU time over the
least time the Dask run's CPU time allows on this machine's cores (its busiest process's,
or all of it spread over the cores): what the runners would reach with the cores to
themselves. It ignores waiting, so it is an upper bound. The machine may be shared:
``loadavg`` is recorded with every line.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from marsad.config import load_config
from marsad.exports.jsonl import article_record, dumps
from marsad.ingest import IngestOptions, make_article
from marsad.ingest.parts import Part, plan_parts, read_part, read_plan
from marsad.model import Article
from marsad.runners.dask import worker_pipeline
from marsad.runners.local import RunSummary, run_local
from marsad.store import Store

TARGET_PER_CORE = 20.0
WARM_UP_TEXT = "قال مصدر محلي إن قصفاً استهدف مدينة حلب صباح اليوم. وأضاف أن الأهالي نزحوا."
TARGET_SPEEDUP = 1.6


def default_data() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def sample_parts(data: Path, sample: int, options: IngestOptions) -> list[Part]:
    """Parts covering the first ``sample`` records of the day files (counted, not timed)."""
    folder = data / "news" / "saudinewsnet" / "dataset"
    zips = sorted(str(p) for p in folder.glob("*.zip"))
    if not zips:
        sys.exit(f"no SaudiNewsNet .zip files in {folder}; pass --data")
    parts = []
    left = sample
    for part in plan_parts(zips, options):
        if left <= 0:
            break
        count = sum(1 for _ in read_part(part, options))
        take = min(count, left)
        parts.append(Part(part.path, member=part.member, start=0, stop=take,
                          size=part.size * take // max(count, 1)))
        left -= take
    return parts


def warm_up(config: dict) -> None:
    """Import, build the pipeline and analyse one article before the clock starts."""
    options = IngestOptions.from_config(config)
    worker_pipeline(config)(make_article(WARM_UP_TEXT, origin="<warm-up>", options=options))


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Output:
    """Serialises every article as ``--format articles`` would, and hashes the lines."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def __call__(self, article: Article) -> None:
        self.hash.update((dumps(article_record(article)) + "\n").encode())


def bench_config(busy_ms: float) -> dict:
    """The default config, plus the synthetic ``bench-busy.v1`` stage when asked."""
    config = load_config()
    if busy_ms:
        sys.path.insert(0, str(Path(__file__).resolve().parent))  # workers inherit it
        stages = [*config["pipeline"]["stages"], "bench-busy.v1"]
        config = load_config(overrides={"pipeline": {"modules": ["bench_stages"],
                                                     "stages": stages},
                                        "bench": {"busy_ms": busy_ms}})
    return config


def measure(args: argparse.Namespace) -> dict:
    """One measurement in this process."""
    config = bench_config(args.busy_ms)
    options = IngestOptions.from_config(config)
    parts = sample_parts(Path(args.data), args.sample, options)
    output = Output()
    failed: list[str] = []
    workdir = tempfile.mkdtemp(prefix="marsad-bench-")
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    store = Store.open(Path(workdir) / "bench.db") if args.with_store else None
    batch_size = int(config.get("store", {}).get("batch_size", 200))
    startup = 0.0
    worker_peak = None
    cluster = client = None
    begun = time.perf_counter()
    if args.runner == "dask":
        import dask
        from distributed import Client, LocalCluster

        from marsad.runners.dask import LOCAL_CLUSTER

        with dask.config.set(LOCAL_CLUSTER):  # the cluster `marsad analyze --workers` starts
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                   dashboard_address=None)
        client = Client(cluster)
        startup = time.perf_counter() - begun
        begun = time.perf_counter()
        client.run(warm_up, config)
    else:
        warm_up(config)
    warmup = time.perf_counter() - begun
    worker_cpu = client.run(cpu_seconds) if client is not None else {}
    driver_cpu = cpu_seconds()
    started = time.perf_counter()
    if args.runner == "dask":
        from marsad.runners.dask import run_dask

        summary: RunSummary = run_dask(
            parts, config, options, emit=output, on_input_error=lambda e: failed.append(str(e)),
            store=store, batch_size=batch_size, scheduler=cluster.scheduler_address,
            records_per_part=int(config.get("runner", {}).get("records_per_part", 50)))
    else:
        pipeline = worker_pipeline(config)
        summary = run_local(read_plan(parts, options), pipeline, emit=output,
                            on_input_error=lambda e: failed.append(str(e)), store=store,
                            batch_size=batch_size)
    seconds = time.perf_counter() - started
    driver_cpu = cpu_seconds() - driver_cpu
    if client is not None:
        after = client.run(cpu_seconds)
        worker_cpu = {w: after[w] - worker_cpu.get(w, 0.0) for w in after}
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        worker_peak = round(max(peaks.values()) / 1024, 1)
        client.close()
        cluster.close()
    if store is not None:
        store.close()
    cores = args.workers if args.runner == "dask" else 1
    rate = summary.articles / seconds
    return {
        "measure": "throughput", "runner": args.runner, "store": args.with_store,
        "workers": cores, "sample": args.sample, "articles": summary.articles,
        "input_errors": len(failed), "events": summary.events,
        "stage_errors": summary.stage_errors, "seconds": round(seconds, 2),
        "startup_s": round(startup, 2), "warmup_s": round(warmup, 2),
        "articles_per_s": round(rate, 1),
        "articles_per_s_per_core": round(rate / cores, 1),
        "events_per_s": round(summary.events / seconds, 2),
        "cpu_s": round(driver_cpu, 2),
        "worker_cpu_s": sorted(round(v, 2) for v in worker_cpu.values()),
        "articles_per_cpu_s": round(summary.articles / (driver_cpu + sum(worker_cpu.values())),
                                    1),
        "cores_used": round((driver_cpu + sum(worker_cpu.values())) / seconds, 2),
        "peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": worker_peak,
        "stages": config["pipeline"]["stages"], "synthetic_ms_per_article": args.busy_ms,
        "config": os.environ.get("MARSAD_CONFIG"),
        "model_sentences": config.get("mentions", {}).get("model_sentences", "all"),
        "output_sha256": output.hash.hexdigest()[:16],
        "cpu_count": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
        "repeat": args.repeat_index,
    }


def run_child(args: argparse.Namespace, runner: str, store: bool, index: int) -> dict:
    command = [sys.executable, __file__, "--one", runner, "--data", str(args.data),
               "--sample", str(args.sample), "--workers", str(args.workers),
               "--repeat-index", str(index), "--busy-ms", str(args.busy_ms)] + (
                   ["--with-store"] if store else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          timeout=args.timeout)
    if done.returncode != 0:
        sys.exit(f"{runner} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(default_data()),
                        help="the shared data folder (holding news/saudinewsnet)")
    parser.add_argument("--sample", type=int, default=3000, help="articles (records) to read")
    parser.add_argument("--repeat", type=int, default=3, help="measurements per runner")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--store", choices=["no", "yes", "both"], default="both",
                        help="also write every result to a SQLite store")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per measurement")
    parser.add_argument("--config", default=None,
                        help="a marsad TOML config overriding the defaults (e.g. "
                             "benchmarks/fast.toml); its path is recorded in every line")
    parser.add_argument("--busy-ms", type=float, default=0.0,
                        help="add a synthetic stage spending this much CPU time per article "
                             "(benchmarks/bench_stages.py), standing in for stages to come")
    parser.add_argument("--one", choices=["in-process", "dask"], dest="runner",
                        help=argparse.SUPPRESS)
    parser.add_argument("--repeat-index", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--with-store", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.config:
        os.environ["MARSAD_CONFIG"] = str(Path(args.config).resolve())  # children inherit it
    if args.runner:
        print(json.dumps(measure(args), ensure_ascii=False), flush=True)
        return
    settings = {"no": [False], "yes": [True], "both": [False, True]}[args.store]
    for store in settings:
        rates: dict[str, list[float]] = {"in-process": [], "dask": []}
        bounds: list[float] = []
        hashes = set()
        for index in range(args.repeat):
            lines = {}
            for runner in ("in-process", "dask"):
                line = lines[runner] = run_child(args, runner, store, index)
                rates[runner].append(line["articles_per_s"])
                hashes.add(line["output_sha256"])
                print(json.dumps(line, ensure_ascii=False), flush=True)
            # what this machine's cores would give with nobody else on them: the Dask run
            # can end no sooner than its busiest process, nor than all its CPU time spread
            # over the cores
            dask_cpu = [lines["dask"]["cpu_s"], *lines["dask"]["worker_cpu_s"]]
            floor = max(max(dask_cpu), sum(dask_cpu) / (os.cpu_count() or 1))
            bounds.append(lines["in-process"]["cpu_s"] / floor)
        ratios = [d / s for d, s in zip(rates["dask"], rates["in-process"], strict=True)]
        per_core = statistics.median(rates["in-process"])
        print(json.dumps({
            "measure": "speedup", "store": store, "workers": args.workers,
            "sample": args.sample, "repeats": args.repeat, "synthetic_ms_per_article":
            args.busy_ms, "config": os.environ.get("MARSAD_CONFIG"),
            "median": round(statistics.median(ratios), 2), "min": round(min(ratios), 2),
            "max": round(max(ratios), 2), "ratios": [round(r, 2) for r in ratios],
            "cpu_bound_speedup": [round(b, 2) for b in bounds],
            "in_process_median_articles_per_s": per_core,
            "dask_median_articles_per_s": statistics.median(rates["dask"]),
            "identical_output": len(hashes) == 1,
            "target_per_core_met": per_core >= TARGET_PER_CORE,
            "target_speedup_met": statistics.median(ratios) >= TARGET_SPEEDUP,
            "loadavg": [round(x, 2) for x in os.getloadavg()],
        }), flush=True)


if __name__ == "__main__":
    main()
