"""What reading a file gives: its text, title, format, encoding and notes."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """An uploaded file read as plain text, whatever its format was.

    `text` holds paragraphs separated by a blank line; line breaks inside a
    paragraph are kept only where they mean something (list items, table rows).
    It has no title line when `title` is set.
    """

    text: str
    title: str | None
    format: str  # "text", "markdown", "html", "docx", "odt", "pdf"
    encoding: str | None  # code page of a text format; None for docx, odt, pdf
    notes: tuple[str, ...] = ()  # for the reader, e.g. "3 unreadable bytes replaced"


def join_blocks(blocks: list[tuple[str, str]]) -> str:
    """A word processor's (kind, text) blocks as Document text: paragraphs apart by a
    blank line, consecutive list items ("item") one a line, as `text` promises."""
    out: list[str] = []
    previous = ""
    for kind, text in blocks:
        if kind == "item" and previous == "item":
            out[-1] += "\n" + text
        else:
            out.append(text)
        previous = kind
    return "\n\n".join(out)


def bounded_blocks(
    blocks: Iterable[tuple[str, str]], limit: int
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The first blocks up to `limit` characters in all (the last one cut), and a note for
    the reader when some were left out. `blocks` is consumed lazily: a file whose text
    multiplies as it is read stops being read at the limit."""
    kept: list[tuple[str, str]] = []
    used = 0
    for kind, text in blocks:
        if used + len(text) > limit:
            if limit - used > 0:
                kept.append((kind, text[:limit - used]))
            return kept, (text_limit_note(limit),)
        kept.append((kind, text))
        used += len(text) + 2
    return kept, ()


def text_limit_note(limit: int) -> str:
    return f"read the first {limit:,} characters of the text (the limit); the rest is left out"
