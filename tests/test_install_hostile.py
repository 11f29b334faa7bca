"""Hostile or broken .argosmodel files are refused, naming the file, and nothing is written.

"Nothing written" is checked on the whole test area: the packs directory, its parent (where the
staging directory lives) and the targets that zip-slip entries aim at.
"""
from __future__ import annotations

import json
import shutil
import stat
import time
import uuid
import zipfile
from pathlib import Path

import pytest

from testkit.tinypack import build_tiny_pack
from testkit.trees import snapshot
from tests.hostile_files import understate_size
from translator.errors import PackError
from translator.packs.folders import installed_packs
from translator.packs.install import install_from_file

METADATA = json.dumps({"from_code": "en", "to_code": "de", "package_version": "1.0"})


@pytest.fixture
def area(tmp_path, monkeypatch) -> Path:
    """tmp_path/area/packs is the packs dir; uploads live in tmp_path/uploads."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "area" / "packs"))
    (tmp_path / "uploads").mkdir()
    return tmp_path / "area"



def fake_pack(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return path


def good_entries(top: str = "translate-en_de-1_0") -> dict[str, bytes | str]:
    return {f"{top}/metadata.json": METADATA, f"{top}/model/model.bin": b"junk weights" * 10}


def refuse(upload: Path, area: Path, match: str) -> PackError:
    before = snapshot(area.parent)
    with pytest.raises(PackError, match=match) as refused:
        install_from_file(upload)
    assert str(refused.value).startswith(f"{upload.name}: ")
    assert snapshot(area.parent) == before
    assert installed_packs() == []
    return refused.value


def test_a_fake_but_well_formed_pack_is_accepted(area, tmp_path):
    """The control for the cases below: the same helper builds an installable pack."""
    pack = install_from_file(fake_pack(tmp_path / "uploads" / "ok.argosmodel", good_entries()))
    assert (pack.from_code, pack.to_code) == ("en", "de")


def test_zip_slip_with_dot_dot_is_refused(area, tmp_path):
    entries = good_entries() | {"../evil": b"pwned", "translate-en_de-1_0/../../evil2": b"x"}
    upload = fake_pack(tmp_path / "uploads" / "slip.argosmodel", entries)
    refuse(upload, area, r"'\.\./evil' points outside the pack")
    for base in (area, area / "packs", tmp_path, tmp_path / "uploads"):
        assert not (base / "evil").exists()
        assert not (base / "evil2").exists()


def test_an_absolute_path_is_refused(area, tmp_path):
    target = Path("/tmp") / f"evil-{uuid.uuid4().hex}"
    upload = fake_pack(
        tmp_path / "uploads" / "abs.argosmodel", good_entries() | {str(target): b"pwned"}
    )
    refuse(upload, area, "has an absolute path")
    assert not target.exists()


def test_a_windows_style_path_is_refused(area, tmp_path):
    upload = fake_pack(
        tmp_path / "uploads" / "win.argosmodel", good_entries() | {"..\\..\\evil": b"pwned"}
    )
    refuse(upload, area, "backslash")


def test_a_symlink_entry_is_refused(area, tmp_path):
    link = zipfile.ZipInfo("translate-en_de-1_0/link")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    upload = tmp_path / "uploads" / "link.argosmodel"
    fake_pack(upload, good_entries())
    with zipfile.ZipFile(upload, "a") as archive:
        archive.writestr(link, "/etc/passwd")
    refuse(upload, area, "symbolic link")


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ({"top/model/model.bin": b"weights"}, "metadata.json is missing"),
        ({"top/metadata.json": METADATA}, "model/model.bin is missing"),
        ({"top/metadata.json": METADATA, "top/model/model.bin": b""}, "model.bin is empty"),
        ({"top/metadata.json": "{oops", "top/model/model.bin": b"w"}, "not valid JSON"),
        ({"top/metadata.json": "[1, 2]", "top/model/model.bin": b"w"}, "not a JSON object"),
        (
            {"top/metadata.json": json.dumps({"to_code": "de"}), "top/model/model.bin": b"w"},
            "no from_code",
        ),
        (
            {"top/metadata.json": json.dumps({"from_code": "en"}), "top/model/model.bin": b"w"},
            "no to_code",
        ),
        (
            {
                "top/metadata.json": json.dumps({"from_code": "en/../x", "to_code": "de"}),
                "top/model/model.bin": b"w",
            },
            "invalid from_code",
        ),
        (good_entries("one") | good_entries("two"), "exactly one top directory"),
        (good_entries("top") | {"stray.txt": b"hi"}, "outside the pack's top directory"),
        (good_entries("..hidden"), "not a safe directory name"),
    ],
    ids=[
        "no-metadata", "no-model", "empty-model", "bad-json", "json-list", "no-from-code",
        "no-to-code", "unsafe-code", "two-top-dirs", "file-at-top", "bad-top-name",
    ],
)
def test_a_malformed_pack_is_refused_with_the_reason(area, tmp_path, entries, reason):
    upload = fake_pack(tmp_path / "uploads" / "malformed.argosmodel", entries)
    refuse(upload, area, reason)


def test_not_a_zip_is_refused(area, tmp_path):
    upload = tmp_path / "uploads" / "notes.argosmodel"
    upload.write_text("Just some text, not a language pack.\n" * 50)
    refuse(upload, area, "not an Argos language pack")


def test_an_empty_file_is_refused(area, tmp_path):
    upload = tmp_path / "uploads" / "empty.argosmodel"
    upload.write_bytes(b"")
    refuse(upload, area, "the file is empty")


def test_a_truncated_real_pack_is_refused(area, tmp_path):
    whole = build_tiny_pack(tmp_path, "en", "de").read_bytes()
    upload = tmp_path / "uploads" / "cut.argosmodel"
    upload.write_bytes(whole[: len(whole) // 2])
    refuse(upload, area, "not an Argos language pack")


def test_a_real_pack_with_a_corrupted_body_is_refused(area, tmp_path):
    data = bytearray(build_tiny_pack(tmp_path, "en", "de").read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # inside model.bin's compressed data
    upload = tmp_path / "uploads" / "corrupt.argosmodel"
    upload.write_bytes(bytes(data))
    refuse(upload, area, "damaged")


def zeros_member(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with archive.open(name, "w") as member:
        chunk = bytes(1024**2)
        for _ in range(megabytes):
            member.write(chunk)


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """Under 1 MB on disk, 200 MB of zeros inside (a real bomb would be far larger)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.argosmodel"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("top/metadata.json", METADATA)
        zeros_member(archive, "top/model/model.bin", 200)
    return path


