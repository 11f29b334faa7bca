"""Hostile files made once for the tests that need them.

Documents that reading and translating in the file's own format must refuse alike
(tests/test_articles_hostile.py and tests/test_translated_documents_hostile.py): each test
file checks them with its own `refused` (reading, or translating and reading with the
same words), so the files and the reasons expected live here. And zip archives that lie
about their sizes, for the installers of packs and models (tests/test_install_hostile.py,
tests/test_multilingual.py).
"""
from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from articles import limits
from testkit.documents import SENTENCE, make_odt

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
"""The WordprocessingML namespace declaration, for a word/document.xml written by hand."""


def plain_word(text: str = SENTENCE * 20) -> bytes:
    """A Word file of one paragraph, as python-docx writes it."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_with_document_xml(xml: str, word: bytes) -> bytes:
    """The Word file `word` with its word/document.xml replaced by `xml` (every other part,
    and every part's order and compression, as they were)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(word)) as original, zipfile.ZipFile(out, "w") as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = xml.encode()
            archive.writestr(item, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A Word file's parts, one of which unpacks to more than limits.MAX_ZIP_PART_BYTES of
    zeros from a few hundred kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * 1_048_576
            for _ in range(limits.MAX_ZIP_PART_BYTES // len(chunk) + 8):
                part.write(chunk)
    return out.getvalue()


def archive_of_many_parts() -> bytes:
    """A Word file's document part and more empty parts than limits.MAX_ZIP_MEMBERS."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(limits.MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"word/media/{index}.bin", b"")
    return out.getvalue()


def zip_of_no_document() -> bytes:
    """A zip archive named like a Word file but holding a holiday's notes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/1.txt", "holiday")
    return out.getvalue()


def truncated_word() -> bytes:
    """The first half of a Word file."""
    data = plain_word()
    return data[: len(data) // 2]


def opendocument_of_many_tags() -> bytes:
    """An OpenDocument of 600 paragraphs: past a tag limit of 1,000, not the real one."""
    return make_odt(f"<text:p>{SENTENCE}</text:p>" * 600)


def opendocument_nested_too_deeply() -> bytes:
    """An OpenDocument whose paragraph is inside 300 sections: past libxml2's depth bound."""
    return make_odt("<text:section>" * 300 + f"<text:p>{SENTENCE}</text:p>"
                    + "</text:section>" * 300)


def deeply_nested_page() -> bytes:
    """A web page whose article is inside 100,000 nested divisions."""
    depth = 100_000
    return ("<html><body>" + "<div>" * depth + f"<p>{SENTENCE * 5}</p>" + "</div>" * depth
            + "</body></html>").encode()


REFUSED = [
    pytest.param(zip_bomb, "bomb.docx", {}, "zip bomb", id="zip-bomb-posing-as-word"),
    pytest.param(archive_of_many_parts, "parts.docx", {}, "too many parts",
                 id="archive-of-many-parts"),
    pytest.param(zip_of_no_document, "holiday.docx", {}, "not a Word",
                 id="zip-that-is-no-document"),
    pytest.param(truncated_word, "cut.docx", {}, "damaged|not a Word", id="truncated-word-file"),
    pytest.param(opendocument_of_many_tags, "many.odt", {"MAX_XML_TAGS": 1_000},
                 "too many elements.*1,000", id="opendocument-past-the-tag-limit"),
    pytest.param(opendocument_nested_too_deeply, "deep.odt", {}, "nested too deeply",
                 id="opendocument-nested-past-the-parser-depth"),
]
"""(make the file, its name, articles.limits lowered for the case, a pattern the reason
matches): refused by name, on reading and on translating alike."""


def refusal(
    refused: Callable[[bytes, str], str], make: Callable[[], bytes], name: str,
    lowered: dict[str, int], monkeypatch: pytest.MonkeyPatch,
) -> str:
    """The reason `refused` gives for the case's file, with its limits lowered."""
    for limit, value in lowered.items():
        monkeypatch.setattr(limits, limit, value)
    return refused(make(), name)


def understate_size(archive: Path, member: str, size: int = 1024) -> None:
    """Make the zip file's local header and central directory both declare `size` bytes for
    `member`, whatever its data inflates to: a bomb that only unpacking can catch."""
    data = bytearray(archive.read_bytes())
    name = member.encode()
    patched = 0
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = data.find(signature)
        while start != -1:
            if data[start + name_offset:start + name_offset + len(name)] == name:
                struct.pack_into("<I", data, start + size_offset, size)
                patched += 1
            start = data.find(signature, start + 4)
    assert patched == 2
    archive.write_bytes(bytes(data))
