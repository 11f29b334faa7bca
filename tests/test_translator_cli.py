"""`news-digest detect | translate | packages` as a user runs them: real subprocesses, tiny
real packs, loopback index."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit.httpserver import LoopbackServer, closed_port_url
from testkit.tinypack import build_tiny_pack

ROOT = Path(__file__).resolve().parents[1]

GERMAN = (
    "Neuer Haushalt beschlossen\n\n"
    "Die Regierung hat den neuen Haushalt am Montag beschlossen. "
    "Die Preise für Brot und Benzin sind wieder gestiegen.\n\n"
    "Der Minister sagte, die Bahn werde nächstes Jahr eröffnet. "
    "Schüler und Lehrer feiern den Beginn des Schuljahres.\n"
)
RUSSIAN = (
    "Парламент утвердил новый бюджет в понедельник. "
    "Цены на хлеб и топливо снова выросли на этой неделе.\n"
)
ENGLISH = (
    "The parliament approved the new budget on Monday. "
    "Prices for bread and fuel rose again this week.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("built")
    return {
        "de_en": build_tiny_pack(where, "de", "en"),
        "en_ru": build_tiny_pack(where, "en", "ru", seed=1),
    }


def cli_environment(tmp_path: Path) -> dict[str, str]:
    """The command's environment: packs in tmp_path/packs, no reachable index, this checkout
    on the path (shared by the other tests that run `news-digest` as a user does)."""
    environment = dict(os.environ)
    environment["ARGOS_PACKAGES_DIR"] = str(tmp_path / "packs")
    environment["ARGOS_PACKAGE_INDEX"] = closed_port_url("/")
    environment["PYTHONPATH"] = str(ROOT)
    environment.pop("PYTHONWARNINGS", None)
    return environment


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return cli_environment(tmp_path)


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    texts = {"de.txt": GERMAN, "ru.txt": RUSSIAN, "en.txt": ENGLISH, "digits.txt": "123 456\n"}
    paths = {}
    for name, text in texts.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    paths["empty.txt"] = tmp_path / "empty.txt"
    paths["empty.txt"].write_bytes(b"")
    paths["missing.txt"] = tmp_path / "missing.txt"
    return paths


def run(env, *args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "cli", *map(str, args)],
        cwd=ROOT, env=env, input=stdin, capture_output=True, timeout=300,
    )
    result.out = result.stdout.decode("utf-8")
    result.err = result.stderr.decode("utf-8")
    assert "Traceback" not in result.err, result.err
    return result


def install(env, pack: Path) -> subprocess.CompletedProcess:
    result = run(env, "packages", "install-file", pack)
    assert result.returncode == 0, result.err
    return result


# ---- detect ---------------------------------------------------------------------------------

def test_detect_prints_code_probability_file_per_line(env, files):
    result = run(env, "detect", files["de.txt"], files["ru.txt"], files["digits.txt"])
    assert result.returncode == 0, result.err
    rows = [line.split("\t") for line in result.out.splitlines()]
    assert [(code, name) for code, _, name in rows] == [
        ("de", str(files["de.txt"])),
        ("ru", str(files["ru.txt"])),
        ("und", str(files["digits.txt"])),
    ]
    assert 0.8 <= float(rows[0][1]) <= 1.0
    assert float(rows[2][1]) == 0.0


def test_detect_reports_bad_files_and_still_does_the_others(env, files):
    result = run(env, "detect", files["missing.txt"], files["en.txt"], files["empty.txt"],
                 files["de.txt"])
    assert result.returncode == 1
    assert [line.split("\t")[0] for line in result.out.splitlines()] == ["en", "de"]
    errors = result.err.splitlines()
    assert errors[0] == f"news-digest: {files['missing.txt']}: no such file"
    assert errors[1].startswith(f"news-digest: {files['empty.txt']}: ")
    assert len(errors) == 2


def test_detect_reads_standard_input(env):
    result = run(env, "detect", "-", stdin=RUSSIAN.encode("cp1251"))
    assert result.returncode == 0, result.err
    assert result.out.split("\t")[0] == "ru"
    assert result.out.rstrip("\n").split("\t")[2] == "-"


def test_detect_does_not_import_the_translation_engine(env, files):
    probe = (
        "import sys, runpy; sys.argv = ['news-digest', 'detect', {!r}];\n"
        "try:\n    runpy.run_module('cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('ctranslate2', 'sentencepiece', 'translator.engine', "
        "'argostranslate.translate', 'torch') if m in sys.modules))"
    ).format(str(files["en.txt"]))
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize("args", [[], ["detect"], ["translate", "x.txt"], ["packages"],
                                  ["packages", "install", "de"], ["frobnicate"]])
def test_usage_errors_exit_with_2(env, args):
    result = run(env, *args)
    assert result.returncode == 2
    assert "usage:" in result.err


# ---- packages: list, install-file, remove ---------------------------------------------------

def test_list_install_file_list_remove(env, built, tmp_path):
    empty = run(env, "packages", "list")
    assert empty.returncode == 0 and empty.out == ""
    installed = install(env, built["de_en"])
    from_code, to_code, version, path = installed.out.strip().split("\t")
    assert (from_code, to_code, version) == ("de", "en", "1.0")
    assert Path(path).parent == tmp_path / "packs" and (Path(path) / "metadata.json").is_file()

    listed = run(env, "packages", "list")
    assert listed.returncode == 0
    assert listed.out == installed.out

    removed = run(env, "packages", "remove", "de", "en")
    assert removed.returncode == 0, removed.err
    assert not Path(path).exists()
    assert run(env, "packages", "list").out == ""


def test_removing_a_pack_that_is_not_there_names_the_pair(env):
    result = run(env, "packages", "remove", "kk", "en")
    assert result.returncode == 1
    assert result.err.startswith("news-digest: ") and "kk → en" in result.err


def test_install_file_refuses_bad_files_and_names_them(env, tmp_path):
    not_a_zip = tmp_path / "broken.argosmodel"
    not_a_zip.write_bytes(b"this is not a zip file at all")
    result = run(env, "packages", "install-file", not_a_zip)
    assert result.returncode == 1
    assert result.err.startswith("news-digest: ") and "broken.argosmodel" in result.err
    missing = run(env, "packages", "install-file", tmp_path / "nope.argosmodel")
    assert missing.returncode == 1
    assert missing.err == f"news-digest: {tmp_path / 'nope.argosmodel'}: no such file\n"
    assert run(env, "packages", "list").out == ""


# ---- translate ------------------------------------------------------------------------------

def job_translation(env, path: Path, source: str | None, target: str) -> str:
    """What the dashboard's job makes of the file (the whole article translated), in a
    clean process with the same packs: headline, then paragraphs apart. Source None:
    detected, paragraph by paragraph."""
    code = (
        "from articles.layout import joined_text\n"
        "from digest.job import Upload, add_translation, analyse\n"
        "from digest.settings import SummarySettings, TranslationSettings\n"
        f"upload = Upload({path.name!r}, open({str(path)!r}, 'rb').read())\n"
        f"result = analyse(upload, SummarySettings(), {source!r}, detect={source is None})\n"
        f"result = add_translation(result, TranslationSettings({target!r}, whole_article=True))\n"
        "body = joined_text(result.article, result.translations)\n"
        "print(f'{result.title_translation}\\n\\n{body}' if result.title_translation else body)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_translate_prints_the_translation_paragraph_by_paragraph(env, built, files):
    install(env, built["de_en"])
    result = run(env, "translate", "--source", "de", "--target", "en", files["de.txt"])
    assert result.returncode == 0, result.err
    blocks = result.out.rstrip("\n").split("\n\n")
    assert len(blocks) == 3  # title and two paragraphs, as in the file
    assert all(block.strip() for block in blocks)
    assert result.out == job_translation(env, files["de.txt"], "de", "en")
    assert "Regierung" not in result.out  # it was translated (into gibberish), not copied


def test_translate_auto_detects_the_source_language(env, built, files):
    install(env, built["de_en"])
    auto = run(env, "translate", "--target", "en", files["de.txt"])
    given = run(env, "translate", "--source", "de", "--target", "en", files["de.txt"])
    assert auto.returncode == 0, auto.err
    assert auto.out == given.out


def test_translate_pivots_through_english(env, built, files):
    install(env, built["de_en"])
    install(env, built["en_ru"])
    result = run(env, "translate", "--source", "de", "--target", "ru", files["de.txt"])
    assert result.returncode == 0, result.err
    assert len(result.out.rstrip("\n").split("\n\n")) == 3


def test_translate_several_files_in_blocks_and_a_bad_one_does_not_stop_the_others(
    env, built, files
):
    install(env, built["de_en"])
    result = run(env, "translate", "--target", "en", files["de.txt"], files["empty.txt"],
                 files["ru.txt"], files["en.txt"])
    assert result.returncode == 1
    de_translation = job_translation(env, files["de.txt"], "de", "en")
    assert result.out == (
        f"==> {files['de.txt']} <==\n{de_translation}\n"
        f"==> {files['en.txt']} <==\n{ENGLISH}"
    )
    errors = result.err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"news-digest: {files['empty.txt']}: ")
    # no ru -> en pack: the message names the file, both languages and how to install one
    assert errors[1].startswith(f"news-digest: {files['ru.txt']}: ")
    assert "Russian (ru)" in errors[1] and "English (en)" in errors[1]
    assert "packages install ru en" in errors[1]


def test_translate_undetermined_language_asks_for_source(env, files):
    result = run(env, "translate", "--target", "en", files["digits.txt"])
    assert result.returncode == 1
    assert result.err.startswith(f"news-digest: {files['digits.txt']}: could not determine")
    assert "--source" in result.err


def test_translate_reads_standard_input(env, built):
    install(env, built["de_en"])
    result = run(env, "translate", "--source", "de", "--target", "en", "-",
                 stdin=GERMAN.encode("utf-8"))
    assert result.returncode == 0, result.err
    assert len(result.out.rstrip("\n").split("\n\n")) == 3


# ---- the index: available, install, offline -------------------------------------------------

@pytest.fixture
def index(built, env):
    with LoopbackServer() as server:
        data = built["de_en"].read_bytes()
        server.serve("/packs/de_en.argosmodel", data)
        entries = [{
            "package_version": "1.0", "argos_version": "1.9.0", "type": "translate",
            "from_code": "de", "to_code": "en", "from_name": "German", "to_name": "English",
            "links": [server.url("/packs/de_en.argosmodel")],
            "sha256": hashlib.sha256(data).hexdigest(),
        }]
        server.serve("/index.json", json.dumps(entries).encode(), content_type="application/json")
        env["ARGOS_PACKAGE_INDEX"] = server.url("/")
        yield server


def test_available_lists_the_index(env, index):
    result = run(env, "packages", "available")
    assert result.returncode == 0, result.err
    assert result.out.split("\t")[:3] == ["de", "en", "1.0"]
    assert result.out.rstrip("\n").endswith("\t-")


def test_install_downloads_with_a_progress_bar_then_lists(env, index, tmp_path):
    result = run(env, "packages", "install", "de", "en")
    assert result.returncode == 0, result.err
    assert "100%" in result.err and "#" in result.err
    assert result.out.split("\t")[:3] == ["de", "en", "1.0"]
    assert run(env, "packages", "list").out == result.out
    assert run(env, "packages", "available").out.rstrip("\n").endswith("\tinstalled")


def test_install_of_a_pair_the_index_lacks_names_it(env, index):
    result = run(env, "packages", "install", "kk", "en")
    assert result.returncode == 1
    assert "kk → en" in result.err
    assert run(env, "packages", "list").out == ""


def test_offline_index_gives_a_clear_message(env):
    for args in (["packages", "available"], ["packages", "install", "de", "en"]):
        result = run(env, *args)
        assert result.returncode == 1
        assert result.err.startswith("news-digest: Could not reach the Argos package index")
        assert "127.0.0.1" in result.err


def test_an_unexpected_error_in_one_file_does_not_stop_the_others(files, monkeypatch, capsys):
    import languages.detection
    from cli.main import main

    real = languages.detection.detect_language

    def flaky(text):
        if "Парламент" in text:
            raise RuntimeError("simulated bug")
        return real(text)

    monkeypatch.setattr(languages.detection, "detect_language", flaky)
    status = main(["detect", str(files["ru.txt"]), str(files["en.txt"])])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out.split("\t")[0] == "en"
    assert captured.err == (
        f"news-digest: {files['ru.txt']}: unexpected error: RuntimeError: simulated bug\n"
    )


def test_empty_standard_input_is_named_dash(env):
    result = run(env, "detect", "-", stdin=b"")
    assert result.returncode == 1
    assert result.err.startswith("news-digest: -: ")


def test_translation_is_printed_in_utf8_whatever_the_locale(env, built, files):
    install(env, built["de_en"])
    expected = run(env, "translate", "--source", "de", "--target", "en", files["de.txt"]).out
    ascii_env = {**env, "PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    result = run(ascii_env, "translate", "--source", "de", "--target", "en", files["de.txt"])
    assert result.returncode == 0, result.err
    assert result.out == expected


def test_a_quoted_paragraph_without_a_pack_is_left_out_with_a_note_as_on_the_dashboard(
    env, built, tmp_path
):
    """The dashboard's rule (digest.job): a paragraph whose language no pack translates is
    not translated and a note says so; the rest of the file is still translated."""
    install(env, built["de_en"])
    quoting = tmp_path / "quoting.txt"
    quoting.write_text(GERMAN + "\n" + RUSSIAN, encoding="utf-8")
    result = run(env, "translate", "--target", "en", quoting)
    assert result.returncode == 0, result.err
    assert result.out == job_translation(env, quoting, None, "en")
    assert len(result.out.rstrip("\n").split("\n\n")) == 3  # the Russian paragraph left out
    assert "Парламент" not in result.out and "Regierung" not in result.out
    assert result.err == (
        f"news-digest: {quoting}: Paragraphs in Russian are not translated: "
        "no language pack for Russian → English.\n"
    )
