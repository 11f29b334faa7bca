"""Sentence-boundary precision, recall and F1 of articles.segmentation on sentences-dev.

Five consecutive reference sentences are joined with a space into a paragraph, so
the true boundaries are known. For comparison the table also gives the F1 of
sentencex alone (without our repair rules) and of pysbd where it supports the
language. Run: .venv/bin/python -m bench.segmentation_f1
"""
from __future__ import annotations

import sys
from pathlib import Path

from sentencex import segment

from articles.segmentation import split_sentences

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sentences-dev"
GROUP = 5
TARGET_LANGUAGES = ("en", "ru", "uk", "kk", "de", "fr", "es", "tr", "ar", "fa", "zh")


def boundaries(pieces: list[str]) -> set[int]:
    """Character offsets (in the space-free text) where one sentence ends."""
    ends, position = set(), 0
    for piece in pieces[:-1]:
        position += len("".join(piece.split()))
        ends.add(position)
    return ends


def score(split, lines: list[str]) -> tuple[int, int, int]:
    hits = predicted = expected = 0
    for start in range(0, len(lines), GROUP):
        group = lines[start : start + GROUP]
        truth = boundaries(group)
        found = boundaries([s for s in split(" ".join(group)) if s.strip()])
        hits += len(truth & found)
        predicted += len(found)
        expected += len(truth)
    return hits, predicted, expected


def main() -> int:
    if not DATA.is_dir():
        print(f"Development data not found at {DATA} (expected ../shared/data next to the repo).")
        return 1
    rows = []
    print(f"{'lang':<6}{'P':>8}{'R':>8}{'F1':>8}{'sentencex':>11}{'pysbd':>8}")
    for path in sorted(DATA.glob("*.txt")):
        language = path.stem
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        hits, predicted, expected = score(lambda t, lang=language: split_sentences(t, lang), lines)
        precision = hits / predicted if predicted else 1.0
        recall = hits / expected if expected else 1.0
        f1 = _f1(hits, predicted, expected)
        rows.append((language, precision, recall, f1))
        alone = _f1(*score(lambda t, lang=language: list(segment(lang, t)), lines))
        other = _pysbd_f1(language, lines)
        print(
            f"{language:<6}{precision:>8.3f}{recall:>8.3f}{f1:>8.3f}{alone:>11.3f}"
            f"{other if isinstance(other, str) else f'{other:.3f}':>8}"
        )
    target = [f1 for language, _, _, f1 in rows if language in TARGET_LANGUAGES]
    overall = [f1 for *_, f1 in rows]
    print(f"mean F1 over {', '.join(TARGET_LANGUAGES)}: {sum(target) / len(target):.3f}")
    print(f"mean F1 over all {len(rows)} languages: {sum(overall) / len(overall):.3f}")
    return 0


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
