"""Checks an .argosmodel archive before any byte of it reaches the packs directory.

A pack is a zip holding exactly one top directory with metadata.json (from/to codes) and
model/model.bin. Unsafe entries and zip bombs are refused by translator.archives, the validator
multilingual models share; declared sizes can lie, so translator.packs.install enforces the same
limits again while unpacking. The limits are module constants, read at call time.
"""
from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from languages.codes import is_language_code
from translator import archives
from translator.errors import PackError

MAX_UNPACKED_BYTES = 2 * 1024**3  # the largest Argos packs unpack to a few hundred MB
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1024**2

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,119}$")


def limits() -> archives.ArchiveLimits:
    """A pack's limits, read now (tests and benchmarks lower them)."""
    return archives.ArchiveLimits(MAX_MEMBERS, MAX_UNPACKED_BYTES, PackError)


@dataclass(frozen=True)
class CheckedArchive:
    """What a valid archive declares: where it unpacks and which pair it is."""

    top: str
    from_code: str
    to_code: str
    members: tuple[zipfile.ZipInfo, ...]


def _refuse(label: str, reason: str) -> PackError:
    return PackError(f"{label}: {reason}")


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
            return _check_pack(archive, label)
    except PackError:
        raise
    except Exception:  # BadZipFile, struct.error, EOFError...: a damaged zip or no zip at all
        raise _refuse(
            label, "not an Argos language pack (.argosmodel files are zip archives)."
        ) from None


def _check_pack(archive: zipfile.ZipFile, label: str) -> CheckedArchive:
    members = archives.check_members(archive, label, limits())
    tops: set[str] = set()
    for info in members:
        parts = info.filename.rstrip("/").split("/")
        if len(parts) == 1 and not info.is_dir():
            raise _refuse(label, f"file {parts[0]!r} is outside the pack's top directory.")
        tops.add(parts[0])
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
