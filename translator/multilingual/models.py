"""Multilingual translation models (NLLB-200, M2M-100) converted for CTranslate2.

One such model translates between every pair of the languages it covers, without a pivot, so it
serves the region's languages that Argos publishes no pack for (kk, uz, tg, mn, be...). A model
is a folder in models_dir(): model.bin, config.json, shared_vocabulary.json (or .txt), the
SentencePiece model sentencepiece.bpe.model and the tokenizer's JSON files. The languages it
covers are the language tokens in its vocabulary: FLORES-200 codes (`kaz_Cyrl`) for NLLB-200,
`__kk__` for M2M-100; languages.flores maps them to the project's ISO 639-1 codes.

Loading and running a model: translator.multilingual.loading; the engine batches, caches and
decodes for a model as it does for a pack.
"""
from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from languages.flores import FLORES_CODE, from_flores, from_m2m, to_flores, to_m2m
from languages.names import language_name
from translator import files
from translator.errors import PackError
from translator.locking import PACKS_LOCK
from translator.packs.folders import SkippedFolder
from translator.paths import packages_dir

log = logging.getLogger(__name__)

MODELS_ENV = "NEWS_DIGEST_MODELS_DIR"
MODELS_FOLDER = "multilingual-models"
EOS = "</s>"
SENTENCEPIECE_FILES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
VOCABULARY_FILES = ("shared_vocabulary.json", "shared_vocabulary.txt")
REQUIRED_FILES = ("model.bin", "config.json")
MAX_CONFIG_BYTES = 1024**2  # real ones are under 2 KB
MAX_VOCABULARY_BYTES = 64 * 1024**2  # NLLB-200's 256k tokens: about 5 MB
MAX_SENTENCEPIECE_BYTES = 64 * 1024**2  # NLLB-200's: 4.8 MB
TOKENIZER_JSON_BYTES = {
    "tokenizer.json": 64 * 1024**2,  # NLLB-200's: 17 MB
    "tokenizer_config.json": 1024**2,
    "special_tokens_map.json": 1024**2,
    "generation_config.json": 1024**2,
}

NLLB, M2M = "NLLB-200", "M2M-100"
LICENCES = {
    NLLB: "CC-BY-NC 4.0: non-commercial use only (Meta AI, NLLB-200)",
    M2M: "MIT (Meta AI, M2M-100)",
}


class ModelError(PackError):
    """A multilingual-model problem; the message is meant for the user as is."""


@dataclass(frozen=True)
class MultilingualModel:
    """An installed multilingual model: its folder, family and the languages it covers."""

    name: str
    path: Path
    family: str  # NLLB or M2M
    tokens: tuple[tuple[str, str], ...]  # (ISO 639-1 code, the model's language token)
    size_bytes: int | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _token in self.tokens)

    @property
    def licence(self) -> str:
        return LICENCES[self.family]

    def token(self, code: str) -> str | None:
        """The model's token for an ISO code ("kk" -> "kaz_Cyrl"), None if not covered."""
        return dict(self.tokens).get(code)

    def covers(self, source: str, target: str) -> bool:
        known = self.token(source) is not None and self.token(target) is not None
        return source != target and known

    def describe_languages(self) -> str:
        """`kk Kazakh (kaz_Cyrl), ...` for listings."""
        return ", ".join(f"{code} {language_name(code)} ({token})" for code, token in self.tokens)


def models_dir() -> Path:
    """$NEWS_DIGEST_MODELS_DIR, else `multilingual-models` beside the Argos packs directory.

    Beside, not inside: Argos would take a folder inside its packs directory for a broken pack.
    Read at call time, like packages_dir().
    """
    override = os.environ.get(MODELS_ENV)
    if override:
        return Path(override).expanduser()
    return packages_dir().parent / MODELS_FOLDER


def _vocabulary_file(directory: Path) -> Path | None:
    return next((directory / n for n in VOCABULARY_FILES if (directory / n).is_file()), None)


def sentencepiece_file(directory: Path) -> Path | None:
    return next((directory / n for n in SENTENCEPIECE_FILES if (directory / n).is_file()), None)


