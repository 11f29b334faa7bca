"""`news-digest serve` and `news-digest keys` as an operator runs them: real subprocesses."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from libretranslatepy import LibreTranslateAPI

from testkit.httpserver import closed_port_url
from testkit.streamlit_server import free_port
from testkit.tinypack import build_tiny_pack

ROOT = Path(__file__).resolve().parents[1]
SECRET_SENTENCE = "Die Preise für Brot und Benzin sind wieder gestiegen."


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["ARGOS_PACKAGES_DIR"] = str(tmp_path / "packs")
    environment["ARGOS_PACKAGE_INDEX"] = closed_port_url("/")
    environment["NEWS_DIGEST_DATA"] = str(tmp_path / "data")
    environment["PYTHONPATH"] = str(ROOT)
    return environment


def run(env, *args) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "cli", *map(str, args)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            with urllib.request.urlopen(url + "health", timeout=2) as answer:
                if json.loads(answer.read()) == {"status": "ok"}:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the server did not answer")


def test_serve_answers_libretranslatepy_and_never_logs_request_text(env, tmp_path):
    assert run(env, "packages", "install-file",
               build_tiny_pack(tmp_path / "built", "de", "en")).returncode == 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port),
                               "--verbose"], cwd=ROOT, env=env, stderr=subprocess.PIPE,
                              text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url, server)
        client = LibreTranslateAPI(url)
        assert client.translate(SECRET_SENTENCE, "de", "en").strip()
        assert client.detect(SECRET_SENTENCE)[0]["language"] == "de"
        query = urllib.parse.urlencode({"q": "Benzin"})
        assert urllib.request.urlopen(f"{url}library/search?{query}").status == 200
    finally:
        server.send_signal(signal.SIGINT)
        _, log = server.communicate(timeout=60)
    assert f"Serving on http://127.0.0.1:{port}/" in log
    assert "POST /translate 200" in log and "GET /library/search 200" in log
    for word in ("Preise", "Benzin", "Brot"):
        assert word not in log
    assert server.returncode in (0, 130)


def test_serve_says_in_one_line_why_it_cannot_start(env):
    port = free_port()
    holder = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port)],
                              cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", holder)
        taken = run(env, "serve", "--port", port)
    finally:
        holder.send_signal(signal.SIGINT)
        holder.communicate(timeout=60)
    assert taken.returncode == 1
    assert taken.stderr.startswith(f"news-digest: cannot listen on 127.0.0.1:{port}: ")
    assert len(taken.stderr.splitlines()) == 1
    keyless = run(env, "serve", "--api-keys", "--port", free_port())
    assert keyless.returncode == 1
    assert "news-digest keys add NAME" in keyless.stderr
    assert run(env, "serve", "--port", "70000").returncode == 2
    assert run(env, "serve", "--rate-limit", "-1").returncode == 2


def test_keys_are_made_listed_and_revoked_and_only_their_hash_is_kept(env, tmp_path):
    made = run(env, "keys", "add", "newsroom bot")
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    assert secret.startswith("nd-") and len(secret) > 30
    assert "not shown again" in made.stderr
    second = run(env, "keys", "add", "CAT tool").stdout.strip()
    listed = [line.split("\t") for line in run(env, "keys", "list").stdout.splitlines()]
    assert [(row[0], row[2]) for row in listed] == [("1", "newsroom bot"), ("2", "CAT tool")]
    stored = b"".join(path.read_bytes() for path in (tmp_path / "data").rglob("*") if
                      path.is_file())
    assert secret.encode() not in stored and second.encode() not in stored
    removed = run(env, "keys", "remove", "1", "9")
    assert removed.returncode == 1
    assert removed.stdout == "removed 1\n" and "9: no such key" in removed.stderr
    assert [line.split("\t")[2] for line in run(env, "keys", "list").stdout.splitlines()] == [
        "CAT tool"]
    assert run(env, "keys", "add", "   ").returncode == 2


def test_the_command_line_and_the_api_package_load_no_web_framework():
    probe = ("import sys, api, cli.main; cli.main.build_parser(); "
             "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'pydantic') "
             "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    assert loaded == "[]"
