"""One reader's huge upload must not stall another reader: `python -m bench.responsiveness`.

Reader B has a news article open; reader A uploads a 25 MB article (bench.job_limits's
"300,000 short sentences"). While A's upload is being worked on, B changes the summary
length, and we time until B's page shows the new summary; the same change is timed with
the server idle. Run twice: with large inputs worked on in a worker process (the default,
digest.offload) and with everything in the server's own threads
(NEWS_DIGEST_OFFLOAD_BYTES larger than any upload). Real Chromium, loopback only.
"""
from __future__ import annotations

import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.summarizer_limits import DATA, dev_words, short_sentences
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


def measure(huge: Path, small: Path, offload_bytes: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, serve_app(
        Path(folder), NEWS_DIGEST_OFFLOAD_BYTES=offload_bytes
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
        time.sleep(3)  # A's upload is now being read and summarized
        during = set_length(reader_b, 4)
        reader_a.get_by_text("Summarized from the first").first.wait_for(timeout=180_000)
        heavy = time.perf_counter() - started
        browser.close()
    return {"idle": idle, "during": during, "heavy": heavy}


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.txt"
        huge.write_text(short_sentences(dev_words(), random.Random(0)), encoding="utf-8")
        small = Path(folder) / "budget.txt"
        small.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
        print("| large inputs worked on | B's length change, idle | B's length change during "
              "A's 25 MB upload | A's upload done |")
        print("|---|---:|---:|---:|")
        for label, limit in (("in a worker process", "2000000"), ("in the server", "10**12")):
            limit = str(10**12) if limit == "10**12" else limit
            result = measure(huge, small, limit)
            print(f"| {label} | {result['idle']:.2f} s | {result['during']:.2f} s | "
                  f"{result['heavy']:.1f} s |", flush=True)
    return 0


if __name__ == "__main__":
    del threading
    sys.exit(main())
