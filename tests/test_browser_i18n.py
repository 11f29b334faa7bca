"""The interface in Russian, then Kazakh, then Uzbek, in a real browser (issue #22).

`streamlit run app.py` with a tiny ru -> en pack, driven by Debian's Chromium through
Playwright. In each language the reader switches in the sidebar, uploads an article in
that language and opens every page; each page is photographed at 1400 and 800 px (the
dashboard into docs/i18n-<lang>-<width>.png, the others into /tmp) and checked for
text that is cut off or runs out of its box. The choice is remembered across a reload,
and a first visit from a Russian browser opens in Russian.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import ROOT, chromium, serve_app
from testkit.tinypack import build_tiny_pack
from tests.test_browser import RUSSIAN
from tests.test_i18n_pages import KAZAKH
from translator.packs.install import install_from_file

pytestmark = pytest.mark.browser
expect.set_options(timeout=60_000)  # two shared cores: a rerun can take seconds

DOCS = ROOT / "docs"
SHOTS = Path("/tmp")
UZBEK = (
    "Hukumat yangi byudjetni maʼqulladi\n\n"
    "Oʻzbekiston hukumati seshanba kuni kelgusi yil byudjetini maʼqulladi. "
    "Taʼlim va sogʻliqni saqlash xarajatlari oʻn foizga oshadi.\n\n"
    "Moliya vaziri taqchillik neft eksporti hisobiga kamayishini aytdi. "
    "Deputatlar hujjatni oy oxirigacha koʻrib chiqadi.\n"
)
LANGUAGES = {
    # language: (its name in the switch, the article, the dashboard's title, the pages)
    "ru": ("Русский", ("statya.txt", RUSSIAN), "Дайджест новостей",
           ("Сводка", "Библиотека", "Языковые пакеты", "Панель")),
    "kk": ("Қазақша", ("maqala.txt", KAZAKH), "Жаңалықтар дайджесті",
           ("Шолу", "Кітапхана", "Тіл бумалары", "Панель")),
    "uz": ("Oʻzbekcha", ("maqola.txt", UZBEK), "Yangiliklar dayjesti",
           ("Sharh", "Kutubxona", "Til paketlari", "Panel")),
}
SET_BY_YOU = {"ru": "выбран вами", "kk": "сіз таңдадыңыз", "uz": "siz tanladingiz"}
SWITCH_LABELS = ("Interface language", "Язык интерфейса", "Интерфейс тілі", "Interfeys tili")

CUT_TEXT = """
() => {
  // Text cut by its box (overflow hidden or an ellipsis: a label squeezed to nothing
  // shows "У…"), or running out of the sidebar, or a page that scrolls sideways.
  const found = [];
  const roots = document.querySelectorAll(
    "[data-testid='stMain'], [data-testid='stSidebar']");
  for (const root of roots) {
    const rootBox = root.getBoundingClientRect();
    for (const element of root.querySelectorAll("*")) {
      const text = (element.innerText || "").trim();
      if (!text || element.closest("[data-testid='stFileUploaderFile']")) continue;
      if (element.closest("[data-testid='stIconMaterial']")) continue;  // an icon's name
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const box = element.getBoundingClientRect();
      if (style.position === "absolute" && (box.width <= 1 || box.height <= 1)) continue;
      const clips = style.overflowX === "hidden" || style.textOverflow === "ellipsis";
      const cut = clips && element.scrollWidth > element.clientWidth + 1;
      const outside = root.dataset.testid === "stSidebar" && box.width > 0
        && box.right > rootBox.right + 1;
      if (cut || outside) found.push(text.slice(0, 80));
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    found.push("page scrolls sideways");
  }
  return found;
}
"""


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-i18n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(folder / "packs"))
        install_from_file(build_tiny_pack(folder, "ru", "en"))
    return folder


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def switch_to(page, name: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_test_id("stSelectbox").filter(
        has=page.locator("label", has_text=re.compile("|".join(SWITCH_LABELS)))
    )
    box.click()
    page.get_by_role("option", name=name, exact=True).click()


def photograph(page, name: str, folder: Path) -> dict[int, list[str]]:
    """Screenshots at 1400 and 800 px; the texts cut or running out at each width."""
    problems = {}
    for width in (1400, 800):
        page.set_viewport_size({"width": width, "height": 1300})
        page.wait_for_timeout(700)
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        problems[width] = page.evaluate(CUT_TEXT)
    page.set_viewport_size({"width": 1400, "height": 1300})
    return problems


def test_russian_then_kazakh_then_uzbek_on_every_page(work, browser, tmp_path):
    with serve_app(work, NEWS_DIGEST_PROFILE="i18n-browser") as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1300}, locale="en-US")
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.get_by_text("Start with a few articles")).to_be_visible()
            cut: dict[str, dict[int, list[str]]] = {}
            for language, (name, (file_name, text), title, pages) in LANGUAGES.items():
                switch_to(page, name)
                expect(page.get_by_role("heading", name=title)).to_be_visible()
                article = tmp_path / file_name
                article.write_text(text, encoding="utf-8")
                page.locator("input[type=file]").first.set_input_files([article])
                expect(page.get_by_test_id("stExpander").filter(has_text=file_name)).to_be_visible(
                    timeout=120_000
                )
                expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=120_000)
                # A switch chose no language for the cards: each still reads in its detected
                # language (the picker's old label is not taken for a choice).
                expect(page.get_by_text(re.compile(SET_BY_YOU[language]))).to_have_count(0)
                cut[f"{language} dashboard"] = photograph(page, f"i18n-{language}", DOCS)
                nav = page.get_by_test_id("stSidebarNav")
                for page_title in pages:
                    nav.get_by_role("link", name=page_title).click()
                    heading = title if page_title == pages[-1] else page_title
                    expect(page.get_by_role("heading", name=heading)).to_be_visible()
                    page.wait_for_timeout(1500)
                    expect(page.get_by_test_id("stException")).to_have_count(0)
                    slug = f"news-digest-i18n-{language}-{page_title}"
                    cut[f"{language} {page_title}"] = photograph(page, slug, SHOTS)
            problems = {
                where: found for where, widths in cut.items()
                for found in widths.values() if found
            }
            assert problems == {}, problems

            page.reload()  # the last choice stays: Uzbek
            expect(page.get_by_role("heading", name="Yangiliklar dayjesti")).to_be_visible()
        finally:
            context.close()


def test_a_first_visit_from_a_russian_browser_opens_in_russian(work, browser):
    with serve_app(work, NEWS_DIGEST_PROFILE="i18n-first-visit") as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.get_by_role("heading", name="Дайджест новостей")).to_be_visible()
            sidebar = page.get_by_test_id("stSidebar")
            expect(sidebar.get_by_text("Язык интерфейса")).to_be_visible()
            expect(sidebar.get_by_role("link", name="Библиотека")).to_be_visible()
        finally:
            context.close()
