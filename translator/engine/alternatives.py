"""Other translations of one sentence, for a reader (or a CAT tool) choosing among them.

CTranslate2's beam search keeps several hypotheses; asking for the n best
(`num_hypotheses`) gives them at the cost of one wider search. The engine's own
translation (translate_sentences, the one the translation memory keeps) stays the
first answer; the alternatives are the other hypotheses, best first, each once.

A pivot route (de → en → ru) gives alternatives from its last leg only: the first leg's
own translation goes on, and the last leg's n best are returned. Alternatives of every
first-leg hypothesis would multiply the work for variants a reader rarely tells apart.
"""
from __future__ import annotations

from languages.codes import normalize_code
from languages.transliteration import transliterate
from translator.engine.batching import BEAM_SIZE, run_batches, search
from translator.engine.planning import plan
from translator.loading import Runner

MAX_ALTERNATIVES = 5
"""More hypotheses than this cost a beam far wider than Argos's for near-duplicates."""
ALTERNATIVES_BEAM = MAX_ALTERNATIVES + 1
"""One beam width whatever the count asked, so asking for 2 gives the first 2 of 5."""


def alternatives(
    sentence: str, source: str, target: str, count: int, prefer_model: bool = False
) -> list[str]:
    """Up to `count` translations of `sentence` other than translate_sentences's, best first
    (fewer when the search finds fewer distinct ones; none for the same language or an
    empty sentence). `source` may name the script ("uz-Cyrl"), as in translate_sentences.
    MissingPairError when nothing installed translates the pair."""
    tagged, source, target = source, normalize_code(source), normalize_code(target)
    text = sentence.strip()
    count = max(0, min(count, MAX_ALTERNATIVES))
    if not count or not text or source == target:
        return []
    route = plan(source, target, prefer_model=prefer_model)
    change = route.script_change(tagged)
    if change is not None:
        text = transliterate(text, source, change.written, change.expected)
    runners = route.runners()
    for runner in runners[:-1]:  # a pivot: the first leg's own translation goes on
        text = run_batches(runner, [text], _quiet)[0]
    last = runners[-1]
    best = run_batches(last, [text], _quiet)[0]
    found: list[str] = []
    for hypothesis in _hypotheses(last, text, count + 1):
        if hypothesis and hypothesis != best and hypothesis not in found:
            found.append(hypothesis)
    return found[:count]


def _quiet(_done: int, _total: int) -> None:
    return None


def _hypotheses(runner: Runner, text: str, number: int) -> list[str]:
    """The `number` best hypotheses of one beam search, decoded, best first."""
    found = search(runner, [runner.tokenizer.encode(text)], max(BEAM_SIZE, ALTERNATIVES_BEAM),
                   number)
    return found[0] if found else []
