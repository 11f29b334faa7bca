"""Installing a .argosmodel file: validate, unpack beside the packs dir, then rename into place.

Nothing is written to the packs directory until the pack has been checked (packs.validation)
and fully unpacked and re-checked in a staging directory on the same filesystem. The move in is a
rename under PACKS_LOCK; an older pack for the same pair is removed only after the new one is in.
"""
from __future__ import annotations

import os
from pathlib import Path

from translator import archives
from translator.errors import PackError
from translator.locking import PACKS_LOCK, staging_area
from translator.packs import validation
from translator.packs.folders import Pack, check_pack, installed_pair, packages_dir, read_pack
from translator.packs.validation import CheckedArchive, check_archive


def install_from_file(path: Path | str, name: str | None = None) -> Pack:
    """Install the pack in path; name is what the user calls the file (e.g. an upload's name)."""
    path = Path(path)
    return install_archive(path, name or path.name)


def install_archive(
    path: Path, label: str, expected_pair: tuple[str, str] | None = None
) -> Pack:
    """Validate, unpack and move in; PackError (naming label) leaves the packs dir untouched."""
    checked = check_archive(path, label)
    pair = (checked.from_code, checked.to_code)
    if expected_pair is not None and pair != tuple(expected_pair):
        raise PackError(
            f"{label}: it is a {pair[0]} → {pair[1]} pack, "
            f"not the expected {expected_pair[0]} → {expected_pair[1]}; refused."
        )
    packs = packages_dir()
    with staging_area(packs) as staging:
        unpacked = staging / "new"
        _unpack(path, checked, unpacked, label)
        pack_dir = unpacked / checked.top
        try:
            pack = check_pack(pack_dir, with_size=False)
        except PackError as error:
            raise PackError(f"{label}: {error}; refused.") from None
        if (pack.from_code, pack.to_code) != pair:
            raise PackError(f"{label}: its metadata.json could not be read after unpacking.")
        try:
            packs.mkdir(parents=True, exist_ok=True)
            with PACKS_LOCK:
                final = _move_into_place(pack_dir, checked, packs, staging)
                installed = read_pack(final)  # before another install may replace it
        except OSError as error:
            raise PackError(
                f"{label}: could not move it into {packs} ({error.strerror or error})."
            ) from None
    if installed is None:
        raise PackError(f"{label}: the pack was moved in but cannot be read at {final}.")
    return installed


def _unpack(path: Path, checked: CheckedArchive, target: Path, label: str) -> None:
    """Extract the checked members into target, counting real bytes: declared sizes may lie."""
    target.mkdir()
    archives.extract(path, checked.members, label, validation.limits(),
                     lambda info: target.joinpath(*info.filename.rstrip("/").split("/")))


def _target_name(checked: CheckedArchive, packs: Path, same_pair: set[str]) -> str:
    """The zip's top directory (as Argos names it) unless another pair already uses that name."""
    base = f"{checked.from_code}_{checked.to_code}"
    candidates = [checked.top, base] + [f"{base}-{number}" for number in range(2, 100)]
    for name in candidates:
        if name in same_pair or not os.path.lexists(packs / name):
            return name
    raise PackError(f"No free directory name for a {base} pack in {packs}.")


def _move_into_place(pack_dir: Path, checked: CheckedArchive, packs: Path, staging: Path) -> Path:
    """Rename the new pack in, then move older packs of the pair out (to be deleted later)."""
    old = installed_pair(checked.from_code, checked.to_code, packs)
    old_names = {pack.path.name for pack in old}
    final = packs / _target_name(checked, packs, old_names)
    retired = staging / "old"
    retired.mkdir()
    if final.exists():  # an older pack of this pair under the same name: swap
        os.rename(final, retired / final.name)
        try:
            os.rename(pack_dir, final)
        except OSError:
            os.rename(retired / final.name, final)
            raise
    else:
        os.rename(pack_dir, final)
    for pack in old:
        if pack.path != final and pack.path.exists():
            os.rename(pack.path, retired / pack.path.name)
    return final
