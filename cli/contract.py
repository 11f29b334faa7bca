"""The contract every command of `news-digest` keeps, written once.

- A problem with one file is one line on stderr, `news-digest: FILE: reason`, and the
  other files are still done; the exit status is then 1. Usage errors exit 2, Ctrl-C 130.
- `-` reads standard input; with several files each result is a `==> FILE <==` block
  as head(1) prints it.
- Output is UTF-8 whatever the terminal's locale; a closed pipe (`| head`) ends quietly.
- No traceback reaches the user: it goes to the log, shown with `--verbose`.
- File names are shown with control characters escaped, so a name cannot drive the terminal.
- Inputs are measured before they are read (digest.inputs): a file, standard input or a
  pipe past the upload limit, a folder, a device, are refused in one line without reading
  them whole.
- A job that cannot go on (digest.errors.JobError) is said in one line, exit 1.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO, TextIO

from digest.errors import JobError, unexpected
from digest.inputs import (
    InputRefused,
    input_limit,
    os_reason,
    read_bounded,
    read_stream,
    refuse_too_large,
)

PROG = "news-digest"
OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130
STDIN = "-"
STDIN_NAME = "standard input"

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A failure to report as `news-digest: message`, ending the command with `status`
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


def os_message(error: OSError) -> str:
    """`FILE: reason` for an OSError that names its file, else the reason."""
    reason = os_reason(error)
    if error.filename is None:
        return reason
    return f"{display_name(os.fsdecode(error.filename))}: {reason}"


def read_input(file: str, stdin: BinaryIO | None = None, max_bytes: int | None = None) -> bytes:
    """The bytes of a file or of standard input, at most the input limit; CommandError
    naming the file otherwise (digest.inputs says what is refused before reading)."""
    limit = input_limit() if max_bytes is None else max_bytes
    if file == STDIN:
        stream = stdin or sys.stdin.buffer
        try:
            info = os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):  # io.BytesIO, a closed descriptor
            info = None
        try:
            if info is not None:
                refuse_too_large(info, limit)
            return read_stream(stream, limit)
        except InputRefused as refused:
            raise CommandError(f"{STDIN_NAME}: {refused}") from None
    try:
        return read_bounded(file, limit)
    except InputRefused as refused:
        raise CommandError(f"{safe_text(file)}: {refused}") from None


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


def report(message: str) -> None:
    """One line on stderr, `news-digest: message`, control characters escaped: a message
    may name a file or a folder (escaping twice changes nothing)."""
    print(f"{PROG}: {safe_text(message)}", file=sys.stderr, flush=True)


def for_each_file(files: Sequence[str], work: Callable[[str], None]) -> int:
    """Run work on every file; a failing file is reported and the others still done."""
    status = OK
    for file in files:
        try:
            work(file)
        except (CommandError, JobError) as error:
            report(str(error))
            status = FAILED
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001 - a bug must not cost the user the other files
            log.exception("%s failed", file)
            report(f"{display_name(file)}: {unexpected(error)}")
            status = FAILED
    return status


def _number(value: str, convert: type[int] | type[float], kind: str) -> int | float:
    try:
        return convert(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be {kind}, not {value!r}") from None


def positive_count(value: str) -> int:
    """An argparse type: a whole number >= 1 (--sentences, --words, --workers)."""
    number = int(_number(value, int, "a whole number"))
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


MAX_ID = 2**63 - 1  # SQLite's largest integer key


def article_id(value: str) -> int:
    """An argparse type: an article id of the library (1 to 2**63 - 1)."""
    number = positive_count(value)
    if number > MAX_ID:
        raise argparse.ArgumentTypeError(f"no article has an id as large as {value}")
    return number


def share(value: str) -> float:
    """An argparse type: a number in (0, 1] (--ratio)."""
    ratio = _number(value, float, "a number")
    if not 0 < ratio <= 1:
        raise argparse.ArgumentTypeError(f"must be greater than 0 and at most 1, not {value}")
    return ratio


def add_verbose_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log what happens, with tracebacks, on stderr"
    )


def run_command(
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
        format=f"{PROG}: %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        return dispatch(args)
    except CommandError as error:
        report(str(error))
        return error.status
    except JobError as error:
        report(str(error))
        return FAILED
    except KeyboardInterrupt:
        report("interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        # `... | head`: the reader has gone; say nothing more, and let the final flush
        # of stdout go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FAILED
    except OSError as error:  # a full disk, a read-only folder: expected, said in one line
        log.exception("%s failed", PROG)
        report(os_message(error))
        return FAILED
    except Exception as error:  # noqa: BLE001 - the promise: no traceback reaches the user
        log.exception("%s failed", PROG)
        report(unexpected(error))
        return FAILED
