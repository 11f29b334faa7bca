"""Downloads the reader starts (the pack index, packs, models): one GET and one wording of
what went wrong, so every network message reads the same.

A body is read as it arrives (read_chunks) with a stall rule: a server that keeps the
connection open but drips a byte now and then never trips a socket time-out, so too little
data within stall_seconds ends the download as well.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

import requests
from urllib3.exceptions import HTTPError as TransportError
from urllib3.exceptions import ReadTimeoutError

STALL_MIN_BYTES = 64 * 1024
"""Less than this within the stall time counts as no progress."""


class Stalled(Exception):
    """The server keeps the connection but sends (almost) nothing; the message says how long."""


def get(
    url: str, timeout: float, user_agent: str, headers: dict | None = None,
    read_timeout: float | None = None,
) -> requests.Response:
    """A streamed GET that raises requests' errors (HTTP error statuses included).

    read_timeout (default: timeout) bounds each wait for data once connected.
    """
    response = requests.get(
        url, stream=True, timeout=(timeout, timeout if read_timeout is None else read_timeout),
        headers={"User-Agent": user_agent, **(headers or {})},
    )
    try:
        response.raise_for_status()
    except requests.HTTPError:
        response.close()
        raise
    return response


def read_chunks(
    response: requests.Response, chunk_bytes: int, stall_seconds: float,
    min_bytes: int | None = None, decode: bool = False,
) -> Iterator[bytes]:
    """The body as it arrives, in pieces of at most chunk_bytes.

    Raises Stalled when less than min_bytes (default STALL_MIN_BYTES) arrive within
    stall_seconds, or nothing at all (the socket's read time-out, which the caller sets no
    longer than stall_seconds); requests.ConnectionError when the connection breaks off.
    """
    floor = STALL_MIN_BYTES if min_bytes is None else min_bytes
    window_start, window_bytes = time.monotonic(), 0
    while True:
        try:
            chunk = response.raw.read1(chunk_bytes, decode_content=decode)
        except ReadTimeoutError:
            raise Stalled(f"nothing arrived for {stall_seconds:g} s") from None
        except TransportError as error:  # cut short (IncompleteRead), reset, TLS...
            raise requests.ConnectionError(error) from None
        if not chunk:
            return
        yield chunk
        window_bytes += len(chunk)
        now = time.monotonic()
        if now - window_start >= stall_seconds:
            if window_bytes < floor:
                raise Stalled(
                    f"only {window_bytes:,} bytes arrived in {now - window_start:.0f} s "
                    f"(less than {floor // 1024:,} KiB in {stall_seconds:g} s counts as stalled)"
                )
            window_start, window_bytes = now, 0


def read_capped(
    response: requests.Response, max_bytes: int, stall_seconds: float, decode: bool = True
) -> bytes:
    """At most max_bytes + 1 bytes of the body (so the caller sees it is too long)."""
    parts, total = [], 0
    for chunk in read_chunks(response, 64 * 1024, stall_seconds, decode=decode):
        parts.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            break
    return b"".join(parts)[: max_bytes + 1]


def network_problem(error: requests.RequestException, timeout: float) -> str:
    """What went wrong, for the reader: a status, a time-out, or no connection."""
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"the server answered {error.response.status_code} {error.response.reason}"
    if isinstance(error, requests.Timeout) or "timed out" in str(error):
        return f"no answer within {timeout:g} s"
    if isinstance(error, requests.ConnectionError):
        return "no connection (offline, or the server is down)"
    return type(error).__name__
