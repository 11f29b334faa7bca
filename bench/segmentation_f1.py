"""Sentence-boundary precision, recall and F1 of articles.segmentation on sentences-dev.

Five consecutive reference sentences are joined with a space into a paragraph, so
the true boundaries are known. Run: .venv/bin/python -m bench.segmentation_f1
"""
from __future__ import annotations

import sys
from pathlib import Path

from articles.segmentation import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sentences-dev"
GROUP = 5
TARGET_LANGUAGES = ("en", "ru", "uk", "kk", "de", "fr", "es", "tr", "ar", "fa", "zh")


def boundaries(pieces: list[str], joiner: str = " ") -> set[int]:
    """Character offsets (in the space-free text) where one sentence ends."""
    ends, position = set(), 0
    for piece in pieces[:-1]:
        position += len("".join(piece.split()))
        ends.add(position)
    return ends


def score(language: str, lines: list[str]) -> tuple[int, int, int]:
    hits = predicted = expected = 0
    for start in range(0, len(lines), GROUP):
        group = lines[start : start + GROUP]
        truth = boundaries(group)
        found = boundaries(split_sentences(" ".join(group), language))
        hits += len(truth & found)
        predicted += len(found)
        expected += len(truth)
    return hits, predicted, expected


def main() -> int:
    if not DATA.is_dir():
        print(f"Development data not found at {DATA} (expected ../shared/data next to the repo).")
        return 1
    rows = []
    print(f"{'lang':<6}{'P':>8}{'R':>8}{'F1':>8}")
    for path in sorted(DATA.glob("*.txt")):
        language = path.stem
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        hits, predicted, expected = score(language, [line for line in lines if line])
        precision = hits / predicted if predicted else 1.0
        recall = hits / expected if expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((language, precision, recall, f1))
        print(f"{language:<6}{precision:>8.3f}{recall:>8.3f}{f1:>8.3f}")
    target = [f1 for language, _, _, f1 in rows if language in TARGET_LANGUAGES]
    overall = [f1 for *_, f1 in rows]
    print(f"mean F1 over {', '.join(TARGET_LANGUAGES)}: {sum(target) / len(target):.3f}")
    print(f"mean F1 over all {len(rows)} languages: {sum(overall) / len(overall):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
