"""Bytes of an uploaded file -> clean text, or a clear reason why not.

Byte-order marks are certain and valid UTF-8 is almost certain (a few stray
bytes in it are replaced and counted, not refused). Otherwise chardet 7 (0BSD)
proposes code pages with a confidence; the region's pages are always tried, and
so are the siblings of each proposal (ISO-8859-15 beside Windows-1252, ISO-8859-7
beside Windows-1253, ...), which a detector scores alike. Among readings the
detector finds nearly equally likely (within 10 %), the one with the fewest odd
signs beside letters, odd capitals inside words and letters the detected
language does not write wins: ISO-8859-2 and Windows-1250, or KZ-1048 and
Windows-1251, differ only in such letters. Readings are made from the first
200 kB; the whole file must fit the chosen page. Unicode text that was garbled
once before it was saved (mojibake) is repaired by articles.repair, with a note.
bench/encodings.py and bench/mojibake.py measure both.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import chardet

from articles.alphabets import alphabet, foreign_letters
from articles.repair import GarbledText, repair


class ArticleError(ValueError):
    """A file that cannot become an article; the message names the file."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    replaced_bytes: int = 0  # undecodable bytes shown as U+FFFD
    notes: tuple[str, ...] = ()  # what the reader should know, e.g. "3 unreadable bytes replaced"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Magic numbers of the binary files people most often upload by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a Word/Excel/OpenDocument file)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"RIFF", "an audio, video or image file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x1cftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # BMP only when followed by a plausible header; checked below
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable program"),
    (b"wOFF", "a font file"),
    (b"\x00\x01\x00\x00\x00", "a font file"),
)

# Control characters other than tab and newline; also unicode "format" junk we drop.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe]")


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> DecodedText:
    """Decode an uploaded file to normalized text (LF line ends, no control chars).

    `encoding` forces a code page (the reader's "Read as"); bytes it cannot read
    are replaced and counted. Raises ArticleError for empty, binary or
    undecodable files.
    """
    try:
        if encoding is not None:
            return _decode_as(bytes(data), name, encoding)
        return _decode(bytes(data), name)
    except ArticleError:
        raise
    except Exception as error:  # a detector bug must not become a traceback
        reason = f"the file could not be read as text ({type(error).__name__})."
        raise ArticleError(name, reason) from None


def _decode(data: bytes, name: str) -> DecodedText:
    if not data.strip():
        reason = "the file is empty." if not data else "the file contains only blank space."
        raise ArticleError(name, reason)
    replaced = 0
    bom = _from_bom(data)
    if bom is not None:
        text, encoding = bom
    else:
        kind = _binary_kind(data)
        if kind:
            raise ArticleError(name, f"this looks like {kind}, not a text file.")
        wide = _utf16_without_bom(data)
        if wide is not None:
            text, encoding = wide
        elif _looks_binary(data):
            raise ArticleError(name, "this looks like a binary file, not a text file.")
        else:
            text, encoding, replaced = _guess(data, name)
    notes: tuple[str, ...] = ()
    if encoding.startswith("utf"):  # a garbling saved again is saved in Unicode
        text, notes = repaired_text(text, name)
    text = normalize_text(text)
    _check_readable(text, name)
    return _result(text, encoding, replaced, notes)


def guess_encoding(data: bytes) -> str | None:
    """The code page of undeclared bytes (a web page without a charset): UTF-8 when
    it is valid, else the detector's reading ranked as for text files."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    if _damaged_utf8(data) is not None:
        return "utf-8"
    ranked = _ranked(_readings(data))
    return ranked[0].encoding if ranked else None


def _decode_as(data: bytes, name: str, encoding: str) -> DecodedText:
    """The reader chose the code page: use it, replacing what it cannot read."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ArticleError(name, f"{encoding!r} is not a known text encoding.") from None
    if not data.strip():
        raise ArticleError(name, "the file is empty.")
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if codec.startswith("utf-16") and not text.startswith("\ufeff"):
        codec = _utf16_without_bom(data)[1] if _utf16_without_bom(data) else codec
    text = normalize_text(text.lstrip("\ufeff"))
    if not text.strip():
        raise ArticleError(name, "the file contains only blank space.")
    return _result(text, encoding, max(0, replaced))


def replaced_note(replaced: int) -> str:
    """The reader's note for bytes shown as U+FFFD ("3 unreadable bytes replaced")."""
    return f"{replaced} unreadable {'byte' if replaced == 1 else 'bytes'} replaced"


def _result(text: str, encoding: str, replaced: int, notes: tuple[str, ...] = ()) -> DecodedText:
    notes = ((replaced_note(replaced),) if replaced else ()) + notes
    return DecodedText(text=text, encoding=display_name(encoding), replaced_bytes=replaced,
                       notes=notes)


