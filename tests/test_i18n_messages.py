"""Texts the packages below ui hand up in English come out in the interface language.

Each English text here is produced by the real code (translator.checks on a crafted
sentence, articles.reading on a damaged or hostile file built here), never copied from
it: when a package's wording changes, its template in ui/i18n.py no longer matches and
the test fails. The translation must leave no English word (apart from names, numbers,
file names and the article's own words), and every template the test is about must have
matched one of the real texts.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st

from articles import limits
from articles.decoding import ArticleError
from articles.reading import read_document
from testkit import documents as hostile
from testkit.httpserver import loopback_server  # noqa: F401 (a fixture, used by name)
from tests.test_i18n_pages import english_left
from translator.checks import check_translation
from translator.glossary import Glossary, Term
from ui import i18n

LANGUAGES = ("ru", "kk", "uz")
SENTENCE = hostile.SENTENCE
KEPT = ("OCR", "AES", "'cryptography'", "content.xml", "OpenDocument", "Kori Schulman",
        "News Digest", "SQLite", "NEWS_DIGEST_DATA", "JSON", "NUL", "sbd", "package_version",
        "from_code", "sha256", "CC-BY-NC", "Meta AI", "HTML", "Wi-Fi", "huggingface.co",
        "PdfReadError", "AttributeError", "SentencePiece", "kaz_Cyrl", "__kk__", "BPE",
        "'sacremoses'", "MIT")
"""Names a translation keeps, the article's own words in a reason, exception names."""


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()
    i18n.forget_last_run()


# ---- the real texts ---------------------------------------------------------------------


def reasons(source: str, translation: str, source_language: str, target: str,
            glossary: Glossary | None = None) -> list[str]:
    terms = glossary.for_pair(source_language, target) if glossary else None
    check = check_translation(source, translation, source_language, target, terms)
    return [flag.reason for flag in check.flags]


def check_reasons() -> list[str]:
    """One real reason of each kind translator.checks gives."""
    found = [
        *reasons("Цены на хлеб выросли.", "", "ru", "en"),
        *reasons("Цены на хлеб и топливо снова выросли.", "Цены на хлеб и топливо снова выросли.",
                 "ru", "en"),
        *reasons("Prices rose again this week.", "Prices rose again this week in the shops.",
                 "en", "ru"),
        *reasons("Prices rose again this week.", "الأسعار ارتفعت مرة أخرى هذا الأسبوع", "en", "uz"),
        *reasons("Prices of bread and fuel rose again this week, the ministry said on Monday.",
                 "Нан мен жанармай бағасы осы аптада тағы да өсті, деді министрлік дүйсенбі күні.",
                 "en", "ru"),
        *reasons("Prices rose.", "the the the the the the", "en", "ru"),
        *reasons("Prices rose.", "Цены выросли, и это очень длинное предложение, которое никак "
                 "не заканчивается и всё тянется и тянется без конца и края.", "en", "ru"),
        *reasons("The ministers agreed on a long and detailed budget for the next year after a "
                 "debate.", "Да.", "en", "ru"),
        *reasons("Kori Schulman spoke.", "Кори выступила.", "en", "ru",
                 Glossary((Term("en", "Kori Schulman", "ru", "Кори Шульман"),))),
    ]
    return list(dict.fromkeys(found))


