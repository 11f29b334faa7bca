"""Checks an .argosmodel archive before any byte of it reaches the packs directory.

A pack is a zip holding exactly one top directory with metadata.json (from/to codes) and
model/model.bin. Refused: non-zips, unsafe entry names (absolute, `..`, backslashes), symlinks,
encrypted entries, and archives whose declared sizes or compression ratios look like a zip bomb.
Declared sizes can lie, so translator.install enforces the same limits again while unpacking.
The limits are module constants, read at call time.

Shared with multilingual models (translator.multilingual, translator.model_install): reading a
JSON file with a size cap checked before reading and a depth limit (read_json_file), and
walking a CTranslate2 model.bin's header to refuse a truncated, padded or HTML file
(ctranslate2_problem).
"""
from __future__ import annotations

import json
import re
import stat
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from languages.codes import is_language_code
from translator.errors import PackError

MAX_UNPACKED_BYTES = 2 * 1024**3  # the largest Argos packs unpack to a few hundred MB
MAX_RATIO = 50.0  # model weights barely compress (~1.1:1); a bomb of zeros is ~1000:1
RATIO_FLOOR_BYTES = 1024**2  # ratio is only judged for members / archives larger than this
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1024**2

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,119}$")


@dataclass(frozen=True)
class CheckedArchive:
    """What a valid archive declares: where it unpacks and which pair it is."""

    top: str
    from_code: str
    to_code: str
    members: tuple[zipfile.ZipInfo, ...]


def _refuse(label: str, reason: str) -> PackError:
    return PackError(f"{label}: {reason}")


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB"


def _entry_problem(name: str) -> str | None:
    if not name:
        return "an entry has an empty name"
    if "\\" in name or "\x00" in name:
        return f"entry {name!r} has a backslash or NUL in its name"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"entry {name!r} has an absolute path"
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return f"entry {name!r} points outside the pack (empty, '.' or '..' path component)"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_archive(path: Path, label: str) -> CheckedArchive:
    """Validate the archive at path from its central directory; PackError names label."""
    try:
        archive_size = path.stat().st_size
    except OSError as error:
        raise _refuse(label, f"cannot be read ({error.strerror or error}).") from None
    if archive_size == 0:
        raise _refuse(label, "the file is empty, not an Argos language pack.")
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_members(archive, label)
    except PackError:
        raise
    except Exception:  # BadZipFile, struct.error, EOFError...: a damaged zip or no zip at all
        raise _refuse(
            label, "not an Argos language pack (.argosmodel files are zip archives)."
        ) from None


def _check_members(archive: zipfile.ZipFile, label: str) -> CheckedArchive:
    members = archive.infolist()
    if not members:
        raise _refuse(label, "the archive is empty.")
    if len(members) > MAX_MEMBERS:
        raise _refuse(label, f"the archive has {len(members):,} entries (limit {MAX_MEMBERS:,}).")
    names: set[str] = set()
    tops: set[str] = set()
    unpacked = compressed = 0
    for info in members:
        problem = _entry_problem(info.filename)
        if problem:
            raise _refuse(label, f"{problem}; refused.")
        if _is_symlink(info):
            raise _refuse(label, f"entry {info.filename!r} is a symbolic link; refused.")
        if info.flag_bits & 0x1:
            raise _refuse(label, f"entry {info.filename!r} is encrypted.")
        key = info.filename.rstrip("/")
        if key in names:
            raise _refuse(label, f"entry {key!r} appears twice.")
        names.add(key)
        parts = key.split("/")
        if len(parts) == 1 and not info.is_dir():
            raise _refuse(label, f"file {key!r} is outside the pack's top directory.")
        tops.add(parts[0])
        unpacked += info.file_size
        compressed += info.compress_size
        if unpacked > MAX_UNPACKED_BYTES:
            raise _refuse(
                label,
                f"it would unpack to more than {_megabytes(MAX_UNPACKED_BYTES)} "
                "(zip bomb?); refused.",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise _refuse(
                label,
                f"entry {info.filename!r} inflates {ratio:,.0f}:1 to "
                f"{_megabytes(info.file_size)} (limit {MAX_RATIO:g}:1, zip bomb?); refused.",
            )
    if unpacked > RATIO_FLOOR_BYTES and unpacked / max(compressed, 1) > MAX_RATIO:
        raise _refuse(
            label,
            f"the archive inflates {unpacked / max(compressed, 1):,.0f}:1 "
            f"(limit {MAX_RATIO:g}:1, zip bomb?); refused.",
        )
    if len(tops) != 1:
        shown = ", ".join(sorted(tops)[:5])
        raise _refuse(label, f"a pack holds exactly one top directory, this one has: {shown}.")
    top = tops.pop()
    if not SAFE_NAME.match(top):
        raise _refuse(label, f"the top directory name {top!r} is not a safe directory name.")
    by_name = {info.filename: info for info in members}
    for required in ("metadata.json", "model/model.bin"):
        info = by_name.get(f"{top}/{required}")
        if info is None or info.is_dir():
            raise _refuse(label, f"{required} is missing from {top}/; not an Argos language pack.")
    if by_name[f"{top}/model/model.bin"].file_size == 0:
        raise _refuse(label, "model/model.bin is empty.")
    metadata = _read_metadata(archive, by_name[f"{top}/metadata.json"], label)
    return CheckedArchive(
        top=top,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        members=tuple(members),
    )


def _read_metadata(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> dict:
    if info.file_size > MAX_METADATA_BYTES:
        raise _refuse(label, "metadata.json is implausibly large.")
    try:
        metadata = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise _refuse(label, "metadata.json is not valid JSON.") from None
    except RecursionError:
        raise _refuse(label, "metadata.json is nested too deeply.") from None
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as error:
        raise _refuse(label, f"metadata.json cannot be read ({error}).") from None
    if not isinstance(metadata, dict):
        raise _refuse(label, "metadata.json is not a JSON object.")
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not code:
            raise _refuse(label, f"metadata.json has no {key}; not an Argos translation pack.")
        if not is_language_code(code):
            raise _refuse(label, f"metadata.json has an invalid {key} {code!r}.")
    if metadata.get("type", "translate") != "translate":
        raise _refuse(label, f"it is a {metadata.get('type')!r} package, not a translation pack.")
    return metadata


# ---- JSON files and CTranslate2 weights, shared by packs and multilingual models ------------

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
    if path.stat().st_size > max_bytes:
        raise ValueError(f"{name} is larger than {_size_limit(max_bytes)}")
    with open(path, "rb") as source:
        raw = source.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ValueError(f"{name} is larger than {_size_limit(max_bytes)}")
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
