"""numpy versions of the sumy summarizers that are quadratic in pure Python.

Each class subclasses sumy's own and replaces only the rating arithmetic, so
selection, stop words and stemming stay sumy's. They reproduce sumy's
floating-point operations in the same order where the order matters
(sequential sums via cumsum, math.log per sentence), so they pick the same
sentences; tests/test_summarizer_fast.py checks that against sumy's classes.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer


def _count_matrix(sentences_words: list[list[str]]) -> numpy.ndarray:
    """Sentences x terms matrix of term counts (float64, exact for counts)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[int] = []
    for row, words in enumerate(sentences_words):
        for term, count in Counter(words).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(count)
    matrix = numpy.zeros((len(sentences_words), len(vocabulary)))
    matrix[rows, cols] = vals
    return matrix


def _log_lengths(sentences_words: list[list[str]]) -> numpy.ndarray:
    """math.log of each sentence length (as sumy computes it), 0 for empty ones."""
    return numpy.array([math.log(len(words)) if words else 0.0 for words in sentences_words])


class FastLexRankSummarizer(LexRankSummarizer):
    """LexRank with the idf-cosine matrix built by matrix products.

    sumy's version computes idf with a scan of all sentences per term and the
    cosine of every pair in Python (about 12 s for 35,000 words). Only the
    thresholded 0/1 matrix reaches the power method, which is sumy's own.
    """

    def __call__(self, document, sentences_count):
        self._ensure_dependencies_installed()
        sentences = document.sentences
        sentences_words = [self._to_words_set(s) for s in sentences]
        if not sentences_words:
            return ()
        matrix = self._similarity_matrix(sentences_words, self.threshold)
        scores = self.power_method(matrix, self.epsilon)
        ratings = dict(zip(sentences, scores, strict=True))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    @staticmethod
    def _similarity_matrix(sentences_words, threshold):
        counts = _count_matrix(sentences_words)
        count = len(sentences_words)
        max_tf = counts.max(axis=1, initial=0.0)
        max_tf[max_tf == 0] = 1.0
        tf = counts / max_tf[:, numpy.newaxis]
        present = counts > 0
        documents = present.sum(axis=0)
        idf = numpy.log(count / (1.0 + documents))
        weights = tf * idf
        norms = numpy.sqrt((weights ** 2).sum(axis=1))
        shared = documents > 1  # a term in one sentence only adds to its own norm
        shared_weights = weights[:, shared]
        numerators = shared_weights @ shared_weights.T
        numpy.fill_diagonal(numerators, norms ** 2)
        denominators = numpy.outer(norms, norms)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            cosine = numpy.where(denominators > 0, numerators / denominators, 0.0)
        adjacency = (cosine > threshold).astype(float)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1
        return adjacency / degrees[:, numpy.newaxis]


def _edge_ratings(sentences_words: list[list[str]], zero_norm_value: str) -> numpy.ndarray:
    """sumy's pairwise edge: shared word occurrences / (log len1 + log len2)."""
    counts = _count_matrix(sentences_words)
    shared = counts @ counts.T
    logs = _log_lengths(sentences_words)
    norms = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
    with numpy.errstate(divide="ignore", invalid="ignore"):
        edges = shared / norms
    zero_norm = norms == 0.0
    edges[zero_norm] = shared[zero_norm] if zero_norm_value == "rank" else 0.0
    edges[shared == 0] = 0.0
    return edges


class FastTextRankSummarizer(TextRankSummarizer):
    """TextRank with the weight matrix built by one matrix product."""

    def _create_matrix(self, document):
        sentences_words = [self._to_words_set(s) for s in document.sentences]
        count = len(sentences_words)
        # sumy's isclose(norm, 0) only holds when both sentences have one word (norm == 0)
        weights = _edge_ratings(sentences_words, "rank")
        weights /= (weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION)
        return numpy.full((count, count), (1. - self.damping) / count) + self.damping * weights


class FastReductionSummarizer(ReductionSummarizer):
    """Reduction with all pair edges from one matrix product.

    sumy adds each pair's edge to both sentences in itertools.combinations
    order, keyed by sentence text; cumsum over the same sequence gives the
    same floating-point sums.
    """

    def rate_sentences(self, document):
        sentences = document.sentences
        sentences_words = [self._to_words_set(s) for s in sentences]
        count = len(sentences)
        if count < 2:
            return {}
        edges = _edge_ratings(sentences_words, "zero")
        members: dict = {}
        for index, sentence in enumerate(sentences):
            members.setdefault(sentence, []).append(index)
        ratings = {}
        for sentence, indexes in members.items():
            if len(indexes) == 1:
                (i,) = indexes
                sequence = numpy.concatenate((edges[:i, i], edges[i, i + 1:]))
            else:
                sequence = _shared_key_sequence(edges, indexes, count)
            ratings[sentence] = float(numpy.cumsum(sequence)[-1]) if len(sequence) else 0.0
        return ratings


def _shared_key_sequence(edges: numpy.ndarray, indexes: list[int], count: int) -> numpy.ndarray:
    """Edges added to one dict key shared by equal sentences, in combinations order."""
    pairs = []
    for i in indexes:
        pairs.extend((a, i) for a in range(i))
        pairs.extend((i, b) for b in range(i + 1, count))
    pairs.sort()
    return numpy.array([edges[a, b] for a, b in pairs])


class FastLsaSummarizer(LsaSummarizer):
    """LSA whose per-cell loops (term frequency, ranks) are array operations."""

    def _compute_term_frequency(self, matrix, smooth=0.4):
        assert 0.0 <= smooth < 1.0
        max_word_frequencies = numpy.max(matrix, axis=0)
        safe = numpy.where(max_word_frequencies != 0, max_word_frequencies, 1.0)
        smoothed = smooth + (1.0 - smooth) * (matrix / safe)
        return numpy.where(max_word_frequencies != 0, smoothed, matrix)

    def _compute_ranks(self, sigma, v_matrix):
        assert len(sigma) == v_matrix.shape[0], "Matrices should be multiplicable"
        dimensions = max(self.MIN_DIMENSIONS, int(len(sigma) * self.REDUCTION_RATIO))
        powered_sigma = numpy.array(
            [s ** 2 if i < dimensions else 0.0 for i, s in enumerate(sigma)]
        )
        terms = powered_sigma[:, numpy.newaxis] * v_matrix ** 2
        return list(numpy.sqrt(numpy.cumsum(terms, axis=0)[-1])) if len(terms) else []
