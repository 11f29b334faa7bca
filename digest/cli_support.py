"""The contract every command of the project keeps (`python -m summarizer`,
`python -m translator`, `python -m digest`), written once.

- A problem with one file is one line on stderr, `PROG: FILE: reason`, and the other
  files are still done; the exit status is then 1. Usage errors exit 2, Ctrl-C 130.
- `-` reads standard input; with several files each result is a `==> FILE <==` block
  as head(1) prints it.
- Output is UTF-8 whatever the terminal's locale; a closed pipe (`| head`) ends quietly.
- No traceback reaches the user: it goes to the log, shown with `--verbose`.
- File names are shown with control characters escaped, so a name cannot drive the terminal.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130
STDIN = "-"
STDIN_NAME = "standard input"

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A failure to report as `PROG: message`, ending the command with `status`
    (or, inside for_each_file, marking that file as failed)."""

    def __init__(self, message: str, status: int = FAILED) -> None:
        super().__init__(message)
        self.status = status


def safe_text(text: str) -> str:
    """Text with control characters (escape codes, newlines) shown as \\x1b, \\n..."""
    return "".join(
        char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text
    )


def display_name(file: str) -> str:
    """How a file is named in messages: as given (`-` for standard input), control
    characters escaped."""
    return safe_text(file)


def read_input(file: str, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of a file or of standard input; CommandError naming the file otherwise."""
    if file == STDIN:
        return (stdin or sys.stdin.buffer).read()
    name = safe_text(file)
    try:
        return Path(file).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{name}: is a directory") from None
    except PermissionError:
        raise CommandError(f"{name}: permission denied") from None
    except OSError as error:
        raise CommandError(f"{name}: {error.strerror or error}") from None


class Blocks:
    """head(1)-style output: with several files, each starts with `==> FILE <==`."""

    def __init__(self, files: Sequence[str], out: TextIO | None = None) -> None:
        self.several = len(files) > 1
        self.out = out or sys.stdout
        self.started = False

    def start(self, file: str) -> None:
        if self.several:
            if self.started:
                self.out.write("\n")
            shown = STDIN_NAME if file == STDIN else display_name(file)
            self.out.write(f"==> {shown} <==\n")
        self.started = True

    def write_lines(self, file: str, lines: Sequence[str]) -> None:
        self.start(file)
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()


def report(prog: str, message: str) -> None:
    """One line on stderr, `PROG: message`, control characters escaped: a message may name
    a file or a folder (escaping twice changes nothing)."""
    print(f"{prog}: {safe_text(message)}", file=sys.stderr, flush=True)


def unexpected(error: Exception) -> str:
    """The words for a bug, the same in every command."""
    return f"unexpected error: {type(error).__name__}: {error}"


def for_each_file(prog: str, files: Sequence[str], work: Callable[[str], None]) -> int:
    """Run work on every file; a failing file is reported and the others still done."""
    status = OK
    for file in files:
        try:
            work(file)
        except CommandError as error:
            report(prog, str(error))
            status = FAILED
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001 - a bug must not cost the user the other files
            log.exception("%s: %s failed", prog, file)
            report(prog, f"{display_name(file)}: {unexpected(error)}")
            status = FAILED
    return status


def positive_count(value: str) -> int:
    """An argparse type: a whole number >= 1 (--sentences, --words, --workers)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def share(value: str) -> float:
    """An argparse type: a number in (0, 1] (--ratio)."""
    try:
        ratio = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {value!r}") from None
    if not 0 < ratio <= 1:
        raise argparse.ArgumentTypeError(f"must be greater than 0 and at most 1, not {value}")
    return ratio


def add_verbose_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log what happens, with tracebacks, on stderr"
    )


def run_command(
    prog: str,
    parser: argparse.ArgumentParser,
    argv: Sequence[str] | None,
    dispatch: Callable[[argparse.Namespace], int],
) -> int:
    """Parse argv and run dispatch(args) under the contract above; returns the exit status."""
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse: usage errors (2) and --help (0)
        return exit_.code if isinstance(exit_.code, int) else USAGE
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.CRITICAL,
        format=f"{prog}: %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        return dispatch(args)
    except CommandError as error:
        report(prog, str(error))
        return error.status
    except KeyboardInterrupt:
        report(prog, "interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        # `... | head`: the reader has gone; say nothing more, and let the final flush
        # of stdout go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FAILED
    except Exception as error:  # noqa: BLE001 - the promise: no traceback reaches the user
        log.exception("%s failed", prog)
        report(prog, unexpected(error))
        return FAILED
