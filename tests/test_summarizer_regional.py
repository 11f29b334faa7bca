"""Stop words and summaries in the languages of Central Asia (kk, ky, uz, tg, tk, tt, ba, ug).

Each article below is the same short news story written in the language (Uzbek in
both scripts); FILLER is a sentence of that language made only of function words.
"""
from __future__ import annotations

import re
from importlib import resources
from unittest import mock

import pytest
from sumy.utils import get_stop_words

from articles.building import build_article
from summarizer import summarize, sumy_summarizers
from summarizer.language import own_list, own_list_codes, stop_words
from summarizer.tokenizer import WordTokenizer

ARTICLES = {
    "kk": (
        "Алматыда жаңа мектеп ашылды",
        "Алматы қаласында биыл үш жаңа мектеп ашылды. "
        "Бұл мектептер екі мың оқушыға арналған. "
        "Әкім жаңа мектептер қала үшін өте маңызды екенін айтты.",
        "Мектептерде заманауи зертханалар мен спорт залдары бар. "
        "Ата-аналар балалардың жаңа мектепке қуанышпен баратынын айтады. "
        "Келесі жылы қалада тағы екі мектеп салынады. "
        "Құрылысқа республикалық бюджеттен қаражат бөлінді.",
    ),
    "ky": (
        "Бишкекте жаңы мектеп ачылды",
        "Бишкек шаарында быйыл үч жаңы мектеп ачылды. "
        "Бул мектептер эки миң окуучуга арналган. "
        "Мэр жаңы мектептер шаар үчүн абдан маанилүү экенин айтты.",
        "Мектептерде заманбап лабораториялар жана спорт залдары бар. "
        "Ата-энелер балдардын жаңы мектепке кубаныч менен барарын айтышат. "
        "Кийинки жылы шаарда дагы эки мектеп курулат. "
        "Курулушка республикалык бюджеттен каражат бөлүндү.",
    ),
    "uz-Latn": (
        "Toshkentda yangi maktab ochildi",
        "Toshkent shahrida bu yil uchta yangi maktab ochildi. "
        "Bu maktablar ikki ming oʻquvchiga moʻljallangan. "
        "Hokim yangi maktablar shahar uchun juda muhim ekanini aytdi.",
        "Maktablarda zamonaviy laboratoriyalar va sport zallari bor. "
        "Ota-onalar bolalarning yangi maktabga quvonch bilan borishini aytishmoqda. "
        "Kelgusi yili shaharda yana ikkita maktab quriladi. "
        "Qurilishga respublika byudjetidan mablagʻ ajratildi.",
    ),
    "uz-Cyrl": (
        "Тошкентда янги мактаб очилди",
        "Тошкент шаҳрида бу йил учта янги мактаб очилди. "
        "Бу мактаблар икки минг ўқувчига мўлжалланган. "
        "Ҳоким янги мактаблар шаҳар учун жуда муҳим эканини айтди.",
        "Мактабларда замонавий лабораториялар ва спорт заллари бор. "
        "Ота-оналар болаларнинг янги мактабга қувонч билан боришини айтишмоқда. "
        "Келгуси йили шаҳарда яна иккита мактаб қурилади. "
        "Қурилишга республика бюджетидан маблағ ажратилди.",
    ),
    "tg": (
        "Дар Душанбе мактаби нав кушода шуд",
        "Дар шаҳри Душанбе имсол се мактаби нав кушода шуд. "
        "Ин мактабҳо барои ду ҳазор хонанда пешбинӣ шудаанд. "
        "Раиси шаҳр гуфт, ки мактабҳои нав барои шаҳр хеле муҳим мебошанд.",
        "Дар мактабҳо лабораторияҳои муосир ва толорҳои варзишӣ ҳастанд. "
        "Падару модарон мегӯянд, ки кӯдакон ба мактаби нав бо хурсандӣ мераванд. "
        "Соли оянда дар шаҳр боз ду мактаб сохта мешавад. "
        "Барои сохтмон аз буҷети ҷумҳурӣ маблағ ҷудо карда шуд.",
    ),
    "tk": (
        "Aşgabatda täze mekdep açyldy",
        "Aşgabat şäherinde şu ýyl üç sany täze mekdep açyldy. "
        "Bu mekdepler iki müň okuwça niýetlenendir. "
        "Häkim täze mekdepleriň şäher üçin örän möhümdigini aýtdy.",
        "Mekdeplerde döwrebap tejribehanalar we sport zallary bar. "
        "Ene-atalar çagalaryň täze mekdebe şatlyk bilen gidýändigini aýdýarlar. "
        "Indiki ýyl şäherde ýene iki mekdep gurlar. "
        "Gurluşyga döwlet býujetinden serişde bölünip berildi.",
    ),
    "tt": (
        "Казанда яңа мәктәп ачылды",
        "Казан шәһәрендә быел өч яңа мәктәп ачылды. "
        "Бу мәктәпләр ике мең укучыга исәпләнгән. "
        "Мэр яңа мәктәпләрнең шәһәр өчен бик мөһим булуын әйтте.",
        "Мәктәпләрдә заманча лабораторияләр һәм спорт заллары бар. "
        "Ата-аналар балаларның яңа мәктәпкә шатланып баруларын сөйли. "
        "Киләсе елда шәһәрдә тагын ике мәктәп төзеләчәк. "
        "Төзелешкә республика бюджетыннан акча бүлеп бирелде.",
    ),
    "ba": (
        "Өфөлә яңы мәктәп асылды",
        "Өфө ҡалаһында быйыл өс яңы мәктәп асылды. "
        "Был мәктәптәр ике мең уҡыусыға иҫәпләнгән. "
        "Ҡала башлығы яңы мәктәптәрҙең ҡала өсөн бик мөһим булыуын әйтте.",
        "Мәктәптәрҙә заманса лабораториялар һәм спорт залдары бар. "
        "Ата-әсәләр балаларҙың яңы мәктәпкә шатланып барыуын һөйләй. "
        "Киләһе йылда ҡалала тағы ике мәктәп төҙөләсәк. "
        "Төҙөлөшкә республика бюджетынан аҡса бүленде.",
    ),
    "ug": (
        "ئۈرۈمچىدە يېڭى مەكتەپ ئېچىلدى",
        "ئۈرۈمچى شەھىرىدە بۇ يىل ئۈچ يېڭى مەكتەپ ئېچىلدى. "
        "بۇ مەكتەپلەر ئىككى مىڭ ئوقۇغۇچىغا مۆلچەرلەنگەن. "
        "شەھەر باشلىقى يېڭى مەكتەپلەرنىڭ شەھەر ئۈچۈن ناھايىتى مۇھىم ئىكەنلىكىنى ئېيتتى.",
        "مەكتەپلەردە زامانىۋى تەجرىبىخانىلار ۋە تەنتەربىيە زاللىرى بار. "
        "ئاتا-ئانىلار بالىلارنىڭ يېڭى مەكتەپكە خۇشاللىق بىلەن بارىدىغانلىقىنى ئېيتىدۇ. "
        "كېلەر يىلى شەھەردە يەنە ئىككى مەكتەپ سېلىنىدۇ. "
        "قۇرۇلۇشقا دۆلەت خامچوتىدىن مەبلەغ ئاجرىتىلدى.",
    ),
}
"""Variant -> (title, first paragraph, second paragraph): seven body sentences."""

