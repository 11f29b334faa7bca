"""What a dashboard rerun costs with a 20 MB article on the desk, in a real browser.

Run: `python -m bench.rerun_cost` (a few minutes).

A server with its own library; ten news articles (../shared/data/news-summaries-dev)
uploaded, then a reload of the page (until all ten cards are back) and one more summary
sentence (until every summary has it), each the median of three. Then a 20 MB Russian
text (built from ../shared/data/sentences-dev) uploaded beside them, and the same
measures. Target (issue #18): a rerun with the big article <= 1.2 x the same rerun
without it; changing the length may cost the big article's own new summary (the
changed step) on top.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.dashboard import news_files
from bench.data import data_dir
from testkit.documents import numbered_paragraphs
from testkit.streamlit_server import CHROMIUM, CHROMIUM_ARGS, app_environment, served

TARGET = 1.2
BIG_BYTES = 20_000_000
REPEATS = 3
SMALL = 10


def big_text(folder: Path) -> Path:
    """A 20 MB Russian report: the dev sentences in paragraphs of five, numbered."""
    lines = (data_dir("sentences-dev") / "ru.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [" ".join(lines[i:i + 5]) for i in range(0, len(lines) - 5, 5)]
    text = numbered_paragraphs("Большой отчёт", paragraphs, BIG_BYTES)
    path = folder / "big-report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _reload(page, url: str, count: int) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.get_by_text(f"{count} articles summarized").wait_for(timeout=300_000)
    return time.perf_counter() - started


def _one_more_sentence(page, sentences: int) -> float:
    started = time.perf_counter()
    box = page.get_by_role("spinbutton").first
    box.fill(str(sentences))
    box.press("Enter")
    page.wait_for_function(
        f"() => {{ const lists = [...document.querySelectorAll('ol.nd-summary')];"
        f" return lists.length > 0 && lists.every(l => l.children.length === {sentences}); }}",
        timeout=300_000,
    )
    return time.perf_counter() - started


def _measures(page, url: str, count: int) -> dict[str, float]:
    reloads = [_reload(page, url, count) for _ in range(REPEATS)]
    lengths = [_one_more_sentence(page, 3 + index % 2) for index in range(REPEATS)]
    return {"reload": statistics.median(reloads), "summary length": statistics.median(lengths)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    small = news_files(SMALL)
    with tempfile.TemporaryDirectory(prefix="bench-rerun-") as work:
        big = big_text(Path(work))
        env = app_environment(Path(work), ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/")
        with sync_playwright() as playwright, served(env) as (url, _process):
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.get_by_role("heading", name="News digest").wait_for(timeout=60_000)
            page.locator("input[type=file]").first.set_input_files([str(p) for p in small])
            page.get_by_text(f"{SMALL} articles summarized").wait_for(timeout=120_000)
            without = _measures(page, url, SMALL)
            started = time.perf_counter()
            page.locator("input[type=file]").first.set_input_files([str(big)])
            page.get_by_text(f"{SMALL + 1} articles summarized").wait_for(timeout=600_000)
            first_read = time.perf_counter() - started
            with_big = _measures(page, url, SMALL + 1)
            browser.close()
    print(f"\n{SMALL} news articles, then the same with a {BIG_BYTES // 1_000_000} MB article "
          f"(read once in {first_read:.1f} s)\n")
    print("| rerun | without | with the big article | ratio |")
    print("|---|---|---|---|")
    for name in without:
        ratio = with_big[name] / without[name]
        print(f"| {name} | {without[name]:.2f} s | {with_big[name]:.2f} s | {ratio:.2f} x |")
    ratio = with_big["reload"] / without["reload"]
    print(f"\ntarget: a reload with the big article <= {TARGET} x without: {ratio:.2f} x: "
          f"{'met' if ratio <= TARGET else 'NOT met'} (a new length re-summarizes the big "
          "article too: the changed step)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
