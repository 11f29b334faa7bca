"""Uploads that fail in the browser are counted on the page (issue 13, items 5 and 7).

A file over the article limit (25 MB = 26,214,400 bytes) reaches the app and is refused
by name with the limit in bytes; a file too large for the browser itself (over
ui.upload_limits.UPLOADER_MAX_MB) never reaches the app, and the line under the uploader
counts it with its reason. (2,000 files at once: the browser fails to send some with a
network error, counted by the same line as "could not be sent by the browser"; measured
by hand, see docs/limits.md, too slow for a test.)
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from digest.job import ARTICLE_MAX_BYTES
from testkit.streamlit_server import CHROMIUM, CHROMIUM_ARGS, refuse_foreign
from ui.upload_limits import FAILURES_ID, UPLOADER_MAX_MB

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("fresh_desk")]
expect.set_options(timeout=60_000)

GOOD = (
    "Bridge to be rebuilt\n\nThe city council voted on Tuesday to rebuild the old river bridge. "
    "Work will start in the spring and should take two years.\n"
)


def note(page) -> str:
    """The text of the uploader-failures line (in the page itself: st.html, no frame)."""
    return page.evaluate(
        f"() => document.getElementById('{FAILURES_ID}')?.textContent ?? ''"
    )


def test_too_large_files_are_counted_with_their_reason(server, tmp_path):
    good = tmp_path / "bridge.txt"
    good.write_text(GOOD, encoding="utf-8")
    over = tmp_path / "over-the-limit.txt"
    over.write_bytes(b"word " * (ARTICLE_MAX_BYTES // 5 + 1))  # one chunk over 25 MB
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:  # sparse: over the browser's limit, no disk used
        out.truncate(UPLOADER_MAX_MB * 1024**2 + 1)
    foreign = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            refuse_foreign(context, server, foreign)
            page = context.new_page()
            page.goto(server)
            expect(page.get_by_text("Start with a few articles")).to_be_visible()
            page.locator("input[type=file]").first.set_input_files([good, over, huge])
            expect(page.get_by_text("1 article")).to_be_visible()
            error = page.get_by_test_id("stAlertContentError")
            expect(error).to_contain_text("over-the-limit.txt")
            expect(error).to_contain_text(f"the limit is 25 MB ({ARTICLE_MAX_BYTES:,} bytes)")
            expect(page.get_by_text("1 not read")).to_be_visible()
            page.wait_for_timeout(1500)  # the line is updated every second
            assert note(page).startswith(
                f"1 file did not reach the app: 1 too large for the browser "
                f"(over {UPLOADER_MAX_MB} MB)"
            ), note(page)
        finally:
            browser.close()
    assert foreign == []
