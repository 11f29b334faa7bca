"""The offline test packs are real: Argos reads their metadata, CTranslate2 loads and runs them."""
import json
import zipfile

import ctranslate2
import sentencepiece as spm

from testkit.tinypack import build_tiny_pack, install_unzipped

SENTENCES = ["Die Preise sind wieder gestiegen.", "Парламент утвердил бюджет.", "Hello world"]


def _translate(pack_dir, sentences):
    translator = ctranslate2.Translator(str(pack_dir / "model"), device="cpu", intra_threads=1)
    tokenizer = spm.SentencePieceProcessor(model_file=str(pack_dir / "sentencepiece.model"))
    tokens = [tokenizer.encode(sentence, out_type=str) for sentence in sentences]
    results = translator.translate_batch(tokens, beam_size=2, max_decoding_length=40)
    return [tokenizer.decode_pieces(result.hypotheses[0]) for result in results]


def test_pack_is_a_zip_with_one_top_directory_and_argos_metadata(tmp_path):
    pack = build_tiny_pack(tmp_path, "de", "en", version="1.2")
    assert pack.suffix == ".argosmodel" and pack.exists()
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        tops = {name.split("/")[0] for name in names}
        assert len(tops) == 1
        top = tops.pop()
        assert f"{top}/model/model.bin" in names
        assert f"{top}/sentencepiece.model" in names
        metadata = json.loads(archive.read(f"{top}/metadata.json"))
    assert metadata["from_code"] == "de" and metadata["to_code"] == "en"
    assert metadata["from_name"] == "German" and metadata["to_name"] == "English"
    assert metadata["package_version"] == "1.2"
    assert metadata["type"] == "translate"


def test_argos_reads_the_installed_pack(tmp_path):
    import argostranslate.package

    pack_dir = install_unzipped(build_tiny_pack(tmp_path, "en", "ru"), tmp_path / "packs")
    package = argostranslate.package.Package(pack_dir)
    assert (package.from_code, package.to_code, package.package_version) == ("en", "ru", "1.0")
    assert type(package.tokenizer).__name__ == "SentencePieceTokenizer"


def test_pack_loads_and_translates_deterministically(tmp_path):
    pack_dir = install_unzipped(build_tiny_pack(tmp_path, "de", "en"), tmp_path / "packs")
    first = _translate(pack_dir, SENTENCES)
    second = _translate(pack_dir, SENTENCES)
    assert first == second
    assert len(first) == len(SENTENCES)
    assert any(first), "a translation produced no text at all"


def test_seed_changes_the_model(tmp_path):
    one = install_unzipped(build_tiny_pack(tmp_path / "a", "de", "en", seed=1), tmp_path / "p1")
    two = install_unzipped(build_tiny_pack(tmp_path / "b", "de", "en", seed=2), tmp_path / "p2")
    assert (one / "model" / "model.bin").read_bytes() != (two / "model" / "model.bin").read_bytes()
    assert _translate(one, SENTENCES) != _translate(two, SENTENCES)
