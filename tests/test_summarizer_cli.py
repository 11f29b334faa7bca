"""The `news-digest summarize` and `split` contract, run as a user runs it."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from articles.building import build_article
from summarizer import summarize
from tests.test_summarizer_texts import ENGLISH, RUSSIAN

ROOT = Path(__file__).resolve().parents[1]


def run(*args, stdin: bytes = b"", env=None, command="summarize"):
    result = subprocess.run(
        [sys.executable, "-m", "cli", command, *map(str, args)],
        cwd=ROOT, input=stdin, capture_output=True, timeout=120, env=env,
    )
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


@pytest.fixture
def files(tmp_path):
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    russian = tmp_path / "russian.txt"
    russian.write_bytes(RUSSIAN.encode("cp1251"))
    return english, russian


def expected(text, language, **settings):
    source = build_article("x", text, language=language)
    return [s.text for s in summarize(source, **settings).sentences]


def test_one_file_prints_the_summary_one_sentence_a_line(files):
    english, _ = files
    status, out, err = run("--language", "en", "--sentences", "3", english)
    assert (status, err) == (0, "")
    assert out.splitlines() == expected(ENGLISH, "en", sentences=3)
    assert "==>" not in out


def test_several_files_get_head_style_blocks_and_auto_language(files):
    english, russian = files
    status, out, err = run("--algorithm", "lexrank", "--ratio", "0.2", english, russian)
    assert (status, err) == (0, "")
    en = expected(ENGLISH, "en", algorithm="lexrank", ratio=0.2)
    ru = expected(RUSSIAN, "ru", algorithm="lexrank", ratio=0.2)
    assert out == "\n".join(
        [f"==> {english} <==", *en, "", f"==> {russian} <==", *ru]
    ) + "\n"


def test_split_prints_every_sentence(files):
    english, _ = files
    status, out, err = run("--language", "en", english, command="split")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 15 and lines[0].startswith("The regional water agency")
    assert "River towns prepare for spring floods" not in lines  # the title is not a sentence


def test_standard_input_is_read_as_bytes_and_named_like_head(files):
    english, _ = files
    status, out, err = run("--sentences", "2", "-", english, stdin=RUSSIAN.encode("koi8-r"))
    assert (status, err) == (0, "")
    blocks = out.split("\n\n")
    summary = expected(RUSSIAN, "ru", sentences=2)
    assert blocks[0].splitlines() == ["==> standard input <==", *summary]
    assert blocks[1].splitlines()[0] == f"==> {english} <=="


def test_bad_files_are_reported_and_the_others_still_done(files, tmp_path):
    english, _ = files
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    status, out, err = run("--language", "en", "--sentences", "1", missing, tmp_path, english,
                           empty, binary)
    assert status == 1
    assert out == f"==> {english} <==\n{expected(ENGLISH, 'en', sentences=1)[0]}\n"
    lines = err.splitlines()
    assert lines[0] == f"news-digest: {missing}: no such file"
    assert lines[1] == f"news-digest: {tmp_path}: is a directory"
    assert lines[2].startswith(f"news-digest: {empty}: ")
    assert lines[3].startswith(f"news-digest: {binary}: ")
    assert len(lines) == 4 and "Traceback" not in err


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("summarize", ["--sentences", "0"]),
        ("summarize", ["--sentences", "-3"]),
        ("summarize", ["--sentences", "two"]),
        ("summarize", ["--algorithm", "magic"]),
        ("summarize", ["--sentences", "2", "--ratio", "0.5"]),
        ("summarize", ["--ratio", "0"]),
        ("summarize", ["--ratio", "1.5"]),
        ("split", ["--sentences", "2"]),
        ("summarize", ["--language", "english please"]),
        ("summarize", []),
    ],
)
def test_usage_errors_exit_2_with_a_message(files, command, args):
    english, _ = files
    status, out, err = run(*args, *([english] if args else []), command=command)
    assert status == 2 and out == ""
    # argparse names the parser that refused: `news-digest summarize: error: ...`, or
    # `news-digest: error: unrecognized arguments: ...` for an option split does not take
    assert re.search(rf"^news-digest( {command})?: error:", err, re.M), err
    assert "Traceback" not in err


def test_long_text_without_sentence_ends_is_answered(tmp_path):
    words = " ".join(f"word{n % 97} river{n % 13} stone" for n in range(14_000)).replace("0", "o")
    no_ends = tmp_path / "no-ends.txt"
    no_ends.write_text(words, encoding="utf-8")
    one_line = tmp_path / "one-line.txt"
    one_line.write_text("x" * 200_000, encoding="utf-8")
    status, out, err = run("--sentences", "2", no_ends, one_line)
    assert (status, err) == (0, "")
    blocks = out.split("\n\n")
    # the 200,000 x's are cut into equal pieces: one of them, never the same text twice
    assert [len(b.splitlines()) for b in blocks] == [3, 2]


def test_output_is_utf8_whatever_the_locale(files):
    _, russian = files
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    status, out, err = run("--sentences", "1", "--language", "ru", russian, env=env)
    assert (status, err) == (0, "")
    assert out.splitlines() == expected(RUSSIAN, "ru", sentences=1)
