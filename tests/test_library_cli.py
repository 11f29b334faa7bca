"""`news-digest library`, run as a script runs it, on a library made in the test."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest.job import Upload, analyse
from digest.library import open_library
from digest.library.keeping import keep
from digest.library.store import forget_checks
from digest.settings import SummarySettings

ROOT = Path(__file__).resolve().parents[1]
RUSSIAN = (
    "Переговоры в Астане\n\nВо вторник начались переговоров между делегациями. "
    "Квазиборщевик обсуждали весь день. Стороны договорились продолжить встречу."
)
ENGLISH = "Trade talks\n\nThe ministers negotiated a new agreement. It was a long night."


def run(*args):
    result = subprocess.run(
        [sys.executable, "-m", "cli", "library", *map(str, args)],
        cwd=ROOT, capture_output=True, timeout=120, env=os.environ.copy(),
    )  # fmt: skip
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


@pytest.fixture
def stored(data_dir):
    forget_checks()
    library = open_library()
    ids = {}
    for name, text, encoding in (("ru.txt", RUSSIAN, "cp1251"), ("en.txt", ENGLISH, "utf-8")):
        result = analyse(Upload(name, text.encode(encoding)), SummarySettings())
        ids[name] = keep(library, result)
    return ids


def test_list_prints_one_tab_separated_line_per_article(stored):
    status, out, err = run("list")
    assert (status, err) == (0, "")
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(row[0], row[2], row[3], row[4]) for row in rows] == [
        (str(stored["en.txt"]), "en", "en.txt", "Trade talks"),
        (str(stored["ru.txt"]), "ru", "ru.txt", "Переговоры в Астане"),
    ]
    status, out, _ = run("list", "--language", "ru")
    assert [line.split("\t")[3] for line in out.splitlines()] == ["ru.txt"]


def test_search_finds_another_form_and_marks_it(stored):
    status, out, err = run("search", "переговоры")
    assert (status, err) == (0, "")
    first, snippet = out.splitlines()
    assert first.split("\t")[3] == "ru.txt"
    assert "[переговоров]" in snippet
    status, out, err = run("search", "nowhere-to-be-found")
    assert (status, out) == (1, "")
    assert "nothing found" in err


def test_delete_removes_for_good_and_names_unknown_ids(stored, data_dir):
    status, out, err = run("delete", stored["ru.txt"], 999)
    assert status == 1
    assert out == f"deleted {stored['ru.txt']}\n"
    assert err == "news-digest: 999: no such article\n"
    for path in data_dir.iterdir():
        assert "Квазиборщевик".encode("cp1251") not in path.read_bytes()
        assert "Квазиборщевик".encode() not in path.read_bytes()
    _, out, _ = run("list")
    assert [line.split("\t")[3] for line in out.splitlines()] == ["en.txt"]


def test_export_writes_originals_and_summaries(stored, tmp_path):
    status, out, err = run("export", tmp_path / "backup")
    assert (status, err) == (0, "")
    ru = stored["ru.txt"]
    assert (tmp_path / "backup/originals" / f"{ru}-ru.txt").read_bytes() == RUSSIAN.encode("cp1251")
    summary = (tmp_path / "backup/summaries" / f"{ru}-ru.summary.txt").read_text("utf-8")
    assert "Квазиборщевик обсуждали весь день." in summary


def test_a_damaged_library_is_a_message_not_a_traceback(data_dir):
    data_dir.mkdir()
    (data_dir / "library.sqlite3").write_bytes(b"not a database at all" * 50)
    status, out, err = run("list")
    assert status == 1 and out == ""
    assert err.startswith("news-digest: ") and "not a News Digest library" in err
    assert "Traceback" not in err



def test_an_id_too_large_for_the_library_is_a_usage_error(stored):
    status, out, err = run("delete", "99999999999999999999")
    assert status == 2
    assert "no article has an id as large as 99999999999999999999" in err
    assert "unexpected error" not in err and "Traceback" not in err
    _, out, _ = run("list")
    assert len(out.splitlines()) == 2  # nothing was deleted
