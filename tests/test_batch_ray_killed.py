"""`batch --engine ray` killed with kill -9 leaves no process of its local Ray runtime
(issue #24): Ray ends its GCS, raylet and workers with the driver but not the agents the
raylet started (about 80 MB each); the driver's guard (digest.batch.ray_guard) ends them.
A real subprocess, a real SIGKILL, the machine's process table read from /proc."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from digest.batch.ray_guard import node_processes
from tests.test_batch import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 200


def guard_of(driver: int) -> tuple[int, str] | None:
    """(pid, node id) of the guard the driver started, from the command lines in /proc."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"digest.batch.ray_guard" in words and str(driver).encode() in words:
            index = words.index(b"digest.batch.ray_guard")
            return int(entry.name), words[index + 2].decode()
    return None


def test_a_killed_ray_batch_leaves_no_ray_process(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(ARTICLES):
        text = ENGLISH["snow.md"] + f" The count for district {number} was {number * 7}."
        (folder / f"{number:02}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWS_DIGEST_DATA=str(tmp_path / "data"))
    command = [sys.executable, "-m", "cli", "batch", str(folder), "--out", str(out),
               "--engine", "ray", "--workers", "2"]
    errors = (tmp_path / "stderr.txt").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=errors)
    found = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            found = found or guard_of(process.pid)
            if found and node_processes(found[1]):
                break
            time.sleep(0.2)
        assert found, ("the driver started no guard for its Ray runtime; it ended with "
                       f"{process.poll()}: {(tmp_path / 'stderr.txt').read_text()[-2000:]}")
        guard, node = found
        assert node_processes(node), "the runtime's processes were found"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and node_processes(node):
            time.sleep(0.5)
        left = node_processes(node)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        errors.close()
    for pid in left:  # leave nothing running whatever the outcome
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    assert left == [], f"processes of the killed driver's Ray runtime still run: {left}"
