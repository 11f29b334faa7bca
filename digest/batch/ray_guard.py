"""A local Ray runtime's guard: when the driver that started it dies, even by kill -9,
end the runtime's processes that outlive it.

Ray ends its GCS, raylet and workers with the driver, but not the agents the raylet
started (about 80 MB each). The guard is a small process of its own (no Ray import):
it watches its parent, the driver, and the processes below it; when the driver goes, it
kills those processes and every process of the runtime's node (RAY_NODE_ID in its
environment) on this machine, until none is left. Linux only (/proc).

    python -I digest/batch/ray_guard.py DRIVER_PID NODE_ID
"""
from __future__ import annotations

import logging
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

POLL_SECONDS = 0.5
READY_SECONDS = 30.0
SWEEP_SECONDS = 20.0
PROC = Path("/proc")

log = logging.getLogger(__name__)


def process_table() -> dict[int, tuple[int, str]]:
    """Every live process of this machine: pid -> (parent pid, start time), from /proc
    (zombies are left out: they are dead, only not yet reaped)."""
    table = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            table[int(entry.name)] = (int(fields[1]), fields[19])  # ppid, starttime
    return table


def descendants(root: int, table: dict[int, tuple[int, str]]) -> dict[int, str]:
    """The processes below root (children, their children, ...): pid -> start time."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found: dict[int, str] = {}
    frontier = [root]
    while frontier:
        pid = frontier.pop()
        for child in children.get(pid, ()):
            if child not in found:
                found[child] = table[child][1]
                frontier.append(child)
    return found


def node_processes(node_id: str) -> list[int]:
    """Pids of this machine's processes with RAY_NODE_ID=node_id in their environment."""
    marker = f"RAY_NODE_ID={node_id}".encode()
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def guard(driver: int, node_id: str) -> None:
    """Wait for the driver to go, then end what it left: the processes that were below it
    when last seen (a pid is killed only if its start time still matches, never a reused
    one) and every process of its node. Repeated until two rounds find nothing, since a
    dying raylet may still be starting a worker or an agent."""
    own = os.getpid()
    seen: dict[int, str] = {}
    announced = False
    while os.getppid() == driver:
        seen = descendants(driver, process_table())
        seen.pop(own, None)
        if not announced:  # the driver waits for this line before it starts any work
            announced = True
            try:
                print("watching", flush=True)
            except OSError:
                pass
        time.sleep(POLL_SECONDS)
    deadline = time.monotonic() + SWEEP_SECONDS
    quiet_rounds = 0
    while quiet_rounds < 2 and time.monotonic() < deadline:
        table = process_table()
        targets = {pid for pid, started in seen.items()
                   if pid in table and table[pid][1] == started}
        for pid in list(targets):  # what those processes started since, too
            targets |= set(descendants(pid, table))
        targets |= set(node_processes(node_id))
        targets.discard(own)
        for pid in targets:
            _kill(pid)
        quiet_rounds = 0 if targets else quiet_rounds + 1
        seen = {pid: table[pid][1] for pid in targets if pid in table}
        time.sleep(POLL_SECONDS / 2)


def start_guard(node_id: str) -> subprocess.Popen | None:
    """The guard for the runtime of node_id, started by the driver (None off Linux), once
    it watches: a driver killed before that would leave it nothing to go by. It runs as a
    file in an isolated interpreter (-I: no project package is imported), so it starts in
    a fraction of a second."""
    if not sys.platform.startswith("linux") or not PROC.is_dir():
        return None
    env = dict(os.environ)
    env.pop("RAY_NODE_ID", None)
    process = subprocess.Popen(
        [sys.executable, "-I", str(Path(__file__).resolve()), str(os.getpid()), node_id],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )
    ready, _, _ = select.select([process.stdout], [], [], READY_SECONDS)
    if ready:
        process.stdout.readline()
    else:
        log.warning("batch: the Ray runtime's guard did not start within %.0f s",
                    READY_SECONDS)
    process.stdout.close()
    return process


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    guard(int(sys.argv[1]), sys.argv[2])
