"""Text garbled once (mojibake): repaired exactly, refused, or passed on garbled; false repairs.

Files are built like bench.encodings' (a title line, a blank line, 2 to 40
sentences), garbled as a program would garble them, and saved as UTF-8:

- UTF-8 read as Windows-1252: every Latin, Cyrillic and Greek language;
- UTF-8 read as Windows-1250: every Latin language;
- UTF-8 read as Windows-1251, Windows-1251 read as Windows-1252, KOI8-R read as
  Windows-1251: the Cyrillic languages (sentences each page can hold);
- Windows-1252 read as ISO-8859-1: Latin languages typed with typographic quotes
  and dashes, which become control characters (U+0092 for "’").

"lossless" garbling reads the bytes a page leaves undefined as control
characters (as Windows does): it must come back exactly; so must "paragraph",
one paragraph garbled so in clean text (the UTF-8 garblings). "lossy" garbling
replaces them with U+FFFD (as a strict converter does): the text cannot come
back, and must be refused rather than passed on. "false repairs" counts clean
files that came back changed, with a repair note or refused as garbled: those of
bench.encodings (UTF-8, UTF-16 and legacy pages), every clean line alone in
UTF-8, and (unseen) the article bodies of html-articles-dev. Sources as in bench.encodings: dev
halves (`--half tune|check`) and `--source unseen`. When ftfy is installed its
fix_text (encoding fixes only) is measured on the same files.

    .venv/bin/python -m bench.mojibake [--source dev|unseen] [--half tune|check|all]
                                       [--show-failures]
"""
from __future__ import annotations

import json
import time
import unicodedata
from collections import Counter, defaultdict

from articles.decoding import ArticleError, decode_bytes, normalize_text
from articles.repair import (
    C1_PUNCTUATION,
    CP1251_AS_1252,
    KOI8R_AS_1251,
    UTF8_AS_1250,
    UTF8_AS_1251,
    UTF8_AS_1252,
    Garbling,
    misread,
)
from bench.data import data_dir
from bench.encodings import _fits, cases, garbled_source, parse_args, pools, sized_texts

try:  # optional: measured beside ours when installed (MIT)
    import ftfy
except ImportError:  # pragma: no cover - depends on the machine
    ftfy = None

# Which garblings happen to which script.
KINDS: dict[str, tuple[Garbling, ...]] = {
    "LATIN": (UTF8_AS_1252, UTF8_AS_1250, C1_PUNCTUATION),
    "CYRILLIC": (UTF8_AS_1252, UTF8_AS_1251, CP1251_AS_1252, KOI8R_AS_1251),
    "GREEK": (UTF8_AS_1252,),
}


def script(lines: list[str]) -> str:
    """The script most letters of `lines` are written in (LATIN, CYRILLIC, ...)."""
    counts: Counter[str] = Counter()
    for line in lines[:50]:
        for char in line:
            if char.isalpha():
                counts[unicodedata.name(char, "? ?").split(" ")[0]] += 1
    return counts.most_common(1)[0][0] if counts else "?"


_TYPOGRAPHIC = (("...", "…"), (" - ", " – "), (" -- ", " — "), ("'", "’"))


def typographic(line: str) -> str:
    """A line as a word processor types it: curly quotes and apostrophes, dashes."""
    for plain, curly in _TYPOGRAPHIC:
        line = line.replace(plain, curly)
    parts = line.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) \
        + parts[-1]


def lossy(text: str, garbling: Garbling) -> str:
    """Garbled by a strict converter: bytes the page leaves undefined become U+FFFD."""
    return text.encode(garbling.written).decode(garbling.read, errors="replace")


def garbled_cases(source: str, half: str):
    """Yield (language, garbling, size, variant, garbled text, expected text)."""
    for lang, pool in pools(source, half).items():
        kinds = KINDS.get(script(pool), ())
        for garbling in kinds:
            page = "cp1252" if garbling is C1_PUNCTUATION else garbling.written
            lines = [typographic(line) if garbling is C1_PUNCTUATION else line for line in pool]
            fitting = [line for line in lines if _fits(line, page)]
            for size, text in sized_texts(fitting):
                garbled = misread(text, garbling)
                if garbled == text:
                    continue  # nothing the garbling touches (plain ASCII)
                yield lang, garbling, size, "lossless", garbled, normalize_text(text)
                broken = lossy(text, garbling)
                if broken != garbled:
                    yield lang, garbling, size, "lossy", broken, normalize_text(text)
                if garbling.written == "utf-8" and size >= 10:
                    # One paragraph pasted from a garbled source into clean text.
                    paragraphs = text.split("\n\n")
                    paragraphs[1] = misread(paragraphs[1], garbling)
                    pasted = "\n\n".join(paragraphs)
                    if pasted != text and not pasted.isascii():
                        yield lang, garbling, size, "paragraph", pasted, normalize_text(text)


_FTFY_CONFIG = None


def ftfy_fix(text: str) -> str:
    """ftfy's fix_text with its encoding fixes only (no quote uncurling, no widths)."""
    global _FTFY_CONFIG
    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
            fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            remove_control_chars=False, explain=False,
        )
    return normalize_text(ftfy.fix_text(text, _FTFY_CONFIG))