FILLER = {
    "kk": "Бұл да сол үшін және осы үшін, ол да біз үшін.",
    "ky": "Бул да ошол үчүн жана ушул үчүн, ал да биз үчүн.",
    "uz-Latn": "Bu ham shu uchun va u uchun, bu ham biz uchun.",
    "uz-Cyrl": "Бу ҳам шу учун ва у учун, бу ҳам биз учун.",
    "tg": "Ин ҳам барои он аст ва он низ барои мо аст.",
    "tk": "Bu hem şol üçin we ol hem biz üçin.",
    "tt": "Бу да шул өчен һәм ул да безнең өчен генә.",
    "ba": "Был да шул өсөн һәм ул да беҙҙең өсөн генә.",
    "ug": "بۇ ھەم شۇ ئۈچۈن ۋە ئۇ ھەم بىز ئۈچۈن.",
}
"""A sentence of function words only, sharing them with the story's sentences."""

COMMON = {
    "kk": {"және", "бұл", "үшін", "мен", "ол", "бар", "жоқ", "емес", "деп", "да"},
    "ky": {"жана", "бул", "үчүн", "менен", "ал", "бар", "жок", "эмес", "деп", "да"},
    "uz-Latn": {"va", "bu", "uchun", "bilan", "u", "bor", "yo'q", "yoʻq", "emas", "edi"},
    "uz-Cyrl": {"ва", "бу", "учун", "билан", "у", "бор", "йўқ", "эмас", "эди", "ҳам"},
    "tg": {"ва", "дар", "аз", "ба", "бо", "барои", "ки", "ин", "он", "аст"},
    "tk": {"we", "bu", "üçin", "bilen", "ol", "bar", "ýok", "däl", "hem", "bir"},
    "tt": {"һәм", "бу", "өчен", "белән", "ул", "бар", "юк", "түгел", "дип", "да"},
    "ba": {"һәм", "был", "өсөн", "менән", "ул", "бар", "юҡ", "түгел", "тип", "да"},
    "ug": {"ۋە", "بۇ", "ئۈچۈن", "بىلەن", "ئۇ", "بار", "يوق", "ئەمەس", "دەپ", "بىر"},
}
"""The most frequent function words of each language and script, as its press spells them."""

