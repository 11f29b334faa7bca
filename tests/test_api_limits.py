"""The rate per client and the key check, on a clock the test turns (api.guard)."""
from __future__ import annotations

import pytest

from api.errors import ApiError
from api.guard import KeyCheck, RateLimit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_the_rate_passes_then_one_request_a_refill():
    clock = Clock()
    rate = RateLimit(60, clock)
    for _ in range(60):
        rate.take("10.0.0.1")
    with pytest.raises(ApiError) as refused:
        rate.take("10.0.0.1")
    assert refused.value.status == 429
    assert refused.value.headers == {"Retry-After": "1"}
    rate.take("10.0.0.2")  # another client has its own bucket
    clock.now += 1.0
    rate.take("10.0.0.1")
    with pytest.raises(ApiError):
        rate.take("10.0.0.1")


def test_a_steady_client_under_the_rate_is_never_refused():
    clock = Clock()
    rate = RateLimit(30, clock)
    for _ in range(500):  # one request every 2.5 s is 24 a minute
        rate.take("reader")
        clock.now += 2.5


def test_no_rate_lets_everything_through():
    rate = RateLimit(0, Clock())
    for _ in range(10_000):
        rate.take("flood")


def test_a_key_is_looked_up_once_a_minute_and_a_missing_one_is_refused():
    lookups = []

    def is_valid(key: str) -> bool:
        lookups.append(key)
        return key == "nd-good"

    keys = KeyCheck(is_valid)
    for _ in range(5):
        keys.check("nd-good")
    assert lookups == ["nd-good"]
    for bad in ("", "nd-bad"):
        with pytest.raises(ApiError) as refused:
            keys.check(bad)
        assert refused.value.status == 403


def test_the_api_package_exports_its_public_names():
    import api

    assert all(hasattr(api, name) for name in api.__all__)
    assert set(api.__all__) <= set(dir(api))
