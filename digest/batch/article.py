"""One article of a batch: file bytes and settings in, one manifest row out.

This is the function every engine runs (a process-pool worker, a Ray task), so it
takes and returns plain picklable values and never raises for a bad article: the
reason becomes the row's `error`. The `.summary.txt` content is made from the row
(summary_record), so the files and digest.txt can be rebuilt from the manifest.
"""
from __future__ import annotations

import logging
import os
import resource
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from articles.export import SummaryRecord
from digest.batch.stories import FEATURES, story_fields
from digest.job import ArticleResult, Upload, add_translation, analyse_safely
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN, Steps
from languages.names import language_name
from translator.glossary import Glossary

log = logging.getLogger(__name__)

OK, ERROR = "ok", "error"

Row = dict[str, Any]
"""One manifest line; see docs/batch.md for its fields."""

Translate = Callable[[tuple[str, ...], str, str], tuple[str, ...]]

KEPT, NOT_KEPT, REFUSED = "kept", "not kept", "refused"
"""A row's `library` field (`--library`): kept; not kept (a rerun tries again); refused
by the library (articles were deleted meanwhile: a rerun must not bring one back)."""


class Refused(str):
    """A reason the library hook gives for an article it must never keep again."""


@dataclass(frozen=True)
class BatchSettings:
    """What every article of one run is asked for; its fingerprint keys resume."""

    summary: SummarySettings = SummarySettings()
    translate_to: str | None = None
    translated_files: bool = False
    """Also each article translated whole in its own format (digest.formatted), written
    into DIR/translated/ (`--translated-files`)."""
    glossary: Glossary = Glossary()
    """Terms kept exactly through translation (`--glossary`, else the library's)."""

    def fingerprint(self) -> dict[str, Any]:
        """The settings a row was made with: a row is reused only when these match."""
        summary = self.summary
        by_count = summary.ratio is None and summary.words is None
        fingerprint = {
            "algorithm": summary.algorithm,
            "sentences": summary.sentences if by_count else None,
            "ratio": summary.ratio,
            "translate_to": self.translate_to,
        }
        if summary.words is not None:  # absent otherwise, so older manifests still match
            fingerprint["words"] = summary.words
        if self.translated_files and self.translate_to:  # the same
            fingerprint["translated_files"] = True
        if self.glossary and self.translate_to:  # the same
            fingerprint["glossary"] = self.glossary.digest()
        return fingerprint


@dataclass(frozen=True)
class Task:
    """One file to do: its bytes travel with it, so workers need no shared disk."""

    index: int
    file: str
    path: str
    data: bytes
    sha256: str
    summary_file: str


@dataclass(frozen=True)
class WorkerInfo:
    """Where a row was made and the peak memory of that worker (for bench/, not the manifest)."""

    host: str
    pid: int
    max_rss_mb: float


@dataclass(frozen=True)
class Outcome:
    index: int
    row: Row
    worker: WorkerInfo
    translated: bytes | None = None
    """The file named by the row's `translated_file`, for the runner to write."""
    features: frozenset[str] = frozenset()
    """The article's story features (digest.batch.stories), for the runner's grouping."""


def _max_rss_mb() -> float:
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kilobytes / (1024 * 1024) if sys.platform == "darwin" else kilobytes / 1024


def worker_info() -> WorkerInfo:
    return WorkerInfo(host=socket.gethostname(), pid=os.getpid(), max_rss_mb=_max_rss_mb())


def _length_label(result: ArticleResult, settings: SummarySettings) -> str:
    assert result.summary is not None
    stats = result.summary.stats
    return f"{stats.summary_sentences} of {stats.sentences} sentences ({settings.length_label})"


def _translation(result: ArticleResult) -> list[str] | None:
    if result.summary is None or not result.translations:
        return None
    texts = [result.translations.get(sentence.index) for sentence in result.summary.sentences]
    return None if any(text is None for text in texts) else [str(text) for text in texts]


def _flagged(result: ArticleResult) -> dict[str, Any] | None:
    """How many translated sentences the checks flagged, and why: {"sentences": 2,
    "reasons": {"loop": 2, "script": 1}} (translator.checks kinds); None without a
    translation."""
    if not result.translations:
        return None
    reasons: dict[str, int] = {}
    for check in result.flags.values():
        for kind in check.kinds:
            reasons[kind] = reasons.get(kind, 0) + 1
    return {"sentences": len(result.flags), "reasons": dict(sorted(reasons.items()))}


def _translation_note(result: ArticleResult) -> str | None:
    if result.missing_pair:
        source, target = result.missing_pair
        return (
            f"No installed language pack translates {language_name(source)} ({source}) "
            f"into {language_name(target)} ({target})."
        )
    return result.translation_note


