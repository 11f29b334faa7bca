"""A batch run: find the inputs, skip what the manifest has done, send the rest to an
engine, record each row as it finishes, rebuild digest.txt, count.

The runner is the only writer of DIR: workers return rows, and each row is recorded
(summary file first, then the fsync'd manifest line, then the on_row hook), so the
manifest never claims a file whose summary is missing. Ctrl-C (or the stop_after test
hook) stops submitting, lets the engine finish or abandon in-flight tasks, records
what finished and rebuilds digest.txt; a next run continues from there.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from digest.batch.article import OK, BatchSettings, Outcome, Row, Task, WorkerInfo, error_row
from digest.batch.engines import Engine, LocalEngine
from digest.batch.inputs import InputFile, find_inputs
from digest.batch.manifest import MANIFEST_NAME, ManifestWriter, RowRef, is_done, latest_rows
from digest.batch.outputs import SummaryNames, remove_summary, write_digest, write_summary
from digest.job import ARTICLE_MAX_BYTES, ARTICLE_MAX_MB, MB

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")
RowCallback = Callable[[Row], None]
"""Called in the runner's process after each new row is recorded (ok or error):
the hook `--library` uses to store results in the reader's library."""


@dataclass(frozen=True)
class BatchJob:
    inputs: Sequence[str]
    out: Path
    settings: BatchSettings = BatchSettings()
    engine: str = "local"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    ray_address: str | None = None
    on_row: RowCallback | None = None
    progress: bool | None = None
    """True/False forces the progress bar on/off; None shows it on a terminal only."""
    stop_after: int | None = None
    """Test hook: behave as if Ctrl-C came after this many new rows."""


