"""The endpoints LibreTranslate's clients call, with its field names, statuses and errors:
/translate, /detect, /languages, /translate_file, /download_file, /frontend/settings,
/health."""
from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from api import catalog, files, models
from api.body import Params
from api.errors import ApiError, invalid
from api.markup import MarkupRefused, read_markup
from api.service import Service
from api.translating import FORMATS, HTML, TEXT
from digest.job import Upload
from languages.codes import AUTO, is_language_code, normalize_code
from languages.names import language_name

log = logging.getLogger(__name__)
ERRORS = {status: {"model": models.ErrorResponse} for status in (400, 403, 413, 429, 500)}


def router(service: Service) -> APIRouter:
    routes = APIRouter(tags=["LibreTranslate"], responses=ERRORS)
    settings = service.settings

    @routes.post("/translate", response_model=models.TranslateResponse,
                 response_model_exclude_none=True,
                 openapi_extra=models.request_body(models.TranslateRequest))
    async def translate(request: Request):
        """Translate text (or a list of texts) from a language, or `auto`, to another."""
        params = await service.admit(request)
        texts, batch = _texts(params, "q")
        source = _code(params, "source", auto=True)
        target = _code(params, "target")
        text_format = _format(params)
        alternatives = _count(params.get("alternatives"), settings.alternatives_limit)
        if batch and len(texts) > settings.batch_limit:
            raise invalid(f"request ({len(texts)}) exceeds text limit ({settings.batch_limit})")
        _within_limit(sum(len(text) for text in texts), settings.char_limit)
        detected = None
        if source == AUTO:
            found = await run_in_threadpool(_detect_texts, texts, text_format)
            if not catalog.is_determined(found[0]):
                raise invalid("the language of the text could not be detected; give it as "
                              "source")
            source, detected = found[0].language, found[0]
        await run_in_threadpool(_check_pair, source, target)
        try:
            done = await run_in_threadpool(
                service.translations.texts, texts, source, target, text_format, alternatives)
        except MarkupRefused as refused:
            raise invalid(str(refused)) from None
        except Exception as error:
            raise _translation_error(error) from error
        answer: dict[str, object] = {
            "translatedText": done.texts if batch else done.texts[0]}
        if detected is not None:
            shown = {"language": detected.language, "confidence": detected.confidence}
            answer["detectedLanguage"] = [shown] * len(texts) if batch else shown
        if alternatives:
            answer["alternatives"] = done.alternatives if batch else done.alternatives[0]
        return answer

    @routes.post("/detect", response_model=list[models.DetectedLanguage],
                 openapi_extra=models.request_body(models.DetectRequest))
    async def detect(request: Request):
        """The language of a text: best first, confidence 0-100 ("und": undetermined)."""
        params = await service.admit(request)
        texts, _batch = _texts(params, "q")
        text = "\n\n".join(texts)
        _within_limit(len(text), settings.char_limit)
        found = await run_in_threadpool(catalog.detect, text)
        return [{"language": item.language, "confidence": item.confidence} for item in found]

    @routes.get("/languages", response_model=list[models.Language])
    async def languages(request: Request):
        """Every language with the targets reachable from it (packs, models, English)."""
        await service.admit(request, limited=False)
        return await run_in_threadpool(catalog.languages)

    @routes.post("/translate_file", response_model=models.TranslateFileResponse,
                 openapi_extra=models.request_body(models.TranslateFileRequest,
                                                   models.MULTIPART))
    async def translate_file(request: Request):
        """Translate a document whole; fetch it from translatedFileUrl. Formats:
        supportedFilesFormat of /frontend/settings."""
        params = await service.admit(request, files=True)
        upload = params.file
        if upload is None:
            raise invalid("missing file parameter")
        if not upload.name:
            raise invalid("empty file")
        source = _code(params, "source", auto=True)
        target = _code(params, "target")
        if files.extension(upload.name) not in files.FORMATS:
            raise invalid("file format not supported")
        if len(upload.data) > settings.file_limit_bytes:
            raise ApiError(413, f"Invalid request: the file is larger than "
                                f"{settings.file_limit_label}")
        if source != AUTO:
            await run_in_threadpool(_check_pair, source, target)
        translated = await run_in_threadpool(
            _translated_file, service, Upload(upload.name, upload.data),
            None if source == AUTO else source, target)
        stored = await run_in_threadpool(service.downloads.keep, translated.name,
                                         translated.data)
        return {"translatedFileUrl": f"{request.base_url}download_file/{quote(stored.name)}"}

    @routes.get("/download_file/{name}", response_class=FileResponse,
                responses={200: {"content": {"application/octet-stream": {}}}})
    async def download_file(name: str, request: Request):
        """A translated file, by the name translate_file gave. As in LibreTranslate, no key
        is asked: the name (128 random bits), given only to a request that had one, is the
        key to its file."""
        await service.admit(request, keyed=False)
        path = service.downloads.path(name)
        return FileResponse(path, filename=files.download_name(name),
                            media_type="application/octet-stream")

    @routes.get("/frontend/settings")
    async def frontend_settings():
        """What a LibreTranslate front end needs to know about this server."""
        codes = await run_in_threadpool(catalog.languages)
        known = [item["code"] for item in codes]
        target = "en" if "en" in known or not known else known[0]
        return {
            "charLimit": settings.char_limit,
            "frontendTimeout": 500,
            "apiKeys": settings.api_keys,
            "keyRequired": settings.api_keys,
            "suggestions": False,
            "filesTranslation": True,
            "supportedFilesFormat": list(files.FORMATS),
            "language": {
                "source": {"code": AUTO, "name": "Auto Detect"},
                "target": {"code": target, "name": language_name(target)},
            },
        }

    @routes.get("/health")
    async def health():
        """{"status": "ok"} while the server answers."""
        return {"status": "ok"}

    return routes


