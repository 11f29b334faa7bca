"""Batch throughput: 1,000 articles summarized and translated, local (1 and 2 workers)
and Ray (a local runtime with 2 CPUs), in one run.

`python -m bench.batch [--articles N] [--base M]`

The articles are the 50 development news articles of ../shared/data repeated; each
copy's sentences are made distinct (a copy number before the final stop), so no
engine's sentence cache can translate a copy for free. Every summary (5 sentences,
the default algorithm) is translated into Russian with a tiny pack built offline
(testkit/tinypack.py; d_model 32, with bench.translation_speed's end-of-sentence
bias so that random weights do not run to the length limit: translation is cheap and
the rate is mostly reading, detection, summarizing and the engine's own overhead).
`--base M` adds a run of M articles with a transformer-base sized pack (d_model 512,
6+6 layers, int8, as in bench.translation_speed) on 2 local workers: the per-core
rate the cluster estimate in docs/batch.md starts from.

Rates are articles per second of wall time, start-up of the pool included; the Ray
runtime is started before the clock (a cluster is already running) and its start
is shown apart. Peak memory is each worker's maximum resident set (ru_maxrss). "Worker
CPU s/article" is the mean CPU time of an article in its worker (timings.cpu): unlike
wall rates it barely depends on what else the machine runs, so it is the per-core
cost the cluster estimate uses (a Ray actor's translation is not in it).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _data_dir() -> Path:
    """../shared/data from the repository, also from a worktree one level deeper."""
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


DATA = _data_dir()
ARTICLES = 1_000
TARGET = "ru"


def _make_corpus(folder: Path, count: int) -> int:
    """count files from the dev news, each copy's sentences numbered; returns the count."""
    sources = sorted((DATA / "news-summaries-dev" / "article").glob("*/*.txt"))
    folder.mkdir(parents=True)
    for number in range(count):
        source = sources[number % len(sources)]
        copy = number // len(sources)
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        if copy:
            lines = [lines[0], *(_numbered(line, copy) for line in lines[1:])]
        (folder / f"{number:05}-{source.parent.name}-{source.name}").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return count


def _numbered(line: str, copy: int) -> str:
    stripped = line.rstrip()
    if stripped.endswith((".", "!", "?")):
        return f"{stripped[:-1]} {copy}{stripped[-1]}"
    return stripped


def _run(label: str, corpus: Path, out: Path, engine: str, workers: int) -> dict:
    from digest.batch.article import BatchSettings
    from digest.batch.runner import BatchJob, run_batch

    job = BatchJob([str(corpus)], out, BatchSettings(translate_to=TARGET), engine=engine,
                   workers=workers, progress=False)
    report = run_batch(job)
    workers_mb = [info.max_rss_mb for info in report.workers.values()]
    helpers_mb = [info.max_rss_mb for info in report.helpers]
    row = {
        "label": label, "done": report.done, "failed": report.failed,
        "seconds": report.seconds, "rate": report.rate, "workers": workers,
        "peak_mb": max(workers_mb, default=0.0), "helper_mb": max(helpers_mb, default=0.0),
    }
    cpu = [row["timings"].get("cpu", 0.0) for row in _rows(out, timings=True).values()
           if row["status"] == "ok"]
    row["cpu_per_article"] = sum(cpu) / len(cpu) if cpu else 0.0
    print(f"{label}: {report.summary_line()}", flush=True)
    return row


def _rows(out: Path, timings: bool = False) -> dict[str, dict]:
    import json

    rows = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not timings:
            row.pop("timings")
        rows[row["path"]] = row
    return rows


def _training_sentences() -> tuple[str, ...]:
    """The dev sentences and news lines, for the base-sized pack's tokenizer (as
    bench.translation_speed trains it, from this module's DATA)."""
    lines: list[str] = []
    for path in sorted((DATA / "sentences-dev").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for path in sorted((DATA / "news-summaries-dev" / "article").glob("*/*.txt")):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return tuple(line for line in lines if line.strip())


def _install(packs: Path, base: bool) -> None:
    from testkit.tinypack import build_pack
    from translator.packs.install import install_from_file

    packs.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packs)
    built = packs.parent / "built"
    if base:
        from bench.translation_speed import BASE_EOS_BIAS

        pack = build_pack(built, "en", TARGET, seed=0, vocab_size=8000,
                          training_sentences=_training_sentences(), layers=6, d_model=512,
                          heads=8, ffn_dim=2048, quantization="int8", eos_bias=BASE_EOS_BIAS)
    else:
        from bench.translation_speed import TINY_EOS_BIAS

        pack = build_pack(built, "en", TARGET, seed=1, eos_bias=TINY_EOS_BIAS)
    install_from_file(pack)


def _table(rows: list[dict]) -> None:
    print()
    print("| run | articles | failed | wall time | articles/s | per worker | "
          "worker CPU s/article | peak memory per worker | translator actor |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        per_worker = row["rate"] / max(1, row["workers"])
        actor = f"{row['helper_mb']:.0f} MB" if row["helper_mb"] else "—"
        print(f"| {row['label']} | {row['done']:,} | {row['failed']} | {row['seconds']:.1f} s "
              f"| {row['rate']:.1f} | {per_worker:.1f} | {row['cpu_per_article']:.3f} "
              f"| {row['peak_mb']:.0f} MB | {actor} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.batch")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--base", type=int, default=0, metavar="M",
                        help="also run M articles with a base-sized pack (2 local workers)")
    args = parser.parse_args(argv)
    if not (DATA / "news-summaries-dev").is_dir():
        print(f"development data not found at {DATA}", file=sys.stderr)
        return 1
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        _make_corpus(root / "corpus", args.articles)
        _install(root / "tiny" / "packs", base=False)
        print(f"{args.articles:,} articles, summaries translated into {TARGET} (tiny pack); "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
        rows.append(_run("local, 1 worker", root / "corpus", root / "local1", "local", 1))
        rows.append(_run("local, 2 workers", root / "corpus", root / "local2", "local", 2))

        import ray

        from digest.batch.ray_engine import start_local_runtime

        started = time.perf_counter()
        start_local_runtime(2)
        print(f"Ray local runtime started in {time.perf_counter() - started:.1f} s", flush=True)
        try:
            rows.append(_run("ray, 2 CPUs", root / "corpus", root / "ray2", "ray", 2))
        finally:
            ray.shutdown()
        agree = _rows(root / "local1") == _rows(root / "local2") == _rows(root / "ray2")
        if args.base:
            _make_corpus(root / "corpus-base", args.base)
            _install(root / "base" / "packs", base=True)
            rows.append(_run("local, 2 workers, base-sized pack", root / "corpus-base",
                             root / "base-out", "local", 2))
    _table(rows)
    print()
    print(f"Manifests of the three tiny-pack runs agree row for row (timings aside): {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
