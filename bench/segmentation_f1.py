"""Sentence-boundary precision, recall and F1 of articles.segmentation on sentences-dev.

Five consecutive reference sentences are joined with a space into a paragraph, so
the true boundaries are known. Every language of the dev set is reported, on the
first half of its lines (A, the half rules were tuned on), the second half (B,
held out) and all lines; `sentencex` gives sentencex alone for comparison, and
`lines` the F1 of build_article when the five sentences stand one a line (a file
whose lines are sentences, list items or table rows).
Two more tables: the region's languages (regional-sentences-dev, short Tatoeba
sentences, five a paragraph, halves A/B the same way) and direct speech in news
(bench/direct_speech.py: how many quoted sentences with their speech verb come out
whole, and boundary F1; even items A, odd items B). Last, Chinese as it is written,
with no space between sentences: the dev sentences joined without a space, and Chinese
news paragraphs written for the bench (bench/direct_speech.py CHINESE_NEWS).
Targets: every language >= 0.94, mean >= 0.97; direct speech kept whole >= 0.95 in
ru, uk, kk, tr; Chinese >= 0.97 in the last table.
Run: .venv/bin/python -m bench.segmentation_f1 [--pysbd]
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from sentencex import segment

from articles.building import build_article
from articles.segmentation import split_sentences
from bench.direct_speech import CHINESE_NEWS
from bench.direct_speech import ITEMS as SPEECH_ITEMS

GROUP = 5
MIN_F1 = 0.94
MIN_MEAN = 0.97
MIN_KEPT = 0.95
MIN_CHINESE = 0.97
KEPT_TARGETS = ("ru", "uk", "kk", "tr")
QUOTES = "«»“”„\"「」『』"
JOINERS = {"zh": "", "ja": ""}
"""How a language joins sentences into a paragraph; Chinese and Japanese use no space."""


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
REGIONAL = DATA.parent / "regional-sentences-dev"


def boundaries(pieces: list[str]) -> set[int]:
    """Character offsets (in the space-free text) where one sentence ends."""
    ends, position = set(), 0
    for piece in pieces[:-1]:
        position += len("".join(piece.split()))
        ends.add(position)
    return ends


def score(split, lines: list[str], joiner: str = " ") -> tuple[int, int, int]:
    """(hits, predicted, expected) boundaries over the lines joined GROUP a paragraph."""
    groups = [lines[start : start + GROUP] for start in range(0, len(lines), GROUP)]
    return _score_paragraphs(split, groups, joiner)


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
    regional_ok = _regional()
    speech_ok = _direct_speech()
    chinese_ok = _chinese()
    ok = not below and means[2] >= MIN_MEAN and regional_ok and speech_ok and chinese_ok
    return 0 if ok else 2


def _lines(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def _regional() -> bool:
    """F1 on the region's languages; the file name's script suffix (uz-Latn) is dropped."""
    if not REGIONAL.is_dir():
        print(f"\nregional-sentences-dev not found at {REGIONAL}")
        return True
    print(f"\nregional-sentences-dev (Tatoeba, {GROUP} lines a paragraph)")
    print(f"{'lang':<9}{'lines':>6}{'P':>7}{'R':>7}{'F1 A':>7}{'F1 B':>7}{'F1':>7}")
    below = []
    for path in sorted(REGIONAL.glob("*.txt")):
        lines = _lines(path)
        half = len(lines) // 2 // GROUP * GROUP
        language = path.stem.split("-")[0]

        def ours(text: str, lang: str = language) -> list[str]:
            return split_sentences(text, lang)

        first, second = score(ours, lines[:half]), score(ours, lines[half:])
        hits, predicted, expected = (a + b for a, b in zip(first, second, strict=True))
        f1 = _f1(hits, predicted, expected)
        print(
            f"{path.stem:<9}{len(lines):>6}{hits / max(predicted, 1):>7.3f}"
            f"{hits / max(expected, 1):>7.3f}{_f1(*first):>7.3f}{_f1(*second):>7.3f}{f1:>7.3f}"
        )
        if f1 < MIN_F1 and len(lines) >= 100:  # a 29-line file moves 0.03 a boundary
            below.append(path.stem)
    print(f"below {MIN_F1} (files of 100+ lines): {', '.join(below) or 'none'}")
    return not below


def _direct_speech() -> bool:
    """Quoted sentences with a speech verb kept whole, and boundary F1, per language."""
    print("\ndirect speech in news (bench/direct_speech.py; A even items, B odd)")
    print(f"{'lang':<6}{'items':>6}{'kept A':>8}{'kept B':>8}{'kept':>7}{'F1 A':>7}{'F1 B':>7}")
    failed = []
    for language, items in SPEECH_ITEMS.items():
        rows = []
        for half in (items[0::2], items[1::2]):
            kept = total = 0
            counts = [0, 0, 0]
            for item in half:
                truth = [sentence.strip() for sentence in item.split("|")]
                found = split_sentences(JOINERS.get(language, " ").join(truth), language)
                quoted = [s for s in truth if any(mark in s for mark in QUOTES)]
                kept += sum(sentence in found for sentence in quoted)
                total += len(quoted)
                expected, predicted = boundaries(truth), boundaries(found)
                for i, value in enumerate(
                    (len(expected & predicted), len(predicted), len(expected))
                ):
                    counts[i] += value
            rows.append((kept, total, _f1(*counts)))
        (kept_a, total_a, f1_a), (kept_b, total_b, f1_b) = rows
        share = (kept_a + kept_b) / max(total_a + total_b, 1)
        print(
            f"{language:<6}{len(items):>6}{kept_a / max(total_a, 1):>8.3f}"
            f"{kept_b / max(total_b, 1):>8.3f}{share:>7.3f}{f1_a:>7.3f}{f1_b:>7.3f}"
        )
        if language in KEPT_TARGETS and share < MIN_KEPT:
            failed.append(language)
    targets = ", ".join(KEPT_TARGETS)
    print(f"kept whole below {MIN_KEPT} in {targets}: {', '.join(failed) or 'none'}")
    return not failed


def _chinese() -> bool:
    """Chinese as it is written: sentences follow each other with no space between them."""
    print("\nChinese joined without a space (dev sentences, 5 a paragraph; news check set)")
    print(f"{'set':<22}{'F1 A':>7}{'F1 B':>7}{'F1':>7}")
    lines = _lines(DATA / "zh.txt")
    half = len(lines) // 2 // GROUP * GROUP

    def chinese(text: str) -> list[str]:
        return split_sentences(text, "zh")

    news = [[sentence.strip() for sentence in item.split("|")] for item in CHINESE_NEWS]
    rows = []
    for name, joiner in (("sentences-dev", ""), ("news, no space", ""), ("news, a space", " ")):
        if name == "sentences-dev":
            halves = (lines[:half], lines[half:])
            counts = [score(chinese, part, joiner) for part in halves]
        else:
            counts = [_score_paragraphs(chinese, part, joiner) for part in (news[0::2], news[1::2])]
        total = _f1(*(a + b for a, b in zip(*counts, strict=True)))
        rows.append(total)
        print(f"{name:<22}{_f1(*counts[0]):>7.3f}{_f1(*counts[1]):>7.3f}{total:>7.3f}")
    low = min(rows)
    print(f"Chinese below {MIN_CHINESE}: {'yes' if low < MIN_CHINESE else 'none'}")
    return low >= MIN_CHINESE


def _score_paragraphs(split, paragraphs: list[list[str]], joiner: str) -> tuple[int, int, int]:
    hits = predicted = expected = 0
    for sentences in paragraphs:
        truth = boundaries(sentences)
        found = boundaries([s for s in split(joiner.join(sentences)) if s.strip()])
        hits += len(truth & found)
        predicted += len(found)
        expected += len(truth)
    return hits, predicted, expected


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
