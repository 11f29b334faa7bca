"""Options shared by several commands: languages, and the summary's algorithm and length.

Defined once so `summarize` and `batch` take the same words with the same checks.
"""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.contract import positive_count, share
from languages.codes import AUTO, is_language_code, normalize_code
from summarizer import ALGORITHMS, DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from digest.settings import SummarySettings


def language_code(value: str) -> str:
    """An argparse type: a language code such as en, ru, kk (normalized)."""
    if is_language_code(value):
        return normalize_code(value)
    raise argparse.ArgumentTypeError(f"must be a language code such as en, ru, kk; not {value!r}")


def language_or_auto(value: str) -> str:
    """An argparse type: `auto`, or a language code (normalized)."""
    if value.lower() == AUTO:
        return AUTO
    if is_language_code(value):
        return normalize_code(value)
    raise argparse.ArgumentTypeError(
        f"must be 'auto' or a language code such as en, ru, kk; not {value!r}"
    )


def algorithms_epilog() -> str:
    """`Algorithms: reduction (Reduction), lexrank (LexRank), ...` for a command's --help."""
    return "Algorithms: " + ", ".join(f"{name} ({label})" for name, label in ALGORITHMS.items())


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    """--algorithm NAME and one length: --sentences N | --ratio R | --words N."""
    parser.add_argument(
        "--algorithm", type=str.lower, choices=list(ALGORITHMS), default=DEFAULT_ALGORITHM,
        metavar="NAME", help=f"one of {', '.join(ALGORITHMS)} (default: {DEFAULT_ALGORITHM})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive_count, metavar="N",
                        help="summary length in sentences (default: 5)")
    length.add_argument("--ratio", type=share, metavar="R",
                        help="summary length as a share of the article's words, 0 < R <= 1")
    length.add_argument("--words", type=positive_count, metavar="N",
                        help="summary length in words: sentences are picked up to about N words")


def summary_settings(args: argparse.Namespace) -> SummarySettings:
    """The SummarySettings the options of add_summary_options ask for."""
    from digest.settings import DEFAULT_SENTENCES, SummarySettings

    return SummarySettings(
        algorithm=args.algorithm,
        sentences=None if args.ratio or args.words else (args.sentences or DEFAULT_SENTENCES),
        ratio=args.ratio,
        words=args.words,
    )
