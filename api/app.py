"""The ASGI application: LibreTranslate's endpoints, ours, JSON errors and a request log.

The log line of a request holds its method, path (never the query string, which may
hold text or a key), status and time: never what was asked to be translated.
"""
from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline

from api import additions, libretranslate
from api.errors import install_handlers
from api.service import Service
from api.settings import ServerSettings
from digest.library import Library, open_library

log = logging.getLogger("api.requests")

DESCRIPTION = """Offline translation, detection and summaries of News Digest, speaking
[LibreTranslate's API](https://docs.libretranslate.com/guides/api_usage/): its clients work
unchanged. Fields go as JSON, as a form or in the query string; errors are
`{"error": "..."}`. Our additions: `/summarize`, `/library/search`."""


def create_app(settings: ServerSettings | None = None,
               library: Callable[[], Library] = open_library) -> FastAPI:
    settings = settings or ServerSettings()
    service = Service(settings, library)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        service.downloads.close()  # translated files not fetched are deleted

    # FastAPI's /docs page loads Swagger UI from a CDN; fastapi-offline serves it from
    # the package, so the page works on a machine that must not reach the Internet.
    app = FastAPIOffline(title="News Digest", description=DESCRIPTION, version="1.0",
                         docs_url="/docs", redoc_url=None, lifespan=lifespan)
    app.state.service = service
    install_handlers(app)
    app.include_router(libretranslate.router(service))
    app.include_router(additions.router(service))

    @app.middleware("http")
    async def log_requests(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["Access-Control-Allow-Origin"] = "*"
        log.info("%s %s %d %.0f ms", request.method, request.url.path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    return app
