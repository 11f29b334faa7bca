"""Hostile text in a real browser (issue 13, item 3): a file name and an article made of
Markdown images and links, HTML, :red[...] and $latex$ go through the dashboard (every
tab) and the Language packs page (the install spinner included). The browser must make
no request to any host but the app's loopback address, and the page must hold no
element the text created: no img, no link to the text's addresses, no script, no
coloured or LaTeX span; the text is shown literally.
"""
from __future__ import annotations

import os
import re
import zipfile

import pytest
from playwright.sync_api import expect, sync_playwright

from testkit.streamlit_server import CHROMIUM, CHROMIUM_ARGS, refuse_foreign
from testkit.tinypack import build_tiny_pack

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("fresh_desk")]
expect.set_options(timeout=60_000)

HOSTILE = (
    "![s](https:spin.example/x.png) <img src=x onerror=alert(1)> :red[x] $x$ "
    "[l](javascript:alert(1))"
)
ARTICLE = (
    f"Budget {HOSTILE}\n\n"
    "The city council voted on Tuesday to rebuild the old river bridge. "
    f"The bridge was closed to lorries last winter {HOSTILE} after engineers found cracks. "
    "Work will start in the spring and should take two years.\n\n"
    "The mayor said the new bridge would have wide paths for cyclists and walkers. "
    "Shop owners near the river welcomed the decision.\n"
)
# Elements the hostile text could create, checked in the whole document.
CREATED = """() => ({
  img: Array.from(document.querySelectorAll('img')).map(e => e.getAttribute('src'))
       .filter(src => src === 'x' || (src || '').includes('spin')),
  links: Array.from(document.querySelectorAll('a[href]')).map(e => e.getAttribute('href'))
       .filter(href => !href.startsWith('#') && /javascript:|spin/.test(href)),
  scripts: Array.from(document.querySelectorAll('script')).filter(e => /alert/.test(e.text))
       .length,
  katex: document.querySelectorAll('.katex').length,
  red: Array.from(document.querySelectorAll('span')).filter(
       e => e.innerText === 'x' && /red/i.test(e.className + (e.getAttribute('style') || '')))
       .length,
})"""
NOTHING = {"img": [], "links": [], "scripts": 0, "katex": 0, "red": 0}


@pytest.fixture
def guarded_page(server):
    """A page whose every request to another host is refused and recorded."""
    foreign: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        refuse_foreign(context, server, foreign)
        page = context.new_page()
        try:
            yield page, foreign
        finally:
            browser.close()
    assert foreign == []


def test_dashboard_shows_hostile_text_literally(server, guarded_page, tmp_path):
    page, _ = guarded_page
    page.goto(server)
    expect(page.get_by_text("Start with a few articles")).to_be_visible()
    article = tmp_path / f"{HOSTILE.replace('/', '')}.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.locator("input[type=file]").first.set_input_files(str(article))
    expect(page.get_by_text("1 article")).to_be_visible()
    for tab in ("Summary", "Original", "Side by side"):
        page.get_by_role("tab", name=tab).click()
        assert page.evaluate(CREATED) == NOTHING, tab
    body = page.locator("body").inner_text()
    assert ":red[x]" in body and "$x$" in body and "<img src=x" in body


def test_packs_page_install_spinner_shows_the_file_name_literally(
    server, guarded_page, tmp_path
):
    page, _ = guarded_page
    pack = build_tiny_pack(tmp_path, "ru", "en")
    with zipfile.ZipFile(pack, "a") as archive:  # slow enough for the spinner to show (0.5 s)
        top = archive.namelist()[0].split("/")[0]
        archive.writestr(f"{top}/padding.bin", os.urandom(40 * 1024**2))
        for number in range(9_000):
            archive.writestr(f"{top}/padding/{number}.txt", b"x")
    hostile = tmp_path / f"{HOSTILE.replace('/', '')}.argosmodel"
    pack.rename(hostile)
    page.goto(server + "language-packs")
    expect(page.get_by_role("button", name="Install pack")).to_be_visible()
    page.locator("input[type=file]").first.set_input_files(str(hostile))
    # 40 MB: Install is pressed once the upload is over (its size shown instead of progress).
    expect(page.get_by_text(re.compile(r"^\d+(\.\d+)?MB$"))).to_be_visible(timeout=120_000)
    # ... and the run the finished upload asks for is over: a click during it raced the
    # uploader's value once in a fresh-clone run ("Choose ... first").
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=60_000)
    page.get_by_role("button", name="Install pack").click()
    seen = []
    for _ in range(200):  # the spinner shows while the pack is checked: look at it then
        seen.append(page.evaluate(CREATED))
        if page.get_by_text("Installed Russian").count():
            break
        page.wait_for_timeout(50)
    expect(page.get_by_text("Installed Russian → English")).to_be_visible()
    assert all(created == NOTHING for created in seen)
    assert page.evaluate(CREATED) == NOTHING
    assert ":red[x]" in page.locator("body").inner_text()
