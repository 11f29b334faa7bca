"""Delete everything in one tab while another tab holds the same desk: the other tab
drops it on its next run and nothing comes back (a real browser, one server)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import chromium
from tests.test_browser_library import (
    CODEWORD,
    ENGLISH,
    ENGLISH_TITLE,
    RUSSIAN,
    RUSSIAN_TITLE,
    expect_both_articles,
    words_on_disk,
)

pytestmark = pytest.mark.browser

expect.set_options(timeout=30_000)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def articles_in(database: Path) -> int:
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_delete_everything_in_one_tab_clears_the_other_and_nothing_comes_back(
    server, fresh_desk, browser, app_work, tmp_path
):
    files = [tmp_path / "peregovory.txt", tmp_path / "bridge.txt"]
    files[0].write_bytes(RUSSIAN.encode("cp1251"))
    files[1].write_bytes(ENGLISH.encode("utf-8"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    first, second = context.new_page(), context.new_page()
    first.goto(server)
    expect(first.get_by_text("Start with a few articles")).to_be_visible(timeout=60_000)
    first.locator("input[type=file]").first.set_input_files(files)
    expect_both_articles(first)
    second.goto(server)  # another tab: the same desk, and its own session
    expect_both_articles(second)
    second.locator("input[type=file]").first.set_input_files(files)  # it holds them too
    expect_both_articles(second)

    first.get_by_role("link", name="Library").click()
    expect(first.get_by_role("heading", name="Library")).to_be_visible()
    first.get_by_text("Delete everything").first.click()
    first.get_by_text("Yes, delete every article for good").click()
    first.get_by_role("button", name="Delete everything").click()
    expect(first.get_by_text("Every article was deleted for good.")).to_be_visible()
    first.get_by_role("link", name="Dashboard").click()  # at once, as the tester did

    second.get_by_role("link", name="Library").click()  # the other tab reruns
    second.get_by_role("link", name="Dashboard").click()
    expect(second.get_by_text("Start with a few articles")).to_be_visible(timeout=60_000)
    expect(first.get_by_text("Start with a few articles")).to_be_visible(timeout=60_000)
    for page in (first, second):
        expect(page.get_by_text(RUSSIAN_TITLE)).to_have_count(0)
        expect(page.get_by_text(ENGLISH_TITLE)).to_have_count(0)
    database = app_work / "data" / "library.sqlite3"
    assert articles_in(database) == 0
    assert words_on_disk(app_work / "data", [CODEWORD, CODEWORD.lower()[:-2]]) == []
    context.close()
