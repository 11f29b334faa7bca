"""Web pages: how much of each page's article body is found, and nothing else.

The metric is the one of Scrapinghub's article-extraction benchmark: texts are
cut into \\w+ tokens, then into overlapping 4-token shingles; per page,
precision and recall count shingles in common (as multisets) with the
hand-made ground truth; precision and recall are averaged over the pages and
F1 is their harmonic mean. The mean of per-page F1 is printed too.

    .venv/bin/python -m bench.html_extraction [--compare]

`--compare` also scores trafilatura's settings directly, to show why ours.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from articles.decoding import ArticleError
from articles.reading import read_document

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "html-articles-dev"
if not DATA.is_dir():
    DATA = Path("/work/shared/data/html-articles-dev")

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))
        if tokens[i:i + size]
    )


def precision_recall(truth: str, found: str) -> tuple[float, float]:
    expected, got = shingles(truth), shingles(found)
    hits = sum((expected & got).values())
    extra = sum((got - expected).values())
    missed = sum((expected - got).values())
    precision = hits / (hits + extra) if hits + extra else float(missed == 0)
    recall = hits / (hits + missed) if hits + missed else 1.0
    return precision, recall


def score(pages: dict[str, bytes], truth: dict[str, str],
          extract: Callable[[str, bytes], str]) -> tuple[float, float, float, float, float]:
    """(precision, recall, F1, mean per-page F1, seconds per page)."""
    precisions, recalls, f1s = [], [], []
    started = time.perf_counter()
    for key, data in pages.items():
        precision, recall = precision_recall(truth[key], extract(key, data))
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    elapsed = (time.perf_counter() - started) / len(pages)
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return p, r, 2 * p * r / (p + r), statistics.mean(f1s), elapsed


def ours(key: str, data: bytes) -> str:
    try:
        document = read_document(data, f"{key}.html")
    except ArticleError:
        return ""
    return document.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    truth_file = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {key: value["articleBody"] for key, value in truth_file.items()}
    pages = {key: gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
             for key in truth}
    runs: dict[str, Callable[[str, bytes], str]] = {"read_document (ours)": ours}
    if args.compare:
        import trafilatura

        settings = {
            "trafilatura default": {},
            "trafilatura favor_recall": {"favor_recall": True},
            "trafilatura favor_precision": {"favor_precision": True},
            "trafilatura no comments": {"include_comments": False},
        }
        for label, options in settings.items():
            runs[label] = lambda key, data, options=options: (
                trafilatura.extract(data, **options) or "")
    print(f"{len(pages)} pages")
    print(f"{'extractor':<30}{'P':>7}{'R':>7}{'F1':>8}{'mean F1':>9}{'s/page':>8}")
    for label, extract in runs.items():
        p, r, f1, mean_f1, seconds = score(pages, truth, extract)
        print(f"{label:<30}{p:>7.3f}{r:>7.3f}{f1:>8.4f}{mean_f1:>9.4f}{seconds:>8.3f}")


if __name__ == "__main__":
    main()
