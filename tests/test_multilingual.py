"""Multilingual models (NLLB-200 layout) installed, listed, routed and run for real, offline."""
from __future__ import annotations

import json
import zipfile

import pytest
import sentencepiece

from testkit.tinymodel import FLORES_CODES, build_model_dir, build_model_zip, zip_model_dir
from testkit.tinypack import build_tiny_pack
from testkit.translated import translate_text
from tests.hostile_files import understate_size
from translator import engine
from translator.loading import LOADED
from translator.multilingual.install import install_model
from translator.multilingual.loading import load_model
from translator.multilingual.models import ModelError, installed_models, model_for, remove_model
from translator.packs.folders import installed_packs
from translator.packs.install import install_from_file
from translator.packs.loading import load_pack

KAZAKH = "Парламент жаңа бюджетті дүйсенбі күні бекітті. Нан мен жанармай бағасы тағы да өсті."
ENGLISH = "The parliament approved the new budget on Monday. Prices rose again this week."
MONGOLIAN = "Улаанбаатар хотод шинэ сургууль нээгдлээ."


@pytest.fixture
def area(model_area):
    """Empty packs and models folders of our own; engine caches emptied before and after."""
    return model_area


@pytest.fixture
def nllb(area):
    return install_model(build_model_dir(area / "downloads" / "nllb-200-tiny"))


class Spy:
    """Wraps the loaded ctranslate2.Translator; records what goes in and what comes out."""

    def __init__(self, translator):
        self.translator = translator
        self.sources: list[list[str]] = []
        self.prefixes: list[list[str]] = []
        self.options: list[dict] = []
        self.hypotheses: list[list[str]] = []

    def translate_batch(self, source, target_prefix=None, **options):
        self.sources += [list(tokens) for tokens in source]
        self.prefixes += [list(prefix) for prefix in target_prefix or []]
        self.options.append(options)
        results = self.translator.translate_batch(source, target_prefix=target_prefix, **options)
        self.hypotheses += [list(result.hypotheses[0]) for result in results]
        return results


def spy_on(model) -> Spy:
    loaded = load_model(model)
    spy = Spy(loaded.translator)
    loaded.translator = spy
    return spy


def pieces(model, text: str) -> list[str]:
    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(model.path / "sentencepiece.bpe.model")
    )
    return processor.encode(text, out_type=str)


def decoded(model, hypothesis: list[str]) -> str:
    processor = sentencepiece.SentencePieceProcessor(
        model_file=str(model.path / "sentencepiece.bpe.model")
    )
    markers = {token for _code, token in model.tokens} | {"<s>", "<pad>", "</s>", "<mask>"}
    return processor.decode_pieces([t for t in hypothesis if t not in markers]).strip()


# ---- install, list, remove ------------------------------------------------------------------

def test_a_model_folder_installs_and_lists_its_languages(area):
    folder = build_model_dir(area / "downloads" / "nllb-200-tiny")
    model = install_model(folder)
    assert model.family == "NLLB-200"
    assert model.path == area / "models" / "nllb-200-tiny"
    assert {"kk", "en", "mn", "ru", "uz", "tg", "ky", "be"} <= set(model.languages)
    assert model.token("kk") == "kaz_Cyrl" and model.token("mn") == "khk_Cyrl"
    assert "kk Kazakh (kaz_Cyrl)" in model.describe_languages()
    assert "non-commercial" in model.licence
    assert installed_models() == [model]
    assert folder.exists()  # copied, not moved


def test_a_zipped_model_installs_whether_files_sit_in_a_folder_or_at_the_root(area):
    in_folder = install_model(build_model_zip(area / "downloads", "nllb-a"))
    root_zip = zip_model_dir(build_model_dir(area / "unzipped"), area / "nllb-b.zip", top=None)
    at_root = install_model(root_zip)
    assert [m.name for m in installed_models()] == ["nllb-a", "nllb-b"]
    assert in_folder.languages == at_root.languages


def test_a_vocabulary_as_text_and_an_m2m_model_are_read_too(area):
    txt = install_model(build_model_dir(area / "d" / "nllb-txt", vocabulary_format="txt"))
    assert txt.token("uz") == "uzn_Latn"
    m2m = install_model(build_model_dir(area / "d" / "m2m-tiny", kind="m2m"))
    assert m2m.family == "M2M-100" and m2m.token("kk") == "__kk__" and "MIT" in m2m.licence


