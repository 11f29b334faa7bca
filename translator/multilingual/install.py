"""Installing a multilingual model from a folder or a zip, checked as packs are.

A zip is refused for the same reasons as an .argosmodel (translator.archives): unsafe entry
names (zip-slip), symbolic links, encryption, too many entries, sizes or ratios of a zip bomb,
a config or tokenizer file over its size cap; sizes are counted again while unpacking, since
declared ones can lie. The unpacked folder is then checked in full (check_model_dir with
thorough=True): model.bin's CTranslate2 header walked to its end (truncated, padded or an HTML
page is refused), every JSON file parsed within size and depth caps, the SentencePiece model
loaded. The model's files may be at
the zip's root or under one top folder. Nothing reaches models_dir() until the model has been
copied or unpacked into a staging folder beside it and read back as a model; the move in is a
rename under PACKS_LOCK, and an older model of the same name is swapped out only then.
"""
from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

from translator import archives
from translator.locking import PACKS_LOCK, staging_area
from translator.multilingual.models import (
    LICENCES,
    MAX_CONFIG_BYTES,
    MAX_SENTENCEPIECE_BYTES,
    MAX_VOCABULARY_BYTES,
    SENTENCEPIECE_FILES,
    TOKENIZER_JSON_BYTES,
    VOCABULARY_FILES,
    ModelError,
    MultilingualModel,
    check_model_dir,
    models_dir,
    read_model,
)

MAX_MODEL_BYTES = 8 * 1024**3
"""NLLB-200 3.3B in int8 is about 3.3 GB; nothing we accept is larger than this."""
MAX_MEMBERS = 200
UNSAFE = re.compile(r"[^A-Za-z0-9._+-]+")
SMALL_FILE_CAPS = {
    "config.json": MAX_CONFIG_BYTES,
    **TOKENIZER_JSON_BYTES,
    **dict.fromkeys(VOCABULARY_FILES, MAX_VOCABULARY_BYTES),
    **dict.fromkeys(SENTENCEPIECE_FILES, MAX_SENTENCEPIECE_BYTES),
}
"""Size caps of the files beside model.bin (checked again on the unpacked files)."""


def is_model_zip(path: Path) -> bool:
    """True for a zip holding a model.bin without an Argos metadata.json: a multilingual model."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.rstrip("/").split("/") for name in archive.namelist()]
    except Exception:  # not a zip at all: let the pack installer say so
        return False
    bins = [parts for parts in names if parts[-1] == "model.bin" and len(parts) <= 2]
    metadata = [parts for parts in names if parts[-1] == "metadata.json" and len(parts) == 2]
    return bool(bins) and not metadata


def is_model_source(path: Path) -> bool:
    """A folder, or a zip that holds a model rather than an Argos pack."""
    path = Path(path)
    return path.is_dir() or (path.suffix.lower() != ".argosmodel" and is_model_zip(path))


def safe_name(name: str) -> str:
    cleaned = UNSAFE.sub("-", name).strip(".-")[:100]
    return cleaned or "multilingual-model"


def install_model(path: Path | str, name: str | None = None) -> MultilingualModel:
    """Install the model in a folder or zip at path; name is what the user calls it."""
    path = Path(path)
    label = name or path.name
    models = models_dir()
    with staging_area(models) as staging:
        unpacked = staging / "new"
        if path.is_dir():
            _copy_folder(path, unpacked, label)
            model_name = safe_name(path.resolve().name)
        else:
            top = _unpack_zip(path, unpacked, label)
            model_name = safe_name(top or Path(label).stem)
        check_model_dir(unpacked, label, thorough=True)
        try:
            models.mkdir(parents=True, exist_ok=True)
            with PACKS_LOCK:
                final = models / model_name
                retired = staging / "old"
                if os.path.lexists(final):
                    os.rename(final, retired)
                try:
                    os.rename(unpacked, final)
                except OSError:
                    if os.path.lexists(retired):
                        os.rename(retired, final)
                    raise
                installed = read_model(final)
        except OSError as error:
            raise ModelError(
                f"{label}: could not move it into {models} ({error.strerror or error})."
            ) from None
    if installed is None:
        raise ModelError(f"{label}: the model was moved in but cannot be read at {final}.")
    return installed


def licence_notice(model: MultilingualModel) -> str:
    return f"{model.family} licence: {LICENCES[model.family]}"


def _copy_folder(source: Path, target: Path, label: str) -> None:
    """Copy the model's regular files (no subfolders, no links), within the size limit.

    The source is checked quickly first; the copy is checked in full by install_model.
    """
    check_model_dir(source, label)
    target.mkdir()
    total = 0
    try:
        for entry in sorted(source.iterdir()):
            if entry.is_symlink() or not entry.is_file():
                continue
            total += entry.stat().st_size
            if total > MAX_MODEL_BYTES:
                raise ModelError(f"{label}: larger than {MAX_MODEL_BYTES / 1024**3:.0f} GB; "
                                 "refused.")
            shutil.copyfile(entry, target / entry.name)
    except OSError as error:
        raise ModelError(f"{label}: could not copy it ({error.strerror or error}).") from None


def _limits() -> archives.ArchiveLimits:
    return archives.ArchiveLimits(MAX_MEMBERS, MAX_MODEL_BYTES, ModelError)


def _check_members(archive: zipfile.ZipFile, label: str) -> tuple[str | None, list]:
    """The top folder (None: files at the root) and the members to extract; refuses bad zips."""
    members = archives.check_members(archive, label, _limits())
    files = [info for info in members if not info.is_dir()]
    if any(info.filename.split("/")[-1] == "model.bin" and "/" not in info.filename
           for info in files):
        top = None
    else:
        tops = {info.filename.split("/")[0] for info in members}
        if len(tops) != 1:
            raise ModelError(f"{label}: no model.bin at the top of the archive or of its one "
                             "folder; not a multilingual model.")
        top = tops.pop()
    prefix = f"{top}/" if top else ""
    chosen = [info for info in files if info.filename.startswith(prefix)
              and "/" not in info.filename[len(prefix):]]
    for info in chosen:  # the caps check_model_dir applies, before a byte is unpacked
        base = info.filename.split("/")[-1]
        cap = SMALL_FILE_CAPS.get(base)
        if cap is not None and info.file_size > cap:
            raise ModelError(f"{label}: {base} is {info.file_size / 1024**2:,.1f} MB "
                             f"(limit {cap / 1024**2:,.0f} MB); not a model's file, refused.")
    return top, chosen


def _unpack_zip(path: Path, target: Path, label: str) -> str | None:
    """Extract the model's files flat into target, counting real bytes; returns the top folder."""
    target.mkdir()
    try:
        with zipfile.ZipFile(path) as archive:
            top, members = _check_members(archive, label)
    except ModelError:
        raise
    except OSError as error:
        raise ModelError(f"{label}: could not read it ({error.strerror or error}).") from None
    except Exception as error:  # BadZipFile, EOFError: the archive's fault
        raise ModelError(f"{label}: the archive is damaged ({error}); refused.") from None
    archives.extract(path, members, label, _limits(),
                     lambda info: target / info.filename.split("/")[-1])
    return top
