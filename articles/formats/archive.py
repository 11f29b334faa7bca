"""Word and OpenDocument files are zip archives: look before unpacking.

A zip bomb declares small parts that unpack to gigabytes, or thousands of
parts. The sizes an archive declares are checked against articles.limits
before anything is read; Python's zipfile never returns more than a part's
declared size, so a part that lies about it cannot grow past the check.
XML is parsed without DTDs, entities or network.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from articles import limits
from articles.decoding import ArticleError

SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)


def open_archive(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """The document's archive, once its declared sizes are within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArticleError(name, f"this {kind} file is damaged ({error}).") from None
    if len(parts) > limits.MAX_ZIP_MEMBERS:
        raise ArticleError(name, f"this {kind} file has too many parts ({len(parts):,}).")
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size > limits.MAX_ZIP_PART_BYTES or (
                part.file_size > 1_048_576 and ratio > limits.MAX_ZIP_RATIO):
            raise ArticleError(
                name, f"this {kind} file unpacks to far more than its size: it looks like "
                      "a zip bomb and is not read.")
    if total > limits.MAX_ZIP_TOTAL_BYTES:
        raise ArticleError(name, f"this {kind} file unpacks to too much data to read.")
    return archive


def check_tags(archive: zipfile.ZipFile, parts: list[str], name: str, kind: str) -> None:
    """Refuse a file whose XML parts hold more tags than a tree may take in memory
    (limits.MAX_XML_TAGS); counted on the raw bytes, before any parsing."""
    present = set(archive.namelist())
    tags = 0
    for part in parts:
        if part in present:
            try:
                tags += archive.read(part).count(b"<")
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
                raise ArticleError(name, f"this {kind} file is damaged ({error}).") from None
    if tags > limits.MAX_XML_TAGS:
        raise ArticleError(
            name, f"this {kind} file holds too many elements to read ({tags:,} tags; the "
                  f"limit is {limits.MAX_XML_TAGS:,}).")


def read_xml(archive: zipfile.ZipFile, part: str, name: str, kind: str) -> etree._Element:
    """One XML part of the archive, parsed safely."""
    try:
        raw = archive.read(part)
    except KeyError:
        raise ArticleError(name, f"this {kind} file has no {part}: it is damaged.") from None
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        raise ArticleError(name, f"this {kind} file is damaged ({error}).") from None
    return parse_xml(raw, name, kind, SAFE_XML)


def parse_xml(raw: bytes, name: str, kind: str, parser: etree.XMLParser) -> etree._Element:
    """One XML part parsed by `parser`; a depth past libxml2's bound or broken XML is the
    reader's refusal, in the same words on reading and on rebuilding."""
    try:
        return etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as error:
        if "Excessive depth" in str(error):  # libxml2 stops at 256 levels
            raise ArticleError(name, f"this {kind} file is nested too deeply to read (more "
                                     "than 256 levels of elements).") from None
        raise ArticleError(name, f"this {kind} file is damaged ({error}).") from None
