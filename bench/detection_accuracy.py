"""Language-detection accuracy on the development sentences, both halves.

Run: `python -m bench.detection_accuracy [--show-wrong]`.

Data: ../shared/data/sentences-dev (33 languages, news-like sentences) and
../shared/data/regional-sentences-dev (Tatoeba sentences in the region's languages:
Kyrgyz, Turkmen, Tatar, Bashkir, Uyghur, Uzbek in both scripts, Tajik, Kazakh,
Mongolian, Azerbaijani, Belarusian; and Chuvash, Yakut and Crimean Tatar, which the
project does not name: they must come out "und"). Each file is cut in two halves: A
(the thresholds of languages.detection were chosen on it) and B (held out).

Units, as a reader meets them:
- a sentence;
- an opening: three consecutive sentences joined with a space;
- an article: ten sentences in two paragraphs, judged by detect_article_language.
"correct" counts exact codes; "und" the undetermined; "wrong" a language named that
is not the right one (for an unknown language, any language named). Beside ours,
py3langid alone and CLD2 alone on openings, for comparison.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.data import data_dir
from languages.detection import KNOWN, detect_article_language, detect_language
from languages.detectors import cld2_candidates, langid_candidates

SENTENCES = data_dir("sentences-dev")
REGIONAL = data_dir("regional-sentences-dev")
UNITS = ("sentence", "opening", "article")
TARGETS = {"opening": 95.0, "article": 98.0}
MAX_WRONG = 1.0


@dataclass
class Tally:
    total: int = 0
    correct: int = 0
    und: int = 0
    wrong: Counter = field(default_factory=Counter)

    def add(self, answer: str, truth: str) -> None:
        self.total += 1
        if answer == truth:
            self.correct += 1
        elif answer == "und":
            self.und += 1
        else:
            self.wrong[answer] += 1

    def rates(self) -> tuple[float, float, float]:
        if not self.total:
            return (0.0, 0.0, 0.0)
        wrong = sum(self.wrong.values())
        return tuple(100.0 * n / self.total for n in (self.correct, self.und, wrong))


def _lines(path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _units(lines: list[str]) -> dict[str, list]:
    openings = [" ".join(lines[i:i + 3]) for i in range(0, len(lines) - 2, 3)]
    articles = [
        [" ".join(lines[i:i + 5]), " ".join(lines[i + 5:i + 10])]
        for i in range(0, len(lines) - 9, 10)
    ]
    return {"sentence": lines, "opening": openings, "article": articles}


def _ours(unit) -> str:
    if isinstance(unit, list):
        return detect_article_language(unit).main.code
    return detect_language(unit).code


def _alone(candidates: Callable[[str], list]) -> Callable[[str], str]:
    def detect(text: str) -> str:
        found = candidates(text)
        return found[0][0] if found and found[0][0] in KNOWN else "und"
    return detect


def _datasets() -> list[tuple[str, str, object]]:
    """(label, truth, path): the truth of an unknown language is its own code."""
    found = []
    for path in sorted(SENTENCES.glob("*.txt")):
        found.append((path.stem, path.stem, path))
    for path in sorted(REGIONAL.glob("*.txt")):
        label = f"{path.stem} (regional)"
        found.append((label, path.stem.split("-")[0], path))
    return found


def _cell(tally: Tally) -> str:
    correct, und, wrong = tally.rates()
    return f"{correct:.1f} / {und:.1f} / {wrong:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-wrong", action="store_true", help="list the wrong answers")
    args = parser.parse_args(argv)
    if not SENTENCES.is_dir() or not REGIONAL.is_dir():
        print(f"no development data at {SENTENCES.parent}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    texts = 0
    rows = []
    totals: dict[tuple[str, str, str], Tally] = {}
    for label, truth, path in _datasets():
        lines = _lines(path)
        middle = len(lines) // 2
        known = truth in KNOWN
        row = {"label": label, "known": known}
        for half, part in (("A", lines[:middle]), ("B", lines[middle:])):
            for unit, items in _units(part).items():
                tally = Tally()
                for item in items:
                    tally.add(_ours(item), truth)
                texts += len(items)
                row[(half, unit)] = tally
                group = "known" if known else "unknown"
                whole = totals.setdefault((group, half, unit), Tally())
                whole.total += tally.total
                whole.correct += tally.correct
                whole.und += tally.und
                whole.wrong.update(tally.wrong)
            openings = _units(part)["opening"]
            for name, detect in (("py3langid", _alone(langid_candidates)),
                                 ("cld2", _alone(cld2_candidates))):
                tally = Tally()
                for item in openings:
                    tally.add(detect(item), truth)
                row[(half, name)] = tally
        rows.append(row)
    elapsed = time.perf_counter() - started

    print("\ncorrect / und / wrong, %; halves A (tuned) and B (held out)\n")
    print("| language | sentence A | sentence B | opening A | opening B | article A | article B "
          "| py3langid alone, opening A / B (correct, wrong) | CLD2 alone, same |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        alone = " | ".join(
            " ; ".join(f"{row[(h, n)].rates()[0]:.0f}, {row[(h, n)].rates()[2]:.0f}"
                       for h in "AB")
            for n in ("py3langid", "cld2")
        )
        cells = " | ".join(_cell(row[(h, u)]) for u in UNITS for h in "AB")
        marker = "" if row["known"] else " *"
        print(f"| {row['label']}{marker} | {cells} | {alone} |")
    print("\n\\* not a language the project names: any name given is wrong.\n")
    for group in ("known", "unknown"):
        cells = " | ".join(_cell(totals[(group, h, u)]) for u in UNITS for h in "AB")
        print(f"| all {group} | {cells} |")
    if args.show_wrong:
        for row in rows:
            for key, tally in row.items():
                if isinstance(tally, Tally) and tally.wrong and key[1] in UNITS:
                    print(f"{row['label']} {key}: {dict(tally.wrong)}")

    failures = []
    for row in rows:
        if not row["known"] or "tt-Latn" in row["label"]:
            continue
        for unit, floor in TARGETS.items():
            for half in "AB":
                tally = row[(half, unit)]
                if tally.total >= 5 and tally.rates()[0] < floor:
                    failures.append(f"{row['label']} {unit} {half} {tally.rates()[0]:.1f} %")
    worst_wrong = max(
        totals[(group, half, unit)].rates()[2]
        for group in ("known", "unknown") for half in "AB" for unit in ("opening", "article")
    )
    print(f"\n{texts} texts in {elapsed:.1f} s ({1000 * elapsed / texts:.2f} ms a text)")
    print(f"targets: every known language >= 95 % of openings and >= 98 % of articles "
          f"named right: {'met' if not failures else 'NOT met: ' + ', '.join(failures)}; "
          f"named wrongly (openings and articles, known and unknown) {worst_wrong:.2f} % "
          f"(<= {MAX_WRONG}): {'met' if worst_wrong <= MAX_WRONG else 'NOT met'}")
    return 0 if not failures and worst_wrong <= MAX_WRONG else 1


if __name__ == "__main__":
    sys.exit(main())