def normalize_text(text: str) -> str:
    """LF line ends, no NULs or control characters, NFC, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _from_bom(data: bytes) -> tuple[str, str] | None:
    for bom, label, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = data[len(bom):].decode(label, errors="replace")
            return text.lstrip("\ufeff"), label
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if magic == b"BM":
                if len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00":
                    return "a BMP image"
                continue
            return kind
    return None


def _looks_binary(data: bytes) -> bool:
    """Text has next to no control bytes; binary data has them everywhere."""
    sample = data[:65536]
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    share = bad / len(sample)
    # A short file needs fewer control bytes to give itself away.
    return share > 0.05 and (bad >= 8 or share > 0.15)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: spaces and line ends put a NUL byte beside them,
    always on the same side (odd places for little-endian); the result reads as text.
    Other text has no NULs, and binary data has them on both sides."""
    sample = data[:65536]
    if len(data) % 2 or len(sample) < 4:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    for codec, right, wrong in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if right == 0:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        printable = sum(1 for c in head if c.isprintable() or c in "\n\r\t")
        if printable / max(1, len(head)) <= 0.95:
            continue
        # CJK letters have NUL low bytes now and then ("一" is U+4E00): with NULs on
        # both sides the text must be East Asian writing, which random bytes are not.
        if wrong * 2 < right or _east_asian_share(head) > 0.95:
            return text, codec
    return None


# Han, kana, Hangul, CJK and fullwidth punctuation, and the ASCII between them.
_EAST_ASIAN_TEXT = re.compile("[\t\n\r -~\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                              "\uac00-\ud7a3\uff00-\uffef]")


def _east_asian_share(text: str) -> float:
    """Share of `text` written in East Asian scripts and the ASCII that goes with them
    (random 16-bit units land there about half the time)."""
    return len(_EAST_ASIAN_TEXT.findall(text)) / max(1, len(text))


# The names a reader may pick in "Read as": the code pages people of the region
# and of the languages we translate actually saved text in.
ENCODING_CHOICES: tuple[str, ...] = (
    "utf-8", "utf-16", "cp1251", "koi8-r", "koi8-u", "cp866", "kz1048", "cp1125",
    "iso-8859-5", "mac-cyrillic", "cp1252", "iso-8859-1", "iso-8859-15", "cp1250",
    "iso-8859-2", "iso-8859-16", "cp1254", "iso-8859-9", "cp1257", "iso-8859-13",
    "iso-8859-4", "cp1253", "iso-8859-7", "cp1255", "iso-8859-8", "cp1256", "iso-8859-6",
    "cp874", "shift_jis", "cp932", "euc-jp", "euc-kr", "gb18030", "big5",
)

# Python's own names ("iso8859_2", "euc_jp") -> the names readers know and choose from.
_DISPLAY = {codecs.lookup(choice).name: choice for choice in ENCODING_CHOICES}


def display_name(encoding: str) -> str:
    """The name of a code page as ENCODING_CHOICES spells it, when it is one of them."""
    try:
        return _DISPLAY.get(codecs.lookup(encoding).name, encoding)
    except LookupError:
        return encoding


# Among code pages the detector finds equally likely, the one most used wins
# (shift_jis before cp932: they differ only where cp932 maps "〜" to "～").
_PREFERRED = tuple(codecs.lookup(label).name for label in (
    "utf-8", "cp1251", "koi8-r", "cp866", "kz1048", "koi8-u", "cp1252", "iso-8859-1",
    "iso-8859-15", "cp1250", "iso-8859-2", "cp1254", "iso-8859-9", "cp1257", "iso-8859-13",
    "cp1253", "iso-8859-7", "cp1255", "iso-8859-8", "cp1256", "iso-8859-6", "cp874",
    "gb18030", "gbk", "gb2312", "big5", "shift_jis", "cp932", "euc-jp", "euc-kr", "cp949",
))
# The region's pages are always tried, even when the detector does not list them.
_REGIONAL = ("cp1251", "koi8-r", "koi8-u", "cp866", "kz1048")
# Candidates this close to the detector's best (share of its confidence) are
# compared on what they read as.
_CLOSE = 0.9
# Kazakh pages (KZ-1048, PT154) hold cp1251's rarer letters in other places. A text
# whose cp1251 reading adds to Russian only "і", "ї", "є", "ў" is Ukrainian,
# Belarusian, Uzbek or Mongolian typed in cp1251 ("ї", "є" for "ү", "ө"); a Kazakh
# one would show "ј", "ќ", "ѕ".
_KAZAKH_PAGES = ("kz1048", "ptcp154")
_CP1251_EXTRA = frozenset("іїєўІЇЄЎ")
# Pages that hold the same letters in nearly the same places: when the detector
# proposes one, the others are read too, with its confidence, and what each reads
# as decides ("c½ur" in Windows-1252 is "cœur" in ISO-8859-15).
_SIBLINGS = tuple(
    tuple(codecs.lookup(label).name for label in family) for family in (
        ("cp1252", "iso-8859-1", "iso-8859-15"),
        ("cp1250", "iso-8859-2", "iso-8859-16"),
        ("cp1253", "iso-8859-7"),
        ("cp1254", "iso-8859-9"),
        ("cp1255", "iso-8859-8"),
        ("cp1256", "iso-8859-6"),
        ("cp1257", "iso-8859-13", "iso-8859-4"),
        ("euc-kr", "cp949"),
        ("gb2312", "gbk", "gb18030"),
        ("shift_jis", "cp932"),
    )
)


