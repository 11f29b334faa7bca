"""A batch run: find the inputs, skip what the manifest has done, send the rest to an
engine, record each row as it finishes, rebuild digest.txt, count.

The runner is the only writer of DIR: workers return rows, and each row is recorded
(summary file first, then the on_row hook, e.g. the library keeping the article, then the
fsync'd manifest line), so the manifest never claims a file whose summary is missing or
whose article the hook has not kept; a rerun asks `is_kept` about the rows it skips and
gives those it lacks to on_row again. Ctrl-C (or the stop_after test hook) stops
submitting, lets the engine finish or abandon in-flight tasks, records what finished
and rebuilds digest.txt; a next run continues from there.

One odd input is one error row: a file that is missing, a folder, a device, a FIFO, a
link that loops, too large (measured before it is read) or unreadable. A folder that
cannot be written (full disk, read-only) stops the run with `report.stopped_by` saying
so; what was recorded stays consistent.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from digest.batch.article import (
    KEPT,
    NOT_KEPT,
    OK,
    REFUSED,
    BatchSettings,
    Outcome,
    Refused,
    Row,
    Task,
    WorkerInfo,
    error_row,
)
from digest.batch.engines import Engine, LocalEngine
from digest.batch.inputs import InputFile, find_inputs
from digest.batch.manifest import (
    MANIFEST_NAME,
    ManifestWriter,
    OutputError,
    RowRef,
    is_done,
    latest_rows,
    output_error,
    read_row,
)
from digest.batch.outputs import (
    SummaryNames,
    remove_summary,
    write_digest,
    write_summary,
    write_translated,
)
from digest.inputs import InputRefused, read_bounded
from digest.stories.runs import RunStories

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")
RowCallback = Callable[[Row], "str | None"]
"""Called in the runner's process for each new row (ok or error) before its manifest
line is written: the hook `--library` uses to keep articles in the reader's library.
Returns None when done, else the reason it could not keep the row's article."""
KeptCheck = Callable[[RowRef], bool]
"""Whether the hook has an `ok` row's article; asked about rows it never kept (made
without it, or not kept): False gives the row to on_row again. A row it kept and now
lacks was deleted from the library on purpose, and a row it refused stays refused."""


