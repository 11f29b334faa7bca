"""LSA ratings as column norms (no SVD when every dimension is kept)."""
from __future__ import annotations

import numpy
from sumy.summarizers.lsa import LsaSummarizer

from summarizer.fast.common import LowerCaseStopWordsMixin


class FastLsaSummarizer(LowerCaseStopWordsMixin, LsaSummarizer):
    """LSA without the cost of the SVD when every dimension is kept.

    sumy rates sentence i as sqrt(sum_k sigma_k^2 v_ki^2) over the first
    max(3, rank * REDUCTION_RATIO) dimensions. With sumy's REDUCTION_RATIO of
    1 that is every dimension, and since A = U S V^T with orthonormal U, the
    sum is the squared length of column i of A: the same rating, without an
    SVD that takes most of a minute on a 35,000-word text. With a smaller
    ratio the SVD is still computed, and the per-cell loops are array
    operations either way.
    """

    def __call__(self, document, sentences_count):
        if self.REDUCTION_RATIO < 1:
            return super().__call__(document, sentences_count)
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        matrix = self._compute_term_frequency(self._create_matrix(document, dictionary))
        ranks = iter(numpy.sqrt((matrix ** 2).sum(axis=0)).tolist())
        return self._get_best_sentences(document.sentences, sentences_count, lambda s: next(ranks))

    def _create_matrix(self, document, dictionary):
        """sumy's matrix without its "fewer words than sentences" warning.

        The summary is made all the same, and a warning on stderr would only
        confuse CLI users with very short or repetitive texts.
        """
        matrix = numpy.zeros((len(dictionary), len(document.sentences)))
        for col, sentence in enumerate(document.sentences):
            for word in map(self.stem_word, sentence.words):
                if word in dictionary:
                    matrix[dictionary[word], col] += 1
        return matrix

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
