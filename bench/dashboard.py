"""Dashboard speed and memory in a real browser: `python -m bench.dashboard`.

1. First paint: from the moment `streamlit run app.py` answers its health check until
   Chromium shows the page's heading (target <= 2 s), median of several cold starts;
   also from launching the process, which adds Streamlit's own start-up.
2. 20 news articles (../shared/data/news-summaries-dev) uploaded at once, summarized
   without translation: from handing the files to the page until all 20 cards are
   shown (target <= 3 s); the server's RSS (/proc/<pid>/status) afterwards
   (target <= 400 MB). Then the summary length changed (a rerun that re-summarizes only).
3. No torch: the server process's loaded modules and mapped libraries after all of the
   above, checked for torch, stanza, spacy and argostranslate.translate.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from testkit.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    app_environment,
    free_port,
    served,
    start_server,
    stop,
    wait_until_serving,
)

DATA = ROOT.parent / "shared" / "data" / "news-summaries-dev" / "article"
COLD_STARTS = 5
ARTICLES = 20
FORBIDDEN = ("torch", "stanza", "spacy", "argostranslate.translate")

# Written to a temp dir and run as the server's main script: app.py plus a report of
# the server's own sys.modules, printed when the page runs with ?modules=1.
PROBE = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
if st.query_params.get("modules"):
    st.code("\\n".join(sorted(sys.modules)), language=None)
exec(compile(open({app!r}).read(), {app!r}, "exec"))
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process: unlike wall time, barely affected by other load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def news_files(count: int) -> list[Path]:
    files = sorted(DATA.glob("*/*.txt"))
    if len(files) < count:
        raise SystemExit(f"need {count} articles in {DATA}, found {len(files)}")
    # Spread over the topics rather than taking the first topic only.
    return [files[i * len(files) // count] for i in range(count)]


def first_paint(browser, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from `streamlit run` to the heading in Chromium, of which after the
    server answered its health check, and the server's CPU seconds."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    page = browser.new_page()
    started = time.perf_counter()
    process = start_server(ROOT / "app.py", port, env)
    try:
        wait_until_serving(process, url)
        ready = time.perf_counter()
        page.goto(url)
        page.get_by_role("heading", name="News digest").wait_for(timeout=60_000)
        painted = time.perf_counter()
        return painted - started, painted - ready, cpu_seconds(process.pid)
    finally:
        page.close()
        stop(process)


def main() -> int:
    from playwright.sync_api import sync_playwright

    files = news_files(ARTICLES)
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as work:
        # Its own packs and library: the reader's library would put earlier runs' articles
        # back on the desk, and "20 articles summarized" would then measure nothing.
        env = app_environment(Path(work), ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/")
        probe = Path(work) / "probe_app.py"
        probe.write_text(PROBE.format(root=str(ROOT), app=str(ROOT / "app.py")))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            starts = [first_paint(browser, env) for _ in range(COLD_STARTS)]
            paints = [wall for wall, _, _ in starts]
            after_ready = [after for _, after, _ in starts]
            paint_cpu = [cpu for _, _, cpu in starts]

            with served(env, probe) as (url, process):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(url)
                page.get_by_role("heading", name="News digest").wait_for(timeout=60_000)
                time.sleep(3)  # let the background warm-up import finish, as for a real user
                rss_idle = rss_mb(process.pid)
                uploader = page.locator("input[type=file]").first
                started, cpu = time.perf_counter(), cpu_seconds(process.pid)
                uploader.set_input_files([str(path) for path in files])
                page.get_by_text(f"{ARTICLES} articles summarized").wait_for(timeout=120_000)
                cold, cold_cpu = time.perf_counter() - started, cpu_seconds(process.pid) - cpu
                rss_after = rss_mb(process.pid)

                page.get_by_role("button", name="Download all summaries").wait_for()
                started, cpu = time.perf_counter(), cpu_seconds(process.pid)
                page.get_by_role("spinbutton").first.fill("4")  # a rerun with new length
                page.get_by_role("spinbutton").first.press("Enter")
                page.wait_for_function(
                    "() => [...document.querySelectorAll('ol.nd-summary')]"
                    ".every(list => list.children.length === 4)",
                    timeout=120_000,
                )
                relength = time.perf_counter() - started
                relength_cpu = cpu_seconds(process.pid) - cpu

                page.goto(url + "?modules=1")
                page.get_by_role("heading", name="News digest").wait_for(timeout=60_000)
                modules = page.locator("code").first.inner_text().split()
                maps = Path(f"/proc/{process.pid}/maps").read_text()
                rss_end = rss_mb(process.pid)
            browser.close()

    found = [name for name in modules if name.split(".")[0] in FORBIDDEN[:3]]
    found += [name for name in modules if name == "argostranslate.translate"]
    libraries = sorted({line.split()[-1] for line in maps.splitlines() if "torch" in line})
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end.\n")
    print("| Measure | Wall time | Server CPU | Target |")
    print("|---|---|---|---|")
    print(
        f"| First paint once the server is up (median of {COLD_STARTS} cold starts; "
        f"min {min(after_ready):.2f} s, max {max(after_ready):.2f} s) | "
        f"{statistics.median(after_ready):.2f} s | | <= 2 s |"
    )
    print(
        f"| First paint from launching `streamlit run` (same starts; "
        f"min {min(paints):.2f} s, max {max(paints):.2f} s) | {statistics.median(paints):.2f} s | "
        f"{statistics.median(paint_cpu):.2f} s | |"
    )
    print(
        f"| {ARTICLES} news articles uploaded at once, summarized (no translation) | "
        f"{cold:.2f} s | {cold_cpu:.2f} s | <= 3 s |"
    )
    print(
        f"| Same {ARTICLES} articles, summary length changed (re-summarize only) | "
        f"{relength:.2f} s | {relength_cpu:.2f} s | |"
    )
    print(
        f"| Server RSS: idle / after {ARTICLES} articles / at the end | "
        f"{rss_idle:.0f} / {rss_after:.0f} / {rss_end:.0f} MB | | <= 400 MB |"
    )
    print(
        "| Server modules: torch, stanza, spacy, argostranslate.translate | "
        f"{', '.join(found) or 'none'} of {len(modules)} loaded | | none |"
    )
    print(
        "| Libraries mapped into the server matching 'torch' | "
        f"{', '.join(libraries) or 'none'} | | none |"
    )
    ok = not found and not libraries
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
