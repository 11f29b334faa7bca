"""A local Ray runtime's guard: when the driver that started it dies, even by kill -9,
end the runtime's processes that outlive it.

Ray ends its GCS, raylet and workers with the driver, but not the agents the raylet
started (about 80 MB each). The guard is a small process of its own (no Ray import):
it waits for its parent, the driver, to go, then kills every process of the runtime's
node (RAY_NODE_ID in its environment) on this machine. Linux only (/proc).

    python -m digest.batch.ray_guard DRIVER_PID NODE_ID
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

POLL_SECONDS = 0.5
PROC = Path("/proc")


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


def guard(driver: int, node_id: str) -> None:
    while os.getppid() == driver:
        time.sleep(POLL_SECONDS)
    for pid in node_processes(node_id):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def start_guard(node_id: str) -> subprocess.Popen | None:
    """The guard for the runtime of node_id, started by the driver (None off Linux)."""
    if not sys.platform.startswith("linux") or not PROC.is_dir():
        return None
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env.pop("RAY_NODE_ID", None)
    return subprocess.Popen(
        [sys.executable, "-m", "digest.batch.ray_guard", str(os.getpid()), node_id],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    guard(int(sys.argv[1]), sys.argv[2])
