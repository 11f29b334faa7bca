"""The one call to make after packs were installed or removed outside the engine's view."""
from __future__ import annotations


def packs_changed() -> None:
    """Forget cached translations and free the models of removed or replaced packs.

    The engine already notices a replaced pack by its stamp; this releases memory and
    makes sure no sentence translated by a pack that is gone is served again.
    """
    from translator import engine, models, multilingual  # CTranslate2 only when loaded

    engine.clear_translation_cache()
    models.forget_removed()
    multilingual.forget_removed()
