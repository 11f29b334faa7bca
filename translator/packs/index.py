"""The Argos package index and downloads: the only network use, and only when the user asks.

The index URL is ARGOS_PACKAGE_INDEX read at call time: a base URL as Argos reads it (index.json
is appended) or a full URL ending in .json. A download streams into a temporary file outside the
packs directory, is verified (length, sha256 when the index gives one), and then installed by
translator.packs.install, which validates it like any uploaded file.

The last index fetched is kept in the packs directory (`.index.json`, with the date fetched; a
file, so Argos ignores it): offline, the Language packs page and `packages available` list what
it offered then, and translation errors can tell a pack that is not installed from one that
is not published at all (then the multilingual model is the way, see translator.multilingual).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import requests

from translator.errors import OfflineError, PackError
from translator.http import get, network_problem
from translator.packs import validation
from translator.packs.folders import (
    Pack,
    described_pair,
    installed_packs,
    packages_dir,
    version_key,
)
from translator.packs.install import install_archive

log = logging.getLogger(__name__)

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
MAX_INDEX_BYTES = 20 * 1024**2
CHUNK_BYTES = 256 * 1024
USER_AGENT = "central-asia-press-reader (argostranslate-compatible)"
FALLBACK_HINT = "You can still install a .argosmodel file you already have."

Progress = Callable[[int, "int | None"], object]

CACHE_FILE = ".index.json"
PIVOT = "en"
UNPUBLISHED_MID_2025 = frozenset({"kk", "uz", "tg", "mn", "be"})
"""Region languages the official Argos index had no pack for when last seen by us (mid-2025);
used only when no index was ever fetched on this machine."""


@dataclass(frozen=True)
class AvailablePack:
    """One translation pack the index offers."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    links: tuple[str, ...]
    size_bytes: int | None = None
    sha256: str | None = None
    installed: bool = False
    installed_version: str | None = None

    @property
    def label(self) -> str:
        return f"{self.from_name} → {self.to_name}"


def index_url() -> str:
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if not base and os.environ.get("ARGOS_PACKAGES_DIR"):
        base = DEFAULT_INDEX  # argostranslate's settings would create folders in $HOME
    if not base:
        from argostranslate import settings

        base = str(settings.get_setting("ARGOS_PACKAGE_INDEX", default=DEFAULT_INDEX))
    if base.endswith(".json"):
        return base
    return base.rstrip("/") + "/index.json"


def _get(url: str, timeout: float) -> requests.Response:
    return get(url, timeout, USER_AGENT)


def fetch_index(timeout: float = 10) -> list[AvailablePack]:
    """The translation packs the index offers, marked installed or not; PackError if offline."""
    url = index_url()
    try:
        with _get(url, timeout) as response:
            body = _read_capped(response, MAX_INDEX_BYTES)
    except requests.RequestException as error:
        raise OfflineError(
            f"Could not reach the Argos package index at {url}: "
            f"{network_problem(error, timeout)}. {FALLBACK_HINT}"
        ) from None
    except PackError:
        raise PackError(f"The Argos package index at {url} is implausibly large.") from None
    try:
        entries = json.loads(body)
    except ValueError:
        raise PackError(f"The Argos package index at {url} is not valid JSON.") from None
    if not isinstance(entries, list):
        raise PackError(f"The Argos package index at {url} is not a list of packages.")
    _save_cache(entries, url)
    return _listing(entries)


def _listing(entries: list) -> list[AvailablePack]:
    installed = {(p.from_code, p.to_code): p.version for p in installed_packs()}
    packs = [pack for pack in map(_available, entries) if pack is not None]
    packs = [_mark(pack, installed.get((pack.from_code, pack.to_code))) for pack in packs]
    return sorted(packs, key=lambda p: (p.from_code, p.to_code, version_key(p.version)))


@dataclass(frozen=True)
class IndexListing:
    """What the index offers: fetched now, or the copy kept from `fetched_at` when offline."""

    packs: list[AvailablePack]
    fetched_at: str  # ISO 8601, UTC
    url: str
    offline_reason: str = ""  # why the cached copy is shown; "" when fetched now

    @property
    def date(self) -> str:
        return self.fetched_at[:10]


