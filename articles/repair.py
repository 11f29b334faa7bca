"""Text garbled once before it reached us (mojibake) -> the text as written, or a reason.

A file may be saved right and still hold text that some program read through the
wrong code page and saved again: UTF-8 read as Windows-1251 ("РњРёРЅРёСЃС‚СЂ"),
Windows-1252 ("ÐœÐ¸Ð½", "cafÃ©") or Windows-1250 ("NejlĂ©pe"), Windows-1251
read as Windows-1252 ("Ìèíèñòð"), KOI8-R read as Windows-1251 ("нЙОЙУФТ"), or
Windows-1252 punctuation kept as control characters (U+0092 for "’"). A garbling is undone by
encoding the text back with the page it was read with and decoding the bytes with
the page they were written in.

It is undone only when that is exact (every character comes back) and the
garbled text shows what no language writes. For UTF-8 the bytes must be valid
UTF-8 throughout, which clean text in a legacy page practically never is. The
8-bit garblings are always reversible, so there the garbled text itself must
look wrong: words made of accented Latin letters only, or Cyrillic words with
capitals everywhere but at their start, and the repair must read as plain
Cyrillic. Text that shows a garbling but lost characters to it cannot come back
exactly: it is refused (GarbledText) rather than passed on.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class GarbledText(ValueError):
    """Text that was garbled once and lost characters to it; the message says how."""


@dataclass(frozen=True)
class Garbling:
    """Text written in `written` that a program read as `read` and saved again."""

    written: str
    read: str
    label: str  # "UTF-8 read as Windows-1251"


@dataclass(frozen=True)
class Repaired:
    text: str
    garbling: Garbling
    lines: int = 0  # when only some lines were garbled: how many

    @property
    def note(self) -> str:
        """What the reader is told about the repair."""
        if self.garbling is C1_PUNCTUATION:
            return ("Repaired punctuation that had been stored as control characters "
                    f"({self.garbling.label})")
        if self.lines:
            what = "1 line" if self.lines == 1 else f"{self.lines} lines"
            return f"Repaired {what} that had been garbled once ({self.garbling.label})"
        return f"Repaired text that had been garbled once ({self.garbling.label})"


UTF8_AS_1252 = Garbling("utf-8", "cp1252", "UTF-8 read as Windows-1252")
UTF8_AS_1251 = Garbling("utf-8", "cp1251", "UTF-8 read as Windows-1251")
UTF8_AS_1250 = Garbling("utf-8", "cp1250", "UTF-8 read as Windows-1250")
CP1251_AS_1252 = Garbling("cp1251", "cp1252", "Windows-1251 read as Windows-1252")
KOI8R_AS_1251 = Garbling("koi8-r", "cp1251", "KOI8-R read as Windows-1251")
C1_PUNCTUATION = Garbling("cp1252", "latin-1", "Windows-1252 read as ISO-8859-1")
_UTF8_KINDS = (UTF8_AS_1252, UTF8_AS_1251, UTF8_AS_1250)


def _byte_chars(page: str) -> str:
    """What each of the 256 bytes reads as in `page`; a byte the page leaves
    undefined reads as the control character of its number, as Windows reads it."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(page))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


_BYTE_CHARS = {page: _byte_chars(page) for page in ("cp1252", "cp1251", "cp1250", "koi8-r")}


def _control_bytes(error: UnicodeError) -> tuple[bytes | str, int]:
    """Error handler: U+0080-U+009F go back to the byte of their number (Windows reads
    bytes its page leaves undefined as those, ISO-8859-1 reads them all so); when
    decoding, such a byte reads as that control character."""
    if isinstance(error, UnicodeEncodeError):
        chunk = error.object[error.start:error.end]
        if all("\x80" <= char <= "\x9f" for char in chunk):
            return chunk.encode("latin-1"), error.end
    elif isinstance(error, UnicodeDecodeError):
        return bytes(error.object[error.start:error.end]).decode("latin-1"), error.end
    raise error


_CONTROL_BYTES = "news-digest-control-bytes"
codecs.register_error(_CONTROL_BYTES, _control_bytes)


def misread(text: str, garbling: Garbling) -> str:
    """`text` garbled as a program would: saved in one page, read with another
    (bytes the second page leaves undefined become control characters)."""
    return text.encode(garbling.written).decode(garbling.read, _CONTROL_BYTES)


def _bytes_back(text: str, page: str) -> bytes | None:
    """The bytes `text` was read from with `page`, or None when it holds characters
    that page cannot have given."""
    try:
        return text.encode(page, _CONTROL_BYTES)
    except UnicodeEncodeError:
        return None


def _utf8_pattern(page: str) -> re.Pattern[str]:
    """UTF-8 sequences as `page` shows them: a lead byte and its continuation bytes."""
    chars = _BYTE_CHARS[page]

    def span(first: int, last: int) -> str:
        return "".join(re.escape(chars[byte]) for byte in range(first, last + 1))

    # ISO-8859-1 reads 0x80-0x9F as controls; a strict converter made a byte its page
    # lacks U+FFFD (a lost byte: the text is still recognised, to be refused).
    tail = f"[{span(0x80, 0xBF)}\x80-\x9f\ufffd]"
    two, three, four = span(0xC2, 0xDF), span(0xE0, 0xEF), span(0xF0, 0xF4)
    return re.compile(f"[{two}]{tail}|[{three}]{tail}{{2}}|[{four}]{tail}{{3}}")


