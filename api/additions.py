"""Our endpoints beside LibreTranslate's: summaries, the library's search and its stories,
for scripts without a browser.

/summarize runs the digest job the `news-digest summarize` command runs (digest.job.analyse),
so a summary here is the one the dashboard and the command line give.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from api import models
from api.errors import ApiError, invalid
from api.libretranslate import ERRORS
from api.service import Service
from digest.job import Upload
from languages.codes import AUTO, is_language_code, normalize_code

MAX_HITS = 100


def router(service: Service) -> APIRouter:
    routes = APIRouter(tags=["News Digest"], responses=ERRORS)
    settings = service.settings

    @routes.post("/summarize", response_model=models.SummarizeResponse,
                 openapi_extra=models.request_body(
                     models.SummarizeRequest, ("application/json", *models.MULTIPART)))
    async def summarize(request: Request):
        """An extractive summary of a text (`q`) or an article file (`file`), in its own
        language: the language, the algorithm and the length come back with it."""
        params = await service.admit(request, files=True)
        if params.file is not None:
            if len(params.file.data) > settings.file_limit_bytes:
                raise ApiError(413, f"Invalid request: the file is larger than "
                                    f"{settings.file_limit_label}")
            upload = Upload(params.file.name or "article.txt", params.file.data)
        else:
            text = params.get("q")
            if not isinstance(text, str) or not text.strip():
                raise invalid("missing q parameter (the text), or send a file")
            if len(text) > settings.char_limit * 10:
                raise invalid(f"request ({len(text)}) exceeds text limit "
                              f"({settings.char_limit * 10})")
            try:
                upload = Upload("article.txt", text.encode("utf-8"))
            except UnicodeEncodeError:
                raise invalid("q is not valid UTF-8 (it holds a lone surrogate)") from None
        language = _language(params.get("language"))
        summary = _summary_settings(params)
        return await run_in_threadpool(_summarize, upload, summary, language)

    @routes.get("/library/search", response_model=list[models.SearchHit])
    async def library_search(
        request: Request,
        q: Annotated[str, Query(description="Words to find, in any of their forms",
                                max_length=500)],
        limit: Annotated[int, Query(ge=1, le=MAX_HITS)] = 20,
        language: Annotated[list[str] | None,
                            Query(description="Only articles in these languages")] = None,
    ):
        """The library's articles holding every word of `q`, best first."""
        await service.admit(request)
        return await run_in_threadpool(_search, service, q, language, limit)

    _add_stories(routes, service)
    return routes


def _language(value: object) -> str | None:
    if value is None or value == "" or (isinstance(value, str) and value.lower() == AUTO):
        return None
    if not isinstance(value, str) or not is_language_code(value):
        raise invalid("language must be a language code or auto")
    return normalize_code(value)


def _number(params, name: str, kind: type) -> int | float | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise invalid(f"{name} must be a number")
    try:
        number = kind(value)
    except ValueError:
        raise invalid(f"{name} must be a number") from None
    return number


def _summary_settings(params):
    from digest.settings import DEFAULT_SENTENCES, SummarySettings
    from summarizer import ALGORITHMS, DEFAULT_ALGORITHM

    algorithm = params.get("algorithm") or DEFAULT_ALGORITHM
    if not isinstance(algorithm, str) or algorithm.lower() not in ALGORITHMS:
        raise invalid(f"algorithm must be one of {', '.join(ALGORITHMS)}")
    sentences = _number(params, "sentences", int)
    ratio = _number(params, "ratio", float)
    words = _number(params, "words", int)
    if sum(value is not None for value in (sentences, ratio, words)) > 1:
        raise invalid("give one length: sentences, ratio or words")
    if sentences is not None and not 1 <= sentences <= 1000:
        raise invalid("sentences must be between 1 and 1000")
    if ratio is not None and not 0 < ratio <= 1:
        raise invalid("ratio must be greater than 0 and at most 1")
    if words is not None and not 1 <= words <= 100_000:
        raise invalid("words must be between 1 and 100000")
    if sentences is None and ratio is None and words is None:
        sentences = DEFAULT_SENTENCES
    return SummarySettings(algorithm=algorithm.lower(), sentences=sentences, ratio=ratio,
                           words=words)


def _summarize(upload: Upload, summary, language: str | None) -> dict[str, object]:
    from digest.job import analyse

    result = analyse(upload, summary, language, detect=language is None)
    if result.error or result.summary is None or result.article is None:
        raise ApiError(400, f"Invalid request: {result.error or 'nothing to summarize'}")
    sentences = [sentence.text for sentence in result.summary.sentences]
    confidence = 100.0
    if language is None:
        confidence = round(result.detection.main.probability * 100, 2) if result.detection \
            else 0.0
    stats = result.summary.stats
    return {
        "title": result.article.title,
        "language": result.language,
        "confidence": confidence,
        "algorithm": result.summary.algorithm,
        "length": {"sentences": stats.summary_sentences, "words": stats.summary_words,
                   "requested": summary.length_label},
        "summary": "\n".join(sentences),
        "sentences": sentences,
    }


def _search(service: Service, query: str, languages: list[str] | None,
            limit: int) -> list[dict[str, object]]:
    from digest.library import LibraryError

    try:
        hits = service.library().search(query, languages or None, limit=limit)
    except LibraryError as error:
        raise ApiError(503, f"The library cannot be searched now: {error}") from None
    return [
        {
            "id": hit.article.id,
            "title": hit.article.title,
            "name": hit.article.name,
            "language": hit.article.language,
            "added": hit.article.added.isoformat(),
            "snippet": ("…" if hit.snippet.cut_before else "") + hit.snippet.text
                       + ("…" if hit.snippet.cut_after else ""),
            "matches": [text for text, matched in hit.snippet.parts if matched],
        }
        for hit in hits
    ]


def _add_stories(routes: APIRouter, service: Service) -> None:
    """GET /stories: the library's stories (digest.stories), as `news-digest` exports them
    in JSON (digest.stories.export.stories_json)."""

    @routes.get("/stories")
    async def stories(
        request: Request,
        language: Annotated[list[str] | None,
                            Query(description="Only stories told in these languages")] = None,
        outlet: Annotated[list[str] | None, Query(description="Only these outlets")] = None,
        name: Annotated[str, Query(description="Only stories naming it (any spelling)",
                                   max_length=200)] = "",
        since: Annotated[date | None, Query(description="Reported on or after")] = None,
        until: Annotated[date | None, Query(description="Reported on or before")] = None,
        summaries: Annotated[bool, Query(description="With the central article's "
                                                     "summary")] = False,
    ) -> list[dict[str, Any]]:
        """The stories across languages, latest report first: each with its headline,
        languages, outlets, dates, names, key phrases and articles."""
        await service.admit(request)
        filters = (tuple(language or ()), tuple(outlet or ()), name, since, until)
        return await run_in_threadpool(_stories, service, filters, summaries)


def _stories(service: Service, filters: tuple, summaries: bool) -> list[dict[str, Any]]:
    import json

    from digest.library import LibraryError
    from digest.stories import Stories, stories_json
    from digest.stories.model import StoryFilters

    languages, outlets, name, since, until = filters
    try:
        found = Stories(service.library()).list(
            StoryFilters(languages=languages, outlets=outlets, name=name, since=since,
                         until=until), summaries=summaries)
    except LibraryError as error:
        raise ApiError(503, f"The stories cannot be read now: {error}") from None
    return json.loads(stories_json(found))