@dataclass
class BatchReport:
    """What one run did; `failures` are (file, reason) of this run's error rows."""

    out: Path
    done: int = 0
    skipped: int = 0
    failed: int = 0
    missing: tuple[str, ...] = ()
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    workers: dict[tuple[str, int], WorkerInfo] = field(default_factory=dict)
    """The processes that made rows, with their peak memory."""
    helpers: list[WorkerInfo] = field(default_factory=list)
    """Other processes of the engine (Ray's Translator actors)."""

    @property
    def processed(self) -> int:
        return self.done + self.failed

    @property
    def rate(self) -> float:
        """Articles processed (done or failed) per second of the run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def summary_line(self) -> str:
        line = (
            f"{self.done:,} done, {self.skipped:,} skipped, {self.failed:,} failed "
            f"in {self.seconds:.1f} s ({self.rate:.2f} articles/s)"
        )
        return line + (" — interrupted" if self.interrupted else "")


def make_engine(job: BatchJob) -> Engine:
    if job.engine == "local":
        return LocalEngine(job.settings, job.workers)
    if job.engine == "ray":
        from digest.batch.ray_engine import RayEngine  # Ray is imported only here

        return RayEngine(job.settings, job.workers, job.ray_address)
    raise ValueError(f"unknown engine {job.engine!r}; choose one of {', '.join(ENGINES)}")


def _oversized(size: int) -> str | None:
    if size <= ARTICLE_MAX_BYTES:
        return None
    return f"the file is too large ({size / MB:.1f} MB); the limit is {ARTICLE_MAX_MB} MB."


class _Recorder:
    """Writes each finished row into DIR and counts it."""

    def __init__(self, job: BatchJob, writer: ManifestWriter, latest: dict[str, RowRef],
                 report: BatchReport, bar: tqdm) -> None:
        self.job, self.writer, self.latest, self.report, self.bar = job, writer, latest, report, bar
        self.new_rows = 0
        self.stopping = False

    def record(self, row: Row, worker: WorkerInfo | None = None) -> None:
        previous = self.latest.get(row["path"])
        if row["status"] == OK:
            write_summary(self.job.out, row)
        elif previous is not None:
            remove_summary(self.job.out, previous.summary_file)
        ref = self.writer.append(row)
        self.latest.pop(row["path"], None)
        self.latest[row["path"]] = ref
        if worker is not None:
            self.report.workers[(worker.host, worker.pid)] = worker
        if row["status"] == OK:
            self.report.done += 1
        else:
            self.report.failed += 1
            self.report.failures.append((row["file"], str(row.get("error"))))
        self.new_rows += 1
        self.bar.update(1)
        self.bar.set_postfix(failed=self.report.failed, refresh=False)
        if self.job.on_row is not None:
            self.job.on_row(row)
        stop_after = self.job.stop_after
        if stop_after is not None and self.new_rows >= stop_after and not self.stopping:
            raise KeyboardInterrupt

    def outcome(self, outcome: Outcome) -> None:
        self.record(outcome.row, outcome.worker)


class _Planner:
    """Turns input files into Tasks, one at a time: reads, hashes, skips what is done."""

    def __init__(self, job: BatchJob, files: Sequence[InputFile], latest: dict[str, RowRef],
                 recorder: _Recorder) -> None:
        self.job, self.latest, self.recorder = job, latest, recorder
        self.files = iter(enumerate(files))
        self.names = SummaryNames(latest.values())
        self.fingerprint = job.settings.fingerprint()

    def next_task(self) -> Task | None:
        for index, item in self.files:
            path = str(item.path.resolve())
            placeholder = Task(index, item.name, path, b"", "", "")
            try:
                size = item.path.stat().st_size
                refusal = _oversized(size)
                if refusal:
                    self.recorder.record(error_row(placeholder, self.job.settings, refusal))
                    continue
                data = item.path.read_bytes()
            except OSError as error:
                reason = f"the file cannot be read ({error.strerror or error})."
                self.recorder.record(error_row(placeholder, self.job.settings, reason))
                continue
            sha256 = hashlib.sha256(data).hexdigest()
            if is_done(self.latest.get(path), sha256, self.fingerprint):
                self.recorder.report.skipped += 1
                self.recorder.bar.update(1)
                continue
            return Task(index, item.name, path, data, sha256, self.names.name_for(path, item.name))
        return None


def _digest_order(files: Sequence[InputFile], latest: dict[str, RowRef]) -> list[RowRef]:
    """This run's inputs in input order, then rows of earlier runs' other files."""
    ordered: list[RowRef] = []
    seen: set[str] = set()
    for item in files:
        path = str(item.path.resolve())
        if path in latest and path not in seen:
            ordered.append(latest[path])
            seen.add(path)
    ordered += [row for path, row in latest.items() if path not in seen]
    return ordered


def run_batch(job: BatchJob) -> BatchReport:
    """Run a batch into job.out; see the module docstring. KeyboardInterrupt is absorbed
    into `report.interrupted` once the engine has started."""
    started = time.perf_counter()
    job.out.mkdir(parents=True, exist_ok=True)
    found = find_inputs(job.inputs)
    manifest = job.out / MANIFEST_NAME
    latest = latest_rows(manifest)
    report = BatchReport(out=job.out, missing=found.missing)
    bar = tqdm(
        total=len(found.files), unit="article", disable=None if job.progress is None
        else not job.progress, file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
    )
    try:
        with ManifestWriter(manifest) as writer:
            recorder = _Recorder(job, writer, latest, report, bar)
            planner = _Planner(job, found.files, latest, recorder)
            engine = make_engine(job)
            with engine:
                window = 2 * engine.workers + 2
                finished: list[Outcome] = []
                try:
                    while True:
                        while engine.pending() < window and (task := planner.next_task()):
                            engine.submit(task)
                        if not engine.pending():
                            break
                        finished = engine.wait_any()
                        while finished:
                            recorder.outcome(finished.pop(0))
                except KeyboardInterrupt:
                    report.interrupted = True
                    bar.set_description("stopping")
                    recorder.stopping = True
                    for outcome in [*finished, *engine.stop()]:
                        recorder.outcome(outcome)
            report.helpers = list(engine.helpers)
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
    write_digest(job.out, manifest, _digest_order(found.files, latest))
    return report

