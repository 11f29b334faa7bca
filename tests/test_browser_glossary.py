"""A glossary term added and used in a real browser: `streamlit run app.py`, Debian's
Chromium through Playwright, a tiny real Russian -> English pack (random weights: without
the glossary the name never comes out right)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import chromium, empty_desk, serve_app
from testkit.tinypack import build_tiny_pack
from translator.packs.install import install_from_file

pytestmark = pytest.mark.browser

expect.set_options(timeout=30_000)  # two shared cores: a rerun can take seconds

TITLE = "Шульман ответила депутатам"
RUSSIAN = (
    f"{TITLE}\n\n"
    "Помощник Кори Шульман выступила в понедельник в Думе. Речь Шульман длилась час.\n\n"
    "Депутаты задали Шульман много вопросов о бюджете. "
    "Цены на хлеб и топливо снова выросли на этой неделе.\n"
)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-glossary")


@pytest.fixture(scope="module")
def server(work):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(work / "packs"))
        install_from_file(build_tiny_pack(work, "ru", "en"))
    empty_desk(work)
    with serve_app(work) as url:
        yield url


def choose(page, label: str, language: str) -> None:
    """Pick a language in a long select box, typing its name as a reader does."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    page.keyboard.type(language)
    page.get_by_role("option", name=language, exact=True).click()
    expect(box).to_have_value(language)


def test_a_glossary_term_is_added_and_used_in_a_real_browser(server, tmp_path):
    article = tmp_path / "shulman.txt"
    article.write_text(RUSSIAN, encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 1600})
        page.goto(server)
        sidebar = page.get_by_test_id("stSidebar")

        # The Language packs page: the glossary section, a term and its translation.
        sidebar.get_by_role("link", name="Language packs").click()
        expect(page.get_by_role("heading", name="Glossary")).to_be_visible(timeout=60_000)
        choose(page, "From", "Russian")
        choose(page, "Into", "English")
        page.get_by_label("Term").fill("Шульман")
        page.get_by_label("Translation").fill("Schulman")
        page.get_by_role("button", name="Add to the glossary").click()
        expect(page.get_by_text("Added “Шульман” to the glossary.")).to_be_visible()
        expect(page.get_by_text("Russian → English").last).to_be_visible()

        # The dashboard: the article translated whole, the name kept and marked.
        sidebar.get_by_role("link", name="Dashboard").click()
        # The packs page's own file inputs go first: upload only to the dashboard's.
        expect(page.get_by_role("heading", name="Glossary")).to_have_count(0)
        expect(page.get_by_role("heading", name="News digest")).to_be_visible()
        page.locator("input[type=file]").first.set_input_files([article])
        card = page.get_by_test_id("stExpander").filter(has_text=TITLE)
        expect(card).to_be_visible(timeout=120_000)
        sidebar.get_by_test_id("stSelectbox").filter(has_text="Translate into").click()
        page.get_by_role("option", name="English").click()
        whole_article = sidebar.get_by_role("radio", name="Whole article")
        expect(whole_article).to_be_enabled()
        sidebar.get_by_text("Whole article").click()
        expect(whole_article).to_be_checked()
        # Translated (the random pack's output is flagged): the run is over, the tab stays.
        expect(card.get_by_text("translated sentences flagged")).to_be_visible(timeout=120_000)
        card.get_by_role("tab", name="Side by side").click()
        table = card.locator("table.nd-sbs")
        expect(table).to_be_visible(timeout=120_000)
        rows = table.locator("tbody tr").filter(has_text="Шульман")
        expect(rows).to_have_count(3)
        for number in range(3):
            cells = rows.nth(number).locator("td")
            expect(cells.nth(0).locator("mark.nd-term")).to_have_text("Шульман")
            expect(cells.nth(1).locator("mark.nd-term")).to_have_text("Schulman")
        page.close()
