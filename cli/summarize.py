"""`news-digest summarize` and `news-digest split`: summaries (or every sentence) of
article files, head(1)-style.

    news-digest summarize [--language CODE|auto] [--algorithm NAME]
        [--sentences N | --ratio R | --words N] FILE...
    news-digest split [--language CODE|auto] FILE...

Exit status: 0 when every file was done, 1 when a file could not be read or is not an
article (the others are still done), 2 for a usage error (cli.contract).
"""
from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cli.contract import Blocks, CommandError, display_name, for_each_file, read_input
from cli.options import add_summary_options, algorithms_epilog, language_or_auto, summary_settings
from languages.codes import AUTO

if TYPE_CHECKING:
    from digest.job import ArticleResult


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `summarize` and `split` to `news-digest`."""
    summarize = commands.add_parser(
        "summarize", parents=[common],
        help="print an extractive summary of each article, one sentence a line",
        description="Print an extractive summary of each article FILE ('-' reads standard "
                    "input).",
        epilog=algorithms_epilog(),
    )
    _add_files_and_language(summarize)
    add_summary_options(summarize)
    summarize.set_defaults(run=_summarize)

    split = commands.add_parser(
        "split", parents=[common], help="print every sentence of each article, one a line",
        description="Print every sentence of each article FILE ('-' reads standard input); "
                    "the title is not a sentence.",
    )
    _add_files_and_language(split)
    split.set_defaults(run=_split)


def _add_files_and_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="article file; '-' for standard input"
    )
    parser.add_argument(
        "--language", type=language_or_auto, default=AUTO, metavar="CODE|auto",
        help="ISO 639-1 code of the text, or 'auto' to detect it (default: auto)",
    )


def _summarize(args: argparse.Namespace) -> int:
    from digest.job import Upload, analyse

    settings = summary_settings(args)

    def lines(file: str) -> list[str]:
        result = analyse(Upload(file, read_input(file)), settings, _override(args), detect=False)
        _refuse_failed(file, result)
        return [sentence.text for sentence in result.summary.sentences]

    return _print_each(args.files, lines)


def _split(args: argparse.Namespace) -> int:
    from digest.job import Upload, read_upload

    def lines(file: str) -> list[str]:
        result = read_upload(Upload(file, read_input(file)), _override(args), detect=False)
        _refuse_failed(file, result)
        return [sentence.text for sentence in result.article.sentences]

    return _print_each(args.files, lines)


def _override(args: argparse.Namespace) -> str | None:
    return None if args.language == AUTO else args.language


def _refuse_failed(file: str, result: ArticleResult) -> None:
    if result.error:
        raise CommandError(f"{display_name(file)}: {result.error}")


def _print_each(files: Sequence[str], lines: Callable[[str], list[str]]) -> int:
    blocks = Blocks(files)
    return for_each_file(files, lambda file: blocks.write_lines(file, lines(file)))
