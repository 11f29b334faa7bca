"""The reader's library at scale: `python -m bench.library [--articles N]`.

1. Import of 10,000 articles: the 50 dev news (../shared/data/news-summaries-dev)
   repeated, each copy made distinct by a line of its own, plus Russian and Kazakh
   articles made of the sentences in ../shared/data/sentences-dev (so that the
   index holds stemmed and plain languages); stored with their stems in batches.
2. Database size (bytes per article).
3. Search time over the whole library: common and rare words, phrases of two words,
   Russian forms, a language filter; median and p95 of every query run 5 times
   (target: <= 100 ms).
4. The Library page's first paint in Chromium with 10,000 articles: from asking
   for /library on a fresh server until the first page of rows is shown; median of 3.
5. Deleting one article for good in the full library (merge + VACUUM + checkpoint).
6. Reopening 20 translated articles after a restart: 20 news articles translated
   whole (en -> ru) with a tiny real pack (testkit.tinypack: a real CTranslate2 run),
   then a new process (the restart) reads and translates them again: the time of its
   translation step and the number of model calls it made (target: 0).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from testkit.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    served,
)

DATA = next(
    (up / "shared" / "data" for up in ROOT.parents if (up / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)  # beside the checkout, or beside the folder of worktrees
NEWS = DATA / "news-summaries-dev" / "article"
SENTENCES = DATA / "sentences-dev"
BATCH = 500
QUERIES = (
    "government",  # thousands of matches: ranking cost
    "elections",
    "negotiations",
    "oil prices",
    "mobile phone",
    "film award",
    "economy growth",
    "zzzunknownword",
    "переговоры",
    "правительства",
    "экономика",
    "қазақ",
)
RUNS = 5
REOPENED = 20


def news() -> list[tuple[str, str]]:
    files = sorted(NEWS.glob("*/*.txt"))
    if not files:
        raise SystemExit(f"no articles in {NEWS}")
    return [(f"{path.parent.name}-{path.name}", path.read_text("utf-8")) for path in files]


def sentence_articles(language: str, count: int) -> list[tuple[str, str]]:
    lines = (SENTENCES / f"{language}.txt").read_text("utf-8").splitlines()
    made = []
    for number in range(count):
        chosen = [lines[(number * 7 + i) % len(lines)] for i in range(9)]
        made.append((f"{language}-{number}.txt", chosen[0] + "\n\n" + " ".join(chosen[1:])))
    return made


def corpus(total: int) -> list[dict]:
    bases = [(name, text, "en") for name, text in news()]
    bases += [(name, text, "ru") for name, text in sentence_articles("ru", 30)]
    bases += [(name, text, "kk") for name, text in sentence_articles("kk", 20)]
    articles = []
    for number in range(total):
        name, text, language = bases[number % len(bases)]
        copy = f"{text.rstrip()}\n\nCopy {number}."
        encoding = "cp1251" if language == "ru" else "utf-8"
        articles.append({
            "name": f"{number}-{name}", "original": copy.encode(encoding), "text": copy,
            "encoding": encoding, "title": text.split("\n", 1)[0], "detected": language,
        })  # fmt: skip
    return articles


def import_articles(library, articles: list[dict]) -> float:
    started = time.perf_counter()
    for start in range(0, len(articles), BATCH):
        library.add_many(articles[start : start + BATCH])
    return time.perf_counter() - started


def search_times(library) -> tuple[list[float], dict[str, int], float]:
    started = time.perf_counter()
    library.search("first")  # before any other: cold caches
    first = time.perf_counter() - started
    times, found = [], {}
    for query in QUERIES:
        for _ in range(RUNS):
            started = time.perf_counter()
            hits = library.search(query)
            times.append(time.perf_counter() - started)
        found[query] = len(hits)
    for _ in range(RUNS):
        started = time.perf_counter()
        library.search("government", languages=["en"])
        times.append(time.perf_counter() - started)
    return times, found, first


def page_paint(
    env: dict[str, str], starts: int = 3
) -> tuple[list[float], list[float], list[float]]:
    """Seconds to the first page of rows: on a fresh server, and reloaded once it runs;
    and, for comparison under the same load, the dashboard's first paint (fresh server)."""
    from playwright.sync_api import sync_playwright

    paints, warm, dashboard, headings = [], [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        for _ in range(starts):
            with served(env) as (url, _):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                for times in (paints, warm):
                    started = time.perf_counter()
                    page.goto(url + "library")
                    page.get_by_role("heading", name="Library").wait_for(timeout=120_000)
                    if times is paints:
                        headings.append(time.perf_counter() - started)
                    page.get_by_text("newest first").wait_for(timeout=120_000)
                    page.wait_for_function(
                        "() => [...document.querySelectorAll('button')]"
                        ".filter(b => b.innerText.trim().endsWith('Delete')).length >= 25",
                        timeout=120_000,
                    )
                    times.append(time.perf_counter() - started)
                page.close()
            with served(env) as (url, _):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                started = time.perf_counter()
                page.goto(url)
                page.get_by_role("heading", name="News digest").wait_for(timeout=120_000)
                dashboard.append(time.perf_counter() - started)
                page.close()
        browser.close()
    return paints, warm, dashboard, headings


def translate_twenty(library, steps_memory: bool) -> dict:
    """Read and translate REOPENED news articles whole; times and model calls."""
    import translator.engine as engine
    from digest.job import Upload, add_translation, analyse
    from digest.library.keeping import keep
    from digest.library.memory import with_memory
    from digest.settings import SummarySettings, TranslationSettings
    from digest.steps import PLAIN

    calls = []
    real = engine.translate_sentences

    def counting(sentences, *args, **kwargs):
        calls.append(len(sentences))
        return real(sentences, *args, **kwargs)

    engine.translate_sentences = counting
    steps = with_memory(PLAIN, lambda: library) if steps_memory else PLAIN
    settings = TranslationSettings(target="ru", whole_article=True)
    reading = translating = 0.0
    for name, text in news()[:REOPENED]:
        started = time.perf_counter()
        result = analyse(Upload(name, text.encode("utf-8")), SummarySettings(), "en")
        keep(library, result)
        reading += time.perf_counter() - started
        started = time.perf_counter()
        translated = add_translation(result, settings, steps)
        translating += time.perf_counter() - started
        assert translated.translations, translated.translation_note
    return {"reading": reading, "translating": translating, "model_calls": len(calls)}


def reopen_main(data: str) -> int:
    """The restarted process: `python -m bench.library --reopen DATA`."""
    from digest.library import open_library

    os.environ["NEWS_DIGEST_DATA"] = data
    print(json.dumps(translate_twenty(open_library(), steps_memory=True)))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--reopen", metavar="DATA")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    if args.reopen:
        return reopen_main(args.reopen)

    from digest.library import open_library

    with tempfile.TemporaryDirectory(prefix="bench-library-") as work:
        data = Path(work) / "data"
        os.environ["NEWS_DIGEST_DATA"] = str(data)
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(work) / "packs")
        os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"
        library = open_library()
        articles = corpus(args.articles)
        imported = import_articles(library, articles)
        library.scrub()  # the size a reader sees after the first delete (VACUUM'd)
        size = library.size()
        times, found, first_search = search_times(library)
        paints, warm, dashboard, headings = (
            ([], [], [], []) if args.no_browser else page_paint(dict(os.environ))
        )
        doomed = random.Random(0).choice(library.articles(limit=100))
        started = time.perf_counter()
        library.delete(doomed.id)
        deletion = time.perf_counter() - started

        from testkit.tinypack import build_tiny_pack
        from translator.packs.install import install_from_file

        install_from_file(build_tiny_pack(Path(work), "en", "ru"))
        cold = translate_twenty(library, steps_memory=True)
        restarted = subprocess.run(
            [sys.executable, "-m", "bench.library", "--reopen", str(data)],
            cwd=ROOT, capture_output=True, text=True, env=dict(os.environ), check=True,
        )  # fmt: skip
        reopened = json.loads(restarted.stdout.strip().splitlines()[-1])

    times_ms = sorted(t * 1000 for t in times)
    p95 = times_ms[min(len(times_ms) - 1, round(0.95 * len(times_ms)) - 1)]
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end.\n")
    print("| Measure | Result | Target |")
    print("|---|---|---|")
    print(
        f"| Import of {len(articles):,} articles (stems + insert, batches of {BATCH}) | "
        f"{imported:.1f} s ({len(articles) / imported:,.0f} articles/s) | |"
    )
    print(
        f"| Database size (after VACUUM) | {size / 1024 / 1024:.1f} MB "
        f"({size / len(articles) / 1024:.1f} KB per article) | |"
    )
    print(
        f"| Search, {len(QUERIES) + 1} queries x {RUNS} runs: median / p95 / max | "
        f"{statistics.median(times_ms):.1f} / {p95:.1f} / {times_ms[-1]:.1f} ms | <= 100 ms |"
    )
    print(f"| First search after the import | {first_search * 1000:.0f} ms | |")
    if paints:
        print(
            f"| Library page first paint with {len(articles):,} articles: 25 rows shown (median of "
            f"{len(paints)} fresh servers; min {min(paints):.2f}, max {max(paints):.2f}) | "
            f"{statistics.median(paints):.2f} s | |"
        )
        print(
            f"| Same page reloaded on a running server (median of {len(warm)}) | "
            f"{statistics.median(warm):.2f} s | |"
        )
        print(
            f"| Library page heading shown, same fresh servers | "
            f"{statistics.median(headings):.2f} s | |"
        )
        print(
            f"| For comparison: the dashboard's heading shown, fresh servers, same load (median "
            f"of {len(dashboard)}) | {statistics.median(dashboard):.2f} s | |"
        )
    print(f"| Delete one article for good (merge, VACUUM, checkpoint) | {deletion:.2f} s | |")
    print(
        f"| {REOPENED} articles translated whole, first time: translation step / model calls "
        f"| {cold['translating']:.2f} s / {cold['model_calls']} | |"
    )
    print(
        f"| Same {REOPENED} reopened after a restart (new process): translation step / model "
        f"calls | {reopened['translating'] * 1000:.0f} ms / {reopened['model_calls']} | 0 calls |"
    )
    print(f"\nResults per query: {found}")
    slow = statistics.median(times_ms) > 100 or reopened["model_calls"]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
