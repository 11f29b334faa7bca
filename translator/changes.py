"""The one call to make after packs were installed or removed outside the engine's view."""
from __future__ import annotations


def packs_changed() -> None:
    """Forget cached translations and free the models of removed or replaced packs and models.

    The engine already notices a replaced pack by its stamp; this releases memory and
    makes sure no sentence translated by a pack that is gone is served again.
    """
    from translator.engine.cache import clear_translation_cache
    from translator.loading import LOADED

    clear_translation_cache()
    LOADED.forget_removed()
