"""Text -> Article: a title that is never a sentence, paragraphs, sentences."""
import pytest

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


@pytest.mark.parametrize(
    ("name", "text", "language", "sentences"),
    [
        pytest.param(
            "a.txt", "Заголовок\n\nПриехал проф.\nИванов, т.е.\nминистр. Он ушёл.\nВсё.", "ru",
            ["Приехал проф. Иванов, т.е. министр.", "Он ушёл.", "Всё."],
            id="a-line-break-after-an-abbreviation-does-not-end-the-sentence",
        ),
        pytest.param(
            "agenda.txt",
            "Programm\n\nDie Tagesordnung:\n1. Begrüßung durch Dr. Müller\n"
            "2. Bericht des Vorstands\n3. Wahlen\nDie Sitzung beginnt um 10 Uhr.",
            "de",
            ["Die Tagesordnung:", "1. Begrüßung durch Dr. Müller", "2. Bericht des Vorstands",
             "3. Wahlen", "Die Sitzung beginnt um 10 Uhr."],
            id="a-numbered-list-in-german-with-an-abbreviation-inside",
        ),
        pytest.param(
            "a.txt",
            "Заголовок\n\nОн родился в 1941 г.\nПотом переехал в Алматы.\n"
            "В 1941 г. Германия напала.",
            "ru",
            ["Он родился в 1941 г.", "Потом переехал в Алматы.", "В 1941 г. Германия напала."],
            id="a-year-at-a-line-end-ends-the-sentence-but-not-inside-a-line",
        ),
        pytest.param(
            "tr.txt", "Başlık\n\nToplantıya Prof.\nDr. Ahmet Yılmaz katıldı.\nKarar kesindir.",
            "tr", ["Toplantıya Prof. Dr. Ahmet Yılmaz katıldı.", "Karar kesindir."],
            id="a-turkish-title-before-a-name-across-a-line-break",
        ),
    ],
)
def test_sentences_across_line_breaks(name, text, language, sentences):
    article = build_article(name, text, language)
    assert [s.text for s in article.sentences] == sentences


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


def _lines(article):
    """The sentences as a reader sees them: a new line wherever line_break is set."""
    out = ""
    for sentence in article.sentences:
        out += sentence.text + ("\n" if sentence.line_break else " ")
    return out.strip()


def test_a_dateline_is_its_own_segment_and_keeps_its_line():
    text = (
        "Oil output rises\n\nALMATY, March 3 (Reuters) -\n"
        "Kazakhstan raised oil output by 5% in February, the energy ministry said.\n"
        "Exports grew too."
    )
    article = build_article("reuters.txt", text, "en")
    assert article.title == "Oil output rises"
    assert article.sentences[0] == Sentence("ALMATY, March 3 (Reuters) -", 0, line_break=True)
    assert article.paragraphs[0].startswith("ALMATY, March 3 (Reuters) -\nKazakhstan raised")
    assert [s.line_break for s in article.sentences[1:]] == [False, False]


def test_list_items_in_russian_stay_on_their_lines():
    text = "Итоги года\n\nВ список вошли:\n- Алматы\n- Астана\n- Шымкент\nВсе города выросли."
    article = build_article("list.txt", text, "ru")
    assert _lines(article) == "В список вошли:\n- Алматы\n- Астана\n- Шымкент\nВсе города выросли."
    assert article.paragraphs == (_lines(article),)


def test_table_rows_with_pipes_or_tabs_are_rows():
    french = "Résultats\n\nVille | Population\nParis | 2 100 000\nLyon | 520 000\nFin du tableau."
    article = build_article("table.txt", french, "fr")
    assert _lines(article) == french.split("\n\n")[1]
    turkish = build_article("tablo.txt", "Sonuçlar\n\nŞehir\tNüfus\nİstanbul\t15 milyon", "tr")
    assert [s.text for s in turkish.sentences] == ["Şehir\tNüfus", "İstanbul\t15 milyon"]


