"""A loopback HTTP server for tests: serves fixed bytes, and can misbehave on purpose.

    with LoopbackServer() as server:
        server.serve("/index.json", json.dumps(index).encode())
        server.serve("/pack.argosmodel", data, truncate_at=1000)   # sends 1000 bytes, hangs up
        server.url("/index.json")

Binds 127.0.0.1 on a free port, runs in a daemon thread, stops on exit. Paths not served get 404.
`closed_port_url()` gives a URL on which nothing listens (connection refused), for offline tests.
A route with `ranges=True` answers `Range: bytes=N-` with 206 and the rest of the body; the
headers of every request are kept in `server.request_headers`. `range_status=416` answers every
Range request with that status instead; `drip_seconds` sends the body a byte at a time.
`serve_hub_repo()` serves a repository the way Hugging Face does: the tree listing with each
file's checksum (`lfs.oid` sha256 for LFS files, the Git blob SHA-1 `oid` for the others) and
the files at `/{repo}/resolve/main/{name}` with their ETag / X-Linked-Etag.
"""
from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/octet-stream"
    truncate_at: int | None = None  # announce len(body), send this many bytes, then close
    send_length: bool = True
    stall_seconds: float = 0.0  # with truncate_at: wait this long before hanging up
    headers: dict[str, str] = field(default_factory=dict)
    ranges: bool = False  # answer "Range: bytes=N-" with 206 Partial Content
    range_status: int | None = None  # answer any Range request with this status (e.g. 416)
    drip_seconds: float = 0.0  # send the body one byte at a time, this long apart


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (a refused download does) is no test failure."""

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                server.request_headers.append(dict(self.headers.items()))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                wanted = self.headers.get("Range", "")
                start = 0
                if wanted and route.range_status is not None:
                    self.send_response(route.range_status)
                    self.send_header("Content-Range", f"bytes */{len(route.body)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.ranges and wanted.startswith("bytes=") and wanted.endswith("-"):
                    start = int(wanted[len("bytes="):-1])
                    route = Route(**{**route.__dict__, "body": route.body[start:],
                                     "status": 206, "truncate_at": None})
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if start:
                    total = start + len(route.body)
                    self.send_header("Content-Range", f"bytes {start}-{total - 1}/{total}")
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.send_header("Connection", "close")
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                body = route.body if route.truncate_at is None else route.body[: route.truncate_at]
                try:
                    if route.drip_seconds:
                        self._drip(body, route.drip_seconds)
                    else:
                        self.wfile.write(body)
                        self.wfile.flush()
                except OSError:
                    pass
                if route.stall_seconds:
                    time.sleep(route.stall_seconds)
                if route.truncate_at is not None or not route.send_length:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _drip(self, body: bytes, pause: float) -> None:
                """A byte, a pause, ...: until the client hangs up (or 60 s at most)."""
                deadline = time.monotonic() + 60
                for offset in range(len(body)):
                    if time.monotonic() > deadline:
                        break
                    self.wfile.write(body[offset:offset + 1])
                    self.wfile.flush()
                    time.sleep(pause)

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def serve(self, path: str, body: bytes, **options) -> str:
        """Serve body at path (options: see Route); returns its URL."""
        self.routes[path] = Route(body, **options)
        return self.url(path)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def git_blob_sha1(data: bytes) -> str:
    """Git's id of a file's contents, which the Hub lists as `oid` for files not in LFS."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def hub_checksum(data: bytes, lfs: bool) -> str:
    """What the Hub lists and sends as the ETag of a file: sha256 (LFS) or the Git blob id."""
    return hashlib.sha256(data).hexdigest() if lfs else git_blob_sha1(data)


HUB_LFS_FILES = frozenset({"model.bin", "sentencepiece.bpe.model"})


def hub_tree_entry(name: str, data: bytes, lfs: bool) -> dict:
    """One file of `GET /api/models/{repo}/tree/main`, as huggingface.co lists it."""
    entry = {"type": "file", "path": name, "size": len(data), "oid": git_blob_sha1(data)}
    if lfs:
        entry["oid"] = git_blob_sha1(b"version https://git-lfs.github.com/spec/v1\n")
        entry["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data),
                        "pointerSize": 134}
    return entry


def serve_hub_file(server: LoopbackServer, repo: str, name: str, data: bytes,
                   lfs: bool | None = None, **options) -> str:
    """Serve one file at /{repo}/resolve/main/{name} with the Hub's ETag headers, resumable."""
    lfs = name in HUB_LFS_FILES if lfs is None else lfs
    checksum = hub_checksum(data, lfs)
    headers = {"ETag": f'"{checksum}"'}
    if lfs:
        headers["X-Linked-Etag"] = f'"{checksum}"'
        headers["X-Linked-Size"] = str(len(data))
    options = {"ranges": True, **options}
    options["headers"] = {**headers, **options.get("headers", {})}
    return server.serve(f"/{repo}/resolve/main/{name}", data, **options)


def serve_hub_tree(server: LoopbackServer, repo: str, files: dict[str, bytes],
                   lfs: frozenset[str] = HUB_LFS_FILES) -> str:
    """Serve the tree listing of files (name -> bytes), with their sizes and checksums."""
    tree = [hub_tree_entry(name, data, name in lfs) for name, data in files.items()]
    tree += [{"type": "file", "path": ".gitattributes", "size": 10,
              "oid": git_blob_sha1(b"x" * 10)},
             {"type": "directory", "path": "onnx", "size": 0, "oid": "0" * 40}]
    return server.serve(f"/api/models/{repo}/tree/main", json.dumps(tree).encode())


def serve_hub_repo(server: LoopbackServer, repo: str, files: dict[str, bytes],
                   lfs: frozenset[str] = HUB_LFS_FILES) -> None:
    """A repository as huggingface.co serves it: listing, model card, and every file."""
    serve_hub_tree(server, repo, files, lfs)
    server.serve(f"/api/models/{repo}", json.dumps(
        {"id": repo, "cardData": {"license": "cc-by-nc-4.0"}}).encode())
    for name, data in files.items():
        serve_hub_file(server, repo, name, data, lfs=name in lfs)


def closed_port_url(path: str = "/") -> str:
    """A loopback URL on which nothing listens: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


@pytest.fixture
def loopback_server():
    """A running LoopbackServer; import this name into a test module to use it as a fixture."""
    with LoopbackServer() as server:
        yield server
