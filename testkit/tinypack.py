"""Tiny but real Argos `.argosmodel` packs, built offline for tests and benchmarks.

Argos packs cannot be downloaded here, so a pack is made from scratch: a
SentencePiece model trained in-process on a few dozen sentences, and a
CTranslate2 transformer converted from seeded random weights. The translation
is gibberish, but installing, loading, translating, pivoting and removing run
through the same code as with a real pack.

The expensive parts (tokenizer training, model conversion) are cached per
process, so building many packs in one test run stays cheap.
"""
from __future__ import annotations

import functools
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from languages.names import language_name
from testkit.transformer_weights import fill_layers, fill_linear, save_model

# Latin and Cyrillic sentences, so that the tokenizer knows the letters the
# tests translate (English, German, Russian, Kazakh) instead of mapping them to <unk>.
TRAINING_SENTENCES: tuple[str, ...] = (
    "The parliament approved the new budget on Monday.",
    "Prices for bread and fuel rose again this week.",
    "The minister said the railway would open next year.",
    "Farmers expect a good harvest after the spring rains.",
    "A new school was built in the northern district.",
    "The president met foreign investors in the capital.",
    "Exports of grain and cotton grew by ten percent.",
    "Heavy snow closed the mountain road for two days.",
    "The central bank kept its interest rate unchanged.",
    "Students protested against higher university fees.",
    "Die Regierung hat den neuen Haushalt am Montag beschlossen.",
    "Die Preise für Brot und Benzin sind wieder gestiegen.",
    "Der Minister sagte, die Bahn werde nächstes Jahr eröffnet.",
    "Schüler und Lehrer feiern den Beginn des Schuljahres.",
    "Парламент утвердил новый бюджет в понедельник.",
    "Цены на хлеб и топливо снова выросли на этой неделе.",
    "Министр сказал, что железная дорога откроется в следующем году.",
    "Фермеры ожидают хороший урожай после весенних дождей.",
    "В северном районе построили новую школу.",
    "Президент встретился с иностранными инвесторами в столице.",
    "Экспорт зерна и хлопка вырос на десять процентов.",
    "Сильный снегопад закрыл горную дорогу на два дня.",
    "Парламент жаңа бюджетті дүйсенбі күні бекітті.",
    "Нан мен жанармай бағасы тағы да өсті.",
    "Фермерлер көктемгі жаңбырдан кейін мол өнім күтеді.",
    "Ўзбекистон ва Қирғизистон чегара масаласини муҳокама қилди.",
    "Quelques mots en français, avec des accents: été, ça, où.",
    "Numbers 0123456789 and signs: , . ! ? ; : - ( ) \" ' % / & +",
)

SPECIAL_TOKENS = ("<unk>", "<s>", "</s>")


@functools.lru_cache(maxsize=16)
def train_sentencepiece(
    vocab_size: int = 160, sentences: tuple[str, ...] = TRAINING_SENTENCES
) -> bytes:
    """A SentencePiece model trained in memory; returns the serialized model."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        num_threads=1,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        normalization_rule_name="identity",
        minloglevel=2,
    )
    return model.getvalue()


def sentencepiece_vocabulary(model_bytes: bytes) -> list[str]:
    """The pieces of a SentencePiece model in id order (ids 0-2 are <unk>, <s>, </s>)."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def write_ctranslate2_model(
    output_dir: Path,
    vocabulary: Sequence[str],
    seed: int = 0,
    layers: int = 2,
    d_model: int = 32,
    heads: int = 2,
    ffn_dim: int | None = None,
    eos_bias: float = 0.0,
    weight_scale: float = 5.0,
    projection_scale: float = 2.0,
    quantization: str | None = None,
) -> Path:
    """Convert a transformer with seeded random weights into a CTranslate2 model dir.

    Larger-than-usual layer weights (`weight_scale`) make attention peaky, so
    different sentences get different outputs; some stop after a few tokens,
    others run to the decoder's length limit, which is why the engine always
    bounds max_decoding_length. `eos_bias` shortens outputs if raised.
    """
    from ctranslate2.specs import transformer_spec

    # The offset is arbitrary but chosen: with it, seeds 0, 3 and 4 give models whose
    # outputs mostly end after a few tokens (fast tests, pivots included); many other
    # seeds run most sentences to the length limit.
    rng = np.random.default_rng(seed + 1)
    vocab_size = len(vocabulary)
    ffn_dim = ffn_dim or 4 * d_model
    scale = 1.0 / np.sqrt(d_model)
    layer_scale = weight_scale * scale
    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)

    def draw(shape: tuple[int, ...], size: float) -> np.ndarray:
        return (rng.standard_normal(shape) * size).astype(np.float32)

    for side in (spec.encoder, spec.decoder):
        embeddings = side.embeddings if isinstance(side.embeddings, list) else [side.embeddings]
        for embedding in embeddings:
            embedding.weight = draw((vocab_size, d_model), scale)
    fill_layers(spec, draw, d_model, ffn_dim, layer_scale)
    fill_linear(spec.decoder.projection, draw, vocab_size, d_model, projection_scale * scale)
    spec.decoder.projection.bias[:] = 0.0
    eos = list(vocabulary).index("</s>")
    spec.decoder.projection.bias[eos] += eos_bias
    return save_model(spec, vocabulary, output_dir, quantization)  # Argos ships int8 models


