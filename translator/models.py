"""Loaded language packs: a CTranslate2 translator and its tokenizer, shared process-wide.

Loading a real Argos model takes a second and a few hundred MB, so each pack is
loaded once and shared by every thread and Streamlit session. An entry is keyed
by the pack directory and stamped with the model file's size and mtime: a pack
replaced by a newer install is reloaded, a removed one is dropped. A translation
already holding a LoadedPack keeps working after its pack is removed (the
weights are in memory); the next lookup reports the removal.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from translator.errors import PackError
from translator.locking import PACKS_LOCK
from translator.packs import Pack

SPACE = "\u2581"  # SentencePiece's word-start marker


def _intra_threads() -> int:
    """Threads per translation; the target machine has 2 cores (ARGOS_INTRA_THREADS overrides)."""
    configured = os.environ.get("ARGOS_INTRA_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(2, os.cpu_count() or 1))


def _inter_threads() -> int:
    """Batches one loaded model runs at once (weights shared); 1 unless ARGOS_INTER_THREADS
    says more: the batch runner's per-node Ray actor serves all the node's tasks with it."""
    configured = os.environ.get("ARGOS_INTER_THREADS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else 1


class SentencePieceTokenizer:
    """Argos's tokenizer for most packs, loaded eagerly so that a later removal cannot break it."""

    def __init__(self, model_file: Path):
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        self._unk = self.processor.unk_id()

    def encode(self, sentence: str) -> list[str]:
        return self.processor.encode(sentence, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        """Pieces -> text; source tokens copied in by replace_unknowns are kept verbatim."""
        if all(self._known(token) for token in tokens):
            return self.processor.decode_pieces(tokens).strip()
        parts: list[str] = []
        run: list[str] = []
        for token in tokens + [None]:
            if token is not None and self._known(token):
                run.append(token)
                continue
            if run:
                text = self.processor.decode_pieces(run)
                parts.append((" " if run[0].startswith(SPACE) and parts else "") + text)
                run = []
            if token is not None:
                parts.append(token.replace(SPACE, " "))
        return "".join(parts).strip()

    def _known(self, token: str) -> bool:
        return token == "<unk>" or self.processor.piece_to_id(token) != self._unk


class BPETokenizer:
    """Older Argos packs ship bpe.model (Moses tokenization + BPE; needs sacremoses)."""

    def __init__(self, model_file: Path, from_code: str, to_code: str):
        try:
            from argostranslate.tokenizer import BPETokenizer as ArgosBPE

            self._bpe = ArgosBPE(model_file, from_code, to_code)
            self._bpe.lazy_load()
        except ImportError as error:
            raise PackError(
                f"The {from_code} → {to_code} pack uses BPE tokenization, which needs the "
                f"'sacremoses' package ({error})."
            ) from error

    def encode(self, sentence: str) -> list[str]:
        return self._bpe.encode(sentence)

    def decode(self, tokens: list[str]) -> str:
        return self._bpe.decode(tokens)


@dataclass(eq=False)
class LoadedPack:
    """A pack ready to translate. `key` changes when the pack on disk is replaced."""

    pack: Pack
    key: tuple
    translator: object  # ctranslate2.Translator
    tokenizer: SentencePieceTokenizer | BPETokenizer
    target_prefix: str = ""


_loaded: dict[str, LoadedPack] = {}
_loaded_lock = threading.Lock()
_loading_locks: dict[str, threading.Lock] = {}
_loading_locks_lock = threading.Lock()


def _stamp(pack: Pack) -> tuple:
    """What identifies this install of the pack; raises OSError when it is gone."""
    model = os.stat(Path(pack.path) / "model" / "model.bin")
    return (str(pack.path), model.st_size, model.st_mtime_ns, pack.version)


def _removed_error(pack: Pack) -> PackError:
    return PackError(
        f"The {pack.from_name} → {pack.to_name} language pack is no longer installed "
        f"(it was removed or is being replaced at {pack.path}). Install it again on the "
        f"Language packs page or with `python -m translator packages install "
        f"{pack.from_code} {pack.to_code}`."
    )


def load_pack(pack: Pack) -> LoadedPack:
    """The shared LoadedPack for an installed pack, loading it on first use.

    Two sessions asking for the same pack wait for one load; a load of one pack does
    not hold up sessions using packs already loaded.
    """
    if pack.path is None:
        raise PackError(f"The {pack.from_name} → {pack.to_name} pack is not installed.")
    name = str(pack.path)
    with _loading_locks_lock:
        loading_lock = _loading_locks.setdefault(name, threading.Lock())
    with loading_lock:
        with _loaded_lock:
            try:
                stamp = _stamp(pack)
            except OSError:
                _loaded.pop(name, None)
                raise _removed_error(pack) from None
            cached = _loaded.get(name)
            if cached is not None and cached.key == stamp:
                return cached
            _drop_removed()  # a replaced pack may live on under another directory name
        with PACKS_LOCK:  # no install/remove swaps the directory while we read it
            try:
                stamp = _stamp(pack)
            except OSError:
                raise _removed_error(pack) from None
            loaded = _load(pack, stamp)
        with _loaded_lock:
            _loaded[name] = loaded
        return loaded


def _load(pack: Pack, stamp: tuple) -> LoadedPack:
    import json

    import ctranslate2

    directory = Path(pack.path)
    try:
        if (directory / "sentencepiece.model").exists():
            tokenizer = SentencePieceTokenizer(directory / "sentencepiece.model")
        elif (directory / "bpe.model").exists():
            tokenizer = BPETokenizer(directory / "bpe.model", pack.from_code, pack.to_code)
        else:
            raise PackError(
                f"The {pack.from_name} → {pack.to_name} pack at {directory} has no tokenizer "
                "(sentencepiece.model or bpe.model)."
            )
        translator = ctranslate2.Translator(
            str(directory / "model"),
            device="cpu",
            compute_type="auto",
            inter_threads=_inter_threads(),
            intra_threads=_intra_threads(),
        )
        metadata = json.loads((directory / "metadata.json").read_text(encoding="utf-8"))
    except PackError:
        raise
    except FileNotFoundError:
        raise _removed_error(pack) from None
    except Exception as error:  # a damaged model must not take the app down
        raise PackError(
            f"The {pack.from_name} → {pack.to_name} pack at {directory} could not be loaded: "
            f"{error}. Remove it and install it again."
        ) from error
    prefix = metadata.get("target_prefix", "") if isinstance(metadata, dict) else ""
    return LoadedPack(
        pack=pack, key=stamp, translator=translator, tokenizer=tokenizer,
        target_prefix=prefix if isinstance(prefix, str) else "",
    )


def _drop_removed() -> None:
    """Forget loaded packs whose files are gone or changed (frees their memory); lock held."""
    for name, loaded in list(_loaded.items()):
        try:
            if _stamp(loaded.pack) != loaded.key:
                del _loaded[name]
        except OSError:
            del _loaded[name]


def forget_removed() -> None:
    """Drop loaded packs whose files are gone (frees their memory)."""
    with _loaded_lock:
        _drop_removed()


def unload_all() -> None:
    """Forget every loaded pack (tests, or to free memory)."""
    with _loaded_lock:
        _loaded.clear()


def loaded_count() -> int:
    with _loaded_lock:
        return len(_loaded)
