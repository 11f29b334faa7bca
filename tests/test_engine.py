"""The translation engine, run for real on tiny CTranslate2 packs built offline."""
from __future__ import annotations

import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from articles.building import build_article
from testkit.tinypack import build_tiny_pack
from testkit.translated import translate_text
from translator import engine
from translator.errors import MissingPairError, PackError, TranslatorError
from translator.loading import LOADED
from translator.packs.folders import installed_packs, remove_pack
from translator.packs.install import install_from_file
from translator.packs.loading import load_pack

ROOT = Path(__file__).resolve().parent.parent

GERMAN = (
    "Preise steigen\n\n"
    "Die Preise für Brot sind wieder gestiegen. Der Minister sagte nichts.\n\n"
    "Die Bahn wird nächstes Jahr eröffnet.\n\n"
    "Schüler feiern den Beginn des Schuljahres. Die Regierung hat den Haushalt beschlossen. "
    "Die Preise für Brot sind wieder gestiegen."
)


@pytest.fixture
def packs(packs_dir):
    """An empty packs dir of our own (tests.conftest.packs_dir), created."""
    packs_dir.mkdir()
    return packs_dir


def install(tmp_path: Path, from_code: str, to_code: str, seed: int, version: str = "1.0"):
    built = build_tiny_pack(tmp_path / f"built-{seed}-{version}", from_code, to_code, version, seed)
    return install_from_file(built)


@pytest.fixture
def de_en_ru(packs, tmp_path):
    install(tmp_path, "de", "en", seed=0)
    install(tmp_path, "en", "ru", seed=3)
    return packs


class TranslateBatchSpy:
    """Wraps a loaded ctranslate2.Translator and records every translate_batch call."""

    def __init__(self, translator):
        self.translator = translator
        self.calls: list[list[list[str]]] = []

    def translate_batch(self, source, *args, **kwargs):
        self.calls.append(source)
        return self.translator.translate_batch(source, *args, **kwargs)

    @property
    def sentences(self) -> int:
        return sum(len(batch) for batch in self.calls)


def spy_on(from_code: str, to_code: str) -> TranslateBatchSpy:
    pack = next(p for p in installed_packs() if (p.from_code, p.to_code) == (from_code, to_code))
    loaded = load_pack(pack)
    spy = TranslateBatchSpy(loaded.translator)
    loaded.translator = spy
    return spy


def test_direct_translation_keeps_paragraphs_and_pairs_every_sentence(de_en_ru):
    article = build_article("prices.txt", GERMAN, language="de")
    translation = translate_text(GERMAN, "de", "en")

    assert (translation.source_language, translation.target_language) == ("de", "en")
    assert translation.via == ()
    assert len(translation.paragraphs) == len(article.paragraphs) == 3
    for index, pairs in enumerate(translation.paragraphs):
        expected = [s.text for s in article.sentences if s.paragraph == index]
        assert [pair.source for pair in pairs] == expected
    assert [p.source for p in translation.sentences] == [s.text for s in article.sentences]
    assert translation.title.source == "Preise steigen"
    assert all(pair.target.strip() for pair in translation.sentences)
    assert translation.text.count("\n\n") == 3  # title + three paragraphs


def test_each_pair_holds_the_translation_of_its_own_sentence(de_en_ru):
    """Batching sorts sentences by length; the pairs must still line up."""
    together = translate_text(GERMAN, "de", "en").sentences
    assert len({pair.target for pair in together}) >= 4  # the tiny model tells them apart
    for pair in together:
        engine.clear_translation_cache()
        assert engine.translate_sentences([pair.source], "de", "en") == [pair.target]


def test_pivots_through_english_when_no_direct_pack(de_en_ru):
    sentences = ["Die Preise sind gestiegen.", "Der Minister sagte nichts."]
    translation = translate_text(" ".join(sentences), "de", "ru")
    assert translation.via == ("en",)
    english = engine.translate_sentences(sentences, "de", "en")
    assert [p.target for p in translation.sentences] == engine.translate_sentences(
        english, "en", "ru"
    )


def test_translation_is_deterministic_across_cache_and_reload(de_en_ru):
    first = translate_text(GERMAN, "de", "ru")
    engine.clear_translation_cache()
    LOADED.clear()
    second = translate_text(GERMAN, "de", "ru")
    assert first == second


def test_sentences_go_to_ctranslate2_in_batches(de_en_ru):
    spy = spy_on("de", "en")
    sentences = [f"Die Preise sind am Tag {number} gestiegen." for number in range(70)]
    outputs = engine.translate_sentences(sentences, "de", "en")
    assert len(outputs) == 70
    assert len(spy.calls) == math.ceil(70 / engine.BATCH_SIZE)
    assert all(len(batch) <= engine.BATCH_SIZE for batch in spy.calls)
    assert spy.sentences == 70


def test_repeated_sentences_are_translated_once(de_en_ru):
    spy = spy_on("de", "en")
    repeated = "Die Preise sind gestiegen."
    sentences = [repeated, "Der Minister sagte nichts.", repeated, repeated]
    outputs = engine.translate_sentences(sentences, "de", "en")
    assert spy.sentences == 2
    assert outputs[0] == outputs[2] == outputs[3]

    again = engine.translate_sentences([repeated, "Guten Morgen."], "de", "en")
    assert spy.sentences == 3  # only the new sentence went to the model
    assert again[0] == outputs[0]


