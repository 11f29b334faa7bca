"""`news-digest summarize` as a user runs it: --words, and a mixed-language article."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_mixed_languages import MIXED

ROOT = Path(__file__).resolve().parents[1]


def run(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONWARNINGS", None)
    result = subprocess.run(
        [sys.executable, "-m", "cli", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def mixed(tmp_path) -> Path:
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summarize", "--words", "50", "--sentences", "3"), "not allowed with argument"),
        (("summarize", "--words", "0"), "must be at least 1"),
        (("split", "--words", "40"), "unrecognized arguments: --words"),
    ],
)
def test_words_is_one_length_among_others(mixed, args, message):
    result = run(*args, mixed)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_mixed_article_summary_has_sentences_of_both_languages(mixed):
    result = run("summarize", "--algorithm", "lsa", "--sentences", "3", mixed)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert any(line.startswith('"') and "Kazakhstan" in line for line in lines)
    assert any("Казахстан" in line for line in lines)
