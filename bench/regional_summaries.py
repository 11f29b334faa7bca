"""Summaries in the languages of Central Asia, with and without our stop-word lists.

`python -m bench.regional_summaries`

Reads ../shared/data/regional-sentences-dev (Tatoeba sentences, one a line, one
file per language and script). Each file is cut in two halves (first lines, last
lines); each half into "articles" of a title line and up to SENTENCES_PER_ARTICLE
body lines, PARAGRAPH sentences a paragraph, one line one sentence (the lines
are short and not all end with a full stop, so the segmenter would merge some).
A tail of fewer than MIN_SENTENCES lines is dropped.

For TextRank, LexRank, LSA and Reduction, PICKS-sentence summaries are made twice:
with the language's stop words (summarizer.language.stop_words, what the app
uses) and with none (what the app did before these lists). Per language and half:

- articles: how many; summaries: how many got PICKS sentences in both runs;
- stop share: stop words / words in the chosen sentences (all: in every body
  sentence, the share a random pick would have), without -> with the lists;
- same picks: sentences chosen in both runs / PICKS, the share the lists left as
  they were (1.00 = the lists change nothing).

The lists were checked by hand against the first halves; the second halves are
the check that the words are not that half's own vocabulary.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from articles.model import Article, Sentence
from bench.data import data_dir
from summarizer import summarize, sumy_summarizers
from summarizer.language import stop_words
from summarizer.tokenizer import WordTokenizer

DATA = data_dir("regional-sentences-dev")
FILES = {
    "kk": "kk", "ky": "ky", "uz-Latn": "uz", "uz-Cyrl": "uz", "tg": "tg", "tk": "tk",
    "tt": "tt", "ba": "ba", "ug": "ug", "az": "az", "be": "be", "mn": "mn",
}
"""Dev file stem -> the code the article is summarized as."""
ALGORITHMS = ("textrank", "lexrank", "lsa", "reduction")
SENTENCES_PER_ARTICLE = 15
PARAGRAPH = 5
MIN_SENTENCES = 6
PICKS = 3


@dataclass(frozen=True)
class Row:
    """One language, half and algorithm; shares are over all its articles' words."""

    file: str
    half: str
    algorithm: str
    articles: int
    summaries: int
    all_share: float
    share_without: float
    share_with: float
    same_picks: float


def articles_of(lines: list[str], code: str, name: str) -> list[Article]:
    """Consecutive lines -> articles: a title line, then the body one sentence a line."""
    size = SENTENCES_PER_ARTICLE + 1
    found = []
    for start in range(0, len(lines), size):
        chunk = lines[start:start + size]
        if len(chunk) - 1 < MIN_SENTENCES:
            break
        body = chunk[1:]
        sentences = tuple(Sentence(text, i // PARAGRAPH) for i, text in enumerate(body))
        paragraphs = tuple(
            " ".join(body[i:i + PARAGRAPH]) for i in range(0, len(body), PARAGRAPH)
        )
        found.append(Article(
            name=f"{name}-{start}", title=chunk[0], paragraphs=paragraphs,
            sentences=sentences, language=code,
        ))
    return found


@contextmanager
def without_stop_words() -> Iterator[None]:
    """Every summarizer built inside gets no stop words, as before our lists."""
    with mock.patch.object(sumy_summarizers, "stop_words", lambda language: frozenset()):
        yield


def stop_share(
    texts: list[str], words: frozenset[str], tokenizer: WordTokenizer
) -> tuple[int, int]:
    """(stop words, words) in texts."""
    tokens = [w.lower() for text in texts for w in tokenizer.to_words(text)]
    return sum(w in words for w in tokens), len(tokens)


def measure(file: str, half: str, lines: list[str], algorithm: str) -> Row:
    code = FILES[file]
    words = stop_words(code)
    tokenizer = WordTokenizer(code)
    articles = articles_of(lines, code, file)
    produced = same = 0
    counts = {"all": [0, 0], "without": [0, 0], "with": [0, 0]}

    def add(key: str, texts: list[str]) -> None:
        stops, total = stop_share(texts, words, tokenizer)
        counts[key][0] += stops
        counts[key][1] += total

    for article in articles:
        with_lists = summarize(article, algorithm, sentences=PICKS)
        with without_stop_words():
            without = summarize(article, algorithm, sentences=PICKS)
        if len(with_lists.sentences) == len(without.sentences) == PICKS:
            produced += 1
        add("all", [s.text for s in article.sentences])
        add("with", [s.text for s in with_lists.sentences])
        add("without", [s.text for s in without.sentences])
        same += len({s.index for s in with_lists.sentences} & {s.index for s in without.sentences})

    def share(key: str) -> float:
        stops, total = counts[key]
        return stops / total if total else 0.0

    return Row(
        file=file, half=half, algorithm=algorithm, articles=len(articles), summaries=produced,
        all_share=share("all"), share_without=share("without"), share_with=share("with"),
        same_picks=same / (PICKS * len(articles)) if articles else 0.0,
    )


def halves(path: Path) -> dict[str, list[str]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    middle = len(lines) // 2
    return {"A": lines[:middle], "B": lines[middle:]}


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    rows = []
    for file in FILES:
        for half, lines in halves(DATA / f"{file}.txt").items():
            rows.extend(measure(file, half, lines, algorithm) for algorithm in ALGORITHMS)
    print(f"{PICKS}-sentence summaries; stop share = stop words / words of the chosen "
          "sentences, without -> with the lists; same picks = share of picks unchanged.\n")
    print("| file | code | list | half | articles | summaries | stop share, all sentences | "
          + " | ".join(f"{a}: stop share | {a}: same picks" for a in ALGORITHMS) + " |")
    print("|---|---|---:|---|---:|---:|---:|" + "---:|---:|" * len(ALGORITHMS))
    failed = False
    for file in FILES:
        for half in ("A", "B"):
            mine = [r for r in rows if r.file == file and r.half == half]
            first = mine[0]
            cells = " | ".join(
                f"{r.share_without:.2f} -> {r.share_with:.2f} | {r.same_picks:.2f}" for r in mine
            )
            summaries = min(r.summaries for r in mine)
            failed |= summaries < first.articles
            print(f"| {file} | {FILES[file]} | {len(stop_words(FILES[file]))} | {half} | "
                  f"{first.articles} | {summaries} | {first.all_share:.2f} | {cells} |")
    print()
    for half in ("A", "B"):
        for algorithm in ALGORITHMS:
            mine = [r for r in rows if r.half == half and r.algorithm == algorithm]
            n = len(mine)
            print(f"half {half}, {algorithm}: mean stop share "
                  f"{sum(r.share_without for r in mine) / n:.3f} -> "
                  f"{sum(r.share_with for r in mine) / n:.3f} "
                  f"(all sentences {sum(r.all_share for r in mine) / n:.3f}); "
                  f"mean same picks {sum(r.same_picks for r in mine) / n:.2f}")
    if failed:
        print("some articles got no full summary", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
