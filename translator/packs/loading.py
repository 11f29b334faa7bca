"""Loading an installed Argos pack: its CTranslate2 model and tokenizer, in the shared cache
(translator.loading), so each pack is loaded once per process."""
from __future__ import annotations

import json
import os
from pathlib import Path

from translator.errors import PackError
from translator.loading import LOADED, Runner, inter_threads, intra_threads
from translator.packs.folders import Pack
from translator.tokenizers import BPETokenizer, SentencePieceTokenizer


def _stamp(pack: Pack) -> tuple:
    """What identifies this install of the pack; raises OSError when it is gone."""
    model = os.stat(Path(pack.path) / "model" / "model.bin")
    return (str(pack.path), model.st_size, model.st_mtime_ns, pack.version)


def _removed_error(pack: Pack) -> PackError:
    return PackError(
        f"The {pack.from_name} → {pack.to_name} language pack is no longer installed "
        f"(it was removed or is being replaced at {pack.path}). Install it again on the "
        f"Language packs page or with `news-digest packages install "
        f"{pack.from_code} {pack.to_code}`."
    )


def load_pack(pack: Pack) -> Runner:
    """The shared Runner for an installed pack, loading it on first use."""
    if pack.path is None:
        raise PackError(f"The {pack.from_name} → {pack.to_name} pack is not installed.")
    return LOADED.get(str(pack.path), lambda: _stamp(pack), lambda stamp: _load(pack, stamp),
                      lambda: _removed_error(pack))


def _load(pack: Pack, stamp: tuple) -> Runner:
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
            inter_threads=inter_threads(),
            intra_threads=intra_threads(),
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
    return Runner(
        key=stamp, translator=translator, tokenizer=tokenizer,
        target_prefix=prefix if isinstance(prefix, str) else "",
        reader=f"The {pack.from_name} → {pack.to_name} pack",
    )
