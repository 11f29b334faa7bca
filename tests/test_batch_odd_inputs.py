"""One odd input is one error row, never the end of a batch run (issue #24): names that
are not UTF-8, symbolic link loops, folder loops under a glob, FIFOs and devices, an
output folder inside the input, a tampered manifest, a full output disk, a library that
cannot keep an article."""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli.main import main
from digest.batch.runner import BatchJob, run_batch
from tests.test_batch import ENGLISH, rows

ROOT = Path(__file__).resolve().parents[1]


def whole_rows(out: Path) -> dict[str, dict]:
    """The last row of each file, by its name; torn or foreign lines (which the command
    ignores) are left out."""
    latest = {}
    for line in (out / "manifest.jsonl").read_bytes().splitlines():
        try:
            row = json.loads(line)
        except (ValueError, RecursionError):
            continue
        latest[Path(row["file"]).name] = row
    return latest


def batch(*args, timeout=120) -> subprocess.CompletedProcess:
    """The real command, as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "cli", "batch", *map(str, args), "--workers", "1"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
        timeout=timeout,
    )
    assert b"Traceback" not in result.stderr, result.stderr
    assert b"unexpected error" not in result.stderr, result.stderr
    return result


def test_odd_names_loops_fifos_and_an_inner_output_folder_are_rows(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "budget.txt").write_text(ENGLISH["budget.txt"], encoding="utf-8")
    with open(os.fsencode(news) + b"/caf\xe9.txt", "wb") as stream:  # not UTF-8: Latin-1
        stream.write(ENGLISH["snow.md"].encode())
    os.symlink("loop-b", news / "loop-a")
    os.symlink("loop-a", news / "loop-b")
    os.mkfifo(news / "pipe.txt")  # nobody writes: reading it would wait forever
    os.symlink("/dev/zero", news / "zero.txt")
    (news / "deep").mkdir()
    os.symlink("..", news / "deep" / "up")  # a folder loop for `**`
    out = news / "digest-out"  # the output folder inside the input folder

    first = batch(news, "--out", out)
    assert first.returncode == 1, first.stderr
    stderr = first.stderr.decode("utf-8", "replace")
    manifest = {os.path.basename(os.fsencode(row["file"])): row for row in rows(out)}
    assert manifest[b"budget.txt"]["status"] == "ok"
    assert manifest[b"caf\xe9.txt"]["status"] == "ok"
    for name, reason in ((b"loop-a", "loops"), (b"loop-b", "loops"),
                         (b"pipe.txt", "named pipe"), (b"zero.txt", "device")):
        assert manifest[name]["status"] == "error" and reason in manifest[name]["error"]
        assert f"{name.decode()}: " in stderr
    assert len(manifest) == 6  # nothing of the output folder was read
    summaries = sorted(path.name for path in (out / "summaries").iterdir())
    assert len(summaries) == 2 and not any(".summary.summary" in name for name in summaries)
    cafe = next(out.glob("summaries/caf*.summary.txt")).read_text("utf-8")
    assert "Snow closes the mountain road" in cafe
    assert "Snow closes" in (out / "digest.txt").read_text("utf-8")

    again = batch(news, "--out", out)  # resumes past every odd file, reads nothing of out
    assert again.returncode == 1
    assert b"0 done, 2 skipped, 4 failed" in again.stdout
    assert len(list((out / "summaries").iterdir())) == 2

    shutil.rmtree(out)  # (another run's output folder is input like any other)
    glob = batch(f"{news}/**/*.txt", "--out", tmp_path / "globbed", timeout=60)
    assert b"0 failed" not in glob.stdout and glob.returncode == 1  # the pipe and the device
    names = {os.path.basename(os.fsencode(row["file"])) for row in rows(tmp_path / "globbed")}
    assert names == {b"budget.txt", b"caf\xe9.txt", b"pipe.txt", b"zero.txt"}


def test_a_tampered_manifest_cannot_reach_outside_the_output_folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ENGLISH["budget.txt"], encoding="utf-8")
    (news / "b.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    out = tmp_path / "run" / "out"
    first = run_batch(BatchJob([str(news)], out, workers=1, progress=False))
    assert first.done == 2
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    tampered = []
    for row in rows(out):
        row["summary_file"] = "../../../victim.txt"
        tampered.append(json.dumps(row))
    tampered.append("[" * 100_000 + "]" * 100_000)  # nested past the JSON parser
    (out / "manifest.jsonl").write_text("\n".join(tampered) + "\n", encoding="utf-8")
    (news / "b.txt").write_bytes(b"")  # fails now: its old summary would be removed

    status = main(["batch", str(news), "--out", str(out), "--workers", "1"])
    assert status == 1  # b.txt is empty
    assert victim.read_text("utf-8") == "precious"
    latest = whole_rows(out)
    assert latest["a.txt"]["status"] == "ok"  # the untrusted row was redone, not skipped
    assert latest["a.txt"]["summary_file"] == "a.summary.txt"
    assert (out / "summaries" / "a.summary.txt").exists()


def test_a_full_output_disk_stops_cleanly_and_the_next_run_finishes(tmp_path):
    """The driver's files may grow only a little more once the run has started (its
    workers are unaffected): as a disk that fills up in the middle of a run."""
    news = tmp_path / "news"
    news.mkdir()
    for number in range(30):
        text = ENGLISH["budget.txt"] + f" District {number} reported {number * 3} schools."
        (news / f"{number:02}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    manifest = out / "manifest.jsonl"
    command = [sys.executable, "-m", "cli", "batch", str(news), "--out", str(out),
               "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (manifest.exists() and manifest.stat().st_size):
            time.sleep(0.01)
        room = manifest.stat().st_size + 3000  # a row or two more, then "full"
        resource.prlimit(process.pid, resource.RLIMIT_FSIZE, (room, room))
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 1, stderr
    assert b"Traceback" not in stderr and b"unexpected error" not in stderr
    message = stderr.decode().strip().splitlines()[-1]
    assert "cannot be written (File too large)" in message
    assert "run the same command again" in message
    assert not [path for path in out.rglob("*.tmp")]
    done = whole_rows(out)
    assert 0 < len(done) < 30
    for row in done.values():
        assert (out / "summaries" / row["summary_file"]).exists()

    rerun = batch(news, "--out", out)
    assert rerun.returncode == 0, rerun.stderr
    assert len(whole_rows(out)) == 30 and "District 29" in (out / "digest.txt").read_text("utf-8")


def test_library_not_kept_is_a_failure_and_the_next_run_keeps_it(tmp_path, monkeypatch, capsys):
    from digest.batch import library_hook
    from digest.library import LibraryError, open_library

    news = tmp_path / "news"
    news.mkdir()
    for name, text in ENGLISH.items():
        (news / name).write_text(text, encoding="utf-8")
    args = ["batch", str(news), "--out", str(tmp_path / "out"), "--workers", "1", "--library"]

    def full(library, row):
        raise LibraryError("The library cannot be used now: database or disk is full.")

    with monkeypatch.context() as patch:
        patch.setattr(library_hook, "keep_row", full)
        assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.err.count("not kept in the library: The library cannot be used now") == 2
    assert "2 not kept in the library" in captured.out
    assert open_library().count() == 0

    assert main(args) == 0  # the rows are done; their articles are kept now
    out = capsys.readouterr().out
    assert "0 done, 2 skipped, 0 failed" in out and "2 kept again in the library" in out
    assert open_library().count() == 2

    from digest.library.keeping import delete_for_good

    library = open_library()
    deleted = library.articles()[0]
    assert delete_for_good(library, deleted.id)
    assert main(args) == 0  # a deletion holds: a rerun does not bring the article back
    assert [article.sha256 for article in open_library().articles()] != [deleted.sha256]
    assert open_library().count() == 1 and open_library().find(deleted.sha256) is None


def test_a_damaged_library_is_one_line_before_anything_is_done(tmp_path, data_dir, capsys):
    data_dir.mkdir(parents=True)
    (data_dir / "library.sqlite3").write_bytes(b"this is no database" * 100)
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    status = main(["batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                   "--library"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("news-digest: --library: ") and "not a News Digest library" in err
    assert "unexpected error" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["manifest.jsonl"])
def test_an_unreadable_manifest_is_one_line(tmp_path, capsys, name):
    out = tmp_path / "out"
    (out / name).mkdir(parents=True)  # a folder where the manifest should be
    (tmp_path / "a.txt").write_text(ENGLISH["snow.md"], encoding="utf-8")
    status = main(["batch", str(tmp_path / "a.txt"), "--out", str(out), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 1 and "manifest.jsonl" in err and "unexpected error" not in err
