"""Nothing is written to the home directory when ARGOS_PACKAGES_DIR is set (issue 13, item 9).

Importing argostranslate's settings creates four folders under $HOME; the project
reads, installs, lists, translates and asks for the index URL without it. Run in a
subprocess with HOME pointing at an empty folder, which must stay empty.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from testkit.tinypack import build_tiny_pack

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys
from translator.packs.install import install_from_file
from translator.packs.folders import installed_packs, scan_packs
from translator.packs.index import index_url
from testkit.translated import translate_text

install_from_file(sys.argv[1])
assert [(p.from_code, p.to_code) for p in installed_packs()] == [("ru", "en")]
scan_packs()
index_url()
assert translate_text("Привет", "ru", "en").text
assert "argostranslate.settings" not in sys.modules, "argostranslate.settings was imported"
"""


def test_packs_work_without_touching_the_home_directory(tmp_path):
    pack = build_tiny_pack(tmp_path, "ru", "en")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("XDG_", "ARGOS_", "SNAP"))
    }
    env.update(HOME=str(home), ARGOS_PACKAGES_DIR=str(tmp_path / "packs"), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pack)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []
