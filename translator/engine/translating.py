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
from translator.glossary import Glossary, protected

Progress = Callable[[int, int], None]


def translate_sentences(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None = None,
    prefer_model: bool = False, glossary: Glossary | None = None,
) -> list[str]:
    """One translation per sentence, in order ("" for an empty sentence). `source` may name
    the sentences' script ("uz-Cyrl"); the glossary's terms for the pair come out exactly as
    it says. MissingPairError when nothing installed translates it."""
    return translate_by_route(sentences, source, target, progress, prefer_model, glossary)[0]


def translate_by_route(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None = None,
    prefer_model: bool = False, glossary: Glossary | None = None,
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
    texts = run_protected(route, sentences, tagged, report, glossary)
    report(total)
    return texts, route


def run_protected(route: Route, sentences: Sequence[str], tagged: str, progress: Progress,
                  glossary: Glossary | None = None) -> list[str]:
    """route.run with the glossary's terms masked and restored (translator.glossary); the
    second pass, for sentences whose masks the model lost, reports no progress."""
    calls = [progress]

    def run(texts: list[str]) -> list[str]:
        report = calls.pop() if calls else _quiet
        return route.run(texts, tagged, report)

    return protected(run, sentences, glossary, route.source, route.target)


def _quiet(_done: int, _total: int) -> None:
    return None
