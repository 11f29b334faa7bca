"""Translating a whole document (an Article or plain text), paragraph by paragraph.

Kept for the callers that still translate a document here; digest.job translates articles for
the dashboard, the command lines and the batch runner.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from articles.building import build_article
from articles.model import Article
from languages.codes import UNDETERMINED, is_determined, normalize_code
from languages.names import language_name
from languages.transliteration import script_tag
from translator.engine.translating import translate_by_route
from translator.errors import UndeterminedLanguageError

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SentencePair:
    """A source sentence and its translation. `line_break`: a new line follows it in its
    paragraph; `kept`: it was already in the target language and is its own translation."""

    source: str
    target: str
    line_break: bool = False
    kept: bool = False


@dataclass(frozen=True)
class Translation:
    """A translated document, paragraph by paragraph, each source sentence beside its translation.

    `paragraphs` has one entry per source paragraph (an empty tuple for a paragraph with no
    sentence), so the dashboard can put original and translation side by side. `via` lists
    pivot languages, e.g. ("en",) for de -> en -> ru; `model` names the multilingual model
    family that translated (e.g. "NLLB-200"), "" for Argos packs. `notes` says what the
    reader should know about how, e.g. "Uzbek in Cyrillic was transliterated to Latin for
    NLLB-200."
    """

    source_language: str
    target_language: str
    paragraphs: tuple[tuple[SentencePair, ...], ...]
    via: tuple[str, ...] = ()
    title: SentencePair | None = None
    model: str = ""
    notes: tuple[str, ...] = ()

    @property
    def route(self) -> str:
        """How it was translated, for the reader: "via NLLB-200", "via English", or ""."""
        if self.model:
            return f"via {self.model}"
        if self.via:
            return "via " + ", ".join(language_name(code) for code in self.via)
        return ""

    @property
    def text(self) -> str:
        """The translation as plain text: title, then paragraphs separated by a blank line."""
        body = "\n\n".join(_joined(para) for para in self.paragraphs if _joined(para))
        if self.title is not None and self.title.target:
            return f"{self.title.target}\n\n{body}" if body else self.title.target
        return body

    @property
    def sentences(self) -> tuple[SentencePair, ...]:
        """Every body sentence pair in document order."""
        return tuple(pair for para in self.paragraphs for pair in para)


def _joined(pairs: Sequence[SentencePair]) -> str:
    """A paragraph's translation: a new line where the original has one, else a space."""
    text = ""
    for pair in pairs:
        if pair.target:
            text = f"{text}{pair.target}\n" if pair.line_break else f"{text}{pair.target} "
    return text.strip()


def _translate(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None,
    prefer_model: bool = False,
) -> tuple[list[str], tuple[str, ...], str, str]:
    """Translations, pivots, model family and the note on a transliteration ("" if none)."""
    texts, route = translate_by_route(sentences, source, target, progress, prefer_model)
    if route is None:
        return texts, (), "", ""
    change = route.script_change(source)
    return texts, route.pivots, route.model, change.note if change else ""


def _source_code(source: str | None, fallback: str, text: str) -> str:
    code = normalize_code(source)
    if not is_determined(code):
        code = normalize_code(fallback)
    if not is_determined(code):
        from languages.detection import detect_language

        code = detect_language(text).code
    if not is_determined(code):
        raise UndeterminedLanguageError(
            "The language of the text could not be determined; choose the source language."
        )
    return code


def translate_article(
    article: Article, target: str, source: str | None = None, progress: Progress | None = None,
    prefer_model: bool = False,
) -> Translation:
    """Translate an Article's title and sentences, keeping its paragraphs and line breaks.

    source defaults to article.language (detected when "und"). Each paragraph is
    translated from its own language (article.paragraph_languages); one already in
    the target language is kept as it is. progress(done, total) counts sentences,
    the title included. prefer_model: a multilingual model before a direct pack.
    Uzbek or Kazakh paragraphs in their other script are transliterated for a model that
    reads only one (languages.transliteration.script_tag); `notes` says so.
    """
    source = _source_code(source, article.language, article.text)
    target = normalize_code(target)
    titled = [article.title] if article.title else []
    groups: dict[str, list[int]] = {}
    tags: dict[int, str] = {}  # paragraph -> its language, with its script if unusual
    for index, sentence in enumerate(article.sentences):
        if sentence.paragraph not in tags:
            language = article.paragraph_language(sentence.paragraph)
            language = language if is_determined(language) else source
            tags[sentence.paragraph] = _tag(language, target, article, sentence.paragraph)
        groups.setdefault(tags[sentence.paragraph], []).append(index)
    # the title goes with the main language's sentences written in its script
    main = script_tag(source, article.title) if article.title and source != target else source
    groups.setdefault(main, [])
    outputs: dict[int, str] = {}
    title_output, via, model, notes = "", (), "", []
    done_before = [0]
    total = len(titled) + len(article.sentences)

    def reporting(done: int, _total: int) -> None:
        if progress is not None:
            progress(done_before[0] + done, total)

    for language, members in sorted(groups.items(), key=lambda item: item[0] != main):
        texts = [article.sentences[index].text for index in members]
        if language == main:
            texts = titled + texts
        translated, hops, used, note = _translate(
            texts, language, target, reporting, prefer_model
        )
        if note and note not in notes:
            notes.append(note)
        if language == main:
            via, model = hops, used
            if titled:
                title_output, translated = translated[0], translated[1:]
        outputs.update(zip(members, translated, strict=True))
        done_before[0] += len(texts)
    title = SentencePair(article.title, title_output) if article.title else None
    paragraphs: list[list[SentencePair]] = [[] for _ in article.paragraphs]
    for index, sentence in enumerate(article.sentences):
        kept = normalize_code(article.paragraph_language(sentence.paragraph)) == target
        pair = SentencePair(sentence.text, outputs[index], sentence.line_break, kept)
        if not paragraphs:
            paragraphs.append([])
        paragraphs[sentence.paragraph if 0 <= sentence.paragraph < len(paragraphs) else -1].append(
            pair
        )
    return Translation(
        source_language=source,
        target_language=target,
        paragraphs=tuple(tuple(pairs) for pairs in paragraphs),
        via=via,
        title=title,
        model=model,
        notes=tuple(notes),
    )


def _tag(language: str, target: str, article: Article, paragraph: int) -> str:
    """A paragraph's language for grouping its sentences: with its script when unusual
    ("uz-Cyrl"), except in the target language (kept as it is, whatever its script)."""
    if normalize_code(language) == target or not 0 <= paragraph < len(article.paragraphs):
        return language
    return script_tag(language, article.paragraphs[paragraph])


def translate_text(
    text: str, source: str | None, target: str, progress: Progress | None = None,
    prefer_model: bool = False,
) -> Translation:
    """Translate plain text (source None or "auto": detected); paragraphs split at blank lines."""
    source = _source_code(source, UNDETERMINED, text)
    article = build_article("text", text, language=source)
    return translate_article(article, target, source=source, progress=progress,
                             prefer_model=prefer_model)
