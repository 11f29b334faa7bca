"""Bytes of an uploaded file -> clean text, or a clear reason why not.

Detection order matters more than the detector: byte-order marks are certain,
valid UTF-8 is almost certain, and only then is charset-normalizer asked which
code pages fit. Cyrillic code pages are easy to mix up on short texts, so among
the pages that decode, the one whose words look written (one script per word,
sane capitals, no box-drawing signs) wins before the detector's own measure.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes


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


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode an uploaded file to normalized text (LF line ends, no control chars).

    Raises ArticleError for empty, binary or undecodable files.
    """
    try:
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
            text, encoding = _guess(data, name)
    text = normalize_text(_undo_double_encoding(text))
    _check_readable(text, name)
    return DecodedText(text=text, encoding=encoding)


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
    """UTF-16 saved without a BOM: the high byte of each character barely varies
    (0x00 for Latin, 0x04 for Cyrillic), and the result reads as text."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2 or 0 not in sample and 4 not in sample:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(set(high)) > 3 or high.count(0) + high.count(4) < len(high) * 0.6:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text[:2048] if c.isprintable() or c in "\n\r\t")
        if printable / max(1, len(text[:2048])) > 0.95:
            return text, codec
    return None


# When charset-normalizer finds several code pages equally clean, the one most
# used for texts of this region wins (cp1250 and cp1252 often tie on French).
_PREFERRED = (
    "utf_8", "cp1251", "koi8_r", "cp866", "cp1252", "latin_1", "iso8859_15", "koi8_u",
    "cp1125", "gb18030", "gbk", "gb2312", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr",
    "cp1254", "iso8859_9", "cp1256", "cp1250", "iso8859_2", "cp1253", "cp1255", "cp1257",
    "cp1258", "mac_cyrillic", "iso8859_5",
)


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """Valid UTF-8 first; then the cleanest, most common code page that fits."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the very end of a file is still UTF-8.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data.decode("utf-8", errors="replace"), "utf-8"
    chaos = {codecs.lookup(m.encoding).name: m.chaos for m in from_bytes(data[:200_000])}
    for fallback in _REGIONAL:
        chaos.setdefault(fallback, 0.0)  # short texts: the detector may not list them
    candidates = []
    for encoding, mess in chaos.items():
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        rank = (round(1 - _word_shape(text), 1), round(mess, 1), _priority(encoding))
        candidates.append((rank, text, encoding))
    if not candidates:
        raise ArticleError(name, "the text encoding could not be recognized.")
    _, text, encoding = min(candidates, key=lambda candidate: candidate[0])
    if encoding == "cp1125" and data.decode("cp866", errors="replace") == text:
        encoding = "cp866"  # the same letters; cp866 is the name people know
    return text, encoding


_REGIONAL = ("cp1251", "koi8-r", "cp866", "cp1252")


def _priority(encoding: str) -> int:
    key = encoding.replace("-", "_")
    return _PREFERRED.index(key) if key in _PREFERRED else len(_PREFERRED)


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


# A UTF-8 lead byte read as cp1252/latin-1 ("Ã", "Ð") followed by a continuation byte.
_MOJIBAKE = re.compile(
    "[ÃÂÐÑØÙ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def _undo_double_encoding(text: str) -> str:
    """UTF-8 that was once read as cp1252 and saved again ("ÐœÐ¾ÑÐºÐ²Ð°") is repaired."""
    if not _MOJIBAKE.search(text[:10_000]):
        return text
    for codec in ("cp1252", "latin-1"):
        # Bytes cp1252 cannot show were lost as U+FFFD; they stay lost, the rest is saved.
        raw = text.encode(codec, errors="replace")
        repaired = raw.decode("utf-8", errors="replace")
        lost = repaired.count("\ufffd") - text.count("\ufffd")
        if lost <= len(repaired) // 100 and _word_shape(repaired) > _word_shape(text):
            return repaired
    return text
