"""Text -> Article: a title that is never a sentence, paragraphs, sentences."""
from articles.building import build_article
from articles.model import Sentence

NEWS = """Ad sales boost Time Warner profit

Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) in a quarter.

The firm benefited from sales of high-speed internet connections.
TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.
"""


def test_short_first_line_before_a_blank_line_is_the_title():
    article = build_article("news.txt", NEWS, "en")
    assert article.title == "Ad sales boost Time Warner profit"
    assert all("Time Warner profit" not in s.text for s in article.sentences)


def test_paragraphs_are_blank_line_separated_and_sentences_point_to_them():
    article = build_article("news.txt", NEWS, "en")
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1] == (
        "The firm benefited from sales of high-speed internet connections. "
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn."
    )
    assert [s.paragraph for s in article.sentences] == [0, 1, 1]
    assert article.sentences[2] == Sentence(
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.", 1
    )


def test_one_sentence_a_line_is_respected():
    text = "Title\n\nIt rose 2% to $11.1bn\nfrom $10.9bn.\nShares fell\nThe end!"
    article = build_article("a.txt", text, "en")
    assert [s.text for s in article.sentences] == [
        "It rose 2% to $11.1bn from $10.9bn.",
        "Shares fell",
        "The end!",
    ]
    assert [s.line_break for s in article.sentences] == [False, True, False]
    assert article.paragraphs == ("It rose 2% to $11.1bn from $10.9bn. Shares fell\nThe end!",)


def test_line_break_after_an_abbreviation_does_not_end_the_sentence():
    text = "Заголовок\n\nПриехал проф.\nИванов, т.е.\nминистр. Он ушёл.\nВсё."
    article = build_article("a.txt", text, "ru")
    assert [s.text for s in article.sentences] == [
        "Приехал проф. Иванов, т.е. министр.",
        "Он ушёл.",
        "Всё.",
    ]


def test_a_first_line_that_is_a_sentence_is_not_a_title():
    article = build_article("a.txt", "This is the first sentence.\n\nAnd the second one.", "en")
    assert article.title == ""
    sentences = [s.text for s in article.sentences]
    assert sentences == ["This is the first sentence.", "And the second one."]


def test_a_first_line_with_two_sentences_is_not_a_title():
    article = build_article("a.txt", "Short one. Another one\n\nBody text here.", "en")
    assert article.title == ""
    assert article.sentences[0].text == "Short one."


def test_a_long_first_line_is_not_a_title():
    first = "word " * 60
    article = build_article("a.txt", f"{first}\n\nBody.", "en")
    assert article.title == ""


def test_a_question_can_be_a_title():
    article = build_article("a.txt", "Who will win the election?\n\nThe vote is on Sunday.", "en")
    assert article.title == "Who will win the election?"
    assert [s.text for s in article.sentences] == ["The vote is on Sunday."]


def test_a_lone_line_is_body_not_title():
    article = build_article("a.txt", "Only a line", "en")
    assert article.title == ""
    assert [s.text for s in article.sentences] == ["Only a line"]


def test_text_property_round_trips_title_and_body():
    article = build_article("a.txt", "Title\r\n\r\n\r\nOne.\nTwo.\n\n\nThree.", "en")
    assert article.text == "Title\n\nOne. Two.\n\nThree."
    assert article.language == "en"


def test_cjk_article():
    article = build_article("zh.txt", "北京新闻\n\n北京是中国的首都。今天天气很好！", "zh")
    assert article.title == "北京新闻"
    assert [s.text for s in article.sentences] == ["北京是中国的首都。", "今天天气很好！"]


def test_huge_unpunctuated_article_gives_bounded_sentences():
    article = build_article("big.txt", "Title\n\n" + "слово\n" * 40_000, "ru")
    assert article.title == "Title"
    assert len(article.sentences) >= 400
    assert all(len(s.text.split()) <= 100 for s in article.sentences)


def test_sentences_cover_the_body_exactly_for_any_text():
    import random

    rng = random.Random(11)
    alphabet = "abc АБВ。！？.!?\n\n «»“”\"'()…١٢ 中文 ．:;,-—\t"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([1, 5, 30, 200])))
        for language in ("ru", "en", "zh", "und"):
            article = build_article("x.txt", text, language)
            joined = "".join("".join(s.text for s in article.sentences).split())
            assert joined == "".join(article.body.split())
            assert all(s.text and s.text == s.text.strip() for s in article.sentences)
            assert all(0 <= s.paragraph < len(article.paragraphs) for s in article.sentences)
