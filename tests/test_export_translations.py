"""Full translations out: the per-article translation file, the digest's reasons, the .docx."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest

from articles.building import build_article
from articles.export import (
    SummaryRecord,
    digest_text,
    translation_file_name,
    translation_text,
    zip_bytes,
)
from articles.export_docx import digest_docx
from articles.layout import joined_text

REPORT = (
    "Итоги переговоров в Астане\n\n"
    "Астана, 12 мая\n"
    "Стороны подписали три документа.\n"
    "- меморандум о рабочей группе\n"
    "- план инвестиций\n\n"
    "Следующий раунд пройдёт в декабре. Министры встретятся снова."
)
# A stand-in translation, one per sentence, as the engine returns them.
ENGLISH = [
    "Astana, 12 May",
    "The parties signed three documents.",
    "- a memorandum on the working group",
    "- an investment plan",
    "The next round will take place in December.",
    "The ministers will meet again.",
]


@pytest.fixture
def article():
    built = build_article("итоги.txt", REPORT, "ru")
    assert len(built.sentences) == len(ENGLISH)
    return built


def whole_record(article) -> SummaryRecord:
    translations = dict(enumerate(ENGLISH))
    return SummaryRecord(
        file_name="итоги.txt",
        title=article.title,
        language="ru",
        language_name="Russian",
        algorithm="Reduction",
        length_label="2 of 6 sentences",
        sentences=[article.sentences[1].text, article.sentences[4].text],
        target_language="English",
        title_translation="Results of the talks in Astana",
        whole_article=True,
        original_text=article.body,
        translated_text=joined_text(article, translations),
    )


def test_the_whole_translation_keeps_the_line_structure(article):
    text = joined_text(article, dict(enumerate(ENGLISH)))
    assert text == (
        "Astana, 12 May\nThe parties signed three documents.\n"
        "- a memorandum on the working group\n- an investment plan\n\n"
        "The next round will take place in December. The ministers will meet again."
    )


def test_translation_file_has_original_and_translation_with_the_headline(article):
    text = translation_text(whole_record(article))
    lines = text.splitlines()
    assert lines[:2] == ["Итоги переговоров в Астане", "Results of the talks in Astana"]
    assert "Translation: English, whole article" in text
    original = text.index("Original (Russian)")
    translated = text.index("Translation (English, whole article)")
    assert original < text.index("- план инвестиций") < translated
    assert text.index("- an investment plan") > translated
    assert "- a memorandum on the working group\n- an investment plan\n" in text
    assert translation_file_name("итоги.txt") == "итоги.translation.txt"


def test_an_article_without_translation_says_why_in_the_digest_and_its_file(article):
    missing = SummaryRecord(
        file_name="kz.txt", title="", language="kk", language_name="Kazakh",
        algorithm="Reduction", length_label="1 of 3 sentences", sentences=["Бір."],
        target_language="English",
        translation_reason="No language pack for Kazakh → English.",
    )
    digest = digest_text([whole_record(article), missing])
    assert "No translation: No language pack for Kazakh → English." in digest
    assert digest.count("Results of the talks in Astana") == 1
    assert translation_text(missing).endswith(
        "No translation: No language pack for Kazakh → English.\n"
    )


def test_digest_as_word_has_every_article_translation_and_line_breaks(article):
    missing = SummaryRecord(
        file_name="kz.txt", title="Жаңалық", language="kk", language_name="Kazakh",
        algorithm="Reduction", length_label="1 of 3 sentences", sentences=["Бір сөйлем."],
        target_language="English", translation_reason="The language of this article is "
        "undetermined: choose it above to translate it.",
    )
    data = digest_docx([whole_record(article), missing])
    assert data[:2] == b"PK"
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["Итоги переговоров в Астане", "Жаңалық"]
    texts = [text for _, text in paragraphs]
    assert "Results of the talks in Astana" in texts
    # a list keeps its lines: Word line breaks inside one paragraph
    assert any(
        text.startswith("Astana, 12 May\nThe parties signed three documents.\n- a memorandum")
        for text in texts
    )
    assert (
        "No translation: The language of this article is undetermined: choose it above "
        "to translate it." in texts
    )


def test_the_zip_holds_each_translated_article_translation_beside_its_summary(article):
    untranslated = SummaryRecord(
        file_name="b.txt", title="", language="en", language_name="English",
        algorithm="Reduction", length_label="1 of 1 sentences", sentences=["One."],
    )
    with zipfile.ZipFile(io.BytesIO(zip_bytes([whole_record(article), untranslated]))) as bundle:
        assert bundle.namelist() == ["итоги.summary.txt", "итоги.translation.txt", "b.summary.txt"]
        text = bundle.read("итоги.translation.txt").decode("utf-8")
    assert text == translation_text(whole_record(article))