_UTF8_SEQUENCES = {garbling: _utf8_pattern(garbling.read) for garbling in _UTF8_KINDS}
# Share of a text's non-ASCII characters that form UTF-8 sequences: clean text in
# Cyrillic or with accents stays far below it (a Ukrainian "ді" is one such pair).
_UTF8_SHARE = 0.8
_C1 = re.compile("[\x80-\x9f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SAMPLE = 10_000


def repair(text: str) -> Repaired | None:
    """The text as written when it was garbled once and comes back exactly; None
    when it shows no garbling. Raises GarbledText when it is garbled but lost
    characters on the way."""
    if text.isascii():
        return None
    sample = _sample(text)
    try:
        repaired = _utf8_whole(text, sample)
    except GarbledText:
        repaired = _utf8_lines(text, sample)  # a garbled paragraph beside clean ones
        if repaired is None:
            raise
    repaired = repaired or _utf8_lines(text, sample)
    if repaired is not None:
        return repaired
    for garbling, looks_garbled in ((CP1251_AS_1252, _accented_words),
                                    (KOI8R_AS_1251, _capitals_inside)):
        if not looks_garbled(sample):
            continue
        raw = _bytes_back(text, garbling.read)
        if raw is None:
            if _foreign_chars(sample, garbling.read) == {"\ufffd"}:
                raise GarbledText(_lost(garbling))  # letters it lost show as U+FFFD
            continue
        try:
            fixed = raw.decode(garbling.written)
        except UnicodeDecodeError:
            continue
        if _plain_cyrillic(_sample(fixed)):
            return Repaired(fixed, garbling)
    return _c1_punctuation(text)


def _utf8_whole(text: str, sample: str) -> Repaired | None:
    """The whole text was UTF-8 read through one page: nearly all its non-ASCII
    characters form UTF-8 sequences there, and all of them decode."""
    non_ascii = _non_ascii(sample)
    lost = None
    for garbling in _UTF8_KINDS:
        if _covered(sample, garbling) < _UTF8_SHARE * non_ascii:
            continue  # clean text, or only some lines garbled
        fixed = _utf8_back(text, garbling)
        if fixed is not None:
            return Repaired(fixed, garbling)
        if non_ascii >= 6 and lost is None:
            lost = garbling  # unless another page's reading comes back whole
    if lost is not None:
        raise GarbledText(_lost(lost))
    return None


def _utf8_lines(text: str, sample: str) -> Repaired | None:
    """Some lines were pasted from a garbled source into clean text: each line made
    of UTF-8 sequences is repaired on its own, the others are left as they are."""
    seen = {}
    for kind in _UTF8_KINDS:  # "â€™" reads alike in several: the page most lines fit wins
        garbled = [line for line in sample.splitlines() if _garbled_line(line, kind)]
        seen[kind] = (sum(1 for line in garbled if _utf8_back(line, kind)), len(garbled))
    garbling = max(_UTF8_KINDS, key=lambda kind: seen[kind])
    if not seen[garbling][1]:
        return None
    lines = text.splitlines(keepends=True)
    count = 0
    for index, line in enumerate(lines):
        if _garbled_line(line, garbling):
            fixed = _utf8_back(line, garbling)
            if fixed is None:
                raise GarbledText(_lost(garbling))
            lines[index] = fixed
            count += 1
    return Repaired("".join(lines), garbling, lines=count)


def _garbled_line(line: str, garbling: Garbling) -> bool:
    """A line whose non-ASCII characters nearly all form UTF-8 sequences."""
    covered = _covered(line, garbling)
    return covered > 0 and covered >= _UTF8_SHARE * _non_ascii(line)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _covered(sample: str, garbling: Garbling) -> int:
    """How many characters of `sample` belong to UTF-8 sequences as `garbling` shows them."""
    return sum(len(match) for match in _UTF8_SEQUENCES[garbling].findall(sample))


def _utf8_back(text: str, garbling: Garbling) -> str | None:
    """`text` as written, when its bytes through `garbling.read` are valid UTF-8 and
    decode to readable text; None when they are not."""
    raw = _bytes_back(text, garbling.read)
    if raw is None:
        return None
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if _reads_as_text(fixed) else None


def _foreign_chars(sample: str, page: str) -> set[str]:
    """The characters of `sample` that reading with `page` cannot have given."""
    return {char for char in set(sample) if _bytes_back(char, page) is None}


def _sample(text: str) -> str:
    """The start, middle and end of a long text: enough to see a garbling, cheap on 25 MB."""
    if len(text) <= 3 * _SAMPLE:
        return text
    middle = len(text) // 2
    return "\n".join((text[:_SAMPLE], text[middle:middle + _SAMPLE], text[-_SAMPLE:]))


def _lost(garbling: Garbling) -> str:
    return (f"the text was garbled once ({garbling.label}) and lost characters on the way, "
            "so it cannot be repaired exactly; save it again from its source.")


def _reads_as_text(text: str) -> bool:
    """No control, private or unassigned characters: what a repair must not bring."""
    sample = _sample(text)
    return not _C1.search(sample) and not any(
        unicodedata.category(char) in ("Co", "Cn", "Cs") for char in sample if ord(char) > 0x7F
    )


def _cp1251_letters_as_1252() -> str:
    """What Windows-1252 shows for each Cyrillic letter of Windows-1251: "Ì" for "М",
    "³" for "і", "¢" for "ў", "¼" for "ј", "œ" for "њ"."""
    shown = []
    for byte in range(0x80, 0x100):
        letter = _BYTE_CHARS["cp1251"][byte]
        if letter.isalpha():
            shown.append(_BYTE_CHARS["cp1252"][byte])
    return "".join(shown)


_CP1251_SHOWN = re.compile(f"[{re.escape(_cp1251_letters_as_1252())}]")
_SHOWN_WORD = re.compile(f"(?:[A-Za-z]|{_CP1251_SHOWN.pattern})+")


def _accented_words(sample: str) -> bool:
    """Windows-1251 shown as Windows-1252: most letters accented Latin ones or signs
    ("³" for "і"), and words made of them alone ("Ìèíèñòð", "ïðè"), which no
    language writes."""
    shown = len(_CP1251_SHOWN.findall(sample))
    if shown < 8:
        return False
    latin = sum(1 for char in sample if "a" <= char.lower() <= "z")
    words = [word for word in _SHOWN_WORD.findall(sample) if not word.isascii()]
    whole = sum(1 for word in words if len(word) >= 3 and not _CP1251_SHOWN.sub("", word))
    return shown >= latin and whole >= max(2, 0.3 * len(words))


def _case_counts(sample: str) -> tuple[int, int, int, int, int]:
    """(Cyrillic letters, capitals, words, title-case words, words with a capital past
    their first letter and a small letter somewhere: "нЙОЙУФТ", not "СССР")."""
    cyrillic = _CYRILLIC.findall(sample)
    letters = len(cyrillic)
    capitals = sum(1 for char in cyrillic if char.isupper())
    words = titles = odd = 0
    for word in _WORD.findall(sample):
        if not _CYRILLIC.match(word):
            continue
        words += 1
        if word.istitle():
            titles += 1
        elif not (word.islower() or word.isupper()):
            odd += 1
    return letters, capitals, words, titles, odd


def _capitals_inside(sample: str) -> bool:
    """KOI8-R shown as Windows-1251: the case of every letter is turned, so most
    letters are capitals and a capitalised word reads "нПУЛЧБ"."""
    letters, capitals, words, _, odd = _case_counts(sample)
    return letters >= 16 and capitals > 0.5 * letters and odd >= max(1, 0.03 * words)


def _plain_cyrillic(sample: str) -> bool:
    """A repair that reads as Cyrillic text: most letters Cyrillic and small, words
    that start sentences or names capitalised, few words of odd case, and no
    box-drawing or other signs between the letters."""
    letters, capitals, words, titles, odd = _case_counts(sample)
    all_letters = sum(1 for char in sample if char.isalpha())
    if not letters or letters < 0.6 * all_letters or capitals > 0.4 * letters:
        return False
    if not titles or odd > 0.03 * words + 1:
        return False
    return not _NOT_BETWEEN_LETTERS.search(sample)


# Box drawing, blocks and the mathematical signs KOI8 and DOS pages hold where
# Windows-1251 has letters; private and unassigned code points.
_NOT_BETWEEN_LETTERS = re.compile("[\u2219-\u221a\u2248\u2264\u2265\u2320\u2321"
                                  "\u2500-\u25ff\ue000-\uf8ff\ufffe\uffff]")


# U+0080-U+009F that Windows-1252 uses for punctuation and a few letters; U+0081,
# U+008D, U+008F, U+0090 and U+009D it leaves undefined, and they stay controls.
_C1_TABLE = {
    byte: char for byte, char in enumerate(_BYTE_CHARS["cp1252"])
    if 0x80 <= byte <= 0x9F and ord(char) != byte
}


_C1_CHARS = frozenset(chr(byte) for byte in _C1_TABLE)


def _c1_punctuation(text: str) -> Repaired | None:
    """Windows-1252 text read as ISO-8859-1 keeps its quotes and dashes as control
    characters (U+0093 for "“"). U+0085 is "…" there, but the line end (NEL) of
    mainframe text, which has no other line ends."""
    found = set(_C1.findall(_sample(text)))  # the whole of 25 MB costs too much to scan
    if found == {"\x85"} and "\n" not in text and "\r" not in text:
        return None
    if not found & _C1_CHARS:
        return None
    for char in found & _C1_CHARS:  # str.replace is far faster than translate on 25 MB
        text = text.replace(char, _C1_TABLE[ord(char)])
    return Repaired(text, C1_PUNCTUATION)
