"""Encoding detection: share of legacy-encoded files read back exactly.

Files are built as a real reader's would be: a title line, a blank line and N
sentences (N from 2 to 40) of one language from ../shared/data/sentences-dev,
saved in each code page people of that language used that can hold the text.
The first half of each language's sentences is for tuning (`--half tune`), the
second half for checking (`--half check`, the default).

    .venv/bin/python -m bench.encodings [--half tune|check|all] [--show-failures]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from articles.decoding import ArticleError, decode_bytes, normalize_text

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentences-dev"
if not DATA.is_dir():
    DATA = Path("/work/shared/data/sentences-dev")

_WESTERN = ("cp1252", "iso-8859-1", "iso-8859-15")
_CENTRAL = ("cp1250", "iso-8859-2")
# The code pages people of each language really saved text in (besides UTF-8/16).
PAGES: dict[str, tuple[str, ...]] = {
    "ru": ("cp1251", "koi8-r", "cp866", "iso-8859-5", "mac-cyrillic"),
    "uk": ("cp1251", "koi8-u", "cp1125"),
    "be": ("cp1251",),
    "bg": ("cp1251", "cp866"),
    "mk": ("cp1251",),
    "sr": ("cp1251",),
    "mn": ("cp1251",),
    "kk": ("kz1048",),
    "az": ("cp1254",),
    "en": _WESTERN,
    "de": _WESTERN,
    "fr": _WESTERN,
    "es": _WESTERN,
    "it": _WESTERN,
    "pt": _WESTERN,
    "nl": _WESTERN,
    "sv": _WESTERN,
    "cs": _CENTRAL,
    "pl": _CENTRAL,
    "hr": _CENTRAL,
    "hu": _CENTRAL,
    "ro": _CENTRAL + ("iso-8859-16",),
    "el": ("cp1253", "iso-8859-7"),
    "tr": ("cp1254", "iso-8859-9"),
    "he": ("cp1255", "iso-8859-8"),
    "ar": ("cp1256", "iso-8859-6"),
    "fa": ("cp1256",),
    "lt": ("cp1257", "iso-8859-13", "iso-8859-4"),
    "lv": ("cp1257", "iso-8859-13", "iso-8859-4"),
    "th": ("cp874", "tis-620"),
    "ja": ("shift_jis", "euc-jp", "cp932"),
    "ko": ("euc-kr", "cp949"),
    "zh": ("gb18030", "gbk", "gb2312", "big5"),
}
UNICODE = ("utf-8", "utf-16", "utf-16-le")
SIZES = (2, 3, 5, 10, 20, 40)
REGIONAL = ("cp1251", "koi8-r", "koi8-u", "cp866", "kz1048")


def build_text(sentences: list[str], start: int, count: int) -> str:
    """A title line, a blank line and `count` sentences in paragraphs of up to five."""
    title_words = sentences[start].split()[:8]
    title = " ".join(title_words).rstrip(".,;:")
    body = sentences[start + 1:start + 1 + count]
    paragraphs = [" ".join(body[i:i + 5]) for i in range(0, len(body), 5)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def cases(half: str):
    """Yield (language, page, size, bytes, expected text)."""
    for path in sorted(DATA.glob("*.txt")):
        lang = path.stem
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        middle = len(lines) // 2
        pool = {"tune": lines[:middle], "check": lines[middle:], "all": lines}[half]
        for page in PAGES.get(lang, ()) + UNICODE:
            # Only sentences the page can hold: typographic quotes or dashes a page lacks
            # would have been typed differently by someone writing in it.
            fitting = [line for line in pool if _fits(line, page)]
            for index, size in enumerate(SIZES * 2):
                if len(fitting) < size + 1:
                    continue
                start = (index * 37) % (len(fitting) - size)
                text = build_text(fitting, start, size)
                yield lang, page, size, text.encode(page), normalize_text(text)


def _fits(line: str, page: str) -> bool:
    if any("\x80" <= char <= "\x9f" for char in line):
        return False  # a few source lines carry stray C1 controls: not real text
    if "ď»ż" in line or "ï»¿" in line:
        return False  # nor a UTF-8 byte-order mark misread as text
    try:
        line.encode(page)
    except UnicodeEncodeError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("tune", "check", "all"), default="check")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    failures = []
    started = time.perf_counter()
    for lang, page, size, data, expected in cases(args.half):
        total[page] += 1
        try:
            decoded = decode_bytes(data, f"{lang}-{page}-{size}.txt")
            got, used = decoded.text, decoded.encoding
        except ArticleError as error:
            got, used = None, f"refused: {error.reason}"
        if got == expected:
            right[page] += 1
        else:
            failures.append((lang, page, size, used))
    elapsed = time.perf_counter() - started
    print(f"{'code page':<14}{'files':>7}{'exact':>7}{'share':>9}")
    for page in sorted(total):
        share = right[page] / total[page]
        print(f"{page:<14}{total[page]:>7}{right[page]:>7}{share:>9.1%}")
    files, exact = sum(total.values()), sum(right.values())
    regional_files = sum(total[p] for p in REGIONAL)
    regional_exact = sum(right[p] for p in REGIONAL)
    print(f"\noverall: {exact}/{files} = {exact / files:.1%}"
          f"   regional ({', '.join(REGIONAL)}): {regional_exact}/{regional_files}"
          f" = {regional_exact / max(1, regional_files):.1%}"
          f"   ({elapsed / files * 1000:.1f} ms a file)")
    if args.show_failures:
        for failure in failures:
            print("FAIL", *failure)


if __name__ == "__main__":
    main()
