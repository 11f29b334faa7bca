"""Word and OpenDocument files rebuilt part by part: the parts with text are parsed,
translated and written again; every other part is copied as it was.

The archive passes the reader's own checks first (articles.formats.archive: declared
sizes, zip-bomb ratio, parts, tags), and the XML is parsed as safely (no DTD, entities
or network; libxml2's depth bound), so a hostile file is refused here exactly as on
reading, with the same words.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from articles.decoding import ArticleError
from articles.formats.archive import check_tags, open_archive, parse_xml
from articles.rebuild.runs import Unit, translate_units

# The reader's parser, but comments and processing instructions are kept: they are part
# of the file the reader gets back.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=False, remove_pis=False,
)
_DAMAGED = (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError)


def rebuild_parts(
    data: bytes, name: str, kind: str, chosen: Callable[[Iterable[str]], list[str]],
    change: Callable[[dict[str, etree._Element]], None],
) -> bytes:
    """The archive with the parts `chosen` picks parsed, changed in place by `change`, and
    written back; every part keeps its name, order, date and compression."""
    with open_archive(data, name, kind) as archive:
        names = archive.namelist()
        check_tags(archive, [part for part in names if part.endswith((".xml", ".rels"))],
                   name, kind)
        picked = chosen(names)
        raw = {part: _read(archive, part, name, kind) for part in picked}
        trees = {part: parse_part(raw[part], name, kind) for part in picked}
        change(trees)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in archive.infolist():
                if info.filename in trees:
                    payload = _serialized(trees[info.filename], raw[info.filename])
                else:
                    payload = _read(archive, info.filename, name, kind)
                target.writestr(info, payload, compress_type=info.compress_type)
    return out.getvalue()


def translate_parts(
    data: bytes, name: str, kind: str, chosen: Callable[[Iterable[str]], list[str]],
    units_of: Callable[[dict[str, etree._Element], list[str]], list[Unit]],
    translate: Callable[[list[str]], list[str]],
) -> tuple[bytes, tuple[str, ...]]:
    """The archive with the words of the parts `chosen` picks translated, and notes for
    the reader: Word and OpenDocument differ only in which parts hold text and how they
    are cut into units (`units_of` the parsed parts, adding its own notes)."""
    notes: list[str] = []
    outcome_notes: list[str] = []

    def change(trees: dict[str, etree._Element]) -> None:
        outcome_notes.extend(translate_units(units_of(trees, notes), translate).notes)

    rebuilt = rebuild_parts(data, name, kind, chosen, change)
    return rebuilt, (*dict.fromkeys(notes), *outcome_notes)


def _serialized(root: etree._Element, raw: bytes) -> bytes:
    """The part as XML again, with the declaration it had (standalone or not)."""
    standalone = root.getroottree().docinfo.standalone
    if b"standalone" not in raw[:200]:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=standalone)


def _read(archive: zipfile.ZipFile, part: str, name: str, kind: str) -> bytes:
    try:
        return archive.read(part)
    except _DAMAGED as error:
        raise ArticleError(name, f"this {kind} file is damaged ({error}).") from None


def parse_part(raw: bytes, name: str, kind: str) -> etree._Element:
    """One XML part, parsed as the reader parses it."""
    return parse_xml(raw, name, kind, _PARSER)