ALGORITHMS = ("textrank", "lexrank", "lsa", "reduction")


def code_of(variant: str) -> str:
    return variant.split("-")[0]


def story(variant: str, filler: bool = False):
    title, first, second = ARTICLES[variant]
    if filler:
        first = f"{first} {FILLER[variant]}"
    return build_article(f"{variant}.txt", f"{title}\n\n{first}\n\n{second}", code_of(variant))


@pytest.mark.parametrize("variant", list(ARTICLES))
def test_each_language_has_its_common_function_words(variant):
    words = stop_words(code_of(variant))
    assert 50 <= len({w.replace("ʻ", "'").replace("’", "'") for w in words}) <= 500
    assert COMMON[variant] <= words


@pytest.mark.parametrize("variant", list(ARTICLES))
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_summary_is_made_in_the_articles_language(variant, algorithm):
    article = story(variant)
    assert len(article.sentences) == 7
    summary = summarize(article, algorithm, sentences=3)
    assert summary.language == code_of(variant)
    assert len(summary.sentences) == 3
    body = {s.text for s in article.sentences}
    assert all(s.text in body for s in summary.sentences)


@pytest.mark.parametrize("variant", list(ARTICLES))
def test_the_filler_sentence_is_all_stop_words(variant):
    tokens = [w.lower() for w in WordTokenizer(code_of(variant)).to_words(FILLER[variant])]
    assert len(tokens) >= 7
    assert set(tokens) <= stop_words(code_of(variant))


def filler_score(variant: str, algorithm: str) -> tuple[float, list[float]]:
    """The filler's rating and the story sentences' ratings, every sentence ranked."""
    article = story(variant, filler=True)
    index = next(i for i, s in enumerate(article.sentences) if s.text == FILLER[variant])
    summary = summarize(article, algorithm, sentences=len(article.sentences))
    scores = {s.index: s.score for s in summary.sentences}
    return scores.pop(index), list(scores.values())


@pytest.mark.parametrize("variant", list(ARTICLES))
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_sentence_of_stop_words_is_rated_lowest_and_not_picked(variant, algorithm):
    filler, others = filler_score(variant, algorithm)
    assert filler <= min(others)
    if algorithm in ("lsa", "reduction"):  # the ranks' damping gives every sentence a floor
        assert filler == 0.0  # none of its words count
    picked = summarize(story(variant, filler=True), algorithm, sentences=3)
    assert FILLER[variant] not in {s.text for s in picked.sentences}


@pytest.mark.parametrize("variant", list(ARTICLES))
@pytest.mark.parametrize("algorithm", ("textrank", "reduction"))
def test_without_the_lists_the_function_words_would_lift_that_sentence(variant, algorithm):
    """The check above fails without our lists: the filler's shared words then count."""
    with mock.patch.object(sumy_summarizers, "stop_words", lambda language: frozenset()):
        filler, others = filler_score(variant, algorithm)
    assert filler > min(others)


def test_uzbek_apostrophes_are_matched_however_they_are_typed():
    words = stop_words("uz")
    for spelling in ("o'zi", "o’zi", "oʻzi", "oʼzi", "yo'q", "yo’q", "yoʻq"):
        assert spelling in words
    assert {"ўзи", "йўқ"} <= words


def test_languages_with_a_list_elsewhere_keep_it():
    assert stop_words("en") == frozenset(w.lower() for w in get_stop_words("en"))
    assert "и" in stop_words("ru") and "және" not in stop_words("ru")
    assert stop_words("und") == frozenset()
    assert stop_words("xx") == frozenset()


def test_a_code_is_never_read_as_a_path():
    assert own_list("..") == frozenset()
    assert own_list("kk/../kk") == frozenset()
    assert stop_words("../kk") == frozenset()


def test_every_list_file_names_its_source_and_licence():
    folder = resources.files("summarizer").joinpath("stopwords")
    codes = own_list_codes()
    assert {"kk", "ky", "uz", "tg", "tk", "tt", "ba", "ug"} <= set(codes)
    for code in codes:
        text = folder.joinpath(f"{code}.txt").read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        assert any(re.match(r"# Source: \S", line) for line in header), code
        assert any(re.match(r"# Licence: \S", line) for line in header), code
        assert stop_words(code) == own_list(code)
