"""Encoding detection: share of legacy-encoded files read back exactly, beside chardet alone.

Files are built as a real reader's would be: a title line, a blank line and N
sentences (N from 2 to 40) of one language, saved in each code page people of
that language used that can hold the text. Two sources:

- `dev`: ../shared/data/sentences-dev, 33 languages. The first half of each
  language's sentences is for tuning (`--half tune`), the second for checking
  (`--half check`, the default).
- `unseen`: text the decoder was never tuned on: regional-sentences-dev (16
  languages of Central Asia and its neighbours), the English news of
  news-summaries-dev and the documents of parallel-docs-dev (ru, tr, de, fr, en).

"chardet" is chardet 7's best guess alone, decoded strictly and normalized like ours.

    .venv/bin/python -m bench.encodings [--source dev|unseen] [--half tune|check|all]
                                        [--show-failures]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import chardet

from articles.decoding import ArticleError, decode_bytes, normalize_text
from articles.repair import (
    UTF8_AS_1250,
    UTF8_AS_1251,
    UTF8_AS_1252,
    GarbledText,
    misread,
    repair,
)
from bench.data import data_dir

DATA = data_dir("sentences-dev")

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
_TURKIC_LATIN = ("cp1254", "iso-8859-9")
# Pages for the unseen languages (regional-sentences-dev); a sentence the page
# cannot hold is left out, so a language may have no file in a page.
UNSEEN_PAGES: dict[str, tuple[str, ...]] = {
    "ru": PAGES["ru"], "tr": PAGES["tr"], "de": _WESTERN, "fr": _WESTERN, "en": _WESTERN,
    "az": _TURKIC_LATIN, "ba": ("cp1251",), "be": ("cp1251",), "crh": _TURKIC_LATIN,
    "cv": ("cp1251",), "kk": ("kz1048",), "ky": ("cp1251",), "mn": ("cp1251",),
    "sah": ("cp1251",), "tg": ("cp1251",), "tk": ("cp1250", "cp1254"), "tt": ("cp1251",),
    "tt-Latn": _TURKIC_LATIN, "ug": ("cp1256",), "uz-Cyrl": ("cp1251",),
    "uz-Latn": ("cp1252", "cp1254"),
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


def _lines(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def pools(source: str, half: str) -> dict[str, list[str]]:
    """Each language's lines: sentences-dev's chosen half, or all the unseen text."""
    found: dict[str, list[str]] = {}
    if source == "dev":
        for path in sorted(DATA.glob("*.txt")):
            lines = _lines(path)
            middle = len(lines) // 2
            found[path.stem] = {"tune": lines[:middle], "check": lines[middle:],
                                "all": lines}[half]
        return found
    for path in sorted(data_dir("regional-sentences-dev").glob("*.txt")):
        found[path.stem] = _lines(path)
    # parallel-docs-dev: a document (2-5 sentences on one line) is a line here.
    for folder in sorted(data_dir("parallel-docs-dev").iterdir()):
        if folder.is_dir():
            lines = [line for path in sorted(folder.glob("*.txt")) for line in _lines(path)]
            found.setdefault(folder.name, []).extend(lines)
    news = sorted(data_dir("news-summaries-dev").glob("article/*/*.txt"))
    found.setdefault("en", []).extend(line for path in news for line in _lines(path))
    return found


def cases(half: str, source: str = "dev"):
    """Yield (language, page, size, bytes, expected text)."""
    pages = PAGES if source == "dev" else UNSEEN_PAGES
    for lang, pool in pools(source, half).items():
        for page in pages.get(lang, ()) + UNICODE:
            # Only sentences the page can hold: typographic quotes or dashes a page lacks
            # would have been typed differently by someone writing in it.
            fitting = [line for line in pool if _fits(line, page)]
            for size, text in sized_texts(fitting):
                yield lang, page, size, text.encode(page), normalize_text(text)


def sized_texts(lines: list[str]):
    """Yield (size, text): texts of each size in SIZES, twice, from spread-out starts."""
    for index, size in enumerate(SIZES * 2):
        if len(lines) < size + 1:
            continue
        start = (index * 37) % (len(lines) - size)
        yield size, build_text(lines, start, size)


def _fits(line: str, page: str) -> bool:
    if any("\x80" <= char <= "\x9f" for char in line):
        return False  # a few source lines carry stray C1 controls: not real text
    if "ď»ż" in line or "ï»¿" in line:
        return False  # nor a UTF-8 byte-order mark misread as text
    if garbled_source(line):
        return False
    try:
        line.encode(page)
    except UnicodeEncodeError:
        return False
    return True


def chardet_alone(data: bytes) -> str | None:
    """What chardet's best guess reads, decoded strictly and normalized like ours."""
    guess = chardet.detect(data)["encoding"]
    if not guess:
        return None
    try:
        return normalize_text(data.decode(guess))
    except (UnicodeDecodeError, LookupError):
        return None


