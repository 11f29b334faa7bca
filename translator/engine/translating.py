"""Offline translation sentence by sentence, without argostranslate.translate.

argostranslate.translate imports torch, stanza and spacy (3 s, 750 MB) and downloads sentence
splitters at run time. We only need what a pack or model holds: a tokenizer and a CTranslate2
model. The caller gives sentences (digest.job splits articles with `articles`' segmentation, the
same one the summary uses), so each source sentence is paired with its translation.

A source code may name the script its sentences are written in ("uz-Cyrl"): when the route's
first pack or model knows the language only in the other script, the sentences are
transliterated before they reach it (Route.script_change). A bare code means the language's
usual script.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from languages.codes import normalize_code
from translator.engine.planning import plan
from translator.engine.routes import Route

Progress = Callable[[int, int], None]


def translate_sentences(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None = None,
    prefer_model: bool = False,
) -> list[str]:
    """One translation per sentence, in order ("" for an empty sentence). `source` may name
    the sentences' script ("uz-Cyrl"). MissingPairError when nothing installed translates it."""
    return translate_by_route(sentences, source, target, progress, prefer_model)[0]


def translate_by_route(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None = None,
    prefer_model: bool = False,
) -> tuple[list[str], Route | None]:
    """The translations and the route that made them (None: already in the target language)."""
    tagged = source
    source, target = normalize_code(source), normalize_code(target)
    total = len(sentences)
    last = [-1]

    def report(done: int, _total: int = total) -> None:
        if progress is not None and done != last[0]:
            last[0] = done
            progress(done, total)

    if source == target:
        report(total)
        return list(sentences), None
    route = plan(source, target, prefer_model=prefer_model)
    texts = route.run(sentences, tagged, report)
    report(total)
    return texts, route
