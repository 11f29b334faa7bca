"""A reader downloads a Word article translated as a Word file, in a real browser:
`streamlit run app.py` with a tiny en -> de pack, driven by Debian's Chromium through
Playwright; the file downloaded is opened with python-docx."""
from __future__ import annotations

import io

import docx
import pytest
from playwright.sync_api import expect

from testkit import formatted_documents as made
from testkit.streamlit_server import chromium, empty_desk, install_pack, serve_app

pytestmark = pytest.mark.browser
expect.set_options(timeout=60_000)  # two shared cores: a rerun can take seconds


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """The module's folder: its server's packs (a tiny en -> de pack) and library."""
    folder = tmp_path_factory.mktemp("browser-translated-download")
    install_pack(folder, "en", "de")
    return folder


@pytest.fixture(autouse=True)
def fresh_desk(work):
    empty_desk(work)


def choose(page, container, label: str, option: str) -> None:
    container.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def styles(document) -> list[str]:
    return [paragraph.style.name for paragraph in document.paragraphs]


def test_a_word_article_is_downloaded_translated_as_a_word_file(work, tmp_path):
    original = tmp_path / "report.docx"
    original.write_bytes(made.word_document())
    with serve_app(work) as url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1400},
                                      accept_downloads=True)
        page = context.new_page()
        try:
            page.goto(url)
            page.locator("input[type=file]").first.set_input_files([original])
            card = page.get_by_test_id("stExpander").filter(has_text="report.docx")
            expect(card.get_by_role("combobox", name="Language")).to_have_value(
                "English (detected)", timeout=120_000)
            choose(page, page.get_by_test_id("stSidebar"), "Translate into", "German")
            ask = card.get_by_role("button", name="Translate as a Word file")
            expect(ask).to_be_visible(timeout=120_000)
            ask.click()
            download_button = card.get_by_role("button",
                                               name="Download the translated Word file")
            expect(download_button).to_be_visible(timeout=120_000)
            with page.expect_download() as caught:
                download_button.click()
            download = caught.value
            assert download.suggested_filename == "report.de.docx"
            saved = tmp_path / "downloaded.docx"
            download.save_as(saved)
        finally:
            context.close()
    translated = docx.Document(saved)
    source = docx.Document(io.BytesIO(original.read_bytes()))
    assert styles(translated) == styles(source)
    assert len(translated.tables) == 1 and len(translated.tables[0]._cells) == 9
    for before, after in zip(source.paragraphs, translated.paragraphs, strict=True):
        if before.text.strip():
            assert after.text.strip() and after.text != before.text
    assert translated.sections[0].header.paragraphs[0].text != made.HEADER
    log = (work / "streamlit.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]
