"""The reader's library in a real browser, as a reader uses it.

Upload two articles (one Russian in Windows-1251), reload, restart the server, kill it
with SIGKILL and start it again: the articles are still on the dashboard. Then find
the Russian one on the Library page by another form of one of its words, delete it,
and check that its words are in no file of the data folder. Screenshots of the
Library page at 1400 and 800 px are saved as docs/library.png and docs/library-800.png.
"""
from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from testkit.streamlit_server import (
    ROOT,
    app_environment,
    chromium,
    free_port,
    start_server,
    stop,
    wait_until_serving,
)

pytestmark = pytest.mark.browser

expect.set_options(timeout=30_000)

CODEWORD = "Квазиборщевик"
RUSSIAN_TITLE = "Встреча в Астане затянулась"
RUSSIAN = (
    f"{RUSSIAN_TITLE}\n\n"
    "Во вторник в Астане начался новый раунд переговоров между делегациями двух стран. "
    f"{CODEWORD} обсуждали весь день, но окончательного решения стороны не приняли.\n\n"
    "Министры заявили журналистам, что довольны ходом встречи. "
    "Следующая встреча пройдёт в Ташкенте в конце месяца.\n\n"
    "Эксперты считают, что соглашение о транзите грузов может быть подписано до зимы. "
    "Оно откроет новый маршрут для экспорта зерна и хлопка.\n"
)
ENGLISH_TITLE = "City council votes to rebuild the old bridge"
ENGLISH = (
    f"{ENGLISH_TITLE}\n\n"
    "The city council voted on Tuesday to rebuild the old river bridge. "
    "The bridge was closed to lorries last winter after engineers found deep cracks.\n\n"
    "Work will start in the spring and should take two years. "
    "The mayor said the new bridge would have wide paths for cyclists and walkers.\n"
)
SCREENSHOTS = {1400: ROOT / "docs" / "library.png", 800: ROOT / "docs" / "library-800.png"}


class Server:
    """`streamlit run app.py` on the test's data folder, started again at will."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.data = work / "data"
        self.env = app_environment(work, ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/")
        self.process = None
        self.url = ""
        self.starts = 0

    def start(self) -> str:
        self.starts += 1
        port = free_port()
        log = self.work / f"streamlit-{self.starts}.log"
        with log.open("wb") as output:
            self.process = start_server(ROOT / "app.py", port, self.env, output)
        self.url = f"http://127.0.0.1:{port}/"
        wait_until_serving(self.process, self.url, log=log)
        return self.url

    def kill_9(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            stop(self.process)


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def expect_both_articles(page) -> None:
    expect(page.get_by_text("2 articles", exact=True)).to_be_visible(timeout=120_000)
    expect(page.get_by_text(RUSSIAN_TITLE).first).to_be_visible()
    expect(page.get_by_text(ENGLISH_TITLE).first).to_be_visible()


def words_on_disk(folder: Path, words: list[str]) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in words:
                for encoding in ("utf-8", "cp1251", "utf-16-le"):
                    if word.encode(encoding) in data:
                        found.append((path.name, word))
    return found


def test_the_library_outlives_reloads_restarts_and_kill_9_and_deletes_for_good(
    server, browser, tmp_path
):
    files = [tmp_path / "peregovory.txt", tmp_path / "bridge.txt"]
    files[0].write_bytes(RUSSIAN.encode("cp1251"))
    files[1].write_bytes(ENGLISH.encode("utf-8"))
    page = browser.new_page(viewport={"width": 1400, "height": 1100})

    page.goto(server.start())
    expect(page.get_by_text("Start with a few articles")).to_be_visible(timeout=60_000)
    page.locator("input[type=file]").first.set_input_files(files)
    expect_both_articles(page)

    page.screenshot(path=str(tmp_path / "dashboard.png"))
    page.reload()  # a reload: a new session, an empty uploader
    expect_both_articles(page)

    server.stop()  # a restart
    page.goto(server.start())
    expect_both_articles(page)

    server.kill_9()  # a crash
    page.goto(server.start())
    expect_both_articles(page)
    assert words_on_disk(server.data, [CODEWORD]), "the article is kept on disk"

    page.get_by_role("link", name="Library").click()
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    expect(page.get_by_text("2 articles, newest first")).to_be_visible()
    search = page.get_by_role("textbox", name="Search")
    search.fill("переговоры")  # the article says "переговоров"
    search.press("Enter")
    snippet = page.locator("p.nd-snippet")
    expect(snippet).to_have_count(1)
    expect(snippet.locator("mark")).to_have_text(["переговоров"])
    expect(page.get_by_text("1 article found")).to_be_visible()
    for width, path in SCREENSHOTS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(700)
        page.screenshot(path=str(path))

    page.get_by_role("button", name=re.compile(r"Delete$")).click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text(f"Deleted {RUSSIAN_TITLE} for good.")).to_be_visible()
    expect(page.locator("p.nd-snippet")).to_have_count(0)
    stem = CODEWORD.lower()[:-2]
    assert words_on_disk(server.data, [CODEWORD, stem, RUSSIAN_TITLE]) == []

    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text(ENGLISH_TITLE).first).to_be_visible(timeout=60_000)
    expect(page.get_by_text(RUSSIAN_TITLE)).to_have_count(0)
    page.close()
