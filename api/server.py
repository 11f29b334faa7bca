"""Serving the application with uvicorn: in the foreground (`news-digest serve`), or in a
thread on a socket already bound (tests and the benchmark start it on a free port).

uvicorn's own access log is off: it would write each request's query string.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

from api.settings import ServerSettings


def _config(settings: ServerSettings, log_level: str):
    import uvicorn

    from api.app import create_app

    return uvicorn.Config(create_app(settings), host=settings.host, port=settings.port,
                          access_log=False, log_level=log_level, timeout_keep_alive=5,
                          log_config=None)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port; OSError (address in use, no such address) before
    anything else starts, so the command line can say it in one line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    return listener


def serve(settings: ServerSettings, log_level: str = "warning",
          listener: socket.socket | None = None) -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM)."""
    import uvicorn

    listener = listener or bind(settings.host, settings.port)
    try:
        uvicorn.Server(_config(settings, log_level)).run(sockets=[listener])
    finally:
        listener.close()


@contextlib.contextmanager
def serving(settings: ServerSettings | None = None) -> Iterator[str]:
    """The server on a free loopback port in a daemon thread; yields its base URL
    ("http://127.0.0.1:PORT/"), stops it afterwards."""
    import uvicorn

    settings = settings or ServerSettings()
    listener = bind("127.0.0.1", 0)
    port = listener.getsockname()[1]
    server = uvicorn.Server(_config(settings, "warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
