"""Downloads under load (issue 13, item 11): five sessions in a real browser click
"Download all" while other sessions start and end runs; every download must arrive.
Before the fix, files made on click (data=callable) were kept by no session and the
clean-up after another session's run could delete them before the fetch: 404.

Bounded: 5 sessions x 4 rounds x 2 buttons. Every request must go to the app's
loopback address.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from testkit.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    refuse_foreign,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("fresh_desk")]

SESSIONS = 5
ROUNDS = 4
expect.set_options(timeout=60_000)


def article(number: int) -> bytes:
    return (
        f"Bridge number {number} will be rebuilt\n\n"
        f"The city council voted on Tuesday to rebuild bridge number {number}. "
        "The bridge was closed to lorries last winter after engineers found deep cracks. "
        "Work will start in the spring and should take two years. "
        "The mayor said the new bridge would have wide paths for cyclists and walkers.\n"
    ).encode()


def test_five_sessions_clicking_downloads_all_get_their_files(server, tmp_path):
    foreign, failed = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            pages = []
            for number in range(SESSIONS):
                context = browser.new_context(accept_downloads=True)
                refuse_foreign(context, server, foreign)
                page = context.new_page()
                page.on("response", lambda r: failed.append((r.url, r.status))
                        if "/media/" in r.url and r.status >= 400 else None)
                page.goto(server)
                path = tmp_path / f"bridge-{number}.txt"
                path.write_bytes(article(number))
                page.locator("input[type=file]").first.set_input_files(str(path))
                # The desk is the reader's (one per library): every session shows the
                # articles read so far, this one's included.
                expect(page.get_by_role("strong").filter(
                    has_text=f"Bridge number {number} will be rebuilt")).to_be_visible()
                pages.append(page)
            churn = [browser.new_page() for _ in range(2)]  # new sessions: runs end all the time
            got = 0
            for _round in range(ROUNDS):
                for index, page in enumerate(pages):
                    for label, needle in (("Download all summaries", f"number {index}"),
                                          ("Download all as .zip", "PK")):
                        with page.expect_download() as info:
                            page.get_by_role("button", name=label).click()
                            for other in churn:  # while the file is made and fetched
                                other.goto(server, wait_until="commit")
                        download = info.value
                        assert download.failure() is None, (label, download.failure(), failed)
                        body = open(download.path(), "rb").read()
                        assert needle.encode() in body, label
                        got += 1
            assert got == SESSIONS * ROUNDS * 2
        finally:
            browser.close()
    assert failed == [] and foreign == []
