"""Decoded text -> Article: title, paragraphs and sentences."""
from __future__ import annotations

import re

from articles.decoding import decode_bytes
from articles.model import Article, Sentence
from articles.segmentation import continues, split_sentences

MAX_TITLE_CHARS = 200

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def build_article(name: str, text: str, language: str = "und", encoding: str = "utf-8") -> Article:
    """Split text into a title (a short first line before a blank line) and sentences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    title = ""
    if len(blocks) > 1 and _looks_like_title(blocks[0], language):
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


def _looks_like_title(block: str, language: str) -> bool:
    """A headline: one short line that is not itself a sentence of the text."""
    if "\n" in block or len(block) > MAX_TITLE_CHARS:
        return False
    if block.endswith((".", ";", ",", ":")) and not block.endswith("..."):
        return False
    return len(split_sentences(block, language)) == 1


def _join_lines(block: str) -> str:
    return " ".join(line.strip() for line in block.split("\n") if line.strip())


_LINE_END = re.compile(r"[.!?…。！？؟۔]['\"»”’)\]]*$")


def _block_sentences(block: str, language: str) -> list[str]:
    """Split a paragraph, taking a line that ends a sentence as a boundary.

    News files often carry one sentence a line; measured on the dev news articles
    this gives boundary F1 0.998 against 0.969 for segmenting the joined paragraph.
    Lines that do not end in terminal punctuation are wrapped text and are joined.
    """
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
    merged: list[list[str]] = []
    for group in groups:
        if merged and _continues(merged[-1][-1], group, language):
            merged[-1].append(group)  # "Dr.\nSmith", "т.е.\nминистр"
        else:
            merged.append([group])
    sentences: list[str] = []
    for parts in merged:
        sentences.extend(split_sentences(" ".join(parts), language))
    return sentences


_MAYBE_ABBREVIATION = re.compile(r"(?:^|[\s.(])[^\W\d_]{1,5}\.$")


def _continues(left: str, right: str, language: str) -> bool:
    """Whether a line ending in a period runs on ("Dr.\nSmith", "т.е.\nминистр").

    Asks the segmenter about the few words around the line break.
    """
    if continues(left, right):
        return True
    if not _MAYBE_ABBREVIATION.search(left[-12:]):
        return False  # "... ушёл." ends a sentence; only short words may run on
    head = left[-80:].split(" ", 1)[-1] if len(left) > 80 else left
    tail = right[:80]
    join = len("".join(head.split()))
    position = 0
    for piece in split_sentences(f"{head} {tail}", language):
        position += len("".join(piece.split()))
        if position == join:
            return False
        if position > join:
            return True
    return False