def cache_path() -> Path:
    return packages_dir() / CACHE_FILE


def _save_cache(entries: list, url: str) -> None:
    """Keep the index beside the packs (written whole, then renamed); a failure only logs."""
    path = cache_path()
    data = {"fetched_at": datetime.now(UTC).isoformat(timespec="seconds"), "url": url,
            "entries": entries}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        log.warning("could not keep the package index at %s", path, exc_info=True)


def _read_cache() -> dict | None:
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(data, dict) and isinstance(data.get("entries"), list)
    return data if ok and isinstance(data.get("fetched_at"), str) else None


def cached_index() -> IndexListing | None:
    """The index as last fetched on this machine, or None if it never was (no network)."""
    data = _read_cache()
    if data is None:
        return None
    return IndexListing(_listing(data["entries"]), data["fetched_at"], str(data.get("url", "")))


def index_listing(timeout: float = 10) -> IndexListing:
    """The index now, or offline the copy last fetched (with its date); the error if neither."""
    try:
        packs = fetch_index(timeout)
    except (OfflineError, PackError) as error:
        cached = cached_index()
        if cached is None:
            raise
        return replace(cached, offline_reason=str(error))
    data = _read_cache()
    fetched = data["fetched_at"] if data else datetime.now(UTC).isoformat(timespec="seconds")
    return IndexListing(packs, fetched, index_url())


def install_advice(source: str, target: str) -> str:
    """What to install for source -> target: the Argos pack(s) if published, else a model.

    Judged from the index last fetched (no network here), or without one from what the
    official index offered in mid-2025; a pair never judged unpublished gets the pack command.
    """
    cached = _read_cache()
    if cached is not None:
        published = {(p.from_code, p.to_code) for p in _listing(cached["entries"])}
        seen = f"package index of {cached['fetched_at'][:10]}"
        if (source, target) in published:
            return _pack_command([(source, target)])
        legs = [(source, PIVOT), (PIVOT, target)]
        if PIVOT not in (source, target) and all(leg in published for leg in legs):
            return _pack_command(legs)
        codes = {code for pair in published for code in pair}
        missing = [code for code in (source, target) if code not in codes] or [source, target]
    else:
        seen = "Argos index as last seen, mid-2025"
        missing = [code for code in (source, target) if code in UNPUBLISHED_MID_2025]
        if not missing:
            return _pack_command([(source, target)])
    return _model_advice(source, target, missing, seen)


def _pack_command(pairs: list[tuple[str, str]]) -> str:
    commands = " and ".join(f"`news-digest packages install {a} {b}`" for a, b in pairs)
    return f"Install a pack on the Language packs page, or run {commands}."


def _model_advice(source: str, target: str, missing: list[str], seen: str) -> str:
    from languages.flores import to_flores
    from languages.names import language_name

    named = " or ".join(f"{language_name(code)} ({code})" for code in missing)
    flores = ", ".join(f"{code} as {to_flores(code)}" for code in missing if to_flores(code))
    return (
        f"Argos publishes no pack for {named}, so no {source} → {target} route can be installed "
        f"({seen}). The multilingual NLLB-200 model covers "
        f"{'them' if len(missing) > 1 else 'it'}{f' ({flores})' if flores else ''}: download it "
        "on the Language packs page or with `news-digest packages download-model`, "
        "or install a copy with `news-digest packages install-file PATH`."
    )


def _mark(pack: AvailablePack, version: str | None) -> AvailablePack:
    return replace(pack, installed=version is not None, installed_version=version)