def read_vocabulary(path: Path) -> list[str]:
    """CTranslate2's vocabulary: a JSON list of tokens, or one token a line (.txt).

    Capped in size before reading (NLLB-200's 256k tokens are about 5 MB).
    """
    if path.suffix == ".json":
        tokens = files.read_json_file(path, MAX_VOCABULARY_BYTES)
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise ValueError(f"{path.name} is not a JSON list of tokens")
        return tokens
    return files.read_capped(path, MAX_VOCABULARY_BYTES).decode("utf-8").splitlines()


def language_tokens(vocabulary: list[str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The model family and its (ISO code, token) pairs found in the vocabulary."""
    flores = [(from_flores(t), t) for t in vocabulary if FLORES_CODE.match(t)]
    flores = [(code, token) for code, token in flores if code]
    m2m = [(from_m2m(t), t) for t in vocabulary if from_m2m(t)]
    if len(flores) >= len(m2m):
        family, pairs = NLLB, flores
    else:
        family, pairs = M2M, m2m
    # one token per ISO code: the project's chosen FLORES variant when the model has several
    chosen: dict[str, str] = {}
    for code, token in pairs:
        if code not in chosen or token in (to_flores(code), to_m2m(code)):
            chosen[code] = token
    return family, tuple(sorted(chosen.items()))


def check_model_dir(directory: Path, label: str, thorough: bool = False
                    ) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Family and language tokens of a model folder; ModelError naming label if it is not one.

    Listing (thorough=False) reads the capped config and vocabulary and walks model.bin's
    header; installing (thorough=True) also loads the SentencePiece model and parses every
    tokenizer JSON file, so a bad file is refused before it reaches the models folder.
    """
    try:
        return _check(directory, thorough)
    except ModelError as error:
        raise ModelError(f"{label}: {error}") from None


def _check(directory: Path, thorough: bool) -> tuple[str, tuple[tuple[str, str], ...]]:
    """check_model_dir without the label; every problem is a ModelError with the reason."""
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    vocabulary_file = _vocabulary_file(directory)
    if vocabulary_file is None:
        missing.append(" or ".join(VOCABULARY_FILES))
    spm_file = sentencepiece_file(directory)
    if spm_file is None:
        missing.append("sentencepiece.bpe.model")
    if missing:
        raise ModelError(
            f"not a multilingual model in the CTranslate2 layout (missing {', '.join(missing)})."
        )
    try:
        problem = files.ctranslate2_problem(directory / "model.bin")
        if problem:
            raise ModelError(f"model.bin {problem}.")
        config = files.read_json_file(directory / "config.json", MAX_CONFIG_BYTES)
        if not isinstance(config, dict):
            raise ValueError("config.json is not a JSON object")
        vocabulary = read_vocabulary(vocabulary_file)
        _check_sentencepiece(spm_file, thorough)
        if thorough:
            for name, cap in TOKENIZER_JSON_BYTES.items():
                if (directory / name).is_file():
                    files.read_json_file(directory / name, cap)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ModelError(f"its files cannot be used ({reason}).") from None
    family, tokens = language_tokens(vocabulary)
    if len(tokens) < 2:
        raise ModelError(
            "its vocabulary has no language codes (kaz_Cyrl or __kk__); "
            "not an NLLB-200 or M2M-100 model."
        )
    return family, tokens


def _check_sentencepiece(path: Path, thorough: bool) -> None:
    """Size sanity always (NLLB-200's is 4.8 MB); thorough: SentencePiece must load it."""
    size = path.stat().st_size
    if size == 0:
        raise ValueError(f"{path.name} is empty")
    if size > MAX_SENTENCEPIECE_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_SENTENCEPIECE_BYTES // 1024**2} MB")
    with open(path, "rb") as source:
        if files.looks_like_html(source.read(512)):
            raise ValueError(f"{path.name} is an HTML page, not a SentencePiece model")
    if thorough:
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(path))
        except Exception as error:  # sentencepiece raises RuntimeError/OSError with C++ text
            raise ValueError(f"{path.name} is not a SentencePiece model ({error})") from None


def _inspect(path: Path) -> MultilingualModel | str:
    """The model in path, or why it cannot be used; never raises (one bad folder, a copied
    half model or a deeply nested config.json, must not break every translation)."""
    try:
        family, tokens = _check(path, thorough=False)
        size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    except ModelError as error:
        log.warning("multilingual model folder %s not used: %s", path, error)
        return f"broken: {error}"
    except Exception as error:  # RecursionError, MemoryError, a race with a removal...
        log.warning("multilingual model folder %s unreadable", path, exc_info=True)
        return f"broken: {type(error).__name__}."
    return MultilingualModel(name=path.name, path=path, family=family, tokens=tokens,
                             size_bytes=size)


@functools.lru_cache(maxsize=64)
def _read_cached(directory: str, stamp: tuple) -> MultilingualModel | str:
    """_inspect once per install of a folder (stamp: see install_stamp)."""
    return _inspect(Path(directory))


def install_stamp(directory: Path) -> tuple:
    """What identifies one install of a model folder; raises OSError when it is gone.

    Every file the listing reads is in it, so a folder fixed in place is read again.
    """
    watched = [directory / "model.bin", directory / "config.json",
             _vocabulary_file(directory), sentencepiece_file(directory)]
    if any(path is None for path in watched):
        raise FileNotFoundError(directory)
    stats = [os.stat(path) for path in watched]
    return tuple((s.st_size, s.st_mtime_ns, s.st_ino) for s in stats)


def _folder_state(directory: Path) -> MultilingualModel | str:
    """The model in directory, or the reason it is not one (read once per install)."""
    try:
        stamp = install_stamp(directory)
    except OSError:
        try:
            _check(directory, thorough=False)  # says which file is missing
        except ModelError as error:
            return f"broken: {error}"
        except Exception as error:
            return f"broken: {type(error).__name__}."
        return "broken: its files changed while they were read."
    return _read_cached(str(directory), stamp)


def read_model(directory: Path) -> MultilingualModel | None:
    """The model installed in directory, or None; read once per install (vocabularies are big)."""
    state = _folder_state(directory)
    return state if isinstance(state, MultilingualModel) else None


@dataclass(frozen=True)
class ModelScan:
    """The models folder as found: the models used, and every other folder with its reason."""

    models: list[MultilingualModel]
    skipped: list[SkippedFolder]


def scan_models() -> ModelScan:
    """Every folder of models_dir(): readable models by name, broken ones with the reason."""
    with PACKS_LOCK:
        try:
            entries = sorted(models_dir().iterdir())
        except OSError:
            return ModelScan([], [])
        found, skipped = [], []
        for entry in entries:
            try:
                if entry.name.startswith(".") or not entry.is_dir():
                    continue
            except OSError:
                continue
            state = _folder_state(entry)
            if isinstance(state, MultilingualModel):
                found.append(state)
            else:
                skipped.append(SkippedFolder(entry, state))
        return ModelScan(found, skipped)


def installed_models() -> list[MultilingualModel]:
    """Multilingual models in models_dir(), by name; broken folders are left out (scan_models
    says why)."""
    return scan_models().models


def model_for(source: str, target: str, models: list[MultilingualModel] | None = None
              ) -> MultilingualModel | None:
    """The first installed model that translates source -> target (NLLB-200 before M2M-100)."""
    candidates = installed_models() if models is None else models
    candidates = sorted(candidates, key=lambda m: (m.family != NLLB, m.name))
    return next((m for m in candidates if m.covers(source, target)), None)


def remove_model(name: str) -> None:
    """Remove the installed model called name (its folder name); ModelError if there is none."""
    import shutil

    from translator.locking import staging_area

    directory = models_dir()
    if not name or "/" in name or name.startswith("."):
        raise ModelError(f"No multilingual model {name!r} is installed (looked in {directory}).")
    with staging_area(directory) as trash:
        with PACKS_LOCK:
            target = directory / name
            if not target.is_dir():  # a broken model folder can be removed too
                raise ModelError(
                    f"No multilingual model {name!r} is installed (looked in {directory})."
                )
            try:
                os.rename(target, trash / "old")
            except OSError:
                shutil.rmtree(target, ignore_errors=True)
            if target.exists():
                raise ModelError(f"Could not remove the model at {target}.")
