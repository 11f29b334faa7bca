"""Sentences back into text with the article's line structure.

A translation is made sentence by sentence; joining its sentences with spaces
would glue a list, a dateline or a table row into one line. Here a sentence
with `line_break` is followed by "\n", other sentences of a paragraph by a
space, and paragraphs by a blank line.
"""
from __future__ import annotations

from collections.abc import Mapping

from articles.model import Article


def paragraph_texts(article: Article, texts: Mapping[int, str]) -> list[tuple[int, str]]:
    """(paragraph index, its text) for each paragraph holding a sentence in `texts`
    (sentence index -> text), sentences joined as the original's are."""
    paragraphs: dict[int, str] = {}
    last: dict[int, bool] = {}
    for index, sentence in enumerate(article.sentences):
        text = texts.get(index)
        if text is None or not text.strip():
            continue
        before = paragraphs.get(sentence.paragraph)
        if before is None:
            paragraphs[sentence.paragraph] = text.strip()
        else:
            joint = "\n" if last[sentence.paragraph] else " "
            paragraphs[sentence.paragraph] = f"{before}{joint}{text.strip()}"
        last[sentence.paragraph] = sentence.line_break
    return sorted(paragraphs.items())


def joined_text(article: Article, texts: Mapping[int, str]) -> str:
    """The sentences in `texts` as plain text: line breaks kept, paragraphs apart."""
    return "\n\n".join(text for _, text in paragraph_texts(article, texts))
