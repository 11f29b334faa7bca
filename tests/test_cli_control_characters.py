"""File and folder names cannot drive the terminal (issue 13, item 10): every name or
path the CLIs print, on stdout or stderr, has its control characters escaped."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.main import main
from testkit.tinypack import build_tiny_pack, install_unzipped

NASTY = "red\x1b[31m\rfake\x07"
ARTICLE = (
    "Budget\n\nThe government announced a new plan to build schools in rural areas. "
    "Officials said construction would begin next spring. "
    "Parents welcomed the decision but asked for more teachers.\n"
)


def raw_controls(text: str) -> list[str]:
    return [char for char in text if char in "\x1b\r\x07"]


@pytest.fixture
def nasty_file(tmp_path) -> Path:
    path = tmp_path / f"{NASTY}.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_detect_and_summarize_escape_the_file_name(nasty_file, tmp_path, capsys):
    missing = tmp_path / f"gone{NASTY}.txt"
    assert main(["detect", str(nasty_file), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("en\t") and "\\x1b[31m\\rfake\\x07" in out
    assert "gone" in err and raw_controls(out + err) == []
    main(["summarize", str(nasty_file), str(nasty_file), str(missing)])
    out, err = capsys.readouterr()
    assert "==> " in out and "gone" in err and raw_controls(out + err) == []


def test_packages_list_and_install_file_escape_paths_and_versions(packs_dir, tmp_path, capsys):
    unpacked = install_unzipped(build_tiny_pack(tmp_path, "ru", "en"), tmp_path / "unzipped")
    packs_dir.mkdir()
    folder = packs_dir / f"ru_en{NASTY}"
    shutil.copytree(unpacked, folder)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    metadata["package_version"] = f"1.0{NASTY}"
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    assert main(["packages", "list"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ru\ten\t1.0") and "ru_enred\\x1b" in out
    assert raw_controls(out + err) == []
    bad = tmp_path / f"bad{NASTY}.argosmodel"
    bad.write_bytes(b"not a zip")
    assert main(["packages", "install-file", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "bad" in err and raw_controls(out + err) == []
    assert main(["packages", "remove", f"x{NASTY}", "en"]) == 1
    out, err = capsys.readouterr()
    assert raw_controls(out + err) == []
