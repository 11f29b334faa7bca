"""Texts translated for the API: the dashboard's packs, models, translation memory and
glossary, each sentence run once however many clients ask for it at the same moment.

The digest job's translate step (digest.steps.translate, the engine) is wrapped with
the library's translation memory (digest.library.memory), as the dashboard wraps it, and
with a single flight keyed by (sentence, source, target, route): a sentence translated
before comes from the memory, one being translated for another client is waited for.
The engine shares one loaded model between all threads (translator.loading); the
sentences of concurrent requests for one pair go to it as one batch (api.gathering).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from api.flight import SingleFlight
from api.gathering import Gatherer
from api.markup import read_markup
from api.texts import Layout, layout
from digest import steps
from digest.library import Library, open_library
from digest.library.memory import remembering
from languages.codes import normalize_code
from languages.transliteration import script_tag

log = logging.getLogger(__name__)

TEXT, HTML = "text", "html"
FORMATS = (TEXT, HTML)

Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class Translated:
    """One translation per text, and per text its alternatives (empty when none asked)."""

    texts: list[str]
    alternatives: list[list[str]]


class Translations:
    """The server's one translator: memory and glossary, single flight, batches of
    concurrent requests, alternatives."""

    def __init__(self, library: Callable[[], Library] = open_library) -> None:
        self.library = library
        self.flights: SingleFlight[Key, str] = SingleFlight()
        self._remembered = remembering(steps.translate, library)
        self._batches = Gatherer(self._translate)

    def _translate(self, sentences: tuple[str, ...], source: str, target: str) -> Sequence[str]:
        """One batch through the memory, the reader's glossary terms kept."""
        glossary = self._glossary(source, target)
        if glossary:
            return self._remembered(sentences, source, target, False, glossary)
        return self._remembered(sentences, source, target)

    def _glossary(self, source: str, target: str):
        """The library's glossary for the pair (read for each batch, so a term added on the
        dashboard applies at once); None when it has none or cannot be read."""
        from digest.library import LibraryError
        from digest.library.glossary import glossary

        try:
            terms = glossary(self.library()).for_pair(source, target)
        except LibraryError:
            log.exception("the glossary cannot be read")
            return None
        return terms or None

    def sentences(self, sentences: Sequence[str], source: str, target: str) -> dict[str, str]:
        """Each distinct sentence -> its translation; `source` may name a script
        ("uz-Cyrl"). MissingPairError when nothing installed translates the pair."""
        from translator import route_for

        unique = list(dict.fromkeys(sentence for sentence in sentences if sentence.strip()))
        if not unique:
            return {}
        if normalize_code(source) == normalize_code(target):
            return {sentence: sentence for sentence in unique}
        route = route_for(normalize_code(source), normalize_code(target)).key
        keys = [(sentence, source, target, route) for sentence in unique]

        def work(owned: list[Key]) -> list[str]:
            return self._batches.translate([key[0] for key in owned], source, target)

        return dict(zip(unique, self.flights.run(keys, work), strict=True))

    def texts(self, texts: Sequence[str], source: str, target: str, text_format: str = TEXT,
              alternatives: int = 0) -> Translated:
        """Texts in `source` (a code) into `target`, laid out as they came; HTML keeps its
        markup (MarkupRefused past its bounds). Alternatives are given for plain text."""
        if text_format == HTML:
            markups = [read_markup(text) for text in texts]
            nodes = [markup.texts for markup in markups]
            flat = [node for text_nodes in nodes for node in text_nodes]
            done = iter(self._plain(flat, source, target))
            rendered = [markup.render([next(done) for _ in text_nodes])
                        for markup, text_nodes in zip(markups, nodes, strict=True)]
            return Translated(rendered, [[] for _ in texts])
        translated = self._plain(texts, source, target)
        others = [self._alternatives(text, source, target, alternatives, main) if alternatives
                  else [] for text, main in zip(texts, translated, strict=True)]
        return Translated(translated, others)

    def _plain(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        layouts = [layout(text, source) for text in texts]
        groups: dict[str, list[str]] = {}
        tags = [script_tag(source, text) for text in texts]
        for tag, text_layout in zip(tags, layouts, strict=True):
            groups.setdefault(tag, []).extend(text_layout.sentences)
        translations = {tag: self.sentences(sentences, tag, target)
                        for tag, sentences in groups.items()}
        return [text_layout.render(translations[tag])
                for tag, text_layout in zip(tags, layouts, strict=True)]

    def _alternatives(self, text: str, source: str, target: str, count: int,
                      main: str) -> list[str]:
        """Up to `count` other translations of the whole text: alternative k puts each
        sentence's k-th alternative (its own translation when it has fewer) in place. Each
        keeps the glossary's terms, as the first translation does (digest.checked)."""
        from digest.checked import sentence_alternatives

        tag = script_tag(source, text)
        text_layout: Layout = layout(text, source)
        sentences = text_layout.sentences
        mine = self.sentences(sentences, tag, target)
        glossary = self._glossary(tag, target)
        options = [sentence_alternatives(sentence, tag, target, count, False, glossary)
                   for sentence in sentences]
        found: list[str] = []
        for rank in range(count):
            choice = [each[rank] if rank < len(each) else mine.get(sentence, sentence)
                      for sentence, each in zip(sentences, options, strict=True)]
            candidate = text_layout.render_each(choice)
            if candidate != main and candidate not in found:
                found.append(candidate)
        return found
