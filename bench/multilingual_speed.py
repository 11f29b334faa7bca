"""Multilingual model beside an Argos pack: load time, memory, sentences per second, one run.

`python -m bench.multilingual_speed`

Both models have random weights, built offline at their real sizes:
- NLLB-200 distilled 600M: d_model 1024, 12+12 layers, 16 heads, ffn 4096, a 256,206-token
  shared vocabulary, int8 (the published CTranslate2 conversion). Building it takes minutes and
  about 4 GB of memory, so it is cached under /tmp (NLLB_BENCH_DIR overrides) and reused.
- an Argos base-size pack: d_model 512, 6+6 layers, ffn 2048, vocabulary ~8k, int8
  (as bench/translation_speed.py builds it).
Each is loaded in a fresh subprocess so that its load time and resident memory are its own.
Speed is translate_sentences on distinct English news sentences of ../shared/data, beam 4,
2 intra-op threads. Random weights never learnt when to stop: with tied embeddings a random
model repeats its last token to the 256-token limit, and an end-of-sentence bias only makes it
stop at once. So both models are made never to stop, and every output is bounded at the mean
input length of the sentences (batching.MAX_DECODING_LENGTH patched here only; one limit, so the
sentences share batches as with real models): a real translation is about as long as its
source, so the cost per sentence is close to a real model's. Output tokens per second are
counted from CTranslate2's hypotheses. The real models' quality and output lengths are their
own.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path(os.environ.get("NLLB_BENCH_DIR", "/tmp/news-digest-bench-nllb600m"))
NLLB_VOCABULARY = 256_206
SENTENCES = 32
"""One batch (engine.BATCH_SIZE)."""
EOS_BIAS = -30.0
"""Never stop: outputs are bounded by the patched decoding limit instead (see above)."""


def _data_dir() -> Path:
    """../shared/data beside the checkout, or /work/shared/data from a worktree."""
    from bench import translation_speed

    if not translation_speed.DATA.exists() and Path("/work/shared/data").exists():
        translation_speed.DATA = Path("/work/shared/data")
    return translation_speed.DATA


def _training_sentences() -> tuple[str, ...]:
    from bench.translation_speed import _training_sentences as sentences

    _data_dir()
    return sentences()


def build_nllb_600m(directory: Path = CACHE) -> Path:
    """The random-weight NLLB-200 distilled 600M model folder, built once and cached."""
    from testkit.tinymodel import (
        FLORES_CODES,
        model_vocabulary,
        tokenizer_files,
        write_weights,
    )
    from testkit.tinypack import train_sentencepiece

    done = directory / ".complete"
    if done.exists():
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    sp_bytes = train_sentencepiece(8000, _training_sentences())
    vocabulary = model_vocabulary(sp_bytes, FLORES_CODES, size=NLLB_VOCABULARY)
    write_weights(
        directory, vocabulary, seed=0, layers=12, d_model=1024, heads=16, ffn_dim=4096,
        quantization="int8", weight_scale=1.0, eos_bias=EOS_BIAS,
    )
    (directory / "sentencepiece.bpe.model").write_bytes(sp_bytes)
    for name, text in tokenizer_files(FLORES_CODES, "nllb").items():
        (directory / name).write_text(text, encoding="utf-8")
    done.write_text("ok\n")
    return directory


def build_argos_base(directory: Path) -> Path:
    from testkit.tinypack import build_pack

    return build_pack(
        directory, "en", "ru", seed=0, vocab_size=8000, training_sentences=_training_sentences(),
        layers=6, d_model=512, heads=8, ffn_dim=2048, quantization="int8", eos_bias=EOS_BIAS,
    )


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _sentences() -> list[str]:
    from bench.translation_speed import _document_text

    _data_dir()
    text = _document_text()
    sentences: list[str] = []
    for paragraph in text.split("\n\n"):
        for part in paragraph.replace("? ", ". ").split(". "):
            if part.strip():
                sentences.append(part.strip().rstrip(".") + ".")
    return sentences[:SENTENCES]


class _CountingTranslator:
    """Counts the output tokens CTranslate2 produced (target language code included)."""

    def __init__(self, translator):
        self.translator = translator
        self.tokens = 0
        self.warm_up_tokens = 0

    def translate_batch(self, *args, **kwargs):
        results = self.translator.translate_batch(*args, **kwargs)
        self.tokens += sum(len(result.hypotheses[0]) for result in results)
        return results


def child(kind: str) -> dict:
    """Run in a subprocess: load one model, translate, report numbers as JSON."""
    from translator import engine
    from translator.engine import batching

    sentences = _sentences()
    before = _rss_mb()
    start = time.perf_counter()
    if kind == "nllb":
        from translator.multilingual.loading import load_model
        from translator.multilingual.models import installed_models

        model = installed_models()[0]
        loaded = load_model(model)
        source, target = "en", "kk"
    else:
        from translator.packs.folders import installed_packs
        from translator.packs.loading import load_pack

        loaded = load_pack(installed_packs()[0])
        source, target = "en", "ru"
    load_seconds = time.perf_counter() - start
    loaded_rss = _rss_mb()
    pieces = loaded.sentencepiece if kind == "nllb" else loaded.tokenizer
    limit = round(sum(len(pieces.encode(s)) for s in sentences) / len(sentences))
    batching.MAX_DECODING_LENGTH = limit  # as long as a source, whatever the weights
    counter = _CountingTranslator(loaded.translator)
    loaded.translator = counter
    engine.translate_sentences(sentences[:2], source, target)  # warm up
    counter.warm_up_tokens = counter.tokens
    engine.clear_translation_cache()
    start = time.perf_counter()
    outputs = engine.translate_sentences(sentences, source, target)
    seconds = time.perf_counter() - start
    out_tokens = counter.tokens - counter.warm_up_tokens
    assert len(outputs) == len(sentences)
    return {
        "load_s": load_seconds, "rss_before_mb": before, "rss_loaded_mb": loaded_rss,
        "rss_after_mb": _rss_mb(), "sentences": len(sentences), "seconds": seconds,
        "sentences_per_s": len(sentences) / seconds,
        "mean_output_tokens": out_tokens / len(outputs),
        "output_tokens_per_s": out_tokens / seconds,
    }


def _run_child(kind: str, env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.multilingual_speed", "--child", kind],
        env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1024**2


def main() -> int:
    started = time.perf_counter()
    model_dir = build_nllb_600m()
    print(f"NLLB-200 600M-size model ready in {time.perf_counter() - started:.0f} s "
          f"({_size_mb(model_dir):,.0f} MB on disk, cached at {model_dir})", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-multilingual-") as tmp:
        packs = Path(tmp) / "packs"
        models = Path(tmp) / "models"
        models.mkdir(parents=True)
        (models / "nllb-200-distilled-600M").symlink_to(model_dir)
        env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packs), NEWS_DIGEST_MODELS_DIR=str(models),
                   ARGOS_INTRA_THREADS="2")
        from testkit.tinypack import install_unzipped

        pack_file = build_argos_base(Path(tmp))
        pack_dir = install_unzipped(pack_file, packs)
        rows = [
            ("NLLB-200 distilled 600M size (int8)", _size_mb(model_dir), _run_child("nllb", env)),
            ("Argos base size (int8)", _size_mb(pack_dir), _run_child("argos", env)),
        ]
    print()
    print(f"{rows[0][2]['sentences']} distinct English news sentences in one batch, beam 4, "
          "2 intra-op threads; random weights, every output as long as the mean input.")
    print()
    print("| model | on disk | load | RSS after load | RSS after run | sentences/s "
          "| output tokens/s | mean output tokens |")
    print("|---|---|---|---|---|---|---|---|")
    for label, size, row in rows:
        print(f"| {label} | {size:,.0f} MB | {row['load_s']:.2f} s "
              f"| {row['rss_loaded_mb']:,.0f} MB | {row['rss_after_mb']:,.0f} MB "
              f"| {row['sentences_per_s']:.1f} | {row['output_tokens_per_s']:.0f} "
              f"| {row['mean_output_tokens']:.1f} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2])))
        sys.exit(0)
    sys.exit(main())
