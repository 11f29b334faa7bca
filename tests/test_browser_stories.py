"""Stories in a real browser: one event told in Russian, Kazakh, English and Turkish, and
an unrelated article, read on the dashboard; the Briefing shows the event as one story,
and the Library's Stories view lists it with its timeline, opens it and moves an article.

Screenshots at 1400 and 800 px are saved in docs/ (briefing-stories-*.png, stories-*.png,
stories-open-*.png); at both widths the page must not scroll sideways.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import ROOT, chromium
from tests.test_ui_stories import CHESS, FLOOD, SUMMIT

pytestmark = pytest.mark.browser

expect.set_options(timeout=60_000)

DOCS = ROOT / "docs"
WIDTHS = (1400, 800)
SUMMIT_EN = SUMMIT["summit-en.txt"].split("\n", 1)[0]
SUMMIT_RU = SUMMIT["sammit-ru.txt"].split("\n", 1)[0]
FLOOD_TITLE = FLOOD.split("\n", 1)[0]
FOUR_ARTICLES = re.compile(r"\b4 articles\b")


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def shoot(page, name: str, width: int, focus=None) -> None:
    page.set_viewport_size({"width": width, "height": 1000})
    page.wait_for_timeout(900)  # the layout and the chart settle
    if focus is not None:
        focus.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
    assert no_sideways_scroll(page), f"{name} at {width} px scrolls sideways"
    page.screenshot(path=str(DOCS / f"{name}-{width}.png"), full_page=True)


def choose(page, box, text: str) -> None:
    """Pick the option holding `text` in a select box, as a reader does: type, Enter."""
    box.click()
    page.keyboard.type(text[:24])
    page.get_by_role("option").filter(has_text=text[:24]).first.click()


def test_the_briefing_and_the_stories_view(server, fresh_desk, browser, tmp_path):
    files = []
    for name, text in {**SUMMIT, "floods-en.txt": FLOOD, "shakhmaty-ru.txt": CHESS}.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    page.locator("input[type=file]").first.set_input_files(files)
    expect(page.get_by_text("6 articles summarized")).to_be_visible(timeout=180_000)

    page.get_by_test_id("stSidebar").get_by_role("link", name="Briefing").click()
    brief = page.locator("div.nd-brief")
    # Found by its size: its headline is whichever article is central (any language).
    summit = brief.locator("section.nd-story").filter(has_text=FOUR_ARTICLES)
    expect(summit).to_have_count(1, timeout=180_000)
    expect(summit.locator("article")).to_have_count(4)
    meta = summit.locator("p.nd-story-meta")
    for shown in ("4 articles", "Russian", "Kazakh", "English", "Turkish", "Reuters", "Egemen"):
        expect(meta).to_contain_text(shown)
    expect(summit.locator("span.nd-name").first).to_be_visible()
    expect(brief.locator("section.nd-story")).to_have_count(3)
    for width in WIDTHS:
        shoot(page, "briefing-stories", width)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.emulate_media(media="print")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(summit.locator("article")).to_have_count(4)
    page.emulate_media(media="screen")

    page.get_by_test_id("stSidebar").get_by_role("link", name="Library").click()
    expect(page.get_by_text("6 articles, newest first")).to_be_visible()
    page.get_by_role("radio", name="Stories", exact=True).click()
    expect(page.get_by_text("3 stories")).to_be_visible()
    timeline = page.locator(".st-key-stories_timeline")
    expect(timeline.locator("canvas, svg").first).to_be_visible()
    stories = page.locator(".st-key-stories_list [data-testid='stExpander']")
    expect(stories).to_have_count(3)
    for width in WIDTHS:
        shoot(page, "stories", width)

    page.set_viewport_size({"width": 1400, "height": 1000})
    story = stories.filter(has_text=FOUR_ARTICLES)
    story.locator("summary").click()
    table = story.locator("table.nd-story-table")
    expect(table).to_contain_text(SUMMIT_RU)
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(story.locator(".nd-story-names")).to_contain_text("Tokayev")
    for width in WIDTHS:
        shoot(page, "stories-open", width, focus=story)

    # Move the English article to the flood story: said, and kept after a reload.
    page.set_viewport_size({"width": 1400, "height": 1000})
    choose(page, story.get_by_role("combobox", name="Article"), SUMMIT_EN)
    choose(page, story.get_by_role("combobox", name="Move it to"), FLOOD_TITLE)
    story.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_text("moved to")).to_be_visible()
    page.reload()
    page.get_by_role("radio", name="Stories", exact=True).click()
    flood = page.locator(".st-key-stories_list [data-testid='stExpander']").filter(
        has_text=FLOOD_TITLE)
    expect(flood).to_contain_text("2 articles")
    page.close()
