"""numpy versions of the sumy summarizers that are quadratic in pure Python.

Each class subclasses sumy's own and replaces only the rating arithmetic (and
the stop-word setter, see LowerCaseStopWordsMixin), so selection, stop words
and stemming stay sumy's. TextRank, Reduction, SumBasic
and Luhn reproduce sumy's floating-point operations in sumy's order
(sequential sums via cumsum/bincount, math.log per sentence): the same scores
bit for bit. LexRank only thresholds its cosines, KL-Sum sums the same terms
in another order, LSA skips an SVD that changes nothing but rounding: the same
picks except on exact ties (see FastLsaSummarizer).
tests/test_summarizer_fast.py checks all of them against sumy's classes.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer


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
        vocabulary; integer inputs give exact integer sums.
        """
        n = self.sentences
        order = numpy.argsort(self.cols, kind="stable")
        rows, cols, vals = self.rows[order], self.cols[order], values[order]
        if not len(cols):
            return numpy.zeros((n, n))
        starts = numpy.flatnonzero(numpy.r_[True, cols[1:] != cols[:-1]])
        sizes = numpy.diff(numpy.r_[starts, len(cols)])
        entry_size = numpy.repeat(sizes, sizes)
        entry_start = numpy.repeat(starts, sizes)
        left = numpy.repeat(numpy.arange(len(cols)), entry_size)
        block_start = numpy.cumsum(entry_size) - entry_size
        within = numpy.arange(len(left)) - numpy.repeat(block_start, entry_size)
        right = numpy.repeat(entry_start, entry_size) + within
        flat = rows[left] * n + rows[right]
        sums = numpy.bincount(flat, weights=vals[left] * vals[right], minlength=n * n)
        return sums.reshape(n, n)


def _log_lengths(sentences_words: list[list[str]]) -> numpy.ndarray:
    """math.log of each sentence length (as sumy computes it), 0 for empty ones."""
    return numpy.array([math.log(len(words)) if words else 0.0 for words in sentences_words])


class LowerCaseStopWordsMixin:
    """Takes stop words as given: summarizer.language.stop_words are lower-case already.

    sumy's setter lower-cases the whole list again for every new summarizer,
    about 0.25 ms for 560 words, a third of a warm summary of a short article.
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


class FastLexRankSummarizer(LowerCaseStopWordsMixin, FastWordsMixin, LexRankSummarizer):
    """LexRank with the idf-cosine matrix built from term posting lists.

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


def _edge_ratings(sentences_words: list[list[str]], zero_norm_value: str) -> numpy.ndarray:
    """sumy's pairwise edge: shared word occurrences / (log len1 + log len2).

    Built in place: on long texts these sentence x sentence arrays dominate memory.
    """
    terms = Terms(sentences_words)
    shared = terms.cross_products(terms.counts)
    logs = _log_lengths(sentences_words)
    edges = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
    zero_norm = edges == 0.0
    with numpy.errstate(divide="ignore", invalid="ignore"):
        numpy.divide(shared, edges, out=edges)
    edges[zero_norm] = shared[zero_norm] if zero_norm_value == "rank" else 0.0
    edges[shared == 0] = 0.0
    return edges


class FastTextRankSummarizer(LowerCaseStopWordsMixin, FastWordsMixin, TextRankSummarizer):
    """TextRank with the weight matrix built by one matrix product."""

    def _create_matrix(self, document):
        sentences_words = [self._to_words_set(s) for s in document.sentences]
        count = len(sentences_words)
        # sumy's isclose(norm, 0) only holds when both sentences have one word (norm == 0)
        weights = _edge_ratings(sentences_words, "rank")
        weights /= (weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION)
        return numpy.full((count, count), (1. - self.damping) / count) + self.damping * weights


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
        edges = _edge_ratings(sentences_words, "zero")
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


class FastLuhnSummarizer(LowerCaseStopWordsMixin, LuhnSummarizer):
    """Luhn with its significant words in a set: sumy scans a tuple for every word."""

    def __call__(self, document, sentences_count):
        words = frozenset(self._get_significant_words(document.words))
        return self._get_best_sentences(
            document.sentences, sentences_count, self.rate_sentence, words
        )


def _has_equal_sentences(sentences) -> bool:
    return len(set(sentences)) < len(sentences)


def _greedy_ratings(sentences, sentences_count, best_of_remaining) -> dict:
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

        return _greedy_ratings(sentences, sentences_count, best_of_remaining)


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
            return _greedy_ratings(sentences, sentences_count, lambda left: int(numpy.argmax(left)))
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

        return _greedy_ratings(sentences, sentences_count, best_of_remaining)
