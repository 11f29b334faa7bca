"""The library as plain files, for backups and for other programs: every original as
it was given, and a summary of each (recomputed with the settings asked for)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from articles.export import SummaryRecord, summary_file_name, summary_text
from digest.job import ArticleResult, analyse_safely
from digest.library.keeping import upload_of
from digest.library.store import Library, StoredArticle
from digest.settings import SummarySettings
from languages.names import language_name

log = logging.getLogger(__name__)

DEFAULT_SUMMARY = SummarySettings()
ORIGINALS = "originals"
SUMMARIES = "summaries"


@dataclass
class Exported:
    originals: list[Path] = field(default_factory=list)
    summaries: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One line per article whose summary could not be made (its original is exported)."""


def safe_file_name(article: StoredArticle) -> str:
    """"<id>-<name>", safe on every system: ids keep two files of one name apart."""
    stem = summary_file_name(article.name)[: -len(".summary.txt")]
    suffix = Path(article.name).suffix
    suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 6 else ".txt"
    return f"{article.id}-{stem}{suffix}"


def record(result: ArticleResult, settings: SummarySettings) -> SummaryRecord:
    assert result.article is not None and result.summary is not None
    stats = result.summary.stats
    return SummaryRecord(
        file_name=result.name,
        title=result.article.title,
        language=result.language,
        language_name=language_name(result.language),
        algorithm=settings.algorithm_label,
        length_label=(
            f"{stats.summary_sentences} of {stats.sentences} sentences ({settings.length_label})"
        ),
        sentences=[sentence.text for sentence in result.summary.sentences],
    )


def export(
    library: Library,
    folder: Path,
    settings: SummarySettings = DEFAULT_SUMMARY,
    progress: Callable[[StoredArticle], None] | None = None,
) -> Exported:
    """Write DIR/originals/<id>-<name> and DIR/summaries/<id>-<name>.summary.txt."""
    done = Exported()
    (folder / ORIGINALS).mkdir(parents=True, exist_ok=True)
    (folder / SUMMARIES).mkdir(parents=True, exist_ok=True)
    for article in library.articles():
        if progress:
            progress(article)
        upload = upload_of(library, article)
        if upload is None:  # deleted meanwhile
            continue
        name = safe_file_name(article)
        original = folder / ORIGINALS / name
        original.write_bytes(upload.data)
        done.originals.append(original)
        result = analyse_safely(upload, settings, override=article.language)
        if not result.ok:
            done.problems.append(f"{article.name}: {result.error}")
            continue
        summary = folder / SUMMARIES / summary_file_name(name)
        summary.write_text(summary_text(record(result, settings)), encoding="utf-8")
        done.summaries.append(summary)
    return done
