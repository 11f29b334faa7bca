"""A document rebuilt around its translation: the same kind of file, the words changed.

    from articles.rebuild import REBUILT_KINDS, file_kind, rebuild, text_docx

`rebuild(kind, data, name, translate)` takes a Word, OpenDocument, web page or Markdown
file's bytes and a paragraph translator (a list of paragraphs in, their translations
out, in order) and gives the same kind of file back, translated: styles, headings,
lists, tables, emphasis, links, headers and footers kept. The translator is the
caller's (digest's pipeline); nothing here knows a language pack. A hostile file is
refused exactly as on reading (articles.limits), by an ArticleError naming it.
The modules: `runs` (a paragraph's translation shared over its formatted runs),
`package` (zip parts), `docx`, `odt`, `html`, `markdown`, `text_docx` (a PDF's text).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from articles.failures import refusing_overflows

log = logging.getLogger(__name__)

__all__ = ["REBUILT_KINDS", "Rebuilt", "file_kind", "rebuild", "text_docx"]

Translate = Callable[[list[str]], list[str]]

REBUILT_KINDS = ("docx", "odt", "html", "markdown")
"""The kinds of file given back as themselves (a PDF's text comes as .docx, a plain text
as .txt: see digest.formatted)."""


@dataclass(frozen=True)
class Rebuilt:
    """The translated file's bytes, and what the reader should know about it."""

    data: bytes
    notes: tuple[str, ...] = ()


def file_kind(data: bytes, name: str) -> str:
    """"docx", "odt", "html", "markdown", "pdf", "text" or "zip" (another archive), from
    the content as on reading; raises ArticleError for a file that is not text."""
    from articles.decoding import decode_bytes
    from articles.sniffing import looks_like_markdown, sniff

    kind = sniff(data, name)
    if kind != "text":
        return kind
    return "markdown" if looks_like_markdown(decode_bytes(data, name).text, name) else "text"


def rebuild(kind: str, data: bytes, name: str, translate: Translate, target: str = "") -> Rebuilt:
    """The file of `kind` (one of REBUILT_KINDS) translated; `target` names the language
    where the format records it (a web page's lang). Raises ArticleError, also for a
    parser's failure (logged), never anything else for a bad file."""
    with refusing_overflows(name, "rebuilding", log):
        return _rebuild(kind, data, name, translate, target)


def _rebuild(kind: str, data: bytes, name: str, translate: Translate, target: str) -> Rebuilt:
    if kind == "docx":
        from articles.rebuild.docx import translate_docx
        return Rebuilt(*translate_docx(data, name, translate))
    if kind == "odt":
        from articles.rebuild.odt import translate_odt
        return Rebuilt(*translate_odt(data, name, translate))
    if kind == "html":
        from articles.rebuild.html import translate_html
        return Rebuilt(*translate_html(data, name, translate, target))
    if kind == "markdown":
        from articles.rebuild.markdown import translate_markdown
        return Rebuilt(*translate_markdown(data, name, translate))
    raise ValueError(f"no rebuilding for {kind!r} files")


def text_docx(title: str, paragraphs: list[str], language: str = "") -> bytes:
    """A translated text as a Word file (a PDF's translation): see text_docx module."""
    from articles.rebuild.text_docx import text_docx as build

    return build(title, paragraphs, language)
