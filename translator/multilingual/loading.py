"""Loading a multilingual model and running it for one pair, in the shared cache
(translator.loading): a model is loaded once per process (int8 on CPU) and serves every pair.

A sentence is sent as `[source token] + pieces + ["</s>"]` with the target token as the
decoder prefix; torch and transformers are never imported.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from translator.loading import LOADED, Runner, intra_threads
from translator.multilingual.models import (
    EOS,
    ModelError,
    MultilingualModel,
    install_stamp,
    sentencepiece_file,
)
from translator.tokenizers import SentencePieceTokenizer

log = logging.getLogger(__name__)

SPECIAL_TOKENS = frozenset({"<s>", "<pad>", EOS, "<mask>"})


@dataclass(eq=False)
class LoadedModel:
    model: MultilingualModel
    key: tuple
    translator: object  # ctranslate2.Translator
    sentencepiece: SentencePieceTokenizer


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


def load_model(model: MultilingualModel) -> LoadedModel:
    """The shared LoadedModel, loaded on first use (int8 on CPU); reloaded if reinstalled."""
    return LOADED.get(str(model.path), lambda: install_stamp(model.path),
                      lambda stamp: _load(model, stamp), lambda: _removed_error(model))


def _removed_error(model: MultilingualModel) -> ModelError:
    return ModelError(
        f"The {model.family} model {model.name} is no longer installed (looked in "
        f"{model.path}). Install it again on the Language packs page or with "
        "`news-digest packages install-file PATH`."
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
            intra_threads=intra_threads(),
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


def pair_runner(model: MultilingualModel, source: str, target: str) -> Runner:
    """The loaded model as a source -> target Runner for the engine's batching and cache.

    The cache key includes the pair: the same sentence means different things per source.
    """
    loaded = load_model(model)
    source_token, target_token = model.token(source), model.token(target)
    if source_token is None or target_token is None:
        raise ModelError(f"The {model.family} model {model.name} does not cover "
                         f"{source} → {target}.")
    return Runner(
        key=(*loaded.key, str(model.path), source_token, target_token),
        translator=loaded.translator,
        tokenizer=PairTokenizer(loaded.sentencepiece, source_token,
                                frozenset(token for _code, token in model.tokens)),
        target_prefix=target_token,
        reader=f"The {model.family} model {model.name}",
    )
