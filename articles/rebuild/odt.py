"""An OpenDocument text (.odt) translated in place: same styles, lists, tables, links,
headers and footers (styles.xml's master pages); only the words change.

Works on content.xml and styles.xml with lxml; every other part (pictures, settings,
manifest, the uncompressed mimetype first) is copied as it was. The text of an ODF
paragraph lives in element text and tails (spans, links): each is a piece, formatted by
the spans and links around it. Tabs and line breaks cut a paragraph into units; a
field's shown value (a page number, a date) is never translated; notes, frames and
annotations inside a paragraph are paragraphs of their own. Tables nested deeper than
limits.MAX_TABLE_DEPTH are left as they are, as on reading.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from articles.formats.odt import DEEP_TABLES_NOTE
from articles.rebuild.package import translate_parts
from articles.rebuild.runs import Piece, Unit
from articles.rebuild.walking import add_text, cut, paragraph_units_within_depth, walk

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
_BREAKS = frozenset((f"{_TEXT}tab", f"{_TEXT}line-break"))
# Inside a paragraph but not its words: paragraphs of their own, or no words at all.
_ELSEWHERE = frozenset((f"{_TEXT}note", f"{_DRAW}frame", f"{_DRAW}a", f"{_OFFICE}annotation",
                        f"{_OFFICE}annotation-end", f"{_TEXT}ruby-text"))
# Fields: the value shown is computed by the word processor.
_FIELDS = frozenset(f"{_TEXT}{tag}" for tag in (
    "page-number", "page-count", "date", "time", "chapter", "sequence", "sequence-ref",
    "bookmark-ref", "reference-ref", "note-ref", "file-name", "title", "subject",
    "author-name", "author-initials", "word-count", "character-count", "paragraph-count",
    "template-name", "sender-firstname", "sender-lastname", "page-continuation",
    "user-defined", "variable-get", "variable-set", "expression", "text-input",
))
_TEXT_PARTS = ("content.xml", "styles.xml")


def translate_odt(
    data: bytes, name: str, translate: Callable[[list[str]], list[str]]
) -> tuple[bytes, tuple[str, ...]]:
    """The OpenDocument file with its words translated, and notes for the reader; raises
    ArticleError for a file the reader would refuse."""
    return translate_parts(data, name, "OpenDocument", _text_parts, _parts_units, translate)


def _text_parts(names: Iterable[str]) -> list[str]:
    return [part for part in names if part in _TEXT_PARTS]


def _parts_units(trees: dict[str, etree._Element], notes: list[str]) -> list[Unit]:
    """Headers and footers (styles.xml's master pages) first, as met, then the body."""
    units: list[Unit] = []
    if "styles.xml" in trees:
        for master in trees["styles.xml"].iter(f"{_OFFICE}master-styles"):
            units.extend(_units(master, notes))
    if "content.xml" in trees:
        for body in trees["content.xml"].iter(f"{_OFFICE}text"):
            units.extend(_units(body, notes))
    return units


def _units(root: etree._Element, notes: list[str]) -> list[Unit]:
    return paragraph_units_within_depth(root, f"{_TABLE}table", tuple(_PARAGRAPHS),
                                        _paragraph_units, DEEP_TABLES_NOTE, notes)


def _paragraph_units(paragraph: etree._Element) -> list[Unit]:
    units = [Unit()]
    keys: list[tuple[str, str]] = []  # the spans and links open here, outermost first
    skipping = 0
    walker = walk(paragraph)
    next(walker)
    add_text(units, paragraph, "text", ())
    for event, element in walker:
        if element is paragraph:
            break  # its own end
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _ELSEWHERE or tag in _FIELDS or not tag:
            if event == "start":
                skipping += 1
                if tag in _FIELDS:
                    cut(units)
                continue
            skipping -= 1
            if not skipping:
                if tag in _FIELDS:
                    cut(units)
                add_text(units, element, "tail", tuple(keys))
            continue
        if skipping:
            continue
        if event == "start":
            if tag in _BREAKS:
                cut(units)
            elif tag == f"{_TEXT}s":
                units[-1].pieces.append(Piece(" ", tuple(keys)))  # stays where it is
            keys.append((tag, element.get(f"{_TEXT}style-name") or element.get(f"{_XLINK}href")
                         or ""))
            add_text(units, element, "text", tuple(keys))
        else:
            keys.pop()
            add_text(units, element, "tail", tuple(keys))
    return [unit for unit in units if unit.pieces]
