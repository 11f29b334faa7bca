"""The shapes of requests and answers, for the OpenAPI schema at /docs.

The LibreTranslate endpoints read their fields themselves (JSON, form or query, as
LibreTranslate does: api.body), so these models document them; the answers are
built from them.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorResponse(BaseModel):
    error: str = Field(description="What was wrong, in a sentence for the user")


class TranslateRequest(BaseModel):
    q: str | list[str] = Field(description="Text, or a list of texts, to translate")
    source: str = Field(description="Source language code, or auto to detect it", examples=["auto"])
    target: str = Field(description="Target language code", examples=["en"])
    format: str = Field("text", description="text, or html: the markup is kept")
    alternatives: int = Field(0, ge=0, description="How many alternative translations")
    api_key: str | None = Field(None, description="API key, when the server needs one")


class DetectedLanguage(BaseModel):
    language: str
    confidence: float = Field(description="0-100")


class TranslateResponse(BaseModel):
    translatedText: str | list[str]  # noqa: N815 - LibreTranslate's field names
    detectedLanguage: DetectedLanguage | list[DetectedLanguage] | None = None  # noqa: N815
    alternatives: list[str] | list[list[str]] | None = None


class DetectRequest(BaseModel):
    q: str = Field(description="Text whose language is wanted")
    api_key: str | None = None


class Language(BaseModel):
    code: str
    name: str
    targets: list[str]


class TranslateFileRequest(BaseModel):
    file: bytes = Field(description="The file (multipart/form-data)")
    source: str = Field(description="Source language code, or auto")
    target: str
    api_key: str | None = None


class TranslateFileResponse(BaseModel):
    translatedFileUrl: str  # noqa: N815


class SummarizeRequest(BaseModel):
    q: str | None = Field(None, description="The article's text (or send `file`)")
    file: bytes | None = Field(None, description="An article file, any supported format "
                                                 "(multipart/form-data)")
    language: str = Field("auto", description="Language code of the text, or auto")
    algorithm: str = Field("reduction", description="Summarizer (see news-digest summarize -h)")
    sentences: int | None = Field(None, ge=1, description="Summary length in sentences (5)")
    ratio: float | None = Field(None, gt=0, le=1, description="... or as a share of the words")
    words: int | None = Field(None, ge=1, description="... or in words")
    api_key: str | None = None


class SummaryLength(BaseModel):
    sentences: int
    words: int
    requested: str = Field(description='What was asked: "5 sentences", "20 % of the words"')


class SummarizeResponse(BaseModel):
    title: str
    language: str
    confidence: float = Field(description="0-100; 100 when the language was given")
    algorithm: str
    length: SummaryLength
    summary: str = Field(description="The summary's sentences, one a line")
    sentences: list[str]


class SearchHit(BaseModel):
    id: int
    title: str
    name: str
    language: str
    added: str
    snippet: str
    matches: list[str]


JSON_OR_FORM = ("application/json", "application/x-www-form-urlencoded")
MULTIPART = ("multipart/form-data",)


def request_body(model: type[BaseModel], kinds: tuple[str, ...] = JSON_OR_FORM) -> dict[str, Any]:
    """openapi_extra for an endpoint that reads its body itself (api.body)."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True,
                            "content": {kind: {"schema": schema} for kind in kinds}}}