def _outcome(data: bytes, name: str, expected: str) -> str:
    try:
        decoded = decode_bytes(data, name)
    except ArticleError as error:
        return "refused" if "garbled once" in error.reason else "refused otherwise"
    repaired = any(note.startswith("Repaired") for note in decoded.notes)
    if decoded.text == expected:
        return "exact" if repaired else "clean"
    return "wrong repair" if repaired else "passed on"


def measure_garbled(source: str, half: str, show: bool) -> None:
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    theirs: dict[tuple[str, str], int] = defaultdict(int)
    failures = []
    for lang, garbling, size, variant, garbled, expected in garbled_cases(source, half):
        key = (garbling.label, variant)
        outcome = _outcome(garbled.encode("utf-8"), f"{lang}-{size}.txt", expected)
        table[key][outcome] += 1
        table[key]["files"] += 1
        if ftfy is not None and variant != "lossy":
            theirs[key] += ftfy_fix(garbled) == expected
        wanted = "refused" if variant == "lossy" else "exact"
        if outcome != wanted:
            failures.append((lang, garbling.label, variant, size, outcome))
    print(f"\n{'garbling':<36}{'variant':<10}{'files':>6}{'exact':>8}{'refused':>9}"
          f"{'passed on':>11}{'ftfy exact':>12}")
    totals: Counter = Counter()
    for (label, variant), counts in sorted(table.items()):
        files = counts["files"]
        passed = counts["passed on"] + counts["wrong repair"] + counts["clean"]
        ftfy_share = f"{theirs[(label, variant)] / files:.1%}" if ftfy and variant != "lossy" \
            else "-"
        print(f"{label:<36}{variant:<10}{files:>6}{counts['exact'] / files:>8.1%}"
              f"{(counts['refused'] + counts['refused otherwise']) / files:>9.1%}"
              f"{passed / files:>11.1%}{ftfy_share:>12}")
        totals[variant, "files"] += files
        totals[variant, "exact"] += counts["exact"]
        totals[variant, "refused"] += counts["refused"] + counts["refused otherwise"]
        totals[variant, "passed"] += passed
        totals[variant, "ftfy"] += theirs[(label, variant)]
    for variant in ("lossless", "paragraph", "lossy"):
        files = totals[variant, "files"]
        if files:
            ftfy_share = f", ftfy exact {totals[variant, 'ftfy'] / files:.1%}" \
                if ftfy and variant != "lossy" else ""
            exact = totals[variant, "exact"] / files
            print(f"{variant}: {files} files, repaired exactly {exact:.1%}"
                  f", refused {totals[variant, 'refused'] / files:.1%}"
                  f", passed on garbled {totals[variant, 'passed']}{ftfy_share}")
    if show:
        for failure in failures:
            print("FAIL", *failure)


def clean_files(source: str, half: str):
    """Yield (language, page, size, bytes, expected): bench.encodings' files, every
    clean line alone as a UTF-8 file, and (unseen) the article bodies of
    html-articles-dev."""
    yield from cases(half, source)
    for lang, pool in pools(source, half).items():
        for line in pool:
            if _fits(line, "utf-8"):
                yield lang, "utf-8", 1, line.encode("utf-8"), normalize_text(line)
    if source == "unseen":
        truth = json.loads((data_dir("html-articles-dev") / "ground-truth.json").read_text())
        for key, item in sorted(truth.items()):
            body = item.get("articleBody") or ""
            if body.strip() and not garbled_source(body):
                yield "html", "utf-8", key[:8], body.encode("utf-8"), normalize_text(body)


def measure_clean(source: str, half: str, show: bool) -> None:
    """Clean text in UTF-8 and in legacy pages: any change is a false repair."""
    by_lang: dict[str, Counter] = defaultdict(Counter)
    ftfy_false: dict[str, int] = defaultdict(int)
    failures = []
    for lang, page, size, data, expected in clean_files(source, half):
        by_lang[lang]["files"] += 1
        outcome = _outcome(data, f"{lang}-{page}-{size}.txt", expected)
        if outcome in ("exact", "wrong repair", "refused"):
            by_lang[lang]["false"] += 1
            failures.append((lang, page, size, outcome))
        if ftfy is not None and page == "utf-8":
            by_lang[lang]["ftfy files"] += 1
            ftfy_false[lang] += ftfy_fix(expected) != expected
    files = sum(counts["files"] for counts in by_lang.values())
    false = sum(counts["false"] for counts in by_lang.values())
    print(f"\nclean files: {files} in {len(by_lang)} languages, false repairs {false}"
          + (f"; ftfy on the UTF-8 ones: {sum(ftfy_false.values())} of "
             f"{sum(c['ftfy files'] for c in by_lang.values())} changed"
             f" ({', '.join(f'{k} {v}' for k, v in sorted(ftfy_false.items()) if v)})"
             if ftfy else ""))
    if show:
        for failure in failures:
            print("FALSE", *failure)


def main() -> None:
    args = parse_args(__doc__.split("\n")[0])
    started = time.perf_counter()
    print(f"source {args.source}" + (f", half {args.half}" if args.source == "dev" else ""))
    measure_garbled(args.source, args.half, args.show_failures)
    measure_clean(args.source, args.half, args.show_failures)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
