"""Checked output: the tiny random models' loops and copies are flagged, good translations
are not, a flagged sentence is retried on the pair's other route, and the batch manifest
counts what was flagged."""
from __future__ import annotations

import json

import pytest

from digest.batch.article import BatchSettings, Task, run_task
from digest.job import Upload, add_translation, analyse
from digest.settings import SummarySettings, TranslationSettings
from digest.steps import PLAIN
from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from translator import engine
from translator.checks import check_sentences, check_translation
from translator.engine.retrying import Retried, other_route, retry_sentences
from translator.glossary import Glossary, make_term
from translator.multilingual.install import install_model
from translator.packs.install import install_from_file

GOOD_PAIRS = [  # (source, translation, source language, target language), written for the test
    ("The parliament approved the new budget on Monday.",
     "Парламент утвердил новый бюджет в понедельник.", "en", "ru"),
    ("Prices for bread and fuel rose again this week.",
     "Die Preise für Brot und Benzin sind diese Woche wieder gestiegen.", "en", "de"),
    ("Der Minister sagte, die Bahn werde nächstes Jahr eröffnet.",
     "The minister said the railway would open next year.", "de", "en"),
    ("Школьники и учителя отмечают начало учебного года.",
     "Pupils and teachers celebrate the start of the school year.", "ru", "en"),
    ("Le gouvernement a présenté son projet de loi mercredi.",
     "The government presented its bill on Wednesday.", "fr", "en"),
    ("Hükümet yeni bütçeyi pazartesi günü onayladı.",
     "The government approved the new budget on Monday.", "tr", "en"),
    ("Президент Тоқаев дүйсенбі күні Астанада сөз сөйледі.",
     "President Tokayev spoke in Astana on Monday.", "kk", "en"),
    ("Joseph Burgoyne led the expedition to Albany.",
     "Joseph Burgoyne führte die Expedition nach Albany.", "en", "de"),
    ("Yes.", "Да.", "en", "ru"),
]
GERMAN = (
    "Neuer Haushalt beschlossen\n\n"
    "Die Regierung hat den neuen Haushalt am Montag beschlossen. "
    "Die Preise für Brot und Benzin sind wieder gestiegen.\n\n"
    "Der Minister sagte, die Bahn werde nächstes Jahr eröffnet. "
    "Schüler und Lehrer feiern den Beginn des Schuljahres."
)


def has_letter_run(text: str, length: int = 8) -> bool:
    return any(char * length in text for char in set(text) if char.isalpha())


@pytest.fixture
def packs(packs_dir):
    packs_dir.mkdir()
    return packs_dir


def install(tmp_path, source, target, seed):
    return install_from_file(build_tiny_pack(tmp_path / f"built-{source}{target}{seed}",
                                             source, target, seed=seed))


@pytest.mark.parametrize("pair", GOOD_PAIRS, ids=lambda pair: f"{pair[2]}-{pair[3]}")
def test_a_good_translation_is_not_flagged(pair):
    source_text, translation, source, target = pair
    assert check_translation(source_text, translation, source, target).ok


def test_the_tiny_models_loops_are_flagged(packs, tmp_path):
    install(tmp_path, "de", "en", seed=4)  # seed 4 runs to long loops
    sentences = [line for line in GERMAN.replace("\n\n", " ").split(". ") if line]
    outputs = engine.translate_sentences(sentences, "de", "en")
    looping = [n for n, text in enumerate(outputs) if has_letter_run(text)]
    assert looping  # the random model does loop
    checks = check_sentences(sentences, outputs, "de", "en")
    for n in looping:
        assert "loop" in checks[n].kinds
        assert "repeated in a loop" in checks[n].reasons


def test_a_phrase_repeated_in_a_loop_is_flagged_unless_the_source_repeats_it():
    looping = "The minister said that the the the the the the budget was approved."
    assert "loop" in check_translation("Der Minister sagte, der Haushalt sei beschlossen.",
                                       looping, "de", "en").kinds
    chant = "No, no, no, no, said the minister."
    assert check_translation("Nein, nein, nein, nein, sagte der Minister.", chant,
                             "de", "en").ok


def test_copies_and_wrong_scripts_and_languages_are_flagged():
    source = "Die Regierung hat den neuen Haushalt am Montag beschlossen."
    assert "copied" in check_translation(source, source, "de", "en").kinds
    mostly = "The Regierung hat den neuen Haushalt am Montag beschlossen."
    assert "copied" in check_translation(source, mostly, "de", "en").kinds
    cyrillic = "Правительство приняло новый бюджет в понедельник."
    assert "script" in check_translation(source, cyrillic, "de", "en").kinds
    french = ("Le gouvernement a adopté le nouveau budget lundi, après un long débat "
              "au parlement sur les impôts.")
    flagged = check_translation(source + " Nach langer Debatte im Parlament.", french, "de", "en")
    assert "language" in flagged.kinds
    assert "French" in flagged.reasons


def test_a_length_far_from_the_sources_is_flagged_and_reasons_are_sentences():
    source = "Die Preise steigen."
    check = check_translation(source, "Prices " + "rise and fall and go up " * 12 + "again.",
                              "de", "en")
    assert "length" in check.kinds
    assert check.reasons.endswith(".")
    assert check_translation(source, "", "de", "en").kinds == ("empty",)


