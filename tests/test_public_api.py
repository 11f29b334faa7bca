"""Each package's public names come from its top level, and importing a package is cheap."""
from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ("articles", "languages", "summarizer", "digest")
HEAVY = ("sumy", "nltk", "ctranslate2", "trafilatura", "pypdf", "docx", "lxml", "streamlit",
         "py3langid", "pycld2", "argostranslate", "ray")


@pytest.mark.parametrize("package", PACKAGES)
def test_importing_a_package_imports_nothing_heavy(package):
    loaded = subprocess.run(
        [sys.executable, "-c",
         f"import sys, {package}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert loaded == "[]"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_is_there(package):
    module = importlib.import_module(package)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []
    assert set(module.__all__) <= set(dir(module))


def test_an_unknown_name_is_an_attribute_error():
    import summarizer

    with pytest.raises(AttributeError, match="no_such_name"):
        summarizer.no_such_name  # noqa: B018


def test_the_command_lines_names_summarize_an_article():
    from articles import build_article
    from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, Summary, summarize

    article = build_article(
        "talks.txt",
        "Talks\n\nThe ministers met in Astana on Tuesday. They agreed on a new corridor. "
        "Trade will grow next year.", "en",
    )
    summary = summarize(article, DEFAULT_ALGORITHM, sentences=1)
    assert DEFAULT_ALGORITHM in ALGORITHMS
    assert isinstance(summary, Summary)
    assert len(summary.sentences) == 1
