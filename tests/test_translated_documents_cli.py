"""`news-digest translate --output-format same --out DIR` and `batch --translated-files` as a
user runs them: real subprocesses, a tiny real pack, documents built here."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from testkit import formatted_documents as made
from testkit.documents import make_pdf
from testkit.tinypack import build_tiny_pack
from tests.test_translator_cli import cli_environment, install, run


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return build_tiny_pack(tmp_path_factory.mktemp("built"), "en", "de")


@pytest.fixture
def env(tmp_path, pack) -> dict[str, str]:
    environment = cli_environment(tmp_path)
    install(environment, pack)
    return environment


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "in"
    (folder / "web").mkdir(parents=True)
    documents = {
        "report.docx": made.word_document(),
        "report.odt": made.odt_document(),
        "web/page.html": made.web_page(),
        "notes.md": made.markdown_file(),
        "release.pdf": make_pdf(made.HEADING, [made.CLOSING, *made.NUMBERED]),
    }
    paths = {}
    for name, data in documents.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_translate_same_format_writes_name_target_extension_for_each_file(env, files, tmp_path):
    out = tmp_path / "out"
    result = run(env, "translate", "--source", "en", "--target", "de", "--output-format", "same",
                 "--out", out, *files.values())
    assert result.returncode == 0, result.err
    written = sorted(path.name for path in out.iterdir())
    assert written == ["notes.de.md", "page.de.html", "release.de.docx", "report.de.docx",
                       "report.de.odt"]
    assert result.out.splitlines() == [str(out / name) for name in (
        "report.de.docx", "report.de.odt", "page.de.html", "notes.de.md", "release.de.docx")]
    assert "release.pdf: A PDF's layout cannot be re-flowed" in result.err
    document = docx.Document(out / "report.de.docx")
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles == [paragraph.style.name
                      for paragraph in docx.Document(files["report.docx"]).paragraphs]
    assert made.HEADING not in (out / "notes.de.md").read_text("utf-8")
    with zipfile.ZipFile(out / "report.de.odt") as archive:
        assert archive.namelist()[0] == "mimetype"
    assert docx.Document(out / "release.de.docx").paragraphs


def test_translate_same_format_needs_out_and_reports_bad_files_by_name(env, files, tmp_path):
    result = run(env, "translate", "--target", "de", "--output-format", "same",
                 files["report.docx"])
    assert result.returncode == 2
    assert "--output-format same needs --out DIR" in result.err
    bomb = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * 40_000_000)
    bomb.write_bytes(buffer.getvalue())
    out = tmp_path / "out"
    result = run(env, "translate", "--source", "en", "--target", "de", "--output-format",
                 "same", "--out", out, bomb, files["notes.md"])
    assert result.returncode == 1
    assert f"news-digest: {bomb}: this Word file unpacks to far more than its size" in result.err
    assert sorted(path.name for path in out.iterdir()) == ["notes.de.md"]
    result = run(env, "translate", "--source", "en", "--target", "fr", "--output-format",
                 "same", "--out", out, files["notes.md"])
    assert result.returncode == 1
    assert f"news-digest: {files['notes.md']}: no language pack" in result.err


def test_batch_translated_files_go_beside_the_manifest(env, files, tmp_path):
    out = tmp_path / "batch"
    result = run(env, "batch", files["report.docx"].parent, "--out", out, "--workers", "1",
                 "--translate-to", "de", "--translated-files")
    assert result.returncode == 0, result.err
    rows = {Path(row["file"]).name: row for row in map(
        json.loads, (out / "manifest.jsonl").read_text("utf-8").splitlines())}
    assert {name: row["translated_file"] for name, row in rows.items()} == {
        "report.docx": "report.de.docx", "report.odt": "report.de.odt",
        "page.html": "page.de.html", "notes.md": "notes.de.md",
        "release.pdf": "release.de.docx"}
    assert all(row["status"] == "ok" and row["translation"] for row in rows.values())
    translated = out / "translated"
    assert sorted(path.name for path in translated.iterdir()) == sorted(
        row["translated_file"] for row in rows.values())
    assert len(docx.Document(translated / "report.de.docx").tables) == 1
    again = run(env, "batch", files["report.docx"].parent, "--out", out, "--workers", "1",
                "--translate-to", "de", "--translated-files")
    assert again.returncode == 0, again.err
    assert "0 done, 5 skipped, 0 failed" in again.out  # the same settings: nothing redone
    assert sorted(path.name for path in translated.iterdir()) == sorted(
        row["translated_file"] for row in rows.values())


def test_batch_translated_files_need_a_target(env, files, tmp_path):
    result = run(env, "batch", files["notes.md"], "--out", tmp_path / "b", "--translated-files")
    assert result.returncode == 2
    assert "--translated-files needs --translate-to CODE" in result.err
