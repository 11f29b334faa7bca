"""Markdown -> plain text: headings, emphasis, links and code marks removed, words kept.

A reader wants the words, not the syntax: "[the report](http://...)" reads as
"the report", "**now**" as "now". The first heading, when the file opens with
one, is the title.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from articles.decoding import DecodedText
from articles.document import Document

# Every pattern here is linear in the line it reads: what a mark may enclose cannot hold
# the mark itself, so an opening mark that never closes is given up at the next one
# instead of at the end of the line (a line of 100,000 unclosed "**" took minutes).
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_OPEN = re.compile(r"^\s{0,3}#{1,6}(?=\s|$)")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}+\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*+)[*+-]\s+")
_NUMBERED = re.compile(r"^(\s*+)(\d++)[.)]\s+")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s+\S")


def _either(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


# Inline marks, removed in this order: (pattern, what of it stays).
_INLINE_MARKS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # an image: its alt text
    (re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*+\)"), r"\1"),  # a link: its words
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # a reference link
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),  # an autolink: the address
    (re.compile(r"(?<!`)`++([^`]+)`+"), r"\1"),  # code
    (re.compile(
        r"\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*|__(?=\S)((?:(?!__).)+?)(?<=\S)__"
    ), _either),  # strong
    (re.compile(
        r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"
    ), _either),  # emphasis
    (re.compile(r"~~(?=\S)((?:(?!~~).)+?)(?<=\S)~~"), r"\1"),  # struck through
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
    (re.compile(r"</?[a-zA-Z][^<>]*>"), ""),  # any other tag
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # an escaped mark
)


def read_markdown(decoded: DecodedText, name: str) -> Document:
    """Markdown text (already decoded) -> Document with the syntax removed."""
    title, blocks = _blocks(decoded.text)
    text = "\n\n".join(blocks)
    return Document(
        text=text, title=title, format="markdown", encoding=decoded.encoding,
        notes=decoded.notes,
    )


def strip_inline(text: str) -> str:
    """Inline syntax -> its words."""
    for pattern, kept in _INLINE_MARKS:
        text = pattern.sub(kept, text)
    return text


def _blocks(text: str) -> tuple[str | None, list[str]]:
    """Paragraphs of plain text; lists keep one item a line."""
    blocks: list[str] = []
    current: list[str] = []
    title: str | None = None
    in_code = False

    def flush() -> None:
        if current:
            blocks.append("\n".join(current) if _is_list(current) else " ".join(current))
            current.clear()

    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code:
            current.append(line.strip())
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        heading = _atx_heading(line)
        if heading is None and line.strip() and not current and _SETEXT_UNDERLINE.match(following) \
                and not _RULE.match(line):
            heading = line
        if heading is not None:
            flush()
            words = strip_inline(heading).strip()
            if words:
                if title is None and not blocks:
                    title = words
                else:
                    blocks.append(words)
            continue
        if _SETEXT_UNDERLINE.match(line) or _RULE.match(line) or _REFERENCE.match(line):
            flush()
            continue
        line = _QUOTE.sub("", line)
        if not line.strip():
            flush()
            continue
        bullet = _BULLET.match(line) or _NUMBERED.match(line)
        if bullet:
            if current and not _is_list(current):
                flush()
            number = bullet.group(2) if bullet.re is _NUMBERED else None
            mark = f"{number}." if number else "-"
            line = f"{mark} " + line[bullet.end():]
        current.append(strip_inline(line.strip()))
    flush()
    return title, [block for block in blocks if block.strip()]


def _atx_heading(line: str) -> str | None:
    """The words of a "# heading" line, without its closing #s; None for another line.
    Plain string work: the regular expression for the closing #s backtracked over
    long runs of spaces."""
    opening = _ATX_OPEN.match(line)
    if opening is None:
        return None
    words = line[opening.end():].strip()
    closed = words.rstrip("#")
    if closed != words and (not closed or closed[-1].isspace()):
        words = closed.rstrip()
    return words


def _is_list(lines: list[str]) -> bool:
    return bool(lines) and bool(re.match(r"^(-|\d+\.) ", lines[0]))
