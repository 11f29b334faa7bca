"""Language detection of huge articles: time must stay bounded (issue 13).

Run: `python -m bench.detection_speed`.

Builds 25 MB texts from ../shared/data/sentences-dev in the shapes an adversary
would choose (one paragraph without a break, 200,000 short paragraphs, 25 MB of
ordinary paragraphs with an English quotation near the end) and times
detect_article_language on their paragraphs. Target: each in a few seconds
(before the bound, 200,000 short paragraphs took about 24 minutes).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from languages.detection import detect_article_language, preload

DATA = next(
    (parent / "shared" / "data" / "sentences-dev" for parent in Path(__file__).resolve().parents
     if (parent / "shared" / "data" / "sentences-dev").is_dir()),
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sentences-dev",
)
TARGET_BYTES = 25_000_000
TARGET_SECONDS = 5.0


def _sentences(code: str) -> list[str]:
    lines = (DATA / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def _fill(pieces: list[str], size: int) -> list[str]:
    """Pieces repeated until their UTF-8 size reaches `size` bytes."""
    out, total, i = [], 0, 0
    while total < size:
        piece = pieces[i % len(pieces)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + 2
        i += 1
    return out


def _shapes() -> dict[str, list[str]]:
    ru, kk, en = _sentences("ru"), _sentences("kk"), _sentences("en")
    ordinary = _fill([" ".join(ru[i:i + 5]) for i in range(0, len(ru) - 5, 5)], TARGET_BYTES)
    ordinary[-10] = " ".join(en[:5])
    return {
        "one 25 MB paragraph (ru)": [" ".join(_fill(ru, TARGET_BYTES))],
        "200,000 short paragraphs (kk)": [kk[i % len(kk)][:17] for i in range(200_000)],
        "25 MB of 5-sentence paragraphs (ru, one en quote)": ordinary,
    }


def main() -> int:
    if not DATA.is_dir():
        print(f"no development data at {DATA}", file=sys.stderr)
        return 1
    preload()
    print("| text | paragraphs | MB | seconds | main | mixed |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for name, paragraphs in _shapes().items():
        size = sum(len(p.encode("utf-8")) + 2 for p in paragraphs) / 1e6
        started = time.perf_counter()
        found = detect_article_language(paragraphs)
        elapsed = time.perf_counter() - started
        worst = max(worst, elapsed)
        print(f"| {name} | {len(paragraphs)} | {size:.1f} | {elapsed:.2f} | "
              f"{found.main.code} | {found.mixed} |")
    ok = worst <= TARGET_SECONDS
    print(f"\ntarget: every text in <= {TARGET_SECONDS:.0f} s: worst {worst:.2f} s: "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
