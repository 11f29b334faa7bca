"""`news-digest`: every command line of the project, one entry point.

    news-digest summarize | split | detect | translate | packages | library | batch ...

Installed as the `news-digest` script (pyproject.toml); from the project folder,
`python -m cli ...`. Each command group lives in its own module with a
`register(commands, common)` function; the contract (messages, exit status, no
traceback) is cli.contract's. Building the parser imports no third-party package, so
`--help` answers at once and the heavy libraries load only in the command that needs them.
"""
from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from cli.contract import PROG, add_verbose_flag, run_command

COMMAND_MODULES = ("cli.summarize", "cli.translate", "cli.packages", "cli.library", "cli.batch",
                   "cli.serve", "cli.keys")
"""In the order `--help` lists their commands."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read, summarize and translate news articles offline; keep them in the "
                    "library; run whole archives. FILE '-' reads standard input.",
    )
    common = argparse.ArgumentParser(add_help=False)
    add_verbose_flag(common)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit status (0 ok, 1 a file or the job failed, 2 usage,
    130 interrupted)."""
    return run_command(build_parser(), argv, lambda args: args.run(args))
