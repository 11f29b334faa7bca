"""SumBasic with each round's averages from one bincount."""
from __future__ import annotations

import numpy
from sumy.summarizers.sum_basic import SumBasicSummarizer

from summarizer.fast.common import LowerCaseStopWordsMixin, greedy_ratings


class FastSumBasicSummarizer(LowerCaseStopWordsMixin, SumBasicSummarizer):
    """SumBasic with each round's average word probabilities from one bincount.

    bincount adds in input order, which is the order of sumy's sum() over a
    sentence's words, so the averages are bit-for-bit sumy's.
    """

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        ratings = self._fast_ratings(sentences, sentences_count)
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def _fast_ratings(self, sentences, sentences_count):
        word_freq = self._compute_tf(sentences)
        vocabulary = {word: index for index, word in enumerate(word_freq)}
        probability = numpy.array(list(word_freq.values()), dtype=float)
        sentences_words = [self._get_content_words_in_sentence(s) for s in sentences]
        rows = numpy.array(
            [i for i, words in enumerate(sentences_words) for _ in words], dtype=numpy.int64
        )
        cols = numpy.array(
            [vocabulary[w] for words in sentences_words for w in words], dtype=numpy.int64
        )
        lengths = numpy.array([len(words) for words in sentences_words], dtype=float)
        count = len(sentences)

        def best_of_remaining(remaining):
            sums = numpy.bincount(rows, weights=probability[cols], minlength=count)
            with numpy.errstate(divide="ignore", invalid="ignore"):
                averages = numpy.where(lengths > 0, sums / lengths, 0.0)
            averages[~remaining] = -numpy.inf
            best = int(numpy.argmax(averages))
            for word in sentences_words[best]:
                index = vocabulary[word]
                probability[index] *= probability[index]
            return best

        return greedy_ratings(sentences, sentences_count, best_of_remaining)
