"""A document translated by the digest job (digest.documents), seen as the tests read it:
paragraphs of (source, target) sentence pairs, the headline, the route and the notes.

The translator translates sentences; a whole document goes through the same job as on the
dashboard and in `news-digest translate`, and the tests check that job.
"""
from __future__ import annotations

from dataclasses import dataclass

from digest.documents import SentencePair, sentence_pairs, translate_document, translated_text
from digest.job import ArticleResult, Upload
from languages.names import LANGUAGE_NAMES

_CODES = {name: code for code, name in LANGUAGE_NAMES.items()}
_MODELS = ("NLLB-200", "M2M-100")


@dataclass(frozen=True)
class TranslatedDocument:
    result: ArticleResult

    @property
    def source_language(self) -> str:
        return self.result.language

    @property
    def target_language(self) -> str | None:
        return self.result.target

    @property
    def sentences(self) -> tuple[SentencePair, ...]:
        return sentence_pairs(self.result)

    @property
    def paragraphs(self) -> tuple[tuple[SentencePair, ...], ...]:
        article = self.result.article
        pairs = self.sentences
        return tuple(
            tuple(pair for pair, sentence in zip(pairs, article.sentences, strict=True)
                  if sentence.paragraph == index)
            for index in range(len(article.paragraphs))
        )

    @property
    def title(self) -> SentencePair | None:
        article = self.result.article
        if not article.title:
            return None
        return SentencePair(article.title, self.result.title_translation or "")

    @property
    def text(self) -> str:
        return translated_text(self.result)

    @property
    def route(self) -> str:
        return self.result.route

    @property
    def model(self) -> str:
        """The multilingual model family that translated the main language, "" for packs."""
        family = self.route.removeprefix("via ")
        return family if family in _MODELS else ""

    @property
    def via(self) -> tuple[str, ...]:
        """The pivot languages of the main language's route, e.g. ("en",)."""
        names = self.route.removeprefix("via ")
        if not self.route or self.model:
            return ()
        return tuple(_CODES[name] for name in names.split(", "))

    @property
    def notes(self) -> tuple[str, ...]:
        note = self.result.translation_note
        return (note,) if note else ()


def translate_text(
    text: str, source: str | None, target: str, prefer_model: bool = False
) -> TranslatedDocument:
    """`text` (a headline, a blank line, paragraphs; or plain sentences) translated whole."""
    upload = Upload("article.txt", text.encode("utf-8"))
    return TranslatedDocument(translate_document(upload, target, source, prefer_model))
