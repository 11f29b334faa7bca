"""Running one loaded model over many sentences: CTranslate2 batches, repeats and cached
sentences translated once.

Sentences are sorted by token count before batching (less padding), then put back in order.
"""
from __future__ import annotations

from collections.abc import Callable

from translator.engine.cache import translation_cache
from translator.errors import TranslationFailedError
from translator.loading import Runner

Progress = Callable[[int, int], None]

BATCH_SIZE = 32
"""Sentences per translate_batch call; progress is reported as each batch completes."""

BEAM_SIZE = 4
"""Argos's default beam."""

LENGTH_PENALTY = 0.2
"""Argos's value."""

MAX_DECODING_LENGTH = 256
"""Output tokens per sentence, as Argos allows, whatever the input's length: a limit from the
input length (2n+16) cut short lines of compact scripts (zh, ja), whose translation takes many
more tokens than the source."""


def _batches(order: list[int]) -> list[list[int]]:
    """Consecutive runs of at most BATCH_SIZE sentences."""
    return [order[start:start + BATCH_SIZE] for start in range(0, len(order), BATCH_SIZE)]


def _translate_tokens(runner: Runner, batch: list[list[str]]) -> list[str]:
    found = search(runner, batch, BEAM_SIZE, 1, max_batch_size=BATCH_SIZE)
    return [hypotheses[0] if hypotheses else "" for hypotheses in found]


def search(
    runner: Runner, batch: list[list[str]], beam_size: int, hypotheses: int,
    max_batch_size: int = 0,
) -> list[list[str]]:
    """Each sentence's `hypotheses` best translations, decoded, best first: one beam search
    with Argos's settings, for the engine's own translation and for alternatives alike. A
    model that fails is a TranslationFailedError naming it. `max_batch_size` 0: no limit."""
    prefix = runner.target_prefix
    try:
        results = runner.translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            max_batch_size=max_batch_size,
            beam_size=beam_size,
            num_hypotheses=hypotheses,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_decoding_length=MAX_DECODING_LENGTH,
        )
    except Exception as error:  # CTranslate2 raises RuntimeError/ValueError on a bad model
        raise TranslationFailedError(
            f"{runner.reader or 'The model'} failed while translating: {error}"
        ) from error
    return [[_decoded(runner, tokens) for tokens in result.hypotheses] for result in results]


def _decoded(runner: Runner, tokens: list[str]) -> str:
    """One hypothesis as text, without the target-language token a model may start with."""
    tokens = list(tokens)
    if runner.target_prefix and tokens and tokens[0] == runner.target_prefix:
        tokens = tokens[1:]
    return runner.tokenizer.decode(tokens) if tokens else ""


def run_batches(runner: Runner, texts: list[str], progress: Progress) -> list[str]:
    """Translate texts with one model: empty ones skipped, repeats and cached ones done once."""
    total = len(texts)
    results: list[str | None] = [None] * total
    pending: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        sentence = text.strip()
        if not sentence:
            results[index] = ""
            continue
        cached = translation_cache.get((runner.key, sentence))
        if cached is not None:
            results[index] = cached
        else:
            pending.setdefault(sentence, []).append(index)
    done = total - sum(len(indexes) for indexes in pending.values())
    progress(done, total)

    unique = list(pending)
    tokens = [runner.tokenizer.encode(sentence) for sentence in unique]
    order = sorted(range(len(unique)), key=lambda j: len(tokens[j]))  # less padding per batch
    for chunk in _batches(order):
        outputs = _translate_tokens(runner, [tokens[j] for j in chunk])
        for j, output in zip(chunk, outputs, strict=True):
            translation_cache.put((runner.key, unique[j]), output)
            for index in pending[unique[j]]:
                results[index] = output
            done += len(pending[unique[j]])
        progress(done, total)
    return [result or "" for result in results]
