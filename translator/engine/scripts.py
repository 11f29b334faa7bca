"""Sentences written in a script the route's first model does not read ("uz-Cyrl" for NLLB-200's
`uzn_Latn`) are transliterated before they reach it (languages.transliteration)."""
from __future__ import annotations

from dataclasses import dataclass

from languages.names import language_name
from languages.scripts import script_name


@dataclass(frozen=True)
class ScriptChange:
    """Sentences of `language` written in `written` given to `reader` in `expected`."""

    language: str
    written: str
    expected: str
    reader: str

    @property
    def note(self) -> str:
        return (f"{language_name(self.language)} in {script_name(self.written)} was "
                f"transliterated to {script_name(self.expected)} for {self.reader}.")
