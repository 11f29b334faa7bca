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

from tests.test_batch import ENGLISH
from tests.test_batch_interrupted_library import alive, manifest_lines

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 200


def descendants(pid: int) -> set[int]:
    """Every process below pid (children, their children, ...), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def is_guard(pid: int) -> bool:
    try:
        return b"ray_guard" in (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return False


def described(pid: int) -> str:
    """pid and its command line, for the failure message."""
    try:
        line = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return f"{pid} (gone)"
    return f"{pid} {line.decode(errors='replace')[:160]}"


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
    left: list[int] = []
    still: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and manifest_lines(out) < 3:
            time.sleep(0.1)  # the runtime is up and working once rows come in
        runtime = descendants(process.pid)  # the runtime's processes, and the guard
        assert process.poll() is None and runtime, (
            f"the run ended ({process.poll()}) before it could be killed: "
            f"{(tmp_path / 'stderr.txt').read_text()[-2000:]}")
        assert any(is_guard(pid) for pid in runtime), "the driver started its guard"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(pid) for pid in runtime):
            time.sleep(0.5)
        left = sorted(pid for pid in runtime if alive(pid))
        still = [described(pid) for pid in left]
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
    assert left == [], f"processes of the killed driver's Ray runtime still run: {still}"



FAKE_DRIVER = """
import subprocess, sys, time
from digest.batch.ray_guard import start_guard
guard = start_guard("no-such-node")
child = subprocess.Popen([sys.executable, "-c",
    "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', "
    "'import time; time.sleep(600)']); time.sleep(600)"])
print(guard.pid, child.pid, flush=True)
time.sleep(600)
"""


def test_the_guard_ends_what_a_killed_driver_left_without_a_ray_marker(tmp_path):
    """Processes below the driver are ended even when their environment does not name the
    node (a worker or agent the raylet was still starting when the driver died)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("RAY_NODE_ID", None)
    driver = subprocess.Popen([sys.executable, "-c", FAKE_DRIVER], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE)
    below: set[int] = set()
    try:
        guard_pid, child_pid = (int(word) for word in driver.stdout.readline().split())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(descendants(child_pid)) < 1:
            time.sleep(0.1)
        below = descendants(driver.pid)
        assert guard_pid in below and child_pid in below and len(below) >= 3
        time.sleep(1.5)  # the guard has looked at the tree at least once
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(pid) for pid in below):
            time.sleep(0.2)
        left = [described(pid) for pid in sorted(below) if alive(pid)]
    finally:
        if driver.poll() is None:
            driver.kill()
        for pid in below:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    assert left == [], f"the killed driver's processes still run: {left}"
