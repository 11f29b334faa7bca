"""Summaries out: plain text, digest, zip with safe, unique names."""
import io
import zipfile

import pytest

from articles.export import SummaryRecord, digest_text, summary_file_name, summary_text, zip_bytes


def record(file_name="новости.txt", title="Переговоры в Астане", translation=None):
    return SummaryRecord(
        file_name=file_name,
        title=title,
        language="ru",
        language_name="Russian",
        algorithm="LexRank",
        length_label="3 sentences",
        sentences=["Первое предложение.", "Второе предложение."],
        translation=translation,
        target_language="English" if translation else None,
    )


def test_summary_text_shows_title_source_language_algorithm_and_summary():
    text = summary_text(record())
    assert text.splitlines()[0] == "Переговоры в Астане"
    assert "Source file: новости.txt" in text
    assert "Russian (ru)" in text
    assert "LexRank, 3 sentences" in text
    assert "Первое предложение.\nВторое предложение." in text
    assert "Translation" not in text
    assert text.encode("utf-8").decode("utf-8") == text


def test_summary_text_adds_the_translation_when_there_is_one():
    text = summary_text(record(translation=["First sentence.", "Second sentence."]))
    assert "Translation (English)" in text
    assert text.index("Второе предложение.") < text.index("First sentence.")
    assert text.rstrip().endswith("Second sentence.")


def test_digest_has_every_article_under_its_file_name_and_title():
    digest = digest_text([record("a.txt", "Первая"), record("b.txt", "Вторая")])
    assert digest.index("a.txt — Первая") < digest.index("b.txt — Вторая")
    assert digest.count("Первое предложение.") == 2
    assert digest.count("=" * 72) == 4


def test_zip_has_one_summary_file_per_article_with_unique_names():
    data = zip_bytes([record("a.txt"), record("dir/a.txt"), record("A.md"), record("новости.txt")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == [
            "a.summary.txt",
            "a (2).summary.txt",
            "A (3).summary.txt",
            "новости.summary.txt",
        ]
        assert archive.read("новости.summary.txt").decode("utf-8") == summary_text(record())


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("report.txt", "report.summary.txt"),
        ("Новости дня.txt", "Новости дня.summary.txt"),
        ("../../etc/passwd", "passwd.summary.txt"),
        ("C:\\Users\\me\\статья.txt", "статья.summary.txt"),
        (".hidden", "hidden.summary.txt"),
        ("..", "article.summary.txt"),
        ("", "article.summary.txt"),
        ("CON.txt", "_CON.summary.txt"),
        ("lpt1", "_lpt1.summary.txt"),
        ("a\x00b\x07c.txt", "a_b_c.summary.txt"),
        ('what?<>:"|*.txt', "what.summary.txt"),
        ("v1.2.final.txt", "v1.2.final.summary.txt"),
    ],
)
def test_summary_file_name_is_safe(file_name, expected):
    assert summary_file_name(file_name) == expected


def test_summary_file_name_is_bounded():
    name = summary_file_name("я" * 500 + ".txt")
    assert name.endswith(".summary.txt")
    assert len(name) <= 140