def make_row(task: Task, settings: BatchSettings, steps: Steps = PLAIN) -> Row:
    """The manifest row for one file; a bad file is an `error` row, never an exception."""
    started, cpu_started = time.perf_counter(), time.process_time()
    upload = Upload(task.file, task.data)
    result = analyse_safely(upload, settings.summary, steps=steps)
    analysed = time.perf_counter()
    if result.ok and settings.translate_to:
        result = add_translation(
            result, TranslationSettings(target=settings.translate_to, glossary=settings.glossary),
            steps)
    finished = time.perf_counter()
    row = base_row(task, settings)
    row.update(
        status=OK if result.ok else ERROR,
        error=result.error,
        timings={
            "analyse": round(analysed - started, 4),
            "translate": round(finished - analysed, 4),
            "total": round(finished - started, 4),
            "cpu": round(time.process_time() - cpu_started, 4),
        },
    )
    if result.ok and result.article is not None and result.summary is not None:
        detection = result.detection.main if result.detection else None
        row.update(
            language=result.language,
            language_name=language_name(result.language),
            confidence=round(detection.probability, 4) if detection else None,
            encoding=result.article.encoding,
            title=result.article.title,
            length=_length_label(result, settings.summary),
            summary=[sentence.text for sentence in result.summary.sentences],
            translation=_translation(result) if settings.translate_to else None,
            translation_note=_translation_note(result) if settings.translate_to else None,
            flagged=_flagged(result) if settings.translate_to else None,
            summary_file=task.summary_file,
        )
        row.update(story_fields(task.data, task.file, result, row.get("translation"),
                                settings.translate_to))
    return row


def run_task(task: Task, settings: BatchSettings, translate: Translate | None = None) -> Outcome:
    """make_row in a worker, with a last guard: even a bug gives a row, not a lost file."""
    steps = PLAIN if translate is None else replace(PLAIN, translate=translate)
    translated = None
    try:
        row = make_row(task, settings, steps)
        if row["status"] == OK and settings.translated_files and settings.translate_to:
            translated = translated_file(task, settings, row, steps)
    except Exception as error:  # noqa: BLE001 - one article's bug must not stop the batch
        log.exception("batch: %r failed", task.file)
        row = error_row(task, settings, f"unexpected error: {type(error).__name__}: {error}")
    features = row.pop(FEATURES, frozenset())
    return Outcome(index=task.index, row=row, worker=worker_info(), translated=translated,
                   features=features)


def translated_file(task: Task, settings: BatchSettings, row: Row, steps: Steps) -> bytes | None:
    """The article translated whole in its own format (digest.formatted); its name
    (`<stem>.<target>.<ext>`; the runner makes it unique in the run) goes in the row's
    `translated_file`, or the reason it could not be made in `translated_file_error`."""
    from digest.formatted import FileNotTranslated, translate_file

    try:
        translated = translate_file(task.file, task.data, None, settings.translate_to or "",
                                    glossary=settings.glossary, steps=steps)
    except FileNotTranslated as error:
        row["translated_file_error"] = error.reason
        return None
    row["translated_file"] = translated.name
    return translated.data


def base_row(task: Task, settings: BatchSettings) -> Row:
    """Every field of a row, empty: all rows have the same keys."""
    return {
        "file": task.file,
        "path": task.path,
        "sha256": task.sha256,
        "settings": settings.fingerprint(),
        "status": ERROR,
        "error": None,
        "language": None,
        "language_name": None,
        "confidence": None,
        "encoding": None,
        "title": None,
        "algorithm": settings.summary.algorithm_label,
        "length": None,
        "summary": [],
        "translate_to": settings.translate_to,
        "translation": None,
        "translation_note": None,
        "flagged": None,
        "summary_file": None,
        "translated_file": None,
        "translated_file_error": None,
        "library": None,
        "story": None,
        "entities": [],
        "keywords": [],
        "outlet": None,
        "published": None,
        "timings": {},
    }


def error_row(task: Task, settings: BatchSettings, reason: str) -> Row:
    """A row for a file that failed outside the article job (unreadable, a lost worker)."""
    row = base_row(task, settings)
    row["error"] = reason
    return row


def printable_name(file: str) -> str:
    """A file name as text that can be written anywhere: a name that is not UTF-8
    (`caf\\xe9.txt` on Linux, a surrogate in Python) gets U+FFFD for its odd bytes."""
    try:
        return file.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (from JSON)
        return file.encode("utf-8", "replace").decode("utf-8")


def summary_record(row: Row) -> SummaryRecord:
    """The export package's record for an `ok` row: .summary.txt and digest.txt share it."""
    translation = row.get("translation")
    return SummaryRecord(
        file_name=printable_name(str(row["file"])),
        title=row.get("title") or "",
        language=row.get("language") or "und",
        language_name=row.get("language_name") or "",
        algorithm=row.get("algorithm") or "",
        length_label=row.get("length") or "",
        sentences=list(row.get("summary") or []),
        translation=list(translation) if translation else None,
        target_language=(
            language_name(row["translate_to"]) if translation and row.get("translate_to") else None
        ),
    )


def warm_up() -> None:
    """Load sumy, nltk and the language detectors now, once per worker, not in the first task."""
    sample = (
        "Warm up\n\nThe parliament approved the new budget on Monday. "
        "Prices for bread rose again this week. The minister said nothing."
    )
    try:
        analyse_safely(Upload("warm-up.txt", sample.encode()), SummarySettings())
    except Exception:  # noqa: BLE001 - a failed warm-up only costs time later
        log.exception("batch: warm-up failed")
