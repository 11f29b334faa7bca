"""Alternative translations of one sentence that keep the glossary's terms.

The alternatives themselves come from the beam (translator.engine.alternatives); a sentence
holding glossary terms is asked with its terms masked, and a hypothesis whose masks were
lost is rebuilt as the sentence's translation is (translator.glossary): the longest piece
between the terms varies, the others and the terms stay.
"""
from __future__ import annotations

from translator.engine.alternatives import alternatives
from translator.engine.translating import translate_sentences
from translator.glossary import Glossary, assemble, mask, needs_model


def alternatives_with_glossary(
    sentence: str, source: str, target: str, count: int, prefer_model: bool = False,
    glossary: Glossary | None = None,
) -> list[str]:
    """Up to `count` translations other than the engine's own, each holding every term of
    the glossary found in the sentence exactly as the glossary says."""
    terms = glossary.for_pair(source, target) if glossary else Glossary()
    matches = terms.find(sentence)
    if not matches:
        return alternatives(sentence, source, target, count, prefer_model)
    own = translate_sentences([sentence], source, target, prefer_model=prefer_model,
                              glossary=terms)[0]
    masked = mask(sentence, matches)
    found: list[str] = []
    for hypothesis in alternatives(masked.text, source, target, count, prefer_model):
        restored = masked.restore(hypothesis)
        if restored and restored != own and restored not in found:
            found.append(restored)
    if len(found) >= count:
        return found[:count]
    pieces = masked.pieces()
    longest = max(range(len(pieces)), key=lambda n: len(pieces[n].strip()))
    if not pieces[longest].strip():
        return found
    wanted = [piece.strip() for piece in pieces if needs_model(piece)]
    done = dict(zip(wanted, translate_sentences(wanted, source, target,
                                                prefer_model=prefer_model), strict=True))
    fixed = [done[piece.strip()] if needs_model(piece) else piece for piece in pieces]
    for variant in alternatives(pieces[longest].strip(), source, target, count, prefer_model):
        rebuilt = assemble(masked, [variant if n == longest else text
                                    for n, text in enumerate(fixed)])
        if rebuilt != own and rebuilt not in found:
            found.append(rebuilt)
    return found[:count]
