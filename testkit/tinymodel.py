"""Tiny but real multilingual models in the CTranslate2 NLLB-200 (or M2M-100) layout, offline.

A converted NLLB-200 model is a folder: model.bin and config.json (CTranslate2),
shared_vocabulary.json or .txt (tokens: specials, SentencePiece pieces, FLORES-200 language
codes such as `kaz_Cyrl`), the SentencePiece model sentencepiece.bpe.model, and the Hugging Face
tokenizer's JSON files. Here the SentencePiece model is trained in the test and the transformer
has seeded random weights, so the translation is gibberish, but installing, listing, loading and
translating run through the same code as with the real model.

The same builder makes the benchmark's model of the real NLLB-200 distilled 600M size
(bench/multilingual_speed.py) by passing its dimensions.
"""
from __future__ import annotations

import functools
import json
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from testkit.tinypack import TRAINING_SENTENCES, sentencepiece_vocabulary, train_sentencepiece
from testkit.transformer_weights import fill_layers, save_model

MODEL_SENTENCES: tuple[str, ...] = TRAINING_SENTENCES + (
    "Улаанбаатар хотод шинэ сургууль нээгдлээ.",
    "Монгол Улсын Засгийн газар төсвөө баталлаа.",
    "Oʻzbekiston va Qirgʻiziston chegara masalasini muhokama qildi.",
    "Тоҷикистон ва Қирғизистон дар бораи сарҳад гуфтугӯ карданд.",
)
"""Training text for the tokenizer: the tinypack sentences plus Mongolian, Uzbek, Tajik."""

FLORES_CODES: tuple[str, ...] = (
    "eng_Latn", "rus_Cyrl", "kaz_Cyrl", "khk_Cyrl", "uzn_Latn", "tgk_Cyrl", "kir_Cyrl",
    "bel_Cyrl", "deu_Latn",
)
"""The languages the tiny NLLB model covers (the real one has 202 codes)."""

M2M_CODES: tuple[str, ...] = ("__en__", "__ru__", "__kk__", "__mn__", "__uz__", "__de__")

NLLB_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>")


def model_vocabulary(
    sp_bytes: bytes, language_tokens: Sequence[str], size: int | None = None
) -> list[str]:
    """NLLB's token order: <s> <pad> </s> <unk>, the pieces, the language codes, <mask>.

    size pads the vocabulary with unused tokens up to a real model's size (for benchmarks).
    """
    pieces = [p for p in sentencepiece_vocabulary(sp_bytes) if p not in NLLB_SPECIALS]
    vocabulary = list(NLLB_SPECIALS) + pieces + list(language_tokens) + ["<mask>"]
    if size is not None and size > len(vocabulary):
        vocabulary += [f"<unused_{n}>" for n in range(size - len(vocabulary))]
    return vocabulary


def _random(rng: np.random.Generator, shape: tuple[int, ...], scale: float) -> np.ndarray:
    weights = rng.standard_normal(shape, dtype=np.float32)
    weights *= np.float32(scale)
    return weights


def write_weights(
    output_dir: Path,
    vocabulary: Sequence[str],
    *,
    seed: int = 0,
    layers: int = 2,
    d_model: int = 32,
    heads: int = 2,
    ffn_dim: int | None = None,
    quantization: str | None = None,
    weight_scale: float = 5.0,
    eos_bias: float = 2.0,
) -> Path:
    """A pre-norm transformer with seeded random weights, embeddings shared as NLLB's are.

    The decoder starts from `</s>` as in the converted NLLB-200 (config.json's
    decoder_start_token), then the target language code the caller gives as prefix.
    """
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    ffn_dim = ffn_dim or 4 * d_model
    scale = 1.0 / np.sqrt(d_model)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)
    shared = _random(rng, (len(vocabulary), d_model), scale)
    spec.encoder.embeddings[0].weight = shared
    spec.decoder.embeddings.weight = shared
    fill_layers(spec, lambda shape, size: _random(rng, shape, size), d_model, ffn_dim,
                weight_scale * scale)
    spec.decoder.projection.weight = shared
    bias = np.zeros(len(vocabulary), dtype=np.float32)
    bias[list(vocabulary).index("</s>")] = eos_bias
    spec.decoder.projection.bias = bias
    spec.config.decoder_start_token = "</s>"
    return save_model(spec, vocabulary, output_dir, quantization)


