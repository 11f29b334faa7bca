"""Pack folders as people leave them (issue 13, item 4): copied in twice, hand-edited,
broken or hostile metadata.json. Each is used, or listed with a reason; nothing crashes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from testkit.tinypack import build_tiny_pack, install_unzipped
from testkit.translated import translate_text
from translator.packs.folders import installed_packs, scan_packs, version_key


@pytest.fixture(scope="module")
def pack_files(tmp_path_factory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("pack-files")
    return {
        "1.0": build_tiny_pack(where, "ru", "en", version="1.0"),
        "1.1": build_tiny_pack(where, "ru", "en", version="1.1", seed=1),
    }


def copy_in(pack_file: Path, packs: Path, name: str) -> Path:
    """A pack folder copied in by hand under a name of the user's choosing."""
    unpacked = install_unzipped(pack_file, packs.parent / "unzipped" / name)
    target = packs / name
    packs.mkdir(parents=True, exist_ok=True)
    shutil.copytree(unpacked, target)
    return target


def edit_metadata(folder: Path, change) -> None:
    path = folder / "metadata.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    result = change(metadata)
    path.write_text(result if isinstance(result, str) else json.dumps(metadata), encoding="utf-8")


def warnings(app: AppTest) -> list[str]:
    """The warnings as read on the page (Markdown escapes removed)."""
    return [w.value.replace("\\", "") for w in app.warning]


def packs_page() -> None:
    from ui.packs_page import render

    render()


def page(packs: Path) -> AppTest:
    st.cache_data.clear()
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_two_folders_for_one_pair_use_the_newest_and_list_the_other(packs_dir, pack_files):
    copy_in(pack_files["1.1"], packs_dir, "ru_en-new")
    copy_in(pack_files["1.0"], packs_dir, "zz-old-copy")  # sorts after the newer one
    [used] = installed_packs()
    assert (used.version, used.path.name) == ("1.1", "ru_en-new")
    [skipped] = scan_packs().skipped
    assert skipped.path.name == "zz-old-copy"
    assert "ru_en-new (version 1.1) is used" in skipped.reason
    app = page(packs_dir)
    assert [b.key for b in app.button if b.key and b.key.startswith("remove:")] == ["remove:ru:en"]
    assert any("zz-old-copy" in w for w in warnings(app))
    assert translate_text("Привет", "ru", "en").text  # the engine uses the same pack


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda m: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (lambda m: json.dumps({**m, "pad": "x" * 2_000_000}), "larger than"),
    (lambda m: m.update(from_code=["ru"]), "from_code"),
    (lambda m: m.update(to_code={"x": 1}), "to_code"),
    (lambda m: m.update(package_version=1.1), "package_version"),
    (lambda m: "[1, 2]", "not a JSON object"),
    (lambda m: "{not json", "not valid JSON"),
    (lambda m: m.update(type="sbd"), "not a translation pack"),
])
def test_broken_metadata_is_listed_with_its_reason(packs_dir, pack_files, damage, reason):
    good = copy_in(pack_files["1.0"], packs_dir, "good")
    bad = copy_in(pack_files["1.1"], packs_dir, "bad")
    edit_metadata(bad, damage)
    assert [p.path for p in installed_packs()] == [good]
    [skipped] = scan_packs().skipped
    assert skipped.path == bad and reason in skipped.reason and "broken" in skipped.reason
    app = page(packs_dir)
    assert any("bad" in w and reason in w for w in warnings(app))


def test_an_odd_version_is_ordered_not_a_crash(packs_dir, pack_files):
    assert version_key("1.²") == (1, 0) and version_key("1.10") > version_key("1.9")
    odd = copy_in(pack_files["1.1"], packs_dir, "odd")
    edit_metadata(odd, lambda m: m.update(package_version="1.²"))
    copy_in(pack_files["1.0"], packs_dir, "plain")
    [used] = installed_packs()  # "1.²" counts as 1.0: a tie, the later folder name wins
    assert used.path.name == "plain"
    app = page(packs_dir)
    assert any("odd" in w and "1.²" in w for w in warnings(app))


def test_a_hostile_folder_name_and_code_are_shown_literally(packs_dir, pack_files):
    bad = copy_in(pack_files["1.0"], packs_dir, "![s](https:spin.example) <img src=x>")
    edit_metadata(bad, lambda m: m.update(from_code="![s](https:spin.example)"))
    app = page(packs_dir)
    [warning] = app.warning
    assert "![s](" not in warning.value and "<img" not in warning.value.replace("\\<img", "")


def test_a_pack_file_with_a_version_that_is_not_text_is_refused_with_the_reason(
    packs_dir, tmp_path
):
    import zipfile

    from translator.errors import PackError
    from translator.packs.install import install_from_file

    good = build_tiny_pack(tmp_path, "ru", "en")
    odd = tmp_path / "odd.argosmodel"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(odd, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("/metadata.json"):
                metadata = json.loads(data)
                metadata["package_version"] = [1, 9]
                data = json.dumps(metadata).encode()
            target.writestr(info, data)
    with pytest.raises(PackError, match="odd.argosmodel: its package_version"):
        install_from_file(odd)
    assert installed_packs() == []
