"""What can go wrong in translator/, one class a cause; every message is meant for the user as is.

Callers catch `TranslatorError` to show any of them, or one subclass to react to one cause
(the Language packs page offers the file upload when the index is offline; the dashboard
links to that page when a pair is missing).
"""
from __future__ import annotations


class TranslatorError(Exception):
    """Any translator problem; str(error) is a complete sentence for the user."""


class PackError(TranslatorError):
    """A language pack or model that is refused, broken, or not installed."""


class OfflineError(TranslatorError):
    """The package index or a download could not be reached or broke off."""


class MissingPairError(TranslatorError):
    """No installed resource translates source -> target, directly or through English."""

    def __init__(self, source: str, target: str, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.target = target


class TranslationFailedError(TranslatorError):
    """A model that loaded failed while translating (CTranslate2 raised)."""


class UndeterminedLanguageError(TranslatorError):
    """The source language is neither given nor detectable."""
