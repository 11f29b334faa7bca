"""Sentence-boundary precision, recall and F1 of articles.segmentation on sentences-dev.

Five consecutive reference sentences are joined with a space into a paragraph, so
the true boundaries are known. Every language of the dev set is reported, on the
first half of its lines (A, the half rules were tuned on), the second half (B,
held out) and all lines; `sentencex` gives sentencex alone for comparison, and
`lines` the F1 of build_article when the five sentences stand one a line (a file
whose lines are sentences, list items or table rows).
Targets: every language >= 0.94, mean >= 0.97.
Run: .venv/bin/python -m bench.segmentation_f1 [--pysbd]
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from sentencex import segment

from articles.building import build_article
from articles.segmentation import split_sentences

GROUP = 5
MIN_F1 = 0.94
MIN_MEAN = 0.97


def _data_dir() -> Path:
    """../shared/data next to the repository, or next to any parent (git worktrees)."""
    if os.environ.get("NEWS_DIGEST_DATA"):
        return Path(os.environ["NEWS_DIGEST_DATA"]) / "sentences-dev"
    here = Path(__file__).resolve().parent.parent
    for parent in (here, *here.parents):
        candidate = parent.parent / "shared" / "data" / "sentences-dev"
        if candidate.is_dir():
            return candidate
    return here.parent / "shared" / "data" / "sentences-dev"


DATA = _data_dir()


def boundaries(pieces: list[str]) -> set[int]:
    """Character offsets (in the space-free text) where one sentence ends."""
    ends, position = set(), 0
    for piece in pieces[:-1]:
        position += len("".join(piece.split()))
        ends.add(position)
    return ends


def score(split, lines: list[str], joiner: str = " ") -> tuple[int, int, int]:
    hits = predicted = expected = 0
    for start in range(0, len(lines), GROUP):
        group = lines[start : start + GROUP]
        truth = boundaries(group)
        found = boundaries([s for s in split(joiner.join(group)) if s.strip()])
        hits += len(truth & found)
        predicted += len(found)
        expected += len(truth)
    return hits, predicted, expected


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not DATA.is_dir():
        print(f"Development data not found at {DATA} (set NEWS_DIGEST_DATA to shared/data).")
        return 1
    compare = "--pysbd" in argv
    rows = []
    header = (
        f"{'lang':<6}{'P':>7}{'R':>7}{'F1 A':>7}{'F1 B':>7}{'F1':>7}{'sentencex':>10}{'lines':>7}"
    )
    print(header + (f"{'pysbd':>7}" if compare else ""))
    for path in sorted(DATA.glob("*.txt")):
        language = path.stem
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        half = len(lines) // 2 // GROUP * GROUP

        def ours(text: str, lang: str = language) -> list[str]:
            return split_sentences(text, lang)

        first, second = score(ours, lines[:half]), score(ours, lines[half:])
        hits, predicted, expected = (a + b for a, b in zip(first, second, strict=True))
        precision = hits / predicted if predicted else 1.0
        recall = hits / expected if expected else 1.0
        f1_a, f1_b, f1 = _f1(*first), _f1(*second), _f1(hits, predicted, expected)
        rows.append((language, f1_a, f1_b, f1))
        alone = _f1(*score(lambda t, lang=language: list(segment(lang, t)), lines))
        by_line = _f1(*score(lambda t, lang=language: _as_lines(t, lang), lines, "\n"))
        line = (
            f"{language:<6}{precision:>7.3f}{recall:>7.3f}{f1_a:>7.3f}{f1_b:>7.3f}{f1:>7.3f}"
            f"{alone:>10.3f}{by_line:>7.3f}"
        )
        if compare:
            other = _pysbd_f1(language, lines)
            line += f"{other if isinstance(other, str) else f'{other:.3f}':>7}"
        print(line)
    count = len(rows)
    means = [sum(row[i] for row in rows) / count for i in (1, 2, 3)]
    print(f"mean over {count} languages: A {means[0]:.3f}  B {means[1]:.3f}  all {means[2]:.3f}")
    worst = min(rows, key=lambda row: row[3])
    below = [row[0] for row in rows if row[3] < MIN_F1]
    print(f"lowest: {worst[0]} {worst[3]:.3f}; below {MIN_F1}: {', '.join(below) or 'none'}")
    return 0 if not below and means[2] >= MIN_MEAN else 2


def _as_lines(text: str, language: str) -> list[str]:
    return [sentence.text for sentence in build_article("dev.txt", text, language).sentences]


def _f1(hits: int, predicted: int, expected: int) -> float:
    precision = hits / predicted if predicted else 1.0
    recall = hits / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pysbd_f1(language: str, lines: list[str]) -> float | str:
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language=language, clean=False)
    except Exception:  # not installed, or no rules for this language
        return "-"
    return _f1(*score(segmenter.segment, lines))


if __name__ == "__main__":
    sys.exit(main())
