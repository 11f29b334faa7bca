"""`news-digest translate --glossary FILE.csv` as a user runs it (real subprocesses, a tiny
real pack), and the library's glossary when no file is given."""
from __future__ import annotations

import pytest

from testkit.tinypack import build_tiny_pack
from tests.test_translator_cli import cli_environment, install, run

GERMAN = (
    "Müller im Bundestag\n\n"
    "Der Abgeordnete Müller sprach am Montag im Bundestag über den Haushalt. "
    "Die Rede Müllers dauerte eine Stunde.\n\n"
    "Im Plenarsaal des Bundestages saßen nur wenige Abgeordnete.\n"
)
GLOSSARY = (
    "source_language,term,target_language,translation\n"
    "de,Bundestag,en,Federal Parliament\n"
    "de,Müller,en,\n"
)


@pytest.fixture
def env(tmp_path, data_dir) -> dict[str, str]:
    environment = cli_environment(tmp_path)
    environment["NEWS_DIGEST_DATA"] = str(data_dir)
    install(environment, build_tiny_pack(tmp_path / "built", "de", "en"))
    return environment


def paragraphs(output: str) -> list[str]:
    return output.strip().split("\n\n")


def test_glossary_terms_come_out_exactly_in_every_line_that_holds_them(env, tmp_path):
    article, glossary = tmp_path / "de.txt", tmp_path / "terms.csv"
    article.write_text(GERMAN, encoding="utf-8")
    glossary.write_text(GLOSSARY, encoding="utf-8")
    plain = run(env, "translate", "--source", "de", "--target", "en", article)
    kept = run(env, "translate", "--source", "de", "--target", "en", "--glossary", glossary,
               article)
    assert plain.returncode == kept.returncode == 0, kept.err
    assert "Federal Parliament" not in plain.out and "Müller" not in plain.out
    title, first, second = paragraphs(kept.out)
    assert "Müller" in title
    assert "Federal Parliament" in first and "Müller" in first  # both sentences of it
    assert first.count("Müller") >= 2
    assert "Federal Parliament" in second  # "Bundestages"


def test_a_bad_glossary_file_is_named_with_its_line(env, tmp_path):
    article, glossary = tmp_path / "de.txt", tmp_path / "terms.csv"
    article.write_text(GERMAN, encoding="utf-8")
    glossary.write_text(GLOSSARY + "de,,en,x\n", encoding="utf-8")
    result = run(env, "translate", "--target", "en", "--glossary", glossary, article)
    assert result.returncode == 1
    assert "terms.csv: Line 4 of the glossary file" in result.err
    missing = run(env, "translate", "--target", "en", "--glossary", tmp_path / "nope.csv",
                  article)
    assert missing.returncode == 1 and "no such file" in missing.err


def test_without_a_file_the_librarys_glossary_is_used(env, tmp_path):
    from digest.library import open_library
    from digest.library.glossary import add_term

    add_term(open_library(), "de", "Bundestag", "en", "Federal Parliament")
    article = tmp_path / "de.txt"
    article.write_text(GERMAN, encoding="utf-8")
    result = run(env, "translate", "--source", "de", "--target", "en", article)
    assert result.returncode == 0, result.err
    assert result.out.count("Federal Parliament") >= 2


def manifest_rows(out) -> list[dict]:
    import json

    return [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]


def test_a_batch_run_keeps_the_glossary_and_another_glossary_translates_again(env, tmp_path):
    folder, glossary, out = tmp_path / "news", tmp_path / "terms.csv", tmp_path / "out"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    glossary.write_text(GLOSSARY, encoding="utf-8")
    first = run(env, "batch", folder, "--out", out, "--translate-to", "en",
                "--glossary", glossary)
    assert first.returncode == 0, first.err
    translation = " ".join(manifest_rows(out)[-1]["translation"])
    assert "Federal Parliament" in translation and "Müller" in translation
    glossary.write_text(GLOSSARY.replace("Federal Parliament", "Reichstag"), encoding="utf-8")
    second = run(env, "batch", folder, "--out", out, "--translate-to", "en",
                 "--glossary", glossary)
    assert second.returncode == 0, second.err
    translation = " ".join(manifest_rows(out)[-1]["translation"])
    assert "Reichstag" in translation and "Federal Parliament" not in translation
    refused = run(env, "batch", folder, "--out", tmp_path / "other", "--glossary", glossary)
    assert refused.returncode == 2 and "--glossary needs --translate-to" in refused.err
