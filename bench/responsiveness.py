"""One reader's huge upload must not stall another reader: `python -m bench.responsiveness`.

Reader B has a news article open; reader A uploads a 25 MB article (bench.job_limits's
"300,000 short sentences"). While A's upload is being worked on, B changes the summary
length, and we time until B's page shows the new summary; the same change is timed with
the server idle. Run twice: with large inputs worked on in a worker process (the default,
digest.offload) and with everything in the server's own threads
(NEWS_DIGEST_OFFLOAD_BYTES larger than any upload). Real Chromium, loopback only.

Then the same with small hostile files instead of the 25 MB one (issue #24): an 80 KB
Markdown file whose heading holds 80,000 spaces (minutes of regular expression before the
readers were made linear) and a web page at the element limit (about 2 s of trafilatura);
once with every file that is not plain text read in the worker process (the default) and
once read in the server (NEWS_DIGEST_OFFLOAD_FORMATS=0). RESPONSIVENESS_ONLY=hostile
runs this second table alone.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from articles import limits
from bench.summarizer_limits import DATA, dev_words, short_sentences
from testkit import documents
from testkit.streamlit_server import CHROMIUM, CHROMIUM_ARGS, serve_app

SMALL = DATA / "business" / "001.txt"


def summary_items(page) -> int:
    return page.locator("ol.nd-summary").first.locator("li").count()


def set_length(page, sentences: int) -> float:
    """Seconds from typing a new length to the page showing that many summary sentences."""
    box = page.get_by_label("Sentences", exact=True)
    start = time.perf_counter()
    box.fill(str(sentences))
    box.press("Enter")
    deadline = start + 180
    while summary_items(page) != sentences and time.perf_counter() < deadline:
        time.sleep(0.02)
    return time.perf_counter() - start


def measure(huge: Path, small: Path, offload_bytes: str,
            done: str = "text=Summarized from the first", wait: float = 3,
            **env: str) -> dict[str, float]:
    """B's rerun idle and while A's upload `huge` is worked on; `done` (a selector) shows on
    A's page when A's upload is done."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, serve_app(
        Path(folder), NEWS_DIGEST_OFFLOAD_BYTES=offload_bytes, **env
    ) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        reader_b = browser.new_page(viewport={"width": 1400, "height": 1000})
        reader_b.goto(url)
        reader_b.locator("input[type=file]").first.set_input_files(str(small))
        reader_b.locator("ol.nd-summary").first.wait_for(timeout=120_000)
        idle = set_length(reader_b, 3)
        reader_a = browser.new_page()
        reader_a.goto(url)
        reader_a.get_by_text("Article files").wait_for()
        started = time.perf_counter()
        reader_a.locator("input[type=file]").first.set_input_files(str(huge))
        time.sleep(wait)  # A's upload is now being read and summarized
        during = set_length(reader_b, 4)
        reader_a.locator(done).first.wait_for(timeout=180_000)
        heavy = time.perf_counter() - started
        browser.close()
    return {"idle": idle, "during": during, "heavy": heavy}


def hostile_files(folder: Path) -> list[tuple[str, Path]]:
    """(label, file) for each small hostile upload."""
    article = "".join(f"{documents.SENTENCE}Part {index}.\n\n" for index in range(12))
    markdown = folder / "spaces.md"
    markdown.write_bytes(documents.markdown_heading_spaces(80_000) + b"\n" + article.encode())
    page = folder / "elements.html"
    units = (limits.MAX_HTML_ELEMENTS - 100) * len("<p>x ")
    page.write_bytes(documents.html_unclosed("<p>x ", units))
    size = page.stat().st_size // 1024
    return [("80 KB Markdown, heading of 80,000 spaces", markdown),
            (f"web page of {limits.MAX_HTML_ELEMENTS - 100:,} elements ({size} KB)", page)]


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.txt"
        huge.write_text(short_sentences(dev_words(), random.Random(0)), encoding="utf-8")
        small = Path(folder) / "budget.txt"
        small.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
        if os.environ.get("RESPONSIVENESS_ONLY") != "hostile":
            print("| large inputs worked on | B's length change, idle | B's length change "
                  "during A's 25 MB upload | A's upload done |")
            print("|---|---:|---:|---:|")
            for label, limit in (("in a worker process", "2000000"),
                                 ("in the server", str(10**12))):
                result = measure(huge, small, limit)
                print(f"| {label} | {result['idle']:.2f} s | {result['during']:.2f} s | "
                      f"{result['heavy']:.1f} s |", flush=True)
        print("\n| small hostile upload by A | documents read | B's length change, idle | "
              "B's length change while A's file is read | A's upload done |")
        print("|---|---|---:|---:|---:|")
        for label, path in hostile_files(Path(folder)):
            for where, formats in (("in a worker process", "1"), ("in the server", "0")):
                result = measure(path, small, "2000000", done="ol.nd-summary", wait=0.3,
                                 NEWS_DIGEST_OFFLOAD_FORMATS=formats)
                print(f"| {label} | {where} | {result['idle']:.2f} s | {result['during']:.2f} s "
                      f"| {result['heavy']:.1f} s |", flush=True)
    return 0


if __name__ == "__main__":
    del threading
    sys.exit(main())