@dataclass(frozen=True)
class BatchJob:
    inputs: Sequence[str]
    out: Path
    settings: BatchSettings = BatchSettings()
    engine: str = "local"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    ray_address: str | None = None
    on_row: RowCallback | None = None
    is_kept: KeptCheck | None = None
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
    outputs: tuple[str, ...] = ()
    """Inputs left out because they are the output folder or inside it."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    not_kept: list[tuple[str, str]] = field(default_factory=list)
    """(file, reason) of rows whose article the on_row hook could not keep."""
    repaired: int = 0
    """Skipped rows whose article the hook lacked and kept again."""
    stopped_by: str | None = None
    """Why the run stopped early without Ctrl-C (the output folder cannot be written)."""
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
        if self.repaired:
            line += f", {self.repaired:,} kept again in the library"
        if self.not_kept:
            line += f", {len(self.not_kept):,} not kept in the library"
        if self.stopped_by:
            line += " — stopped"
        return line + (" — interrupted" if self.interrupted else "")


def make_engine(job: BatchJob) -> Engine:
    if job.engine == "local":
        return LocalEngine(job.settings, job.workers)
    if job.engine == "ray":
        from digest.batch.ray_engine import RayEngine  # Ray is imported only here

        return RayEngine(job.settings, job.workers, job.ray_address)
    raise ValueError(f"unknown engine {job.engine!r}; choose one of {', '.join(ENGINES)}")


class _Recorder:
    """Writes each finished row into DIR and counts it."""

    def __init__(self, job: BatchJob, writer: ManifestWriter, latest: dict[str, RowRef],
                 report: BatchReport, bar: tqdm) -> None:
        self.job, self.writer, self.latest, self.report, self.bar = job, writer, latest, report, bar
        self.new_rows = 0
        self.stopping = False
        self.translated_names: dict[str, str] = {}  # translated file name -> its input's path
        self.stories = RunStories()
        self._expected: deque[int] = deque()  # indices of the tasks submitted, in order
        self._arrived: dict[int, Outcome] = {}
        self._features: frozenset[str] = frozenset()

    # Stories are given in input order (each row's story depends on the rows before it
    # only), so both engines, whatever order their tasks finish in, give the same stories.

    def submitted(self, index: int) -> None:
        self._expected.append(index)

    def arrived(self, outcome: Outcome) -> None:
        """A finished task: recorded once every task submitted before it is."""
        self._arrived[outcome.index] = outcome
        while self._expected and self._expected[0] in self._arrived:
            self._record_outcome(self._arrived.pop(self._expected.popleft()))

    def flush(self) -> None:
        """After a stop: what finished, in input order (tasks abandoned never come)."""
        self._expected.clear()
        for index in sorted(self._arrived):
            self._record_outcome(self._arrived.pop(index))

    def _record_outcome(self, outcome: Outcome) -> None:
        self._features = outcome.features
        try:
            self.outcome(outcome)
        finally:
            self._features = frozenset()

    def _story(self, row: Row) -> None:
        """The row's story in this run (an ok row only)."""
        if row.get("status") != OK:
            return
        try:
            if self._features:
                row["story"] = self.stories.add(row["path"], row["sha256"], self._features,
                                                published=row.get("published"))
            else:
                row["story"] = self.stories.add_row({**row, "story": None})
        except Exception:  # noqa: BLE001 - a row without a story is still a row
            log.exception("batch: the story of %r failed", row.get("file"))

    def seed(self, ref: RowRef | None) -> None:
        """A row an earlier run made: its story, for new rows to join."""
        if ref is None or ref.status != OK:
            return
        try:
            self.stories.add_row(read_row(self.writer.path, ref.offset))
        except Exception:  # noqa: BLE001 - only costs a story its earlier articles
            log.warning("batch: the story of %r cannot be read back", ref.path, exc_info=True)

    def _summary(self, row: Row) -> Row:
        """Write the row's summary (or drop the one a now failing file had); a file whose
        summary alone cannot be written becomes an error row. OutputError goes up."""
        previous = self.latest.get(row["path"])
        if row["status"] == OK:
            try:
                write_summary(self.job.out, row)
            except (OSError, ValueError) as error:
                log.warning("batch: the summary of %r cannot be written", row["file"],
                            exc_info=True)
                reason = getattr(error, "strerror", None) or str(error)
                return self._failed(row, f"its summary file cannot be written ({reason}).")
        if row["status"] != OK and previous is not None:
            remove_summary(self.job.out, previous.summary_file)
        return row

    def _failed(self, row: Row, reason: str) -> Row:
        task = Task(0, row["file"], row["path"], b"", row["sha256"], "")
        failed = error_row(task, self.job.settings, reason)
        previous = self.latest.get(row["path"])
        if previous is not None:
            remove_summary(self.job.out, previous.summary_file)
        return failed

    def keep(self, row: Row) -> bool:
        """The on_row hook for one row, its answer in the row's `library` field; False (and
        the reason noted) when it failed."""
        if self.job.on_row is None:
            return True
        try:
            reason = self.job.on_row(row)
        except Exception as error:  # noqa: BLE001 - one row's hook must not end the run
            log.exception("batch: the row hook failed for %r", row.get("file"))
            reason = f"unexpected error: {type(error).__name__}: {error}"
        if row.get("status") == OK:
            row["library"] = KEPT if not reason else (
                REFUSED if isinstance(reason, Refused) else NOT_KEPT)
        if reason:
            self.report.not_kept.append((row["file"], str(reason)))
            return False
        return True

    def record(self, row: Row, worker: WorkerInfo | None = None) -> None:
        row = self._summary(row)
        self._story(row)
        self.keep(row)  # before the row: a row on file is a row the hook has
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
        stop_after = self.job.stop_after
        if stop_after is not None and self.new_rows >= stop_after and not self.stopping:
            raise KeyboardInterrupt

    def _translated_name(self, path: str, name: str) -> str:
        """`name`, or `<stem> (2).<target>.<ext>` when another input of this run has it."""
        parts = name.rsplit(".", 2)  # stem, target, extension
        number, candidate = 2, name
        while self.translated_names.get(candidate.lower(), path) != path:
            candidate = f"{parts[0]} ({number}).{'.'.join(parts[1:])}"
            number += 1
        self.translated_names[candidate.lower()] = path
        return candidate

    def outcome(self, outcome: Outcome) -> None:
        row = outcome.row
        if outcome.translated is not None and row.get("translated_file"):
            row["translated_file"] = self._translated_name(row["path"], row["translated_file"])
            try:  # before the row, as its summary: a row on file has its files
                write_translated(self.job.out, row["translated_file"], outcome.translated)
            except (OSError, ValueError) as error:
                log.warning("batch: the translated file of %r cannot be written", row["file"],
                            exc_info=True)
                reason = getattr(error, "strerror", None) or str(error)
                row["translated_file"] = None
                row["translated_file_error"] = f"it cannot be written ({reason})."
        self.record(row, outcome.worker)

    def repair(self, ref: RowRef) -> bool:
        """A skipped row whose article the hook lacks: give it the row again. False when
        the row cannot be read back (the file is then done again)."""
        try:
            row = read_row(self.writer.path, ref.offset)
        except (OSError, ValueError, RecursionError):
            return False
        if not self.keep(row):
            return True  # said; tried again next run
        self.report.repaired += 1
        try:  # the row again, saying it is kept now
            self.latest[ref.path] = self.writer.append(row)
        except OutputError:
            pass  # the next run looks again
        return True


