"""Who may ask: API keys (403) and a request rate per client (429).

With keys on, a request without a valid key of the library is refused with 403 before
anything else is looked at. The rate is a token bucket per client (its key when it sends
one, else its address): `limit` requests a minute, a burst of as many, refilled evenly,
so a steady client is never refused and a flood is, with the seconds to wait.
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from api.body import Params
from api.errors import ApiError

MAX_CLIENTS = 10_000
"""Buckets kept; the fullest (idle) ones are forgotten past it, so memory stays bounded."""


def request_key(params: Params, authorization: str = "") -> str:
    """The key a request sends: `api_key` (body or query) or `Authorization: Bearer KEY`."""
    value = params.get("api_key")
    if isinstance(value, str) and value:
        return value
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class KeyCheck:
    """Keys looked up in the library; a valid key is remembered for a minute so a busy
    client costs one database read a minute, and a revoked key stops within that."""

    TTL = 60.0

    def __init__(self, is_valid: Callable[[str], bool]) -> None:
        self._is_valid = is_valid
        self._known: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        if not key:
            raise ApiError(403, "Invalid API key: this server needs one (api_key)")
        now = time.monotonic()
        with self._lock:
            until = self._known.get(key)
            if until is not None and until > now:
                return
        if not self._is_valid(key):
            raise ApiError(403, "Invalid API key")
        with self._lock:
            if len(self._known) > MAX_CLIENTS:
                self._known.clear()
            self._known[key] = now + self.TTL


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """At most `per_minute` requests a minute per client; 0 lets everything through."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        """One request of `client`; ApiError 429 (with Retry-After) when it has none left."""
        if self.per_minute <= 0:
            return
        rate = self.per_minute / 60.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= MAX_CLIENTS:
                    self._forget_idle(now, rate)
                bucket = self._buckets[client] = _Bucket(float(self.per_minute), now)
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = math.ceil((1.0 - bucket.tokens) / rate)
        raise ApiError(
            429,
            f"Slowdown: {self.per_minute} per 1 minute; try again in {wait} s",
            {"Retry-After": str(wait)},
        )

    def _forget_idle(self, now: float, rate: float) -> None:
        """Drop the buckets that have refilled: those clients lose nothing."""
        full = [client for client, bucket in self._buckets.items()
                if bucket.tokens + (now - bucket.stamp) * rate >= self.per_minute]
        for client in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[client]
