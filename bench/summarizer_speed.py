"""Speed of each algorithm, ours against sumy's own call: `python -m bench.summarizer_speed`.

"sumy" = sumy's class with sumy's Stemmer, called on an already segmented
sumy document (the document is built outside the timer; a fresh one per run,
since sumy caches words on it). "ours" = the whole summarize(article) call:
building the document, tokenizing, our numpy classes, the memoized stemmer,
picks and stats ("cold" = with an empty stemmer cache). Times are wall-clock
seconds, best of REPEATS runs, plus our CPU seconds on the long text (the
machine is shared, so wall time includes waiting). Documents: a news article,
and the dev articles concatenated twice (~35,000 words). A sumy call that
would exceed BUDGET seconds is stopped and shown as "> BUDGET". Then checks
that our classes pick the same sentences as sumy's on every dev article and
on the long text.
"""
from __future__ import annotations

import signal
import sys
import time

from articles.building import read_article
from bench.data import data_dir
from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.document import article_document
from summarizer.language import stemmer
from summarizer.sumy_summarizers import OUR_CLASSES, SUMY_CLASSES, make_summarizer

DATA = data_dir("news-summaries-dev") / "article"
NEWS_ARTICLE = "tech/001.txt"
LONG_WORDS = 35_000
REPEATS = {"news": 5, "long": 2}
BUDGET = 60.0
COUNT = 5


class _OverBudget(Exception):
    pass


def _alarm(signum, frame):
    raise _OverBudget


def long_document_bytes() -> bytes:
    texts = [path.read_bytes().strip() for path in sorted(DATA.rglob("*.txt"))]
    joined, words = [], 0
    while words < LONG_WORDS:
        for text in texts:
            joined.append(text)
            words += len(text.split())
    return b"\n\n".join(joined)


def best_time(run, repeats: int) -> float | None:
    """Best wall time of `repeats` runs, None if a run exceeds BUDGET."""
    best = None
    for _ in range(repeats):
        signal.setitimer(signal.ITIMER_REAL, BUDGET)
        try:
            elapsed = run()
        except _OverBudget:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = elapsed if best is None else min(best, elapsed)
    return best


def time_sumy(article, algorithm: str) -> float:
    summarizer = make_summarizer(algorithm, article, fast=False)
    document = article_document(article, with_title=algorithm == "edmundson")
    start = time.perf_counter()
    summarizer(document, COUNT)
    return time.perf_counter() - start


def time_ours(article, algorithm: str, cold: bool = False, cpu: bool = False) -> float:
    """summarize() timed; `cold` empties the memoized stemmer first (first article of a
    session); `cpu` measures this process's CPU time instead of wall-clock time."""
    if cold:
        stemmer(article.language).cache_clear()
    clock = time.process_time if cpu else time.perf_counter
    start = clock()
    summarize(article, algorithm, sentences=COUNT)
    return clock() - start


def same_picks(article, algorithm: str, count: int) -> str:
    """'same', 'ties' (same scores, a tie broken differently) or 'DIFFERENT'."""
    picks = []
    for fast in (True, False):
        summarizer = make_summarizer(algorithm, article, fast=fast)
        summarizer(article_document(article), count)
        picks.append(summarizer.picks)
    ours, theirs = picks
    if [i for i, _ in ours] == [i for i, _ in theirs]:
        return "same"
    if sorted(round(s, 9) for _, s in ours) == sorted(round(s, 9) for _, s in theirs):
        return "ties"
    return "DIFFERENT"


def _fmt(seconds: float | None) -> str:
    return f"> {BUDGET:.0f}" if seconds is None else f"{seconds:.4f}"


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGALRM, _alarm)
    news = read_article((DATA / NEWS_ARTICLE).read_bytes(), NEWS_ARTICLE, language="en")
    long = read_article(long_document_bytes(), "long", language="en")
    documents = {"news": news, "long": long}
    for label, article in documents.items():
        words = sum(len(s.text.split()) for s in article.sentences)
        print(f"{label}: {words} words, {len(article.sentences)} sentences")
    repeats = f"{REPEATS['news']} / {REPEATS['long']}"
    print(f"\n{COUNT}-sentence summaries, wall-clock seconds (best of {repeats})\n")
    print("| algorithm | news: sumy | news: ours | news: ours, cold | overhead (warm) "
          "| 35k words: sumy | 35k words: ours | 35k words: ours, CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    too_slow_for_sumy = set()
    for algorithm in ALGORITHMS:
        cells = []
        for label, article in documents.items():
            sumy = best_time(lambda a=article, n=algorithm: time_sumy(a, n), REPEATS[label])
            ours = best_time(lambda a=article, n=algorithm: time_ours(a, n), REPEATS[label])
            cells.extend([_fmt(sumy), _fmt(ours)])
            if label == "news":
                cold = best_time(lambda a=article, n=algorithm: time_ours(a, n, cold=True), 1)
                cells.append(_fmt(cold))
                cells.append(f"{(ours / sumy - 1) * 100:+.0f} %" if sumy and ours else "n/a")
            else:
                cpu = best_time(lambda a=article, n=algorithm: time_ours(a, n, cpu=True), 2)
                cells.append(_fmt(cpu))
                if sumy is None:
                    too_slow_for_sumy.add(algorithm)
        name = f"{algorithm} (default)" if algorithm == DEFAULT_ALGORITHM else algorithm
        print(f"| {name} | " + " | ".join(cells) + " |")

    paths = sorted(DATA.rglob("*.txt"))
    articles = [read_article(p.read_bytes(), p.name, language="en") for p in paths]
    print("\nnumpy classes against sumy's own (same picks?):")
    failures = 0
    for algorithm in ALGORITHMS:
        if OUR_CLASSES[algorithm] is SUMY_CLASSES[algorithm]:
            continue
        results = [same_picks(a, algorithm, count) for a in articles for count in (3, 7)]
        if algorithm in too_slow_for_sumy and algorithm != DEFAULT_ALGORITHM:
            on_long = f"not compared (sumy > {BUDGET:.0f} s)"
        else:  # the default is always compared, however long sumy takes
            on_long = same_picks(long, algorithm, 20)
        failures += results.count("DIFFERENT") + (on_long == "DIFFERENT")
        print(f"- {algorithm}: {results.count('same')}/{2 * len(articles)} dev-article runs "
              f"(3 and 7 sentences) same picks, {results.count('ties')} differ only in a tie, "
              f"{results.count('DIFFERENT')} different; long document: {on_long}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
