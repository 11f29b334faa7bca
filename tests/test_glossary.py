"""The glossary: terms found in any inflected form and kept exactly through translation by
the tiny real packs and models (whose output is otherwise random), CSV in and out, and the
translation memory redoing only what a glossary change touches."""
from __future__ import annotations

import pytest

from digest.documents import sentence_pairs, translate_document
from digest.job import Upload, add_translation, analyse
from digest.library import glossary as kept
from digest.library import open_library
from digest.library.memory import with_memory
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN
from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from translator import engine
from translator.glossary import Glossary, GlossaryError, make_term, read_csv, write_csv
from translator.multilingual.install import install_model
from translator.packs.install import install_from_file

GERMAN = (
    "Müller im Bundestag\n\n"
    "Der Abgeordnete Müller sprach am Montag im Bundestag über den Haushalt. "
    "Die Rede Müllers dauerte eine Stunde.\n\n"
    "Im Plenarsaal des Bundestages saßen nur wenige Abgeordnete. "
    "Die Preise für Brot sind wieder gestiegen.\n\n"
    "Später lobten die Kollegen Herrn Müller für seine Worte."
)
KAZAKH = (
    "Тоқаев Астанада\n\n"
    "Президент Тоқаев дүйсенбі күні Астанада сөз сөйледі. "
    "Тоқаевтың айтуынша, бюджет қабылданды.\n\n"
    "Парламент жаңа заңды бекітті. Депутаттар Тоқаевқа хат жазды."
)


def glossary_of(*terms: tuple[str, str, str, str]) -> Glossary:
    return Glossary(tuple(make_term(*term) for term in terms))


def translated(text: str, source: str, target: str, glossary: Glossary):
    upload = Upload("article.txt", text.encode("utf-8"))
    return translate_document(upload, target, source, glossary=glossary)


def holds_term(sentence: str, glossary: Glossary, source: str, target: str) -> bool:
    return bool(glossary.for_pair(source, target).find(sentence))


@pytest.fixture
def packs(packs_dir, tmp_path):
    packs_dir.mkdir()
    for source, target, seed in (("de", "en", 0), ("en", "ru", 3)):
        install_from_file(build_tiny_pack(tmp_path / f"built-{seed}", source, target, seed=seed))
    return packs_dir


@pytest.fixture
def nllb(model_area):
    return install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))


def test_inflected_forms_are_found_with_a_stemmer_and_without():
    german = glossary_of(("de", "Bundestag", "en", "Federal Parliament"))
    assert [m.term.term for m in german.find("Im Saal des Bundestages sprach er.")] == [
        "Bundestag"]
    kazakh = glossary_of(("kk", "Тоқаев", "en", ""))
    sentence = "Депутаттар Тоқаевқа хат жазды, Тоқаевтың жауабы келді."
    assert [sentence[m.start:m.end] for m in kazakh.find(sentence)] == ["Тоқаевқа", "Тоқаевтың"]
    assert kazakh.find("Тоқаевшылдардың сөзі.") == []  # too long an ending: another word


def test_a_term_in_capitals_is_not_found_in_a_common_word():
    glossary = glossary_of(("en", "US", "ru", "США"))
    sentence = "They told us the US budget grew."
    assert [sentence[m.start:m.end] for m in glossary.find(sentence)] == ["US"]


def test_every_sentence_with_a_term_holds_it_exactly_through_a_pack(packs):
    glossary = glossary_of(("de", "Müller", "en", ""),
                           ("de", "Bundestag", "en", "Federal Parliament"))
    result = translated(GERMAN, "de", "en", glossary)
    pairs = sentence_pairs(result)
    touched = [pair for pair in pairs if holds_term(pair.source, glossary, "de", "en")]
    assert len(touched) == 4  # "Müllers", "Bundestages", "Herrn Müller" included
    for pair in touched:
        for match in glossary.for_pair("de", "en").find(pair.source):
            assert match.term.rendering in pair.target, (pair.source, pair.target)
    assert "Müller" in result.title_translation
    assert not result.flags or all("glossary" not in check.kinds
                                   for check in result.flags.values())


def test_terms_hold_through_a_pivot_too(packs):
    glossary = glossary_of(("de", "Bundestag", "ru", "Бундестаг"))
    result = translated(GERMAN, "de", "ru", glossary)
    assert result.route == "via English"
    for pair in sentence_pairs(result):
        if holds_term(pair.source, glossary, "de", "ru"):
            assert "Бундестаг" in pair.target


def test_every_sentence_with_a_term_holds_it_exactly_through_a_model(nllb):
    glossary = glossary_of(("kk", "Тоқаев", "en", ""), ("kk", "Астана", "en", "Astana"))
    result = translated(KAZAKH, "kk", "en", glossary)
    assert result.route == "via NLLB-200"
    touched = 0
    for pair in sentence_pairs(result):
        for match in glossary.for_pair("kk", "en").find(pair.source):
            touched += 1
            assert match.term.rendering in pair.target, (pair.source, pair.target)
    assert touched >= 4


