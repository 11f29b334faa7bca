"""Scripts of a text, Uzbek and Kazakh between Cyrillic and Latin, and the language tables."""
from __future__ import annotations

import time

import pytest

from languages.flores import (
    FLORES_TO_ISO,
    M2M100_LANGUAGES,
    default_script,
    m2m_covers,
    to_flores,
    token_script,
)
from languages.scripts import MAX_CHARS, dominant_script, script_counts, script_subtag
from languages.transliteration import (
    kazakh_cyrillic_to_latin,
    kazakh_latin_to_cyrillic,
    script_tag,
    transliterate,
    uzbek_cyrillic_to_latin,
    uzbek_latin_to_cyrillic,
)

# ---- dominant_script ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Oʻzbekiston Respublikasi Prezidenti Toshkentda.", "Latn"),
        ("Президент Казахстана встретился с Apple и Microsoft.", "Cyrl"),
        ("Le président a rencontré «Газпром» à Paris hier soir.", "Latn"),
        ("ئۈرۈمچى شەھىرىدە يېڭى مەكتەپ ئېچىلدى.", "Arab"),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας (Athens).", "Grek"),
        ("北京今天下雨，天气很冷 Beijing", "Hani"),
        ("12 345 — 2024 !!", ""),
        ("", ""),
    ],
)
def test_the_script_of_most_letters_wins(text, script):
    assert dominant_script(text) == script


def test_the_uzbek_okina_and_digits_count_for_no_script():
    assert script_counts("oʻ 12 gʻ") == {"Latn": 2}


def test_a_huge_text_is_judged_from_its_start_quickly():
    text = "Тошкентда янги мактаб очилди. " * 900_000  # 27 MB
    started = time.perf_counter()
    assert dominant_script(text) == "Cyrl"
    assert sum(script_counts(text).values()) <= MAX_CHARS
    assert time.perf_counter() - started < 1.0


# ---- Uzbek -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ўзбекистон Республикаси Президенти Тошкентда хорижий инвесторлар билан учрашди.",
         "Oʻzbekiston Respublikasi Prezidenti Toshkentda xorijiy investorlar bilan uchrashdi."),
        ("Ғалла ҳосили бу йил ўтган йилдагидан кўп бўлди.",
         "Gʻalla hosili bu yil oʻtgan yildagidan koʻp boʻldi."),
        ("Ер юзида еттита қитъа бор, Европа улардан бири.",
         "Yer yuzida yettita qitʼa bor, Yevropa ulardan biri."),
        ("Поезд вокзалга кечикиб келди, мева ва сабзавот нархи эса пасайди.",
         "Poyezd vokzalga kechikib keldi, meva va sabzavot narxi esa pasaydi."),
        ("Маъмурият эълон қилди: объект ва съезд ҳақида маълумот йўқ.",
         "Maʼmuriyat eʼlon qildi: obyekt va syezd haqida maʼlumot yoʻq."),
        ("Цирк ва концерт Франция ва милиция ҳақидаги янгиликлардан кейин бўлди.",
         "Sirk va konsert Fransiya va militsiya haqidagi yangiliklardan keyin boʻldi."),
        ("Премьер-министр Шавкат Мирзиёев билан учрашди.",
         "Premyer-ministr Shavkat Mirziyoyev bilan uchrashdi."),
        ("ЎЗБЕКИСТОН ШАҲАРЛАРИ", "OʻZBEKISTON SHAHARLARI"),
    ],
)
def test_uzbek_cyrillic_is_written_as_the_official_latin_alphabet(cyrillic, latin):
    assert uzbek_cyrillic_to_latin(cyrillic) == latin
    assert "\u02bb" in uzbek_cyrillic_to_latin("ўғ") and "'" not in uzbek_cyrillic_to_latin("ўғъ")


def test_uzbek_tutuq_belgisi_is_the_modifier_apostrophe():
    assert uzbek_cyrillic_to_latin("маъно") == "ma\u02bcno"


@pytest.mark.parametrize(
    "cyrillic",
    [
        "Ўзбекистон Республикаси Президенти Тошкентда хорижий инвесторлар билан учрашди.",
        "Ғалла ҳосили бу йил ўтган йилдагидан кўп бўлди, ер ҳайдалди.",
        "Маъмурият эълон қилди: объект ҳақида маълумот йўқ.",
        "Эшик олдида ёш болалар ўйнашяпти, қаерда уларнинг онаси?",
    ],
)
def test_uzbek_round_trips_where_the_alphabet_allows(cyrillic):
    assert uzbek_latin_to_cyrillic(uzbek_cyrillic_to_latin(cyrillic)) == cyrillic


