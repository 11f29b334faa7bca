"""The real thing: `streamlit run app.py` driven by Debian's Chromium through Playwright.

One server per module, on a free loopback port, with a private packs dir that holds a
tiny but real Russian -> English pack. Files are written from text in the test.
The test saves docs/screenshot.png (the README's picture of the dashboard).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import (
    ROOT,
    chromium,
    empty_desk,
    serve_app,
)
from testkit.tinypack import build_tiny_pack
from translator.packs.install import install_from_file

pytestmark = pytest.mark.browser

SCREENSHOT = ROOT / "docs" / "screenshot.png"

expect.set_options(timeout=30_000)  # two shared cores: a rerun can take seconds

ENGLISH_TITLE = "City council votes to rebuild the old bridge"
ENGLISH = (
    ENGLISH_TITLE
    + "\n\n"
    + "\n\n".join(
        [
            "The city council voted on Tuesday to rebuild the old river bridge. "
            "The bridge was closed to lorries last winter after engineers found deep cracks.",
            "Work will start in the spring and should take two years. "
            "The mayor said the new bridge would have wide paths for cyclists and walkers.",
            "Shop owners near the river welcomed the decision. "
            "Many of them lost customers when the bridge was closed.",
            "The project will cost about forty million dollars. "
            "Half of the money comes from the national government.",
        ]
    )
    + "\n"
)

RUSSIAN_TITLE = "Парламент одобрил новый бюджет"
RUSSIAN = (
    RUSSIAN_TITLE
    + "\n\n"
    + "\n\n".join(
        [
            "Депутаты в среду одобрили проект бюджета на следующие три года. "
            "Расходы на образование и здравоохранение вырастут почти на десять процентов.",
            "Министр финансов заявил, что дефицит бюджета сократится благодаря экспорту нефти. "
            "По его словам, правительство будет меньше занимать у Национального фонда.",
            "Оппозиционные депутаты раскритиковали документ. "
            "Они считают, что прогноз цен на нефть слишком оптимистичен.",
            "Бюджет должен быть утверждён сенатом до конца месяца. "
            "После этого его подпишет президент.",
        ]
    )
    + "\n"
)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(autouse=True)
def fresh_desk(work):
    empty_desk(work)


@pytest.fixture(scope="module")
def server(work):
    """The dashboard served on a free loopback port, with a tiny ru -> en pack installed."""
    packs = work / "packs"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packs))
        install_from_file(build_tiny_pack(work, "ru", "en"))
    with serve_app(work) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def articles(tmp_path) -> list[Path]:
    files = {
        "bridge.txt": ENGLISH.encode("utf-8"),
        "byudzhet.txt": RUSSIAN.encode("cp1251"),
        "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "empty.txt": b"",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in files]


def test_upload_read_download_and_translate_in_a_real_browser(server, browser, articles):
    context = browser.new_context(viewport={"width": 1440, "height": 1500}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(server)
        expect(page.get_by_role("heading", name="News digest")).to_be_visible(timeout=60_000)
        expect(page.get_by_text("Start with a few articles")).to_be_visible()

        page.locator("input[type=file]").first.set_input_files(articles)
        expect(page.get_by_text("Download all summaries")).to_be_visible(timeout=120_000)

        # The two bad files, each with its own error; the two articles with their languages.
        expect(page.get_by_text("photo.txt — this looks like a PNG image")).to_be_visible()
        expect(page.get_by_text("empty.txt — the file is empty.")).to_be_visible()
        expect(page.get_by_text(re.compile(r"English · \d+% confidence"))).to_be_visible()
        expect(page.get_by_text(re.compile(r"Russian · \d+% confidence"))).to_be_visible()
        expect(page.get_by_text("read as Cyrillic (Windows-1251), detected", exact=False)) \
            .to_be_visible()

        # Both summaries, five sentences each.
        summaries = page.locator("ol.nd-summary")
        expect(summaries).to_have_count(2)
        expect(summaries.nth(0).locator("li")).to_have_count(5)
        expect(summaries.nth(1).locator("li")).to_have_count(5)
        expect(summaries.nth(0)).to_contain_text("The city council voted on Tuesday")
        expect(summaries.nth(1)).to_contain_text("Депутаты в среду одобрили проект бюджета")
        page.wait_for_timeout(500)
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))

        with page.expect_download() as download_info:
            page.get_by_role("button", name="Download all summaries").click()
        download = download_info.value
        assert download.suggested_filename == "summaries.txt"
        digest = Path(download.path()).read_text(encoding="utf-8")
        assert f"bridge.txt — {ENGLISH_TITLE}" in digest
        assert f"byudzhet.txt — {RUSSIAN_TITLE}" in digest
        assert "The city council voted on Tuesday to rebuild the old river bridge." in digest
        assert "Депутаты в среду одобрили проект бюджета на следующие три года." in digest
        assert "photo.txt" not in digest and "empty.txt" not in digest

        # Translate into English: the Russian article gets a side-by-side view.
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_test_id("stSelectbox").filter(has_text="Translate into").click()
        page.get_by_role("option", name="English").click()
        whole_article = sidebar.get_by_role("radio", name="Whole article")
        expect(whole_article).to_be_enabled()  # enabled once the rerun with a target is done
        sidebar.get_by_text("Whole article").click()
        expect(whole_article).to_be_checked()
        russian_card = page.get_by_test_id("stExpander").filter(has_text=RUSSIAN_TITLE)
        russian_card.get_by_role("tab", name="Side by side").click()
        table = russian_card.locator("table.nd-sbs")
        expect(table).to_be_visible(timeout=120_000)
        expect(table.locator("th")).to_have_text(["Original (Russian)", "English"])
        expect(table.locator("tbody")).to_have_count(4)
        expect(table.locator("tbody tr")).to_have_count(8)
        expect(table.locator("td.nd-missing")).to_have_count(0)
        expect(table).to_contain_text("После этого его подпишет президент.")
        english_card = page.get_by_test_id("stExpander").filter(has_text=ENGLISH_TITLE)
        already = english_card.get_by_text("This article is already in English.")
        expect(already.first).to_be_visible()

        # Closing a card and opening it again draws it again (cards are drawn lazily).
        english_card.get_by_text(ENGLISH_TITLE).first.click()
        expect(english_card.locator("ol.nd-summary")).to_have_count(0)
        english_card.get_by_text(ENGLISH_TITLE).first.click()
        expect(english_card.locator("ol.nd-summary li")).to_have_count(5)

        # To the Language packs page and back: the articles and the settings are still there.
        sidebar.get_by_role("link", name="Language packs").click()
        expect(page.get_by_role("heading", name="Installed")).to_be_visible()
        expect(page.get_by_text("Russian → English").first).to_be_visible()
        sidebar.get_by_role("link", name="Dashboard").click()
        expect(page.get_by_text("2 articles summarized")).to_be_visible()
        expect(page.get_by_text("photo.txt — this looks like a PNG image")).to_be_visible()
        target = sidebar.get_by_role("combobox", name="Translate into")
        expect(target).to_have_value("English")
        expect(sidebar.get_by_role("radio", name="Whole article")).to_be_checked()
    finally:
        context.close()


MIXED_TITLE = "Казахстан и ЕС обсудили поставки редких металлов"
MIXED = (
    MIXED_TITLE
    + "\n\n"
    + "Министр иностранных дел Казахстана провёл в Брюсселе переговоры с представителями "
    "Европейской комиссии о поставках редкоземельных металлов. Стороны договорились создать "
    "рабочую группу, которая до конца года подготовит дорожную карту сотрудничества.\n\n"
    '"We see Kazakhstan as a reliable partner for the supply of critical raw materials to '
    "Europe. The new working group will prepare concrete projects for investment before the "
    'end of the year," the European Commissioner said after the meeting.\n\n'
    "Эксперты отмечают, что Европа стремится снизить зависимость от поставок металлов из "
    "Китая. Следующий раунд переговоров пройдёт в Астане в декабре.\n"
)


def test_narrow_screen_language_control_and_printable_briefing(server, browser, tmp_path):
    """At 800 px nothing is cut (the language control read "Languag"); the Briefing page
    lists the articles and prints without the sidebar and the controls."""
    files = [tmp_path / "mixed.txt", tmp_path / "bridge.txt"]
    files[0].write_text(MIXED, encoding="utf-8")
    files[1].write_text(ENGLISH, encoding="utf-8")
    context = browser.new_context(viewport={"width": 800, "height": 1400})
    page = context.new_page()
    try:
        page.goto(server)
        page.locator("input[type=file]").first.set_input_files(files)
        card = page.get_by_test_id("stExpander").filter(has_text=MIXED_TITLE)
        shares = re.compile(r"Russian \d+\u00a0%, English \d+\u00a0%")
        expect(card.get_by_text(shares)).to_be_visible(timeout=120_000)
        control = card.get_by_role("combobox", name="Language")
        expect(control).to_have_value("Russian (detected)")  # the language in use
        cut = control.evaluate("e => e.scrollWidth > e.clientWidth + 1")
        assert not cut, "the language control is cut"
        page.get_by_test_id("stSidebar").get_by_role("link", name="Briefing").click()
        brief = page.locator("div.nd-brief")
        expect(brief.locator("article")).to_have_count(2, timeout=120_000)
        expect(brief).to_contain_text(MIXED_TITLE)
        expect(brief).to_contain_text(ENGLISH_TITLE)
        page.emulate_media(media="print")
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        expect(page.get_by_text("Languages", exact=True)).to_be_hidden()
        expect(brief.locator("article")).to_have_count(2)
    finally:
        context.close()
