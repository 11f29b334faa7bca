"""Installed packs: where they live, listing, reinstalling, removing — with tiny real packs."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from argostranslate.package import get_installed_packages

from translator.errors import PackError
from translator.packs.folders import Pack, installed_packs, packages_dir, remove_pack
from translator.packs.install import install_from_file


@pytest.fixture
def packs(packs_dir) -> Path:
    return packs_dir


def tree(directory: Path) -> dict[str, int]:
    return {
        str(path.relative_to(directory)): path.stat().st_size if path.is_file() else -1
        for path in sorted(directory.rglob("*"))
    }


def pack_dirs(packs: Path) -> list[str]:
    """What Argos sees in the packs dir (our .lock file aside)."""
    return sorted(name for name in os.listdir(packs) if name != ".lock")


def test_packages_dir_follows_the_environment_at_call_time(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "one"))
    assert packages_dir() == tmp_path / "one"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "two"))
    assert packages_dir() == tmp_path / "two"


def test_packages_dir_defaults_to_argos_own_directory(monkeypatch):
    from argostranslate import settings

    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setattr(settings, "load_settings_dict", dict)  # ignore a user's settings.json
    assert packages_dir() == settings.data_dir / "packages"


def test_no_packs_directory_means_no_packs(packs):
    assert not packs.exists()
    assert installed_packs() == []


def test_install_list_and_remove_a_real_pack(packs, pack_files):
    pack = install_from_file(pack_files["en_de"])

    assert isinstance(pack, Pack)
    assert (pack.from_code, pack.to_code, pack.version) == ("en", "de", "1.0")
    assert (pack.from_name, pack.to_name) == ("English", "German")
    assert pack.path.parent == packs
    assert pack.path.name == "translate-en_de-1_0"  # the zip's top directory, as Argos names it
    files = [path for path in pack.path.rglob("*") if path.is_file()]
    assert pack.size_bytes == sum(path.stat().st_size for path in files) > 300_000
    assert (pack.path / "model" / "model.bin").is_file()
    assert installed_packs() == [pack]

    remove_pack("en", "de")
    assert installed_packs() == []
    assert not pack.path.exists()
    assert pack_dirs(packs) == []


def test_argos_itself_finds_what_we_install(packs, pack_files):
    install_from_file(pack_files["en_de"])
    install_from_file(pack_files["de_en"])
    found = get_installed_packages(path=[packs])
    assert sorted((p.from_code, p.to_code) for p in found) == [("de", "en"), ("en", "de")]


def test_packs_installed_by_argos_are_listed(packs, pack_files):
    import zipfile

    packs.mkdir()
    with zipfile.ZipFile(pack_files["en_ru"]) as archive:  # what argostranslate does
        archive.extractall(packs)
    [pack] = installed_packs()
    assert (pack.from_code, pack.to_code, pack.path.name) == ("en", "ru", "translate-en_ru-1_0")


def test_several_pairs_listed_in_order_and_removed_one_by_one(packs, pack_files):
    for key in ("en_ru", "de_en", "en_de"):
        install_from_file(pack_files[key])
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [
        ("de", "en"), ("en", "de"), ("en", "ru")
    ]
    remove_pack("en", "de")
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [("de", "en"), ("en", "ru")]


def test_a_newer_version_replaces_the_old_one(packs, pack_files):
    old = install_from_file(pack_files["en_de"])
    new = install_from_file(pack_files["en_de_1.1"])
    assert new.version == "1.1"
    assert installed_packs() == [new]
    assert not old.path.exists()
    assert sorted(pack_dirs(packs)) == ["translate-en_de-1_1"]


def test_reinstalling_the_same_pack_swaps_it_in_place(packs, pack_files):
    first = install_from_file(pack_files["en_de"])
    (first.path / "stale-file").write_text("left over from the old copy")
    second = install_from_file(pack_files["en_de"])
    assert second.path == first.path
    assert not (second.path / "stale-file").exists()
    assert installed_packs() == [second]
    assert sorted(os.listdir(packs.parent)) == ["packs"]  # no staging left behind


def test_removing_a_pack_that_is_not_installed_is_a_clear_error(packs, pack_files):
    install_from_file(pack_files["de_en"])
    before = tree(packs)
    with pytest.raises(PackError, match="No en → de language pack is installed"):
        remove_pack("en", "de")
    assert tree(packs) == before


def test_unreadable_directories_in_the_packs_dir_are_skipped(packs, pack_files):
    install_from_file(pack_files["en_de"])
    (packs / "no-metadata").mkdir()
    (packs / "bad-json").mkdir()
    (packs / "bad-json" / "metadata.json").write_text("{not json")
    (packs / "not-a-list").mkdir()
    (packs / "not-a-list" / "metadata.json").write_text(json.dumps([1, 2]))
    (packs / "stray-file.txt").write_text("hello")
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [("en", "de")]


def test_the_upload_name_is_used_in_messages(packs, tmp_path):
    upload = tmp_path / "tmpab12cd"
    upload.write_bytes(b"this is no zip")
    with pytest.raises(PackError, match=r"^my-pack\.argosmodel: "):
        install_from_file(upload, name="my-pack.argosmodel")


def test_a_symlinked_pack_is_listed_and_removing_it_keeps_the_target(packs, pack_files, tmp_path):
    import zipfile

    shared = tmp_path / "shared"
    with zipfile.ZipFile(pack_files["en_ru"]) as archive:
        archive.extractall(shared)
    packs.mkdir()
    (packs / "en_ru").symlink_to(shared / "translate-en_ru-1_0", target_is_directory=True)
    [pack] = installed_packs()
    assert (pack.from_code, pack.to_code) == ("en", "ru") and pack.size_bytes > 300_000
    remove_pack("en", "ru")
    assert installed_packs() == []
    assert (shared / "translate-en_ru-1_0" / "model" / "model.bin").is_file()


def test_when_the_parent_is_read_only_staging_happens_hidden_inside(packs, pack_files, monkeypatch):
    """E.g. a packs dir in a system location: the hidden staging dir is skipped and cleaned up."""
    import translator.locking

    monkeypatch.setattr(translator.locking.os, "access", lambda *args: False)
    pack = install_from_file(pack_files["en_de"])
    assert installed_packs() == [pack]
    assert pack_dirs(packs) == ["translate-en_de-1_0"]
    assert sorted(os.listdir(packs.parent)) == ["packs"]
    remove_pack("en", "de")
    assert pack_dirs(packs) == []
