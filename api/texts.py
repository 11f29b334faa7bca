"""A text cut into the sentences to translate and the layout around them, and put back.

A client sends text laid out as it wants it back: a CAT tool's segment, an
extension's text node with its spaces, lines of a list. Each line is split into
sentences with the project's segmentation (articles.split_sentences); everything
between the sentences (line breaks, indentation, the spaces after a full stop) is kept
as it was, so the translation comes back in the same shape.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from articles.segmentation import split_sentences

_LINES = re.compile(r"(\r\n|\n|\r)")


@dataclass(frozen=True)
class Layout:
    """Pieces of a text in order; `sentence[i]` says whether piece i is translated."""

    pieces: tuple[str, ...]
    sentence: tuple[bool, ...]

    @property
    def sentences(self) -> list[str]:
        return [piece for piece, is_sentence in zip(self.pieces, self.sentence, strict=True)
                if is_sentence]

    def render(self, translations: Mapping[str, str]) -> str:
        """The text with every sentence replaced by its translation (kept when it has none)."""
        return "".join(
            translations.get(piece, piece) if is_sentence else piece
            for piece, is_sentence in zip(self.pieces, self.sentence, strict=True)
        )

    def render_each(self, choices: Sequence[str]) -> str:
        """The text with its sentences replaced, in order, by `choices`."""
        given = iter(choices)
        return "".join(
            next(given) if is_sentence else piece
            for piece, is_sentence in zip(self.pieces, self.sentence, strict=True)
        )


def layout(text: str, language: str) -> Layout:
    pieces: list[str] = []
    flags: list[bool] = []

    def keep(piece: str, is_sentence: bool) -> None:
        if piece:
            pieces.append(piece)
            flags.append(is_sentence)

    for part in _LINES.split(text):
        if not part.strip():
            keep(part, False)
            continue
        stripped = part.strip()
        start = part.find(stripped)
        keep(part[:start], False)
        position = 0
        for sentence in split_sentences(stripped, language):
            found = stripped.find(sentence, position)
            if found < 0:  # the segmenter changed the text: keep it whole, as one sentence
                keep(stripped[position:], True)
                position = len(stripped)
                break
            keep(stripped[position:found], False)
            keep(sentence, True)
            position = found + len(sentence)
        if position < len(stripped):
            tail = stripped[position:]
            keep(tail, bool(tail.strip()))
        keep(part[start + len(stripped):], False)
    return Layout(tuple(pieces), tuple(flags))
