"""Multilingual translation models (NLLB-200, M2M-100) converted for CTranslate2.

One such model translates between every pair of the languages it covers, without a pivot, so it
serves the region's languages that Argos publishes no pack for (kk, uz, tg, mn, be...). A model
is a folder in models_dir(): model.bin, config.json, shared_vocabulary.json (or .txt), the
SentencePiece model sentencepiece.bpe.model and the tokenizer's JSON files. The languages it
covers are the language tokens in its vocabulary: FLORES-200 codes (`kaz_Cyrl`) for NLLB-200,
`__kk__` for M2M-100; languages.flores maps them to the project's ISO 639-1 codes.

A sentence is sent as `[source token] + pieces + ["</s>"]` with the target token as the decoder
prefix; the engine (translator.engine) batches, caches and decodes as it does for packs. A model
is loaded once per process (int8 on CPU) and shared by every session; torch and transformers are
never imported.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from languages.flores import FLORES_CODE, from_flores, from_m2m, to_flores, to_m2m
from languages.names import language_name
from translator.errors import PackError
from translator.locking import PACKS_LOCK
from translator.models import LoadedPack, SentencePieceTokenizer, _intra_threads
from translator.packs import Pack, packages_dir

log = logging.getLogger(__name__)

MODELS_ENV = "NEWS_DIGEST_MODELS_DIR"
MODELS_FOLDER = "multilingual-models"
EOS = "</s>"
SENTENCEPIECE_FILES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
VOCABULARY_FILES = ("shared_vocabulary.json", "shared_vocabulary.txt")
REQUIRED_FILES = ("model.bin", "config.json")

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
    """CTranslate2's vocabulary: a JSON list of tokens, or one token a line (.txt)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        tokens = json.loads(text)
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise ValueError("not a JSON list of tokens")
        return tokens
    return text.splitlines()


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


