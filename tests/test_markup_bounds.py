"""A huge article is drawn only up to MAX_SHOWN_SENTENCES (a browser tab crashes on 25 MB)."""
from __future__ import annotations

from articles.model import Article, Sentence
from ui.markup import MAX_SHOWN_SENTENCES, highlighted_article, side_by_side


def huge_article(count: int) -> Article:
    sentences = tuple(
        Sentence(f"Sentence number {n} of the report.", n // 10) for n in range(count)
    )
    paragraphs = tuple("p" for _ in range(count // 10))
    return Article("huge.txt", "Report", paragraphs, sentences, "en")


def test_the_original_and_side_by_side_draw_the_start_and_say_so():
    article = huge_article(MAX_SHOWN_SENTENCES * 3)
    shown = highlighted_article(article, {0})
    both = side_by_side(article, {0: "Satz 0."}, "English", "German")
    note = f"Showing the first {MAX_SHOWN_SENTENCES:,} sentences of {MAX_SHOWN_SENTENCES * 3:,}."
    for html in (shown, both):
        assert note in html
        assert f"Sentence number {MAX_SHOWN_SENTENCES - 1} " in html
        assert f"Sentence number {MAX_SHOWN_SENTENCES} " not in html


def test_an_ordinary_article_is_drawn_whole_without_a_note():
    article = huge_article(40)
    assert "Showing the first" not in highlighted_article(article, set())
    assert "Sentence number 39 " in highlighted_article(article, set())