def test_removing_a_model_takes_its_languages_away(nllb):
    assert engine.can_translate("kk", "en")
    remove_model(nllb.name)
    assert installed_models() == []
    assert not engine.can_translate("kk", "en")
    with pytest.raises(ModelError, match="No multilingual model 'nllb-200-tiny'"):
        remove_model(nllb.name)


def test_reinstalling_replaces_the_model_in_place(nllb, area):
    again = install_model(build_model_dir(area / "other" / "nllb-200-tiny", seed=1))
    assert [m.name for m in installed_models()] == ["nllb-200-tiny"]
    assert again.path == nllb.path


@pytest.mark.parametrize(
    ("member", "data", "reason"),
    [
        ("../evil/model.bin", b"x", "points outside"),
        ("/etc/model.bin", b"x", "absolute path"),
        ("m/model.bin", b"\0" * (8 * 1024**2), "zip bomb"),
    ],
)
def test_a_hostile_zip_is_refused_and_changes_nothing(area, member, data, reason):
    hostile = area / "hostile.zip"
    with zipfile.ZipFile(hostile, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
        archive.writestr("m/config.json", "{}")
    with pytest.raises(ModelError, match=reason) as refused:
        install_model(hostile)
    assert "hostile.zip" in str(refused.value)
    assert not (area / "models").exists() or list((area / "models").iterdir()) == []
    assert not (area / "evil").exists()


def test_a_symlink_in_a_zip_is_refused(area):
    hostile = area / "link.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        info = zipfile.ZipInfo("m/model.bin")
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ModelError, match="symbolic link"):
        install_model(hostile)


def test_a_folder_without_language_codes_is_not_a_model(area):
    folder = build_model_dir(area / "d" / "broken")
    (folder / "shared_vocabulary.json").write_text(json.dumps(["<s>", "</s>", "a"]))
    with pytest.raises(ModelError, match="no language codes"):
        install_model(folder)
    missing = build_model_dir(area / "d" / "nospm")
    (missing / "sentencepiece.bpe.model").unlink()
    with pytest.raises(ModelError, match="missing sentencepiece.bpe.model"):
        install_model(missing)
    assert installed_models() == []


# ---- translating: the tokens sent to and taken from CTranslate2 ------------------------------

@pytest.mark.parametrize(
    ("source", "target", "text", "source_token", "target_token"),
    [
        ("kk", "en", KAZAKH, "kaz_Cyrl", "eng_Latn"),
        ("en", "kk", ENGLISH, "eng_Latn", "kaz_Cyrl"),
        ("mn", "ru", MONGOLIAN, "khk_Cyrl", "rus_Cyrl"),
    ],
)
def test_the_model_gets_framed_tokens_and_its_output_loses_the_target_code(
    nllb, source, target, text, source_token, target_token
):
    spy = spy_on(nllb)
    translation = translate_text(text, source, target)
    sentences = [pair.source for pair in translation.sentences]
    expected = [[source_token] + pieces(nllb, s) + ["</s>"] for s in sentences]
    assert sorted(spy.sources) == sorted(expected)
    assert spy.prefixes == [[target_token]] * len(sentences)
    assert all(o["beam_size"] == 4 and o["max_decoding_length"] == 256 for o in spy.options)
    assert all(h[0] == target_token for h in spy.hypotheses)
    by_source = {tuple(src): hyp for src, hyp in zip(spy.sources, spy.hypotheses, strict=True)}
    for pair in translation.sentences:
        hypothesis = by_source[tuple([source_token] + pieces(nllb, pair.source) + ["</s>"])]
        assert pair.target == decoded(nllb, hypothesis[1:])
    assert translation.model == "NLLB-200" and translation.route == "via NLLB-200"
    assert translation.via == ()


def test_the_same_sentence_into_two_languages_is_not_taken_from_the_cache(nllb):
    spy = spy_on(nllb)
    engine.translate_sentences([ENGLISH], "en", "kk")
    engine.translate_sentences([ENGLISH], "en", "ru")
    assert spy.prefixes == [["kaz_Cyrl"], ["rus_Cyrl"]]


# ---- routes ---------------------------------------------------------------------------------

def test_a_direct_pack_goes_first_unless_the_model_is_preferred(nllb, area):
    install_from_file(build_tiny_pack(area / "built", "en", "ru", seed=3))
    assert translate_text(ENGLISH, "en", "ru").model == ""
    preferred = translate_text(ENGLISH, "en", "ru", prefer_model=True)
    assert preferred.model == "NLLB-200" and preferred.route == "via NLLB-200"


