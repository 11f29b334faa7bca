"""Every paragraph in its own language: detection shares, segmentation, summary, translation.

Real texts: a Russian report quoting an English statement, with a dateline and a list.
The translations use tiny real packs (gibberish out, but through the same code).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from articles.building import build_article
from digest.job import Upload, add_translation, analyse
from digest.settings import SummarySettings, TranslationSettings
from languages.detection import detect_text_language
from testkit.tinypack import build_tiny_pack

ROOT = Path(__file__).resolve().parents[1]

RUSSIAN_1 = (
    "Министр иностранных дел Казахстана провёл в Брюсселе переговоры с представителями "
    "Европейской комиссии о поставках редкоземельных металлов. Стороны договорились создать "
    "рабочую группу, которая до конца года подготовит дорожную карту сотрудничества.\n"
    "По словам министра, Казахстан готов увеличить добычу и переработку металлов на своей "
    "территории. Он подчеркнул, что республика заинтересована в европейских инвестициях."
)
ENGLISH = (
    '"We see Kazakhstan as a reliable partner for the supply of critical raw materials to '
    "Europe. The new working group will prepare concrete projects for investment before the "
    'end of the year," the European Commissioner said after the meeting.\n'
    '"Our companies are ready to invest in processing plants in Kazakhstan, and we expect the '
    'first agreements to be signed next spring," she added.'
)
RUSSIAN_2 = (
    "Эксперты отмечают, что Европа стремится снизить зависимость от поставок металлов из "
    "Китая. Казахстан обладает значительными запасами вольфрама, лития и редкоземельных "
    "элементов.\nСледующий раунд переговоров пройдёт в Астане в декабре."
)
LISTED = (
    "Астана, 12 мая\n"
    "Стороны подписали три документа о сотрудничестве в области горной добычи\n"
    "- меморандум о рабочей группе\n"
    "- план инвестиций\n"
    "- соглашение о подготовке кадров"
)
TITLE = "Казахстан и ЕС обсудили поставки редких металлов"
MIXED = f"{TITLE}\n\n{RUSSIAN_1}\n\n{ENGLISH}\n\n{RUSSIAN_2}\n"
WITH_LIST = f"{TITLE}\n\n{LISTED}\n\n{RUSSIAN_1}\n\n{ENGLISH}\n"


def english_sentences(article) -> list[str]:
    return [s.text for i, s in enumerate(article.sentences) if article.sentence_language(i) == "en"]


def test_main_language_is_the_one_most_words_are_in_and_the_note_gives_shares():
    found = detect_text_language(MIXED)
    assert found.main.code == "ru"
    assert found.mixed
    codes = [code for code, _ in found.shares]
    assert codes == ["ru", "en"]
    assert 0.5 < found.shares[0][1] < 0.7 and abs(sum(s for _, s in found.shares) - 1) < 0.01
    assert found.shares_label.startswith("Russian ") and ", English " in found.shares_label
    assert found.paragraph_codes() == ("ru", "en", "ru")


def test_an_override_replaces_the_main_language_but_not_a_quotation():
    found = detect_text_language(MIXED)
    assert found.paragraph_codes("kk") == ("kk", "en", "kk")


def test_each_paragraph_is_segmented_with_its_own_language():
    article = analyse(Upload("mixed.txt", MIXED.encode()), SummarySettings()).article
    assert article.language == "ru"
    assert article.paragraph_languages == ("ru", "en", "ru")
    assert [article.paragraph_language(i) for i in range(3)] == ["ru", "en", "ru"]
    assert english_sentences(article)[0].startswith('"We see Kazakhstan')
    plain = build_article("mixed.txt", MIXED, "ru")
    assert plain.paragraph_languages == ()  # without detection: today's behaviour


@pytest.mark.parametrize("algorithm", ["lsa", "kl"])
def test_the_summary_of_a_mixed_article_is_not_stuck_in_one_language(algorithm):
    """With one stop-word list, English "the/of/to" made the English sentences look
    like each other (or Russian ones did under an English label); per-sentence stop
    words let both languages into the summary."""
    result = analyse(
        Upload("mixed.txt", MIXED.encode()), SummarySettings(algorithm=algorithm, sentences=3)
    )
    article = result.article
    languages = {article.sentence_language(s.index) for s in result.summary.sentences}
    assert languages == {"ru", "en"}


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("built")
    return {
        pair: build_tiny_pack(where, *pair.split("_"), seed=number)
        for number, pair in enumerate(("ru_en", "en_ru", "ru_kk"))
    }


def test_translation_keeps_paragraphs_already_in_the_target_and_translates_the_headline(
    packs, packs_dir
):
    from translator.packs.install import install_from_file

    install_from_file(packs["ru_en"])
    result = analyse(Upload("mixed.txt", MIXED.encode()), SummarySettings(sentences=3))
    translated = add_translation(result, TranslationSettings(target="en", whole_article=True))
    article = translated.article
    english = {i for i in range(len(article.sentences)) if article.sentence_language(i) == "en"}
    assert translated.kept == english
    for index in english:
        assert translated.translations[index] == article.sentences[index].text
    russian = set(range(len(article.sentences))) - english
    assert all(translated.translations[i] != article.sentences[i].text for i in russian)
    assert translated.title_translation and translated.title_translation != TITLE
    assert translated.translation_reason is None


def test_into_the_main_language_only_the_quotation_is_translated(packs, packs_dir):
    from translator.packs.install import install_from_file

    install_from_file(packs["en_ru"])
    result = analyse(Upload("mixed.txt", MIXED.encode()), SummarySettings(sentences=3))
    translated = add_translation(result, TranslationSettings(target="ru", whole_article=True))
    article = translated.article
    english = {i for i in range(len(article.sentences)) if article.sentence_language(i) == "en"}
    assert translated.missing_pair is None and translated.translation_note is None
    assert translated.kept == set(range(len(article.sentences))) - english
    assert all(translated.translations[i] != article.sentences[i].text for i in english)
    assert translated.title_translation is None  # the headline is Russian already


def test_a_missing_pack_for_a_quotation_leaves_it_untranslated_with_a_note(packs, packs_dir):
    from translator.packs.install import install_from_file

    install_from_file(packs["ru_kk"])
    result = analyse(Upload("mixed.txt", MIXED.encode()), SummarySettings(sentences=3))
    translated = add_translation(result, TranslationSettings(target="kk", whole_article=True))
    article = translated.article
    english = {i for i in range(len(article.sentences)) if article.sentence_language(i) == "en"}
    assert set(translated.translations) == set(range(len(article.sentences))) - english
    assert translated.translation_note == (
        "Paragraphs in English are not translated: no language pack for English → Kazakh."
    )


def run_translator(env, *args) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "cli", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, timeout=300, text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_translator_cli_auto_keeps_english_paragraphs_and_line_breaks(packs, tmp_path):
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp_path / "packs"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONWARNINGS", None)
    installed = run_translator(env, "packages", "install-file", packs["ru_en"])
    assert installed.returncode == 0, installed.stderr
    source = tmp_path / "report.txt"
    source.write_text(WITH_LIST, encoding="utf-8")
    result = run_translator(env, "translate", "--source", "auto", "--target", "en", source)
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == 4  # headline, list paragraph, Russian, English
    assert blocks[3] == ENGLISH.replace("\n", " ")  # kept word for word (prose lines join)
    assert TITLE not in result.stdout and "Астана" not in blocks[1]
    assert len(blocks[1].split("\n")) == 5  # dateline, sentence and three list items


def test_an_override_keeps_the_quotation_in_its_language_through_the_job():
    result = analyse(Upload("mixed.txt", MIXED.encode()), SummarySettings(), override="uk")
    assert result.overridden and result.language == "uk"
    assert result.article.paragraph_languages == ("uk", "en", "uk")
    assert english_sentences(result.article)[0].startswith('"We see Kazakhstan')
