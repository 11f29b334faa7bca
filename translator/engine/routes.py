"""How one pair is translated: a Route plans, runs, labels and keys itself.

Three kinds: a direct Argos pack (PackRoute), a multilingual model (ModelRoute), and a pivot
through English (PivotRoute: two routes run in turn, as Argos's CompositeTranslation). The
dashboard, the exports and the translation memory ask the route, never its kind.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from languages.codes import normalize_code
from languages.flores import default_script, token_script
from languages.names import language_name
from languages.scripts import script_subtag
from languages.transliteration import can_transliterate, transliterate
from translator.engine.batching import run_batches
from translator.engine.scripts import ScriptChange
from translator.loading import Runner
from translator.multilingual.models import MultilingualModel
from translator.packs.folders import Pack

Progress = Callable[[int, int], None]

PIVOT = "en"
"""Argos publishes most pairs to and from English, so English is the bridge."""


class Route(ABC):
    """A planned translation of `source` into `target`."""

    source: str
    target: str

    @property
    @abstractmethod
    def label(self) -> str:
        """What translated, for the card and the exports: "Argos pack ru→en", "NLLB-200"."""

    @property
    @abstractmethod
    def key(self) -> str:
        """Names every pack or model used with its version (a translation memory keys on it)."""

    @property
    def via(self) -> str:
        """How, for the reader: "via NLLB-200", "via English", "" for a direct pack."""
        if self.model:
            return f"via {self.model}"
        if self.pivots:
            return "via " + ", ".join(language_name(code) for code in self.pivots)
        return ""

    @property
    def model(self) -> str:
        """The multilingual model family that translates ("NLLB-200"), "" for Argos packs."""
        return ""

    @property
    def pivots(self) -> tuple[str, ...]:
        """Languages the text goes through on its way, e.g. ("en",)."""
        return ()

    @property
    @abstractmethod
    def reader(self) -> str:
        """Who first reads the source sentences, for a note: "NLLB-200"."""

    @abstractmethod
    def reads(self, language: str) -> str:
        """The script the first model reads `language` in ("Latn" for NLLB-200's uzn_Latn)."""

    @abstractmethod
    def runners(self) -> list[Runner]:
        """The loaded models to run in turn (loaded now: a removed one fails before any work)."""

    def script_change(self, tagged: str) -> ScriptChange | None:
        """How sentences tagged with a script ("uz-Cyrl") must change for this route."""
        written, language = script_subtag(tagged), normalize_code(tagged)
        expected = self.reads(language)
        if not written or not expected or written == expected:
            return None
        if not can_transliterate(language, written, expected):
            return None
        return ScriptChange(language, written, expected, self.reader)

    def run(self, sentences: Sequence[str], tagged: str, progress: Progress) -> list[str]:
        """One translation per sentence; `tagged` is the source with its script ("uz-Cyrl").

        progress(done, total) counts sentences over every hop: hop 2 of 2 covers the second
        half.
        """
        runners = self.runners()
        texts = list(sentences)
        change = self.script_change(tagged)
        if change is not None:
            texts = [transliterate(text, self.source, change.written, change.expected)
                     for text in texts]
        total, hops = len(texts), len(runners)
        for hop, runner in enumerate(runners):
            texts = run_batches(runner, texts, lambda done, _total, hop=hop: progress(
                (hop * total + done) // hops, total))
        return texts


@dataclass(frozen=True)
class PackRoute(Route):
    """One Argos pack translates the pair directly."""

    pack: Pack

    @property
    def source(self) -> str:
        return self.pack.from_code.lower()

    @property
    def target(self) -> str:
        return self.pack.to_code.lower()

    @property
    def label(self) -> str:
        return f"Argos pack {self.source}→{self.target}"

    @property
    def key(self) -> str:
        return f"{self.pack.from_code}-{self.pack.to_code}@{self.pack.version}"

    @property
    def reader(self) -> str:
        return f"the {self.pack.from_code} → {self.pack.to_code} language pack"

    def reads(self, language: str) -> str:
        return default_script(language)

    def runners(self) -> list[Runner]:
        from translator.packs.loading import load_pack

        return [load_pack(self.pack)]


@dataclass(frozen=True)
class ModelRoute(Route):
    """A multilingual model translates the pair directly, without a pivot."""

    model_used: MultilingualModel
    source: str
    target: str

    @property
    def label(self) -> str:
        return self.model_used.family

    @property
    def key(self) -> str:
        model = self.model_used
        return f"{model.family}:{model.name}@{model.size_bytes}"

    @property
    def model(self) -> str:
        return self.model_used.family

    @property
    def reader(self) -> str:
        return self.model_used.family

    def reads(self, language: str) -> str:
        return token_script(self.model_used.token(language) or "", language)

    def runners(self) -> list[Runner]:
        from translator.multilingual.loading import pair_runner

        return [pair_runner(self.model_used, self.source, self.target)]


@dataclass(frozen=True)
class PivotRoute(Route):
    """Two routes in turn through a pivot language: de → en, then en → ru."""

    first: Route
    second: Route

    @property
    def source(self) -> str:
        return self.first.source

    @property
    def target(self) -> str:
        return self.second.target

    @property
    def label(self) -> str:
        return f"Argos packs {self.source}→{self.first.target}→{self.target}"

    @property
    def key(self) -> str:
        return f"{self.first.key}+{self.second.key}"

    @property
    def pivots(self) -> tuple[str, ...]:
        return (*self.first.pivots, self.first.target, *self.second.pivots)

    @property
    def reader(self) -> str:
        return self.first.reader

    def reads(self, language: str) -> str:
        return self.first.reads(language)

    def runners(self) -> list[Runner]:
        return [*self.first.runners(), *self.second.runners()]
