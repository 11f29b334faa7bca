"""`batch --library` loses no article to Ctrl-C or kill -9 (issue #24): the article is kept
before its row says "ok", a rerun keeps again what the library lacks, and the workers of a
killed run die with it. Real subprocesses, real signals."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.test_batch import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 36


def children(pid: int) -> list[int]:
    """Pids whose parent is pid (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def manifest_lines(out: Path) -> int:
    manifest = out / "manifest.jsonl"
    return manifest.read_bytes().count(b"\n") if manifest.exists() else 0


def test_ctrl_c_and_kill_9_lose_no_article_and_leave_no_worker(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    texts = {}
    for number in range(ARTICLES):
        text = ENGLISH["snow.md"] + f" The count for district {number} was {number * 7}."
        (folder / f"{number:02}.txt").write_text(text, encoding="utf-8")
        texts[number] = hashlib.sha256(text.encode()).hexdigest()
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWS_DIGEST_DATA=str(tmp_path / "data"))
    command = [sys.executable, "-m", "cli", "batch", str(folder), "--out", str(out),
               "--workers", "2", "--library"]
    orphans: list[int] = []
    for round_, sent in enumerate([signal.SIGINT, signal.SIGKILL, signal.SIGINT, signal.SIGKILL]):
        before = manifest_lines(out)
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and process.poll() is None and (
                manifest_lines(out) < before + 3 + round_
            ):
                time.sleep(0.02)
            workers = children(process.pid)
            process.send_signal(sent)
            _, stderr = process.communicate(timeout=90)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        assert b"Traceback" not in stderr, stderr
        if sent == signal.SIGINT:
            assert process.returncode == 130, stderr
        else:
            assert process.returncode == -signal.SIGKILL
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and any(alive(pid) for pid in workers):
                time.sleep(0.1)
            orphans += [pid for pid in workers if alive(pid)]
    assert orphans == []  # the killed driver's workers went with it
    assert 0 < manifest_lines(out) < ARTICLES + 8  # every run was cut short

    final = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=180)
    assert final.returncode == 0, final.stderr
    check = (
        "from digest.library import open_library; library = open_library(); "
        "print(library.count()); "
        "print('\\n'.join(article.sha256 for article in library.articles(limit=1000)))"
    )
    listed = subprocess.run([sys.executable, "-c", check], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    count, *shas = listed.stdout.split()
    assert int(count) == ARTICLES
    assert sorted(shas) == sorted(texts.values())  # every input, each once
