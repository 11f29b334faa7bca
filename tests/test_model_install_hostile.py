"""Bad model files are refused at install with a one-line reason, and nothing reaches the models
folder: an HTML page or a truncated/padded/garbage model.bin, oversized or deeply nested JSON, a
broken SentencePiece model, a corrupt or truncated zip."""
from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from testkit.tinymodel import build_model_dir, zip_model_dir
from testkit.translated import translate_text
from testkit.trees import snapshot
from translator import engine
from translator.loading import LOADED
from translator.multilingual.install import install_model
from translator.multilingual.models import ModelError, installed_models

HTML = b"<!DOCTYPE html>\n<html><head><title>Sign in to Hotel Wi-Fi</title></head></html>"


@pytest.fixture
def area(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "area" / "packs"))
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(tmp_path / "area" / "models"))
    engine.clear_translation_cache()
    LOADED.clear()
    yield tmp_path
    LOADED.clear()


def model_folder(area, name: str = "nllb-200-tiny"):
    return build_model_dir(area / "downloads" / name)


def refuse(source, area, match: str) -> str:
    """install_model(source) is refused with one line matching match; nothing changed."""
    before = snapshot(area / "area")
    with pytest.raises(ModelError, match=match) as refused:
        install_model(source, name=source.name)
    message = str(refused.value)
    assert message.startswith(f"{source.name}: ") and "\n" not in message
    assert snapshot(area / "area") == before
    assert installed_models() == []
    return message


def replace(folder, name: str, data: bytes):
    (folder / name).write_bytes(data)
    return folder


def test_the_unchanged_tiny_model_installs(area):
    """The control: the same folder without damage is accepted."""
    model = install_model(model_folder(area))
    assert installed_models() == [model]


def test_an_html_page_of_the_right_length_as_model_bin_is_refused(area):
    folder = model_folder(area)
    size = (folder / "model.bin").stat().st_size
    replace(folder, "model.bin", HTML.ljust(size, b" "))
    refuse(folder, area, "model.bin is an HTML page, not model weights")


@pytest.mark.parametrize("damage, reason", [
    (lambda data: data[: len(data) // 2], "model.bin is truncated: .* bytes, but its own header"),
    (lambda data: data[:-1], "model.bin is truncated"),
    (lambda data: data + data[:4096], "model.bin has 4,096 bytes after the model's end"),
    (lambda data: bytes(len(data)), "model.bin does not start like a CTranslate2 model"),
    (lambda data: b"\x07\x00\x00\x00" + data[4:], "written by a newer CTranslate2 .format 7"),
    (lambda data: data[:4] + b"\xff\xff" + data[6:], "model.bin is (truncated|not a CTranslate2)"),
])
def test_a_damaged_model_bin_is_refused_with_the_reason(area, damage, reason):
    folder = model_folder(area)
    replace(folder, "model.bin", damage((folder / "model.bin").read_bytes()))
    refuse(folder, area, reason)


def test_a_deeply_nested_config_is_refused(area):
    folder = replace(model_folder(area), "config.json", b"[" * 100_000 + b"]" * 100_000)
    refuse(folder, area, "config.json is nested too deeply")


def test_a_config_over_2_mb_is_refused(area):
    config = json.dumps({"padding": "x" * (2 * 1024**2)}).encode()
    folder = replace(model_folder(area), "config.json", config)
    refuse(folder, area, "config.json is larger than 1 MB")


def test_a_huge_or_nested_tokenizer_file_is_refused(area):
    folder = replace(model_folder(area, "one"), "tokenizer_config.json",
                     json.dumps({"x": "y" * (2 * 1024**2)}).encode())
    refuse(folder, area, "tokenizer_config.json is larger than 1 MB")
    folder = replace(model_folder(area, "two"), "special_tokens_map.json",
                     b'{"a":' * 100 + b"1" + b"}" * 100)
    refuse(folder, area, "special_tokens_map.json is nested more than 64 levels deep")
    folder = replace(model_folder(area, "three"), "tokenizer.json", b"{\"model\": ")
    refuse(folder, area, "tokenizer.json is not valid JSON")


def test_a_broken_sentencepiece_model_is_refused(area):
    folder = replace(model_folder(area, "garbage"), "sentencepiece.bpe.model", b"\x00" * 5000)
    refuse(folder, area, "sentencepiece.bpe.model is not a SentencePiece model")
    folder = replace(model_folder(area, "html"), "sentencepiece.bpe.model", HTML)
    refuse(folder, area, "sentencepiece.bpe.model is an HTML page")
    folder = replace(model_folder(area, "empty"), "sentencepiece.bpe.model", b"")
    refuse(folder, area, "sentencepiece.bpe.model is empty")
    folder = model_folder(area, "huge")
    with open(folder / "sentencepiece.bpe.model", "r+b") as spm:  # sparse, costs no disk
        spm.truncate(65 * 1024**2)
    refuse(folder, area, "sentencepiece.bpe.model is larger than 64 MB")


def test_a_zip_with_an_html_model_bin_is_refused(area):
    folder = model_folder(area)
    replace(folder, "model.bin", HTML * 100)
    upload = zip_model_dir(folder, area / "uploads" / "nllb.zip", top="nllb")
    refuse(upload, area, "model.bin is an HTML page")


def test_a_zip_whose_config_is_over_its_cap_is_refused_before_unpacking(area):
    folder = model_folder(area)
    replace(folder, "config.json", b" " * (3 * 1024**2) + b"{}")  # compresses ~1000:1
    upload = area / "uploads" / "nllb.zip"
    upload.parent.mkdir()
    with zipfile.ZipFile(upload, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"nllb/{path.name}")
    refuse(upload, area, r"config.json is 3.0 MB \(limit 1 MB\)")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_model_zip_is_refused(area, cut):
    upload = zip_model_dir(model_folder(area), area / "uploads" / "nllb.zip", top="nllb")
    data = upload.read_bytes()
    upload.write_bytes(data[: int(len(data) * cut)])
    refuse(upload, area, "the archive is damaged")


def test_a_zip_with_a_flipped_byte_in_model_bin_is_refused(area):
    folder = model_folder(area)
    upload = zip_model_dir(folder, area / "uploads" / "nllb.zip", top="nllb")
    data = bytearray(upload.read_bytes())
    with zipfile.ZipFile(upload) as archive:
        info = archive.getinfo("nllb/model.bin")
    data[info.header_offset + 30 + len(info.filename) + 100] ^= 0xFF  # inside its data
    upload.write_bytes(bytes(data))
    refuse(upload, area, "the archive is damaged")


def test_a_file_that_is_no_zip_and_no_folder_is_refused(area):
    upload = area / "uploads" / "model.zip"
    upload.parent.mkdir()
    upload.write_bytes(HTML)
    refuse(upload, area, "the archive is damaged")


def test_a_refused_model_leaves_the_installed_one_working(area):
    good = install_model(model_folder(area, "nllb-200-tiny"))
    bad = model_folder(area, "second")
    replace(bad, "model.bin", (bad / "model.bin").read_bytes()[:1000])
    before = snapshot(area / "area")
    with pytest.raises(ModelError, match="model.bin is truncated"):
        install_model(bad)
    assert snapshot(area / "area") == before
    assert installed_models() == [good]
    assert translate_text("Нан мен жанармай бағасы өсті.", "kk", "en").model == "NLLB-200"
    shutil.rmtree(bad)
