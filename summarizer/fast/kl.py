"""KL-Sum with each round's divergences for all sentences at once."""
from __future__ import annotations

import numpy
from sumy.summarizers.kl import KLSummarizer

from summarizer.fast.common import LowerCaseStopWordsMixin, Terms, greedy_ratings


class FastKLSummarizer(LowerCaseStopWordsMixin, KLSummarizer):
    """KL-Sum with each round's divergences computed for all sentences at once.

    sumy joins every candidate's word list with the summary's and recounts
    them (cubic in the number of sentences). Here the divergence is split into
    terms the summary shares with a candidate and terms it does not, which is
    the same sum in a different order: picks match sumy's except on exact
    floating-point near-ties.
    """

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        ratings = self._fast_ratings(sentences, sentences_count)
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def _fast_ratings(self, sentences, sentences_count):
        sentences_words = [self._get_content_words_in_sentence(s) for s in sentences]
        if not any(sentences_words):  # nothing to compare: sumy's divergences are all 0
            return greedy_ratings(sentences, sentences_count, lambda left: int(numpy.argmax(left)))
        doc_freq = self.compute_tf(sentences)
        vocabulary = {word: index for index, word in enumerate(doc_freq)}
        frequency = numpy.array(list(doc_freq.values()), dtype=float)
        log_frequency = numpy.log(frequency)
        terms = Terms(sentences_words)
        # map Terms' columns to doc_freq's
        to_doc = numpy.array([vocabulary[word] for word in terms.vocabulary], dtype=numpy.int64)
        rows, counts, cols = terms.rows, terms.counts, to_doc[terms.cols]
        entry_freq, entry_log_freq = frequency[cols], log_frequency[cols]
        lengths = numpy.array([len(words) for words in sentences_words], dtype=float)
        summary_counts = numpy.zeros(len(frequency))
        summary_length = 0
        count = len(sentences)

        def best_of_remaining(remaining):
            nonlocal summary_length
            shared = summary_counts > 0
            log_shared = numpy.log(summary_counts[shared])
            base = numpy.sum(frequency[shared] * (log_frequency[shared] - log_shared))
            base_mass = numpy.sum(frequency[shared])
            entry_summary = summary_counts[cols]
            in_summary = entry_summary > 0
            with numpy.errstate(divide="ignore"):
                own = numpy.where(
                    in_summary,
                    entry_freq * (numpy.log(entry_summary) - numpy.log(counts + entry_summary)),
                    entry_freq * (entry_log_freq - numpy.log(counts)),
                )
            mass = numpy.where(in_summary, 0.0, entry_freq)
            corrections = numpy.bincount(rows, weights=own, minlength=count)
            masses = numpy.bincount(rows, weights=mass, minlength=count) + base_mass
            totals = lengths + summary_length
            with numpy.errstate(divide="ignore", invalid="ignore"):
                log_totals = numpy.where(totals > 0, numpy.log(totals), 0.0)
            divergences = base + corrections + log_totals * masses
            divergences[~remaining] = numpy.inf
            best = int(numpy.argmin(divergences))
            for word in sentences[best].words:  # sumy joins the summary's raw words
                summary_length += 1
                index = vocabulary.get(word)
                if index is not None:
                    summary_counts[index] += 1
            return best

        return greedy_ratings(sentences, sentences_count, best_of_remaining)
