"""Story grouping across languages (issue #20), on parallel-docs-dev.

The same 298 short documents in en, ru, tr, de, fr. A *story* is one document told by
2 to 4 articles, each in another language and each telling its own part of it (a run
of its sentences); a document *reported once* is one article, in one language, whole.
Each half of the documents (A: even positions in name order, B: odd) makes its own
library: half of its documents (drawn with a fixed seed) are stories, the others are
reported once. The measure is pairwise F1 of "same story or not" over all pairs.

Parts are told three ways (`--parts`):
- `whole`: every article tells the whole document;
- `overlap` (the judged-like setting): a run of n//2 + 1 of the n sentences, the runs
  spread from the first sentence to the last, so neighbours share a sentence;
- `halves`: a run of ceil(n/2) sentences, spread the same way: with 2 or 4 sentences the
  articles share no sentence at all, only what the document repeats.

Also: the names of one story's articles in two languages agree (the share of one
article's name keys found in the other's, both whole documents), and speed on a library
of 10,000 articles made from the documents (each sentence run in each language, with a
number added so that no two are the same text): adding one, and regrouping all.

    python -m bench.stories [--parts overlap|halves|whole] [--threshold T]
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass

from articles.segmentation import split_sentences
from bench.data import data_dir
from digest.stories.grouping import Grouper, pairs_f1
from digest.stories.profile import profile

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ru", "tr", "de", "fr")
SEED = 20


@dataclass(frozen=True)
class Piece:
    key: str
    story: str
    language: str
    text: str


def documents() -> dict[str, dict[str, list[str]]]:
    """Document id -> language -> its sentences (aligned by position when every language
    splits the document into the same number; else the whole text as one part)."""
    folder = data_dir("parallel-docs-dev")
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted((folder / "en").glob("*.txt")):
        texts = {lang: (folder / lang / path.name).read_text("utf-8").strip()
                 for lang in LANGUAGES}
        split = {lang: split_sentences(text, lang) for lang, text in texts.items()}
        if len({len(sentences) for sentences in split.values()}) > 1:
            split = {lang: [text] for lang, text in texts.items()}
        found[path.stem] = split
    return found


def halves(ids: list[str]) -> dict[str, list[str]]:
    return {"A": ids[0::2], "B": ids[1::2]}


def _span(n: int, parts: str, index: int, count: int) -> tuple[int, int]:
    if parts == "whole":
        return 0, n
    length = n // 2 + 1 if parts == "overlap" else math.ceil(n / 2)
    length = min(length, n)
    last_start = n - length
    start = round(index * last_start / (count - 1)) if count > 1 else 0
    return start, start + length


def library(docs: dict[str, dict[str, list[str]]], ids: list[str], parts: str,
            seed: int = SEED) -> list[Piece]:
    """The articles of one half: stories told in 2-4 languages, the rest reported once."""
    rng = random.Random(seed)
    chosen = sorted(ids)
    rng.shuffle(chosen)
    told = set(chosen[: len(chosen) // 2])
    pieces: list[Piece] = []
    for doc in sorted(ids):
        if doc in told:
            count = rng.randint(2, 4)
            languages = rng.sample(LANGUAGES, count)
            for index, lang in enumerate(languages):
                sentences = docs[doc][lang]
                start, end = _span(len(sentences), parts, index, count)
                text = " ".join(sentences[start:end])
                pieces.append(Piece(f"{doc}/{lang}", doc, lang, text))
        else:
            lang = rng.choice(LANGUAGES)
            pieces.append(Piece(f"{doc}/{lang}", doc, lang, " ".join(docs[doc][lang])))
    rng.shuffle(pieces)  # arrival order
    return pieces


def group(pieces: list[Piece], threshold: float | None = None) -> dict[str, object]:
    grouper = Grouper() if threshold is None else Grouper(threshold=threshold)
    for piece in pieces:
        grouper.index(piece.key, profile(piece.text, piece.language).features)
    return grouper.regroup([piece.key for piece in pieces])


def grouping_scores(docs, parts: str, threshold: float | None) -> dict[str, tuple]:
    scores = {}
    for half, ids in halves(sorted(docs)).items():
        pieces = library(docs, ids, parts)
        found = group(pieces, threshold)
        truth = {piece.key: piece.story for piece in pieces}
        told = len({p.story for p in pieces}) - sum(
            1 for s in {p.story for p in pieces} if sum(q.story == s for q in pieces) == 1)
        scores[half] = (*pairs_f1(truth, found), len(pieces), told)
    return scores


def name_overlap(docs) -> dict[str, float]:
    """Per language pair (en-X): share of the English article's name keys (each word of
    a name) found among the other language's, over documents where English has names."""
    shares: dict[str, list[float]] = {}
    cache = {}
    for doc, by_language in docs.items():
        for lang in LANGUAGES:
            cache[doc, lang] = {
                word for name in profile(" ".join(by_language[lang]), lang).names
                for word in name.key.split()
            }
    for lang in LANGUAGES[1:]:
        values = []
        for doc in docs:
            english = cache[doc, "en"]
            if english:
                values.append(len(english & cache[doc, lang]) / len(english))
        shares[lang] = statistics.mean(values)
    return shares


