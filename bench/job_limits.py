"""Huge uploads end to end: the whole job (read, detect, segment, summarize) on 25 MB.

`python -m bench.job_limits`

The same three 25 MB texts as bench.summarizer_limits (one line without punctuation,
300,000 short sentences, a news article repeated), given to digest.job.analyse as the
dashboard gives an upload (bytes and a name). Each runs in a forked child that reports
the wall time and its peak RSS above what it had before. Target (issue #13): under 30 s
and under 1 GB extra.
"""
from __future__ import annotations

import sys
import time

from bench.summarizer_limits import (
    DATA,
    TARGET_MB,
    TARGET_SECONDS,
    in_child,
    limit_texts,
    reset_peak,
    rss_mb,
)


def _child(conn, name: str, data: bytes) -> None:
    from digest.job import Upload, analyse
    from digest.settings import SummarySettings

    analyse(Upload("warm.txt", b"Warm up\n\nThe parliament met. It voted."), SummarySettings())
    reset_peak()
    before = rss_mb("VmRSS")
    start = time.perf_counter()
    result = analyse(Upload(name, data), SummarySettings())
    seconds = time.perf_counter() - start
    note = result.summary.note if result.summary else result.error
    conn.send((seconds, rss_mb("VmHWM") - before, note))
    conn.close()


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    texts = limit_texts()
    print("| 25 MB upload | MB | seconds | extra MB | note |")
    print("|---|---:|---:|---:|---|")
    failed = False
    for label, text in texts.items():
        data = text.encode("utf-8")
        result = in_child(_child, "huge.txt", data)
        if result is None:
            print(f"| {label} | {len(data) / 1e6:.1f} | died | | |")
            failed = True
            continue
        seconds, extra, note = result
        failed |= seconds > TARGET_SECONDS or extra > TARGET_MB
        print(f"| {label} | {len(data) / 1e6:.1f} | {seconds:.1f} | {extra:.0f} | {note or ''} |")
    print(f"\ntargets: < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB extra for every upload")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