@dataclass(frozen=True)
class _Reading:
    encoding: str
    text: str
    confidence: float
    language: str | None


def _guess(data: bytes, name: str) -> tuple[str, str, int]:
    """Valid UTF-8 first; then the detector's best code page, with close calls
    decided by what each reading looks like. Returns (text, encoding, replaced)."""
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the very end of a file is still UTF-8.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data.decode("utf-8", errors="replace"), "utf-8", 0
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    for reading in _ranked(_readings(data)):
        # Readings were made from the first 200 kB; the whole file must fit the page too.
        try:
            return data.decode(reading.encoding), reading.encoding, 0
        except UnicodeDecodeError:
            continue
    raise ArticleError(name, "the text encoding could not be recognized.")


def _damaged_utf8(data: bytes) -> tuple[str, str, int] | None:
    """UTF-8 with a few stray bytes (a damaged download, a pasted fragment): the
    stray bytes become U+FFFD and are counted, rather than refusing the article."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    wide_bytes = len(data.translate(None, _ASCII))  # bytes of non-ASCII characters
    if replaced and wide_bytes >= 20 * replaced:
        return text, "utf-8", replaced
    return None


_ASCII = bytes(range(128))
_SAMPLE = 200_000


def _readings(data: bytes) -> list[_Reading]:
    """Each proposed code page's reading of the file's first 200 kB."""
    sample = data[:_SAMPLE]
    found: dict[str, _Reading] = {}
    proposals = [
        (result["encoding"], result["confidence"], result["language"])
        for result in chardet.detect_all(sample, ignore_threshold=True)
        if result["encoding"]
    ]
    proposals += [
        (sibling, confidence, language)
        for label, confidence, language in list(proposals)
        for sibling in _siblings(label)
    ]
    proposals += [(page, 0.0, None) for page in _REGIONAL]
    for label, confidence, language in proposals:
        try:
            encoding = codecs.lookup(label).name
        except LookupError:
            continue
        if encoding in found or encoding.startswith(("utf-16", "utf-32")):
            continue
        try:
            text = _decode_start(sample, encoding, whole=len(data) <= _SAMPLE)
        except (UnicodeDecodeError, LookupError):
            continue
        found[encoding] = _Reading(encoding, text, confidence, language)
    return list(found.values())


def _siblings(label: str) -> tuple[str, ...]:
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return ()
    return next((family for family in _SIBLINGS if encoding in family), ())


def _decode_start(sample: bytes, encoding: str, whole: bool) -> str:
    """Decode a sample; a character cut by the sample's end is dropped."""
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError as error:
        if whole or error.start < len(sample) - 4:
            raise
        return sample[:error.start].decode(encoding)


def _ranked(readings: list[_Reading]) -> list[_Reading]:
    """Best first: the detector's measure; among close calls, the reading with the
    fewest odd signs, odd capitals and letters its language does not write."""
    if not readings:
        return []
    top = max(readings, key=lambda reading: reading.confidence)
    letters = alphabet(top.language)

    def rank(reading: _Reading) -> tuple:
        close = reading.confidence >= top.confidence * _CLOSE
        if not close:  # only tried when no close one fits the whole file: by confidence
            return (True, 0, -reading.confidence, _priority(reading.encoding))
        sample = reading.text[:20_000]
        foreign = foreign_letters(sample, letters) if letters else 0
        # A sign inside a word is never written; a letter the language lacks may be
        # a name ("Müller" in English), so it weighs half.
        oddities = 2 * (_odd_signs(sample) + _odd_case_words(sample)) + foreign
        return (not close, oddities, -reading.confidence, _priority(reading.encoding))

    ranked = sorted(readings, key=rank)
    if ranked[0].encoding in _KAZAKH_PAGES:
        cyrillic = next((r for r in ranked if r.encoding == "cp1251"), None)
        if cyrillic is not None and _only_cp1251_extras(cyrillic.text[:20_000]):
            ranked.remove(cyrillic)
            ranked.insert(0, cyrillic)
    return ranked


