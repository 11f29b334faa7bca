"""A loopback HTTP server for tests: serves fixed bytes, and can misbehave on purpose.

    with LoopbackServer() as server:
        server.serve("/index.json", json.dumps(index).encode())
        server.serve("/pack.argosmodel", data, truncate_at=1000)   # sends 1000 bytes, hangs up
        server.url("/index.json")

Binds 127.0.0.1 on a free port, runs in a daemon thread, stops on exit. Paths not served get 404.
`closed_port_url()` gives a URL on which nothing listens (connection refused), for offline tests.
A route with `ranges=True` answers `Range: bytes=N-` with 206 and the rest of the body; the
headers of every request are kept in `server.request_headers`.
"""
from __future__ import annotations

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

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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