def speed(docs, size: int = 10_000) -> tuple[float, float, float]:
    """(median ms to add one article to `size`, p95 ms, seconds to regroup all)."""
    rng = random.Random(SEED)
    items = []
    ids = sorted(docs)
    number = 0
    while len(items) < size + 50:
        doc = ids[number % len(ids)]
        lang = LANGUAGES[(number // len(ids)) % len(LANGUAGES)]
        sentences = docs[doc][lang]
        start = rng.randrange(len(sentences))
        text = " ".join(sentences[start:]) + f" {rng.randint(10, 10**6)}"
        items.append((f"{number}", lang, text))
        number += 1
    grouper = Grouper()
    profiles = {key: profile(text, lang).features for key, lang, text in items}
    for key, _, _ in items[:size]:
        grouper.index(key, profiles[key])
    started = time.perf_counter()
    grouper.regroup([key for key, _, _ in items[:size]])
    regroup_seconds = time.perf_counter() - started
    timings = []
    for key, lang, text in items[size:]:
        started = time.perf_counter()
        grouper.assign(key, profile(text, lang).features)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)], regroup_seconds


def library_speed(docs, size: int = 10_000) -> tuple[float, ...]:
    """Through the library (digest.stories.Stories over SQLite): (seconds to profile the
    articles, seconds to regroup all, seconds of the first assign (loading the library's
    features into memory), median and p95 ms to assign one new article after it, seconds
    to list every story)."""
    import tempfile
    from pathlib import Path

    from digest.library.store import Library
    from digest.stories import Stories

    rng = random.Random(SEED)
    ids = sorted(docs)
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "library.sqlite3")
        items = []
        for number in range(size + 20):
            doc = ids[number % len(ids)]
            lang = LANGUAGES[(number // len(ids)) % len(LANGUAGES)]
            sentences = docs[doc][lang]
            text = " ".join(sentences[rng.randrange(len(sentences)):]) + f" {number}"
            items.append({"name": f"{number}.txt", "original": text.encode(), "text": text,
                          "title": "", "detected": lang, "language": lang})
        library.add_many(items[:size])
        stories = Stories(library)
        started = time.perf_counter()
        for article in library.articles():
            stories.profile_article(article.id)
        profiled = time.perf_counter() - started
        started = time.perf_counter()
        stories.regroup()
        regrouped = time.perf_counter() - started
        timings = []
        library.add_many([items[size]])
        started = time.perf_counter()
        stories.assign(library.find(hashlib.sha256(items[size]["original"]).hexdigest()).id)
        loaded = time.perf_counter() - started
        for item in items[size + 1:]:
            library.add_many([item])
            article_id = library.find(hashlib.sha256(item["original"]).hexdigest()).id
            started = time.perf_counter()
            stories.assign(article_id)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        started = time.perf_counter()
        listed = len(stories.list())
        listing = time.perf_counter() - started
        log.info("%d stories listed", listed)
        return (profiled, regrouped, loaded, statistics.median(timings),
                timings[int(len(timings) * 0.95)], listing)


def _metadata_child(conn, job) -> None:
    from articles.metadata import file_metadata
    from bench.summarizer_limits import reset_peak, rss_mb

    data, name = job
    measured = reset_peak()
    started = time.perf_counter()
    found = file_metadata(data, name, text=data[:100_000].decode("utf-8", "replace"))
    elapsed = time.perf_counter() - started
    conn.send((elapsed, rss_mb("VmHWM") if measured else float("nan"),
               f"{found.outlet!r} {found.published}"))
    conn.close()


def hostile_metadata() -> None:
    """Outlet and date read from every hostile file of bench.hostile_formats (each in a
    forked child: time and peak memory), as the reading of the same files is measured."""
    from bench.hostile_formats import cases
    from bench.summarizer_limits import in_child

    print("\n| hostile file | metadata read in | peak RSS | found |")
    print("|---|---:|---:|---|")
    own = [
        ('HTML "<meta " x 200,000 in its head', "a.html",
         ("<html><head>" + "<meta property=og:site_name content=x " * 200_000).encode()),
        ("HTML JSON-LD nested 100,000 deep", "a.html",
         ('<html><head><script type="application/ld+json">' + "[" * 100_000
          + "</script></head><body><p>text</p></body></html>").encode()),
        ("HTML 2,000 JSON-LD blocks", "a.html", (
            "<html><head>" + '<script type="application/ld+json">{"datePublished": 1}</script>'
            * 2_000 + "</head></html>").encode()),
    ]
    for label, name, data in [*cases(), *own]:
        result = in_child(_metadata_child, (data, name))
        if result is None:
            print(f"| {label} | killed | | |", flush=True)
            continue
        elapsed, peak, found = result
        print(f"| {label} | {elapsed:.3f} s | {peak:.0f} MB | {found} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stories")
    parser.add_argument("--parts", choices=("overlap", "halves", "whole", "all"), default="all")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--hostile-only", action="store_true",
                        help="only the metadata of bench.hostile_formats's files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.hostile_only:
        hostile_metadata()
        return 0
    docs = documents()
    settings = ("overlap", "halves", "whole") if args.parts == "all" else (args.parts,)
    print("| parts | half | articles | stories told 2-4 times | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for parts in settings:
        for half, (precision, recall, f1, count, told) in grouping_scores(
                docs, parts, args.threshold).items():
            print(f"| {parts} | {half} | {count} | {told} | {precision:.3f} | {recall:.3f} "
                  f"| {f1:.3f} |", flush=True)
    shares = name_overlap(docs)
    print("\nnames of the English article found in the other language's (whole documents):")
    print(", ".join(f"en-{lang} {share:.2f}" for lang, share in shares.items()))
    if not args.no_speed:
        median, p95, regroup = speed(docs)
        print(f"\nlibrary of 10,000: add one article median {median:.1f} ms, p95 {p95:.1f} ms"
              f" (profile included); regroup all {regroup:.1f} s")
        profiled, regrouped, loaded, median, p95, listing = library_speed(docs)
        print(f"through the library (SQLite): profiling 10,000 articles {profiled:.0f} s; "
              f"regroup all {regrouped:.1f} s; first assign (loads the features) "
              f"{loaded:.1f} s; then one new article median {median:.0f} ms, p95 {p95:.0f} ms"
              f" (its profile, outlet and date included); every story listed {listing:.1f} s")
    hostile_metadata()
    return 0


if __name__ == "__main__":
    sys.exit(main())