def tokenizer_files(language_tokens: Sequence[str], kind: str) -> dict[str, str]:
    """The small Hugging Face tokenizer JSON files a converted model ships beside model.bin."""
    if kind == "m2m":
        config = {"tokenizer_class": "M2M100Tokenizer", "src_lang": "en", "tgt_lang": "ru",
                  "model_max_length": 1024}
    else:
        config = {"tokenizer_class": "NllbTokenizer", "src_lang": "eng_Latn",
                  "tgt_lang": "rus_Cyrl", "model_max_length": 1024}
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                "pad_token": "<pad>", "additional_special_tokens": list(language_tokens)}
    return {
        "tokenizer_config.json": json.dumps(config, indent=2),
        "special_tokens_map.json": json.dumps(specials, indent=2),
    }


@functools.lru_cache(maxsize=8)
def _model_files(
    kind: str, seed: int, vocab_size: int, layers: int, d_model: int, heads: int,
    vocabulary_format: str,
) -> tuple[tuple[str, bytes], ...]:
    """(file name, bytes) of one tiny model, cached per process."""
    sp_bytes = train_sentencepiece(vocab_size, MODEL_SENTENCES)
    language_tokens = M2M_CODES if kind == "m2m" else FLORES_CODES
    vocabulary = model_vocabulary(sp_bytes, language_tokens)
    with tempfile.TemporaryDirectory(prefix="tinymodel-") as tmp:
        directory = write_weights(
            Path(tmp), vocabulary, seed=seed, layers=layers, d_model=d_model, heads=heads
        )
        if vocabulary_format == "txt":
            (directory / "shared_vocabulary.json").unlink()
            (directory / "shared_vocabulary.txt").write_text(
                "\n".join(vocabulary) + "\n", encoding="utf-8"
            )
        files = {path.name: path.read_bytes() for path in directory.iterdir()}
    files["sentencepiece.bpe.model"] = sp_bytes
    for name, text in tokenizer_files(language_tokens, kind).items():
        files[name] = text.encode("utf-8")
    return tuple(sorted(files.items()))


def build_model_dir(
    dest: Path,
    *,
    kind: str = "nllb",
    seed: int = 0,
    vocab_size: int = 200,
    layers: int = 2,
    d_model: int = 32,
    heads: int = 2,
    vocabulary_format: str = "json",
) -> Path:
    """Write a tiny model folder at dest (kind "nllb": FLORES codes; "m2m": `__kk__` tokens)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in _model_files(kind, seed, vocab_size, layers, d_model, heads,
                                   vocabulary_format):
        (dest / name).write_bytes(data)
    (dest / "README.md").write_text(
        f"Tiny random-weight {kind} test model (seed {seed}); its output is gibberish.\n",
        encoding="utf-8",
    )
    return dest


def zip_model_dir(model_dir: Path, zip_path: Path, top: str | None = None) -> Path:
    """Zip a model folder under one top directory (top=None: files at the zip's root)."""
    model_dir, zip_path = Path(model_dir), Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if top:
            archive.writestr(f"{top}/", "")
        for path in sorted(model_dir.iterdir()):
            archive.write(path, f"{top}/{path.name}" if top else path.name)
    return zip_path


def build_model_zip(dest_dir: Path, name: str = "nllb-200-tiny", **options) -> Path:
    """A zip of a tiny model folder, as a reader would download one: `<name>.zip`."""
    with tempfile.TemporaryDirectory(prefix="tinymodel-zip-") as tmp:
        folder = build_model_dir(Path(tmp) / name, **options)
        return zip_model_dir(folder, Path(dest_dir) / f"{name}.zip", top=name)
