"""summarize(): every algorithm, languages, length, order, indices, title, stats."""
import nltk
import pytest

from articles.building import build_article
from articles.model import Article, Sentence
from summarizer import DEFAULT_SENTENCES, summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.language import has_stemmer, stemmer, stop_words
from summarizer.stats import READING_WPM, count_words
from summarizer.tokenizer import WordTokenizer
from tests.test_summarizer_texts import TEXTS


def article(language: str) -> Article:
    return build_article(f"{language}.txt", TEXTS[language], language=language)


@pytest.fixture(autouse=True)
def no_punkt(monkeypatch):
    """nltk data is not installed and must not be looked up: fail loudly if it is."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"nltk data lookup: {args}")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)


def test_the_punkt_guard_catches_sumys_default_tokenizer():
    from sumy.nlp.tokenizers import Tokenizer

    with pytest.raises(AssertionError, match="nltk data lookup"):
        Tokenizer("english")
    with pytest.raises(AssertionError, match="nltk data lookup"):
        nltk.word_tokenize("Hello there. General Kenobi.")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_picks_body_sentences_in_document_order(algorithm, language):
    source = article(language)
    assert len(source.sentences) == 15 and source.title
    summary = summarize(source, algorithm, sentences=4)
    indexes = [s.index for s in summary.sentences]
    assert len(indexes) == 4
    assert indexes == sorted(indexes) and len(set(indexes)) == 4
    for chosen in summary.sentences:
        assert chosen.text == source.sentences[chosen.index].text
        assert chosen.text != source.title
        assert isinstance(chosen.score, float)
    assert summary.algorithm == algorithm and summary.language == language


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_title_is_never_chosen_even_when_it_is_the_best_match(algorithm):
    body = "\n\n".join([
        "Rain fell on the hills for most of the week.",
        "Clouds stayed low over the valley and the farms.",
        "The weather service expects a dry weekend.",
        "Schools in the north opened late on Tuesday.",
    ])
    title = "Flood flood river river flood warning"
    text = f"{title}\n\n{body}\n\nRiver flood warning for the lower town tonight."
    source = build_article("t.txt", text, "en")
    summary = summarize(source, algorithm, sentences=len(source.sentences))
    assert len(summary.sentences) == len(source.sentences)
    assert all(s.text != title for s in summary.sentences)


def test_ratio_is_a_share_of_the_articles_words_not_of_its_sentences():
    source = article("en")
    total = summarize(source).stats.words
    longest = max(count_words(s.text) for s in source.sentences)
    for ratio in (0.2, 0.5):
        summary = summarize(source, ratio=ratio)
        budget = round(total * ratio)
        assert summary.word_limit == budget
        assert budget - longest < summary.stats.summary_words <= budget
    assert len(summarize(source, ratio=1).sentences) == 15
    tiny = summarize(source, ratio=0.01)  # 2 words: the best sentence alone, though longer
    assert len(tiny.sentences) == 1 and tiny.stats.summary_words > tiny.word_limit


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_length_in_words_follows_the_algorithms_order_and_never_exceeds_it(algorithm):
    source = article("ru")
    best = summarize(source, algorithm, sentences=1).sentences[0]
    best_words = count_words(best.text)
    for words in (1, best_words, 40, 90):
        summary = summarize(source, algorithm, words=words)
        assert summary.word_limit == words
        assert best.index in [s.index for s in summary.sentences]
        if words < best_words:
            assert [s.index for s in summary.sentences] == [best.index]
        else:
            assert summary.stats.summary_words <= words
        indexes = [s.index for s in summary.sentences]
        assert indexes == sorted(indexes)
    assert summarize(source, algorithm, sentences=3).word_limit is None


def test_never_more_sentences_than_the_article_has():
    source = article("ru")
    summary = summarize(source, "lexrank", sentences=100)
    assert [s.index for s in summary.sentences] == list(range(15))


def test_default_length_and_algorithm():
    summary = summarize(article("en"))
    assert len(summary.sentences) == DEFAULT_SENTENCES
    assert summary.algorithm == DEFAULT_ALGORITHM == "reduction"


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_article_without_sentences_gives_an_empty_summary(algorithm):
    empty = Article(name="e.txt", title="Only a title", paragraphs=(), sentences=())
    summary = summarize(empty, algorithm, sentences=3)
    assert summary.sentences == ()
    assert summary.stats.words == 0 and summary.stats.compression == 0.0


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_one_sentence_and_unknown_language_still_work(algorithm):
    one = Article(
        name="one.txt", title="", paragraphs=("Just one sentence here.",),
        sentences=(Sentence("Just one sentence here.", 0),), language="und",
    )
    assert [s.index for s in summarize(one, algorithm, sentences=2).sentences] == [0]


def test_stats_count_words_reading_time_and_compression():
    source = Article(
        name="s.txt", title="Title words are not counted",
        paragraphs=("One two three four. Five six, seven eight!",),
        sentences=(Sentence("One two three four.", 0), Sentence("Five six, seven eight!", 0)),
        language="en",
    )
    stats = summarize(source, "luhn", sentences=1).stats
    assert (stats.words, stats.sentences, stats.summary_sentences) == (8, 2, 1)
    assert stats.summary_words == 4
    assert stats.compression == 0.5
    assert stats.reading_minutes == round(8 / READING_WPM, 2)
    assert 200 <= READING_WPM <= 230


@pytest.mark.parametrize(
    "kwargs",
    [{"algorithm": "bogus"}, {"sentences": 0}, {"sentences": -2}, {"ratio": 0}, {"ratio": 1.5},
     {"sentences": 2, "ratio": 0.5}, {"words": 0}, {"words": 10, "sentences": 2},
     {"words": 10, "ratio": 0.5}],
)
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        summarize(article("en"), **kwargs)


def test_language_resources():
    assert "the" in stop_words("en")  # sumy's own list
    assert "и" in stop_words("ru")  # sumy has none: stopwordsiso's
    assert stop_words("und") == frozenset()
    assert has_stemmer("en") and has_stemmer("ru")
    assert not has_stemmer("kk") and not has_stemmer("zh") and not has_stemmer("und")
    # sumy's Polish and Greek stemmers need packages that are not installed: no stemming
    assert not has_stemmer("pl") and not has_stemmer("el") and stop_words("el")


@pytest.mark.parametrize("language", ["pl", "el", "cs", "uk", "ar", "zh", "xx", "pt-BR"])
def test_any_language_code_summarizes(language):
    mixed = ("Ελληνικά κείμενα.", "Polski tekst ma słowa.", "中文句子。", "Český text má slova.")
    source = Article(
        name="m.txt", title="", paragraphs=(" ".join(mixed),),
        sentences=tuple(Sentence(text, 0) for text in mixed), language=language,
    )
    for algorithm in ALGORITHMS:
        assert len(summarize(source, algorithm, sentences=2).sentences) == 2
    assert stemmer("ru")("книгами") == stemmer("ru")("книги")
    assert stemmer("kk")("Қалалар") == "қалалар"  # no stemmer: lower-casing only


def test_stemming_changes_what_counts_as_the_same_word():
    # With a stemmer, "floods"/"flooded"/"flooding" are one word; without, three.
    en = stemmer("en")
    assert len({en(w) for w in ("floods", "flooded", "flooding")}) == 1


def test_tokenizer_keeps_words_drops_numbers_and_splits_cjk():
    words = WordTokenizer("en").to_words("Don't stop: 42 mp3 players, well-known café's 1990s!")
    assert words == ("Don't", "stop", "players", "well-known", "café's")
    assert WordTokenizer("zh").to_words("我们 学习 abc") == ("我", "们", "学", "习", "abc")


def test_words_skip_a_sentence_that_does_not_fit_and_take_a_later_one_that_does():
    from summarizer.length import pick_by_words

    counts = [30, 12, 6, 5]  # words of sentences 0..3
    ranking = [1, 0, 2, 3]  # the algorithm's order
    assert pick_by_words(ranking, counts, 20) == [1, 2]  # 0 would overflow; 3 no longer fits
    assert pick_by_words(ranking, counts, 23) == [1, 2, 3]
    assert pick_by_words(ranking, counts, 5) == [1]  # the best alone is longer: just it
    assert pick_by_words([], counts, 5) == []
