"""The reader's glossary: terms that must come out of a translation exactly as the reader says.

A term is found in a sentence in any inflected form: its words are compared by stem where a
Snowball stemmer exists for the language ("Müllers" is "Müller"), else as the word followed by
a short ending (Kazakh "Тоқаевтың" is "Тоқаев"). Before the model sees the sentence each term
is masked by a number, which real models copy; after, the number is replaced by the term's
rendering. Small or broken models lose numbers too, so a sentence whose numbers did not come
back is translated again in the pieces between its terms, and the renderings are put between
the translated pieces: the term is then in the output whatever the model does.

`protected(translate, sentences, glossary, source, target)` wraps any sentences-in,
sentences-out function, so packs, multilingual models and pivots are protected alike.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from languages.codes import normalize_code

CSV_HEADER = ("source_language", "term", "target_language", "translation")
"""The TBX-lite columns translators exchange; an empty translation keeps the term as it is."""

MAX_ENDING = 4
"""Letters an inflected form may add to a word of a language without a stemmer."""

MAX_TERM_CHARS = 200
"""A term longer than this is a sentence, not a term."""

_WORD = re.compile(r"\w+")
_JOINER = re.compile(r"[\s\-‐‑–'’]*")
_LETTER = re.compile(r"[^\W\d_]")
_GLUED = re.compile(r"[,.;:!?)\]»”]")
_MASK_BASE = 7301
"""Masks are numbers from here on: digits are copied by every real model, in any script."""

_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "eo": "esperanto", "es": "spanish", "et": "estonian", "eu": "basque",
    "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian",
    "ne": "nepali", "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip


class GlossaryError(ValueError):
    """A glossary file that cannot be read: the message names the line and says why."""


@dataclass(frozen=True)
class Term:
    """One glossary entry: `term` in `source_language` becomes `translation` in
    `target_language`; an empty translation keeps the term as it is ("do not translate")."""

    source_language: str
    term: str
    target_language: str
    translation: str = ""

    @property
    def rendering(self) -> str:
        """What the output must hold."""
        return self.translation or self.term

    @property
    def keeps(self) -> bool:
        return not self.translation


@dataclass(frozen=True)
class Match:
    """Where a term was found in a sentence (character offsets)."""

    start: int
    end: int
    term: Term


def make_term(source_language: str, term: str, target_language: str,
              translation: str = "") -> Term:
    """A term with its codes normalized and its text tidied; GlossaryError when empty."""
    text, rendering = " ".join(term.split()), " ".join(translation.split())
    source, target = normalize_code(source_language), normalize_code(target_language)
    if not text or not _WORD.search(text):
        raise GlossaryError("A glossary term needs at least one word.")
    if len(text) > MAX_TERM_CHARS or len(rendering) > MAX_TERM_CHARS:
        raise GlossaryError(f"A glossary term is at most {MAX_TERM_CHARS} characters long.")
    if not source or not target:
        raise GlossaryError("A glossary term needs its source and target languages.")
    return Term(source, text, target, rendering)


@lru_cache(maxsize=64)
def _stemmer(language: str) -> Callable[[str], str] | None:
    name = _SNOWBALL.get(language)
    if name is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(name).stemWord


@lru_cache(maxsize=50_000)
def _stem(word: str, language: str) -> str:
    stem = _stemmer(language)
    return stem(word) if stem else word


def _same_word(token: str, word: str, language: str) -> bool:
    """`token` (casefolded) is an inflected form of the term's `word` (casefolded)."""
    if token == word:
        return True
    if _stemmer(language) is not None:
        return _stem(token, language) == _stem(word, language)
    return token.startswith(word) and len(token) - len(word) <= MAX_ENDING and len(word) > 2


def _key(word: str) -> str:
    return word[:3]