@functools.lru_cache(maxsize=16)
def _model_files(seed: int, vocab_size: int, layers: int, d_model: int, heads: int,
                 training: tuple[str, ...], options: tuple = ()) -> tuple[tuple[str, bytes], ...]:
    """(relative path, bytes) of sentencepiece.model and model/*, cached per process."""
    sp_bytes = train_sentencepiece(vocab_size, training)
    vocabulary = sentencepiece_vocabulary(sp_bytes)
    with tempfile.TemporaryDirectory(prefix="tinypack-") as tmp:
        model_dir = write_ctranslate2_model(
            Path(tmp) / "model", vocabulary, seed=seed, layers=layers, d_model=d_model,
            heads=heads, **dict(options),
        )
        files = [("sentencepiece.model", sp_bytes)]
        files += sorted(
            (f"model/{path.name}", path.read_bytes())
            for path in model_dir.iterdir() if path.is_file()
        )
    return tuple(files)


def build_pack(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    version: str = "1.0",
    seed: int = 0,
    *,
    vocab_size: int = 160,
    layers: int = 2,
    d_model: int = 32,
    heads: int = 2,
    training_sentences: Sequence[str] = TRAINING_SENTENCES,
    from_name: str | None = None,
    to_name: str | None = None,
    **model_options,
) -> Path:
    """Write `translate-<from>_<to>-<version>.argosmodel` into dest_dir; sizes adjustable.

    model_options go to write_ctranslate2_model (ffn_dim, eos_bias, quantization, ...).
    """
    files = _model_files(
        seed, vocab_size, layers, d_model, heads, tuple(training_sentences),
        tuple(sorted(model_options.items())),
    )
    return _write_pack(dest_dir, from_code, to_code, version, seed, files, from_name, to_name)


def _write_pack(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    version: str,
    seed: int,
    files: Sequence[tuple[str, bytes]],
    from_name: str | None = None,
    to_name: str | None = None,
) -> Path:
    """Zip files (paths relative to the pack's top directory) with metadata.json and a README."""
    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": from_name or language_name(from_code),
        "to_code": to_code,
        "to_name": to_name or language_name(to_code),
        "type": "translate",
        "links": [],
    }
    readme = (
        f"# {metadata['from_name']} -> {metadata['to_name']}\n\n"
        f"Tiny test pack (seed {seed}); its output is gibberish.\n"
    )
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / f"{top}.argosmodel"
    partial = path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/", "")
        archive.writestr(f"{top}/metadata.json", json.dumps(metadata, indent=2, ensure_ascii=False))
        archive.writestr(f"{top}/README.md", readme)
        archive.writestr(f"{top}/model/", "")
        for name, data in files:
            archive.writestr(f"{top}/{name}", data)
    partial.replace(path)
    return path


def build_tiny_pack(
    dest_dir: Path, from_code: str, to_code: str, version: str = "1.0", seed: int = 0
) -> Path:
    """A real, installable .argosmodel file for the pair; see the module docstring."""
    return build_pack(dest_dir, from_code, to_code, version, seed)


def learn_bpe_codes(sentences: Sequence[str], merges: int = 200) -> str:
    """A subword-nmt (version 0.2) BPE codes file learned from whitespace-split words."""
    from collections import Counter

    words = Counter(word for sentence in sentences for word in sentence.split())
    vocab = {tuple(word[:-1]) + (word[-1] + "</w>",): count for word, count in words.items()}
    codes = ["#version: 0.2"]
    for _ in range(merges):
        pairs: Counter = Counter()
        for symbols, count in vocab.items():
            for pair in zip(symbols, symbols[1:], strict=False):
                pairs[pair] += count
        if not pairs:
            break
        best = max(pairs, key=lambda pair: (pairs[pair], pair))
        codes.append(" ".join(best))
        merged = {}
        for symbols, count in vocab.items():
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            merged[tuple(out)] = count
        vocab = merged
    return "\n".join(codes) + "\n"


def build_bpe_pack(
    dest_dir: Path, from_code: str, to_code: str, version: str = "1.0", seed: int = 0
) -> Path:
    """Like build_tiny_pack, but tokenized the way older Argos packs are: bpe.model
    (Moses tokenization + BPE, needs sacremoses) instead of sentencepiece.model."""
    from argostranslate.tokenizer import BPETokenizer

    codes = learn_bpe_codes(TRAINING_SENTENCES)
    with tempfile.TemporaryDirectory(prefix="tinypack-bpe-") as tmp:
        codes_file = Path(tmp) / "bpe.model"
        codes_file.write_text(codes, encoding="utf-8")
        tokenizer = BPETokenizer(codes_file, from_code, to_code)
        tokens = {token for sentence in TRAINING_SENTENCES for token in tokenizer.encode(sentence)}
        letters = {char for sentence in TRAINING_SENTENCES for char in sentence.replace(" ", "")}
        tokens |= letters | {f"{char}@@" for char in letters}
        vocabulary = list(SPECIAL_TOKENS) + sorted(tokens - set(SPECIAL_TOKENS))
        model_dir = write_ctranslate2_model(Path(tmp) / "model", vocabulary, seed=seed)
        files = [("bpe.model", codes.encode("utf-8"))]
        files += [(f"model/{file.name}", file.read_bytes()) for file in sorted(model_dir.iterdir())]
    return _write_pack(dest_dir, from_code, to_code, version, seed, files)


def install_unzipped(pack_file: Path, packages_dir: Path) -> Path:
    """Unzip a pack into a packs dir the way Argos does; returns the pack's directory."""
    packages_dir = Path(packages_dir)
    packages_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(pack_file) as archive:
        top = archive.namelist()[0].split("/")[0]
        target = packages_dir / top
        if target.exists():
            shutil.rmtree(target)
        archive.extractall(packages_dir)
    return target
