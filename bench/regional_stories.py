"""Story grouping on news of Central Asia in the region's languages (regional_stories.json).

The check set was written for this project: 16 invented events of 10-24 November 2026,
each told by 3 to 5 articles in ru, kk, ky, uz (Latin), tg, tk (Latin) and en, in the
style of the region's outlets (Kazinform, 24.kg, Kun.uz, Asia-Plus, Khovar, TDH, Reuters,
RFE/RL...), each article telling its own part of the event; and 16 singles, events told
once. Several events and singles name the same leaders and countries on purpose. It is
NOT real news, and it was written knowing how grouping works: it confirms behaviour on
the region's languages rather than testing blind (bench.stories is the tuned measure).

Every article and single is one library (and each half is its own library: A, events
e01, e03... with singles s01, s03...; B, the others), in an arrival order shuffled with
a fixed seed, grouped as bench.stories.group does, each article with its day and the
library's window. The measure is pairwise precision, recall and F1 of "same story or
not"; then recall per language pair and how far the name keys of one event's articles
agree (share of one article's name-key words found in the other's, both ways).

    python -m bench.regional_stories [--verbose]
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from digest.stories.grouping import WINDOW_DAYS, Grouper, pairs_f1
from digest.stories.profile import Profile, profile

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("regional_stories.json")
SEED = 20


@dataclass(frozen=True)
class Piece:
    """One article: its key, the event it tells, its language, text and day."""

    key: str
    story: str
    language: str
    text: str
    day: int


def load(path: Path = DATA) -> tuple[list[Piece], list[Piece]]:
    """The articles of the check set, cut in halves A and B (odd and even ids)."""
    data = json.loads(path.read_text("utf-8"))
    halves: tuple[list[Piece], list[Piece]] = ([], [])
    for event in data["events"]:
        day = date.fromisoformat(event["date"]).toordinal()
        for lang, text in event["articles"].items():
            piece = Piece(f"{event['id']}/{lang}", event["id"], lang, text, day)
            halves[int(event["id"][1:]) % 2 == 0].append(piece)
    for single in data["singles"]:
        day = date.fromisoformat(single["date"]).toordinal()
        piece = Piece(f"{single['id']}/{single['language']}", single["id"],
                      single["language"], single["text"], day)
        halves[int(single["id"][1:]) % 2 == 0].append(piece)
    return halves


def arrival(pieces: list[Piece], seed: int = SEED) -> list[Piece]:
    """The pieces in a shuffled (fixed) arrival order."""
    order = sorted(pieces, key=lambda piece: piece.key)
    random.Random(seed).shuffle(order)
    return order


def group(pieces: list[Piece], profiles: dict[str, Profile]) -> dict[str, object]:
    """Stories found, as bench.stories.group, each article with its day and the window."""
    grouper = Grouper()
    grouper.window = WINDOW_DAYS
    for piece in pieces:
        grouper.index(piece.key, profiles[piece.key].features, day=piece.day)
    return grouper.regroup([piece.key for piece in pieces])


def scores(pieces: list[Piece], found: dict[str, object]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 against the events."""
    return pairs_f1({piece.key: piece.story for piece in pieces}, found)


def name_words(found: Profile) -> set[str]:
    """Every word of the article's name keys."""
    return {word for name in found.names for word in name.key.split()}


def explain(pieces: list[Piece], found: dict[str, object],
            profiles: dict[str, Profile]) -> None:
    """The missed pairs (same event, other story) and false pairs (other events, one story)."""
    print("\nmissed pairs (same event, different story):")
    for a, b in combinations(sorted(pieces, key=lambda piece: piece.key), 2):
        if a.story == b.story and found[a.key] != found[b.key]:
            shared = sorted(f for f in profiles[a.key].features & profiles[b.key].features
                            if not f.startswith("w:"))
            print(f"- {a.key} / {b.key} ({a.language}-{b.language})\n"
                  f"    {a.language}: {list(profiles[a.key].name_keys)}\n"
                  f"    {b.language}: {list(profiles[b.key].name_keys)}\n"
                  f"    shared: {shared}")
    print("\nfalse pairs (different events, same story):")
    for a, b in combinations(sorted(pieces, key=lambda piece: piece.key), 2):
        if a.story != b.story and found[a.key] == found[b.key]:
            shared = sorted(profiles[a.key].features & profiles[b.key].features)
            print(f"- {a.key} / {b.key} ({a.language}-{b.language}): {shared}")


def language_pairs(pieces: list[Piece], found: dict[str, object],
                   profiles: dict[str, Profile]) -> None:
    """Recall and names agreement per language pair, over the pairs of one event."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shares: dict[str, list[float]] = defaultdict(list)
    for a, b in combinations(sorted(pieces, key=lambda piece: piece.language), 2):
        if a.story != b.story:
            continue
        pair = f"{a.language}-{b.language}"
        counts[pair][0] += 1
        counts[pair][1] += found[a.key] == found[b.key]
        words = name_words(profiles[a.key]), name_words(profiles[b.key])
        for one, other in (words, words[::-1]):
            if one:
                shares[pair].append(len(one & other) / len(one))
    print("\n| language pair | pairs | found | recall | names agreement |")
    print("|---|---:|---:|---:|---:|")
    for pair in sorted(counts):
        total, hits = counts[pair]
        share = f"{statistics.mean(shares[pair]):.2f}" if shares[pair] else "-"
        print(f"| {pair} | {total} | {hits} | {hits / total:.2f} | {share} |")
    every = [value for values in shares.values() for value in values]
    total = sum(count[0] for count in counts.values())
    hits = sum(count[1] for count in counts.values())
    print(f"| all | {total} | {hits} | {hits / total:.2f} | {statistics.mean(every):.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.regional_stories")
    parser.add_argument("--verbose", action="store_true",
                        help="show the missed and false pairs of the whole set")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    log.setLevel(logging.INFO if args.verbose else logging.WARNING)
    half_a, half_b = load()
    everything = half_a + half_b
    profiles = {piece.key: profile(piece.text, piece.language) for piece in everything}
    log.info("%d articles profiled", len(profiles))
    print("| set | articles | events | singles | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    whole: dict[str, object] = {}
    for label, pieces in (("all", everything), ("A", half_a), ("B", half_b)):
        found = group(arrival(pieces), profiles)
        whole = whole or found
        stories = {piece.story for piece in pieces}
        singles = sum(1 for story in stories if story.startswith("s"))
        precision, recall, f1 = scores(pieces, found)
        print(f"| {label} | {len(pieces)} | {len(stories) - singles} | {singles} "
              f"| {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    stories_found = len(set(whole.values()))
    print(f"\nall: {stories_found} stories found for {len({p.story for p in everything})}")
    if args.verbose:
        explain(everything, whole, profiles)
    language_pairs(everything, whole, profiles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