def _only_cp1251_extras(text: str) -> bool:
    extra = {c for c in text if "\u0400" <= c <= "\u04ff" and c.lower() not in _RUSSIAN}
    return extra <= _CP1251_EXTRA


_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _odd_case_words(text: str) -> int:
    """Words whose capitals are neither lower, upper nor title case ("σΆ", "рТЙЧЕФ")."""
    return sum(
        1 for word in _WORD.findall(text)
        if not (word.islower() or word.isupper() or word.istitle())
    )


# Punctuation that written text puts next to letters; other signs there ("‰", "¶",
# box drawing, control characters) are a letter read through the wrong code page.
_USUAL_SIGNS = frozenset(".,;:!?'\"()[]{}<>-\u2010\u2011–—―«»„“”‚‘’‹›…/\\%&*+=#@·•°§№$€£¥_~|´`²³")
# Signs nobody types, wherever they stand: control characters and the generic
# currency sign that ISO-8859-1 has where ISO-8859-15 and the Greek page have "€".
_NEVER_WRITTEN = frozenset(chr(code) for code in range(0x80, 0xA0)) | {"¤"}


# Signs that may stand between two letters ("state—and", "wait…what" too); the
# middle dot only in Catalan "l·l" (elsewhere it is a letter read through Mac Roman).
_JOINERS = frozenset("'’‘-\u2010\u2011–—…./&_´`")


def _odd_signs(text: str) -> int:
    """How many signs stand beside a letter where writing would not put them."""
    count = 0
    previous = " "
    for index, char in enumerate(text):
        if char in _NEVER_WRITTEN:  # U+0085 is a space to Python
            count += 1
        elif not (char.isalpha() or char.isdecimal() or char.isspace()):  # "½" is a sign here
            following = text[index + 1:index + 2]
            if char not in _USUAL_SIGNS:
                if previous.isalpha() or following.isalpha():
                    count += 1
            elif previous.isalpha() and following.isalpha() and char not in _JOINERS:
                if not (char == "·" and previous in "lL" and following in "lL"):
                    count += 1
        previous = char
    return count


def _priority(encoding: str) -> int:
    return _PREFERRED.index(encoding) if encoding in _PREFERRED else len(_PREFERRED)


_WORD = re.compile(r"[^\W\d_]+")
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"}


def _script(char: str) -> str:
    try:
        script = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "?"
    return "CJK" if script in _EAST_ASIAN else script


def _word_shape(text: str) -> float:
    """Share of letters in words that look written: one script, sane capitals.

    A Cyrillic code page read as another one gives words like "рТЙЧЕФ" (case at
    random), box-drawing signs or halfwidth katakana; a Latin page read as
    Cyrillic mixes scripts within a word. Symbols count against the text.
    """
    sample = text[:20_000]
    good = total = 0
    for word in _WORD.findall(sample):
        total += len(word)
        scripts = {_script(c) for c in word}
        if len(scripts) != 1 or "HALFWIDTH" in scripts:
            continue
        if word.islower() or word.isupper() or word.istitle() or word.lower() == word.upper():
            good += len(word)
    odd = sum(1 for c in sample if unicodedata.category(c)[0] in "SC" and c not in "\n\t$%+=<>|~^`")
    return good / (total + odd) if total else 0.0


_ODD_CATEGORIES = ("Co", "Cn", "Cs", "So")


def _check_readable(text: str, name: str) -> None:
    sample = text[:100_000]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        raise ArticleError(name, "the file contains only blank space.")
    replacement = sum(1 for c in visible if c == "\ufffd")
    odd = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in _ODD_CATEGORIES)
    letters = sum(1 for c in visible if c.isalpha())
    if replacement / len(visible) > 0.1 or odd / len(visible) > 0.3:
        reason = "the text could not be decoded: it turns into unreadable characters."
        raise ArticleError(name, reason)
    if len(visible) >= 20 and letters / len(visible) < 0.3:
        raise ArticleError(name, "the file does not contain readable text (too few letters).")
    if letters >= 16 and _word_shape(sample) < 0.45:
        reason = "the text could not be decoded: it reads as garbled characters (unknown encoding)."
        raise ArticleError(name, reason)


def repaired_text(text: str, name: str) -> tuple[str, tuple[str, ...]]:
    """Text garbled once before it was saved comes back as written, with a note;
    garbled text that lost characters is refused (articles.repair)."""
    try:
        repaired = repair(text)
    except GarbledText as error:
        raise ArticleError(name, str(error)) from None
    if repaired is None:
        return text, ()
    return repaired.text, (repaired.note,)
