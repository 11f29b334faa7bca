"""The whole job without Streamlit: one article, many, the library, batch.

    from digest import SummarySettings, TranslationSettings, Upload, process

`import digest` is cheap: each name below loads its module on first use. The modules:
`job` (one upload -> ArticleResult), `steps` (the pipeline's steps as plain functions),
`settings` (what the reader chose), `documents` (a whole document translated),
`formatted` (a document translated in its own format: translate_file), `library/` (the
articles kept on this computer), `batch/` (whole archives: docs/batch.md).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from digest.batch.article import BatchSettings
    from digest.batch.runner import BatchJob, BatchReport, run_batch
    from digest.formatted import FileNotTranslated, TranslatedFile, translate_file
    from digest.job import (
        ARTICLE_MAX_BYTES,
        ArticleResult,
        Upload,
        add_translation,
        analyse,
        analyse_safely,
        process,
    )
    from digest.library import (
        DeletedMeanwhile,
        Library,
        LibraryError,
        StoredArticle,
        open_library,
    )
    from digest.settings import Preferences, SummarySettings, TranslationSettings
    from digest.steps import PLAIN, Steps

__all__ = [
    "ARTICLE_MAX_BYTES", "PLAIN", "ArticleResult", "BatchJob", "BatchReport", "BatchSettings",
    "DeletedMeanwhile", "FileNotTranslated", "Library", "LibraryError", "Preferences", "Steps",
    "StoredArticle",
    "SummarySettings", "TranslatedFile", "TranslationSettings", "Upload", "add_translation",
    "analyse", "analyse_safely", "open_library", "process", "run_batch", "translate_file",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "digest.batch.article": ("BatchSettings",),
    "digest.batch.runner": ("BatchJob", "BatchReport", "run_batch"),
    "digest.formatted": ("FileNotTranslated", "TranslatedFile", "translate_file"),
    "digest.job": ("ARTICLE_MAX_BYTES", "ArticleResult", "Upload", "add_translation", "analyse",
                   "analyse_safely", "process"),
    "digest.library": ("DeletedMeanwhile", "Library", "LibraryError", "StoredArticle",
                       "open_library"),
    "digest.settings": ("Preferences", "SummarySettings", "TranslationSettings"),
    "digest.steps": ("PLAIN", "Steps"),
})