def check_model_dir(directory: Path, label: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Family and language tokens of a model folder; ModelError naming label if it is not one."""
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if _vocabulary_file(directory) is None:
        missing.append(" or ".join(VOCABULARY_FILES))
    if sentencepiece_file(directory) is None:
        missing.append("sentencepiece.bpe.model")
    if missing:
        raise ModelError(
            f"{label}: not a multilingual model in the CTranslate2 layout "
            f"(missing {', '.join(missing)})."
        )
    if (directory / "model.bin").stat().st_size == 0:
        raise ModelError(f"{label}: model.bin is empty.")
    try:
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        if not isinstance(config, dict):
            raise ValueError("not a JSON object")
        vocabulary = read_vocabulary(_vocabulary_file(directory))
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise ModelError(f"{label}: its config or vocabulary cannot be read ({error}).") from None
    family, tokens = language_tokens(vocabulary)
    if len(tokens) < 2:
        raise ModelError(
            f"{label}: its vocabulary has no language codes (kaz_Cyrl or __kk__); "
            "not an NLLB-200 or M2M-100 model."
        )
    return family, tokens


@functools.lru_cache(maxsize=32)
def _read_cached(directory: str, stamp: tuple) -> MultilingualModel | None:
    path = Path(directory)
    try:
        family, tokens = check_model_dir(path, path.name)
    except (ModelError, OSError):
        log.warning("skipping %s: not a readable multilingual model", path, exc_info=True)
        return None
    size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    return MultilingualModel(name=path.name, path=path, family=family, tokens=tokens,
                             size_bytes=size)


def _stamp(directory: Path) -> tuple:
    """What identifies one install of a model folder; raises OSError when it is gone."""
    stats = [os.stat(directory / "model.bin")]
    vocabulary = _vocabulary_file(directory)
    if vocabulary is not None:
        stats.append(os.stat(vocabulary))
    return tuple((s.st_size, s.st_mtime_ns, s.st_ino) for s in stats)


def read_model(directory: Path) -> MultilingualModel | None:
    """The model installed in directory, or None; read once per install (vocabularies are big)."""
    try:
        stamp = _stamp(directory)
    except OSError:
        return None
    return _read_cached(str(directory), stamp)


def installed_models() -> list[MultilingualModel]:
    """Multilingual models in models_dir(), by name; unreadable folders are skipped."""
    with PACKS_LOCK:
        try:
            entries = sorted(models_dir().iterdir())
        except OSError:
            return []
        found = []
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            model = read_model(entry)
            if model is not None:
                found.append(model)
        return found


def model_for(source: str, target: str, models: list[MultilingualModel] | None = None
              ) -> MultilingualModel | None:
    """The first installed model that translates source -> target (NLLB-200 before M2M-100)."""
    candidates = installed_models() if models is None else models
    candidates = sorted(candidates, key=lambda m: (m.family != NLLB, m.name))
    return next((m for m in candidates if m.covers(source, target)), None)


# ---- loading and translating ----------------------------------------------------------------

@dataclass(eq=False)
class LoadedModel:
    model: MultilingualModel
    key: tuple
    translator: object  # ctranslate2.Translator
    sentencepiece: SentencePieceTokenizer


SPECIAL_TOKENS = frozenset({"<s>", "<pad>", EOS, "<mask>"})


class PairTokenizer:
    """Pieces framed as the model wants them: `[source token] + pieces + ["</s>"]`.

    Decoding drops special and language tokens the model may emit mid-sentence: they are
    markers, not text.
    """

    def __init__(self, sentencepiece: SentencePieceTokenizer, source_token: str,
                 markers: frozenset[str] = frozenset()):
        self.sentencepiece = sentencepiece
        self.source_token = source_token
        self.markers = SPECIAL_TOKENS | markers

    def encode(self, sentence: str) -> list[str]:
        return [self.source_token] + self.sentencepiece.encode(sentence) + [EOS]

    def decode(self, tokens: list[str]) -> str:
        return self.sentencepiece.decode([t for t in tokens if t not in self.markers])


_loaded: dict[str, LoadedModel] = {}
_loaded_lock = threading.Lock()


def load_model(model: MultilingualModel) -> LoadedModel:
    """The shared LoadedModel, loaded on first use (int8 on CPU); reloaded if reinstalled."""
    name = str(model.path)
    with _loaded_lock:  # one load at a time: a model is hundreds of MB
        try:
            stamp = _stamp(model.path)
        except OSError:
            _loaded.pop(name, None)
            raise _removed_error(model) from None
        cached = _loaded.get(name)
        if cached is not None and cached.key == stamp:
            return cached
        _drop_stale()  # a removed or replaced model frees its memory before another loads
        with PACKS_LOCK:
            loaded = _load(model, stamp)
        _loaded[name] = loaded
        return loaded


def _removed_error(model: MultilingualModel) -> ModelError:
    return ModelError(
        f"The {model.family} model {model.name} is no longer installed (looked in "
        f"{model.path}). Install it again on the Language packs page or with "
        "`python -m translator packages install-file PATH`."
    )


def _load(model: MultilingualModel, stamp: tuple) -> LoadedModel:
    import ctranslate2

    try:
        spm_file = sentencepiece_file(model.path)
        if spm_file is None:
            raise FileNotFoundError("sentencepiece.bpe.model")
        tokenizer = SentencePieceTokenizer(spm_file)
        translator = ctranslate2.Translator(
            str(model.path), device="cpu", compute_type="int8", inter_threads=1,
            intra_threads=_intra_threads(),
        )
    except FileNotFoundError:
        raise _removed_error(model) from None
    except Exception as error:  # a damaged model must not take the app down
        log.exception("loading the multilingual model at %s failed", model.path)
        raise ModelError(
            f"The {model.family} model at {model.path} could not be loaded: {error}. "
            "Remove it and install it again."
        ) from error
    return LoadedModel(model=model, key=stamp, translator=translator, sentencepiece=tokenizer)


def pair_runner(model: MultilingualModel, source: str, target: str) -> LoadedPack:
    """The loaded model seen as a source -> target pack by the engine's batching and cache.

    The cache key includes the pair: the same sentence means different things per source.
    """
    loaded = load_model(model)
    source_token, target_token = model.token(source), model.token(target)
    if source_token is None or target_token is None:
        raise ModelError(f"The {model.family} model {model.name} does not cover "
                         f"{source} → {target}.")
    as_pack = Pack(
        from_code=source, to_code=target, from_name=language_name(source),
        to_name=language_name(target), version=model.family, path=model.path,
        size_bytes=model.size_bytes,
    )
    return LoadedPack(
        pack=as_pack, key=(*loaded.key, str(model.path), source_token, target_token),
        translator=loaded.translator,
        tokenizer=PairTokenizer(loaded.sentencepiece, source_token,
                                frozenset(token for _code, token in model.tokens)),
        target_prefix=target_token,
    )


def _drop_stale() -> None:
    """Forget loaded models whose files are gone or changed; _loaded_lock held."""
    for name, loaded in list(_loaded.items()):
        try:
            if _stamp(loaded.model.path) == loaded.key:
                continue
        except OSError:
            pass
        del _loaded[name]


def forget_removed() -> None:
    """Free the loaded models whose folders were removed or replaced."""
    with _loaded_lock:
        _drop_stale()


def unload_all() -> None:
    with _loaded_lock:
        _loaded.clear()


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
            if read_model(target) is None:
                raise ModelError(
                    f"No multilingual model {name!r} is installed (looked in {directory})."
                )
            try:
                os.rename(target, trash / "old")
            except OSError:
                shutil.rmtree(target, ignore_errors=True)
            if target.exists():
                raise ModelError(f"Could not remove the model at {target}.")
