"""Decoded text -> Article: title, paragraphs and sentences."""
from __future__ import annotations

import re

from articles.decoding import decode_bytes
from articles.model import Article, Sentence
from articles.segmentation import split_sentences

MAX_TITLE_CHARS = 200

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def build_article(name: str, text: str, language: str = "und", encoding: str = "utf-8") -> Article:
    """Split text into a title (a short first line before a blank line) and sentences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    title = ""
    if len(blocks) > 1 and _looks_like_title(blocks[0]):
        title = blocks[0]
        blocks = blocks[1:]
    paragraphs = tuple(_join_lines(block) for block in blocks)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        for sentence in _block_sentences(block, language):
            sentences.append(Sentence(text=sentence, paragraph=index))
    return Article(
        name=name,
        title=title,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        language=language or "und",
        encoding=encoding,
    )


def read_article(data: bytes, name: str, language: str = "und") -> Article:
    """Decode an uploaded file and build its Article (raises ArticleError)."""
    decoded = decode_bytes(data, name)
    return build_article(name, decoded.text, language=language, encoding=decoded.encoding)


def _looks_like_title(block: str) -> bool:
    if "\n" in block or len(block) > MAX_TITLE_CHARS:
        return False
    return not re.search(r"[.!?…。！？؟]\s+\S", block)


def _join_lines(block: str) -> str:
    return " ".join(line.strip() for line in block.split("\n") if line.strip())


_LINE_END = re.compile(r"[.!?…。！？؟۔:;»”\"')]$")


def _block_sentences(block: str, language: str) -> list[str]:
    """Lines ending in terminal punctuation are sentence boundaries; others are wrapped text."""
    groups: list[str] = []
    current: list[str] = []
    for line in block.split("\n"):
        line = line.strip()
        if not line:
            continue
        current.append(line)
        if _LINE_END.search(line):
            groups.append(" ".join(current))
            current = []
    if current:
        groups.append(" ".join(current))
    sentences: list[str] = []
    for group in groups:
        sentences.extend(split_sentences(group, language))
    return sentences
