"""Huge inputs: time and peak extra memory of summarize() per algorithm.

`python -m bench.summarizer_limits [--quick]`

Cases, 25 MB of text each (issue #13): one line without punctuation; 300,000
short sentences; a news article repeated to 25 MB; and one 25 MB "sentence"
(an Article built directly, without articles' segmentation, which would cut
it). Words come from the dev news articles, shuffled with a fixed seed.

Each case's text is segmented once with articles.building.build_article (its
time and extra memory are printed too). Each (case, algorithm, length) runs in
a forked child that inherits the Article: the child resets its peak RSS
(writing 5 to /proc/self/clear_refs), runs summarize() and reports the wall
time and peak RSS minus RSS before the call. Lengths: 5 sentences (the
default) and ratio 1.0 (every word: the most rounds for KL-Sum and SumBasic).
Targets: under 30 s and under 1 GB extra for every run. `--quick` runs only
the default algorithm.
"""
from __future__ import annotations

import multiprocessing
import random
import re
import sys
import time
from pathlib import Path

from articles.building import build_article
from articles.model import Article, Sentence
from bench.data import data_dir
from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.bounds import MAX_SENTENCE_CHARS, MAX_SENTENCES, MAX_WORDS

DATA = data_dir("news-summaries-dev") / "article"
SIZE = 25_000_000
SHORT_SENTENCES = 300_000
TIMEOUT = 120.0
TARGET_SECONDS = 30.0
TARGET_MB = 1024.0
LENGTHS = {"5 sentences": {"sentences": 5}, "ratio 1.0": {"ratio": 1.0}}
REPEATED_ARTICLE = "tech/001.txt"


def dev_words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt")))
    return re.findall(r"[^\W\d_]+", text)


def one_line(words: list[str], rng: random.Random) -> str:
    parts, size = [], 0
    while size < SIZE:
        word = rng.choice(words)
        parts.append(word)
        size += len(word) + 1
    return "Title of the page\n\n" + " ".join(parts)


def short_sentences(words: list[str], rng: random.Random) -> str:
    per = SIZE // SHORT_SENTENCES
    sentences = []
    for _ in range(SHORT_SENTENCES):
        parts, size = [], 0
        while size < per - 8:
            word = rng.choice(words)
            parts.append(word)
            size += len(word) + 1
        sentences.append(" ".join(parts).capitalize() + ".")
    lines = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    return "Title of the page\n\n" + "\n\n".join(lines)


def repeated_article() -> str:
    article = (DATA / REPEATED_ARTICLE).read_text(encoding="utf-8").strip()
    title, body = article.split("\n", 1)
    return title + "\n\n" + ("\n\n" + body.strip()) * (SIZE // len(body) + 1)


def rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _child(conn, job):
    article, algorithm, kwargs = job
    measured = reset_peak()
    before = rss_mb("VmRSS")
    start = time.perf_counter()
    summary = summarize(article, algorithm, **kwargs)
    elapsed = time.perf_counter() - start
    extra = rss_mb("VmHWM") - before if measured else float("nan")
    conn.send((elapsed, extra, len(summary.sentences), summary.note))
    conn.close()


def _receive(parent):
    """The child's answer, or None when it took over TIMEOUT or died (its traceback is shown)."""
    try:
        return parent.recv() if parent.poll(TIMEOUT) else None
    except EOFError:
        return None


def in_child(target, *args):
    """Run target(connection, *args) in a forked child; what it sends, or None when it took
    over TIMEOUT or died. The child inherits the parent's data instead of copying it."""
    parent, child = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=target, args=(child, *args))
    process.start()
    child.close()
    result = _receive(parent)
    if process.is_alive():
        process.kill()
    process.join()
    return result


def measure(article: Article, algorithm: str, kwargs: dict):
    """(seconds, extra MB, picked sentences, note) or None when over TIMEOUT or failed."""
    return in_child(_child, (article, algorithm, kwargs))


def _build_child(conn, text):
    reset_peak()
    before = rss_mb("VmRSS")
    start = time.perf_counter()
    article = build_article("huge.txt", text, language="en")
    conn.send((time.perf_counter() - start, rss_mb("VmHWM") - before, len(article.sentences)))


def build_cost(text: str):
    return in_child(_build_child, text)


def limit_texts() -> dict[str, str]:
    """The three 25 MB texts every limit bench gives the code, by label (seeded)."""
    words = dev_words()
    rng = random.Random(0)
    return {
        "one line, no punctuation": one_line(words, rng),
        "300,000 short sentences": short_sentences(words, rng),
        "news article repeated": repeated_article(),
    }


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    quick = "--quick" in sys.argv[1:]
    algorithms = [DEFAULT_ALGORITHM] if quick else list(ALGORITHMS)
    texts = limit_texts()
    print(f"MAX_SENTENCES = {MAX_SENTENCES}, MAX_WORDS = {MAX_WORDS}, "
          f"MAX_SENTENCE_CHARS = {MAX_SENTENCE_CHARS}\n")
    print("| case | characters | sentences | articles.building: seconds | extra MB |")
    print("|---|---:|---:|---:|---:|")
    articles: dict[str, Article] = {}
    for name, text in texts.items():
        cost = build_cost(text)
        articles[name] = build_article("huge.txt", text, language="en")
        seconds, extra, count = cost if cost else (float("nan"),) * 3
        print(f"| {name} | {len(text):,} | {len(articles[name].sentences):,} "
              f"| {seconds:.1f} | {extra:.0f} |")
    line = texts["one line, no punctuation"].split("\n\n", 1)[1]
    articles["one 25 MB sentence (unsegmented)"] = Article(
        name="huge.txt", title="Title of the page", paragraphs=(line,),
        sentences=(Sentence(line, 0),), language="en",
    )
    del texts, line

    print("\n| case | algorithm | length | seconds | extra MB | picked | note |")
    print("|---|---|---|---:|---:|---:|---|")
    failures = 0
    for name, article in articles.items():
        for algorithm in algorithms:
            for label, kwargs in LENGTHS.items():
                result = measure(article, algorithm, kwargs)
                if result is None:
                    failures += 1
                    print(f"| {name} | {algorithm} | {label} | > {TIMEOUT:.0f} or failed | | | |")
                    continue
                seconds, extra, picked, note = result
                over = seconds > TARGET_SECONDS or extra > TARGET_MB
                failures += over
                flag = " **over target**" if over else ""
                print(f"| {name} | {algorithm} | {label} | {seconds:.2f} | {extra:.0f} "
                      f"| {picked} | {note or ''}{flag} |", flush=True)
    print(f"\ntargets: < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB extra; "
          f"{failures} run(s) over")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