def test_the_model_goes_before_a_route_through_english(nllb, area):
    install_from_file(build_tiny_pack(area / "built-a", "de", "en", seed=0))
    install_from_file(build_tiny_pack(area / "built-b", "en", "ru", seed=3))
    assert translate_text("Die Preise steigen.", "de", "ru").model == "NLLB-200"
    remove_model(nllb.name)
    through_english = translate_text("Die Preise steigen.", "de", "ru")
    assert through_english.via == ("en",) and through_english.route == "via English"


def test_reachable_targets_include_what_the_model_reaches(area):
    assert engine.reachable_targets("kk") == [] and engine.translatable_sources() == []
    install_model(build_model_dir(area / "d" / "nllb-200-tiny"))
    assert {"en", "ru", "mn", "uz", "tg", "ky", "be"} <= set(engine.reachable_targets("kk"))
    assert "kk" not in engine.reachable_targets("kk")
    assert engine.can_translate("uz", "mn") and not engine.can_translate("kk", "fr")
    assert {"kk", "uz", "mn", "tg", "ky", "be"} <= set(engine.translatable_sources())


def test_kazakh_without_a_model_names_the_model_not_a_pack_that_does_not_exist(area):
    with pytest.raises(engine.MissingPairError) as missing:
        engine.translate_sentences([KAZAKH], "kk", "en")
    message = str(missing.value)
    assert "Argos publishes no pack for Kazakh (kk)" in message
    assert "NLLB-200" in message and "kaz_Cyrl" in message
    assert "packages install kk en" not in message


def test_every_language_of_the_tiny_model_maps_to_an_iso_code(nllb):
    assert len(nllb.languages) == len(FLORES_CODES)


def test_a_removed_model_folder_is_reported_clearly(nllb):
    import shutil

    shutil.rmtree(nllb.path)
    LOADED.clear()
    with pytest.raises(engine.MissingPairError, match="Kazakh"):
        engine.translate_sentences([KAZAKH], "kk", "en")


def test_a_short_line_may_take_256_output_tokens_as_with_argos(area):
    """2n+16 cut short the translation of compact scripts (a 3-token zh line got 32 tokens)."""
    install_from_file(build_tiny_pack(area / "built", "en", "ru", seed=3))
    pack = next(p for p in installed_packs() if (p.from_code, p.to_code) == ("en", "ru"))
    loaded = load_pack(pack)
    spy = Spy(loaded.translator)
    loaded.translator = spy
    engine.translate_sentences(["Prices.", ENGLISH], "en", "ru")
    assert [o["max_decoding_length"] for o in spy.options] == [256]
    assert len(spy.sources) == 2


def test_an_m2m_model_is_framed_with_its_own_language_tokens(area):
    m2m = install_model(build_model_dir(area / "d" / "m2m-tiny", kind="m2m"))
    spy = spy_on(m2m)
    translation = translate_text(MONGOLIAN, "mn", "kk")
    assert spy.sources == [["__mn__"] + pieces(m2m, MONGOLIAN) + ["</s>"]]
    assert spy.prefixes == [["__kk__"]]
    assert translation.model == "M2M-100"
    assert translation.sentences[0].target == decoded(m2m, spy.hypotheses[0][1:])


def test_a_model_zip_whose_sizes_lie_is_refused_while_unpacking(area):
    """The directory claims 1 KB for model.bin, the data inflates to 20 MB: nothing stays."""
    folder = build_model_dir(area / "d" / "liar")
    upload = area / "liar.zip"
    with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in folder.iterdir():
            if path.name != "model.bin":
                archive.write(path, f"liar/{path.name}")
        with archive.open("liar/model.bin", "w") as member:
            for _ in range(20):
                member.write(bytes(1024**2))
    understate_size(upload, "liar/model.bin")
    with pytest.raises(ModelError, match="liar.zip: .*refused"):
        install_model(upload)
    assert installed_models() == []
    assert not (area / "models").exists() or list((area / "models").iterdir()) == []
    leftovers = [p for p in area.iterdir() if p.name.startswith(".models-staging")]
    assert leftovers == []


# ---- scripts: Uzbek in Cyrillic, Kazakh in Latin ----------------------------------------

