"""Word (.docx) -> paragraphs in order, headings as their own paragraphs, tables
as rows; the title from the first heading or the document's properties.

python-docx (MIT) reads the file once the archive passed the zip-bomb checks;
its XML parser does not resolve entities. Style names are looked up in one table
made from styles.xml (python-docx scans every style for every paragraph), and
tables are read from their XML, each cell once (python-docx rebuilds the whole
table for each row), nested tables down to limits.MAX_TABLE_DEPTH; the text stops
at limits.MAX_TEXT_CHARS, with a note.
"""
from __future__ import annotations

import io

from articles import limits
from articles.decoding import ArticleError, normalize_text
from articles.document import Document, bounded_blocks, join_blocks
from articles.formats.archive import check_tags, open_archive

_TITLE_STYLES = ("Title", "Heading 1", "Heading1", "heading 1")
_LIST_STYLES = ("List",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEEP_TABLES_NOTE = (f"tables nested more than {limits.MAX_TABLE_DEPTH} deep inside other "
                    "tables are left out")


def read_docx(data: bytes, name: str) -> Document:
    """A Word file -> Document(format="docx"); raises ArticleError."""
    with open_archive(data, name, "Word") as archive:
        parts = [part for part in archive.namelist() if part.endswith((".xml", ".rels"))]
        check_tags(archive, parts, name, "Word")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ArticleError(name, f"this Word file is damaged ({error}).") from None
    notes: list[str] = []
    blocks, cut = bounded_blocks(
        _blocks(document, _style_names(document), notes), limits.MAX_TEXT_CHARS)
    # The heading the article opens with is its title; else the file's own title.
    if blocks and blocks[0][0] == "heading":
        title: str | None = blocks.pop(0)[1]
    else:
        title = " ".join((document.core_properties.title or "").split()) or None
    text = normalize_text(join_blocks(blocks))
    if not text.strip():
        raise ArticleError(name, "this Word file contains no text.")
    return Document(text=text, title=title, format="docx", encoding=None,
                    notes=(*dict.fromkeys(notes), *cut))


def _style_names(document) -> dict[str | None, str]:
    """Paragraph style id -> name; None -> the default paragraph style's name."""
    names: dict[str | None, str] = {}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        name = style.find(f"{_W}name")
        label = name.get(f"{_W}val", "") if name is not None else ""
        names.setdefault(style.get(f"{_W}styleId"), label)
        if style.get(f"{_W}default") in ("1", "true") and style.get(f"{_W}type") == "paragraph":
            names.setdefault(None, label)
    return names


def _blocks(document, styles: dict[str | None, str], notes: list[str]):
    for item in document.element.body.iterchildren(f"{_W}p", f"{_W}tbl"):
        if item.tag == f"{_W}p":
            text = _paragraph_text(item)
            if not text:
                continue
            style = styles.get(_style_id(item), "")
            if style.startswith(("Heading", "Title", "heading")) or style in _TITLE_STYLES:
                yield "heading", text
            elif style.startswith(_LIST_STYLES) or item.find(f"{_W}pPr/{_W}numPr") is not None:
                yield "item", "- " + text
            else:
                yield "paragraph", text
        else:
            rows = _rows(item, notes, 1)
            if rows:
                yield "table", "\n".join(rows)


_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")


def _paragraph_text(paragraph) -> str:
    """The words of a w:p, runs in links, insertions and fields included; found by lxml
    in one pass (python-docx's XPath per run is several times slower)."""
    parts = []
    for node in paragraph.iter(*_TEXT_TAGS):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _style_id(paragraph) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def _rows(table, notes: list[str], depth: int) -> list[str]:
    """A table's rows as "cell | cell" lines. A cell spanning columns counts once, a cell
    merged with the one above repeats its text (as python-docx reads them)."""
    rows = []
    above: dict[int, str] = {}
    for row in table.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        column = 0
        for cell in row.iterchildren(f"{_W}tc"):
            if cell.vMerge == "continue":
                value = above.get(column, "")
            else:
                value = _cell_text(cell, notes, depth)
            above[column] = value
            column += cell.grid_span
            if not cells or cells[-1] != value:  # merged cells repeat
                cells.append(value)
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _cell_text(cell, notes: list[str], depth: int) -> str:
    parts = []
    for child in cell.iterchildren(f"{_W}p", f"{_W}tbl"):
        if child.tag == f"{_W}p":
            parts.append(_paragraph_text(child))
        elif depth >= limits.MAX_TABLE_DEPTH:
            notes.append(DEEP_TABLES_NOTE)
        else:
            parts.extend(_rows(child, notes, depth + 1))
    return " ".join(" ".join(parts).split())
