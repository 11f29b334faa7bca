"""Options shared by several commands: languages, the summary's algorithm and length, and
the glossary.

Defined once so `summarize`, `translate` and `batch` take the same words with the same checks.
"""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.contract import CommandError, display_name, positive_count, read_input, share
from languages.codes import AUTO, is_language_code, normalize_code
from summarizer import ALGORITHMS, DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from digest.settings import SummarySettings
    from translator.glossary import Glossary


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


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary", default=None, metavar="FILE.csv",
        help="terms kept exactly: a CSV with the header source_language,term,target_language,"
             "translation (an empty translation keeps the term as it is); default: the "
             "library's glossary")


def read_glossary(file: str | None) -> Glossary:
    """The glossary of --glossary FILE, else the library's (none without a library)."""
    from digest.library import LibraryError
    from digest.library.glossary import saved_glossary
    from translator.glossary import GlossaryError, read_csv

    if file is None:
        try:
            return saved_glossary()
        except LibraryError as error:
            raise CommandError(f"the library's glossary cannot be read: {error}") from None
    data = read_input(file)
    try:
        return read_csv(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CommandError(f"{display_name(file)}: the glossary is not UTF-8 text") from None
    except GlossaryError as error:
        raise CommandError(f"{display_name(file)}: {error}") from None
