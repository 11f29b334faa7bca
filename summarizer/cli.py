"""`python -m summarizer`: summaries (or all sentences) of text files, head(1)-style.

Exit status: 0 when every file was summarized, 1 when a file could not be read
or is not an article (the others are still done), 2 for a usage error.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import BinaryIO, TextIO

from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

PROG = "summarizer"

_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _positive_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {count}")
    return count


def _ratio(value: str) -> float:
    try:
        ratio = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {value!r}") from None
    if not 0 < ratio <= 1:
        raise argparse.ArgumentTypeError(f"must be greater than 0 and at most 1, not {value}")
    return ratio


def _language(value: str) -> str:
    if value.lower() == "auto" or _LANGUAGE_CODE.match(value):
        return value.lower()
    raise argparse.ArgumentTypeError(
        f"must be 'auto' or a language code such as en, ru, kk; not {value!r}"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Print an extractive summary of each text FILE ('-' reads standard input).",
        epilog="Algorithms: " + ", ".join(f"{n} ({label})" for n, label in ALGORITHMS.items()),
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="text file; '-' for standard input"
    )
    parser.add_argument(
        "--language", type=_language, default="auto", metavar="CODE|auto",
        help="ISO 639-1 code of the text, or 'auto' to detect it (default: auto)",
    )
    parser.add_argument(
        "--algorithm", type=str.lower, choices=list(ALGORITHMS), default=None, metavar="NAME",
        help=f"one of {', '.join(ALGORITHMS)} (default: {DEFAULT_ALGORITHM})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", type=_positive_count, metavar="N",
        help="summary length in sentences (default: 5)",
    )
    length.add_argument(
        "--ratio", type=_ratio, metavar="R",
        help="summary length as a share of the article's sentences, 0 < R <= 1",
    )
    parser.add_argument(
        "--split", action="store_true", help="print every sentence instead of a summary"
    )
    return parser


def main(
    argv: list[str] | None = None, stdin: BinaryIO | None = None, stdout: TextIO | None = None
) -> int:
    try:
        return _run(argv, stdin, stdout)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except SystemExit as exit_:  # argparse: usage errors (2) and --help (0)
        return exit_.code if isinstance(exit_.code, int) else 2
    except Exception as error:  # noqa: BLE001 - the user must never see a traceback
        print(f"{PROG}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _run(argv, stdin, stdout) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.split and (args.algorithm or args.sentences or args.ratio):
        parser.error(
            "--split prints every sentence; it takes no --algorithm, --sentences or --ratio"
        )
    if stdout is None:
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
        stdout = sys.stdout
    if stdin is None:
        stdin = sys.stdin.buffer

    status = 0
    printed_header = False
    several = len(args.files) > 1
    for file in args.files:
        try:
            lines = _file_lines(file, args, stdin)
        except _BadFile as bad:
            print(f"{PROG}: {file}: {bad}", file=sys.stderr, flush=True)
            status = 1
            continue
        if several:
            if printed_header:
                stdout.write("\n")
            stdout.write(f"==> {'standard input' if file == '-' else file} <==\n")
            printed_header = True
        for line in lines:
            stdout.write(line + "\n")
        stdout.flush()
    return status


class _BadFile(Exception):
    """A file we could not turn into output; the message is the reason."""


def _file_lines(file: str, args: argparse.Namespace, stdin: BinaryIO) -> list[str]:
    from articles.decoding import ArticleError, decode_bytes

    try:
        data = stdin.read() if file == "-" else _read(file)
    except OSError as error:
        raise _BadFile(error.strerror or str(error)) from None
    try:
        decoded = decode_bytes(data, file)
    except ArticleError as error:
        raise _BadFile(error.reason) from None
    try:
        return _lines(file, decoded.text, decoded.encoding, args)
    except Exception as error:  # noqa: BLE001 - one odd file must not stop the others
        raise _BadFile(f"could not be summarized ({type(error).__name__}: {error})") from None


def _read(file: str) -> bytes:
    with open(file, "rb") as handle:
        return handle.read()


def _lines(file: str, text: str, encoding: str, args: argparse.Namespace) -> list[str]:
    from articles.building import build_article
    from summarizer.summarize import summarize

    language = args.language
    if language == "auto":
        from translator.detection import detect_text_language

        language = detect_text_language(text).main.code
    article = build_article(file, text, language=language, encoding=encoding)
    if args.split:
        return [sentence.text for sentence in article.sentences]
    summary = summarize(
        article, args.algorithm or DEFAULT_ALGORITHM, sentences=args.sentences, ratio=args.ratio
    )
    return [sentence.text for sentence in summary.sentences]