UZBEK_CYRILLIC = (
    "Ўзбекистон ва Қирғизистон чегара масаласини муҳокама қилди.\n\n"
    "Ғалла ҳосили бу йил ўтган йилдагидан кўп бўлди."
)
UZBEK_LATIN = (
    "Oʻzbekiston va Qirgʻiziston chegara masalasini muhokama qildi.",
    "Gʻalla hosili bu yil oʻtgan yildagidan koʻp boʻldi.",
)
UZBEK_NOTE = "Uzbek in Cyrillic was transliterated to Latin for NLLB-200."


def test_uzbek_in_cyrillic_reaches_the_model_in_latin_and_the_translation_says_so(nllb):
    spy = spy_on(nllb)
    translation = translate_text(UZBEK_CYRILLIC, "uz", "en")
    expected = [["uzn_Latn"] + pieces(nllb, latin) + ["</s>"] for latin in UZBEK_LATIN]
    assert sorted(spy.sources) == sorted(expected)
    assert translation.notes == (UZBEK_NOTE,)
    assert translation.sentences[-1].source.startswith("Ғалла")  # shown as written


def test_uzbek_already_in_latin_goes_as_it_is_without_a_note(nllb):
    spy = spy_on(nllb)
    translation = translate_text(" ".join(UZBEK_LATIN), "uz", "en")
    assert sorted(spy.sources) == sorted(
        [["uzn_Latn"] + pieces(nllb, latin) + ["</s>"] for latin in UZBEK_LATIN]
    )
    assert translation.notes == ()


def test_the_dashboard_job_transliterates_and_its_note_says_so(nllb):
    from digest.job import Upload, add_translation, analyse
    from digest.settings import SummarySettings, TranslationSettings

    spy = spy_on(nllb)
    upload = Upload("uz.txt", ("Янгиликлар\n\n" + UZBEK_CYRILLIC).encode("utf-8"))
    result = add_translation(
        analyse(upload, SummarySettings(), override="uz", detect=False),
        TranslationSettings(target="en", whole_article=True),
    )
    assert result.translation_note == UZBEK_NOTE
    assert len(result.translations) == 2 and result.title_translation is not None
    sent = [tokens[1:-1] for tokens in spy.sources]
    for latin in (*UZBEK_LATIN, "Yangiliklar"):
        assert pieces(nllb, latin) in sent
    assert all(tokens[0] == "uzn_Latn" for tokens in spy.sources)


def test_the_translator_cli_transliterates_and_says_so(nllb, tmp_path, capsys):
    from cli.main import main

    path = tmp_path / "uz.txt"
    path.write_text(UZBEK_CYRILLIC, encoding="utf-8")
    spy = spy_on(nllb)
    assert main(["translate", "--source", "uz", "--target", "en", str(path)]) == 0
    assert f"uz.txt: {UZBEK_NOTE}" in capsys.readouterr().err
    assert sorted(tokens[1:-1] for tokens in spy.sources) == sorted(
        pieces(nllb, latin) for latin in UZBEK_LATIN
    )


def test_kazakh_in_latin_reaches_an_m2m_model_in_cyrillic(area):
    m2m = install_model(build_model_dir(area / "d" / "m2m-tiny", kind="m2m"))
    spy = spy_on(m2m)
    translation = translate_text(
        "Parlament jaña büdjettı düisenbı künı bekıttı.", "kk", "en"
    )
    assert spy.sources == [
        ["__kk__"] + pieces(m2m, "Парламент жаңа бүджетті дүйсенбі күні бекітті.") + ["</s>"]
    ]
    assert translation.notes == ("Kazakh in Latin was transliterated to Cyrillic for M2M-100.",)


@pytest.mark.parametrize("code", ["ky", "tk", "tt", "ug"])
def test_m2m_is_never_asked_for_a_language_it_has_no_token_for(area, code):
    m2m = install_model(build_model_dir(area / "d" / "m2m-tiny", kind="m2m"))
    assert code not in m2m.languages and m2m.token(code) is None
    assert model_for(code, "en") is None and model_for("en", code) is None
    assert not engine.can_translate(code, "en")
    spy = spy_on(m2m)
    with pytest.raises(engine.MissingPairError):
        engine.translate_sentences(["Sentence."], code, "en")
    assert spy.sources == []


def test_kyrgyz_goes_to_nllb_with_its_own_code(nllb):
    spy = spy_on(nllb)
    engine.translate_sentences(["Бишкекте жаңы мектеп ачылды."], "ky", "en")
    assert spy.sources[0][0] == "kir_Cyrl"
