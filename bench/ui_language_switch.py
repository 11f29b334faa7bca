"""What switching the interface language costs, in a real browser (issue #22).

Run: `python -m bench.ui_language_switch [--rounds N]` (about half a minute).

A server with its own library; ten news articles (../shared/data/news-summaries-dev)
uploaded and read. Then the sidebar's switch is turned to Russian, Kazakh, Uzbek and
English again, three rounds: each time from the click on the language to the page drawn
in it: its title, the switch and the line counting the articles on the page and nothing of
the run before left. The same for a plain rerun (another summary algorithm, both already
cached) for comparison. Target: under 0.5 s, the cost of one rerun: the
reading steps are cached on the articles' fingerprints, not on the language, so nothing
is read, summarized or translated again.

Each time is split where the server's last message of the run reaches the page (the
browser's own clock, from the click): before it the server runs the script, after it the
page draws what is left. The first switch to each language is in the rounds (its
downloads are made in that language then), and so in the worst column.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.dashboard import news_files
from testkit.streamlit_server import CHROMIUM, CHROMIUM_ARGS, app_environment, served

TARGET = 0.5
ARTICLES = 10
ROUNDS = 3
SWITCH_LABELS = "Interface language|Язык интерфейса|Интерфейс тілі|Interfeys tili"
LANGUAGES = {
    # the switch's option: (the dashboard's title, the switch's label, the articles counted)
    "Русский": ("Дайджест новостей", "Язык интерфейса", f"{ARTICLES} статей обработано"),
    "Қазақша": ("Жаңалықтар дайджесті", "Интерфейс тілі", f"{ARTICLES} мақала түйінделді"),
    "Oʻzbekcha": ("Yangiliklar dayjesti", "Interfeys tili", f"{ARTICLES} ta maqola qisqartirildi"),
    "English": ("News digest", "Interface language", f"{ARTICLES} articles summarized"),
}


DRAWN = """([heading, sidebar, main]) =>
    [...document.querySelectorAll("h1")].some((h) => h.innerText.trim() === heading)
    && document.querySelector("[data-testid='stSidebar']").innerText.includes(sidebar)
    && document.querySelector("[data-testid='stMain']").innerText.includes(main)
    && !document.querySelector("[data-stale='true']")"""
"""The run is over: its texts are on the page and nothing of the run before is left
(Streamlit marks the elements a run has not drawn again yet as stale). Checked at every
frame: a locator's wait polls at intervals of up to 500 ms."""
MESSAGES = """
window.__ndMessages = [];
window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
        super(...args);
        this.addEventListener("message", () => window.__ndMessages.push(performance.now()));
    }
};
document.addEventListener("pointerup", () => { window.__ndClick = performance.now(); }, true);
"""
"""Each websocket message's arrival and the last click, on the page's clock."""
ALGORITHMS = {
    # the option: the start of its line of help in the sidebar
    "LexRank": "Keeps the sentences most like the others",
    "Reduction": "Keeps the sentences that share the most words",
}


def _choose(page, label: str, option: str, drawn: list[str]) -> tuple[float, float]:
    """Seconds from the click on `option` to the page drawn, and of which until the
    server's last message of the run arrived."""
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stSelectbox").filter(
        has=page.locator("label", has_text=re.compile(label))
    ).click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for()
    started = time.perf_counter()
    choice.click()
    page.wait_for_function(DRAWN, arg=drawn, polling="raf", timeout=60_000)
    elapsed = time.perf_counter() - started
    served = page.evaluate(
        "() => (window.__ndMessages.filter((t) => t >= window.__ndClick).pop() ?? NaN)"
        " - window.__ndClick"
    )
    return elapsed, served / 1000


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"switches to each language (default {ROUNDS})")
    return parser.parse_args()


def main() -> int:
    from playwright.sync_api import sync_playwright

    rounds = _arguments().rounds
    files = news_files(ARTICLES)
    with tempfile.TemporaryDirectory(prefix="bench-language-") as work:
        env = app_environment(Path(work), ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/")
        with sync_playwright() as playwright, served(env) as (url, _process):
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
            page.add_init_script(MESSAGES)
            page.goto(url)
            page.get_by_role("heading", name="News digest").wait_for(timeout=60_000)
            page.locator("input[type=file]").first.set_input_files([str(p) for p in files])
            page.get_by_text(f"{ARTICLES} articles summarized").wait_for(timeout=180_000)
            counted = f"{ARTICLES} articles summarized"
            for option, helped in ALGORITHMS.items():  # each algorithm's summaries cached
                _choose(page, "Algorithm", option, ["News digest", helped, counted])
            times: dict[str, list[tuple[float, float]]] = {
                option: [] for option in (*LANGUAGES, "rerun")
            }
            for _ in range(rounds):
                for option, drawn in LANGUAGES.items():
                    times[option].append(_choose(page, SWITCH_LABELS, option, list(drawn)))
                for option, helped in ALGORITHMS.items():
                    times["rerun"].append(
                        _choose(page, "Algorithm", option, ["News digest", helped, counted])
                    )
            browser.close()
    print(f"\n{ARTICLES} news articles on the dashboard; the switch's click to the page drawn "
          f"in the language, median of {rounds}\n")
    print("| switch to | median | worst | of which the server's run (median) |")
    print("|---|---|---|---|")
    for option, measured in times.items():
        name = "(a plain rerun: another algorithm, cached)" if option == "rerun" else option
        total = [t for t, _ in measured]
        print(f"| {name} | {statistics.median(total):.2f} s | {max(total):.2f} s "
              f"| {statistics.median(s for _, s in measured):.2f} s |")
    rerun = statistics.median(t for t, _ in times.pop("rerun"))
    overall = statistics.median([t for measured in times.values() for t, _ in measured])
    print(f"\na switch costs {overall / rerun:.2f} x a plain rerun")
    print(f"\ntarget: a switch under {TARGET} s: median {overall:.2f} s: "
          f"{'met' if overall < TARGET else 'NOT met'}")
    return 0 if overall < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
