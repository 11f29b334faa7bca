"""Installs racing each other, or racing a reader, never leave a broken or doubled pack."""
from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from translator.locking import PACKS_LOCK
from translator.packs.folders import installed_packs, remove_pack
from translator.packs.install import install_from_file


@pytest.fixture
def packs(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "area" / "packs"))
    return tmp_path / "area" / "packs"


def model_bytes(pack_file: Path) -> bytes:
    with zipfile.ZipFile(pack_file) as archive:
        [name] = [n for n in archive.namelist() if n.endswith("/model/model.bin")]
        return archive.read(name)


def run_together(*jobs) -> list[BaseException]:
    """Start the jobs at the same instant; return what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        barrier.wait()
        try:
            job()
        except BaseException as error:  # reported to the test, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_different_pairs_installed_at_once(packs, pack_files):
    for _ in range(5):
        errors = run_together(
            lambda: install_from_file(pack_files["en_de"]),
            lambda: install_from_file(pack_files["de_en"]),
        )
        assert errors == []
        assert [(p.from_code, p.to_code) for p in installed_packs()] == [("de", "en"), ("en", "de")]
        remove_pack("en", "de")
        remove_pack("de", "en")
    assert sorted(p.name for p in packs.parent.iterdir()) == ["packs"]  # no staging left


def test_the_same_pair_installed_twice_at_once_ends_with_one_whole_pack(packs, pack_files):
    expected = {"1.0": model_bytes(pack_files["en_de"]),
                "1.1": model_bytes(pack_files["en_de_1.1"])}
    for _ in range(5):
        errors = run_together(
            lambda: install_from_file(pack_files["en_de"]),
            lambda: install_from_file(pack_files["en_de_1.1"]),
        )
        assert errors == []
        [pack] = installed_packs()
        assert (pack.path / "model" / "model.bin").read_bytes() == expected[pack.version]
        assert [p.name for p in packs.iterdir() if p.is_dir()] == [pack.path.name]
    assert sorted(p.name for p in packs.parent.iterdir()) == ["packs"]


def test_a_reader_never_sees_the_pair_missing_or_half_written(packs, pack_files):
    """Like a translation loading the pack while the user reinstalls it."""
    install_from_file(pack_files["en_de"])
    expected = {model_bytes(pack_files["en_de"]), model_bytes(pack_files["en_de_1.1"])}
    stop = threading.Event()
    seen: list[str] = []
    problems: list[str] = []

    def reader():
        while not stop.is_set():
            with PACKS_LOCK:  # what a model loader holds while reading pack files
                listed = installed_packs()
                if len(listed) != 1:
                    problems.append(f"{len(listed)} packs listed")
                    continue
                data = (listed[0].path / "model" / "model.bin").read_bytes()
            if data not in expected:
                problems.append("model.bin differs from both versions")
            seen.append(listed[0].version)

    def writer():
        try:
            for round_number in range(10):
                install_from_file(pack_files["en_de_1.1" if round_number % 2 else "en_de"])
        finally:
            stop.set()

    assert run_together(reader, writer) == []
    assert problems == []
    assert seen  # the reader did run alongside the installs


def test_another_process_holding_the_lock_makes_an_install_wait(packs, pack_files):
    """The app and the CLI are different processes: the lock is also a flock on packs/.lock."""
    import subprocess
    import sys

    packs.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from translator.locking import PACKS_LOCK\n"
         "with PACKS_LOCK:\n    print('held', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = threading.Event()
        installer = threading.Thread(
            target=lambda: (install_from_file(pack_files["en_de"]), done.set())
        )
        installer.start()
        assert not done.wait(0.5)  # blocked on the other process's lock...
        assert not any(p.is_dir() for p in packs.iterdir())
        holder.stdin.write("release\n")
        holder.stdin.flush()
        installer.join(timeout=30)
        assert done.is_set()  # ...and proceeds once it is released
        assert [(p.from_code, p.to_code) for p in installed_packs()] == [("en", "de")]
    finally:
        holder.kill()
        holder.wait(timeout=10)
