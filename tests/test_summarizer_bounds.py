"""Huge articles are read up to a documented bound, and the summary says so."""
import random

import numpy
import pytest

from articles.model import Article, Sentence
from summarizer import bounds, summarize
from summarizer.algorithms import ALGORITHMS
from summarizer.fast import common

SYLLABLES = ["ka", "ro", "mi", "tu", "sen", "dal", "po", "ver", "lin", "gos", "an", "el"]


def word_list(count: int, rng: random.Random) -> list[str]:
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def long_article(sentences: int, words_each: int = 12, seed: int = 0) -> Article:
    """Distinct sentences of made-up words, ten to a paragraph."""
    rng = random.Random(seed)
    vocabulary = word_list(3000, rng)
    texts = [" ".join(rng.choice(vocabulary) for _ in range(words_each)).capitalize() + "."
             for _ in range(sentences)]
    paragraphs = tuple(" ".join(texts[i:i + 10]) for i in range(0, sentences, 10))
    return Article(
        name="long.txt", title="A very long page", paragraphs=paragraphs,
        sentences=tuple(Sentence(text, n // 10) for n, text in enumerate(texts)), language="en",
    )


def test_an_article_over_max_sentences_is_summarized_from_its_start_with_a_note():
    source = long_article(bounds.MAX_SENTENCES + 500)
    summary = summarize(source, sentences=5)
    assert summary.note == (
        f"Summarized from the first {bounds.MAX_SENTENCES:,} sentences of "
        f"{bounds.MAX_SENTENCES + 500:,}."
    )
    assert len(summary.sentences) == 5
    assert all(s.index < bounds.MAX_SENTENCES for s in summary.sentences)
    assert summary.stats.sentences == bounds.MAX_SENTENCES + 500  # the counts are the whole's


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_reads_only_the_window(algorithm, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_SENTENCES", 40)
    source = long_article(100)
    summary = summarize(source, algorithm, ratio=1.0)
    assert [s.index for s in summary.sentences] == list(range(40))
    assert summary.note == "Summarized from the first 40 sentences of 100."


def test_the_window_also_ends_at_max_words():
    source = long_article(1000, words_each=100)
    summary = summarize(source, sentences=3)
    readable = bounds.MAX_WORDS // 100
    assert summary.note == f"Summarized from the first {readable:,} sentences of 1,000."
    assert all(s.index < readable for s in summary.sentences)


def test_a_news_sized_article_has_no_note():
    assert summarize(long_article(300)).note is None


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_one_huge_unsegmented_sentence_is_rated_on_its_start(algorithm):
    rng = random.Random(1)
    vocabulary = word_list(500, rng)
    huge = " ".join(rng.choice(vocabulary) for _ in range(200_000))  # about 1.5 MB
    source = Article(
        name="huge.txt", title="", paragraphs=(huge,),
        sentences=(Sentence(huge, 0), Sentence("A short closing line.", 1)), language="en",
    )
    summary = summarize(source, algorithm, sentences=2)
    assert [s.index for s in summary.sentences] == [0, 1]
    assert summary.sentences[0].text == huge  # shown whole, rated on its start
    assert summary.stats.words == 200_004


def test_cross_products_in_blocks_equal_the_dense_product(monkeypatch):
    rng = random.Random(2)
    vocabulary = word_list(40, rng)
    sentences = [[rng.choice(vocabulary) for _ in range(rng.randint(0, 9))] for _ in range(60)]
    terms = common.Terms(sentences)
    dense = numpy.zeros((terms.sentences, terms.terms))
    numpy.add.at(dense, (terms.rows, terms.cols), terms.counts)
    whole = terms.cross_products(terms.counts)
    monkeypatch.setattr(common, "PAIR_BLOCK", 7)  # many blocks, some of one big term
    blocked = terms.cross_products(terms.counts)
    assert numpy.array_equal(whole, dense @ dense.T)
    assert numpy.array_equal(blocked, whole)
