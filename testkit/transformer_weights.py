"""Seeded random weights for a CTranslate2 TransformerSpec, shared by the tiny Argos
packs (testkit.tinypack) and the tiny multilingual models (testkit.tinymodel).

Each builder passes its own `draw(shape, scale)`: the packs draw float64 and cast,
the models draw float32 directly (a 600M-sized model would not fit twice in memory).
The order of the draws is fixed here, because the seeded values, and so the tests'
expected outputs, depend on it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

Draw = Callable[[tuple[int, ...], float], np.ndarray]


def fill_layers(spec, draw: Draw, d_model: int, ffn_dim: int, scale: float) -> None:
    """Layer norms of both sides, then every encoder and decoder layer, in order."""
    for side in (spec.encoder, spec.decoder):
        _norm(side.layer_norm, d_model)
    for layer in spec.encoder.layer:
        _attention(layer.self_attention, draw, d_model, scale, self_attention=True)
        _ffn(layer.ffn, draw, d_model, ffn_dim, scale)
    for layer in spec.decoder.layer:
        _attention(layer.self_attention, draw, d_model, scale, self_attention=True)
        _attention(layer.attention, draw, d_model, scale, self_attention=False)
        _ffn(layer.ffn, draw, d_model, ffn_dim, scale)


def save_model(
    spec, vocabulary: Sequence[str], output_dir: Path, quantization: str | None
) -> Path:
    """The filled spec as a CTranslate2 model folder, one vocabulary for both sides (as
    the Argos packs and NLLB-200 have it); `quantization` as the shipped models have it."""
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization=quantization)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(output_dir))
    return output_dir


def fill_linear(spec, draw: Draw, out_dim: int, in_dim: int, scale: float) -> None:
    spec.weight = draw((out_dim, in_dim), scale)
    spec.bias = draw((out_dim,), scale)


def _norm(spec, dim: int) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)
    spec.beta = np.zeros(dim, dtype=np.float32)


def _attention(spec, draw: Draw, d_model: int, scale: float, self_attention: bool) -> None:
    _norm(spec.layer_norm, d_model)
    if self_attention:  # fused query/key/value
        fill_linear(spec.linear[0], draw, 3 * d_model, d_model, scale)
    else:  # query, then fused key/value over the encoder output
        fill_linear(spec.linear[0], draw, d_model, d_model, scale)
        fill_linear(spec.linear[1], draw, 2 * d_model, d_model, scale)
    fill_linear(spec.linear[-1], draw, d_model, d_model, scale)


def _ffn(spec, draw: Draw, d_model: int, ffn_dim: int, scale: float) -> None:
    _norm(spec.layer_norm, d_model)
    fill_linear(spec.linear_0, draw, ffn_dim, d_model, scale)
    fill_linear(spec.linear_1, draw, d_model, ffn_dim, scale)
