"""Clean summaries: no repeated headline, byline, dateline, credit, "Read more" line or repeat."""
# ruff: noqa: E501 - one paragraph a line, as news sites publish them
import pytest

from articles.building import build_article
from summarizer import summarize
from summarizer.algorithms import ALGORITHMS
from summarizer.filters import clean_candidates, furniture_reason

SEED = """Turkmenistan opens new section of gas pipeline to China

Turkmenistan opens new section of gas pipeline to China

Nury AMANOV

ASHGABAT, Nov 27

Turkmenistan has opened a new section of the gas pipeline that carries its gas to China, the state news agency said on Wednesday.
The section runs for 300 kilometres through the Lebap region and will add ten billion cubic metres a year to exports.

Photo: Turkmen State News Agency

Officials said the work took three years and employed more than four thousand people.
Chinese engineers supervised the compressor stations along the route.
The government expects the new section to reach full capacity next spring.

Read more: Gas prices in Central Asia

Analysts note that China already buys most of the gas Turkmenistan sells abroad.
Officials said the work took three years and employed more than four thousand people.
Officials said on Wednesday the work took three years and employed over four thousand people.
"""
SEED_FURNITURE = {
    "Turkmenistan opens new section of gas pipeline to China": "headline",
    "Nury AMANOV": "byline",
    "ASHGABAT, Nov 27": "dateline",
    "Photo: Turkmen State News Agency": "credit",
    "Read more: Gas prices in Central Asia": "boilerplate",
}

RUSSIAN = """В Алматы открыли новую линию метро

В Алматы открыли новую линию метро — Азаттык

Автор: Нури Аманов

27 ноября 2026 г.

В Алматы в среду открыли вторую линию метрополитена, сообщил акимат города.
Новая линия длиной девять километров соединяет западные районы с центром.

Фото: пресс-служба акимата Алматы

Строительство шло шесть лет и обошлось бюджету в двести миллиардов тенге.
По оценкам городских властей, линией будут пользоваться сто тысяч пассажиров в день.

Читайте также: Как в Ташкенте строили кольцевую линию

Жители западных районов давно жаловались на пробки по дороге в центр.
Стоимость проезда не изменится и составит двести тенге.
Подписывайтесь на наш Telegram-канал
"""

KAZAKH = """Астанада жаңа аурухана ашылды

Астанада жаңа аурухана ашылды

Астана, 27 қараша 2026 жыл

Елордада балаларға арналған жаңа көпсалалы аурухана ашылды.
Аурухана үш жүз төсекке есептелген және заманауи жабдықпен жарақталған.

Сурет: Денсаулық сақтау министрлігінің баспасөз қызметі

Құрылысқа республикалық бюджеттен қаражат бөлінді.
Мұнда жүзден астам дәрігер мен мейіргер жұмыс істейді.

Сондай-ақ оқыңыз: Алматыда емхана жөнделді

Министр жаңа аурухана өңірдегі кезекті азайтады деп сенеді.
Елордада балаларға арналған жаңа көпсалалы аурухана ашылды.
"""

UZBEK = """Toshkentda yangi bog‘ ochildi

Muallif: Aziz Karimov

Toshkent, 27-noyabr 2026

Poytaxtning Yunusobod tumanida yangi istirohat bog‘i ochildi.
Bog‘ maydoni o‘n besh gektarni tashkil etadi va unda ming daraxt ekildi.

Surat: Toshkent shahar hokimligi

Bog‘da bolalar maydonchalari va velosiped yo‘laklari qurildi.
Hokimlik kelgusi yili yana ikkita bog‘ ochishni rejalashtirmoqda.

Shuningdek o‘qing: Samarqandda yangi muzey ochildi

Aholi bog‘ni dam olish kunlari bepul ziyorat qilishi mumkin.
"""

KYRGYZ = """Бишкекте жаңы мектеп ачылды

Бишкекте жаңы мектеп ачылды

Бишкек, 27-ноябрь 2026

Борбордун түштүгүндө миң окуучуга ылайыкталган жаңы мектеп ачылды.
Мектептин курулушу эки жылга созулуп, шаардык бюджеттен каржыланды.

Сүрөт: Бишкек мэриясынын басма сөз кызматы

Мектепте спорт залы, китепкана жана заманбап лабораториялар бар.

Ошондой эле окуңуз: Ошто жаңы бала бакча курулат

Мэрия келерки жылы дагы үч мектеп курууну пландап жатат.
"""

TAJIK = """Дар Душанбе пули нав сохта шуд

Муаллиф: Фарид Раҳимов

Душанбе, 27 ноябри соли 2026

Дар маркази Душанбе пули нави автомобилгузар ба истифода дода шуд.
Дарозии пул сесад метр буда, он ду ноҳияи шаҳрро мепайвандад.

Акс: Хадамоти матбуоти мақомоти шаҳр

Сохтмони пул ду сол идома ёфт ва аз буҷети шаҳр маблағгузорӣ шуд.

Инчунин хонед: Дар Хуҷанд бозори нав кушода шуд

Мақомот мегӯянд, ки пул роҳбандиҳоро дар марказ кам мекунад.
"""

NEAR_DUPLICATE = (
    "Officials said on Wednesday the work took three years and employed over four thousand people."
)

