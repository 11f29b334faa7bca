"""A second opinion for flagged sentences: the pair's other route.

When an Argos pack and a multilingual model both translate a pair, each is the other's
second opinion; a direct route's is the packs through English. The caller (digest.job)
checks both translations (translator.checks) and keeps the better one, labelled.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from languages.codes import normalize_code
from translator.engine.planning import _pairs, plan
from translator.engine.routes import PIVOT, ModelRoute, PackRoute, PivotRoute, Route
from translator.engine.translating import run_protected
from translator.errors import MissingPairError
from translator.glossary import Glossary
from translator.multilingual.models import installed_models, model_for


@dataclass(frozen=True)
class Retried:
    """The other route's translations and its label ("NLLB-200", "Argos packs de→en→ru")."""

    label: str
    key: str
    texts: tuple[str, ...]


def other_route(source: str, target: str, prefer_model: bool = False) -> Route | None:
    """The route that is not the one translate_sentences takes for the pair, None when
    there is only one."""
    source, target = normalize_code(source), normalize_code(target)
    if source == target:
        return None
    try:
        first = plan(source, target, prefer_model=prefer_model)
    except MissingPairError:
        return None
    pairs = _pairs()
    candidates: list[Route] = []
    model = model_for(source, target, installed_models())
    if model is not None:
        candidates.append(ModelRoute(model, source, target))
    if (source, target) in pairs:
        candidates.append(PackRoute(pairs[source, target]))
    if PIVOT not in (source, target) and (source, PIVOT) in pairs and (PIVOT, target) in pairs:
        candidates.append(PivotRoute(PackRoute(pairs[source, PIVOT]),
                                     PackRoute(pairs[PIVOT, target])))
    return next((route for route in candidates if route.key != first.key), None)


def retry_sentences(
    sentences: Sequence[str], source: str, target: str, prefer_model: bool = False,
    glossary: Glossary | None = None,
) -> Retried | None:
    """The sentences translated on the pair's other route (glossary kept), None when the
    pair has only one route."""
    route = other_route(source, target, prefer_model)
    if route is None:
        return None
    texts = run_protected(route, sentences, source, _quiet, glossary)
    return Retried(route.label, route.key, tuple(texts))


def _quiet(_done: int, _total: int) -> None:
    return None