def test_the_engine_keeps_terms_whatever_the_model_does_with_the_masks(packs):
    glossary = glossary_of(("de", "Müller", "en", "MÜLLER-KEPT"))
    sentences = ["Müller sagt.", "Das sagte Müller.", "Herrn Müllers Partei, sagte er, gewann."]
    plain = engine.translate_sentences(sentences, "de", "en")
    kept_terms = engine.translate_sentences(sentences, "de", "en", glossary=glossary)
    assert all("MÜLLER-KEPT" in text for text in kept_terms)
    assert not any("MÜLLER-KEPT" in text for text in plain)
    assert engine.translate_sentences(["Die Preise steigen."], "de", "en", glossary=glossary) \
        == engine.translate_sentences(["Die Preise steigen."], "de", "en")


def test_a_term_for_another_pair_changes_nothing(packs):
    glossary = glossary_of(("de", "Müller", "ru", "Мюллер"))
    assert engine.translate_sentences(["Müller sagt."], "de", "en", glossary=glossary) == \
        engine.translate_sentences(["Müller sagt."], "de", "en")


def test_csv_round_trip_keeps_every_term_and_keep_as_is():
    glossary = glossary_of(("de", "Bundestag", "en", "Federal Parliament"),
                           ("ru", "Шульман", "en", ""), ("kk", "Тоқаев, Қ.", "en", "Tokayev"))
    text = write_csv(glossary.terms)
    assert text.splitlines()[0] == "source_language,term,target_language,translation"
    assert read_csv(text) == glossary
    assert read_csv("\ufeff" + text) == glossary  # a BOM from a spreadsheet


def test_a_bad_csv_line_is_named():
    text = "source_language,term,target_language,translation\nde,Bundestag,en,\nde,,en,x\n"
    with pytest.raises(GlossaryError, match="Line 3"):
        read_csv(text)
    with pytest.raises(GlossaryError, match="first line"):
        read_csv("term,translation\nBundestag,x\n")


def test_the_library_keeps_imports_and_exports_the_glossary():
    library = open_library()
    assert kept.glossary(library) == Glossary()
    kept.add_term(library, "de", "Bundestag", "en", "Federal Parliament")
    kept.add_term(library, "de", "bundestag", "en", "Bundestag")  # replaces, any case
    count = kept.import_csv(library, "source_language,term,target_language,translation\n"
                                     "ru,Шульман,en,\n")
    assert count == 1
    terms = kept.glossary(library).terms
    assert [(t.term, t.rendering) for t in terms] == [("bundestag", "Bundestag"),
                                                      ("Шульман", "Шульман")]
    assert read_csv(kept.export_csv(library)).terms == terms
    kept.remove_term(library, terms[0])
    assert [t.term for t in kept.glossary(library).terms] == ["Шульман"]


class Counting:
    """A translate step that records the sentences it is given."""

    def __init__(self):
        self.seen: list[str] = []

    def __call__(self, sentences, source, target, prefer_model=False, glossary=None):
        self.seen += list(sentences)
        return PLAIN.translate(sentences, source, target, prefer_model, glossary)


def test_a_glossary_change_redoes_only_the_sentences_it_touches(packs):
    library = open_library()
    counting = Counting()
    steps = with_memory(PLAIN.__class__(translate=counting), lambda: library)
    result = analyse(Upload("de.txt", GERMAN.encode()), SummarySettings(), "de")

    def translate(glossary: Glossary):
        counting.seen.clear()
        settings = TranslationSettings("en", whole_article=True, glossary=glossary)
        return add_translation(result, settings, steps)

    first = translate(glossary_of(("de", "Müller", "en", "")))
    assert len(counting.seen) == len(result.article.sentences) + 1  # and the headline
    translate(glossary_of(("de", "Müller", "en", "")))
    assert counting.seen == []  # all from the memory
    changed = translate(glossary_of(("de", "Müller", "en", ""),
                                    ("de", "Bundestag", "en", "Federal Parliament")))
    touched = [text for text in (result.article.title, *(s.text for s in result.article.sentences))
               if "Bundestag" in text]
    assert sorted(counting.seen) == sorted(touched)  # only what "Bundestag" touches
    sentences = list(enumerate(result.article.sentences))
    assert all("Federal Parliament" in changed.translations[i]
               for i, s in sentences if "Bundestag" in s.text)
    untouched = [i for i, s in sentences if "Bundestag" not in s.text]
    assert all(changed.translations[i] == first.translations[i] for i in untouched)
