"""Language-detection accuracy on ../shared/data/sentences-dev.

Run: `python -m bench.detection_accuracy`.

For each language: single sentences, and 3-sentence texts (3 consecutive lines
joined with a space). "correct" counts exact codes; "und" is the undetermined
rate; "wrong" is confidently wrong (a language was named, and it is not the
right one). The regional languages (langdetect does not know them) are shown
apart, and plain langdetect is shown beside ours for comparison.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from languages.detection import detect_language
from languages.detectors import langdetect_candidates

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sentences-dev"
REGIONAL = {"kk", "ky", "uz", "tg", "mn", "az", "be"}
GROUP = 3


def _samples(path: Path) -> tuple[list[str], list[str]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    groups = [" ".join(lines[i:i + GROUP]) for i in range(0, len(lines) - GROUP + 1, GROUP)]
    return lines, groups


def _rates(texts: list[str], truth: str, detect: Callable[[str], str]) -> tuple:
    answers = [detect(text) for text in texts]
    correct = sum(answer == truth for answer in answers)
    und = sum(answer == "und" for answer in answers)
    wrong = len(answers) - correct - und
    return tuple(100.0 * n / len(answers) for n in (correct, und, wrong))


def _ours(text: str) -> str:
    return detect_language(text).code


def _plain_langdetect(text: str) -> str:
    candidates = langdetect_candidates(text)
    return candidates[0][0] if candidates else "und"


def _table(title: str, rows: list[tuple[str, tuple, tuple, tuple]]) -> None:
    print(f"\n### {title}\n")
    print("| language | n (1 / 3) | 1 sentence: correct / und / wrong | "
          "3 sentences: correct / und / wrong | plain langdetect, 3 sentences: correct / wrong |")
    print("|---|---|---|---|---|")
    for code, counts, single, triple, plain in rows:
        print(f"| {code} | {counts[0]} / {counts[1]} | "
              f"{single[0]:.1f} / {single[1]:.1f} / {single[2]:.1f} | "
              f"{triple[0]:.1f} / {triple[1]:.1f} / {triple[2]:.1f} | "
              f"{plain[0]:.1f} / {plain[2]:.1f} |")


def _total(rows) -> tuple:
    n1 = sum(row[1][0] for row in rows)
    n3 = sum(row[1][1] for row in rows)

    def weighted(column: int, n_index: int, n: int) -> tuple:
        return tuple(
            sum(row[column][k] * row[1][n_index] for row in rows) / n for k in range(3)
        )

    return ("all", (n1, n3), weighted(2, 0, n1), weighted(3, 1, n3), weighted(4, 1, n3))


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    known, regional = [], []
    started = time.perf_counter()
    texts = 0
    for path in sorted(DATA.glob("*.txt")):
        code = path.stem
        singles, triples = _samples(path)
        texts += len(singles) + len(triples)
        row = (
            code,
            (len(singles), len(triples)),
            _rates(singles, code, _ours),
            _rates(triples, code, _ours),
            _rates(triples, code, _plain_langdetect),
        )
        (regional if code in REGIONAL else known).append(row)
    elapsed = time.perf_counter() - started
    _table("langdetect's languages", known + [_total(known)])
    _table("regional languages (langdetect does not know them)", regional)
    print(f"\n{texts} texts in {elapsed:.1f} s ({1000 * elapsed / texts:.1f} ms a text, "
          "both detectors, including model loading)")
    total = _total(known)
    worst_regional = max((row[3][2] for row in regional), default=0.0)
    ok = total[3][0] >= 99.5 and worst_regional <= 5.0
    print(f"\ntargets: 3-sentence accuracy on langdetect's languages {total[3][0]:.2f} % "
          f"(>= 99.5), regional confidently wrong {worst_regional:.1f} % (<= 5): "
          f"{'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
