"""Downloads the reader starts (the pack index, packs, models): one GET and one wording of
what went wrong, so every network message reads the same."""
from __future__ import annotations

import requests


def get(
    url: str, timeout: float, user_agent: str, headers: dict | None = None
) -> requests.Response:
    """A streamed GET that raises requests' errors (HTTP error statuses included)."""
    response = requests.get(
        url, stream=True, timeout=(timeout, timeout),
        headers={"User-Agent": user_agent, **(headers or {})},
    )
    response.raise_for_status()
    return response


def network_problem(error: requests.RequestException, timeout: float) -> str:
    """What went wrong, for the reader: a status, a time-out, or no connection."""
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"the server answered {error.response.status_code} {error.response.reason}"
    if isinstance(error, requests.Timeout) or "timed out" in str(error):
        return f"no answer within {timeout:g} s"
    if isinstance(error, requests.ConnectionError):
        return "no connection (offline, or the server is down)"
    return type(error).__name__
