"""A paragraph's formatted runs and its translation: the translated words shared out.

A paragraph is translated as one unit (its plain text), never run by run: a bold word
alone means nothing to a model. The translation then goes back over the runs, each
keeping its formatting: a run whose words come back unchanged (a name, a number, a
term kept as it is) is found in the translation and keeps exactly those words; the
others share the rest in proportion to their length in the original. A paragraph whose
runs all look alike gets the whole translation in its first run.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from articles import limits

_TOKEN = re.compile(r"\S+\s*")
_WORDY = re.compile(r"\w")
_MIN_ANCHOR = 2  # shorter runs ("a", ",") are found everywhere: never anchored


@dataclass
class Piece:
    """One stretch of a paragraph's text with its formatting `key`; `write` puts the new
    text back where the stretch came from (None: the stretch cannot change, a space)."""

    text: str
    key: Hashable
    write: Callable[[str], None] | None = None


@dataclass
class Unit:
    """What is translated as one: a paragraph, or a part of one between tabs and breaks."""

    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Outcome:
    """How many units were translated, and what the reader should know."""

    translated: int
    notes: tuple[str, ...] = ()


def translate_units(units: Sequence[Unit], translate: Callable[[list[str]], list[str]]) -> Outcome:
    """Translate every unit that holds words in one call, and write the translation back
    over its pieces. Text past limits.MAX_TEXT_CHARS is left as it is, with a note."""
    chosen: list[Unit] = []
    used = 0
    notes: list[str] = []
    for unit in units:
        text = " ".join(unit.text.split())
        if not _WORDY.search(text) or not any(char.isalpha() for char in text):
            continue  # numbers, signs: nothing to translate
        if used + len(text) > limits.MAX_TEXT_CHARS:
            notes.append(f"only the first {limits.MAX_TEXT_CHARS:,} characters of the text "
                         "were translated (the limit); the rest is left as it was")
            break
        used += len(text)
        chosen.append(unit)
    if not chosen:
        return Outcome(0, tuple(notes))
    translations = translate([" ".join(unit.text.split()) for unit in chosen])
    if len(translations) != len(chosen):
        raise ValueError("the translator gave back another number of paragraphs")
    for unit, translation in zip(chosen, translations, strict=True):
        texts = share_out([piece.text for piece in unit.pieces],
                          [piece.key for piece in unit.pieces], translation)
        for piece, text in zip(unit.pieces, texts, strict=True):
            if piece.write is not None and text != piece.text:
                piece.write(text)
    return Outcome(len(chosen), tuple(notes))


def share_out(texts: Sequence[str], keys: Sequence[Hashable], translation: str) -> list[str]:
    """The new text of each piece once `translation` replaces their joined text.

    Adjacent pieces with the same key form one run: its first piece gets the run's
    words, the others "". The leading and trailing spaces of the whole are kept.
    """
    whole = "".join(texts)
    lead = whole[:len(whole) - len(whole.lstrip())]
    trail = whole[len(whole.rstrip()):]
    translation = " ".join(translation.split())
    runs: list[list[int]] = []  # piece indices of each run
    for index, key in enumerate(keys):
        if runs and keys[runs[-1][-1]] == key:
            runs[-1].append(index)
        else:
            runs.append([index])
    run_texts = ["".join(texts[index] for index in run) for run in runs]
    weighted = [number for number, text in enumerate(run_texts) if text.strip()]
    out_runs = [""] * len(runs)
    if not weighted:
        return list(texts)
    if len(weighted) == 1:
        out_runs[weighted[0]] = translation
    else:
        shares = _anchored_shares([run_texts[number] for number in weighted], translation)
        for number, share in zip(weighted, shares, strict=True):
            out_runs[number] = share
    for before, after in zip(weighted, weighted[1:], strict=False):
        # a space between two runs stays on the side it was on in the original
        text = out_runs[before]
        space = text[len(text.rstrip()):]
        if space and not run_texts[before][-1:].isspace():
            out_runs[before] = text.rstrip()
            out_runs[after] = space + out_runs[after]
    out_runs[weighted[0]] = lead + out_runs[weighted[0]].lstrip()
    out_runs[weighted[-1]] = out_runs[weighted[-1]].rstrip() + trail
    result = [""] * len(texts)
    for run, text in zip(runs, out_runs, strict=True):
        result[run[0]] = text
    return result


def _anchored_shares(sources: list[str], translation: str) -> list[str]:
    """Runs found unchanged in the translation keep their words there (in order); the
    runs between two such anchors share the text between them in proportion."""
    anchors: dict[int, tuple[int, int]] = {}
    position = 0
    for number, source in enumerate(sources):
        words = source.strip()
        if len(words) < _MIN_ANCHOR or not _WORDY.search(words):
            continue
        found = _whole(words).finditer(translation, position)
        first, second = next(found, None), next(found, None)
        if first is None or second is not None:
            continue  # absent, or found twice: no sure place
        anchors[number] = first.span()
        position = first.end()
    shares = [""] * len(sources)
    pending: list[int] = []
    cursor = 0
    for number in range(len(sources)):
        if number not in anchors:
            pending.append(number)
            continue
        start, end = anchors[number]
        between = translation[cursor:start]
        if pending:
            _proportional(sources, pending, between, shares)
        elif number > 0 and between.strip():
            shares[number - 1] += between  # words between two anchors: the one before
        elif between:
            shares[number] += between
        shares[number] += translation[start:end]
        cursor = end
        pending = []
    rest = translation[cursor:]
    if pending:
        _proportional(sources, pending, rest, shares)
    elif rest:
        shares[-1] += rest
    return shares


def _whole(words: str) -> re.Pattern[str]:
    """`words` standing alone: not the inside of a longer word."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


def _proportional(sources: list[str], members: list[int], text: str, shares: list[str]) -> None:
    """Share `text` among `members` by whole words, each as long in proportion as its
    source in words; every member gets at least one word while there are enough."""
    tokens = _TOKEN.findall(text)
    lead = text[:len(text) - len(text.lstrip())]
    if len(tokens) < len(members) and len(text.strip()) >= len(members) and " " not in text.strip():
        tokens = list(text.strip())  # a script written without spaces: characters
        lead = ""
    weights = [max(1, len(sources[number].split())) for number in members]
    total = sum(weights)
    count = len(tokens)
    bounds = [0]
    cumulative = 0
    for place, weight in enumerate(weights[:-1], start=1):
        cumulative += weight
        bound = round(count * cumulative / total)
        left = len(members) - place  # members still to fill after this one
        bound = max(bound, bounds[-1] + 1) if count >= len(members) else bound
        bound = min(bound, count - left) if count >= len(members) else bound
        bounds.append(max(bounds[-1], min(bound, count)))
    bounds.append(count)
    for place, number in enumerate(members):
        shares[number] += "".join(tokens[bounds[place]:bounds[place + 1]])
    shares[members[0]] = lead + shares[members[0]]