def test_progress_counts_sentences_up_to_total(de_en_ru):
    calls: list[tuple[int, int]] = []
    sentences = [f"Satz Nummer {number} ist hier." for number in range(40)]
    engine.translate_sentences(sentences, "de", "ru", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (40, 40)
    assert all(total == 40 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert len(calls) >= 3  # start, then as batches complete


def test_empty_sentences_stay_empty(de_en_ru):
    calls = []
    outputs = engine.translate_sentences(
        ["", "   ", "Guten Morgen."], "de", "en", progress=lambda d, t: calls.append((d, t))
    )
    assert outputs[:2] == ["", ""]
    assert outputs[2]
    assert calls[-1] == (3, 3)
    assert engine.translate_sentences([], "de", "en") == []


def test_same_language_is_identity_without_any_pack(packs):
    article = build_article("a.txt", GERMAN, language="de")
    translation = translate_text(GERMAN, "de", "de")
    assert [p.target for p in translation.sentences] == [s.text for s in article.sentences]
    assert translation.via == ()
    assert translation.text.startswith(article.title)


def test_missing_pair_names_both_languages_and_how_to_install(de_en_ru):
    with pytest.raises(MissingPairError) as caught:
        engine.translate_sentences(["Привет, мир."], "ru", "de")
    message = str(caught.value)
    assert "Russian (ru)" in message and "German (de)" in message
    assert "Language packs page" in message
    assert "news-digest packages install ru de" in message
    assert isinstance(caught.value, TranslatorError)


def test_reachable_targets_and_can_translate(de_en_ru):
    assert engine.reachable_targets("de") == ["en", "ru"]
    assert engine.reachable_targets("en") == ["ru"]
    assert engine.reachable_targets("ru") == []
    assert engine.can_translate("de", "ru")
    assert engine.can_translate("kk", "kk")
    assert not engine.can_translate("ru", "de")


def test_removed_pack_gives_a_clear_error_and_loaded_translators_keep_working(de_en_ru):
    pack = next(p for p in installed_packs() if p.from_code == "de")
    loaded = load_pack(pack)
    before = engine.translate_sentences(["Guten Morgen."], "de", "en")

    remove_pack("de", "en")
    tokens = [loaded.tokenizer.encode("Guten Abend.")]
    assert loaded.translator.translate_batch(tokens, max_decoding_length=8)  # still in memory
    with pytest.raises(PackError, match="no longer installed"):
        load_pack(pack)
    with pytest.raises(MissingPairError):
        engine.translate_sentences(["Guten Morgen."], "de", "en")
    assert before[0]


def test_replaced_pack_is_reloaded_not_served_from_cache(de_en_ru, tmp_path):
    sentences = ["Die Preise sind gestiegen.", "Der Minister sagte nichts."]
    old = engine.translate_sentences(sentences, "de", "en")
    remove_pack("de", "en")
    install(tmp_path, "de", "en", seed=7, version="2.0")
    new = engine.translate_sentences(sentences, "de", "en")
    assert new != old


def test_concurrent_translations_during_an_install(de_en_ru, tmp_path):
    import threading

    expected = translate_text(GERMAN, "de", "ru").text
    engine.clear_translation_cache()
    results, errors = [], []

    def translate():
        try:
            results.append(translate_text(GERMAN, "de", "ru").text)
        except Exception as error:  # noqa: BLE001 - the test reports it
            errors.append(error)

    threads = [threading.Thread(target=translate) for _ in range(4)]
    threads.append(threading.Thread(target=install, args=(tmp_path, "en", "kk", 4)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [expected] * 4
    assert engine.can_translate("de", "kk")


def test_translating_never_imports_torch_stanza_spacy_or_argos_translate(de_en_ru):
    script = textwrap.dedent(
        """
        import sys
        from testkit.translated import translate_text
        result = translate_text("Die Preise sind gestiegen. Guten Morgen.", "de", "ru")
        assert result.via == ("en",) and result.text
        heavy = [m for m in ("torch", "stanza", "spacy", "argostranslate.translate")
                 if m in sys.modules]
        print("HEAVY", heavy)
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert "HEAVY []" in completed.stdout


def test_loaded_packs_are_shared_and_removed_ones_are_freed(de_en_ru, tmp_path):
    engine.translate_sentences(["Guten Morgen."], "de", "en")
    pack = next(p for p in installed_packs() if p.from_code == "de")
    assert load_pack(pack) is load_pack(pack)  # one load, shared
    count = len(LOADED)
    remove_pack("de", "en")
    install(tmp_path, "de", "en", seed=4, version="2.0")  # another directory name
    engine.translate_sentences(["Guten Morgen."], "de", "en")
    assert len(LOADED) == count  # the old model was let go


def test_older_bpe_packs_translate_too(packs, tmp_path):
    from testkit.tinypack import build_bpe_pack

    install_from_file(build_bpe_pack(tmp_path / "bpe", "de", "en", seed=0))
    sentences = ["Die Preise sind wieder gestiegen.", "Der Minister sagte nichts."]
    first = engine.translate_sentences(sentences, "de", "en")
    engine.clear_translation_cache()
    assert engine.translate_sentences(sentences, "de", "en") == first
    assert all(first) and first[0] != first[1]
