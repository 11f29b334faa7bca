"""The Article: what every other package reads instead of raw bytes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body, with the paragraph it belongs to.

    Keeping the paragraph index lets the summary highlights and the side-by-side
    translation share one segmentation. `line_break` is True when the paragraph
    goes on on a new line after this sentence (a list item, a dateline, a table
    row): translations and views put a "\n" there instead of a space.
    """

    text: str
    paragraph: int
    line_break: bool = False


@dataclass(frozen=True)
class Article:
    """A decoded, normalized article split into title, paragraphs and sentences.

    A paragraph's text keeps a "\n" between lines that stand on their own (lists,
    datelines, table rows); wrapped lines are joined with a space.

    The title is kept apart so that it is shown as a title and never picked as a
    summary sentence. `language` is the article's main language ("und" when
    unknown); `paragraph_languages`, when given, has one code per paragraph (a
    quoted English paragraph in a Russian article is "en"): each paragraph's
    sentences were split, and are summarized and translated, with its own rules.
    """

    name: str
    title: str
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    language: str = "und"
    encoding: str = "utf-8"
    paragraph_languages: tuple[str, ...] = ()

    def paragraph_language(self, paragraph: int) -> str:
        """The language of one paragraph: its own if known, else the article's."""
        if 0 <= paragraph < len(self.paragraph_languages):
            return self.paragraph_languages[paragraph]
        return self.language

    def sentence_language(self, index: int) -> str:
        """The language of article.sentences[index] (its paragraph's)."""
        return self.paragraph_language(self.sentences[index].paragraph)

    @property
    def body(self) -> str:
        """The body text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """Title and body, as a reader would see the whole article."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body
