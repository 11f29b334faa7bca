"""Every refusal as LibreTranslate words it: a status and `{"error": "..."}`.

Clients written for LibreTranslate show `error` to their user, so each message is a
sentence that says what to change. No handler echoes the request's text, and no
traceback ever leaves the server (it goes to the log, as everywhere in the project).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A request refused: `status` (400, 403, 404, 413, 429...) and the message for the user."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def invalid(message: str) -> ApiError:
    """400, in LibreTranslate's words: "Invalid request: ..."."""
    return ApiError(400, f"Invalid request: {message}")


def error_response(status: int, message: str, headers: dict[str, str] | None = None):
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def install_handlers(app: FastAPI) -> None:
    """ApiError, FastAPI's own validation errors, unknown routes and bugs, all as JSON."""

    @app.exception_handler(ApiError)
    async def refused(_request: Request, error: ApiError):
        return error_response(error.status, error.message, error.headers)

    @app.exception_handler(RequestValidationError)
    async def malformed(_request: Request, error: RequestValidationError):
        fields = sorted({".".join(str(part) for part in item.get("loc", ())[1:]) or "body"
                         for item in error.errors()})
        return error_response(400, f"Invalid request: check {', '.join(fields)}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException):
        words = {404: "Not found", 405: "Method not allowed"}
        detail = error.detail if isinstance(error.detail, str) else ""
        return error_response(error.status_code, words.get(error.status_code, detail or "Error"),
                              getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def bug(request: Request, error: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, f"Internal error: {type(error).__name__}")
