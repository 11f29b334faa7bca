"""Luhn with its significant words in a set."""
from __future__ import annotations

from sumy.summarizers.luhn import LuhnSummarizer

from summarizer.fast.common import LowerCaseStopWordsMixin


class FastLuhnSummarizer(LowerCaseStopWordsMixin, LuhnSummarizer):
    """Luhn with its significant words in a set: sumy scans a tuple for every word."""

    def __call__(self, document, sentences_count):
        words = frozenset(self._get_significant_words(document.words))
        return self._get_best_sentences(
            document.sentences, sentences_count, self.rate_sentence, words
        )
