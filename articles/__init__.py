"""Bytes in -> Article; summaries out as plain text, digest, zip and Word.

    from articles import ArticleError, build_article, read_document

`import articles` is cheap: each name below loads its module on first use (the format
readers, with lxml, pypdf and trafilatura, only when a file is read). The modules:
`reading` (bytes -> Document, per format in `formats/`), `decoding`, `repair`, `building`
(Document text -> Article), `segmentation` (sentences), `model`, `export`, `export_docx`,
`limits`, `lazy` (these lazy exports).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from articles.building import build_article, read_article
    from articles.decoding import (
        ENCODING_CHOICES,
        ArticleError,
        DecodedText,
        decode_bytes,
        normalize_text,
    )
    from articles.document import Document
    from articles.export import (
        SummaryRecord,
        digest_text,
        summary_file_name,
        summary_text,
        translation_file_name,
        translation_text,
        zip_bytes,
    )
    from articles.export_docx import DOCX_MIME, digest_docx
    from articles.layout import joined_text
    from articles.model import Article, Sentence
    from articles.reading import SUPPORTED_EXTENSIONS, read_document
    from articles.segmentation import split_sentences

__all__ = [
    "DOCX_MIME", "ENCODING_CHOICES", "SUPPORTED_EXTENSIONS", "Article", "ArticleError",
    "DecodedText", "Document", "Sentence", "SummaryRecord", "build_article", "decode_bytes",
    "digest_docx", "digest_text", "joined_text", "normalize_text", "read_article",
    "read_document", "split_sentences", "summary_file_name", "summary_text",
    "translation_file_name", "translation_text", "zip_bytes",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "articles.building": ("build_article", "read_article"),
    "articles.decoding": ("ENCODING_CHOICES", "ArticleError", "DecodedText", "decode_bytes",
                          "normalize_text"),
    "articles.document": ("Document",),
    "articles.export": ("SummaryRecord", "digest_text", "summary_file_name", "summary_text",
                        "translation_file_name", "translation_text", "zip_bytes"),
    "articles.export_docx": ("DOCX_MIME", "digest_docx"),
    "articles.layout": ("joined_text",),
    "articles.model": ("Article", "Sentence"),
    "articles.reading": ("SUPPORTED_EXTENSIONS", "read_document"),
    "articles.segmentation": ("split_sentences",),
})
