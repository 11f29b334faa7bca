"""Text -> sentences, the one segmentation that summaries and translations share.

sentencex (Wikimedia) ships abbreviation lists and terminal punctuation for some
300 languages and falls back along language families, so any code, including
"und", gets a sane answer. A thin layer on top keeps closing quotes with their
sentence, rejoins breaks that are clearly not sentence ends (a lowercase word
after an abbreviation such as "т.е."), and cuts run-on text into bounded chunks
so that summarization and translation never get one 40,000-word "sentence".
"""
from __future__ import annotations

import re

from sentencex import segment

MAX_WORDS = 100
"""Longest sentence passed on; longer runs are cut, preferably after a comma."""

MAX_CHARS = 1000
"""Same bound for scripts without spaces (CJK) or very long tokens."""

_CLOSING = "»”’\")]』」"


def split_sentences(text: str, language: str = "und") -> list[str]:
    """Split text into sentences; never returns empty or whitespace-only pieces."""
    language = (language or "und").lower().split("-")[0].split("_")[0]
    sentences: list[str] = []
    for block in _bounded_blocks(text):
        for piece in _segment(block, language):
            sentences.extend(_bound(piece))
    return [s for s in sentences if s.strip()]


def _segment(text: str, language: str) -> list[str]:
    if not text.strip():
        return []
    try:
        raw = [s.strip() for s in segment(language if language != "und" else "en", text)]
    except Exception:  # an unknown code must not break an upload
        raw = [s.strip() for s in segment("en", text)]
    return _repair([s for s in raw if s])


def _repair(pieces: list[str]) -> list[str]:
    """Move stray closing quotes back and rejoin breaks before a lowercase word."""
    out: list[str] = []
    for piece in pieces:
        if out:
            lead = re.match(rf"^[{re.escape(_CLOSING)}]+", piece)
            if lead:
                out[-1] += lead.group(0)
                piece = piece[lead.end():].lstrip()
                if not piece:
                    continue
            if piece[0].islower() and out[-1].endswith("."):
                # "т.е. министр", "etc. and": a lowercase word does not open a sentence.
                out[-1] = f"{out[-1]} {piece}"
                continue
        out.append(piece)
    return out


def _bounded_blocks(text: str, size: int = 20_000) -> list[str]:
    """Hand the segmenter manageable pieces: split huge texts at line ends or spaces."""
    if len(text) <= size:
        return [text]
    blocks: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        blocks.append(text[start:end])
        start = end
    return blocks


def _bound(sentence: str) -> list[str]:
    """Cut an over-long sentence into chunks of at most MAX_WORDS words / MAX_CHARS chars."""
    words = sentence.split()
    if len(words) <= MAX_WORDS and len(sentence) <= MAX_CHARS:
        return [sentence]
    chunks: list[str] = []
    if len(words) <= 1 or len(words) * 4 < len(sentence) / 10:
        # No spaces to speak of (CJK or one giant token): cut by characters.
        step = MAX_CHARS
        rest = sentence
        while rest:
            cut = step if len(rest) > step else len(rest)
            window = rest[:cut]
            comma = max(window.rfind(c) for c in "，、,;；")
            if cut < len(rest) and comma > step // 2:
                cut = comma + 1
            chunks.append(rest[:cut].strip())
            rest = rest[cut:]
        return [c for c in chunks if c]
    current: list[str] = []
    for word in words:
        current.append(word)
        length = sum(len(w) + 1 for w in current)
        soft = len(current) >= MAX_WORDS * 0.6 and word.endswith((",", ";", ":", "—", "–"))
        if len(current) >= MAX_WORDS or length >= MAX_CHARS or soft:
            chunks.append(" ".join(current))
            current = []
    if current:
        chunks.append(" ".join(current))
    return chunks
