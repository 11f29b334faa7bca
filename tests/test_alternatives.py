"""Alternatives of one sentence (beam hypotheses) with the tiny real packs and models: the
glossary's terms kept in each, and the reader's pick kept by the translation memory."""
from __future__ import annotations

import pytest

from digest.checked import sentence_alternatives
from digest.job import Upload, add_translation, analyse
from digest.library import open_library
from digest.library.memory import keep_pick, with_memory
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN
from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from translator import engine
from translator.glossary import Glossary, make_term
from translator.loading import LOADED
from translator.multilingual.install import install_model
from translator.packs.install import install_from_file

SENTENCE = "Die Regierung hat den neuen Haushalt am Montag beschlossen."
GERMAN = (
    "Neuer Haushalt\n\n"
    "Die Regierung hat den neuen Haushalt am Montag beschlossen. "
    "Die Preise für Brot und Benzin sind wieder gestiegen."
)


@pytest.fixture
def pack(packs_dir, tmp_path):
    packs_dir.mkdir()
    install_from_file(build_tiny_pack(tmp_path / "built", "de", "en", seed=0))


def test_up_to_three_alternatives_each_other_than_the_translation(pack):
    own = engine.translate_sentences([SENTENCE], "de", "en")[0]
    found = sentence_alternatives(SENTENCE, "de", "en", 3)
    assert 1 <= len(found) <= 3
    assert len(set(found)) == len(found)
    assert own not in found
    assert all(text.strip() for text in found)


def test_alternatives_keep_the_glossary_terms(pack):
    glossary = Glossary((make_term("de", "Haushalt", "en", "budget"),
                         make_term("de", "Regierung", "en", "")))
    own = engine.translate_sentences([SENTENCE], "de", "en", glossary=glossary)[0]
    found = sentence_alternatives(SENTENCE, "de", "en", 3, glossary=glossary)
    assert found
    for text in found:
        assert "budget" in text and "Regierung" in text
        assert text != own


def test_a_multilingual_model_gives_alternatives_too(model_area):
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    sentence = "Парламент жаңа бюджетті дүйсенбі күні бекітті."
    found = sentence_alternatives(sentence, "kk", "en", 3)
    assert 1 <= len(found) <= 3
    assert engine.translate_sentences([sentence], "kk", "en")[0] not in found


def test_the_readers_pick_is_kept_by_the_translation_memory(pack):
    library = open_library()
    steps = with_memory(PLAIN, lambda: library)
    result = analyse(Upload("de.txt", GERMAN.encode()), SummarySettings(), "de")
    settings = TranslationSettings("en", whole_article=True)
    first = add_translation(result, settings, steps)
    index = next(i for i, s in enumerate(result.article.sentences) if s.text == SENTENCE)
    pick = sentence_alternatives(SENTENCE, "de", "en", 3)[-1]
    assert first.translations[index] != pick

    keep_pick(library, SENTENCE, pick, "de", "en")
    engine.clear_translation_cache()
    LOADED.clear()  # as after a restart
    again = add_translation(result, settings, steps)
    assert again.translations[index] == pick
    assert again.picked == {index}
    assert index not in again.retried
    others = [i for i in first.translations if i != index]
    assert all(again.translations[i] == first.translations[i] for i in others)