def test_hard_wrapped_prose_is_joined_even_before_a_capital():
    text = (
        "Minimum wage\n\n"
        "The government of Kazakhstan announced on Monday that it would\n"
        "raise the minimum wage by ten percent from the first of January,\n"
        "President Kassym-Jomart Tokayev told a meeting of the cabinet in\n"
        "Astana, adding that pensions would also rise next year.\n"
        "Officials said the measure would cost about 300 billion tenge."
    )
    article = build_article("wrapped.txt", text, "en")
    assert len(article.sentences) == 2
    assert article.sentences[0].text.startswith("The government of Kazakhstan announced")
    assert article.sentences[0].text.endswith("pensions would also rise next year.")
    assert "\n" not in article.paragraphs[0]
    assert not any(s.line_break for s in article.sentences)


def test_hard_wrapped_russian_and_kazakh_prose_is_joined():
    russian = (
        "Заголовок\n\nПравительство Казахстана объявило в понедельник, что повысит\n"
        "минимальную зарплату на десять процентов, сообщил Президент\n"
        "Касым-Жомарт Токаев на заседании кабинета министров в Астане\n"
        "в понедельник утром, добавив, что пенсии тоже вырастут.\n"
        "Это обойдётся бюджету в 300 млрд тенге."
    )
    assert len(build_article("ru.txt", russian, "ru").sentences) == 2
    kazakh = (
        "Тақырып\n\nҚазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін\n"
        "Ақорданың баспасөз қызметі хабарлағандай, Үкімет отырысында сөз\n"
        "сөйледі. Ол экономика туралы айтты."
    )
    sentences = build_article("kk.txt", kazakh, "kk").sentences
    assert [s.text for s in sentences] == [
        "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін Ақорданың баспасөз "
        "қызметі хабарлағандай, Үкімет отырысында сөз сөйледі.",
        "Ол экономика туралы айтты.",
    ]


def test_rebuilding_an_article_from_its_text_keeps_its_lines():
    text = "Итоги года\n\nВ список вошли:\n- Алматы\n- Астана\n\nВсе города выросли."
    article = build_article("list.txt", text, "ru")
    again = build_article("list.txt", article.text, "ru")
    assert again.paragraphs == article.paragraphs
    assert again.sentences == article.sentences


def test_wrapped_prose_with_a_colon_and_a_dash_at_line_starts_is_still_prose():
    text = (
        "Election\n\n"
        "Writing his Christmas message in the Northern Echo newspaper, the Bishop\n"
        "said: The campaign in southern and rural seats of the country, especially\n"
        "in the South West of England where the Liberal Democrats are strong\n"
        "- the principal contenders there - will be hard fought until polling day.\n"
        "- Michael Howard: No More Mr Nasty is being shown on BBC2 on Saturday 12\n"
        "February at 20:05 GMT, the channel said in its weekly listings.\n"
        "- Second item"
    )
    article = build_article("wrapped.txt", text, "en")
    assert [s.text[:24] for s in article.sentences] == [
        "Writing his Christmas me",
        "- Michael Howard: No Mor",
        "- Second item",
    ]
    assert [s.line_break for s in article.sentences] == [True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        "Парламент одобрил бюджет\n\nДепутаты в среду одобрили проект. Министр заявил.\n\n"
        "Оппозиция раскритиковала документ.",
        "No title here. Just one paragraph of prose that runs on.",
        "Headline\r\n\r\nAstana, 3 March\r\nThe talks began today.\r\n- first item\r\n- second",
        "Menu:\nTea 2\nCoffee 3\n\nPrices | Today\nBread | 1.20",
        "The council met with\nPresident Smith on Monday and agreed to fund the\n"
        "repairs before winter, officials said in a short\nstatement after the vote.\n\n"
        "Work starts in April.",
        "",
    ],
)
def test_article_paragraphs_are_the_paragraphs_build_article_gives(text):
    from articles.building import article_paragraphs

    assert article_paragraphs(text) == build_article("x.txt", text).paragraphs