def test_a_zip_bomb_is_refused_from_its_declared_sizes(area, tmp_path, zip_bomb):
    assert zip_bomb.stat().st_size < 1024**2
    started = time.perf_counter()
    message = refuse(zip_bomb, area, r"inflates \d+:1 .*zip bomb")
    elapsed = time.perf_counter() - started
    assert "model/model.bin" in str(message)
    assert elapsed < 5  # generous; it is a central-directory check (ms). Not a benchmark.


def test_a_zip_bomb_with_lying_header_sizes_is_refused_while_unpacking(area, tmp_path):
    """The directory claims 1 KB, the data inflates to 50 MB: unpacking stops, nothing stays."""
    upload = tmp_path / "uploads" / "liar.argosmodel"
    with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("top/metadata.json", METADATA)
        zeros_member(archive, "top/model/model.bin", 50)
    understate_size(upload, "top/model/model.bin")
    with zipfile.ZipFile(upload) as archive:  # the lie is what the central directory says
        assert archive.getinfo("top/model/model.bin").file_size == 1024
    refuse(upload, area, "damaged")


def test_a_refused_pack_leaves_an_installed_pack_untouched(area, tmp_path):
    good = install_from_file(build_tiny_pack(tmp_path / "uploads", "en", "de"))
    hostile = fake_pack(
        tmp_path / "uploads" / "slip.argosmodel",
        good_entries() | {"translate-en_de-1_0/../../../evil": b"pwned"},
    )
    before = snapshot(area.parent)
    with pytest.raises(PackError, match="points outside the pack"):
        install_from_file(hostile)
    assert snapshot(area.parent) == before
    assert installed_packs() == [good]


def test_a_pack_for_a_different_top_name_with_the_same_pair_replaces_it(area, tmp_path):
    """Two copies of a pair never stay installed side by side, whatever the directory names."""
    first = install_from_file(build_tiny_pack(tmp_path / "uploads", "en", "de"))
    second = install_from_file(fake_pack(tmp_path / "uploads" / "x.argosmodel", good_entries("x")))
    assert installed_packs() == [second]
    assert not first.path.exists()


def test_randomly_damaged_packs_are_refused_cleanly_or_installed_whole(area, tmp_path):
    """Seeded byte flips and cuts anywhere in a real pack: a PackError, never another exception,
    and never a leftover in the test area."""
    import random

    source = build_tiny_pack(tmp_path, "en", "de")
    good = source.read_bytes()
    with zipfile.ZipFile(source) as archive:
        model_size = archive.getinfo("translate-en_de-1_0/model/model.bin").file_size
    rng = random.Random(7)
    upload = tmp_path / "uploads" / "damaged.argosmodel"
    refused = 0
    for _ in range(120):
        data = bytearray(good)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 6)):
                data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        upload.write_bytes(bytes(data))
        before = snapshot(area.parent)
        try:
            pack = install_from_file(upload)
        except PackError as error:
            refused += 1
            assert str(error).startswith("damaged.argosmodel: ")
            assert snapshot(area.parent) == before
        else:  # the flips hit something unchecked (e.g. a zip comment): must be a whole pack
            assert (pack.path / "model" / "model.bin").stat().st_size == model_size
            shutil.rmtree(pack.path)
    assert refused > 100
