"""A real `streamlit run` server on a free loopback port, and Debian's Chromium to view it.

Shared by the browser tests and bench/dashboard.py.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, driven through Playwright; closed at the end."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: `make chromium` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def refuse_foreign(context, app_url: str, foreign: list[str]) -> None:
    """Make the browser context abort every request to a host other than the app's (at
    `app_url`), its URL recorded in `foreign`: a test that shows hostile text asserts the
    list stays empty."""
    host = urlsplit(app_url).netloc

    def only_loopback(route, request) -> None:
        if urlsplit(request.url).netloc != host:
            foreign.append(request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", only_loopback)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(
    script: Path, port: int, env: dict[str, str], output: IO[bytes] | int = subprocess.DEVNULL
) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def wait_until_serving(
    process: subprocess.Popen, url: str, timeout: float = 90, log: Path | None = None
) -> None:
    """Return once the server answers its health check; fail with its log if it died."""
    def details() -> str:
        return f":\n{log.read_text(errors='replace')}" if log else ""

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}{details()}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"streamlit did not serve within {timeout} s{details()}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def app_environment(work: Path, **extra: str) -> dict[str, str]:
    """A test server's environment: its own packs folder and its own library (the desk
    of one server must not show another's articles)."""
    return {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(work / "packs"),
        "NEWS_DIGEST_DATA": str(work / "data"),
        **extra,
    }


def install_pack(work: Path, source: str, target: str) -> None:
    """A tiny real pack for the pair, built in `work` and installed in the packs folder of
    the servers started with app_environment(work); this process's environment is left
    as it was."""
    from testkit.tinypack import build_tiny_pack
    from translator.packs.install import install_from_file

    saved = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packs")
    try:
        install_from_file(build_tiny_pack(work, source, target))
    finally:
        if saved is None:
            os.environ.pop("ARGOS_PACKAGES_DIR", None)
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = saved


def empty_desk(work: Path) -> None:
    """Take every article off the desk of the server started with app_environment(work),
    so that each test starts from the empty dashboard a new reader sees."""
    from digest.library import Library

    database = work / "data" / "library.sqlite3"
    if database.exists():
        Library(database).clear_desk()  # each call opens (and closes) its own connection


@contextmanager
def served(
    env: dict[str, str],
    script: Path = ROOT / "app.py",
    output: IO[bytes] | int = subprocess.DEVNULL,
    log: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run script` on a free loopback port; yields its URL and process once
    it answers its health check, and stops it afterwards."""
    port = free_port()
    process = start_server(script, port, env, output)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(process, url, log=log)
        yield url, process
    finally:
        stop(process)


@contextmanager
def serve_app(work: Path, **extra_env: str) -> Iterator[str]:
    """`streamlit run app.py` with app_environment(work); yields its URL once it
    answers, and stops it afterwards. Its log is work/streamlit.log."""
    log = work / "streamlit.log"
    with log.open("wb") as output, served(
        app_environment(work, **extra_env), output=output, log=log
    ) as (url, _):
        yield url
