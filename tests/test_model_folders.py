"""A bad folder in the models folder is listed as broken with its reason and breaks nothing else:
the other models and the Argos packs are still listed and translate."""
from __future__ import annotations

import os
import shutil
import time
import tracemalloc

import pytest

from cli.main import main as cli_main
from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from testkit.translated import translate_text
from translator import engine
from translator.multilingual.install import install_model
from translator.multilingual.models import ModelError, installed_models, remove_model, scan_models
from translator.packs.install import install_from_file

KAZAKH = "Парламент жаңа бюджетті дүйсенбі күні бекітті."
ENGLISH = "The parliament approved the new budget on Monday."


@pytest.fixture
def area(model_area):
    """A good NLLB model and an en -> ru Argos pack installed; caches emptied around."""
    install_model(build_model_dir(model_area / "downloads" / "nllb-good"))
    install_from_file(build_tiny_pack(model_area / "built", "en", "ru", seed=3))
    return model_area


def hand_copied(area, name: str):
    """A copy of a good model's files put straight into the models folder, as a reader would."""
    return shutil.copytree(build_model_dir(area / "source" / name), area / "models" / name)


def assert_the_others_still_work(capsys) -> None:
    assert [m.name for m in installed_models()] == ["nllb-good"]
    assert translate_text(KAZAKH, "kk", "en").model == "NLLB-200"
    assert translate_text(ENGLISH, "en", "ru").model == ""  # the Argos pack
    assert engine.can_translate("kk", "mn")
    assert cli_main(["packages", "list"]) == 0
    listed = capsys.readouterr().out
    assert "en\tru\t" in listed and "nllb-good\tNLLB-200" in listed


def broken_reason(name: str) -> str:
    [skipped] = scan_models().skipped
    assert skipped.path.name == name and skipped.reason.startswith("broken: ")
    return skipped.reason


def test_a_deeply_nested_config_is_listed_as_broken_and_routes_still_work(area, capsys):
    folder = hand_copied(area, "nested")
    (folder / "config.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "config.json is nested too deeply" in broken_reason("nested")
    assert_the_others_still_work(capsys)


def test_a_config_nested_within_json_s_own_limit_is_still_refused(area, capsys):
    folder = hand_copied(area, "deep")
    (folder / "config.json").write_text('{"a":' * 200 + "1" + "}" * 200, encoding="utf-8")
    assert "config.json is nested more than 64 levels deep" in broken_reason("deep")
    assert_the_others_still_work(capsys)


def test_a_huge_config_is_refused_from_its_size_without_being_read(area, capsys):
    folder = hand_copied(area, "huge-config")
    with open(folder / "config.json", "wb") as config:  # sparse: 300 MB that cost no disk
        config.truncate(300 * 1024**2)
    tracemalloc.start()
    try:
        started = time.monotonic()
        reason = broken_reason("huge-config")
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "config.json is larger than 1 MB" in reason
    assert peak < 20 * 1024**2 and elapsed < 2
    assert_the_others_still_work(capsys)


def test_a_truncated_model_bin_copied_by_hand_is_listed_as_broken(area, capsys):
    folder = hand_copied(area, "half")
    data = (folder / "model.bin").read_bytes()
    (folder / "model.bin").write_bytes(data[: len(data) // 2])
    assert "model.bin is truncated" in broken_reason("half")
    assert_the_others_still_work(capsys)


def test_an_html_page_saved_as_model_bin_is_listed_as_broken(area, capsys):
    folder = hand_copied(area, "portal")
    size = (folder / "model.bin").stat().st_size
    page = b"<!DOCTYPE html><html><body>Please log in to the Wi-Fi</body></html>"
    (folder / "model.bin").write_bytes(page.ljust(size, b" "))
    assert "model.bin is an HTML page" in broken_reason("portal")
    assert_the_others_still_work(capsys)


def test_an_unreadable_vocabulary_and_a_missing_file_are_listed_with_their_reasons(area):
    unreadable = hand_copied(area, "a-unreadable")
    (unreadable / "shared_vocabulary.json").write_bytes(b"\xff\xfe not json")
    missing = hand_copied(area, "b-missing")
    os.unlink(missing / "config.json")
    reasons = {s.path.name: s.reason for s in scan_models().skipped}
    assert "shared_vocabulary.json is not UTF-8 text" in reasons["a-unreadable"]
    assert "missing config.json" in reasons["b-missing"]
    assert [m.name for m in installed_models()] == ["nllb-good"]


def test_a_broken_folder_fixed_in_place_is_read_again(area):
    folder = hand_copied(area, "fixed-later")
    good = (folder / "config.json").read_bytes()
    (folder / "config.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    assert [m.name for m in installed_models()] == ["nllb-good"]
    (folder / "config.json").write_bytes(good)
    assert [m.name for m in installed_models()] == ["fixed-later", "nllb-good"]


def test_a_broken_folder_can_be_removed_by_its_name(area):
    folder = hand_copied(area, "nested")
    (folder / "config.json").write_text("[" * 100_000, encoding="utf-8")
    remove_model("nested")
    assert not folder.exists() and scan_models().skipped == []
    with pytest.raises(ModelError, match="No multilingual model 'nested' is installed"):
        remove_model("nested")
