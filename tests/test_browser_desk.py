"""A press analyst's working day in a real browser (issue #18): `streamlit run app.py` with a
tiny ru -> en pack, driven by Debian's Chromium through Playwright.

1. "Read as" another code page and back: the language in use is the detected one again
   (not "Undetermined · set by you"), across reloads, and the article is translated.
2. The settings (target language, length, algorithm, whole article) survive a restart of
   the server.
3. Every card's ✕ sits on its own card at 1400 and 800 px, long titles included
   (screenshots in /tmp/news-digest-desk-*.png).
And the server's log holds no deprecation warning and no traceback.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import chromium, empty_desk, install_pack, serve_app
from tests.test_browser import ENGLISH, RUSSIAN, RUSSIAN_TITLE

pytestmark = pytest.mark.browser
expect.set_options(timeout=60_000)  # two shared cores: a rerun can take seconds

SCREENSHOTS = Path("/tmp")
LONG_TITLE = (
    "Regional governments agree on a common plan for water sharing along the great river "
    "after three years of difficult negotiations between the ministries"
)
LONG = (
    LONG_TITLE + "\n\n"
    "The ministers of five countries signed the agreement on Friday in the capital. "
    "It sets how much water each country may take from the river in dry summers.\n\n"
    "Farmers downstream have complained for years that their fields dry out in August. "
    "The plan promises them a fixed share and a joint commission to watch the dams.\n"
)
FLOODS_TITLE = "Floods close the mountain road"
FLOODS = (
    FLOODS_TITLE + "\n\n"
    "Heavy rain closed the mountain road to the south on Sunday. Rescue teams helped "
    "drivers stuck in their cars.\n\n"
    "The road will open again once engineers have checked the bridges. "
    "Until then buses take the old road through the valley.\n"
)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """The module's folder: its servers' packs (a tiny ru -> en pack) and library."""
    folder = tmp_path_factory.mktemp("browser-desk")
    install_pack(folder, "ru", "en")
    return folder


@pytest.fixture(autouse=True)
def fresh_desk(work):
    empty_desk(work)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def assert_quiet_log(work: Path) -> None:
    """No deprecation warning (components.html gave one per run) and no traceback."""
    log = (work / "streamlit.log").read_text(errors="replace")
    assert "deprecat" not in log.lower(), log[-3000:]
    assert "Traceback" not in log, log[-3000:]


def choose(page, container, label: str, option: str) -> None:
    container.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def read_as(page, card, option: str) -> None:
    card.get_by_role("button", name=re.compile("Read as")).click()
    popover = page.get_by_test_id("stPopoverBody")
    popover.get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def test_read_as_and_back_reads_the_article_in_its_detected_language(work, browser, tmp_path):
    russian = tmp_path / "byudzhet.txt"
    russian.write_text(RUSSIAN, encoding="utf-8")
    with serve_app(work) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1400})
        page = context.new_page()
        try:
            page.goto(url)
            page.locator("input[type=file]").first.set_input_files([russian])
            card = page.get_by_test_id("stExpander").filter(has_text=RUSSIAN_TITLE)
            picker = card.get_by_role("combobox", name="Language")
            expect(picker).to_have_value("Russian (detected)", timeout=120_000)
            choose(page, page.get_by_test_id("stSidebar"), "Translate into", "English")
            expect(card.locator("ol.nd-summary .nd-tr").first).to_be_visible(timeout=120_000)

            read_as(page, card, "Cyrillic (Windows-1251)")
            garbled = page.get_by_test_id("stExpander").filter(has_text="byudzhet.txt")
            expect(garbled.get_by_text("Language undetermined")).to_be_visible(timeout=120_000)
            read_as(page, garbled, "Detect the encoding")

            for _ in range(2):  # the detected language again, now and after a reload
                card = page.get_by_test_id("stExpander").filter(has_text=RUSSIAN_TITLE)
                picker = card.get_by_role("combobox", name="Language")
                expect(picker).to_have_value("Russian (detected)", timeout=120_000)
                expect(card.get_by_text(re.compile(r"Russian · \d+% confidence"))).to_be_visible()
                expect(card.get_by_text("set by you")).to_have_count(0)
                expect(card.get_by_text("Undetermined")).to_have_count(0)
                translations = card.locator("ol.nd-summary .nd-tr")
                expect(translations.first).to_be_visible(timeout=120_000)
                assert translations.count() == card.locator("ol.nd-summary li").count() > 0
                page.reload()
        finally:
            context.close()
    assert_quiet_log(work)


def test_settings_survive_a_restart_of_the_server(work, browser):
    with serve_app(work) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = context.new_page()
        try:
            page.goto(url)
            sidebar = page.get_by_test_id("stSidebar")
            expect(page.get_by_text("Start with a few articles")).to_be_visible(timeout=60_000)
            choose(page, sidebar, "Algorithm", "LSA (latent semantic analysis)")
            expect(sidebar.get_by_text("main topics")).to_be_visible()
            sidebar.get_by_test_id("stButtonGroup").get_by_text("Words", exact=True).click()
            words = sidebar.get_by_role("spinbutton", name="Words")
            words.fill("300")
            words.press("Enter")
            expect(words).to_have_value("300")
            choose(page, sidebar, "Translate into", "English")
            whole = sidebar.get_by_role("radio", name="Whole article")
            expect(whole).to_be_enabled()
            sidebar.get_by_text("Whole article").click()
            expect(whole).to_be_checked()
            page.wait_for_timeout(1000)  # the last change's run has saved the settings
        finally:
            context.close()
    with serve_app(work) as url:  # the next morning: a new server, a new browser
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = context.new_page()
        try:
            page.goto(url)
            sidebar = page.get_by_test_id("stSidebar")
            algorithm = sidebar.get_by_role("combobox", name="Algorithm")
            expect(algorithm).to_have_value("LSA (latent semantic analysis)", timeout=60_000)
            expect(sidebar.get_by_role("spinbutton", name="Words")).to_have_value("300")
            target = sidebar.get_by_role("combobox", name="Translate into")
            expect(target).to_have_value("English")
            expect(sidebar.get_by_role("radio", name="Whole article")).to_be_checked()
        finally:
            context.close()
    assert_quiet_log(work)


@pytest.mark.parametrize("width", [1400, 800])
def test_every_close_button_sits_on_its_own_card(work, browser, tmp_path, width):
    files = {
        "bridge.txt": ENGLISH.encode("utf-8"),
        "byudzhet.txt": RUSSIAN.encode("cp1251"),
        "water-sharing-agreement.txt": LONG.encode("utf-8"),
        "floods.txt": FLOODS.encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    # A profile of its own: the default settings, whatever another test remembered.
    with serve_app(work, NEWS_DIGEST_PROFILE=f"screenshots-{width}") as url:
        context = browser.new_context(viewport={"width": width, "height": 1600})
        page = context.new_page()
        try:
            page.goto(url)
            page.locator("input[type=file]").first.set_input_files(
                [tmp_path / name for name in files]
            )
            expect(page.get_by_text("4 articles summarized")).to_be_visible(timeout=120_000)
            rows = page.locator("[class*='st-key-nd-card-']")
            expect(rows).to_have_count(4)
            page.wait_for_timeout(800)
            page.screenshot(path=str(SCREENSHOTS / f"news-digest-desk-{width}.png"),
                            full_page=True)
            for index in range(4):
                row = rows.nth(index)
                card = row.get_by_test_id("stExpander").bounding_box()
                close = row.get_by_role("button", name="close").bounding_box()
                assert card and close
                # Beside its own card's heading, inside the row, never wrapped under it.
                assert card["x"] + card["width"] <= close["x"] + 1, (index, card, close)
                box = row.bounding_box()
                assert close["x"] + close["width"] <= box["x"] + box["width"] + 1
                assert card["y"] - 1 <= close["y"] <= card["y"] + 40, (index, card, close)
            # The long title wraps inside its card, which keeps most of the row.
            long_card = page.get_by_test_id("stExpander").filter(has_text="Regional")
            assert long_card.bounding_box()["width"] > width * 0.4
        finally:
            context.close()
    assert_quiet_log(work)
