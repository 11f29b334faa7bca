"""Inputs measured before they are read: the one way every caller (the command lines, the
batch runner, the library hook) reads a file it was given by name.

A folder, a device or a socket is refused from its stat, a regular file past the upload
limit from its size, a pipe after one byte past it; a file is never read whole to find
out it was too large. The reason is the same words everywhere (`no such file`,
`is a directory`), so a user sees one vocabulary whichever command refused the input.
"""
from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

CHUNK_BYTES = 1024 * 1024
_SPECIAL = (
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISDIR, "is a directory"),
)


class InputRefused(Exception):
    """An input that is not read: missing, a folder, a device, too large. The message is
    the reason alone (`is a directory`); callers put the file's name before it."""


def input_limit() -> int:
    """The largest input any caller reads: the upload limit (digest.job)."""
    from digest.job import ARTICLE_MAX_BYTES  # lazily: `--help` needs none of the job

    return ARTICLE_MAX_BYTES


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason for an input past max_bytes; size None: a stream that went on past it."""
    from digest.job import MB

    limit = f"the limit is {max_bytes // MB} MB ({max_bytes:,} bytes)."
    if size is None:
        return f"the file is too large (more than {max_bytes // MB} MB); {limit}"
    return f"the file is too large ({size / MB:.1f} MB, {size:,} bytes); {limit}"


def os_reason(error: OSError) -> str:
    """The same words for the same OSError everywhere."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (or too many links)"
    return str(error.strerror or error)


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


def refuse_too_large(info: os.stat_result, max_bytes: int) -> None:
    """InputRefused for a regular file whose stat says it is past max_bytes."""
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise InputRefused(too_large(max_bytes, info.st_size))


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
        _refuse_special(info)
        if stat.S_ISFIFO(info.st_mode) and not pipes:
            raise InputRefused("is a named pipe (FIFO), not a file")
        refuse_too_large(info, limit)
        with open(path, "rb", buffering=0) as stream:
            opened = os.fstat(stream.fileno())  # the file may have been swapped meanwhile
            _refuse_special(opened)
            refuse_too_large(opened, limit)
            return read_stream(stream, limit)
    except OSError as error:
        raise InputRefused(os_reason(error)) from None


def _refuse_special(info: os.stat_result) -> None:
    for test, reason in _SPECIAL:
        if test(info.st_mode):
            raise InputRefused(reason)
