"""`format=html`: the text between the tags translated, every tag and attribute kept.

The markup is read with the standard library's streaming HTMLParser (no tree, so no
depth to exhaust), after the same bound on elements the web-page reader keeps
(articles.limits.MAX_HTML_ELEMENTS) has been checked by counting "<". Each run of
text between two tags is one text node; everything else (tags, comments, scripts,
styles, code, and elements marked translate="no") is copied byte for byte. Inline
markup (`<b>`) splits a sentence into nodes translated apart, as LibreTranslate's own
HTML translation does.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from articles import limits

NOT_TRANSLATED = frozenset({"script", "style", "template", "code", "kbd", "samp", "var", "svg",
                            "math", "textarea"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
MAX_REFERENCES = 5 * limits.MAX_HTML_ELEMENTS
"""Character references ("&amp;"): each is an event of the parser."""


class MarkupRefused(ValueError):
    """Markup past a bound; the message says which."""


@dataclass(frozen=True)
class Markup:
    """The source cut into pieces; `texts[i]` is the text (unescaped) of text node i."""

    pieces: tuple[str, ...]
    nodes: tuple[int, ...]
    """Indices of the pieces that are translatable text nodes."""

    @property
    def texts(self) -> list[str]:
        return [html.unescape(self.pieces[index]) for index in self.nodes]

    def render(self, translations: list[str]) -> str:
        """The markup with text node i replaced by translations[i] (escaped)."""
        pieces = list(self.pieces)
        for index, text in zip(self.nodes, translations, strict=True):
            pieces[index] = html.escape(text, quote=False)
        return "".join(pieces)


def read_markup(source: str) -> Markup:
    elements = source.count("<")
    if elements > limits.MAX_HTML_ELEMENTS:
        raise MarkupRefused(
            f"the HTML has too many tags ({elements:,}; the limit is "
            f"{limits.MAX_HTML_ELEMENTS:,})"
        )
    if source.count("&") > MAX_REFERENCES:
        raise MarkupRefused(f"the HTML has too many character references (the limit is "
                            f"{MAX_REFERENCES:,})")
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    return scanner.markup()


class _Scanner(HTMLParser):
    """Records where each event starts and whether it is translatable text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self.marks: list[tuple[int, bool]] = []  # (offset, translatable text)
        self.open: list[tuple[str, bool]] = []  # (tag, inside something not translated)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _mark(self, text: bool) -> None:
        skipped = bool(self.open) and self.open[-1][1]
        self.marks.append((self._offset(), text and not skipped))

    # tags and the rest: copied as they are
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(False)
        if tag in VOID:
            return
        skipped = (bool(self.open) and self.open[-1][1]) or tag in NOT_TRANSLATED or any(
            name == "translate" and (value or "").strip().lower() == "no" for name, value in attrs
        )
        self.open.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(False)

    def handle_endtag(self, tag: str) -> None:
        self._mark(False)
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                break

    def handle_comment(self, data: str) -> None:
        self._mark(False)

    def handle_decl(self, decl: str) -> None:
        self._mark(False)

    def handle_pi(self, data: str) -> None:
        self._mark(False)

    def unknown_decl(self, data: str) -> None:
        self._mark(False)

    # text
    def handle_data(self, data: str) -> None:
        self._mark(True)

    def handle_entityref(self, name: str) -> None:
        self._mark(True)

    def handle_charref(self, name: str) -> None:
        self._mark(True)

    def markup(self) -> Markup:
        """Consecutive text events joined into nodes; each piece the source between two
        events, so rendering with no translation gives the source back exactly."""
        pieces: list[str] = []
        nodes: list[int] = []
        ends = [offset for offset, _ in self.marks[1:]] + [len(self.source)]
        if self.marks and self.marks[0][0] > 0:
            pieces.append(self.source[: self.marks[0][0]])
        previous = None
        for (start, text), end in zip(self.marks, ends, strict=True):
            piece = self.source[start:end]
            if text and previous is True:
                pieces[-1] += piece
            else:
                pieces.append(piece)
                if text:
                    nodes.append(len(pieces) - 1)
            previous = text
        kept = tuple(index for index in nodes if pieces[index].strip())
        return Markup(tuple(pieces), kept)
