"""Which route translates a pair now, from the installed packs and multilingual models.

In order: a direct Argos pack (smaller and faster); else an installed multilingual model
directly, without a pivot; else Argos packs through English (de → en → ru).
`prefer_model=True` puts the model first for a pair.
"""
from __future__ import annotations

from languages.codes import normalize_code
from languages.names import language_name
from languages.scripts import script_subtag
from translator.engine.routes import PIVOT, ModelRoute, PackRoute, PivotRoute, Route
from translator.errors import MissingPairError
from translator.multilingual.models import MultilingualModel, installed_models, model_for
from translator.packs.folders import Pack, installed_packs, version_key


def _pairs() -> dict[tuple[str, str], Pack]:
    """The newest installed pack of each pair."""
    pairs: dict[tuple[str, str], Pack] = {}
    for pack in installed_packs():
        key = (pack.from_code.lower(), pack.to_code.lower())
        if key not in pairs or version_key(pack.version) > version_key(pairs[key].version):
            pairs[key] = pack
    return pairs


def missing_pair(source: str, target: str, hint: str = "") -> MissingPairError:
    """The error for a pair nothing installed reaches, saying what would (or that nothing is
    published for it)."""
    from translator.packs.index import install_advice  # the index cached on disk, no network

    source_label = f"{language_name(source)} ({source})"
    target_label = f"{language_name(target)} ({target})"
    message = (
        f"No installed language pack or multilingual model translates {source_label} to "
        f"{target_label}, directly or through English. {hint}{install_advice(source, target)}"
    )
    return MissingPairError(source, target, message.replace("  ", " "))


def plan(source: str, target: str, pairs: dict[tuple[str, str], Pack] | None = None,
         models: list[MultilingualModel] | None = None, prefer_model: bool = False) -> Route:
    """The route for two normalized codes; MissingPairError when there is none."""
    pairs = _pairs() if pairs is None else pairs
    models = installed_models() if models is None else models
    model = model_for(source, target, models)
    if model is not None and prefer_model:
        return ModelRoute(model, source, target)
    if (source, target) in pairs:
        return PackRoute(pairs[source, target])
    if model is not None:
        return ModelRoute(model, source, target)
    if PIVOT not in (source, target) and (source, PIVOT) in pairs and (PIVOT, target) in pairs:
        return PivotRoute(PackRoute(pairs[source, PIVOT]), PackRoute(pairs[PIVOT, target]))
    hint = ""
    if PIVOT not in (source, target):
        if (source, PIVOT) in pairs:
            hint = f"The {source} → {PIVOT} pack is installed; {PIVOT} → {target} is missing. "
        elif (PIVOT, target) in pairs:
            hint = f"The {PIVOT} → {target} pack is installed; {source} → {PIVOT} is missing. "
    raise missing_pair(source, target, hint)


def route_for(source: str, target: str, prefer_model: bool = False) -> Route:
    """The route translate_sentences would take for the pair; MissingPairError when none."""
    return plan(normalize_code(source), normalize_code(target), prefer_model=prefer_model)


def has_model_choice(source: str, target: str) -> bool:
    """True when both a pack route and a multilingual model translate the pair, so the
    reader can choose the model."""
    source, target = normalize_code(source), normalize_code(target)
    models = installed_models()
    if source == target or model_for(source, target, models) is None:
        return False
    return not plan(source, target, models=models).model


def can_translate(source: str, target: str) -> bool:
    """True when translate_sentences would find a route (same language counts: nothing to do)."""
    source, target = normalize_code(source), normalize_code(target)
    if source == target:
        return True
    try:
        plan(source, target)
    except MissingPairError:
        return False
    return True


def reachable_targets(source: str) -> list[str]:
    """Target codes the installed packs and models reach from source, directly or through
    English."""
    source = normalize_code(source)
    pairs = _pairs()
    targets = {to for (frm, to) in pairs if frm == source}
    if source != PIVOT and (source, PIVOT) in pairs:
        targets |= {to for (frm, to) in pairs if frm == PIVOT}
    for model in installed_models():
        if source in model.languages:
            targets |= set(model.languages)
    targets.discard(source)
    return sorted(targets)


def translatable_sources() -> list[str]:
    """Source codes an installed pack or multilingual model translates from (for the dashboard)."""
    sources = {frm for (frm, _to) in _pairs()}
    for model in installed_models():
        sources |= set(model.languages)
    return sorted(sources)


def script_note(source: str, target: str, prefer_model: bool = False) -> str:
    """What translating from `source` (with its script: "uz-Cyrl") would transliterate, in
    words for the reader; "" when nothing. MissingPairError when there is no route."""
    language, target = normalize_code(source), normalize_code(target)
    if not script_subtag(source) or language == target:
        return ""
    change = plan(language, target, prefer_model=prefer_model).script_change(source)
    return change.note if change else ""
