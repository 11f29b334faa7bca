"""What the fast summarizers share: sparse term counts, pair edges, greedy ratings, mixins."""
from __future__ import annotations

import math
from collections import Counter

import numpy


class Terms:
    """Sparse sentences x terms counts: (row, column, count) triplets.

    `vocabulary` maps each term to its column, numbered by first appearance.
    """

    def __init__(self, sentences_words: list[list[str]]) -> None:
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[int] = []
        for row, words in enumerate(sentences_words):
            for term, count in Counter(words).items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                vals.append(count)
        self.sentences = len(sentences_words)
        self.rows = numpy.array(rows, dtype=numpy.int64)
        self.cols = numpy.array(cols, dtype=numpy.int64)
        self.counts = numpy.array(vals, dtype=numpy.float64)
        self.vocabulary = vocabulary
        self.terms = len(vocabulary)

    def cross_products(self, values: numpy.ndarray) -> numpy.ndarray:
        """Dense sentences x sentences matrix of sum over terms of values[i,t] * values[j,t].

        Built from each term's posting list (every pair of sentences sharing
        it), which is far less work than a dense product over the whole
        vocabulary; integer inputs give exact integer sums. Terms are taken in
        blocks of at most PAIR_BLOCK pairs, so temporary memory stays bounded
        however many sentences share a word.
        """
        n = self.sentences
        order = numpy.argsort(self.cols, kind="stable")
        rows, cols, vals = self.rows[order], self.cols[order], values[order]
        sums = numpy.zeros(n * n)
        if not len(cols):
            return sums.reshape(n, n)
        starts = numpy.flatnonzero(numpy.r_[True, cols[1:] != cols[:-1]])
        sizes = numpy.diff(numpy.r_[starts, len(cols)])
        pairs_before = numpy.cumsum(sizes * sizes) - sizes * sizes
        first = 0
        while first < len(starts):
            last = int(numpy.searchsorted(pairs_before, pairs_before[first] + PAIR_BLOCK, "right"))
            last = max(last, first + 1)
            end = starts[last] if last < len(starts) else len(cols)
            _add_pairs(sums, n, rows[starts[first]:end], vals[starts[first]:end],
                       starts[first:last] - starts[first], sizes[first:last])
            first = last
        return sums.reshape(n, n)


PAIR_BLOCK = 2_000_000
"""Sentence pairs handled at once by Terms.cross_products (about 100 MB of temporaries)."""


def _add_pairs(sums, n, rows, vals, starts, sizes) -> None:
    """Add values[i] * values[j] of every pair (i, j) within each term's run to sums[i * n + j]."""
    entry_size = numpy.repeat(sizes, sizes)
    entry_start = numpy.repeat(starts, sizes)
    left = numpy.repeat(numpy.arange(len(rows)), entry_size)
    block_start = numpy.cumsum(entry_size) - entry_size
    within = numpy.arange(len(left)) - numpy.repeat(block_start, entry_size)
    right = numpy.repeat(entry_start, entry_size) + within
    flat = rows[left] * n + rows[right]
    sums += numpy.bincount(flat, weights=vals[left] * vals[right], minlength=n * n)


def log_lengths(sentences_words: list[list[str]]) -> numpy.ndarray:
    """math.log of each sentence length (as sumy computes it), 0 for empty ones."""
    return numpy.array([math.log(len(words)) if words else 0.0 for words in sentences_words])


class LowerCaseStopWordsMixin:
    """Takes stop words as given: summarizer.language.stop_words are lower-case already.

    sumy's setter lower-cases the whole list again for every new summarizer, a large
    share of a warm summary of a short article.
    """

    _stop_words: frozenset[str] = frozenset()

    @property
    def stop_words(self):
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words):
        self._stop_words = frozenset(words)


class FastWordsMixin:
    """sumy's _to_words_set in one comprehension: lower, drop stop words, stem.

    stem_word(w) is stemmer(w.lower()), and w is already lower-cased here.
    """

    def _to_words_set(self, sentence):
        stop_words = self._stop_words
        stem = self._stemmer
        lowered = (word.lower() for word in sentence.words)
        return [stem(word) for word in lowered if word not in stop_words]


def edge_ratings(sentences_words: list[list[str]], zero_norm_value: str) -> numpy.ndarray:
    """sumy's pairwise edge: shared word occurrences / (log len1 + log len2).

    Built in place: on long texts these sentence x sentence arrays dominate memory.
    """
    terms = Terms(sentences_words)
    shared = terms.cross_products(terms.counts)
    logs = log_lengths(sentences_words)
    edges = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
    zero_norm = edges == 0.0
    with numpy.errstate(divide="ignore", invalid="ignore"):
        numpy.divide(shared, edges, out=edges)
    edges[zero_norm] = shared[zero_norm] if zero_norm_value == "rank" else 0.0
    edges[shared == 0] = 0.0
    return edges


def _has_equal_sentences(sentences) -> bool:
    return len(set(sentences)) < len(sentences)


def greedy_ratings(sentences, sentences_count, best_of_remaining) -> dict:
    """sumy's KL/SumBasic bookkeeping: the k-th removed sentence gets -len(ratings).

    Ratings are keyed by sentence text, so a repeated sentence overwrites its
    key later on; only then must the loop run to the end. Otherwise the first
    `sentences_count` removals are the picks and the rest rank below them.
    """
    ratings: dict = {}
    remaining = numpy.ones(len(sentences), dtype=bool)
    rounds = len(sentences)
    if not _has_equal_sentences(sentences):
        rounds = min(rounds, int(sentences_count))
    for _ in range(rounds):
        best = best_of_remaining(remaining)
        remaining[best] = False
        ratings[sentences[best]] = -1 * len(ratings)
    floor = -len(sentences)
    for index in numpy.flatnonzero(remaining):
        ratings.setdefault(sentences[index], floor)
    return ratings
