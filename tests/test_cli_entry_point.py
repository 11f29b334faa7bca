"""`news-digest`, the one command line: pyproject.toml installs it, and its --help lists
every command without loading any third-party package."""
from __future__ import annotations

import importlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("summarize", "split", "detect", "translate", "packages", "library", "batch",
            "serve", "keys")
PACKAGES = ("articles", "languages", "summarizer", "translator", "digest", "cli", "ui", "api")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_script_points_at_an_importable_callable():
    target = pyproject()["project"]["scripts"]["news-digest"]
    module, _, name = target.partition(":")
    main = getattr(importlib.import_module(module), name)
    assert callable(main)
    assert main(["--help"]) == 0


def test_help_lists_every_command_and_loads_no_third_party_package():
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['news-digest', '--help']\n"
        "try:\n    runpy.run_module('cli', run_name='__main__')\n"
        "except SystemExit as exit_:\n    assert exit_.code in (0, None), exit_.code\n"
        "outside = sorted(name for name, module in sys.modules.items()\n"
        "                 if 'site-packages' in (getattr(module, '__file__', None) or '')\n"
        "                 and not name.startswith('_distutils_hack'))\n"
        "print('third-party:', outside)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: news-digest ")
    listed = re.findall(r"^    (\S+)", result.stdout, re.M)
    assert listed == list(COMMANDS)
    assert result.stdout.rstrip().splitlines()[-1] == "third-party: []"


def test_every_package_and_the_stop_words_are_installed():
    setuptools = pyproject()["tool"]["setuptools"]
    include = setuptools["packages"]["find"]["include"]
    assert all(f"{package}*" in include for package in PACKAGES)
    assert not {path.parent.name for path in ROOT.glob("*/__init__.py")} - {
        *PACKAGES, "bench", "testkit", "tests"
    }  # a new package must be added above (and to pyproject.toml)
    assert setuptools["package-data"]["summarizer"] == ["stopwords/*.txt"]
    assert list((ROOT / "summarizer" / "stopwords").glob("*.txt"))


def runtime_pins() -> set[str]:
    """requirements.txt up to its test section: `name==version` lines."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    runtime = text.split("# tests, benchmarks, lint")[0]
    return {line.strip() for line in runtime.splitlines() if "==" in line and
            not line.lstrip().startswith("#")}


def test_dependencies_are_requirements_runtime_pins():
    project = pyproject()["project"]
    declared = {*project["dependencies"], *project["optional-dependencies"]["ray"]}
    assert declared == runtime_pins()
    assert project["requires-python"] == ">=3.11"
