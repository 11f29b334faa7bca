"""Errors of a whole job (not of one article), for whoever runs it to tell the user.

An article's own failure is never an exception: it becomes its `error` or
`translation_note` (digest.job). What stops a job as a whole (the library cannot be
opened, a Ray cluster does not answer) is a JobError whose message is a sentence for the
user as is; the command line prints it as `news-digest: message` and exits 1. digest
imports nothing above it, so it raises this and the command line turns it into its
message.
"""
from __future__ import annotations


class JobError(Exception):
    """A job that cannot go on; str(error) is the sentence to show."""


def unexpected(error: BaseException) -> str:
    """The words for a bug, the same in every command and every manifest row."""
    return f"unexpected error: {type(error).__name__}: {error}"
