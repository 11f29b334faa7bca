"""A word tokenizer for sumy that needs no nltk data.

sumy's default word tokenizer calls nltk.word_tokenize, which looks up the
punkt model (not installed, and downloading is not allowed). Sentences come
from `articles`; inside a sentence words are runs of letters joined by an
apostrophe or hyphen, which is what sumy keeps of nltk's tokens anyway (its
filter drops tokens with digits or punctuation). Scripts written without
spaces (Chinese, Japanese) give one token per character.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+(?:['’‘\-]\w+)*")
_LETTER_WORD = re.compile(
    r"(?<!\w)(?<!\w['’‘\-])[^\W\d_]+(?:['’‘\-][^\W\d_]+)*(?!\w)(?!['’‘\-]\w)"
)
"""A whole token of letters: the same words as _TOKEN filtered by _WORD, in one pass."""
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’‘\-])*$")
UNSPACED = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
"""Kana and CJK ideographs: scripts written without spaces, one word a character."""
_UNSPACED = re.compile(UNSPACED)


class WordTokenizer:
    """Implements the one method sumy's Sentence calls: to_words(text)."""

    def __init__(self, language: str = "und") -> None:
        self.language = language

    def to_words(self, text: str) -> tuple[str, ...]:
        if not _UNSPACED.search(text):
            return tuple(_LETTER_WORD.findall(text))
        words: list[str] = []
        for token in _TOKEN.findall(text):
            if _UNSPACED.search(token):
                words.extend(_split_unspaced(token))
            elif _WORD.match(token):
                words.append(token)
        return tuple(words)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences come from `articles`; this only exists for sumy's interface."""
        from articles.segmentation import split_sentences

        return tuple(split_sentences(paragraph, self.language))


def _split_unspaced(token: str) -> list[str]:
    words: list[str] = []
    run = ""
    for char in token:
        if _UNSPACED.match(char):
            if run and _WORD.match(run):
                words.append(run)
                run = ""
            words.append(char)
        else:
            run += char
    if run and _WORD.match(run):
        words.append(run)
    return words


class ForeignWordTokenizer(WordTokenizer):
    """Words of a sentence in another language than the article's, already reduced with
    that language's stop words and stemmer.

    sumy applies one stop-word list and one stemmer to a whole document; a quoted
    English paragraph in a Russian article would otherwise count "the" and "of" as
    content words (and win the summary). The article's own stemmer then leaves these
    stems as they are (another alphabet, or already stemmed).
    """

    def to_words(self, text: str) -> tuple[str, ...]:
        from summarizer.language import stemmer, stop_words

        stop, stem = stop_words(self.language), stemmer(self.language)
        lowered = (word.lower() for word in super().to_words(text))
        return tuple(stem(word) for word in lowered if word not in stop)
