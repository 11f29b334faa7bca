"""Every command measures its input before reading it (issue #24): /dev/zero, an endless
standard input, a FIFO that never ends, a sparse 2 GB file, a folder are refused in one
line naming the file, quickly and without reading them into memory."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from digest.inputs import read_bounded

ROOT = Path(__file__).resolve().parents[1]
LIMIT = "the limit is 25 MB (26,214,400 bytes)"
COMMANDS = (["summarize"], ["detect"], ["translate", "--target", "en"])


def run(args, stdin=subprocess.DEVNULL, timeout=60) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "cli", *map(str, args)], cwd=ROOT, env=env, stdin=stdin,
        capture_output=True, text=True, timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result, time.monotonic() - started


def peak_kb(result: subprocess.CompletedProcess) -> int:
    return int(result.stderr.strip().splitlines()[-1])


@pytest.fixture
def sparse(tmp_path) -> Path:
    path = tmp_path / "huge.txt"
    subprocess.run(["truncate", "-s", "2G", str(path)], check=True)
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_dev_zero_and_a_sparse_file_are_refused_unread(command, sparse, tmp_path):
    result, seconds = run([*command, "/dev/zero", sparse, tmp_path])
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert "news-digest: /dev/zero: is a device, not a file" in lines
    assert f"news-digest: {sparse}: the file is too large (2048.0 MB, 2,147,483,648 bytes); " \
           f"{LIMIT}." in lines
    assert f"news-digest: {tmp_path}: is a directory" in lines
    assert seconds < 20


@pytest.mark.parametrize("command", COMMANDS)
def test_endless_standard_input_stops_after_the_limit(command):
    with open("/dev/zero", "rb") as zero:
        result, _ = run([*command, "-"], stdin=zero)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"news-digest: standard input: the file is too large (more than 25 MB); {LIMIT}."
    )


def test_an_endless_stdin_is_read_only_up_to_the_limit():
    """Memory: at most the limit (plus the interpreter) is held, not the stream."""
    code = (
        # VmHWM: this process's own peak. ru_maxrss would carry the peak of the forked
        # test runner across exec, and measure pytest rather than the command.
        "import sys; from cli.main import main; status = main(['summarize', '-']); "
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]; "
        "print(peak.split()[1], file=sys.stderr); sys.exit(status)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    producer = subprocess.Popen(["yes", "The parliament approved the budget."],
                                stdout=subprocess.PIPE)
    try:
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                                stdin=producer.stdout, capture_output=True, text=True, timeout=60)
    finally:
        producer.kill()
        producer.wait()
    assert result.returncode == 1 and "standard input: the file is too large" in result.stderr
    assert peak_kb(result) < 250_000  # the interpreter + 25 MB, not an endless stream


def test_a_fifo_that_never_ends_is_refused_after_the_limit(tmp_path):
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write_forever() -> None:
        try:
            with open(fifo, "wb") as stream:
                block = b"The parliament approved the budget. " * 1000
                while not stop.is_set():
                    stream.write(block)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    try:
        result, seconds = run(["summarize", fifo])
    finally:
        stop.set()
    writer.join(timeout=10)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"news-digest: {fifo}: the file is too large (more than 25 MB); {LIMIT}."
    )
    assert seconds < 20


def test_a_small_fifo_and_a_small_stdin_are_still_read(tmp_path):
    article = ("Budget\n\nThe parliament approved the new budget on Monday. Prices for bread "
               "rose again this week. The minister said nothing about the railway.\n")
    fifo = tmp_path / "article"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(article), daemon=True)
    writer.start()
    result, _ = run(["detect", fifo])
    writer.join(timeout=10)
    assert result.returncode == 0 and result.stdout.startswith("en\t")
    source = tmp_path / "a.txt"
    source.write_text(article)
    with source.open("rb") as stream:
        result, _ = run(["summarize", "--sentences", "1", "-"], stdin=stream)
    assert result.returncode == 0 and "parliament" in result.stdout


def test_read_bounded_refuses_pipes_when_asked_and_never_waits(tmp_path):
    from digest.inputs import InputRefused

    fifo = tmp_path / "nobody-writes"
    os.mkfifo(fifo)
    with pytest.raises(InputRefused, match="named pipe"):
        read_bounded(fifo, pipes=False)  # would block forever if it opened the FIFO
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    with pytest.raises(InputRefused, match="loops"):
        read_bounded(loop)