@dataclass(frozen=True)
class Glossary:
    """The terms of a glossary, in the order given."""

    terms: tuple[Term, ...] = ()
    pair: tuple[str, str] | None = None
    """(source, target) when these are one pair's terms (for_pair), each term once."""

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def for_pair(self, source: str, target: str) -> Glossary:
        """The terms that apply when translating `source` ("uz-Cyrl" counts as "uz") into
        `target`; a later entry for the same term replaces an earlier one."""
        source, target = normalize_code(source), normalize_code(target)
        if self.pair == (source, target):
            return self
        chosen: dict[str, Term] = {}
        for term in self.terms:
            if term.source_language == source and term.target_language == target:
                chosen[term.term.casefold()] = term
        return Glossary(tuple(chosen.values()), (source, target))

    def find(self, sentence: str) -> list[Match]:
        """Every term of this glossary in the sentence, longest first where two overlap.
        The glossary should be one pair's (for_pair): a term is matched with its own
        language's stemmer."""
        if not self.terms:
            return []
        return self._index.find(sentence)

    @cached_property
    def _index(self) -> _Index:
        return _Index(self)

    def __reduce__(self):
        # Pickled (and hashed by the dashboard's caches) as its terms: the index is rebuilt.
        return (Glossary, (self.terms, self.pair))

    def digest(self) -> str:
        """A digest of every term ("" for none): a batch row records the glossary its
        translation kept, so a run with another glossary translates again."""
        if not self.terms:
            return ""
        text = "\n".join(f"{t.source_language}\t{t.term}\t{t.target_language}\t{t.translation}"
                         for t in self.terms)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def fingerprint(self, sentence: str) -> str:
        """A digest of the terms that touch the sentence ("" when none): the translation
        memory keys on it, so changing the glossary redoes only the sentences it touches."""
        found = sorted({(m.term.term.casefold(), m.term.rendering) for m in self.find(sentence)})
        if not found:
            return ""
        text = "\n".join(f"{term}\t{rendering}" for term, rendering in found)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    term: Term
    capitals: tuple[str, ...]
    """Words written in capitals ("US", "NATO"), matched only in capitals: not "us"."""


class _Index:
    """A glossary's terms by the first letters of their first word: a sentence costs one
    look-up per word, however long the glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.entries: dict[str, list[_Entry]] = {}
        for term in glossary.terms:
            written = _WORD.findall(term.term)
            words = tuple(word.casefold() for word in written)
            capitals = tuple(word if word.isupper() and len(word) > 1 else "" for word in written)
            self.entries.setdefault(_key(words[0]), []).append(_Entry(words, term, capitals))
        for entries in self.entries.values():
            entries.sort(key=lambda entry: -len(entry.words))
        keys = sorted(self.entries, key=len, reverse=True)
        self.starts = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + ")")
        """Where a term may start in a casefolded sentence: most sentences hold none."""

    def find(self, sentence: str) -> list[Match]:
        lowered = sentence.casefold()
        starts = [hit.start() for hit in self.starts.finditer(lowered)]
        if not starts:
            return []
        tokens = list(_WORD.finditer(sentence))
        if len(lowered) == len(sentence):  # the same offsets: try only where a term may start
            words = [(token.start(), token.end()) for token in tokens]
            folded = [lowered[start:end] for start, end in words]
            index = {start: number for number, (start, _end) in enumerate(words)}
            candidates = sorted({index[start] for start in starts if start in index})
        else:  # "ß" became "ss": every word
            folded = [token.group().casefold() for token in tokens]
            candidates = list(range(len(tokens)))
        found: list[Match] = []
        taken = 0
        for position in candidates:
            if position < taken:
                continue
            match = self._at(sentence, tokens, folded, position)
            if match is not None:
                found.append(match[0])
                taken = match[1]
        return found

    def _at(self, sentence: str, tokens: list[re.Match], folded: list[str],
            position: int) -> tuple[Match, int] | None:
        for entry in self.entries.get(_key(folded[position]), ()):
            end = position + len(entry.words)
            if end > len(tokens):
                continue
            language = entry.term.source_language
            if not all(_same_word(folded[position + n], word, language)
                       for n, word in enumerate(entry.words)):
                continue
            if not all(tokens[position + n].group().startswith(capital)
                       for n, capital in enumerate(entry.capitals) if capital):
                continue
            gaps = (sentence[tokens[n].end():tokens[n + 1].start()]
                    for n in range(position, end - 1))
            if all(_JOINER.fullmatch(gap) for gap in gaps):
                return Match(tokens[position].start(), tokens[end - 1].end(), entry.term), end
        return None


# ---- protection through translation ---------------------------------------------------


@dataclass(frozen=True)
class Masked:
    """A sentence with each term replaced by a number, and the pieces between the terms."""

    sentence: str
    text: str
    masks: tuple[str, ...]
    matches: tuple[Match, ...]

    def pieces(self) -> list[str]:
        """The sentence's text between (and around) its terms."""
        pieces, start = [], 0
        for match in self.matches:
            pieces.append(self.sentence[start:match.start])
            start = match.end
        pieces.append(self.sentence[start:])
        return pieces

    def restore(self, output: str) -> str | None:
        """The output with every mask replaced by its term, None when a mask was lost."""
        for mask, match in zip(self.masks, self.matches, strict=True):
            found = list(re.finditer(rf"(?<!\d){mask}(?!\d)", output))
            if len(found) != 1:
                return None
            hit = found[0]
            output = output[:hit.start()] + match.term.rendering + output[hit.end():]
        return output


