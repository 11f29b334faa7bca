"""The contract every command of the project keeps (`python -m summarizer`,
`python -m translator`, `python -m digest`), written once.

- A problem with one file is one line on stderr, `PROG: FILE: reason`, and the other
  files are still done; the exit status is then 1. Usage errors exit 2, Ctrl-C 130.
- `-` reads standard input; with several files each result is a `==> FILE <==` block
  as head(1) prints it.
- Output is UTF-8 whatever the terminal's locale; a closed pipe (`| head`) ends quietly.
- No traceback reaches the user: it goes to the log, shown with `--verbose`.
- File names are shown with control characters escaped, so a name cannot drive the terminal.
- Inputs are measured before they are read: a file, standard input or a pipe past the
  upload limit, a folder, a device, are refused in one line without reading them whole.
"""
from __future__ import annotations

import argparse
import errno
import logging
import os
import stat
import sys
from collections.abc import Callable, Sequence
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


class InputRefused(Exception):
    """An input that is not read: missing, a folder, a device, too large. The message is
    the reason alone (`is a directory`); callers put the file's name before it."""


CHUNK_BYTES = 1024 * 1024
_SPECIAL = (
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISDIR, "is a directory"),
)


def input_limit() -> int:
    """The largest input any command reads: the upload limit (digest.job)."""
    from digest.job import ARTICLE_MAX_BYTES

    return ARTICLE_MAX_BYTES


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason for an input past max_bytes; size None: a stream that went on past it."""
    from digest.job import MB

    limit = f"the limit is {max_bytes // MB} MB ({max_bytes:,} bytes)."
    if size is None:
        return f"the file is too large (more than {max_bytes // MB} MB); {limit}"
    return f"the file is too large ({size / MB:.1f} MB, {size:,} bytes); {limit}"


def os_reason(error: OSError) -> str:
    """The same words for the same OSError in every command."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (or too many links)"
    return str(error.strerror or error)


def os_message(error: OSError) -> str:
    """`FILE: reason` for an OSError that names its file, else the reason."""
    reason = os_reason(error)
    if error.filename is None:
        return reason
    return f"{display_name(os.fsdecode(error.filename))}: {reason}"


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most max_bytes of a stream, read a chunk at a time; InputRefused past that (an
    endless pipe, /dev/zero on standard input) after reading only max_bytes + 1."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(CHUNK_BYTES, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise InputRefused(too_large(max_bytes))


def read_bounded(path: str | os.PathLike | bytes, max_bytes: int | None = None,
                 pipes: bool = True) -> bytes:
    """The bytes of one file, measured before they are read.

    A folder, a device (/dev/zero, a terminal) or a socket is refused from its stat, a
    regular file larger than max_bytes from its size (a sparse 2 GB file costs nothing),
    and a pipe (FIFO, `<(command)`) after max_bytes + 1 bytes; `pipes=False` refuses pipes
    unopened, for callers that must never wait on a writer (batch runs)."""
    limit = input_limit() if max_bytes is None else max_bytes
    try:
        info = os.stat(path)
        for test, reason in _SPECIAL:
            if test(info.st_mode):
                raise InputRefused(reason)
        if stat.S_ISFIFO(info.st_mode) and not pipes:
            raise InputRefused("is a named pipe (FIFO), not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise InputRefused(too_large(limit, info.st_size))
        with open(path, "rb", buffering=0) as stream:
            opened = os.fstat(stream.fileno())  # the file may have been swapped meanwhile
            for test, reason in _SPECIAL:
                if test(opened.st_mode):
                    raise InputRefused(reason)
            if stat.S_ISREG(opened.st_mode) and opened.st_size > limit:
                raise InputRefused(too_large(limit, opened.st_size))
            return read_stream(stream, limit)
    except OSError as error:
        raise InputRefused(os_reason(error)) from None


def read_input(file: str, stdin: BinaryIO | None = None, max_bytes: int | None = None) -> bytes:
    """The bytes of a file or of standard input, at most the input limit; CommandError
    naming the file otherwise (read_bounded says what is refused before reading)."""
    limit = input_limit() if max_bytes is None else max_bytes
    if file == STDIN:
        stream = stdin or sys.stdin.buffer
        try:
            info = os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):  # io.BytesIO, a closed descriptor
            info = None
        try:
            if info is not None and stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise InputRefused(too_large(limit, info.st_size))
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


MAX_ID = 2**63 - 1  # SQLite's largest integer key


def article_id(value: str) -> int:
    """An argparse type: an article id of the library (1 to 2**63 - 1)."""
    number = positive_count(value)
    if number > MAX_ID:
        raise argparse.ArgumentTypeError(f"no article has an id as large as {value}")
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
    except OSError as error:  # a full disk, a read-only folder: expected, said in one line
        log.exception("%s failed", prog)
        report(prog, os_message(error))
        return FAILED
    except Exception as error:  # noqa: BLE001 - the promise: no traceback reaches the user
        log.exception("%s failed", prog)
        report(prog, unexpected(error))
        return FAILED