TEXTS = {"en": SEED, "ru": RUSSIAN, "kk": KAZAKH, "uz": UZBEK, "ky": KYRGYZ, "tg": TAJIK}

FURNITURE = {
    "en": set(SEED_FURNITURE),
    "ru": {"В Алматы открыли новую линию метро — Азаттык", "Автор: Нури Аманов",
           "27 ноября 2026 г.", "Фото: пресс-служба акимата Алматы",
           "Читайте также: Как в Ташкенте строили кольцевую линию",
           "Подписывайтесь на наш Telegram-канал"},
    "kk": {"Астанада жаңа аурухана ашылды", "Астана, 27 қараша 2026 жыл",
           "Сурет: Денсаулық сақтау министрлігінің баспасөз қызметі",
           "Сондай-ақ оқыңыз: Алматыда емхана жөнделді"},
    "uz": {"Muallif: Aziz Karimov", "Toshkent, 27-noyabr 2026", "Surat: Toshkent shahar hokimligi",
           "Shuningdek o‘qing: Samarqandda yangi muzey ochildi"},
    "ky": {"Бишкекте жаңы мектеп ачылды", "Бишкек, 27-ноябрь 2026",
           "Сүрөт: Бишкек мэриясынын басма сөз кызматы",
           "Ошондой эле окуңуз: Ошто жаңы бала бакча курулат"},
    "tg": {"Муаллиф: Фарид Раҳимов", "Душанбе, 27 ноябри соли 2026",
           "Акс: Хадамоти матбуоти мақомоти шаҳр",
           "Инчунин хонед: Дар Хуҷанд бозори нав кушода шуд"},
}


def built(language: str):
    return build_article(f"{language}.txt", TEXTS[language], language=language)


@pytest.mark.parametrize("language", list(TEXTS))
def test_the_texts_really_contain_the_furniture_as_sentences(language):
    texts = [s.text for s in built(language).sentences]
    assert FURNITURE[language] <= set(texts)


@pytest.mark.parametrize("language", list(TEXTS))
@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_no_algorithm_ever_picks_furniture_but_every_real_sentence_stays(algorithm, language):
    source = built(language)
    summary = summarize(source, algorithm, sentences=len(source.sentences))
    picked = [s.text for s in summary.sentences]
    assert not FURNITURE[language] & set(picked)
    assert len(picked) == len(set(picked))  # never the same sentence twice
    real = {s.text for s in source.sentences} - FURNITURE[language] - {NEAR_DUPLICATE}
    assert real == set(picked)  # nothing else is lost (exact repeats count once)


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_seed_article_summary_starts_with_news_not_with_the_headline_or_byline(algorithm):
    summary = summarize(built("en"), algorithm, sentences=3)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == 3
    assert not set(texts) & set(SEED_FURNITURE)
    assert sum(text.startswith("Officials said") for text in texts) <= 1


def test_seed_article_reasons_and_the_first_of_two_duplicates_is_kept():
    source = built("en")
    texts = [s.text for s in source.sentences]
    kept, rejected = clean_candidates(source.title, texts)
    reasons = {texts[r.index]: r.reason for r in rejected if r.reason != "duplicate"}
    assert reasons == SEED_FURNITURE
    duplicates = [r.index for r in rejected if r.reason == "duplicate"]
    first = texts.index("Officials said the work took three years and employed more than four thousand people.")
    assert first in kept and len(duplicates) == 2 and all(d > first for d in duplicates)
    summary = summarize(source, sentences=50)
    assert {(s.index, s.reason) for s in summary.skipped} == {(r.index, r.reason) for r in rejected}


@pytest.mark.parametrize(
    "line",
    ["By John Smith", "By Jane Doe and Li Wei, BBC News", "Автор: Нури Аманов", "Nury AMANOV",
     "Getty Images", "© Reuters 2026", "Фото: РИА Новости", "ALMATY, Nov 27 (Reuters) -",
     "27.11.2026, 12:30", "Подробнее:", "Batafsil:", "Subscribe to our newsletter",
     "Фото — Азаттык", "Автор — Нури Аманов", "Photo by Jane Doe"],
)
def test_furniture_lines(line):
    assert furniture_reason(line) is not None


@pytest.mark.parametrize(
    "sentence",
    ["By far the most useful gadget.", "By Monday the river had risen by two metres.",
     "Sinclair Spectrum - 16k.", "In 2004, Apple sold five million iPods.",
     "Photographers from Getty Images and Reuters covered the summit for three days in a row.",
     "Подробнее об этом рассказал министр на брифинге в среду.", "Read the statement carefully.",
     "Аманов сказал, что работы завершатся в 2027 году.", "Автор-исполнитель выступил в Астане.",
     "Фото-выставка открылась в музее.", "Video-blogger Aziz Karimov won the award."],
)
def test_real_sentences_are_not_furniture(sentence):
    assert furniture_reason(sentence) is None


def test_a_sentence_that_only_shares_words_with_the_headline_stays():
    title = "Flood warning for river towns"
    texts = ["The flood warning covers eleven river towns and two dams in the north.",
             "Flood warning for river towns!"]
    kept, rejected = clean_candidates(title, texts)
    assert kept == [0] and [r.reason for r in rejected] == ["headline"]
