"""Offline translation: Argos language packs, multilingual models (NLLB-200, M2M-100) and the
engine that routes a pair through them. Language codes and detection live in `languages`.

The public names are loaded lazily (PEP 562): `import translator` stays cheap and never
imports CTranslate2; the engine loads it when a name from it is first used.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_EXPORTS: dict[str, str] = {
    # errors
    "TranslatorError": "translator.errors",
    "PackError": "translator.errors",
    "OfflineError": "translator.errors",
    "MissingPairError": "translator.errors",
    "TranslationFailedError": "translator.errors",
    "UndeterminedLanguageError": "translator.errors",
    # Argos packs
    "Pack": "translator.packs.folders",
    "PackScan": "translator.packs.folders",
    "SkippedFolder": "translator.packs.folders",
    "installed_packs": "translator.packs.folders",
    "packages_dir": "translator.paths",
    "scan_packs": "translator.packs.folders",
    "remove_pack": "translator.packs.folders",
    "install_from_file": "translator.packs.install",
    "AvailablePack": "translator.packs.index",
    "index_listing": "translator.packs.index",
    "find_available": "translator.packs.index",
    "download_and_install": "translator.packs.index",
    "install_advice": "translator.packs.index",
    # multilingual models
    "ModelError": "translator.multilingual.models",
    "MultilingualModel": "translator.multilingual.models",
    "ModelScan": "translator.multilingual.models",
    "scan_models": "translator.multilingual.models",
    "installed_models": "translator.multilingual.models",
    "models_dir": "translator.multilingual.models",
    "remove_model": "translator.multilingual.models",
    "install_model": "translator.multilingual.install",
    "is_model_source": "translator.multilingual.install",
    "is_model_zip": "translator.multilingual.install",
    "licence_notice": "translator.multilingual.install",
    "download_model": "translator.multilingual.download",
    "plan_download": "translator.multilingual.download",
    "DownloadPlan": "translator.multilingual.download",
    "KnownModel": "translator.multilingual.download",
    "DEFAULT_REPO": "translator.multilingual.download",
    "KNOWN_MODELS": "translator.multilingual.download",
    # after packs or models changed on disk
    "packs_changed": "translator.changes",
    # the engine (imports CTranslate2 when its models load)
    "PIVOT": "translator.engine.routes",
    "Route": "translator.engine.routes",
    "translate_sentences": "translator.engine.translating",
    "can_translate": "translator.engine.planning",
    "reachable_targets": "translator.engine.planning",
    "translatable_sources": "translator.engine.planning",
    "route_for": "translator.engine.planning",
    "has_model_choice": "translator.engine.planning",
    "script_note": "translator.engine.planning",
    "clear_translation_cache": "translator.engine.cache",
    "alternatives": "translator.engine.alternatives",
    # the glossary and the checks (no CTranslate2)
    "Glossary": "translator.glossary",
    "GlossaryError": "translator.glossary",
    "Term": "translator.glossary",
    "make_term": "translator.glossary",
    "read_csv": "translator.glossary",
    "write_csv": "translator.glossary",
    "Flag": "translator.checks",
    "SentenceCheck": "translator.checks",
    "check_translation": "translator.checks",
    "check_sentences": "translator.checks",
    "retry_sentences": "translator.engine.retrying",
}

__all__ = [
    "alternatives",
    "AvailablePack",
    "can_translate",
    "check_sentences",
    "check_translation",
    "Flag",
    "Glossary",
    "GlossaryError",
    "make_term",
    "read_csv",
    "retry_sentences",
    "SentenceCheck",
    "Term",
    "write_csv",
    "clear_translation_cache",
    "DEFAULT_REPO",
    "download_and_install",
    "download_model",
    "DownloadPlan",
    "find_available",
    "has_model_choice",
    "index_listing",
    "install_advice",
    "install_from_file",
    "install_model",
    "installed_models",
    "installed_packs",
    "is_model_source",
    "is_model_zip",
    "KNOWN_MODELS",
    "KnownModel",
    "licence_notice",
    "MissingPairError",
    "ModelError",
    "models_dir",
    "ModelScan",
    "MultilingualModel",
    "OfflineError",
    "Pack",
    "packages_dir",
    "PackError",
    "packs_changed",
    "PackScan",
    "PIVOT",
    "plan_download",
    "reachable_targets",
    "remove_model",
    "remove_pack",
    "Route",
    "route_for",
    "scan_models",
    "scan_packs",
    "script_note",
    "SkippedFolder",
    "translatable_sources",
    "translate_sentences",
    "TranslationFailedError",
    "TranslatorError",
    "UndeterminedLanguageError",
]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from translator.changes import (
        packs_changed,
    )
    from translator.checks import (
        Flag,
        SentenceCheck,
        check_sentences,
        check_translation,
    )
    from translator.engine.alternatives import (
        alternatives,
    )
    from translator.engine.cache import (
        clear_translation_cache,
    )
    from translator.engine.planning import (
        can_translate,
        has_model_choice,
        reachable_targets,
        route_for,
        script_note,
        translatable_sources,
    )
    from translator.engine.retrying import (
        retry_sentences,
    )
    from translator.engine.routes import (
        PIVOT,
        Route,
    )
    from translator.engine.translating import (
        translate_sentences,
    )
    from translator.errors import (
        MissingPairError,
        OfflineError,
        PackError,
        TranslationFailedError,
        TranslatorError,
        UndeterminedLanguageError,
    )
    from translator.glossary import (
        Glossary,
        GlossaryError,
        Term,
        make_term,
        read_csv,
        write_csv,
    )
    from translator.multilingual.download import (
        DEFAULT_REPO,
        KNOWN_MODELS,
        DownloadPlan,
        KnownModel,
        download_model,
        plan_download,
    )
    from translator.multilingual.install import (
        install_model,
        is_model_source,
        is_model_zip,
        licence_notice,
    )
    from translator.multilingual.models import (
        ModelError,
        ModelScan,
        MultilingualModel,
        installed_models,
        models_dir,
        remove_model,
        scan_models,
    )
    from translator.packs.folders import (
        Pack,
        PackScan,
        SkippedFolder,
        installed_packs,
        remove_pack,
        scan_packs,
    )
    from translator.packs.index import (
        AvailablePack,
        download_and_install,
        find_available,
        index_listing,
        install_advice,
    )
    from translator.packs.install import (
        install_from_file,
    )
    from translator.paths import (
        packages_dir,
    )