def _table(title: str, totals: dict, ours: dict, theirs: dict) -> None:
    print(f"\n{title:<14}{'files':>7}{'ours':>7}{'share':>9}{'chardet':>9}{'share':>9}")
    for key in sorted(totals):
        files = totals[key]
        print(f"{key:<14}{files:>7}{ours[key]:>7}{ours[key] / files:>9.1%}"
              f"{theirs[key]:>9}{theirs[key] / files:>9.1%}"
              + ("   <- below chardet" if ours[key] < theirs[key] else ""))


_LOST_MARKS = tuple(misread("\ufffd", kind) for kind in (UTF8_AS_1252, UTF8_AS_1250, UTF8_AS_1251))


def garbled_source(line: str) -> bool:
    """A source line that was itself garbled once ("MÃ¤rz", "ï¿½nca"): not clean text."""
    if any(mark in line for mark in _LOST_MARKS):
        return True  # U+FFFD garbled: "ï¿½", "ďż˝"
    try:
        return repair(line) is not None
    except GarbledText:
        return True


def parse_args(description: str) -> argparse.Namespace:
    """--source (dev or unseen texts), --half (of dev: tune, check, all), --show-failures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--source", choices=("dev", "unseen"), default="dev")
    parser.add_argument("--half", choices=("tune", "check", "all"), default="check")
    parser.add_argument("--show-failures", action="store_true")
    return parser.parse_args()


def main() -> None:
    args = parse_args(__doc__.split("\n")[0])
    by_page = [defaultdict(int) for _ in range(3)]  # files, ours exact, chardet exact
    by_lang = [defaultdict(int) for _ in range(3)]
    failures = []
    elapsed = 0.0
    for lang, page, size, data, expected in cases(args.half, args.source):
        started = time.perf_counter()
        try:
            decoded = decode_bytes(data, f"{lang}-{page}-{size}.txt")
            got, used = decoded.text, decoded.encoding
        except ArticleError as error:
            got, used = None, f"refused: {error.reason}"
        elapsed += time.perf_counter() - started
        baseline = chardet_alone(data) == expected
        for counts in (by_page, by_lang):
            key = page if counts is by_page else lang
            counts[0][key] += 1
            counts[1][key] += got == expected
            counts[2][key] += baseline
        if got != expected:
            failures.append((lang, page, size, used, "chardet right" if baseline else ""))
    print(f"source {args.source}" + (f", half {args.half}" if args.source == "dev" else ""))
    _table("code page", *by_page)
    _table("language", *by_lang)
    files, exact, theirs = (sum(counts.values()) for counts in by_page)
    legacy = [page for page in by_page[0] if page not in UNICODE]
    legacy_files = sum(by_page[0][p] for p in legacy)
    legacy_ours = sum(by_page[1][p] for p in legacy)
    legacy_theirs = sum(by_page[2][p] for p in legacy)
    regional = [p for p in REGIONAL if p in by_page[0]]
    regional_files = sum(by_page[0][p] for p in regional)
    regional_exact = sum(by_page[1][p] for p in regional)
    print(f"\noverall: {exact}/{files} = {exact / files:.1%} (chardet alone {theirs / files:.1%})"
          f"   legacy pages: {legacy_ours}/{legacy_files} = {legacy_ours / legacy_files:.1%}"
          f" (chardet alone {legacy_theirs / legacy_files:.1%})"
          f"   regional ({', '.join(regional)}): {regional_exact}/{regional_files}"
          f" = {regional_exact / max(1, regional_files):.1%}"
          f"   ({elapsed / files * 1000:.1f} ms a file)")
    if args.show_failures:
        for failure in failures:
            print("FAIL", *failure)


if __name__ == "__main__":
    main()