def _read_capped(response: requests.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise PackError("too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _available(entry: object) -> AvailablePack | None:
    """An index entry as AvailablePack; None for non-translation or bad ones."""
    if not isinstance(entry, dict):
        return None
    try:
        described = described_pair(entry)
    except PackError:
        return None
    raw_links = entry.get("links")
    links = tuple(
        link for link in (raw_links if isinstance(raw_links, list) else [])
        if isinstance(link, str) and link.startswith(("http://", "https://"))
    )
    if not links:
        return None
    size = entry.get("size_bytes", entry.get("size"))
    checksum = entry.get("sha256") or entry.get("checksum")
    if isinstance(checksum, str) and checksum.lower().startswith("sha256:"):
        checksum = checksum[len("sha256:"):]
    return AvailablePack(
        **described,
        links=links,
        size_bytes=size if isinstance(size, int) and size > 0 else None,
        sha256=checksum.lower() if isinstance(checksum, str) and checksum else None,
    )


def find_available(from_code: str, to_code: str, timeout: float = 10) -> AvailablePack:
    """The newest index entry for the pair; PackError if the index has none."""
    matches = [
        pack for pack in fetch_index(timeout)
        if (pack.from_code, pack.to_code) == (from_code, to_code)
    ]
    if not matches:
        raise PackError(
            f"The Argos package index has no {from_code} → {to_code} pack. "
            + install_advice(from_code, to_code)
        )
    return matches[-1]


def download_and_install(
    available: AvailablePack, progress: Progress | None = None, timeout: float = 30
) -> Pack:
    """Download the pack (trying each link), verify it, install it; PackError if all fail."""
    problems = []
    for url in available.links:
        try:
            return _download_and_install(available, url, progress, timeout)
        except (PackError, OfflineError) as error:
            problems.append(error)
    if not problems:
        raise PackError(f"The index gives no download link for the {available.label} pack.")
    cause = OfflineError if all(isinstance(p, OfflineError) for p in problems) else PackError
    raise cause(" | ".join(str(problem) for problem in problems))


def _download_and_install(
    available: AvailablePack, url: str, progress: Progress | None, timeout: float
) -> Pack:
    pair = f"{available.from_code} → {available.to_code}"
    handle, name = tempfile.mkstemp(prefix="argos-download-", suffix=".argosmodel")
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            digest = _download(url, out, pair, progress, timeout)
        if available.sha256 and digest != available.sha256:
            raise PackError(
                f"The {pair} pack downloaded from {url} does not match the index's sha256 "
                "checksum; nothing was installed."
            )
        return install_archive(
            partial,
            f"The {pair} pack downloaded from {url}",
            expected_pair=(available.from_code, available.to_code),
        )
    finally:
        partial.unlink(missing_ok=True)


def _download(url: str, out, pair: str, progress: Progress | None, timeout: float) -> str:
    """Stream url into out; returns the sha256 hex digest. Checks the length when declared."""
    digest = hashlib.sha256()
    done = 0
    total: int | None = None
    try:
        with _get(url, timeout) as response:
            length = response.headers.get("Content-Length", "")
            encoded = response.headers.get("Content-Encoding", "identity") != "identity"
            total = int(length) if length.isdigit() and not encoded else None
            if total is not None and total > validation.MAX_UNPACKED_BYTES:
                raise PackError(f"The {pair} pack at {url} is implausibly large ({total:,} bytes).")
            if progress:
                progress(0, total)
            for chunk in response.iter_content(CHUNK_BYTES):
                done += len(chunk)
                if done > validation.MAX_UNPACKED_BYTES or (total is not None and done > total):
                    raise PackError(f"The {pair} pack at {url} is longer than announced; refused.")
                digest.update(chunk)
                out.write(chunk)
                if progress:
                    progress(done, total)
    except requests.RequestException as error:
        of_total = f" of {total:,}" if total is not None else ""
        raise OfflineError(
            f"The download of the {pair} pack from {url} failed after {done:,}{of_total} bytes: "
            f"{network_problem(error, timeout)}. Nothing was installed."
        ) from None
    except OSError as error:
        raise PackError(
            f"The {pair} pack could not be saved ({error.strerror or error})."
        ) from None
    if total is not None and done != total:
        raise OfflineError(
            f"The download of the {pair} pack from {url} broke off after {done:,} of {total:,} "
            "bytes. Nothing was installed."
        )
    if done == 0:
        raise PackError(f"The download of the {pair} pack from {url} was empty.")
    return digest.hexdigest()
