"""`python -m digest library` (being built: registers nothing yet)."""
from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `library` subcommand to `python -m digest`."""
