"""A big file on the desk is read once (issue #18, step 3), in a real browser.

A tester's 20 MB text was read again at every rerun: a reload, one more summary sentence,
another algorithm each cost 11-24 s. Here a multi-megabyte article is uploaded beside a
small one, then the page is reloaded, the length and the algorithm are changed: the
server's log shows one reading of each file, and every change is drawn. (What a rerun
costs with and without a 20 MB article is measured by `python -m bench.rerun_cost`.)
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.documents import numbered_paragraphs
from testkit.streamlit_server import chromium, empty_desk, serve_app
from tests.test_browser_desk import FLOODS, FLOODS_TITLE, choose

pytestmark = pytest.mark.browser
expect.set_options(timeout=120_000)

PARAGRAPH = (
    "Правительство объявило о новом плане строительства школ в сельской местности. "
    "По словам чиновников, работы начнутся следующей весной и продлятся три года. "
    "Родители приветствовали решение, но попросили больше учителей и автобусов. "
    "Депутаты обсудят расходы на заседании комитета по бюджету в конце месяца."
)
BIG_TITLE = "Большой отчёт о школах"
SMALL_TITLE, SMALL = FLOODS_TITLE, FLOODS


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-big-file")


@pytest.fixture(autouse=True)
def fresh_desk(work):
    empty_desk(work)


def big_article(folder: Path, megabytes: int = 4) -> Path:
    path = folder / "bolshoy-otchet.txt"
    path.write_text(numbered_paragraphs(BIG_TITLE, [PARAGRAPH], megabytes * 1_000_000),
                    encoding="utf-8")
    return path


def readings(work: Path, name: str) -> int:
    log = (work / "streamlit.log").read_text(errors="replace")
    return sum(1 for line in log.splitlines() if f"reading {name} (" in line)


def test_a_big_file_is_read_once_whatever_the_reruns(work, tmp_path):
    big = big_article(tmp_path)
    small = tmp_path / "floods.txt"
    small.write_text(SMALL, encoding="utf-8")
    with serve_app(work) as url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = context.new_page()
        try:
            page.goto(url)
            page.locator("input[type=file]").first.set_input_files([big, small])
            expect(page.get_by_text("2 articles summarized")).to_be_visible()
            assert readings(work, big.name) == readings(work, small.name) == 1

            page.reload()
            expect(page.get_by_text("2 articles summarized")).to_be_visible()
            sidebar = page.get_by_test_id("stSidebar")
            sentences = sidebar.get_by_role("spinbutton", name="Sentences")
            sentences.fill("4")
            sentences.press("Enter")
            page.get_by_test_id("stExpander").filter(has_text=SMALL_TITLE).first.click()
            card = page.get_by_test_id("stExpander").filter(has_text=BIG_TITLE)
            card.first.click()
            expect(card.locator("ol.nd-summary li")).to_have_count(4)

            choose(page, sidebar, "Algorithm", "TextRank")
            expect(sidebar.get_by_role("combobox", name="Algorithm")).to_have_value("TextRank")
            expect(card.locator("ol.nd-summary li")).to_have_count(4)
            page.reload()
            expect(page.get_by_text("2 articles summarized")).to_be_visible()
        finally:
            context.close()
    assert readings(work, big.name) == 1, "the big file was read again by a rerun"
    assert readings(work, small.name) == 1
