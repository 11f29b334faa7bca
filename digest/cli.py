"""`python -m digest`: the whole job for scripts — the reader's library and batch runs.

    python -m digest library list | search QUERY | delete ID | export DIR
    python -m digest batch INPUT... --out DIR [...]

Each subcommand lives in its own module and registers itself here; the contract
(messages, exit status, no traceback) is digest.cli_support's.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from digest.cli_support import run_command

PROG = "digest"
SUBCOMMANDS = ("digest.library_cli", "digest.batch_cli")
"""Modules with a `register(commands, common)` function adding their subcommand."""


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from digest.cli_support import add_verbose_flag

    parser = argparse.ArgumentParser(
        prog=f"python -m {PROG}",
        description="The reader's library and batch summaries/translations of whole archives.",
    )
    common = argparse.ArgumentParser(add_help=False)
    add_verbose_flag(common)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(name).register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(PROG, build_parser(), argv, lambda args: args.run(args))
