"""`python -m digest batch` (being built: registers nothing yet)."""
from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `batch` subcommand to `python -m digest`."""
