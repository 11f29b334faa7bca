"""A request's fields, from JSON, a form or a multipart upload, read within a size bound.

LibreTranslate accepts every field (`q`, `source`, `api_key`...) in a JSON body, a
form body or the query string, and so do its clients (libretranslatepy posts a form,
browser extensions post JSON). The body is read a chunk at a time and refused past the
bound before it is all in memory; bytes that are not UTF-8 are refused, never guessed.
A body that cannot be read is not refused at once: the key check (403) comes first.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.requests import Request

from api.errors import ApiError, invalid

SLACK_BYTES = 64 * 1024
"""Room for the other fields and the multipart framing beside the text or the file."""
MAX_FIELDS = 1_000


@dataclass(frozen=True)
class UploadedFile:
    name: str
    data: bytes


@dataclass
class Params:
    """The fields of one request: the body's over the query string's."""

    values: dict[str, object] = field(default_factory=dict)
    file: UploadedFile | None = None
    problem: ApiError | None = None
    """Why the body could not be read; raised once the key has been checked."""
    kind: str = "query"
    """Where the fields came from: query, json, form or multipart."""

    def get(self, name: str) -> object:
        return self.values.get(name)


def body_limit(char_limit: int) -> int:
    """Bytes a text request may take: every character as 4 UTF-8 bytes, each escaped as
    %XX in a form, plus room for the other fields."""
    return char_limit * 12 + SLACK_BYTES


async def read_params(request: Request, max_bytes: int) -> Params:
    """The request's fields; a body past max_bytes, not UTF-8, or malformed becomes
    `problem`."""
    params = Params(values=_query(request))
    if request.method in ("GET", "HEAD") and not request.headers.get("content-length"):
        return params
    try:
        body = await _bounded_body(request, max_bytes)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if not body:
            return params
        if kind == "multipart/form-data":
            values, params.file = await _multipart(request, body)
            params.kind = "multipart"
        elif kind == "application/json" or (not kind and body.lstrip()[:1] in (b"{", b"[")):
            values = _json(body)
            params.kind = "json"
        else:  # a form, as libretranslatepy and HTML forms send it
            values = _form(body)
            params.kind = "form"
        params.values.update(values)
    except ApiError as problem:
        params.problem = problem
    return params


def _query(request: Request) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in request.query_params.multi_items():
        _add(values, key, value)
    return values


def _add(values: dict[str, object], key: str, value: str) -> None:
    """A repeated field (q=a&q=b) becomes a list, as a JSON array would be."""
    if key in values:
        before = values[key]
        values[key] = [*before, value] if isinstance(before, list) else [before, value]
    else:
        values[key] = value


async def _bounded_body(request: Request, max_bytes: int) -> bytes:
    too_large = ApiError(
        413, f"Invalid request: the request is too large (the limit is {max_bytes:,} bytes)"
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid("the body is not valid UTF-8") from None


def _json(body: bytes) -> dict[str, object]:
    try:
        values = json.loads(_text(body))
    except (ValueError, RecursionError):
        raise invalid("the body is not valid JSON") from None
    if not isinstance(values, dict):
        raise ApiError(400, "Invalid JSON format")
    return values


def _form(body: bytes) -> dict[str, object]:
    try:
        pairs = parse_qsl(_text(body), keep_blank_values=True, strict_parsing=False,
                          encoding="utf-8", errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise invalid("a field is not valid UTF-8 once decoded") from None
    except ValueError:
        raise invalid(f"too many fields (the limit is {MAX_FIELDS})") from None
    values: dict[str, object] = {}
    for key, value in pairs:
        _add(values, key, value)
    return values


async def _multipart(
    request: Request, body: bytes
) -> tuple[dict[str, object], UploadedFile | None]:
    """The form fields and the one file of a multipart body already read (and bounded)."""
    from starlette.datastructures import UploadFile

    sent = False

    async def replay() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.request", "body": b"", "more_body": False}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    again = Request(request.scope, receive=replay)
    try:
        form = await again.form(max_files=1, max_fields=MAX_FIELDS)
    except Exception as error:  # noqa: BLE001 - python-multipart's errors for a broken body
        if isinstance(error, ApiError):
            raise
        raise invalid("the multipart body cannot be read") from None
    values: dict[str, object] = {}
    upload = None
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key == "file":
                    upload = UploadedFile(value.filename or "", await value.read())
                continue
            _add(values, key, value)
    finally:
        await form.close()
    return values, upload
