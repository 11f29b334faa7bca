"""Checks of the files a pack or model holds, shared by translator.packs and .multilingual.

Reading a JSON file (or any small file) with a size cap checked before reading and a depth limit,
and walking a CTranslate2 model.bin's header to refuse a truncated, padded or HTML file.
"""
from __future__ import annotations

import json
import struct
from pathlib import Path

MAX_JSON_DEPTH = 64
"""Real configs and tokenizers nest a handful of levels; json itself gives up near 1,000."""

CT2_MAX_BINARY_VERSION = 6  # what CTranslate2 4.x writes and reads
CT2_ITEM_SIZES = (4, 1, 2, 4, 2, 2)  # float32 int8 int16 int32 float16 bfloat16 (types.h order)
CT2_MAX_VARIABLES = 100_000
CT2_MAX_RANK = 8


def looks_like_html(head: bytes) -> bool:
    """True when a file starts like an HTML or XML page (a captive portal saved as weights)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_json_file(path: Path, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> object:
    """The JSON value in path; ValueError saying why not (too large, nested too deeply, not JSON).

    The size is checked before a byte is read, so a 300 MB config.json costs a stat, not
    600 MB at every listing; the read itself is capped too (the file may grow, or be a link to
    a device). Depth: json stops with RecursionError near 1,000 levels; anything deeper than
    max_depth is refused as well, since no real config nests like that.
    """
    name = path.name
    raw = read_capped(path, max_bytes)
    if looks_like_html(raw[:512]):
        raise ValueError(f"{name} is an HTML page, not JSON")
    try:
        value = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError(f"{name} is nested too deeply") from None
    except UnicodeDecodeError:
        raise ValueError(f"{name} is not UTF-8 text") from None
    except ValueError as error:
        raise ValueError(f"{name} is not valid JSON ({error})") from None
    if _json_depth_exceeds(value, max_depth):
        raise ValueError(f"{name} is nested more than {max_depth} levels deep")
    return value


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of path; ValueError when it is larger than max_bytes (checked before reading,
    and the read itself is capped: the file may grow, or be a link to a device)."""
    if path.stat().st_size > max_bytes:
        raise ValueError(f"{path.name} is larger than {_size_limit(max_bytes)}")
    with open(path, "rb") as source:
        raw = source.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ValueError(f"{path.name} is larger than {_size_limit(max_bytes)}")
    return raw


def _size_limit(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB" if size >= 1024**2 else f"{size // 1024:,} KiB"


def _json_depth_exceeds(value: object, max_depth: int) -> bool:
    """Without recursion: a parsed value may still be ~1,000 levels deep."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > max_depth:
            return True
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return False


class _Truncated(Exception):
    pass


class _Reader:
    """Little-endian fields of a model.bin; seeks over weights instead of reading them."""

    def __init__(self, source, size: int) -> None:
        self.source, self.size, self.position = source, size, 0

    def take(self, count: int) -> bytes:
        if self.position + count > self.size:
            raise _Truncated(self.position + count)
        data = self.source.read(count)
        if len(data) != count:
            raise _Truncated(self.position + count)
        self.position += count
        return data

    def number(self, fmt: str) -> int:
        return struct.unpack("<" + fmt, self.take(struct.calcsize(fmt)))[0]

    def text(self) -> str:
        length = self.number("H")
        raw = self.take(length)
        if not length or raw[-1] != 0:
            raise ValueError("a name in its header is not terminated")
        return raw[:-1].decode("utf-8")

    def skip(self, count: int) -> None:
        if self.position + count > self.size:
            raise _Truncated(self.position + count)
        self.source.seek(count, 1)
        self.position += count


def ctranslate2_problem(path: Path) -> str | None:
    """Why path is not a whole CTranslate2 model.bin, or None when it is.

    Walks the header of every variable as CTranslate2's loader does (binary formats 1 to 6)
    and seeks over the weights, so a truncated file, a file with bytes appended (a download
    resumed onto the wrong file) or an HTML page is caught in milliseconds without loading
    hundreds of MB.
    """
    size = path.stat().st_size
    if size == 0:
        return "is empty"
    with open(path, "rb") as source:
        if looks_like_html(source.read(512)):
            return ("is an HTML page, not model weights (a login or error page saved under "
                    "that name?)")
        source.seek(0)
        reader = _Reader(source, size)
        try:
            return _walk_ctranslate2(reader)
        except _Truncated as short:
            return (f"is truncated: {size:,} bytes, but its own header needs at least "
                    f"{short.args[0]:,}")
        except (ValueError, UnicodeDecodeError) as error:
            return f"is not a CTranslate2 model ({error})"


def _walk_ctranslate2(reader: _Reader) -> str | None:
    version = reader.number("I")
    if not 1 <= version <= CT2_MAX_BINARY_VERSION:
        if version < 1000 and version != 0:
            return (f"was written by a newer CTranslate2 (format {version}; this one reads up "
                    f"to {CT2_MAX_BINARY_VERSION})")
        return "does not start like a CTranslate2 model"
    if version >= 2:
        spec = reader.text()
        if not spec.isprintable():
            raise ValueError("its model name is not text")
        reader.number("I")  # spec revision
    variables = reader.number("I")
    if variables == 0 or variables > CT2_MAX_VARIABLES:
        raise ValueError(f"it declares {variables:,} weights")
    for _ in range(variables):
        reader.text()
        rank = reader.number("B")
        if rank > CT2_MAX_RANK:
            raise ValueError(f"a weight has {rank} dimensions")
        count = 1
        for _dim in range(rank):
            count *= reader.number("I")
        if version >= 4:
            type_id = reader.number("B")
            if type_id >= len(CT2_ITEM_SIZES):
                raise ValueError(f"a weight has the unknown type {type_id}")
            item_size = CT2_ITEM_SIZES[type_id]
            num_bytes = reader.number("I")
        else:
            item_size = reader.number("B")
            if item_size not in (1, 2, 4):
                raise ValueError(f"a weight has items of {item_size} bytes")
            num_bytes = reader.number("I") * item_size
        if num_bytes != count * item_size:
            raise ValueError("a weight's size disagrees with its shape")
        reader.skip(num_bytes)
    if version >= 3:
        for _ in range(reader.number("I")):
            reader.text()
            reader.text()
    extra = reader.size - reader.position
    if extra:
        return (f"has {extra:,} bytes after the model's end (a download resumed onto another "
                "file?)")
    return None
