"""Word (.docx) -> paragraphs in order, headings as their own paragraphs, tables
as rows; the title from the first heading or the document's properties.

python-docx (MIT) reads the file once the archive passed the zip-bomb checks;
its XML parser does not resolve entities.
"""
from __future__ import annotations

import io

from articles.decoding import ArticleError, normalize_text
from articles.document import Document, join_blocks
from articles.formats.archive import open_archive

_TITLE_STYLES = ("Title", "Heading 1", "Heading1", "heading 1")
_LIST_STYLES = ("List",)


def read_docx(data: bytes, name: str) -> Document:
    """A Word file -> Document(format="docx"); raises ArticleError."""
    open_archive(data, name, "Word").close()
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ArticleError(name, f"this Word file is damaged ({error}).") from None
    blocks: list[tuple[str, str]] = list(_blocks(document))  # (kind, text)
    # The heading the article opens with is its title; else the file's own title.
    if blocks and blocks[0][0] == "heading":
        title: str | None = blocks.pop(0)[1]
    else:
        title = " ".join((document.core_properties.title or "").split()) or None
    text = normalize_text(join_blocks(blocks))
    if not text.strip():
        raise ArticleError(name, "this Word file contains no text.")
    return Document(text=text, title=title, format="docx", encoding=None)


def _blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if not text:
                continue
            style = item.style.name if item.style is not None else ""
            if style.startswith(("Heading", "Title", "heading")) or style in _TITLE_STYLES:
                yield "heading", text
            elif style.startswith(_LIST_STYLES) or _numbered(item):
                yield "item", "- " + text
            else:
                yield "paragraph", text
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or cells[-1] != value:  # merged cells repeat
                        cells.append(value)
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                yield "table", "\n".join(rows)


def _numbered(paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None
