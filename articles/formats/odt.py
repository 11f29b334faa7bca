"""OpenDocument text (.odt) -> paragraphs, headings, lists and tables in order.

odfpy has had no release since 2020, so content.xml is read directly with
lxml's safe parser (no DTD, entities or network) after the zip-bomb checks.
The title is the first heading, else the document's own title (meta.xml).
Each element is read once: a table's rows are its own, not those of the tables
nested in its cells (which are read as part of their cell, down to
limits.MAX_TABLE_DEPTH), and the text stops at limits.MAX_TEXT_CHARS, each with a note.
"""
from __future__ import annotations

from articles import limits
from articles.decoding import ArticleError, normalize_text
from articles.document import Document, bounded_blocks, join_blocks
from articles.formats.archive import check_tags, open_archive, read_xml

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_ROW_GROUPS = {f"{{{_TABLE}}}{tag}" for tag in (
    "table-header-rows", "table-rows", "table-row-group")}
DEEP_TABLES_NOTE = (f"tables nested more than {limits.MAX_TABLE_DEPTH} deep inside other "
                    "tables are left out")


def read_odt(data: bytes, name: str) -> Document:
    """An OpenDocument text file -> Document(format="odt"); raises ArticleError."""
    with open_archive(data, name, "OpenDocument") as archive:
        check_tags(archive, ["content.xml", "meta.xml"], name, "OpenDocument")
        content = read_xml(archive, "content.xml", name, "OpenDocument")
        meta_title = None
        if "meta.xml" in archive.namelist():
            meta = read_xml(archive, "meta.xml", name, "OpenDocument")
            found = meta.find(f".//{{{_DC}}}title")
            if found is not None and found.text:
                meta_title = " ".join(found.text.split()) or None
    body = content.find(f".//{{{_OFFICE}}}text")
    if body is None:
        raise ArticleError(name, "this OpenDocument file has no text part.")
    notes: list[str] = []
    blocks, cut = bounded_blocks(_blocks(body, notes), limits.MAX_TEXT_CHARS)
    title = meta_title
    if blocks and blocks[0][0] == "heading":
        title = blocks.pop(0)[1]
    text = normalize_text(join_blocks(blocks))
    if not text.strip():
        raise ArticleError(name, "this OpenDocument file contains no text.")
    return Document(text=text, title=title, format="odt", encoding=None,
                    notes=(*dict.fromkeys(notes), *cut))


def _blocks(parent, notes: list[str], in_list: bool = False, depth: int = 0):
    """(kind, text) blocks of `parent`'s children; `depth` counts the tables around."""
    for element in parent.iterchildren():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == f"{{{_TEXT}}}h":
            text = _words(element)
            if text:
                yield "heading", text
        elif tag == f"{{{_TEXT}}}p":
            text = _words(element)
            if text:
                yield ("item", "- " + text) if in_list else ("paragraph", text)
        elif tag in (f"{{{_TEXT}}}list", f"{{{_TEXT}}}list-item", f"{{{_TEXT}}}section"):
            yield from _blocks(element, notes, in_list or tag != f"{{{_TEXT}}}section", depth)
        elif tag == f"{{{_TABLE}}}table":
            if depth >= limits.MAX_TABLE_DEPTH:
                notes.append(DEEP_TABLES_NOTE)
                continue
            rows = []
            for row in _rows(element):
                cells = [_cell_text(cell, notes, depth + 1) for cell in row.iterchildren(
                    f"{{{_TABLE}}}table-cell")]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                yield "table", "\n".join(rows)


def _rows(table):
    """The table's own rows, also those in header and row groups."""
    for child in table.iterchildren():
        if child.tag == f"{{{_TABLE}}}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _cell_text(cell, notes: list[str], depth: int) -> str:
    """A cell's paragraphs, lists and nested tables on one line."""
    return " ".join(" ".join(text.split()) for _, text in _blocks(cell, notes, depth=depth))


def _words(element) -> str:
    """The text of a paragraph: spans joined, <text:s/> and tabs as spaces, notes left out."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in (f"{{{_TEXT}}}note", f"{{{_OFFICE}}}annotation"):
            if node.tail:
                parts.append(node.tail)
            return
        if tag in (f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"):
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node is not element and node.tail:
            parts.append(node.tail)

    walk(element)
    return " ".join("".join(parts).split())