def _texts(params: Params, name: str) -> tuple[list[str], bool]:
    """The text (or list of texts) of a field; 400 when missing, empty or not text."""
    value = params.get(name)
    if value is None or value == "" or value == []:
        raise invalid(f"missing {name} parameter")
    if params.kind == "form" and isinstance(value, str):
        value = _listed(value)
    batch = isinstance(value, list)
    texts = value if batch else [value]
    if not all(isinstance(text, str) for text in texts):
        raise invalid(f"{name} must be a string or a list of strings")
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise invalid(f"{name} is not valid UTF-8 (it holds a lone surrogate)") from None
    return texts, batch


def _listed(value: str) -> str | list[str]:
    """libretranslatepy's translate(["a", "b"]) posts the list's Python repr in a form
    ("['a', 'b']"), as urlencode writes it: such a field is read as the list it was."""
    import ast

    text = value.strip()
    if not (text.startswith("[") and text.endswith("]")):
        return value
    try:
        items = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return value
    if isinstance(items, list) and items and all(isinstance(item, str) for item in items):
        return items
    return value


def _code(params: Params, name: str, auto: bool = False) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise invalid(f"missing {name} parameter")
    if not isinstance(value, str):
        raise invalid(f"{name} must be a language code")
    if auto and value.strip().lower() == AUTO:
        return AUTO
    if not is_language_code(value.strip()):
        raise ApiError(400, f"{value[:20]!r} is not supported")
    return normalize_code(value)


def _format(params: Params) -> str:
    value = params.get("format") or TEXT
    if not isinstance(value, str) or value not in FORMATS:
        shown = value[:20] if isinstance(value, str) else type(value).__name__
        raise ApiError(400, f"{shown} format is not supported")
    return value


def _count(value: object, limit: int) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise invalid("alternatives parameter is not a number")
    try:
        number = max(0, int(value))
    except ValueError:
        raise invalid("alternatives parameter is not a number") from None
    if number > limit:
        raise invalid(f"alternatives parameter must be <= {limit}")
    return number


def _detect_texts(texts: list[str], text_format: str) -> list[catalog.Detected]:
    """The language of all the texts together; of HTML, the text between its tags."""
    if text_format == HTML:
        try:
            texts = [" ".join(read_markup(text).texts) for text in texts]
        except MarkupRefused as refused:
            raise invalid(str(refused)) from None
    return catalog.detect("\n\n".join(texts))


def _within_limit(chars: int, limit: int) -> None:
    if limit > 0 and chars > limit:
        raise invalid(f"request ({chars}) exceeds text limit ({limit})")


def _check_pair(source: str, target: str) -> None:
    """400 unless an installed pack or model translates source into target."""
    from translator import reachable_targets, translatable_sources

    sources = translatable_sources()
    if source not in sources and source != target:
        raise ApiError(400, f"{source} is not supported")
    if target == source:
        return
    if target not in reachable_targets(source):
        known = {code for each in sources for code in reachable_targets(each)}
        if target not in known:
            raise ApiError(400, f"{target} is not supported")
        raise ApiError(400, f"{language_name(target)} ({target}) is not available as a target "
                            f"language from {language_name(source)} ({source})")


def _translation_error(error: Exception) -> ApiError:
    from translator.errors import MissingPairError

    if isinstance(error, MissingPairError):
        return ApiError(400, str(error))
    log.exception("translation failed")
    return ApiError(500, f"Cannot translate text: {error}")


def _translated_file(service: Service, upload: Upload, source: str | None,
                     target: str) -> files.TranslatedDocument:
    from digest.library.memory import with_memory
    from digest.steps import PLAIN

    return files.translate_file(upload, source, target, with_memory(PLAIN, service.library))