def mask(sentence: str, matches: Sequence[Match]) -> Masked:
    """The sentence with its terms masked by numbers the sentence does not hold."""
    masks: list[str] = []
    number = _MASK_BASE
    while len(masks) < len(matches):
        if str(number) not in sentence:
            masks.append(str(number))
        number += 1
    parts, start = [], 0
    for match, number_text in zip(matches, masks, strict=True):
        parts += [sentence[start:match.start], number_text]
        start = match.end
    parts.append(sentence[start:])
    return Masked(sentence, "".join(parts), tuple(masks), tuple(matches))


def needs_model(piece: str) -> bool:
    """A piece with letters goes to the model; spaces and punctuation stay as they are."""
    return bool(_LETTER.search(piece))


def assemble(masked: Masked, translated_pieces: Sequence[str]) -> str:
    """The pieces' translations with the terms' renderings between them; a piece that
    starts with punctuation is glued to what comes before it."""
    text = ""
    for index, piece in enumerate(translated_pieces):
        text = _joined(text, piece.strip())
        if index < len(masked.matches):
            text = _joined(text, masked.matches[index].term.rendering)
    return text


def _joined(text: str, part: str) -> str:
    if not part:
        return text
    if not text or _GLUED.match(part):
        return text + part
    return f"{text} {part}"


def protected(
    translate: Callable[[list[str]], list[str]],
    sentences: Sequence[str],
    glossary: Glossary | None,
    source: str,
    target: str,
) -> list[str]:
    """translate(sentences) with the glossary's terms for source -> target kept exactly.

    One call for every sentence (terms masked), and a second one only for the pieces of
    sentences whose masks the model lost."""
    terms = glossary.for_pair(source, target) if glossary else Glossary()
    if not terms:
        return translate(list(sentences))
    masked = [mask(sentence, terms.find(sentence)) for sentence in sentences]
    outputs = translate([item.text for item in masked])
    results: list[str] = []
    lost: dict[int, list[str]] = {}
    for index, (item, output) in enumerate(zip(masked, outputs, strict=True)):
        restored = item.restore(output) if item.matches else output
        results.append(restored or "")
        if restored is None:
            lost[index] = item.pieces()
    if lost:
        texts = sorted({piece.strip() for pieces in lost.values() for piece in pieces
                        if needs_model(piece)})
        done = dict(zip(texts, translate(texts), strict=True)) if texts else {}
        for index, pieces in lost.items():
            translated = [done[p.strip()] if needs_model(p) else p for p in pieces]
            results[index] = assemble(masked[index], translated)
    return results


def missing_terms(translation: str, matches: Iterable[Match]) -> list[Term]:
    """The terms found in a sentence (Glossary.find) whose rendering is not in its
    translation."""
    wanted = dict.fromkeys(match.term for match in matches)
    return [term for term in wanted if term.rendering not in translation]


# ---- CSV ---------------------------------------------------------------------------------


def read_csv(text: str) -> Glossary:
    """A glossary from CSV text with the header source_language,term,target_language,
    translation (in any column order; extra columns are ignored). GlossaryError names the
    first bad line."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [cell.strip().lower() for cell in next(rows)]
    except StopIteration:
        raise GlossaryError("The glossary file is empty.") from None
    except csv.Error as error:
        raise GlossaryError(f"Line 1 of the glossary file cannot be read: {error}.") from None
    missing = [column for column in CSV_HEADER if column not in header]
    if missing:
        raise GlossaryError(
            f"The glossary file's first line must name the columns {','.join(CSV_HEADER)}; "
            f"{', '.join(missing)} missing."
        )
    columns = [header.index(column) for column in CSV_HEADER]
    terms: list[Term] = []
    line = 1
    try:
        for line, row in enumerate(rows, start=2):  # noqa: B007 - line is reported below
            if not any(cell.strip() for cell in row):
                continue
            cells = [row[column] if column < len(row) else "" for column in columns]
            try:
                terms.append(make_term(cells[0], cells[1], cells[2], cells[3]))
            except GlossaryError as error:
                raise GlossaryError(f"Line {line} of the glossary file: {error}") from None
    except csv.Error as error:
        raise GlossaryError(f"Line {line + 1} of the glossary file cannot be read: "
                            f"{error}.") from None
    return Glossary(tuple(terms))


def write_csv(terms: Iterable[Term]) -> str:
    """CSV text with the header row, one term a line (read_csv reads it back)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for term in terms:
        writer.writerow([term.source_language, term.term, term.target_language, term.translation])
    return out.getvalue()
