"""LexRank with the idf-cosine matrix from term posting lists."""
from __future__ import annotations

import numpy
from sumy.summarizers.lex_rank import LexRankSummarizer

from summarizer.fast.common import FastWordsMixin, LowerCaseStopWordsMixin, Terms


class FastLexRankSummarizer(LowerCaseStopWordsMixin, FastWordsMixin, LexRankSummarizer):
    """LexRank with the idf-cosine matrix built from term posting lists.

    sumy's version computes idf with a scan of all sentences per term and the
    cosine of every pair in Python (slow on a long read). Only the
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
        terms = Terms(sentences_words)
        count = terms.sentences
        max_tf = numpy.zeros(count)
        numpy.maximum.at(max_tf, terms.rows, terms.counts)
        max_tf[max_tf == 0] = 1.0
        documents = numpy.bincount(terms.cols, minlength=terms.terms)
        idf = numpy.log(count / (1.0 + documents))
        weights = terms.counts / max_tf[terms.rows] * idf[terms.cols]
        norms = numpy.sqrt(numpy.bincount(terms.rows, weights=weights ** 2, minlength=count))
        numerators = terms.cross_products(weights)
        denominators = numpy.outer(norms, norms)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            cosine = numpy.where(denominators > 0, numerators / denominators, 0.0)
        adjacency = (cosine > threshold).astype(float)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1
        return adjacency / degrees[:, numpy.newaxis]
