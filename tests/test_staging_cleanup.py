"""Staging folders left by a killed install are removed at the next start or install
(issue 13, item 8); a staging folder in use by a running install is kept."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from testkit.tinypack import build_tiny_pack
from translator.packs.folders import installed_packs
from translator.packs.install import install_from_file

ROOT = Path(__file__).resolve().parents[1]

# Enter a staging area, leave partial pack data in it, then die as under kill -9 (or,
# with "wait", hold it until stdin closes).
SCRIPT = """
import os, signal, sys
from pathlib import Path
from translator.locking import staging_area
with staging_area(Path(sys.argv[1])) as staging:
    (staging / "new").mkdir()
    (staging / "new" / "model.bin").write_bytes(b"x" * 100_000)
    print(staging, flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.read()
"""


def staging_folders(packs: Path) -> list[Path]:
    return sorted(packs.parent.glob(f".{packs.name}-staging-*"))


def run(packs: Path, mode: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(packs)}
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(packs), mode],
        env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )


def test_a_killed_install_leaves_nothing_after_the_next_start(packs_dir):
    packs_dir.mkdir()
    killed = run(packs_dir, "kill")
    leftover = Path(killed.stdout.readline().strip())
    killed.wait(timeout=60)
    assert killed.returncode == -9 and leftover.is_dir()
    assert staging_folders(packs_dir) == [leftover]
    installed_packs()  # what the app does when it starts
    assert staging_folders(packs_dir) == []


def test_a_killed_install_is_cleaned_by_the_next_install_but_a_running_one_is_kept(
    packs_dir, tmp_path
):
    packs_dir.mkdir()
    killed = run(packs_dir, "kill")
    leftover = Path(killed.stdout.readline().strip())
    killed.wait(timeout=60)
    running = run(packs_dir, "wait")
    try:
        in_use = Path(running.stdout.readline().strip())
        old_unlocked = packs_dir.parent / f".{packs_dir.name}-staging-from-an-old-version"
        old_unlocked.mkdir()
        an_hour_ago = time.time() - 3600
        os.utime(old_unlocked, (an_hour_ago, an_hour_ago))
        install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
        assert not leftover.exists() and not old_unlocked.exists()
        assert in_use.is_dir() and (in_use / "new" / "model.bin").is_file()
        assert [p.from_code for p in installed_packs()] == ["ru"]
        assert in_use.is_dir()
    finally:
        running.stdin.close()
        running.wait(timeout=60)
    assert staging_folders(packs_dir) == []
