"""Downloading a multilingual model from Hugging Face, only when the reader starts it.

The reader names a repository (`owner/name`) or picks one of KNOWN_MODELS. plan_download() asks
the Hub which files the repository holds and how large they are, so the size and the licence are
shown before a byte of the model is fetched; download_model() then fetches the files of the
CTranslate2 layout into a folder beside the models folder, resuming a broken download with HTTP
Range where it stopped, and installs the folder with multilingual.install (checked like any
other model). The Hub's address is $HF_ENDPOINT (Hugging Face's own variable), else
https://huggingface.co; tests point it at a loopback server.

Every file is verified against the checksum in the Hub's file list: the SHA-256 of a file kept
in Git LFS (`lfs.oid`), the Git blob SHA-1 of a small file kept in Git (`oid`). A file the list
gives no checksum for is not downloaded (a required one: the download is refused). A partial
file is resumed only when it was started against the same checksum, and only when the Hub's
ETag / X-Linked-Etag for the file (when given) is that checksum too; otherwise it starts from
zero. A 416 answer to a resume starts from zero; a server that stalls ends the attempt.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from translator.http import Stalled, get, network_problem, read_capped, read_chunks
from translator.multilingual.install import install_model, safe_name
from translator.multilingual.models import (
    LICENCES,
    M2M,
    NLLB,
    SENTENCEPIECE_FILES,
    VOCABULARY_FILES,
    ModelError,
    MultilingualModel,
    check_model_dir,
    models_dir,
)

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://huggingface.co"
USER_AGENT = "news-digest (multilingual model download)"
CHUNK_BYTES = 1024**2
MAX_LISTING_BYTES = 5 * 1024**2
STALL_SECONDS = 30.0
"""No progress for this long ends a download attempt (download_model's stall_seconds)."""
PARTS = ".parts"  # inside the download folder: files still being fetched, with their checksum
HEX = {"sha256": re.compile(r"^[0-9a-f]{64}$"), "git-sha1": re.compile(r"^[0-9a-f]{40}$")}
ESSENTIAL_FILES = frozenset({"model.bin", "config.json"} | set(VOCABULARY_FILES)
                            | set(SENTENCEPIECE_FILES))
WANTED_FILES = frozenset(
    {"model.bin", "config.json", "tokenizer.json", "tokenizer_config.json",
     "special_tokens_map.json", "generation_config.json", "README.md"}
    | set(VOCABULARY_FILES) | set(SENTENCEPIECE_FILES)
)
REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
OTHER_WAY = (
    "You can download the model's folder on another computer (from huggingface.co/{repo}) and "
    "install it here with `news-digest packages install-file PATH` or on the Language "
    "packs page."
)

Progress = Callable[[int, "int | None"], object]


@dataclass(frozen=True)
class Digest:
    """A file's checksum as the Hub lists it: sha256 (Git LFS) or the Git blob SHA-1."""

    algorithm: str  # "sha256" or "git-sha1"
    hex: str

    def __str__(self) -> str:
        return f"{self.algorithm}:{self.hex}"

    def of_file(self, path: Path) -> str:
        """The same kind of checksum of a file on disk (Git's is over "blob SIZE\\0" + data)."""
        if self.algorithm == "sha256":
            hasher = hashlib.sha256()
        else:
            hasher = hashlib.sha1(f"blob {path.stat().st_size}\0".encode())
        with open(path, "rb") as source:
            while chunk := source.read(CHUNK_BYTES):
                hasher.update(chunk)
        return hasher.hexdigest()


@dataclass(frozen=True)
class KnownModel:
    repo: str
    family: str
    note: str


KNOWN_MODELS: tuple[KnownModel, ...] = (
    KnownModel("JustFrederik/nllb-200-distilled-600M-ct2-int8", NLLB,
               "NLLB-200 distilled 600M, int8, about 600 MB: every language of the region"),
    KnownModel("entai2965/nllb-200-distilled-600M-ctranslate2", NLLB,
               "NLLB-200 distilled 600M (same model, another conversion)"),
    KnownModel("michaelfeil/ct2fast-m2m100_418M", M2M,
               "M2M-100 418M, MIT licence: kk, uz, mn, be (no Tajik or Kyrgyz)"),
)
DEFAULT_REPO = KNOWN_MODELS[0].repo


@dataclass(frozen=True)
class DownloadPlan:
    """What a download would fetch, shown to the reader before it starts."""

    repo: str
    files: tuple[tuple[str, int], ...]  # (file name, size in bytes)
    family: str
    licence: str
    digests: tuple[tuple[str, Digest], ...] = ()  # (file name, checksum from the file list)

    def digest(self, name: str) -> Digest | None:
        return dict(self.digests).get(name)

    @property
    def total_bytes(self) -> int:
        return sum(size for _name, size in self.files)

    @property
    def name(self) -> str:
        return safe_name(self.repo.split("/")[-1])


def endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


def _json(url: str, timeout: float, repo: str) -> object:
    try:
        with get(url, timeout, USER_AGENT, read_timeout=timeout) as response:
            body = read_capped(response, MAX_LISTING_BYTES, stall_seconds=timeout)
    except Stalled as error:
        raise ModelError(f"Hugging Face's answer at {url} stalled ({error}). "
                         + OTHER_WAY.format(repo=repo)) from None
    except requests.RequestException as error:
        raise ModelError(
            f"Could not reach Hugging Face at {url}: {network_problem(error, timeout)}. "
            + OTHER_WAY.format(repo=repo)
        ) from None
    if len(body) > MAX_LISTING_BYTES:
        raise ModelError(f"The file list of {repo} at {url} is implausibly large.")
    try:
        return json.loads(body)
    except ValueError:
        raise ModelError(f"Hugging Face's answer for {repo} ({url}) is not JSON.") from None


def _licence(repo: str, family: str, timeout: float) -> str:
    """The repository's declared licence when the Hub gives one, else the family's."""
    try:
        info = _json(f"{endpoint()}/api/models/{repo}", timeout, repo)
    except ModelError:
        info = None
    declared = None
    if isinstance(info, dict):
        card = info.get("cardData")
        if isinstance(card, dict) and isinstance(card.get("license"), str):
            declared = card["license"]
    base = LICENCES[family]
    return f"{base} (the repository declares: {declared})" if declared else base


def plan_download(repo: str = DEFAULT_REPO, timeout: float = 15) -> DownloadPlan:
    """The files and total size of the model in repo, and its licence; nothing is downloaded."""
    repo = repo.strip().strip("/")
    if not REPOSITORY.match(repo):
        raise ModelError(f"{repo!r} is not a Hugging Face repository name (owner/name).")
    listing = _json(f"{endpoint()}/api/models/{repo}/tree/main", timeout, repo)
    if not isinstance(listing, list):
        raise ModelError(f"Hugging Face gave no file list for {repo}.")
    files, digests, unverifiable = [], [], []
    for entry in listing:
        if not isinstance(entry, dict) or entry.get("type") != "file":
            continue
        name, size = entry.get("path"), entry.get("size")
        if name not in WANTED_FILES or not isinstance(size, int) or size < 0:
            continue
        digest = _listed_digest(entry, size)
        if digest is None:
            unverifiable.append(name)
            continue
        files.append((name, size))
        digests.append((name, digest))
    names = {name for name, _size in files} | set(unverifiable)
    missing = [label for label, options in (
        ("model.bin", ("model.bin",)), ("config.json", ("config.json",)),
        ("shared_vocabulary.json", VOCABULARY_FILES),
        ("sentencepiece.bpe.model", SENTENCEPIECE_FILES),
    ) if not names & set(options)]
    if missing:
        raise ModelError(
            f"{repo} is not a multilingual model in the CTranslate2 layout (no "
            f"{', '.join(missing)}); choose a converted one such as {DEFAULT_REPO}."
        )
    essential = [name for name in unverifiable if name in ESSENTIAL_FILES]
    if essential:
        raise ModelError(
            f"Hugging Face lists no checksum (sha256) for {', '.join(sorted(essential))} of "
            f"{repo}, so the download could not be verified; refused. "
            + OTHER_WAY.format(repo=repo)
        )
    for name in unverifiable:  # a README or tokenizer extra: left out rather than unchecked
        log.warning("%s: no checksum listed for %s; not downloaded", repo, name)
    family = M2M if "m2m" in repo.lower() else NLLB
    return DownloadPlan(repo, tuple(sorted(files)), family, _licence(repo, family, timeout),
                        tuple(sorted(digests)))


def _listed_digest(entry: dict, size: int) -> Digest | None:
    """The checksum a tree entry gives: `lfs.oid` (sha256) for LFS files, else the Git `oid`."""
    lfs = entry.get("lfs")
    if isinstance(lfs, dict):
        oid = lfs.get("oid", lfs.get("sha256"))
        if isinstance(oid, str) and lfs.get("size", size) == size:
            oid = oid.lower().removeprefix("sha256:")
            if HEX["sha256"].match(oid):
                return Digest("sha256", oid)
        return None
    oid = entry.get("oid")
    if isinstance(oid, str) and HEX["git-sha1"].match(oid.lower()):
        return Digest("git-sha1", oid.lower())
    return None


def partial_dir(plan: DownloadPlan) -> Path:
    """Where a download accumulates until complete: beside the models folder, kept on failure."""
    return models_dir().parent / ".multilingual-downloads" / plan.name


def partial_file(plan: DownloadPlan, name: str) -> Path:
    """Where one file of the plan is fetched until it is complete and verified."""
    return partial_dir(plan) / PARTS / name


def download_model(
    plan: DownloadPlan, progress: Progress | None = None, timeout: float = 30,
    stall_seconds: float = STALL_SECONDS,
) -> MultilingualModel:
    """Fetch the plan's files (resuming a broken download), verify each, then install the model.

    Verified files sit in partial_dir(plan); files being fetched in its PARTS folder, each
    with the checksum it is fetched against. A set of files that matches the Hub's checksums
    but is still no usable model is deleted: fetching it again would give the same files.
    """
    folder = partial_dir(plan)
    try:
        (folder / PARTS).mkdir(parents=True, exist_ok=True)
        wanted = {name for name, _size in plan.files}
        for stale in folder.iterdir():  # left by an earlier plan of another revision
            if stale.is_file() and stale.name not in wanted:
                stale.unlink()
    except OSError as error:
        raise ModelError(f"Could not create {folder} ({error.strerror or error}).") from None
    total = plan.total_bytes
    done_before = 0
    for name, size in plan.files:
        digest = plan.digest(name)
        if digest is None:
            raise ModelError(f"No checksum is known for {name} of {plan.repo}, so it could not "
                             "be verified; refused. " + OTHER_WAY.format(repo=plan.repo))
        fetch = _Fetch(plan, name, size, digest, folder, timeout, stall_seconds)
        fetch.run(lambda done, before=done_before: progress and progress(before + done, total))
        done_before += size
    label = f"{plan.repo} (downloaded)"
    try:
        check_model_dir(folder, label, thorough=True)
    except ModelError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise ModelError(f"{error} The files match Hugging Face's checksums, so the "
                         "repository itself holds them: choose another model.") from None
    model = install_model(folder, name=label)
    shutil.rmtree(folder, ignore_errors=True)
    return model


class _Restart(Exception):
    """This attempt's partial file was dropped; fetch the file again from byte zero."""


@dataclass
class _Fetch:
    """One file of a plan: resumed when the partial file is the same version, then verified."""

    plan: DownloadPlan
    name: str
    size: int
    digest: Digest
    folder: Path
    timeout: float
    stall_seconds: float

    @property
    def url(self) -> str:
        return f"{endpoint()}/{self.plan.repo}/resolve/main/{self.name}"

    @property
    def part(self) -> Path:
        return partial_file(self.plan, self.name)

    @property
    def record(self) -> Path:
        return self.folder / PARTS / f"{self.name}.checksum"

    def run(self, progress: Callable[[int], object]) -> None:
        final = self.folder / self.name
        try:
            if final.is_file():
                if final.stat().st_size == self.size and self.digest.of_file(final) == \
                        self.digest.hex:
                    progress(self.size)
                    return
                final.unlink()
            self._keep_part_if_same_version()
            for _attempt in range(3):
                try:
                    self._download(progress)
                    break
                except _Restart:
                    continue
            else:
                raise ModelError(f"{self.url} would not serve {self.name} from its beginning "
                                 "either; refused. Try again later.")
            self._verify()
            os.replace(self.part, final)
        except OSError as error:
            raise ModelError(f"{self.name} could not be saved ({error.strerror or error}).") \
                from None

    def _keep_part_if_same_version(self) -> None:
        """A partial file fetched against another checksum (the file changed on the Hub
        between attempts) or longer than the file is dropped: resuming would splice two
        versions."""
        try:
            recorded = self.record.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            recorded = ""
        if self.part.exists() and (recorded != str(self.digest)
                                   or self.part.stat().st_size > self.size):
            log.info("%s: the partial %s is another version; starting it from zero",
                     self.plan.repo, self.name)
            self.part.unlink()
        self.record.write_text(str(self.digest), encoding="ascii")

    def _drop_part(self) -> None:
        self.part.unlink(missing_ok=True)

    def _download(self, progress: Callable[[int], object]) -> None:
        have = self.part.stat().st_size if self.part.exists() else 0
        progress(have)
        if have == self.size:
            return
        headers = {"Accept-Encoding": "identity"}  # byte offsets must be the file's own
        if have:
            headers["Range"] = f"bytes={have}-"
        read_timeout = min(self.timeout, self.stall_seconds)
        try:
            with get(self.url, self.timeout, USER_AGENT, headers, read_timeout) as response:
                have = self._check_answer(response, have)
                with open(self.part, "ab" if have else "wb") as out:
                    written = have
                    for chunk in read_chunks(response, CHUNK_BYTES, self.stall_seconds):
                        written += len(chunk)
                        if written > self.size:
                            raise self._refuse_size(f"is longer than the Hub announced "
                                                    f"({self.size:,} bytes)")
                        out.write(chunk)
                        progress(written)
        except requests.HTTPError as error:
            if error.response is not None and error.response.status_code == 416 and have:
                log.info("%s: 416 for %s from byte %d; starting it from zero",
                         self.plan.repo, self.name, have)
                self._drop_part()
                raise _Restart from None
            raise self._broke_off(network_problem(error, read_timeout)) from None
        except Stalled as stall:
            raise ModelError(
                f"The download of {self.plan.repo} stalled in {self.name} after "
                f"{self._got():,} of {self.size:,} bytes: {stall}. Start it again to resume "
                "where it stopped. " + OTHER_WAY.format(repo=self.plan.repo)
            ) from None
        except requests.RequestException as error:
            raise self._broke_off(network_problem(error, read_timeout)) from None
        if self._got() != self.size:
            raise self._broke_off("the server closed the connection early")

    def _check_answer(self, response: requests.Response, have: int) -> int:
        """Where this answer's bytes start (0 when the server sends the whole file); refuses
        an answer that is not this version of the file."""
        served = _served_checksum(response)
        if served is not None and served != self.digest.hex:
            self._drop_part()
            raise ModelError(
                f"{self.name} of {self.plan.repo} changed on Hugging Face since its file list "
                f"was read (the Hub now gives the checksum {served[:12]}…, the list "
                f"{self.digest.hex[:12]}…); the partial file was deleted. Start the download "
                "again to fetch the current version from the beginning."
            )
        content_type = response.headers.get("Content-Type", "").lower()
        if content_type.startswith("text/html") and not self.name.endswith((".md", ".txt")):
            raise ModelError(
                f"Instead of {self.name}, {self.url} answered with an HTML page (a Wi-Fi login "
                "or proxy page?); nothing of it was saved. Start the download again once the "
                "connection works."
            )
        if response.status_code == 206:
            span = re.match(r"bytes (\d+)-\d+/(\d+|\*)", response.headers.get("Content-Range", ""))
            if span is None or int(span.group(1)) != have:
                self._drop_part()
                raise _Restart
            if span.group(2) != "*" and int(span.group(2)) != self.size:
                self._drop_part()
                raise self._refuse_size(f"is {int(span.group(2)):,} bytes on the server")
            return have
        if have:
            log.info("%s: the server ignored the range for %s; starting it from zero",
                     self.plan.repo, self.name)
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) != self.size:
            raise self._refuse_size(f"is {int(length):,} bytes on the server")
        return 0

    def _verify(self) -> None:
        actual = self.digest.of_file(self.part)
        if actual != self.digest.hex:
            self._drop_part()
            raise ModelError(
                f"{self.name} of {self.plan.repo} does not match the {self.digest.algorithm} "
                f"checksum Hugging Face lists for it ({actual[:12]}… instead of "
                f"{self.digest.hex[:12]}…); it was deleted. Start the download again to fetch "
                "it from the beginning."
            )

    def _got(self) -> int:
        return self.part.stat().st_size if self.part.exists() else 0

    def _broke_off(self, why: str) -> ModelError:
        return ModelError(
            f"The download of {self.plan.repo} broke off in {self.name} after "
            f"{self._got():,} of {self.size:,} bytes: {why}. Start it again to resume where it "
            "stopped. " + OTHER_WAY.format(repo=self.plan.repo)
        )

    def _refuse_size(self, what: str) -> ModelError:
        return ModelError(
            f"{self.name} from {self.url} {what}, but Hugging Face's file list says "
            f"{self.size:,} bytes; refused (a proxy in the way, or the repository changed: "
            "start the download again)."
        )


def _served_checksum(response: requests.Response) -> str | None:
    """The checksum the Hub gives in its answer: X-Linked-Etag (the sha256 of an LFS file, on
    the redirect to the CDN), else the Hub's own ETag (the Git SHA-1 of a small file); None
    when neither looks like one (a CDN's ETag is its own business)."""
    answers = [*response.history, response]
    for answer in answers:
        linked = answer.headers.get("X-Linked-Etag")
        if linked:
            return _etag_hex(linked)
    return _etag_hex(answers[0].headers.get("ETag", ""))


def _etag_hex(value: str) -> str | None:
    tag = value.strip().removeprefix("W/").strip('"').lower()
    return tag if HEX["sha256"].match(tag) or HEX["git-sha1"].match(tag) else None
