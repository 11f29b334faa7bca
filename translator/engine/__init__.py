"""The translation engine: plans a Route for a pair and runs sentences through it.

Importing it is light (CTranslate2 is imported when a model first loads).
"""
from __future__ import annotations

from translator.engine.batching import BATCH_SIZE, BEAM_SIZE, LENGTH_PENALTY, MAX_DECODING_LENGTH
from translator.engine.cache import clear_translation_cache
from translator.engine.planning import (
    can_translate,
    has_model_choice,
    missing_pair,
    reachable_targets,
    route_for,
    script_note,
    translatable_sources,
)
from translator.engine.routes import PIVOT, ModelRoute, PackRoute, PivotRoute, Route
from translator.engine.scripts import ScriptChange
from translator.engine.translating import translate_sentences
from translator.errors import MissingPairError

__all__ = [
    "BATCH_SIZE",
    "BEAM_SIZE",
    "LENGTH_PENALTY",
    "MAX_DECODING_LENGTH",
    "MissingPairError",
    "PIVOT",
    "ModelRoute",
    "PackRoute",
    "PivotRoute",
    "Route",
    "ScriptChange",
    "can_translate",
    "clear_translation_cache",
    "has_model_choice",
    "missing_pair",
    "reachable_targets",
    "route_for",
    "script_note",
    "translatable_sources",
    "translate_sentences",
]
