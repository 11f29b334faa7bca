"""The HTTP API under load, beside the dashboard: `python -m bench.api_load`.

20 clients at once, each sending 50 `/translate` requests of one sentence (kept-alive
connections, as a CAT tool or an extension holds one), to a real `news-digest serve` in
its own process, translating with a tiny Argos pack (testkit.tinypack: random weights, so
the figures are the server's and the engine's overhead, not a real model's speed). Every
sentence is distinct (no request is served from the translation memory); a second round
sends new ones, a third round the first round's again (all from the memory).

Measured: latency p50 / p95, throughput, errors (must be none), the server's resident
memory after a concurrent warm-up and at the end of each round (flat: no growth per
request; a second round of new sentences shows it), and the
dashboard (`streamlit run app.py`, started beside it) polled at /_stcore/health all along:
it must answer every poll.
"""
from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from testkit.streamlit_server import app_environment, free_port, served
from testkit.tinypack import TRAINING_SENTENCES, build_tiny_pack

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 20
REQUESTS = 50
WARM_UP = 10
"""Requests per client before memory is first measured (the batches' buffers are made)."""
ENGLISH = [sentence for sentence in TRAINING_SENTENCES[:10]]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sentence(client: int, number: int, round_: int = 0) -> str:
    """A distinct English sentence per (round, client, request)."""
    base = ENGLISH[(client + number) % len(ENGLISH)].rstrip(".")
    return f"{base}, report {round_ * 100_000 + client * REQUESTS + number + 1}."


def translate(connection: http.client.HTTPConnection, text: str) -> tuple[int, float]:
    body = json.dumps({"q": text, "source": "en", "target": "de"})
    started = time.perf_counter()
    connection.request("POST", "/translate", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = response.read()
    elapsed = time.perf_counter() - started
    if response.status == 200 and not json.loads(payload).get("translatedText"):
        return 599, elapsed
    return response.status, elapsed


def client_run(port: int, client: int, latencies: list[float], errors: list[str],
               round_: int, requests: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        for number in range(requests):
            try:
                status, elapsed = translate(connection, sentence(client, number, round_))
            except (OSError, http.client.HTTPException) as error:
                errors.append(type(error).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                continue
            latencies.append(elapsed)
            if status != 200:
                errors.append(str(status))
    finally:
        connection.close()


class DashboardWatch(threading.Thread):
    """Polls the dashboard's health check until stopped; counts answers and misses."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.stop = threading.Event()
        self.answered = 0
        self.missed = 0
        self.slowest = 0.0

    def run(self) -> None:
        import urllib.request

        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=10) as answer:
                    ok = answer.read().strip() == b"ok"
            except OSError:
                ok = False
            self.slowest = max(self.slowest, time.perf_counter() - started)
            if ok:
                self.answered += 1
            else:
                self.missed += 1
            self.stop.wait(0.2)


def load_round(port: int, round_: int, requests: int = REQUESTS) -> dict[str, float]:
    """CLIENTS clients at once, `requests` each; the sentences of `round_`."""
    latencies: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=client_run,
                                args=(port, client, latencies, errors, round_, requests))
               for client in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies) + sum(1 for e in errors if not e.isdigit()),
        "errors": len(errors),
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
        "throughput": len(latencies) / wall,
        "wall_s": wall,
    }


def wait_for_api(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"news-digest serve exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("news-digest serve did not answer")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-api-") as folder:
        work = Path(folder)
        env = app_environment(work, NEWS_DIGEST_MODELS_DIR=str(work / "models"),
                              PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "cli", "packages", "install-file",
                        str(build_tiny_pack(work / "built", "en", "de"))],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        port = free_port()
        api = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port)],
                               cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        try:
            wait_for_api(port, api)
            with served(env) as (dashboard, _process):
                watch = DashboardWatch(dashboard)
                watch.start()
                warm_up = load_round(port, 0, WARM_UP)
                rss_warm = rss_mb(api.pid)
                rounds = []
                for label, round_ in (("distinct sentences (model runs)", 1),
                                      ("distinct sentences again (new ones)", 2),
                                      ("round 1's sentences again (translation memory)", 1)):
                    row = load_round(port, round_)
                    rounds.append((label, row, rss_mb(api.pid)))
                watch.stop.set()
                watch.join()
        finally:
            api.terminate()
            api.wait(timeout=30)
    print(f"{CLIENTS} clients x {REQUESTS} requests of one sentence each (en -> de, tiny "
          f"random-weight pack), {os.cpu_count()} CPU cores; server and dashboard in their "
          "own processes.")
    print()
    print("| round | requests | errors | p50 | p95 | throughput | server RSS after |")
    print("|---|---|---|---|---|---|---|")
    print(f"| warm-up ({CLIENTS} x {WARM_UP}, distinct) | {warm_up['requests']:,} "
          f"| {warm_up['errors']} | | | | {rss_warm:.0f} MB |")
    for label, row, rss in rounds:
        print(f"| {label} | {row['requests']:,} | {row['errors']} | {row['p50_ms']:.0f} ms "
              f"| {row['p95_ms']:.0f} ms | {row['throughput']:.0f} req/s | {rss:.0f} MB |")
    print()
    print(f"Dashboard health polled every 0.2 s meanwhile: {watch.answered} answered, "
          f"{watch.missed} missed; slowest answer {watch.slowest * 1000:.0f} ms.")
    failed = any(row["errors"] for _, row, _ in rounds) or watch.missed or not watch.answered
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
