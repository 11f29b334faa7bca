"""Reduction: every pair edge summed in sumy's order."""
from __future__ import annotations

from collections import defaultdict

import numpy
from sumy.summarizers.reduction import ReductionSummarizer

from summarizer.fast.common import FastWordsMixin, LowerCaseStopWordsMixin, edge_ratings

BLOCK_CELLS = 4_000_000
"""Reduction sums this many edges at a time (about 32 MB per temporary array)."""


class FastReductionSummarizer(LowerCaseStopWordsMixin, FastWordsMixin, ReductionSummarizer):
    """Reduction with all pair edges from one matrix product.

    sumy adds each pair's edge to both sentences in itertools.combinations
    order, keyed by sentence text; cumsum over the same sequence gives the
    same floating-point sums.
    """

    def rate_sentences(self, document):
        sentences = document.sentences
        sentences_words = [self._to_words_set(s) for s in sentences]
        if len(sentences) < 2:
            return defaultdict(float)  # as sumy: a lone sentence rates 0.0
        edges = edge_ratings(sentences_words, "zero")
        members: dict = {}
        for index, sentence in enumerate(sentences):
            members.setdefault(sentence, []).append(index)
        by_size: dict[int, list] = {}
        for sentence, indexes in members.items():
            by_size.setdefault(len(indexes), []).append((sentence, indexes))
        ratings = defaultdict(float)
        for size, keys in by_size.items():
            block = max(1, BLOCK_CELLS // (size * len(sentences)))  # bounds temporary memory
            for start in range(0, len(keys), block):
                part = keys[start:start + block]
                totals = _sequential_totals(edges, numpy.array([indexes for _, indexes in part]))
                ratings.update(zip([s for s, _ in part], totals.tolist(), strict=True))
        return ratings


def _sequential_totals(edges: numpy.ndarray, members: numpy.ndarray) -> numpy.ndarray:
    """For each key (a row of member positions), its edges summed in combinations order.

    sumy walks pairs (a, b), a < b, in lexicographic order and adds the edge to
    the key of a and then to the key of b; a pair of two equal sentences adds
    twice. Each member i takes part in n - 1 pairs: (t, i) for t < i, else
    (i, t + 1). Sorting those pairs and accumulating with cumsum (sequential,
    unlike sum) reproduces sumy's floating-point totals.
    """
    count = len(edges)
    if members.shape[1] == 1:
        # one member: its pairs are already in order, and edges are symmetric, so
        # the sequence is its row without the diagonal (adding 0.0 changes nothing)
        rows = edges[members[:, 0]]
        rows[numpy.arange(len(rows)), members[:, 0]] = 0.0
        return numpy.cumsum(rows, axis=1)[:, -1]
    t = numpy.arange(count - 1)[numpy.newaxis, :]
    flats = []
    for slot in range(members.shape[1]):
        member = members[:, slot][:, numpy.newaxis]
        before = t < member
        flats.append(numpy.where(before, t * count + member, member * count + t + 1))
    flat = numpy.concatenate(flats, axis=1)
    flat.sort(axis=1)
    return numpy.cumsum(edges.ravel()[flat], axis=1)[:, -1]
