"""A Word file (.docx) translated in place: same parts, styles, lists, tables, links,
headers, footers and notes; only the words of the runs change.

Works on the XML (word/document.xml, headers, footers, footnotes, endnotes) with lxml:
python-docx would rewrite parts it does not understand. Each paragraph is cut into units
at tabs and line breaks (they stay where they are), and a field's shown value (a page
number, a date) is never translated: Word computes it again. Paragraphs in tables
nested deeper than limits.MAX_TABLE_DEPTH are left as they are, as on reading.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from articles.formats.docx import DEEP_TABLES_NOTE
from articles.rebuild.package import translate_parts
from articles.rebuild.runs import Piece, Unit
from articles.rebuild.walking import cut, paragraph_units_within_depth, walk

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = frozenset(f"{_W}{tag}" for tag in ("tab", "ptab", "br", "cr"))
_SKIPPED = frozenset(f"{_W}{tag}" for tag in ("txbxContent", "pPr", "rPr", "del", "moveFrom"))
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def text_parts(names: Iterable[str]) -> list[str]:
    """The parts whose words are translated: body, headers, footers, notes."""
    return [part for part in names if part in _TEXT_PARTS or (
        part.startswith(("word/header", "word/footer")) and part.endswith(".xml")
        and "/" not in part[len("word/"):])]


def translate_docx(
    data: bytes, name: str, translate: Callable[[list[str]], list[str]]
) -> tuple[bytes, tuple[str, ...]]:
    """The Word file with its words translated, and notes for the reader; raises
    ArticleError for a file the reader would refuse."""
    return translate_parts(data, name, "Word", text_parts, _parts_units, translate)


def _parts_units(trees: dict[str, etree._Element], notes: list[str]) -> list[Unit]:
    """Every text part's units, in the order a reader meets the parts."""
    units: list[Unit] = []
    for part in sorted(trees, key=_part_order):
        units.extend(_units(trees[part], notes))
    return units


def _part_order(part: str) -> tuple[int, str]:
    """Headers first, then the body, footers and notes: the order a reader meets them."""
    for rank, prefix in enumerate(("word/header", "word/document", "word/footer")):
        if part.startswith(prefix):
            return rank, part
    return 3, part


def _units(root: etree._Element, notes: list[str]) -> list[Unit]:
    return paragraph_units_within_depth(root, f"{_W}tbl", (f"{_W}p",), _paragraph_units,
                                        DEEP_TABLES_NOTE, notes)


def _paragraph_units(paragraph: etree._Element) -> list[Unit]:
    """The units of one w:p: its runs' text (links, insertions and fields' words included)
    cut at tabs, breaks and field values; a paragraph inside a text box is its own."""
    units = [Unit()]
    skipping = 0  # inside an element whose text is not the paragraph's
    fields: list[str] = []  # complex fields open here: "code" or "value" part
    simple = 0  # inside a w:fldSimple (its text is the field's value)
    walker = walk(paragraph)
    next(walker)  # the paragraph itself
    for event, element in walker:
        tag = element.tag
        if tag in _SKIPPED:
            skipping += 1 if event == "start" else -1
            continue
        if skipping or event == "end":
            if tag == f"{_W}fldSimple" and event == "end" and not skipping:
                simple -= 1
            continue
        if tag == f"{_W}fldSimple":
            simple += 1
            cut(units)
        elif tag == f"{_W}fldChar":
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                fields.append("code")
                cut(units)
            elif kind == "separate" and fields:
                fields[-1] = "value"
            elif kind == "end" and fields:
                fields.pop()
                cut(units)
        elif tag in _BREAKS:
            cut(units)
        elif tag == f"{_W}t" and not simple and "value" not in fields:
            units[-1].pieces.append(Piece(element.text or "", _key(element),
                                          _writer(element)))
    return [unit for unit in units if unit.pieces]


def _key(text: etree._Element) -> bytes:
    """What a w:t looks like: its run's properties and the link it is in."""
    run = text.getparent()
    properties = run.find(f"{_W}rPr") if run is not None else None
    key = etree.tostring(properties) if properties is not None else b""
    for ancestor in text.iterancestors(f"{_W}hyperlink", f"{_W}p"):
        if ancestor.tag == f"{_W}p":
            break
        key += b"|" + (ancestor.get(f"{_R}id") or ancestor.get(f"{_W}anchor") or "").encode()
    return key


def _writer(text: etree._Element) -> Callable[[str], None]:
    def write(value: str) -> None:
        text.text = value
        text.set(_SPACE, "preserve")

    return write
