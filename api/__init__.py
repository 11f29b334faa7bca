"""The HTTP API: LibreTranslate's endpoints over the offline engine, and our summaries and
library search, served by uvicorn (`news-digest serve`).

    from api import ServerSettings, create_app, serving

An edge of the house, like ui/ and cli/: it calls digest, languages and translator, and
nothing but cli/serve imports it. `import api` is cheap: FastAPI loads with create_app.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from api.app import create_app
    from api.server import serve, serving
    from api.settings import ServerSettings

__all__ = ["ServerSettings", "create_app", "serve", "serving"]

__getattr__, __dir__ = lazy_exports(__name__, {
    "api.app": ("create_app",),
    "api.server": ("serve", "serving"),
    "api.settings": ("ServerSettings",),
})
