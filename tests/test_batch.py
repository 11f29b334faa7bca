"""`news-digest batch` on a real corpus made here: good, bad and legacy-encoded
files, both engines (Ray as one local runtime with 2 CPUs for the module), resume
after an interruption, and the engines' agreement file for file."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli.main import main
from digest.batch.article import BatchSettings
from digest.batch.runner import BatchJob, run_batch
from digest.settings import SummarySettings
from testkit.tinypack import build_tiny_pack
from translator.packs.install import install_from_file

ROOT = Path(__file__).resolve().parent.parent

ENGLISH = {
    "budget.txt": (
        "Parliament approves the budget\n\n"
        "The parliament approved the new budget on Monday. The minister said the railway "
        "would open next year. Prices for bread and fuel rose again this week.\n\n"
        "Farmers expect a good harvest after the spring rains. Exports of grain and cotton "
        "grew by ten percent. A new school was built in the northern district.\n\n"
        "The central bank kept its interest rate unchanged. Students protested against "
        "higher university fees."
    ),
    "snow.md": (
        "Snow closes the mountain road\n\n"
        "Heavy snow closed the mountain road for two days. The president met foreign "
        "investors in the capital. The minister said the road would open on Friday.\n\n"
        "Drivers waited in the villages below the pass. The weather service expects more "
        "snow next week. Schools in the district stayed closed on Tuesday."
    ),
}
RUSSIAN = (
    "Парламент утвердил бюджет\n\n"
    "Парламент утвердил новый бюджет в понедельник. Цены на хлеб и топливо снова выросли "
    "на этой неделе. Министр сказал, что железная дорога откроется в следующем году.\n\n"
    "Фермеры ожидают хороший урожай после весенних дождей. В северном районе построили "
    "новую школу. Президент встретился с иностранными инвесторами в столице.\n\n"
    "Экспорт зерна и хлопка вырос на десять процентов. Сильный снегопад закрыл горную "
    "дорогу на два дня."
)
BAD = {
    "empty.txt": b"",
    "picture.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "noise.txt": bytes(range(128, 256)) * 4,
}


def make_corpus(folder: Path) -> Path:
    """Good English files (one in a subfolder), Russian in UTF-8, cp1251 and koi8-r,
    three bad files and a hidden file that a walk must leave out."""
    (folder / "world").mkdir(parents=True)
    (folder / "budget.txt").write_text(ENGLISH["budget.txt"], encoding="utf-8")
    (folder / "world" / "snow.md").write_text(ENGLISH["snow.md"], encoding="utf-8")
    (folder / "ru-utf8.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "ru-cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "world" / "ru-koi8.text").write_bytes(RUSSIAN.encode("koi8-r"))
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    (folder / ".hidden.txt").write_text(ENGLISH["budget.txt"], encoding="utf-8")
    return folder


GOOD = 5
VISIBLE = GOOD + len(BAD)


def rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]


def by_name(out: Path) -> dict[str, dict]:
    """The last row of each file, keyed by its file name."""
    return {Path(row["file"]).name: row for row in rows(out)}


def without_timings(row: dict) -> dict:
    return {key: value for key, value in row.items() if key != "timings"}


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """A tiny real en->ru pack in a packs dir the workers (other processes) find
    through ARGOS_PACKAGES_DIR."""
    where = tmp_path_factory.mktemp("packs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(where / "installed"))
        (where / "installed").mkdir()
        install_from_file(build_tiny_pack(where / "built", "en", "ru", seed=1))
        yield where / "installed"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="module")
def local_run(packs, corpus, tmp_path_factory):
    """The corpus translated into Russian by the local engine with 2 workers, via the CLI."""
    out = tmp_path_factory.mktemp("local") / "out"
    status = main(["batch", str(corpus), "--out", str(out), "--workers", "2",
                   "--translate-to", "ru", "--sentences", "3"])
    return out, status


@pytest.fixture(scope="module")
def ray_runtime(packs):
    """One local Ray runtime (2 CPUs) for the whole module: each start costs seconds."""
    import ray

    from digest.batch.ray_engine import start_local_runtime

    start_local_runtime(2)
    yield
    ray.shutdown()


def test_local_run_writes_a_row_a_summary_and_the_digest(local_run, corpus):
    out, status = local_run
    assert status == 1  # three bad files
    manifest = by_name(out)
    assert len(rows(out)) == VISIBLE and ".hidden.txt" not in manifest
    for name in ("budget.txt", "snow.md"):
        row = manifest[name]
        assert row["status"] == "ok" and row["error"] is None
        assert row["language"] == "en" and row["confidence"] > 0.5
        assert row["title"] == ENGLISH[name].split("\n")[0]
        assert len(row["summary"]) == 3
        assert all(sentence in ENGLISH[name] for sentence in row["summary"])
        assert len(row["translation"]) == 3 and row["translation"] != row["summary"]
        assert len(row["sha256"]) == 64 and row["timings"]["total"] >= 0
        text = (out / "summaries" / row["summary_file"]).read_text("utf-8")
        assert row["title"] in text and row["summary"][0] in text
        assert "Translation (Russian)" in text and row["translation"][0] in text


def test_legacy_encodings_come_back_as_the_same_russian(local_run):
    out, _ = local_run
    manifest = by_name(out)
    for name, encoding in (("ru-utf8.txt", "utf-8"), ("ru-cp1251.txt", "cp1251"),
                           ("ru-koi8.text", "koi8-r")):
        row = manifest[name]
        assert row["status"] == "ok", row["error"]
        assert row["encoding"] == encoding
        assert (row["language"], row["title"]) == ("ru", "Парламент утвердил бюджет")
        assert all(sentence in RUSSIAN for sentence in row["summary"])
        assert row["translation"] is None and "already in Russian" in row["translation_note"]
    assert manifest["ru-cp1251.txt"]["summary"] == manifest["ru-utf8.txt"]["summary"]


def test_bad_files_are_error_rows_with_their_reason(local_run, capfd):
    out, _ = local_run
    manifest = by_name(out)
    assert "empty" in manifest["empty.txt"]["error"]
    assert "PNG" in manifest["picture.png"]["error"]
    assert "decoded" in manifest["noise.txt"]["error"]
    for name in BAD:
        assert manifest[name]["status"] == "error" and manifest[name]["summary_file"] is None
    summaries = sorted(path.name for path in (out / "summaries").iterdir())
    assert len(summaries) == GOOD and len(set(summaries)) == GOOD


def test_digest_holds_every_article_in_input_order(local_run, corpus):
    out, _ = local_run
    digest = (out / "digest.txt").read_text("utf-8")
    positions = [digest.index(str(corpus / name)) for name in
                 ("budget.txt", "ru-cp1251.txt", "ru-utf8.txt", "world/ru-koi8.text",
                  "world/snow.md")]
    assert positions == sorted(positions)
    assert "empty.txt" not in digest


def test_rerun_skips_what_is_done_and_redoes_a_changed_file(packs, corpus, tmp_path):
    folder = make_corpus(tmp_path / "news")
    out = tmp_path / "out"
    settings = BatchSettings(SummarySettings(sentences=2))
    first = run_batch(BatchJob([str(folder)], out, settings, workers=2, progress=False))
    assert (first.done, first.skipped, first.failed) == (GOOD, 0, len(BAD))

    changed = ENGLISH["budget.txt"].replace("Parliament approves", "Senate rejects")
    (folder / "budget.txt").write_text(changed, encoding="utf-8")
    second = run_batch(BatchJob([str(folder)], out, settings, workers=2, progress=False))
    assert (second.done, second.skipped) == (1, GOOD - 1)
    assert by_name(out)["budget.txt"]["title"] == "Senate rejects the budget"
    summary = (out / "summaries" / "budget.summary.txt").read_text("utf-8")
    assert summary.startswith("Senate rejects the budget")

    longer = BatchSettings(SummarySettings(sentences=4))
    third = run_batch(BatchJob([str(folder)], out, longer, workers=1, progress=False))
    assert third.done == GOOD  # other settings: everything is redone
    assert len(by_name(out)["budget.txt"]["summary"]) == 4

    snow_summary = out / "summaries" / by_name(out)["snow.md"]["summary_file"]
    assert snow_summary.exists()
    (folder / "world" / "snow.md").write_bytes(b"")  # a changed file that now fails
    fourth = run_batch(BatchJob([str(folder)], out, longer, workers=1, progress=False))
    assert (fourth.done, fourth.skipped, fourth.failed) == (0, GOOD - 1, len(BAD) + 1)
    assert by_name(out)["snow.md"]["status"] == "error" and not snow_summary.exists()
    assert "Snow closes" not in (out / "digest.txt").read_text("utf-8")


def test_a_stopped_run_is_continued_by_the_next(packs, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(12):
        (folder / f"{number:02}.txt").write_text(ENGLISH["budget.txt"] + f" Number {number}.")
    out = tmp_path / "out"
    stopped = run_batch(BatchJob([str(folder)], out, workers=1, progress=False, stop_after=3))
    assert stopped.interrupted
    kept = rows(out)
    assert 3 <= len(kept) < 12 and all(row["status"] == "ok" for row in kept)
    assert sorted(p.name for p in (out / "summaries").iterdir()) == sorted(
        row["summary_file"] for row in kept
    )
    resumed = run_batch(BatchJob([str(folder)], out, workers=2, progress=False))
    assert (resumed.done, resumed.skipped, resumed.failed) == (12 - len(kept), len(kept), 0)
    assert len({row["file"] for row in rows(out)}) == 12 == len(rows(out))


def test_ctrl_c_exits_130_and_the_next_run_continues(packs, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:03}.txt").write_text(ENGLISH["snow.md"] + f" Number {number}.")
    out = tmp_path / "out"
    command = [sys.executable, "-X", "faulthandler", "-m", "cli", "batch", str(folder),
               "--out", str(out), "--workers", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        manifest.exists() and manifest.read_text("utf-8").count("\n") >= 5
    ):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler prints where every thread waits
        stdout, stderr = process.communicate()
        raise AssertionError(f"no exit 60 s after Ctrl-C: {stderr[-6000:]}") from None
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    kept = rows(out)  # every line is whole JSON
    assert 5 <= len(kept) < 300

    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{300 - len(kept)} done, {len(kept)} skipped, 0 failed" in rerun.stdout
    assert len({row["file"] for row in rows(out)}) == 300


def test_ray_engine_agrees_with_local_file_for_file(ray_runtime, local_run, corpus, tmp_path):
    local_out, _ = local_run
    out = tmp_path / "ray"
    status = main(["batch", str(corpus), "--out", str(out), "--engine", "ray",
                   "--translate-to", "ru", "--sentences", "3"])
    assert status == 1
    local_rows = {row["path"]: without_timings(row) for row in rows(local_out)}
    ray_rows = {row["path"]: without_timings(row) for row in rows(out)}
    assert ray_rows.keys() == local_rows.keys()
    for path, row in ray_rows.items():
        differing = {key for key in row if row[key] != local_rows[path].get(key)}
        assert not differing, (path, {key: (row[key], local_rows[path][key]) for key in differing})
    assert (out / "digest.txt").read_text("utf-8") == (local_out / "digest.txt").read_text("utf-8")
    for path in (local_out / "summaries").iterdir():
        assert (out / "summaries" / path.name).read_text("utf-8") == path.read_text("utf-8")


def test_ray_engine_resumes_a_stopped_run(ray_runtime, packs, tmp_path):
    folder = make_corpus(tmp_path / "news")
    out = tmp_path / "out"
    job = BatchJob([str(folder)], out, engine="ray", workers=2, progress=False, stop_after=2)
    stopped = run_batch(job)
    assert stopped.interrupted and 2 <= len(rows(out)) < VISIBLE
    done_before = sum(row["status"] == "ok" for row in rows(out))
    resumed = run_batch(BatchJob([str(folder)], out, engine="ray", workers=2, progress=False))
    assert resumed.skipped == done_before and resumed.done == GOOD - done_before
    assert sum(row["status"] == "ok" for row in by_name(out).values()) == GOOD


def test_the_local_engine_never_imports_ray(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    script = (
        "import sys; from cli.main import main; "
        f"status = main(['batch', {str(tmp_path / 'a.txt')!r}, '--out', "
        f"{str(tmp_path / 'out')!r}, '--workers', '1']); "
        "assert status == 0, status; "
        "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.')))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_usage_errors_and_missing_inputs_are_one_line(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--sentences", "2", "--ratio", "0.5"]) == 2
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    status = main(["batch", str(tmp_path / "a.txt"), str(tmp_path / "nothing-*.txt"),
                   "--out", str(tmp_path / "o"), "--workers", "1"])
    captured = capsys.readouterr()
    assert status == 1
    nothing = tmp_path / "nothing-*.txt"
    assert f"news-digest: {nothing}: no such file, or nothing matched" in captured.err
    assert "1 done, 0 skipped, 0 failed" in captured.out


def test_each_new_row_reaches_the_library_hook(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    stored: list[dict] = []
    job = BatchJob([str(tmp_path)], tmp_path / "out", workers=1, progress=False,
                   on_row=stored.append)
    run_batch(job)
    assert sorted((Path(row["file"]).name, row["status"]) for row in stored) == [
        ("a.txt", "ok"), ("b.txt", "error")]
    run_batch(job)  # a.txt is skipped: stored once; the bad file is retried
    assert [Path(row["file"]).name for row in stored].count("a.txt") == 1


def test_library_keeps_the_articles_for_the_library_page(tmp_path, data_dir, capsys):
    from digest.library import open_library

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    status = main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--workers", "1",
                   "--library"])
    assert status == 1  # b.txt failed; a.txt is kept
    library = open_library()
    assert [article.name for article in library.articles()] == ["a.txt"]
    word = next(w for w in ENGLISH["snow.md"].split() if len(w) > 6 and w.isalpha())
    assert library.search(word)
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--workers", "1",
                 "--library"]) == 1
    assert library.count() == 1  # kept once


def test_an_unreachable_cluster_is_one_clear_line(tmp_path, capsys):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    status = main(["batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                   "--ray-address", f"127.0.0.1:{port}"])
    assert status == 1
    assert f"--ray-address 127.0.0.1:{port}: nothing answers there" in capsys.readouterr().err


def test_words_length_bounds_each_summary_and_a_new_length_is_redone(packs, tmp_path):
    folder = make_corpus(tmp_path / "news")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "--workers", "1",
                 "--words", "20"]) == 1  # the bad files
    short = by_name(out)["budget.txt"]
    assert short["status"] == "ok" and 1 <= len(short["summary"]) <= 2
    assert "20 words" in short["length"]

    assert main(["batch", str(folder), "--out", str(out), "--workers", "1",
                 "--words", "60"]) == 1
    longer = by_name(out)["budget.txt"]
    assert len(longer["summary"]) > len(short["summary"])  # redone, not skipped
    words = sum(len(sentence.split()) for sentence in longer["summary"])
    assert words <= 70


def test_ray_engine_keeps_the_glossary(ray_runtime, tmp_path):
    """The glossary reaches the Ray Translator actors: its term comes out as it says."""
    news, glossary, out = tmp_path / "news", tmp_path / "terms.csv", tmp_path / "out"
    news.mkdir()
    (news / "flood.txt").write_text(
        "Floods in Bishkek\n\nHeavy rains flooded the streets of Bishkek on Friday. "
        "Rescuers worked through the night near the river.\n", encoding="utf-8")
    glossary.write_text("source_language,term,target_language,translation\n"
                        "en,Bishkek,ru,Бишкек\n", encoding="utf-8")
    status = main(["batch", str(news), "--out", str(out), "--engine", "ray",
                   "--translate-to", "ru", "--glossary", str(glossary)])
    assert status == 0
    (row,) = rows(out)
    assert "Бишкек" in " ".join(row["translation"]), row["translation"]
