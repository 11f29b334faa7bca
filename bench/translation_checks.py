"""Translation checks and the glossary: what they cost, and how often they cry wolf.

`python -m bench.translation_checks`

1. Flag rate on known-good translations. The parallel documents of ../shared/data
   (parallel-docs-dev: the same 298 documents in en, ru, tr, de, fr) give, for every
   ordered pair of the five languages, a human translation of each sentence: the
   document's sentences are paired one to one when both sides split into as many
   (articles' segmentation), else the whole documents are paired. Every pair goes
   through translator.checks as if the model had made it. Documents are split into
   halves by their position in the sorted list (A even, B odd); the thresholds were
   tuned on A only.
2. Cost. A document of distinct English news sentences (bench.translation_speed's) is
   translated into Russian by a tiny pack (testkit.tinypack, with bench.translation_speed's
   end-of-sentence bias, so outputs stay short and the share of our own work is if
   anything overstated) and by the tiny NLLB-200 model (testkit.tinymodel), with and
   without a glossary of the document's most frequent capitalised words; the checks run
   on every sentence. Reported: the checks' time, the glossary's own time (finding, masking,
   restoring, assembling: the work that is not the model's) as shares of the
   translation's, and, separately, the extra model time of the second pass a sentence
   needs when the model loses its masks (the random models lose them all; real ones
   copy numbers).
"""
from __future__ import annotations

import itertools
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.data import data_dir

LANGUAGES = ("en", "ru", "tr", "de", "fr")
REPEATS = 5
CHEAP_REPEATS = 30
"""The checks and the glossary's own work take milliseconds: more runs, less noise."""
MAX_SHARE = 0.05
GLOSSARY_TERMS = 20


def _sentences(text: str, language: str) -> list[str]:
    from articles.building import build_article

    article = build_article("doc.txt", text, language=language)
    return [sentence.text for sentence in article.sentences]


def parallel_pairs() -> dict[str, list[tuple[str, str, str, str]]]:
    """Half ("A", "B") -> (source sentence, its human translation, source, target)."""
    folder = data_dir("parallel-docs-dev")
    names = sorted(path.name for path in (folder / "en").glob("*.txt"))
    halves: dict[str, list[tuple[str, str, str, str]]] = {"A": [], "B": []}
    for position, name in enumerate(names):
        texts = {code: (folder / code / name).read_text(encoding="utf-8").strip()
                 for code in LANGUAGES}
        split = {code: _sentences(text, code) for code, text in texts.items()}
        half = halves["A" if position % 2 == 0 else "B"]
        for source, target in itertools.permutations(LANGUAGES, 2):
            if len(split[source]) == len(split[target]):
                half += [(s, t, source, target) for s, t in zip(split[source], split[target],
                                                                 strict=True)]
            else:
                half.append((texts[source], texts[target], source, target))
    return halves


def flag_rates() -> None:
    from translator.checks import check_translation

    print("| half | sentence pairs | flagged | rate | by kind |")
    print("|---|---|---|---|---|")
    for half, pairs in parallel_pairs().items():
        kinds: Counter[str] = Counter()
        flagged = 0
        for source_text, translation, source, target in pairs:
            check = check_translation(source_text, translation, source, target)
            if not check.ok:
                flagged += 1
                kinds.update(check.kinds)
        by_kind = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()) or "—"
        print(f"| {half} | {len(pairs):,} | {flagged} | {flagged / len(pairs):.2%} | {by_kind} |")


def _glossary(sentences: list[str]):
    from translator.glossary import Glossary, make_term

    words: Counter[str] = Counter()
    for sentence in sentences:
        words.update(word.strip(".,;:!?\"'()") for word in sentence.split()[1:]
                     if word[:1].isupper())
    common = [word for word, _ in words.most_common() if len(word) > 2][:GLOSSARY_TERMS]
    return Glossary(tuple(make_term("en", word, "ru", word.upper() if n % 2 else "")
                          for n, word in enumerate(common)))


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def costs() -> bool:
    from bench.translation_speed import TINY_EOS_BIAS, _document_text
    from testkit.tinymodel import build_model_dir
    from testkit.tinypack import build_pack
    from translator.multilingual.install import install_model
    from translator.packs.install import install_from_file

    work = Path(tempfile.mkdtemp(prefix="bench-checks-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packs")
    os.environ["NEWS_DIGEST_MODELS_DIR"] = str(work / "models")
    os.environ["NEWS_DIGEST_DATA"] = str(work / "data")
    install_from_file(build_pack(work / "built", "en", "ru", seed=0, eos_bias=TINY_EOS_BIAS))
    install_model(build_model_dir(work / "downloads" / "nllb-200-tiny"))
    sentences = _sentences(_document_text(), "en")
    glossary = _glossary(sentences)
    touched = sum(bool(glossary.for_pair("en", "ru").find(s)) for s in sentences)
    print(f"{len(sentences)} distinct English news sentences, {touched} holding one of "
          f"{len(glossary)} glossary terms; into Russian, best of {REPEATS} (checks and "
          f"glossary: of {CHEAP_REPEATS})\n")
    print("| route (random weights) | translation | checks | glossary's own work (masks kept "
          "/ lost) | checks + glossary | with the glossary, masks lost (second pass) |")
    print("|---|---|---|---|---|---|")
    shares = [_costs(label, sentences, glossary, prefer)
              for label, prefer in (("tiny pack", False), ("tiny NLLB-200 model", True))]
    return max(shares) < MAX_SHARE


def _costs(label: str, sentences: list[str], glossary, prefer: bool) -> float:
    from translator import engine
    from translator.checks import check_sentences
    from translator.glossary import protected

    outputs = engine.translate_sentences(sentences, "en", "ru", prefer_model=prefer)

    def plain() -> None:
        engine.clear_translation_cache()
        engine.translate_sentences(sentences, "en", "ru", prefer_model=prefer)

    def with_glossary() -> None:
        engine.clear_translation_cache()
        engine.translate_sentences(sentences, "en", "ru", prefer_model=prefer,
                                   glossary=glossary)

    def glossary_only(lose_masks: bool) -> None:
        # The glossary's own work with a model that costs nothing: masks kept (restore)
        # or lost (pieces, assemble).
        protected(lambda texts: ["x" if lose_masks else t for t in texts], sentences,
                  glossary, "en", "ru")

    def checks() -> None:
        check_sentences(sentences, outputs, "en", "ru", glossary)

    best = {name: min(_timed(job) for _ in range(repeats)) for name, job, repeats in (
        ("plain", plain, REPEATS), ("glossary", with_glossary, REPEATS),
        ("kept", lambda: glossary_only(False), CHEAP_REPEATS),
        ("lost", lambda: glossary_only(True), CHEAP_REPEATS),
        ("checks", checks, CHEAP_REPEATS),
    )}
    base = best["plain"]
    own = max(best["kept"], best["lost"])
    share = (own + best["checks"]) / base
    print(f"| {label} | {base * 1000:.0f} ms | {best['checks'] * 1000:.1f} ms "
          f"({best['checks'] / base:.1%}) | {best['kept'] * 1000:.1f} / "
          f"{best['lost'] * 1000:.1f} ms ({own / base:.1%}) | {share:.1%} | "
          f"{best['glossary'] * 1000:.0f} ms (+{best['glossary'] / base - 1:.0%}) |")
    return share


def main() -> int:
    print("### Flag rate on known-good translations (parallel-docs-dev, 20 ordered pairs)\n")
    flag_rates()
    print("\n### Cost of the checks and the glossary\n")
    ok = costs()
    print(f"\ntarget: checks + glossary < {MAX_SHARE:.0%} of translation time: "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