def test_uzbek_latin_typed_with_plain_apostrophes_reads_as_cyrillic():
    assert uzbek_latin_to_cyrillic("O'zbekiston bog'lari go‘zal.") == "Ўзбекистон боғлари гўзал."


# ---- Kazakh ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Qazaqstan Respublikasynyñ Ükımetı jaña bäsekelestık zañyn qabyldady.",
         "Қазақстан Республикасының Үкіметі жаңа бәсекелестік заңын қабылдады."),
        ("Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ "
         "üiıne kelıp qonypty.",
         "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шахарының бір үлкен қазысының "
         "үйіне келіп қоныпты."),
        ("Ūialu kerek pe? Syi men qalaiyn, Aziia elderı.",
         "Ұялу керек пе? Сый мен қалайын, Азия елдері."),
        ("Ilgerıde Astanada ğylymi konferensiia öttı.",
         "Ілгеріде Астанада ғылыми конференсия өтті."),
        ("İran men Qazaqstan kelısımge keldı.", "Иран мен Қазақстан келісімге келді."),
    ],
)
def test_kazakh_2021_latin_is_written_in_cyrillic(latin, cyrillic):
    assert kazakh_latin_to_cyrillic(latin) == cyrillic


def test_kazakh_2018_acute_latin_is_recognised_by_its_letters():
    assert kazakh_latin_to_cyrillic("Qazaqstan Respýblıkasy — Ortalyq Azııadaǵy memleket.") == (
        "Қазақстан Республикасы — Орталық Азиядағы мемлекет."
    )


@pytest.mark.parametrize(
    "cyrillic",
    [
        "Парламент жаңа бюджетті дүйсенбі күні бекітті.",
        "Нан мен жанармай бағасы тағы да өсті, үкімет шара қабылдайды.",
        "Қазақстан Республикасының Президенті Астанада сөз сөйледі.",
    ],
)
def test_kazakh_round_trips_through_the_2021_alphabet(cyrillic):
    latin = kazakh_cyrillic_to_latin(cyrillic)
    assert dominant_script(latin) == "Latn"
    assert kazakh_latin_to_cyrillic(latin) == cyrillic


def test_letters_of_other_languages_and_scripts_pass_through():
    assert uzbek_cyrillic_to_latin("Ўзбекистон (Uzbekistan) 2024") == (
        "Oʻzbekiston (Uzbekistan) 2024"
    )
    assert kazakh_latin_to_cyrillic("Astana — Астана, 2024") == "Астана — Астана, 2024"
    assert transliterate("Привет", "ru", "Cyrl", "Latn") == "Привет"


def test_a_paragraph_gets_its_script_only_when_unusual_for_its_language():
    assert script_tag("uz", "Ўзбекистон Республикаси") == "uz-Cyrl"
    assert script_tag("uz", "Oʻzbekiston Respublikasi") == "uz"
    assert script_tag("kk", "Qazaqstan Respublikasy") == "kk-Latn"
    assert script_tag("kk", "Қазақстан Республикасы") == "kk"
    assert script_tag("ru", "Rossiya") == "ru"
    assert script_subtag("uz-Cyrl") == "Cyrl" and script_subtag("zh-TW") == ""


# ---- tables ------------------------------------------------------------------------------

REGIONAL = {
    "kk": "kaz_Cyrl", "ky": "kir_Cyrl", "uz": "uzn_Latn", "tg": "tgk_Cyrl", "tk": "tuk_Latn",
    "mn": "khk_Cyrl", "ug": "uig_Arab", "tt": "tat_Cyrl", "ba": "bak_Cyrl", "az": "azj_Latn",
    "be": "bel_Cyrl",
}


@pytest.mark.parametrize(("code", "flores"), REGIONAL.items())
def test_every_regional_language_has_its_flores_code(code, flores):
    assert to_flores(code) == flores
    assert FLORES_TO_ISO[flores] == code
    assert default_script(code) == flores.split("_")[1]


def test_uzbek_of_uzbekistan_is_never_southern_uzbek_in_arabic_script():
    assert "uzs_Arab" not in FLORES_TO_ISO


def test_m2m_100_covers_the_languages_of_its_list_only():
    assert len(M2M100_LANGUAGES) == 100
    assert {code for code in REGIONAL if m2m_covers(code)} == {"kk", "uz", "mn", "ba", "az", "be"}
    assert token_script("__uz__", "uz") == "Latn" and token_script("__kk__", "kk") == "Cyrl"
    assert token_script("uzn_Latn", "uz") == "Latn"