class _Planner:
    """Turns input files into Tasks, one at a time: reads, hashes, skips what is done."""

    def __init__(self, job: BatchJob, files: Sequence[InputFile], latest: dict[str, RowRef],
                 recorder: _Recorder) -> None:
        self.job, self.latest, self.recorder = job, latest, recorder
        self.files = iter(enumerate(files))
        self.names = SummaryNames(latest.values())
        self.fingerprint = job.settings.fingerprint()

    def _skip(self, ref: RowRef | None, sha256: str) -> bool:
        """Whether the file's row can stand: done, and (with a hook) its article kept."""
        if not is_done(ref, sha256, self.fingerprint):
            return False
        assert ref is not None
        if (self.job.is_kept is not None and self.job.on_row is not None
                and ref.library not in (KEPT, REFUSED)):
            try:
                kept = self.job.is_kept(ref)
            except Exception:  # noqa: BLE001 - the hook says why when it keeps the row
                log.warning("batch: asking the hook about %r failed", ref.path, exc_info=True)
                kept = False
            if not kept and not self.recorder.repair(ref):
                return False
        return True

    def next_task(self) -> Task | None:
        for index, item in self.files:
            path = item.key
            try:
                data = read_bounded(item.path, pipes=False)
            except InputRefused as refused:
                placeholder = Task(index, item.name, path, b"", "", "")
                reason = str(refused).rstrip(".") + "."
                self.recorder.record(error_row(placeholder, self.job.settings, reason))
                continue
            sha256 = hashlib.sha256(data).hexdigest()
            if self._skip(self.latest.get(path), sha256):
                self.recorder.seed(self.latest.get(path))
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
        path = item.key
        if path in latest and path not in seen:
            ordered.append(latest[path])
            seen.add(path)
    ordered += [row for path, row in latest.items() if path not in seen]
    return ordered


def _prepare(out: Path) -> dict[str, RowRef]:
    """Make DIR and read its manifest; OutputError when either is impossible."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return latest_rows(out / MANIFEST_NAME)
    except OSError as error:
        raise output_error(Path(error.filename or out), error) from None


def run_batch(job: BatchJob) -> BatchReport:
    """Run a batch into job.out; see the module docstring. KeyboardInterrupt is absorbed
    into `report.interrupted` once the engine has started; OutputError before anything
    is written (DIR cannot be made or read) goes up, later into `report.stopped_by`."""
    started = time.perf_counter()
    latest = _prepare(job.out)
    found = find_inputs(job.inputs, job.out)
    manifest = job.out / MANIFEST_NAME
    report = BatchReport(out=job.out, missing=found.missing, outputs=found.outputs)
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
                            recorder.submitted(task.index)
                            engine.submit(task)
                        if not engine.pending():
                            recorder.flush()  # nothing is waiting then; a guard
                            break
                        finished = engine.wait_any()
                        while finished:
                            recorder.arrived(finished.pop(0))
                except KeyboardInterrupt:
                    report.interrupted = True
                    bar.set_description("stopping")
                    recorder.stopping = True
                    for outcome in [*finished, *engine.stop()]:
                        recorder.arrived(outcome)
                    recorder.flush()
                except OutputError as error:
                    report.stopped_by = str(error)
                    bar.set_description("stopping")
                    engine.stop()  # their rows could not be written either: redone next run
            report.helpers = list(engine.helpers)
    except OutputError as error:
        report.stopped_by = report.stopped_by or str(error)
    finally:
        bar.close()
        report.seconds = time.perf_counter() - started
    try:
        write_digest(job.out, manifest, _digest_order(found.files, latest))
    except OutputError as error:
        report.stopped_by = report.stopped_by or str(error)
    return report