def zipped(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def page(paragraphs: int) -> bytes:
    return ("<html><body>" + f"<p>{SENTENCE}</p>" * paragraphs + "</body></html>").encode()


def blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


def secret_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "A secret statement.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    return bytes(pdf.output())


MOJIBAKE = ("Цены на хлеб и топливо снова выросли на этой неделе. " * 3)
ODT = "application/vnd.oasis.opendocument.text"
# (file name, its bytes (made when the test runs), the limits to lower first)
FILES: list[tuple[str, Callable[[], bytes], dict[str, int]]] = [
    ("bomb.docx", lambda: zipped({"word/document.xml": "a" * 3_000_000}), {}),
    ("parts.docx", lambda: zipped({"word/document.xml": "<x/>",
                                   **{f"p{n}.xml": "x" for n in range(2_001)}}), {}),
    ("damaged.odt", lambda: zipped({"mimetype": ODT, "content.xml": "<x"}), {}),
    ("tags.odt", lambda: hostile.make_odt(f"<text:p>{SENTENCE}</text:p>" * 600),
     {"MAX_XML_TAGS": 1_000}),
    ("much.odt", lambda: hostile.make_odt(f"<text:p>{SENTENCE}</text:p>" * 60),
     {"MAX_ZIP_TOTAL_BYTES": 1_000}),
    ("deep.odt", lambda: hostile.make_odt(
        "<text:section>" * 300 + f"<text:p>{SENTENCE}</text:p>" + "</text:section>" * 300), {}),
    ("tables.odt", lambda: hostile.odt_nested_tables(8), {}),
    ("long.odt", lambda: hostile.make_odt(f"<text:p>{SENTENCE}</text:p>" * 300),
     {"MAX_TEXT_CHARS": 1_000}),
    ("archive.zip", lambda: zipped({"a.txt": "hello"}), {}),
    ("deep.html", lambda: ("<html><body>" + "<div>" * 300 + f"<p>{SENTENCE * 5}</p>"
                           + "</div>" * 300 + "</body></html>").encode(), {}),
    ("elements.html", lambda: page(100), {"MAX_HTML_ELEMENTS": 50}),
    ("chars.html", lambda: page(100), {"MAX_HTML_CHARS": 1_000}),
    ("large.html", lambda: page(100), {"MAX_HTML_BYTES": 1_000}),
    ("damaged.pdf", lambda: b"%PDF-1.4\n1 0 obj garbage\n%%EOF", {}),
    ("scan.pdf", blank_pdf, {}),
    ("secret.pdf", secret_pdf, {}),
    ("pages.pdf", lambda: hostile.make_pdf("Title", [SENTENCE * 40] * 8), {"MAX_PDF_PAGES": 1}),
    ("drawing.pdf", lambda: hostile.make_pdf("Title", [SENTENCE * 4]),
     {"MAX_PDF_PAGE_CONTENT_BYTES": 100}),
    ("forms.pdf", lambda: hostile.pdf_repeated_form(repeats=40, depth=3), {}),
    ("bytes.txt", lambda: (MOJIBAKE.encode() + b"\xff\xfe" + " Депутаты задали вопросы.".encode()),
     {}),
    ("garbled.txt", lambda: MOJIBAKE.encode().decode("cp1251").encode(), {}),
    ("lost.txt",  # "И" is D0 98 in UTF-8, and 98 is no letter in Windows-1251: it is lost
     lambda: ("Игорь и Ирина " + MOJIBAKE).encode().decode("cp1251", "replace").encode(), {}),
    ("quotes.txt", lambda: ("He said \u0093yes\u0094 to the budget, and the ministers agreed "
                            "on a new corridor.").encode(), {}),
]


def file_texts(monkeypatch) -> list[str]:
    """The refusal or the reading notes of each file above."""
    texts = []
    for name, made, lowered in FILES:
        with monkeypatch.context() as patched:
            for limit, value in lowered.items():
                patched.setattr(limits, limit, value)
            try:
                texts += read_document(made(), name).notes
            except ArticleError as error:
                texts.append(error.reason)
    try:
        read_document(SENTENCE.encode(), "a.txt", encoding="no-such-code-page")
    except ArticleError as error:
        texts.append(error.reason)
    return list(dict.fromkeys(texts))


NEW = [  # the templates and messages added for the checks, refusals, notes, packs, library
    *i18n.TEMPLATES[i18n.TEMPLATES.index("The glossary term “{term}” should read “{rendering}”."):],
    *i18n.MESSAGES[i18n.MESSAGES.index("The translation is empty."):i18n.MESSAGES.index(
        "NLLB-200 distilled 600M, int8, about 600 MB: every language of the region")],
]
NEWER = {  # a model's files, its download, a pack or model that cannot translate
    *i18n.TEMPLATES[i18n.TEMPLATES.index(
        "is truncated: {size} bytes, but its own header needs at least {size2}"):
        i18n.TEMPLATES.index("{label}: {reason}")],
    *i18n.MESSAGES[i18n.MESSAGES.index(
        "is an HTML page, not model weights (a login or error page saved under that name?)"):
        i18n.MESSAGES.index("A glossary term needs at least one word.")],
}
"""Checked by test_a_model_s_files_its_download_and_a_failed_translation_are_translated."""
GLOSSARY_AND_LICENCES = {  # a glossary term or file refused, a licence the Hub declares
    *i18n.TEMPLATES[:i18n.TEMPLATES.index("No language pack for {source} → {target}.")],
    *i18n.MESSAGES[i18n.MESSAGES.index("A glossary term needs at least one word."):],
}
"""Checked by test_a_glossary_s_refusals_and_a_model_s_licence_are_translated."""
CSV_NEWLINE = {  # the csv module's wording, one in Python 3.11, the other from 3.12
    "new-line character seen in unquoted field - do you need to open the file in "
    "universal-newline mode?",
    "new-line character seen in unquoted field - do you need to open the file with "
    "newline=''?",
}
NOT_MADE_HERE = {
    # a zip part missing where python-docx or the sniffer refuses the file first
    "this {kind} file has no {part}: it is damaged.",
    # the PDF time limits: minutes of a machine's time, not a test's
    "read the first {count} of {total} pages (the time limit for one file was reached)",
    "this PDF holds compressed data that unpacks to far more than its size (a decompression "
    "bomb?); it is not read.",
    "this PDF is encrypted (with AES) and cannot be decrypted here: the 'cryptography' "
    "package is not installed. Save it without encryption and upload it again.",
    "this PDF contains no article text.",
    "the file is nested too deeply to be read.",
    "the file is too large to be read here.",
    "the file could not be read ({error}).",  # a parser's bug, caught
    "the file could not be translated ({error}).",  # a rebuilder's bug, caught
    # a document read with letters always has a line with a letter to translate
    "the file has no words to translate.",
    "the file could not be read as text ({error}).",
    "the text could not be decoded: it turns into unreadable characters.",
    "the text could not be decoded: it reads as garbled characters (unknown encoding).",
    "{count} unreadable byte replaced",
    "Repaired 1 line that had been garbled once ({garbling})",
    "Repaired {lines} lines that had been garbled once ({garbling})",
    # an index or a download that answers wrongly (a server), a full disk, a lost move
    "The Argos package index at {url} is implausibly large.",
    "The Argos package index at {url} is not a list of packages.",
    "The Argos package index at {url} is not valid JSON.",
    "The Argos package index has no {code} → {code2} pack. {advice}",
    "The download of the {pair} pack from {url} broke off after {done} of {total} bytes. "
    "Nothing was installed.",
    "The download of the {pair} pack from {url} failed after {done} of {total} bytes: "
    "{problem}. Nothing was installed.",
    "The download of the {pair} pack from {url} was empty.",
    "The {pair} pack at {url} is implausibly large ({size} bytes).",
    "The {pair} pack at {url} is longer than announced; refused.",
    "The {pair} pack could not be saved ({error}).",
    "The {pair} pack downloaded from {url}",
    "The {pair} pack downloaded from {url} does not match the index's sha256 checksum; "
    "nothing was installed.",
    "no answer within {seconds} s",
    "the server answered {status}",
    "could not move it into {folder} ({error}).",
    "the pack was moved in but cannot be read at {path}.",
    "its metadata.json could not be read after unpacking.",
    "cannot be read ({error}).",
    "metadata.json cannot be read ({error}).",
    # archives no zip library writes: encrypted, truncated, damaged, symbolic links, ratios
    "an entry has an empty name",
    "entry {name} is a symbolic link; refused.",
    "entry {name} is encrypted.",
    "entry {name} is truncated.",
    "entry {name} inflates beyond its declared size or the size limit (zip bomb?); refused.",
    "it would unpack to more than {amount} (zip bomb?); refused.",
    "the archive has {count} entries (limit {limit}).",
    "the archive inflates {factor}:1 (limit {limit}:1, zip bomb?); refused.",
    "the archive is damaged ({error}); refused.",
    "could not unpack it ({error}).",
    "file {name} is outside the pack's top directory.",
    "the top directory name {name} is not a safe directory name.",
    # a library that is busy, damaged, newer, on a device; a delete whose scrub waits
    "Nothing was deleted: {error}",
    "The data folder {folder} cannot be made: {error}",
    "The library {path} cannot be opened: {error}",
    "The library {path} cannot be used now: {error}.",
    "{path} cannot be read: {error}.",
    "{path} is damaged or not a News Digest library ({error}). It was left untouched: restore "
    "a backup, or move it away to start anew.",
    "{path} was made by a newer News Digest (schema {version}, this one reads {supported}). "
    "It was left untouched: update News Digest.",
    "a device", "a folder", "a socket", "a special file",
    "its words could not be erased from the library's file yet ({error}); they will be at the "
    "next start or the next delete",
    "another program is reading the library, so the last copy of its words stays in the "
    "library's log until it stops; it is erased then",
    # a Hub that stalls or answers with a login page, a model that does not load
    "Hugging Face's answer at {url} stalled ({error}). {other}",
    "Instead of {name}, {url} answered with an HTML page (a Wi-Fi login or proxy page?); "
    "nothing of it was saved. Start the download again once the connection works.",
    "The {family} model at {path} could not be loaded: {error}. Remove it and install it again.",
    "The {family} model {name} does not cover {code} → {code2}.",
    "The download of {repo} broke off in {name} after {done} of {total} bytes: {problem}. "
    "Start it again to resume where it stopped. {other}",
    "The download of {repo} stalled in {name} after {done} of {total} bytes: {problem}. "
    "Start it again to resume where it stopped. {other}",
    # a copy or a move that fails as root too, a removal the system refuses, a pack of the
    # BPE kind without sacremoses (installed here)
    "could not copy it ({error}).",
    "the model was moved in but cannot be read at {path}.",
    "Could not remove the model at {path}.",
    "Could not remove the pack at {path}.",
    "The {code} → {code2} pack uses BPE tokenization, which needs the 'sacremoses' package "
    "({error}).",
    # normalize_code never gives an empty code: a glossary's empty language is "und"
    "A glossary term needs its source and target languages.",
    *CSV_NEWLINE,  # one of them is made here, by the Python that runs the test
}
"""Wordings nothing quick made here produces: their translations are checked by
test_the_wordings_not_made_here_are_translated_too, on their English templates."""


def pack_texts(tmp_path: Path) -> list[str]:
    """The reasons of the pack folders skipped, of the pack files refused, and of an index
    and a download that cannot be reached (the tests' index is a closed local port)."""
    from testkit.tinypack import build_tiny_pack
    from translator.errors import TranslatorError
    from translator.packs.folders import packages_dir, scan_packs
    from translator.packs.index import AvailablePack, download_and_install, fetch_index
    from translator.packs.install import install_archive, install_from_file

    pack = install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
    good = json.loads((pack.path / "metadata.json").read_text())
    packs = packages_dir()
    folders = {
        "a-nothing": None, "b-bad-json": "{", "c-list": "[]", "d-deep": "[" * 100_000,
        "e-type": json.dumps({**good, "type": "sbd"}),
        "f-code": json.dumps({**good, "from_code": 123}),
        "g-version": json.dumps({**good, "package_version": 1234}),
        "h-big": " " * 2_000_000,
    }
    for name, metadata in folders.items():
        (packs / name / "model").mkdir(parents=True)
        (packs / name / "model" / "model.bin").write_bytes(b"x")
        if metadata is not None:
            (packs / name / "metadata.json").write_text(metadata)
    (packs / "i-no-model").mkdir()
    (packs / "i-no-model" / "metadata.json").write_text(json.dumps(good))
    older = shutil.copytree(pack.path, packs / "ru_en_old")
    (older / "metadata.json").write_text(json.dumps({**good, "package_version": "0.1"}))
    texts = [folder.reason for folder in scan_packs().skipped]

    model = {"ru_en/metadata.json": json.dumps(good), "ru_en/model/model.bin": "x"}
    files: dict[str, bytes | dict[str, str | bytes]] = {
        "empty.argosmodel": b"", "text.argosmodel": b"hello",
        "two.argosmodel": {"a/metadata.json": "{}", "b/x": "1"},
        "no-model.argosmodel": {"ru_en/metadata.json": json.dumps(good)},
        "dots.argosmodel": {"ru_en/../x": "1"}, "absolute.argosmodel": {"/ru_en/x": "1"},
        "nothing.argosmodel": {},
        "bomb.argosmodel": {**model, "ru_en/model/model.bin": b"\0" * 30_000_000},
        "bad-json.argosmodel": {**model, "ru_en/metadata.json": "{"},
        "no-code.argosmodel": {**model, "ru_en/metadata.json": "{}"},
        "empty-model.argosmodel": {**model, "ru_en/model/model.bin": ""},
        "type.argosmodel": {**model, "ru_en/metadata.json": json.dumps({**good, "type": "sbd"})},
        "list.argosmodel": {**model, "ru_en/metadata.json": "[]"},
        "deep.argosmodel": {**model, "ru_en/metadata.json": "[" * 100_000},
        "code.argosmodel": {**model,
                            "ru_en/metadata.json": json.dumps({**good, "from_code": "r!"})},
        "huge.argosmodel": {**model, "ru_en/metadata.json": os.urandom(600_000).hex()},
        "backslash.argosmodel": {"ru_en\\x": "1"},
    }
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for part, data in content.items():
                    archive.writestr(part, data)
        with pytest.raises(TranslatorError) as refused:
            install_from_file(path)
        texts.append(str(refused.value))
    twice = tmp_path / "twice.argosmodel"
    with zipfile.ZipFile(twice, "w") as archive, pytest.warns(UserWarning):
        archive.writestr("ru_en/x", "1")
        archive.writestr("ru_en/x", "2")
    for attempt in (
        lambda: install_from_file(twice),
        lambda: install_archive(build_tiny_pack(tmp_path / "kk", "ru", "en"), "kk-en.argosmodel",
                                expected_pair=("kk", "en")),
        lambda: fetch_index(timeout=1),
        lambda: download_and_install(AvailablePack(
            "ru", "en", "Russian", "English", "1.0", ("http://127.0.0.1:9/x.argosmodel",)),
            timeout=1),
        lambda: download_and_install(AvailablePack("ru", "en", "Russian", "English", "1.0", ())),
    ):
        with pytest.raises(TranslatorError) as failed:
            attempt()
        texts.append(str(failed.value))
    return texts


def model_texts(tmp_path: Path, monkeypatch) -> list[str]:
    """A multilingual model's licence notice, a Hub that cannot be reached (a closed local
    port), a model no longer installed."""
    from translator.errors import TranslatorError
    from translator.multilingual.download import plan_download
    from translator.multilingual.install import licence_notice
    from translator.multilingual.loading import load_model
    from translator.multilingual.models import NLLB, MultilingualModel

    gone = MultilingualModel("nllb-gone", tmp_path / "gone", NLLB, (("kk", "kaz_Cyrl"),))
    texts = [licence_notice(gone)]
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    for attempt in (lambda: plan_download("owner/model", timeout=1), lambda: load_model(gone)):
        with pytest.raises(TranslatorError) as failed:
            attempt()
        texts.append(str(failed.value))
    return texts


def model_install_texts(tmp_path: Path) -> list[str]:
    """The refusals of a multilingual model's folder or zip by the real install: a folder
    without the model's files, a model.bin that is no model or is empty, a config.json
    that is no JSON object, a zip with two top folders, a zip whose config.json is far too
    large; a repository name that is none."""
    from testkit.tinymodel import build_model_dir
    from translator.errors import TranslatorError
    from translator.multilingual.download import plan_download
    from translator.multilingual.install import install_model

    empty = tmp_path / "empty.model"
    empty.mkdir(parents=True)
    garbled = build_model_dir(tmp_path / "garbled.model")
    (garbled / "model.bin").write_bytes(b"not the weights of a model " * 8)
    hollow = build_model_dir(tmp_path / "hollow.model")
    (hollow / "model.bin").write_bytes(b"")
    listed = build_model_dir(tmp_path / "listed.model")
    (listed / "config.json").write_text("[1]")
    two_tops = tmp_path / "two-tops.zip"
    with zipfile.ZipFile(two_tops, "w") as archive:
        archive.writestr("a/model.bin", b"weights")
        archive.writestr("b/config.json", "{}")
    oversized = tmp_path / "oversized.zip"
    with zipfile.ZipFile(oversized, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("model.bin", b"weights")
        archive.writestr("config.json", os.urandom(2 * 1024 * 1024))
    texts = []
    for attempt in (*(lambda path=path: install_model(path)
                      for path in (empty, garbled, hollow, listed, two_tops, oversized)),
                    lambda: plan_download("not a repository", timeout=1)):
        with pytest.raises(TranslatorError) as refused:
            attempt()
        texts.append(str(refused.value))
    return texts


def _ct2_text(raw: bytes) -> bytes:
    return struct.pack("<H", len(raw)) + raw


def damaged_model_bins(good: bytes) -> dict[str, bytes]:
    """model.bin files whose CTranslate2 header (translator.files) says what is wrong."""
    number = lambda value, fmt="I": struct.pack("<" + fmt, value)  # noqa: E731
    spec = number(6) + _ct2_text(b"TransformerSpec\0") + number(1)
    weight = _ct2_text(b"w\0") + number(1, "B") + number(2)  # one weight of rank 1, 2 items
    page = b"<!DOCTYPE html><html><title>Sign in to the Wi-Fi</title></html>"
    return {
        "truncated": good[: len(good) // 2],
        "padded": good + bytes(64),
        "newer": number(7) + good[4:],
        "html": page.ljust(len(good), b" "),
        "no-weights": spec + number(0),
        "unterminated": number(6) + _ct2_text(b"TransformerSpec"),
        "not-text": number(6) + _ct2_text(b"\x01\0") + number(1) + number(1),
        "dimensions": spec + number(1) + _ct2_text(b"w\0") + number(9, "B"),
        "type": spec + number(1) + weight + number(9, "B"),
        "shape": spec + number(1) + weight + number(0, "B") + number(7) + bytes(7),
        "items": (number(3) + _ct2_text(b"TransformerSpec\0") + number(1) + number(1) + weight
                  + number(3, "B")),
    }


def model_file_texts(tmp_path: Path, monkeypatch) -> list[str]:
    """The real install's refusals of a model folder with one damaged file: model.bin cut,
    padded, of a newer format, an HTML page, or with a header that is wrong inside; a config,
    tokenizer file, vocabulary or SentencePiece model that is no such file; a zip that cannot
    be read; a folder over the size limit (lowered); and a model or a pack removed that is
    not installed."""
    from testkit.tinymodel import build_model_dir
    from translator.errors import TranslatorError
    from translator.multilingual import install
    from translator.multilingual.models import remove_model
    from translator.packs.folders import remove_pack

    good = build_model_dir(tmp_path / "good.model")
    html = b"<!DOCTYPE html><html><title>Sign in to the Wi-Fi</title></html>"
    damaged: dict[str, dict[str, bytes]] = {
        f"bin-{name}": {"model.bin": data}
        for name, data in damaged_model_bins((good / "model.bin").read_bytes()).items()
    }
    damaged.update({
        "config-html": {"config.json": html},
        "config-bom": {"config.json": b"\xff\xfe{\x00}\x00"},
        "config-deep": {"config.json": b"[" * 100_000 + b"]" * 100_000},
        "config-broken": {"config.json": b"{"},
        "config-list": {"config.json": b"[1]"},
        "config-large": {"config.json": b" " * (2 * 1024**2) + b"{}"},
        "tokens-deep": {"special_tokens_map.json": b'{"a":' * 100 + b"1" + b"}" * 100},
        "vocabulary-object": {"shared_vocabulary.json": b'{"a": 1}'},
        "vocabulary-codes": {"shared_vocabulary.json": b'["a", "b", "c"]'},
        "spm-empty": {"sentencepiece.bpe.model": b""},
        "spm-html": {"sentencepiece.bpe.model": html},
        "spm-garbage": {"sentencepiece.bpe.model": bytes(5000)},
    })
    attempts: list[Callable[[], object]] = []
    for name, replaced in damaged.items():
        folder = shutil.copytree(good, tmp_path / f"{name}.model")
        for file, data in replaced.items():
            (folder / file).write_bytes(data)
        attempts.append(lambda folder=folder: install.install_model(folder))
    attempts += [
        lambda: install.install_model(tmp_path / "gone.zip"),
        lambda: remove_model("nllb-never-installed"),
        lambda: remove_pack("ru", "en"),
    ]
    texts = []
    for attempt in attempts:
        with pytest.raises(TranslatorError) as refused:
            attempt()
        texts.append(str(refused.value))
    with monkeypatch.context() as patched, pytest.raises(TranslatorError) as refused:
        patched.setattr(install, "MAX_MODEL_BYTES", 1_000)
        install.install_model(good)
    return [*texts, str(refused.value)]


def model_download_texts(server, tmp_path: Path, monkeypatch) -> list[str]:
    """The real download's refusals from a loopback Hub (testkit.httpserver) that answers
    wrongly: a file list too large, not JSON, not a list, without model.bin or without a
    checksum; a folder that cannot be made, a plan without checksums, verified files that
    are no model, a server that will not serve a file from its start, a partial file that
    cannot be replaced, a file changed since the list, one that fails its checksum, one
    longer or shorter than listed, one whose server stalls, says nothing or hangs up."""
    from testkit.httpserver import HUB_LFS_FILES, hub_tree_entry, serve_hub_file, serve_hub_repo
    from testkit.tinymodel import build_model_dir
    from translator.errors import TranslatorError
    from translator.multilingual import download
    from translator.multilingual.download import download_model, partial_file, plan_download
    from translator.multilingual.models import models_dir

    monkeypatch.setenv("HF_ENDPOINT", server.url(""))
    monkeypatch.setattr(download, "CHUNK_BYTES", 4096)
    folder = build_model_dir(tmp_path / "hub-model")
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    data = files["model.bin"]
    page = b"<!DOCTYPE html><html>This repository holds a page</html>".ljust(len(data), b" ")

    def repo(name: str, **changed: bytes) -> str:
        serve_hub_repo(server, f"t/{name}", {**files, **changed})
        return f"t/{name}"

    def model_bin(name: str, body: bytes, hub: bool = True, **options) -> str:
        where = repo(name)
        if hub:
            serve_hub_file(server, where, "model.bin", body, **options)
        else:
            server.serve(f"/{where}/resolve/main/model.bin", body, **options)
        return where

    def listing(name: str, body: bytes) -> str:
        server.serve(f"/api/models/t/{name}/tree/main", body)
        return f"t/{name}"

    texts: list[str] = []

    def refused(attempt: Callable[[], object]) -> None:
        with pytest.raises(TranslatorError) as failed:
            attempt()
        texts.append(str(failed.value))

    def fetch(where: str, **options) -> None:
        refused(lambda: download_model(plan_download(where, timeout=5), timeout=5, **options))

    with monkeypatch.context() as patched:
        patched.setattr(download, "MAX_LISTING_BYTES", 10)
        refused(lambda: plan_download(repo("large-list"), timeout=5))
    refused(lambda: plan_download(listing("not-json", b"<html>no</html>"), timeout=5))
    refused(lambda: plan_download(listing("no-list", b"{}"), timeout=5))
    refused(lambda: plan_download(listing("no-model", json.dumps(
        [hub_tree_entry("config.json", files["config.json"], False)]).encode()), timeout=5))
    unchecked = [hub_tree_entry(name, body, name in HUB_LFS_FILES) for name, body in files.items()]
    for entry in unchecked:
        if entry["path"] == "model.bin":
            del entry["lfs"]["oid"]
    refused(lambda: plan_download(listing("no-checksum", json.dumps(unchecked).encode()),
                                  timeout=5))
    blocked = plan_download(repo("blocked"), timeout=5)
    downloads = download.partial_dir(blocked).parent
    downloads.parent.mkdir(parents=True, exist_ok=True)
    downloads.write_text("a file where the downloads' folder goes")
    refused(lambda: download_model(blocked, timeout=5))
    downloads.unlink()
    plan = plan_download(repo("no-digests"), timeout=5)
    refused(lambda: download_model(download.DownloadPlan(plan.repo, plan.files, plan.family,
                                                         plan.licence), timeout=5))
    fetch(repo("a-page", **{"model.bin": page}))
    fetch(model_bin("misplaced", data, ranges=False,
                    headers={"Content-Range": f"bytes 5-9/{len(data)}"}, status=206))
    stuck = plan_download(repo("stuck"), timeout=5)
    partial_file(stuck, "config.json").mkdir(parents=True)
    refused(lambda: download_model(stuck, timeout=5))
    fetch(model_bin("changed", data, headers={"X-Linked-Etag": f'"{"0" * 64}"'}))
    fetch(model_bin("wrong", page, hub=False))
    fetch(model_bin("longer", data + bytes(100), hub=False, send_length=False))
    fetch(model_bin("shorter", data[:-1000], hub=False))
    fetch(model_bin("silent", data, truncate_at=100, stall_seconds=3), stall_seconds=1)
    fetch(model_bin("drip", data, drip_seconds=0.3), stall_seconds=1)
    fetch(model_bin("hang-up", data[:100], hub=False, send_length=False))
    assert models_dir().is_dir() is False or not any(models_dir().iterdir())
    return texts


def translating_texts(tmp_path: Path) -> list[str]:
    """Why a pack or a model does not translate (translator.packs.loading, the engine's
    batching): a pack not installed, one whose model vanished, one without its tokenizer,
    one whose model is damaged; a pack and a model whose CTranslate2 fails while
    translating (a stand-in for the translator that raises, as CTranslate2 does)."""
    from dataclasses import replace

    from testkit.tinymodel import build_model_dir
    from testkit.tinypack import build_tiny_pack
    from translator.engine.batching import search
    from translator.errors import TranslatorError
    from translator.multilingual.install import install_model
    from translator.multilingual.loading import pair_runner
    from translator.packs.folders import Pack
    from translator.packs.install import install_from_file
    from translator.packs.loading import load_pack

    class Failing:
        def translate_batch(self, *args, **options):
            raise RuntimeError("std::bad_alloc")

    packs = {pair: install_from_file(build_tiny_pack(tmp_path / "built", *pair))
             for pair in (("ru", "en"), ("kk", "en"), ("en", "ru"), ("uz", "en"))}
    (packs["ru", "en"].path / "model" / "model.bin").unlink()
    (packs["kk", "en"].path / "sentencepiece.model").unlink()
    (packs["en", "ru"].path / "model" / "model.bin").write_bytes(b"not the weights " * 64)
    model = install_model(build_model_dir(tmp_path / "built" / "nllb-tiny"))
    attempts = [
        lambda: load_pack(Pack("ru", "en", "Russian", "English", "1.0", None, None)),
        *(lambda pack=pack: load_pack(pack) for pack in list(packs.values())[:3]),
        lambda: search(replace(load_pack(packs["uz", "en"]), translator=Failing()), [["a"]], 1, 1),
        lambda: search(replace(pair_runner(model, "kk", "ru"), translator=Failing()), [["a"]],
                       1, 1),
    ]
    return failures(attempts, TranslatorError)


def rebuild_texts() -> list[str]:
    """Why a document is not translated in its own format (digest.formatted, with no pack
    installed): a Russian article into Kazakh, an article in no language detected."""
    from digest.formatted import FileNotTranslated, translate_file
    from tests.test_ui_dashboard import RUSSIAN

    texts = []
    for name, text, target in (
        ("statya.txt", RUSSIAN, "kk"),
        ("noise.txt", "Xq zzv ppl.\n\nKkrt vvbn qqwe zzxc. Mmnb pplk qqrz.\n", "en"),
    ):
        with pytest.raises(FileNotTranslated) as refused:
            translate_file(name, text.encode("utf-8"), None, target)
        texts.append(refused.value.reason)
    return texts


def library_texts(tmp_path: Path) -> list[str]:
    """Why a library file cannot be used: a folder, a text file, another program's
    database, a named pipe."""
    import sqlite3

    from digest.library.store import LibraryError, open_library

    (tmp_path / "folder.sqlite3").mkdir(parents=True)
    (tmp_path / "text.sqlite3").write_text("not a database at all " * 20)
    with sqlite3.connect(tmp_path / "other.sqlite3") as db:
        db.execute("CREATE TABLE notes (text)")
    os.mkfifo(tmp_path / "pipe.sqlite3")
    texts = []
    for name in ("folder", "text", "other", "pipe"):
        with pytest.raises(LibraryError) as refused:
            open_library(tmp_path / f"{name}.sqlite3").preferences()
        texts.append(str(refused.value))
    return texts


GLOSSARY_HEADER = "source_language,term,target_language,translation\n"


def glossary_texts(tmp_path: Path) -> list[str]:
    """The refusals of a glossary by the real code: a term without a word or too long, added
    on the page (digest.library.glossary.add_term) or on a CSV file's line; a CSV file that
    is empty, names no columns, or has a line the csv module cannot read (a bare carriage
    return in an unquoted field, a field over its size limit)."""
    from digest.library import glossary as kept
    from digest.library.store import open_library
    from translator.glossary import MAX_TERM_CHARS, GlossaryError, read_csv

    library = open_library(tmp_path / "library.sqlite3")
    long_term = "Schulman " * (MAX_TERM_CHARS // 8)
    attempts: list[Callable[[], object]] = [
        lambda: kept.add_term(library, "ru", "«—»", "en"),
        lambda: kept.add_term(library, "en", long_term, "ru"),
        lambda: kept.import_csv(library, ""),
        lambda: kept.import_csv(library, "term,translation\nДума,Duma\n"),
        *(lambda text=text: read_csv(GLOSSARY_HEADER + text) for text in (
            "ru,Дума,en,Duma\nru,!!,en,\n",
            f"ru,Дума,en,Duma\nen,{long_term},ru,\n",
            "ru,Гос\rдума,en,State Duma\n",
            'ru,"' + "Дума" * 40_000 + '",en,Duma\n',
        )),
    ]
    return failures(attempts, GlossaryError)


def licence_texts(server, tmp_path: Path, monkeypatch) -> list[str]:
    """A model's licence line on the Language packs page, by the real code: an installed
    model's (translator.multilingual.models), and a download's as a loopback Hub declares
    it (an NLLB-200 and an M2M-100 repository, translator.multilingual.download)."""
    from testkit.httpserver import serve_hub_repo
    from testkit.tinymodel import build_model_dir
    from translator.multilingual.download import plan_download
    from translator.multilingual.models import NLLB, MultilingualModel

    monkeypatch.setenv("HF_ENDPOINT", server.url(""))
    folder = build_model_dir(tmp_path / "hub-model")
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    texts = [MultilingualModel("nllb", tmp_path, NLLB, (("kk", "kaz_Cyrl"),)).licence]
    for repo in ("t/nllb-200-ct2", "t/m2m100-ct2"):
        serve_hub_repo(server, repo, files)
        texts.append(plan_download(repo, timeout=5).licence)
    return texts


def kept_values(texts: list[str]) -> tuple[str, ...]:
    """What is shown as it came inside a translated text: a parser's or the system's own
    words ("Couldn't find end of Start Tag", "No such file or directory"), a code page's
    name, a path, a folder's or an entry's name, a field of metadata.json."""
    kept: list[str] = []
    for text in texts:
        for _template, pattern in i18n._PATTERNS:
            found = pattern.match(text)
            if found:
                for key, value in found.groupdict().items():
                    if key in ("error", "code_page") or key in i18n._VERBATIM:
                        kept.append(value)
                        if key == "error":  # "config.json is not valid JSON (Expecting ...)"
                            kept += kept_values([value])
                    elif value:
                        kept += kept_values([value])
                break
    return tuple(kept)


def matched(text: str) -> set[str]:
    """The templates and messages of the catalogs that `text` is translated by (a
    template's values too: the garbling in a repair's note)."""
    if text in i18n.MESSAGES:
        return {text}
    for template, pattern in i18n._PATTERNS:
        found = pattern.match(text)
        if found:
            return {template}.union(*(matched(value) for value in found.groupdict().values()
                                      if value))
    return set()


# ---- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_reasons_are_translated(language, monkeypatch):
    texts = check_reasons()
    assert len(texts) >= 9, texts  # every kind of finding, the two directions of a length
    monkeypatch.setattr(i18n, "current", lambda: language)
    translated = [i18n.message(text) for text in texts]
    assert [text for text, done in zip(texts, translated, strict=True) if done == text] == []
    assert english_left(translated, language, (*KEPT, *kept_values(texts))) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_damaged_or_hostile_file_s_refusal_and_the_reading_notes_are_translated(
        language, monkeypatch):
    texts = file_texts(monkeypatch)
    monkeypatch.setattr(i18n, "current", lambda: language)
    translated = [i18n.message(text) for text in texts]
    assert [text for text, done in zip(texts, translated, strict=True) if done == text] == []
    assert english_left(translated, language, (*KEPT, *kept_values(texts))) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_packs_the_models_and_the_library_s_refusals_are_translated(
        language, tmp_path, packs_dir, monkeypatch):
    texts = (pack_texts(tmp_path) + library_texts(tmp_path / "library")
             + model_texts(tmp_path, monkeypatch) + model_install_texts(tmp_path / "models")
             + rebuild_texts())
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(i18n, "current", lambda: language)
        translated = [i18n.message(text) for text in texts]
    assert [text for text, done in zip(texts, translated, strict=True) if done == text] == []
    assert english_left(translated, language, (*KEPT, *kept_values(texts))) == []


def test_every_new_template_matches_a_text_of_the_real_code(monkeypatch, tmp_path, packs_dir):
    texts = (check_reasons() + file_texts(monkeypatch) + pack_texts(tmp_path)
             + library_texts(tmp_path / "library") + model_texts(tmp_path, monkeypatch)
             + model_install_texts(tmp_path / "models") + rebuild_texts())
    used = set().union(*map(matched, texts))
    assert used.issuperset(set(NEW) - NEWER - NOT_MADE_HERE - {
        "Argos packs {source}→{pivot}→{target}", "Argos pack {source}→{target}",
    }), sorted(set(NEW) - NOT_MADE_HERE - used)


def failures(attempts, error: type[Exception]) -> list[str]:
    """The message of the `error` each attempt raises (each must raise one)."""
    texts = []
    for attempt in attempts:
        with pytest.raises(error) as raised:
            attempt()
        texts.append(str(raised.value))
    return texts


def assert_all_translated(texts: list[str], kept: tuple[str, ...]) -> None:
    """Each text comes out changed in every interface language, with no English left but
    what `kept` allows (names, identifiers, quoted system text)."""
    for language in LANGUAGES:
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(i18n, "current", lambda language=language: language)
            translated = [i18n.message(text) for text in texts]
        assert [text for text, done in zip(texts, translated, strict=True) if done == text] == []
        left = english_left(translated, language, kept)
        assert left == [], "\n".join(left)


def test_a_model_s_files_its_download_and_a_failed_translation_are_translated(
        tmp_path, packs_dir, loopback_server, monkeypatch):  # noqa: F811 (the fixture)
    """Made by the real code: a model's damaged files refused at install, a download from a
    loopback Hub that answers wrongly, a pack or a model that cannot translate. Each comes
    out in Russian, Kazakh and Uzbek with no English left, and every template and message
    added for them matched one of these texts (or is among those not made here)."""
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(tmp_path / "area" / "models"))
    texts = (model_file_texts(tmp_path / "files", monkeypatch)
             + model_download_texts(loopback_server, tmp_path / "downloads", monkeypatch)
             + translating_texts(tmp_path / "translating"))
    texts = list(dict.fromkeys(texts))
    used = set().union(*map(matched, texts))
    assert used.issuperset(NEWER - NOT_MADE_HERE), sorted(NEWER - NOT_MADE_HERE - used)
    assert_all_translated(texts, (*KEPT, *kept_values(texts)))


def test_a_glossary_s_refusals_and_a_model_s_licence_are_translated(
        tmp_path, loopback_server, monkeypatch):  # noqa: F811 (the fixture)
    """Made by the real code: a glossary term or CSV file refused (the reason of a line's
    term translated inside the line's), a model's licence as installed and as a Hub
    declares it. Each comes out in Russian, Kazakh and Uzbek with no English left but the
    licences' names, and every template and message added for them matched one of these
    texts (or is among those not made here)."""
    texts = glossary_texts(tmp_path / "glossary") + licence_texts(
        loopback_server, tmp_path / "licences", monkeypatch)
    texts = list(dict.fromkeys(texts))
    used = set().union(*map(matched, texts))
    assert used.issuperset(GLOSSARY_AND_LICENCES - NOT_MADE_HERE), sorted(
        GLOSSARY_AND_LICENCES - NOT_MADE_HERE - used)
    assert used & CSV_NEWLINE, texts  # this Python's wording is one of those known
    assert any("(the repository declares: cc-by-nc-4.0)" in text and text.startswith("MIT ")
               for text in texts), texts  # an M2M-100 model's, declared by the Hub
    assert_all_translated(texts, (*KEPT, *kept_values(texts), "NLLB-200", "M2M-100"))
    monkeypatch.setattr(i18n, "current", lambda: "ru")
    nested = next(text for text in texts if text.startswith("Line 3 of the glossary file: "))
    assert i18n.message(nested) == ("Строка 3 файла глоссария: В термине глоссария должно быть "
                                    "хотя бы одно слово."), nested
    assert i18n.message(next(text for text in texts if text.startswith("MIT "))) == (
        "MIT (Meta AI, M2M-100) (в репозитории указано: cc-by-nc-4.0)")
    monkeypatch.setattr(i18n, "current", lambda: "uz")
    assert i18n.message(next(text for text in texts if "field limit" in text)) == (
        "Lugʻat faylining 2-qatorini oʻqib boʻlmaydi: maydon ruxsat etilgan chegaradan uzun "
        "(131\u00a0072).")


def test_the_values_in_a_reason_follow_the_interface_language(monkeypatch):
    monkeypatch.setattr(i18n, "current", lambda: "ru")
    texts = check_reasons()
    by_start = {text.split()[0]: i18n.message(text) for text in texts}
    assert by_start["Written"] in (
        "Алфавит: арабица; для языка «Узбекский» нужен алфавит: кириллица или латиница.",
        "Алфавит: латиница; для языка «Русский» нужен алфавит: кириллица.",
    )
    assert "Алфавит: арабица; для языка «Узбекский» нужен алфавит: кириллица или латиница." in (
        i18n.message(text) for text in texts)
    assert "Читается как текст на языке «Казахский», а не «Русский»." in by_start.values()
    assert "В основном скопировано: 100\xa0% слов оригинала перешли в перевод без изменений." in (
        by_start.values())
    longer = next(i18n.message(text) for text in texts if "longer" in text)
    assert re.fullmatch(r"В \d+,\d раза длиннее, чем обычно бывает перевод предложения с "
                        r"языка «Английский»\.", longer), longer
    assert "Термин глоссария «Kori Schulman» должен переводиться как «Кори Шульман»." in (
        by_start.values())
    assert i18n.message("“the” is repeated in a loop.") == "«the» повторяется по кругу."
    monkeypatch.setattr(i18n, "current", lambda: "uz")
    assert i18n.message("Argos pack ru→en") == "Argos paketi ru→en"


def test_a_pdf_refused_within_the_limits_translates_each_of_its_notes(monkeypatch):
    texts = [text for text in file_texts(monkeypatch) if "within the limits" in text]
    assert texts, "the drawing.pdf's refusal"
    monkeypatch.setattr(i18n, "current", lambda: "kk")
    assert i18n.message(texts[0]).startswith("бұл PDF шектеулер аясында оқылмады: 1-бетте ")


# ---- on the page -------------------------------------------------------------------------


@pytest.fixture
def ru_en_pack(tmp_path, packs_dir):
    from testkit.tinypack import build_tiny_pack
    from translator.packs.install import install_from_file

    install_from_file(build_tiny_pack(tmp_path, "ru", "en", seed=4))


def test_a_flagged_sentence_s_reason_is_shown_in_russian(ru_en_pack):
    """The tiny random pack's translations are flagged (loops, scripts, lengths): in the
    Russian interface the side-by-side view's flags give their reasons in Russian."""
    from html import unescape

    from streamlit.testing.v1 import AppTest

    from tests.test_glossary_ui import RUSSIAN, side_by_side
    from tests.test_ui_dashboard import APP, upload

    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state[i18n.LANGUAGE_KEY] = "ru"
    app.run()
    app = upload(app, ("shulman.txt", RUSSIAN.encode("utf-8")))
    app.selectbox(key="target").set_value("en").run()
    app.radio(key="scope").set_value("Whole article").run()
    assert not app.exception, app.exception
    table = side_by_side(app)
    flagged = [unescape(reason) for reason in
               re.findall(r'<td class="[^"]*nd-flagged[^"]*" title="([^"]+)"', table)]
    assert flagged  # the random pack's loops and scripts
    for reasons in flagged:
        assert re.search("[а-яё]", reasons), reasons
        # the source sentence's words a loop repeats aside, nothing is left in English
        assert english_left([re.sub(r"«[^»]*»", " ", reasons)], "ru") == [], reasons
    assert any("Алфавит: " in reasons or "повторяется по кругу" in reasons or " раза " in reasons
               for reasons in flagged), flagged


SAMPLES = {
    "error": "Permission denied", "url": "https://example.org/pack.argosmodel",
    "path": "/srv/digest/library.sqlite3", "folder": "/srv/digest/packs", "name": "'ru_en/x'",
    "code": "ru", "code2": "en", "pair": "ru → en", "done": "1,234", "total": "56,789",
    "size": "1,234", "count": "2,001", "limit": "2,000", "factor": "1,028", "seconds": "10",
    "status": "404 Not Found", "amount": "1,024.0 MB", "version": "7", "supported": "6",
    "problem": "no connection (offline, or the server is down)", "lines": "3",
    "garbling": "UTF-8 read as Windows-1251", "kind": "Word", "part": "content.xml",
    "advice": "Install a pack on the Language packs page, or run "
              "`news-digest packages install ru en`.",
    "repo": "owner/model", "family": "NLLB-200",
    "other": "You can download the model's folder on another computer (from "
             "huggingface.co/owner/model) and install it here with `news-digest packages "
             "install-file PATH` or on the Language packs page.",
}
"""Values like the real ones, for the wordings nothing made here produces."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wordings_not_made_here_are_translated_too(language, monkeypatch):
    texts = [template.format(**SAMPLES) for template in sorted(NOT_MADE_HERE)]
    monkeypatch.setattr(i18n, "current", lambda: language)
    translated = [i18n.message(text) for text in texts]
    assert [text for text, done in zip(texts, translated, strict=True) if done == text] == []
    kept = (*KEPT, *SAMPLES.values(), *kept_values(texts))
    assert english_left(translated, language, kept) == []


def test_a_download_s_failures_on_each_link_are_each_translated(monkeypatch):
    from translator.errors import TranslatorError
    from translator.packs.index import AvailablePack, download_and_install

    links = ("http://127.0.0.1:9/a.argosmodel", "http://127.0.0.1:9/b.argosmodel")
    with pytest.raises(TranslatorError) as failed:
        download_and_install(AvailablePack("ru", "en", "Russian", "English", "1.0", links),
                             timeout=1)
    text = str(failed.value)
    assert text.count(" | ") == 1
    monkeypatch.setattr(i18n, "current", lambda: "ru")
    translated = i18n.message(text)
    assert translated.count("Скачивание пакета ru → en") == 2, translated
    assert english_left([translated], "ru", kept_values(text.split(" | "))) == []


def packs_page() -> None:
    from ui.packs_page import render
    from ui.settings import keep_widget_state

    keep_widget_state()
    render()


def test_the_packs_page_gives_a_broken_folder_s_reason_in_russian(tmp_path, packs_dir):
    """A pack folder without its model, another with a metadata.json that is no JSON: the
    Language packs page lists them with their reasons, in Russian."""
    from streamlit.testing.v1 import AppTest

    from testkit.tinypack import build_tiny_pack
    from tests.test_i18n_pages import shown
    from translator.packs.folders import packages_dir
    from translator.packs.install import install_from_file

    pack = install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
    broken = packages_dir() / "ru_en_copy"
    broken.mkdir()
    (broken / "metadata.json").write_text((pack.path / "metadata.json").read_text())
    (packages_dir() / "half").mkdir()
    (packages_dir() / "half" / "metadata.json").write_text("{")
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.session_state[i18n.LANGUAGE_KEY] = "ru"
    app.run()
    assert not app.exception, app.exception
    lines = "\n".join(shown(app)).replace("\\", "").splitlines()
    assert "- **half**: повреждён: metadata.json — некорректный JSON." in lines, lines
    assert "- **ru_en_copy**: повреждён: нет файла model/model.bin." in lines, lines


def test_the_packs_page_gives_a_model_s_licence_in_russian(
        tmp_path, model_area, loopback_server, monkeypatch):  # noqa: F811 (the fixture)
    """An installed NLLB-200 model's licence line, and a download's as a loopback Hub
    declares it for an M2M-100 repository: in Russian, the licences' names as they are."""
    from streamlit.testing.v1 import AppTest

    from testkit.httpserver import serve_hub_repo
    from testkit.tinymodel import build_model_dir
    from tests.test_i18n_pages import shown
    from translator.multilingual.download import KNOWN_MODELS
    from translator.multilingual.install import install_model

    install_model(build_model_dir(tmp_path / "built" / "nllb-tiny"))
    folder = build_model_dir(tmp_path / "hub-model")
    m2m = next(known.repo for known in KNOWN_MODELS if "m2m" in known.repo.lower())
    serve_hub_repo(loopback_server, m2m,
                   {path.name: path.read_bytes() for path in folder.iterdir()})
    monkeypatch.setenv("HF_ENDPOINT", loopback_server.url(""))
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.session_state[i18n.LANGUAGE_KEY] = "ru"
    app.run()
    assert not app.exception, app.exception
    assert ("Лицензия: CC-BY-NC 4.0: только для некоммерческого использования (Meta AI, "
            "NLLB-200)") in shown(app), shown(app)
    app.selectbox(key="model_repo").set_value(m2m).run()
    russian = i18n.translations("ru").gettext
    next(b for b in app.button if b.label == russian("Check size and licence")).click().run()
    assert not app.exception, app.exception
    lines = "\n".join(shown(app)).splitlines()
    assert ("Лицензия: **MIT (Meta AI, M2M-100) (в репозитории указано: cc-by-nc-4.0)**"
            in lines), lines
