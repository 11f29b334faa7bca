"""TextRank with the weight matrix from shared-word edges."""
from __future__ import annotations

import numpy
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer.fast.common import FastWordsMixin, LowerCaseStopWordsMixin, edge_ratings


class FastTextRankSummarizer(LowerCaseStopWordsMixin, FastWordsMixin, TextRankSummarizer):
    """TextRank with the weight matrix built by one matrix product."""

    def _create_matrix(self, document):
        sentences_words = [self._to_words_set(s) for s in document.sentences]
        count = len(sentences_words)
        # sumy's isclose(norm, 0) only holds when both sentences have one word (norm == 0)
        weights = edge_ratings(sentences_words, "rank")
        weights /= (weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION)
        return numpy.full((count, count), (1. - self.damping) / count) + self.damping * weights
