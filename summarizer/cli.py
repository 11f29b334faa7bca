"""`python -m summarizer`: summaries (or all sentences) of article files, head(1)-style.

Exit status: 0 when every file was summarized, 1 when a file could not be read
or is not an article (the others are still done), 2 for a usage error. The
contract is digest.cli_support's, shared by every command of the project.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import BinaryIO

from digest.cli_support import (
    Blocks,
    CommandError,
    add_verbose_flag,
    display_name,
    for_each_file,
    positive_count,
    read_input,
    run_command,
    share,
)
from languages.codes import AUTO, is_language_code, normalize_code
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

PROG = "summarizer"




def _language(value: str) -> str:
    if value.lower() == AUTO:
        return AUTO
    if is_language_code(value):
        return normalize_code(value)
    raise argparse.ArgumentTypeError(
        f"must be 'auto' or a language code such as en, ru, kk; not {value!r}"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Print an extractive summary of each article FILE ('-' reads standard input).",
        epilog="Algorithms: " + ", ".join(f"{n} ({label})" for n, label in ALGORITHMS.items()),
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="article file; '-' for standard input"
    )
    parser.add_argument(
        "--language", type=_language, default=AUTO, metavar="CODE|auto",
        help="ISO 639-1 code of the text, or 'auto' to detect it (default: auto)",
    )
    parser.add_argument(
        "--algorithm", type=str.lower, choices=list(ALGORITHMS), default=None, metavar="NAME",
        help=f"one of {', '.join(ALGORITHMS)} (default: {DEFAULT_ALGORITHM})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", type=positive_count, metavar="N",
        help="summary length in sentences (default: 5)",
    )
    length.add_argument(
        "--ratio", type=share, metavar="R",
        help="summary length as a share of the article's words, 0 < R <= 1",
    )
    length.add_argument(
        "--words", type=positive_count, metavar="N",
        help="summary length in words: sentences are picked up to about N words",
    )
    parser.add_argument(
        "--split", action="store_true", help="print every sentence instead of a summary"
    )
    add_verbose_flag(parser)
    return parser


def main(argv: Sequence[str] | None = None, stdin: BinaryIO | None = None) -> int:
    parser = build_parser()

    def dispatch(args: argparse.Namespace) -> int:
        if args.split and (args.algorithm or args.sentences or args.ratio or args.words):
            parser.error(
                "--split prints every sentence; it takes no --algorithm, --sentences, --ratio "
                "or --words"
            )
        blocks = Blocks(args.files)
        return for_each_file(
            PROG, args.files, lambda file: blocks.write_lines(file, _lines(file, args, stdin))
        )

    return run_command(PROG, parser, argv, dispatch)


def _lines(file: str, args: argparse.Namespace, stdin: BinaryIO | None) -> list[str]:
    from digest.job import Upload, analyse, read_upload
    from digest.settings import SummarySettings

    upload = Upload(file, read_input(file, stdin))
    override = None if args.language == AUTO else args.language
    if args.split:
        result = read_upload(upload, override, detect=False)
    else:
        settings = SummarySettings(
            algorithm=args.algorithm or DEFAULT_ALGORITHM,
            sentences=None if args.ratio else (args.sentences or SummarySettings.sentences),
            ratio=args.ratio,
            words=args.words,
        )
        result = analyse(upload, settings, override, detect=False)
    if result.error:
        raise CommandError(f"{display_name(file)}: {result.error}")
    if args.split:
        return [sentence.text for sentence in result.article.sentences]
    return [sentence.text for sentence in result.summary.sentences]
