"""Downloading a multilingual model from Hugging Face, only when the reader starts it.

The reader names a repository (`owner/name`) or picks one of KNOWN_MODELS. plan_download() asks
the Hub which files the repository holds and how large they are, so the size and the licence are
shown before a byte of the model is fetched; download_model() then fetches the files of the
CTranslate2 layout into a folder beside the models folder, resuming a broken download with HTTP
Range where it stopped, and installs the folder with translator.model_install (checked like any
other model). The Hub's address is $HF_ENDPOINT (Hugging Face's own variable), else
https://huggingface.co; tests point it at a loopback server.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from translator.http import get, network_problem
from translator.model_install import install_model, safe_name
from translator.multilingual import (
    LICENCES,
    M2M,
    NLLB,
    SENTENCEPIECE_FILES,
    VOCABULARY_FILES,
    ModelError,
    MultilingualModel,
    models_dir,
)

DEFAULT_ENDPOINT = "https://huggingface.co"
USER_AGENT = "news-digest (multilingual model download)"
CHUNK_BYTES = 1024**2
MAX_LISTING_BYTES = 5 * 1024**2
WANTED_FILES = frozenset(
    {"model.bin", "config.json", "tokenizer.json", "tokenizer_config.json",
     "special_tokens_map.json", "generation_config.json", "README.md"}
    | set(VOCABULARY_FILES) | set(SENTENCEPIECE_FILES)
)
REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
OTHER_WAY = (
    "You can download the model's folder on another computer (from huggingface.co/{repo}) and "
    "install it here with `python -m translator packages install-file PATH` or on the Language "
    "packs page."
)

Progress = Callable[[int, "int | None"], object]


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

    @property
    def total_bytes(self) -> int:
        return sum(size for _name, size in self.files)

    @property
    def name(self) -> str:
        return safe_name(self.repo.split("/")[-1])


def endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


def _get(url: str, timeout: float, headers: dict | None = None) -> requests.Response:
    return get(url, timeout, USER_AGENT, headers)


def _json(url: str, timeout: float, repo: str) -> object:
    try:
        with _get(url, timeout) as response:
            body = response.raw.read(MAX_LISTING_BYTES + 1, decode_content=True)
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
    files = []
    for entry in listing:
        if not isinstance(entry, dict) or entry.get("type") != "file":
            continue
        name, size = entry.get("path"), entry.get("size")
        if name in WANTED_FILES and isinstance(size, int) and size >= 0:
            files.append((name, size))
    names = {name for name, _size in files}
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
    family = M2M if "m2m" in repo.lower() else NLLB
    return DownloadPlan(repo, tuple(sorted(files)), family, _licence(repo, family, timeout))


def partial_dir(plan: DownloadPlan) -> Path:
    """Where a download accumulates until complete: beside the models folder, kept on failure."""
    return models_dir().parent / ".multilingual-downloads" / plan.name


def download_model(
    plan: DownloadPlan, progress: Progress | None = None, timeout: float = 30
) -> MultilingualModel:
    """Fetch the plan's files (resuming a broken download), then install the model."""
    folder = partial_dir(plan)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"Could not create {folder} ({error.strerror or error}).") from None
    total = plan.total_bytes
    done_before = 0
    for name, size in plan.files:
        _fetch(plan, name, size, folder / name, done_before, total, progress, timeout)
        done_before += size
    model = install_model(folder, name=f"{plan.repo} (downloaded)")
    shutil.rmtree(folder, ignore_errors=True)
    return model


def _fetch(plan: DownloadPlan, name: str, size: int, path: Path, before: int, total: int,
           progress: Progress | None, timeout: float) -> None:
    """One file, appended from where an earlier attempt stopped (HTTP Range)."""
    url = f"{endpoint()}/{plan.repo}/resolve/main/{name}"
    have = path.stat().st_size if path.exists() else 0
    if have > size:
        path.unlink()
        have = 0
    if have == size:
        if progress:
            progress(before + size, total)
        return
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        with _get(url, timeout, headers) as response:
            if have and response.status_code != 206:  # the server ignored Range: start over
                have = 0
            with open(path, "ab" if have else "wb") as out:
                written = have
                if progress:
                    progress(before + written, total)
                for chunk in response.iter_content(CHUNK_BYTES):
                    written += len(chunk)
                    if written > size:
                        raise ModelError(f"{name} from {url} is longer than the Hub announced "
                                         f"({size:,} bytes); refused.")
                    out.write(chunk)
                    if progress:
                        progress(before + written, total)
    except requests.RequestException as error:
        got = path.stat().st_size if path.exists() else 0
        raise ModelError(
            f"The download of {plan.repo} broke off in {name} after {got:,} of {size:,} bytes: "
            f"{network_problem(error, timeout)}. Start it again to resume where it stopped. "
            + OTHER_WAY.format(repo=plan.repo)
        ) from None
    except OSError as error:
        raise ModelError(f"{name} could not be saved ({error.strerror or error}).") from None
    got = path.stat().st_size
    if got != size:
        raise ModelError(
            f"The download of {plan.repo} broke off in {name} after {got:,} of {size:,} bytes. "
            "Start it again to resume where it stopped."
        )
