"""How the packs directory changes safely: one lock, and a staging area on the same filesystem.

Every change to the packs directory is a rename (atomic on one filesystem) made while holding
PACKS_LOCK. Slow work (downloading, unpacking, deleting old packs) happens outside the lock in a
staging directory beside the packs directory, so readers never see a half-written pack.
Code that reads pack files (e.g. loading a model) can hold PACKS_LOCK to avoid racing a swap.

PACKS_LOCK is reentrant within a thread, excludes other threads, and (on POSIX) other processes
too — say the app and `news-digest packages install` — through flock on a `.lock` file
in the packs directory (a file, so Argos ignores it; not created while the directory is missing).
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from translator.paths import packages_dir

log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # not POSIX: threads are still excluded, other processes are not
    fcntl = None


class PacksLock:
    """An RLock that also holds an exclusive flock on <packs dir>/.lock while held."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._file = None

    def __enter__(self) -> PacksLock:
        self._lock.acquire()
        try:
            if self._depth == 0:
                self._file = _lock_file()
            self._depth += 1
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._file is not None:
                self._file.close()  # closing releases the flock
                self._file = None
        finally:
            self._lock.release()


def _lock_file():
    packs = packages_dir()
    if fcntl is None or not packs.is_dir():
        return None
    try:
        handle = open(packs / ".lock", "a+b")  # noqa: SIM115 (closed in __exit__)
    except OSError:  # a read-only packs dir cannot change under us through this code anyway
        return None
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    return handle


PACKS_LOCK = PacksLock()


def _same_filesystem(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False


# A staging folder holds an flock on this file while in use; the kernel drops it when the
# process dies, even by kill -9, so a folder whose lock can be taken is a leftover.
IN_USE = ".in-use"
# A folder without a lock file is only taken for a leftover after this long (it may be
# between its creation and its lock, or come from a version without locks).
UNLOCKED_GRACE_SECONDS = 600


def _staging_prefixes(packs_dir: Path) -> tuple[tuple[Path, str], ...]:
    return ((packs_dir.parent, f".{packs_dir.name}-staging-"), (packs_dir, ".staging-"))


def _hold(staging: Path):
    """Lock staging/.in-use; the handle must stay open while the folder is used.

    The file is locked under another name and then renamed: a lock file that can be
    seen is always held, so a listing in another thread or process never finds it free
    in the moment between its creation and its lock (and takes the folder for a leftover).
    """
    if fcntl is None:
        return None
    pending = staging / f"{IN_USE}.pending"
    try:
        handle = open(pending, "a+b")  # noqa: SIM115 (closed by the caller)
    except OSError:
        return None
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    try:
        os.replace(pending, staging / IN_USE)
    except OSError:
        handle.close()
        return None
    return handle


def _is_leftover(folder: Path) -> bool:
    lock = folder / IN_USE
    if fcntl is None or not lock.is_file():
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNLOCKED_GRACE_SECONDS
    try:
        with open(lock, "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True  # nobody holds it (released when the with block closes the file)
    except OSError:  # BlockingIOError: in use by a running install
        return False


def clean_stale_staging(packs_dir: Path | None = None) -> list[Path]:
    """Remove staging folders left by an install or removal that was killed (kill -9, power
    loss): partial pack data beside or inside the packs folder. Folders in use are kept.
    Returns the folders removed."""
    packs_dir = packages_dir() if packs_dir is None else packs_dir
    removed = []
    for parent, prefix in _staging_prefixes(packs_dir):
        try:
            candidates = [entry for entry in parent.iterdir() if entry.name.startswith(prefix)]
        except OSError:
            continue
        for folder in candidates:
            if folder.is_dir() and not folder.is_symlink() and _is_leftover(folder):
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    log.info("removed a leftover staging folder %s", folder)
                    removed.append(folder)
    return removed


@contextmanager
def staging_area(packs_dir: Path) -> Iterator[Path]:
    """A temporary directory from which a rename into packs_dir is atomic; removed on exit.

    It lives beside packs_dir (not inside, where Argos would try to load it as a pack) unless
    the parent is not writable or is another filesystem. A missing packs_dir is not created
    here: the caller creates it when something is actually moved in. Leftovers of killed
    installs are removed first; this one is locked (IN_USE) so that no other process takes
    it for a leftover.
    """
    clean_stale_staging(packs_dir)
    parent = packs_dir.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    staging: Path | None = None
    beside = os.access(parent, os.W_OK) and (
        not packs_dir.exists() or _same_filesystem(parent, packs_dir)
    )
    if beside:
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{packs_dir.name}-staging-", dir=parent))
        except OSError:
            staging = None
    if staging is None:
        packs_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=packs_dir))
    held = _hold(staging)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if held is not None:
            held.close()