def test_a_missing_glossary_term_is_flagged():
    glossary = Glossary((make_term("de", "Bundestag", "en", "Federal Parliament"),))
    check = check_translation("Der Bundestag tagt.", "The parliament meets.", "de", "en",
                              glossary)
    assert check.kinds == ("glossary",)
    assert "Federal Parliament" in check.reasons


def test_the_other_route_is_the_model_for_a_pack_and_the_pack_for_the_model(
        model_area, tmp_path):
    install(tmp_path, "de", "en", seed=0)
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    assert engine.route_for("de", "en").label == "Argos pack de→en"
    assert other_route("de", "en").label == "NLLB-200"
    assert other_route("de", "en", prefer_model=True).label == "Argos pack de→en"


def test_a_direct_pack_is_second_guessed_through_english(packs, tmp_path):
    install(tmp_path, "de", "ru", seed=0)
    install(tmp_path, "de", "en", seed=3)
    install(tmp_path, "en", "ru", seed=4)
    assert other_route("de", "ru").label == "Argos packs de→en→ru"
    assert other_route("de", "en") is None
    retried = retry_sentences(("Die Preise steigen.",), "de", "ru")
    english = engine.translate_sentences(["Die Preise steigen."], "de", "en")
    assert retried.texts == tuple(engine.translate_sentences(english, "en", "ru"))


def copying(sentences, source, target, prefer_model=False, glossary=None):
    return tuple(sentences)  # a route that leaves everything untranslated


def test_a_flagged_sentence_is_retried_and_the_better_translation_kept_and_labelled():
    good = {source: translation for source, translation, *_ in GOOD_PAIRS}

    def other(sentences, source, target, prefer_model=False, glossary=None):
        return Retried("NLLB-200", "nllb@1", tuple(good.get(s, s) for s in sentences))

    steps = PLAIN.__class__(translate=copying, retry=other, can_translate=lambda s, t: True)
    text = "Title\n\n" + " ".join(s for s, _, language, _ in GOOD_PAIRS[:1]) + \
        " The minister said nothing at all today."
    result = analyse(Upload("en.txt", text.encode()), SummarySettings(), "en")
    translated = add_translation(result, TranslationSettings("ru", whole_article=True), steps)
    assert translated.translations[0] == good[GOOD_PAIRS[0][0]]  # the retry was better
    assert translated.retried == {0: "NLLB-200"}
    assert 0 not in translated.flags
    assert "copied" in translated.flags[1].kinds  # nothing better: the copy stays, flagged
    assert 1 not in translated.retried


def test_the_real_retry_never_keeps_a_worse_translation(model_area, tmp_path):
    install(tmp_path, "de", "en", seed=4)
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    result = analyse(Upload("de.txt", GERMAN.encode()), SummarySettings(), "de")
    first = {index: text for index, text in enumerate(
        engine.translate_sentences([s.text for s in result.article.sentences], "de", "en"))}
    translated = add_translation(result, TranslationSettings("en", whole_article=True))
    for index, sentence in enumerate(result.article.sentences):
        before = check_translation(sentence.text, first[index], "de", "en")
        after = check_translation(sentence.text, translated.translations[index], "de", "en")
        assert after.weight <= before.weight
        if index in translated.retried:
            assert translated.retried[index] == "NLLB-200"
            assert after.weight < before.weight
        else:
            assert translated.translations[index] == first[index]
        assert (index in translated.flags) == (not after.ok)


def test_batch_rows_count_the_flagged_sentences_and_why(packs, tmp_path):
    install(tmp_path, "de", "en", seed=4)
    data = GERMAN.encode()
    task = Task(0, "de.txt", "de.txt", data, "sha", "de.summary.txt")
    row = run_task(task, BatchSettings(SummarySettings(sentences=3), translate_to="en")).row
    flagged = row["flagged"]
    assert flagged["sentences"] >= 1
    assert flagged["sentences"] <= len(row["translation"])
    assert sum(flagged["reasons"].values()) >= flagged["sentences"]
    assert set(flagged["reasons"]) <= {"copied", "empty", "language", "script", "loop",
                                       "length", "glossary"}
    json.dumps(row)  # a manifest line
    untranslated = run_task(task, BatchSettings(SummarySettings(sentences=3))).row
    assert untranslated["flagged"] is None


def test_reopening_a_checked_translation_runs_no_model_even_for_retried_sentences(
        model_area, tmp_path, monkeypatch):
    from digest.library import open_library
    from digest.library.memory import with_memory
    from translator.engine import batching
    from translator.loading import LOADED

    install(tmp_path, "de", "en", seed=4)
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    library = open_library()
    steps = with_memory(PLAIN, lambda: library)
    result = analyse(Upload("de.txt", GERMAN.encode()), SummarySettings(), "de")
    settings = TranslationSettings("en", whole_article=True)
    first = add_translation(result, settings, steps)
    assert first.retried  # some sentences were better on the model

    runs = []
    real = batching._translate_tokens
    monkeypatch.setattr(batching, "_translate_tokens",
                        lambda runner, batch: runs.append(len(batch)) or real(runner, batch))
    engine.clear_translation_cache()
    LOADED.clear()  # as after a restart
    again = add_translation(result, settings, steps)
    assert runs == []
    assert again.translations == first.translations
    assert again.retried == first.retried
    assert again.flags == first.flags
