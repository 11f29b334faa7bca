"""ROUGE of every algorithm on the development news set: `python -m bench.rouge_eval`.

Each article file goes through read_article as uploaded (title included,
language "en" as the detector reports for this set); each algorithm picks as
many sentences as the reference summary has. Scores are mean F1 of
rouge-score's ROUGE-1/2/L (Porter stemming on, as usual for English).
"""
from __future__ import annotations

import sys
from pathlib import Path

from rouge_score import rouge_scorer

from articles.building import read_article
from bench.data import data_dir
from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

DATA = data_dir("news-summaries-dev")
METRICS = ("rouge1", "rouge2", "rougeL")


def load_pairs(data: Path = DATA):
    """(article, reference sentences) for every article that has a summary."""
    pairs = []
    for path in sorted((data / "article").rglob("*.txt")):
        reference = data / "summary" / path.relative_to(data / "article")
        lines = [line.strip() for line in reference.read_text(encoding="utf-8").splitlines()]
        article = read_article(path.read_bytes(), str(path.relative_to(data)), language="en")
        pairs.append((article, [line for line in lines if line]))
    return pairs


def evaluate(pairs, pick) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    for article, reference in pairs:
        chosen = pick(article, len(reference))
        scores = scorer.score("\n".join(reference), "\n".join(chosen))
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    return {metric: total / len(pairs) for metric, total in totals.items()}


def summary_texts(article, algorithm: str, count: int) -> list[str]:
    return [s.text for s in summarize(article, algorithm, sentences=count).sentences]


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    pairs = load_pairs()
    rows = {
        "first-N baseline": evaluate(pairs, lambda a, n: [s.text for s in a.sentences[:n]]),
    }
    for name in ALGORITHMS:
        rows[name] = evaluate(pairs, lambda a, n, name=name: summary_texts(a, name, n))
    print(f"{len(pairs)} articles, summary length = reference's sentence count\n")
    print("| algorithm | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |")
    print("|---|---:|---:|---:|")
    for name, scores in sorted(rows.items(), key=lambda item: -item[1]["rouge2"]):
        marker = " (default)" if name == DEFAULT_ALGORITHM else ""
        print(f"| {name}{marker} | " + " | ".join(f"{scores[m]:.4f}" for m in METRICS) + " |")
    best = max((n for n in rows if n in ALGORITHMS), key=lambda n: rows[n]["rouge2"])
    print(f"\nbest ROUGE-2: {best} ({rows[best]['rouge2']:.4f}); default: {DEFAULT_ALGORITHM}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
