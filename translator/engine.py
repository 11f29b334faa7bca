"""Offline translation with Argos packs, sentence by sentence, without argostranslate.translate.

argostranslate.translate imports torch, stanza and spacy (3 s, 750 MB) and downloads
sentence splitters at run time. We only need what a pack holds: a tokenizer and a
CTranslate2 model. Sentences come from `articles`' segmentation, the same one the
summary uses, so each source sentence is paired with its translation.

All sentences of a document go to CTranslate2 in batches; a sentence seen before
(in this document or an earlier one, with the same pack) is not translated again.
Routes, in order: a direct Argos pack (smaller and faster); else an installed multilingual model
(NLLB-200, M2M-100: translator.multilingual) directly, without a pivot; else Argos packs through
English (de -> en -> ru). `prefer_model=True` puts the model first for a pair.

A source code may name the script its sentences are written in ("uz-Cyrl"): when the first
pack or model of the route knows the language only in the other script (NLLB-200's
`uzn_Latn`, `kaz_Cyrl`), the sentences are transliterated before they reach it
(languages.transliteration) and the translation says so in `notes`. A bare code means the
language's usual script.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from articles.building import build_article
from articles.model import Article
from languages.codes import UNDETERMINED, is_determined, normalize_code
from languages.flores import default_script, token_script
from languages.names import language_name
from languages.scripts import script_name, script_subtag
from languages.transliteration import can_transliterate, script_tag, transliterate
from translator import multilingual
from translator.errors import (
    MissingPairError,
    TranslationFailedError,
    UndeterminedLanguageError,
)
from translator.models import LoadedPack, load_pack
from translator.multilingual import MultilingualModel
from translator.packs import Pack, installed_packs, version_key

Progress = Callable[[int, int], None]

PIVOT = "en"
"""Argos publishes most pairs to and from English, so English is the bridge."""

BATCH_SIZE = 32
"""Sentences per translate_batch call; progress is reported as each batch completes."""

BEAM_SIZE = 4
"""Argos's default beam."""

LENGTH_PENALTY = 0.2
"""Argos's value."""

MAX_DECODING_LENGTH = 256
"""Output tokens per sentence, as Argos allows; a limit from the input length (2n+16) cut short
lines of compact scripts (zh, ja), whose translation takes many more tokens than the source."""

CACHE_SIZE = 20_000
"""Translated sentences remembered per process (a few MB)."""


@dataclass(frozen=True)
class SentencePair:
    """A source sentence and its translation. `line_break`: a new line follows it in its
    paragraph; `kept`: it was already in the target language and is its own translation."""

    source: str
    target: str
    line_break: bool = False
    kept: bool = False


@dataclass(frozen=True)
class Translation:
    """A translated document, paragraph by paragraph, each source sentence beside its translation.

    `paragraphs` has one entry per source paragraph (an empty tuple for a paragraph with no
    sentence), so the dashboard can put original and translation side by side. `via` lists
    pivot languages, e.g. ("en",) for de -> en -> ru; `model` names the multilingual model
    family that translated (e.g. "NLLB-200"), "" for Argos packs. `notes` says what the
    reader should know about how, e.g. "Uzbek in Cyrillic was transliterated to Latin for
    NLLB-200."
    """

    source_language: str
    target_language: str
    paragraphs: tuple[tuple[SentencePair, ...], ...]
    via: tuple[str, ...] = ()
    title: SentencePair | None = None
    model: str = ""
    notes: tuple[str, ...] = ()

    @property
    def route(self) -> str:
        """How it was translated, for the reader: "via NLLB-200", "via English", or ""."""
        if self.model:
            return f"via {self.model}"
        if self.via:
            return "via " + ", ".join(language_name(code) for code in self.via)
        return ""

    @property
    def text(self) -> str:
        """The translation as plain text: title, then paragraphs separated by a blank line."""
        body = "\n\n".join(_joined(para) for para in self.paragraphs if _joined(para))
        if self.title is not None and self.title.target:
            return f"{self.title.target}\n\n{body}" if body else self.title.target
        return body

    @property
    def sentences(self) -> tuple[SentencePair, ...]:
        """Every body sentence pair in document order."""
        return tuple(pair for para in self.paragraphs for pair in para)


def _joined(pairs: Sequence[SentencePair]) -> str:
    """A paragraph's translation: a new line where the original has one, else a space."""
    text = ""
    for pair in pairs:
        if pair.target:
            text = f"{text}{pair.target}\n" if pair.line_break else f"{text}{pair.target} "
    return text.strip()


def missing_pair(source: str, target: str, hint: str = "") -> MissingPairError:
    """The error for a pair nothing installed reaches, saying what would (or that nothing is
    published for it)."""
    source_label = f"{language_name(source)} ({source})"
    target_label = f"{language_name(target)} ({target})"
    message = (
        f"No installed language pack or multilingual model translates {source_label} to "
        f"{target_label}, directly or through English. {hint}{_what_to_install(source, target)}"
    )
    return MissingPairError(source, target, message.replace("  ", " "))


def _what_to_install(source: str, target: str) -> str:
    from translator.index import install_advice  # reads the index cached on disk, no network

    return install_advice(source, target)


class _TranslationCache:
    """A bounded LRU of sentence translations keyed by (loaded pack, sentence); thread-safe."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._items: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> str | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: str) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


translation_cache = _TranslationCache(CACHE_SIZE)


def clear_translation_cache() -> None:
    """Forget remembered sentence translations (loaded models stay loaded)."""
    translation_cache.clear()


# ---- which packs make a route -------------------------------------------------------------

def _pairs() -> dict[tuple[str, str], Pack]:
    pairs: dict[tuple[str, str], Pack] = {}
    for pack in installed_packs():
        key = (pack.from_code.lower(), pack.to_code.lower())
        if key not in pairs or version_key(pack.version) > version_key(pairs[key].version):
            pairs[key] = pack
    return pairs


Hop = Pack | MultilingualModel


def _route(
    source: str, target: str, pairs: dict[tuple[str, str], Pack],
    models: list[MultilingualModel] | None = None, prefer_model: bool = False,
) -> list[Hop]:
    """Packs or a model to run in turn: direct pack, model, packs through English."""
    model = multilingual.model_for(source, target, models)
    if model is not None and prefer_model:
        return [model]
    if (source, target) in pairs:
        return [pairs[source, target]]
    if model is not None:
        return [model]
    if PIVOT not in (source, target) and (source, PIVOT) in pairs and (PIVOT, target) in pairs:
        return [pairs[source, PIVOT], pairs[PIVOT, target]]
    hint = ""
    if PIVOT not in (source, target):
        if (source, PIVOT) in pairs:
            hint = f"The {source} → {PIVOT} pack is installed; {PIVOT} → {target} is missing. "
        elif (PIVOT, target) in pairs:
            hint = f"The {PIVOT} → {target} pack is installed; {source} → {PIVOT} is missing. "
    raise missing_pair(source, target, hint)


def reachable_targets(source: str) -> list[str]:
    """Target codes the installed packs reach from source, directly or through English."""
    source = normalize_code(source)
    pairs = _pairs()
    targets = {to for (frm, to) in pairs if frm == source}
    if source != PIVOT and (source, PIVOT) in pairs:
        targets |= {to for (frm, to) in pairs if frm == PIVOT}
    for model in multilingual.installed_models():
        if source in model.languages:
            targets |= set(model.languages)
    targets.discard(source)
    return sorted(targets)


def translatable_sources() -> list[str]:
    """Source codes an installed pack or multilingual model translates from (for the dashboard)."""
    sources = {frm for (frm, _to) in _pairs()}
    for model in multilingual.installed_models():
        sources |= set(model.languages)
    return sorted(sources)


@dataclass(frozen=True)
class Route:
    """How a pair would be translated now: `label` for the reader ("via NLLB-200",
    "via English", "" for a direct pack) and `key`, which names every pack or model
    used with its version (a translation memory keys on it)."""

    label: str
    key: str


def route_for(source: str, target: str, prefer_model: bool = False) -> Route:
    """The route translate_* would take for the pair; MissingPairError when there is none."""
    source, target = normalize_code(source), normalize_code(target)
    hops = _route(source, target, _pairs(), multilingual.installed_models(), prefer_model)
    if isinstance(hops[0], MultilingualModel):
        model = hops[0]
        return Route(f"via {model.family}", f"{model.family}:{model.name}@{model.size_bytes}")
    key = "+".join(f"{hop.from_code}-{hop.to_code}@{hop.version}" for hop in hops)
    via = [hop.to_code for hop in hops[:-1]]
    label = "via " + ", ".join(language_name(code) for code in via) if via else ""
    return Route(label, key)


def has_model_choice(source: str, target: str) -> bool:
    """True when both a pack route and a multilingual model translate the pair, so the
    reader can choose the model."""
    source, target = normalize_code(source), normalize_code(target)
    if source == target or multilingual.model_for(source, target) is None:
        return False
    return not isinstance(_route(source, target, _pairs(), multilingual.installed_models())[0],
                          MultilingualModel)


def can_translate(source: str, target: str) -> bool:
    """True when translate_* would find a route (same language counts: nothing to do)."""
    source, target = normalize_code(source), normalize_code(target)
    if source == target:
        return True
    try:
        _route(source, target, _pairs(), multilingual.installed_models())
    except MissingPairError:
        return False
    return True


# ---- scripts ------------------------------------------------------------------------------

def expected_script(hop: Hop, language: str) -> str:
    """The script a pack or model reads a language in: the model token's ("uzn_Latn"), or
    for an Argos pack the language's usual one."""
    if isinstance(hop, MultilingualModel):
        return token_script(hop.token(language) or "", language)
    return default_script(language)


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


def _script_change(source: str, first_hop: Hop) -> ScriptChange | None:
    """How sentences tagged with a script ("uz-Cyrl") must change for the route's first hop."""
    written, language = script_subtag(source), normalize_code(source)
    expected = expected_script(first_hop, language)
    if not written or not expected or written == expected:
        return None
    if not can_transliterate(language, written, expected):
        return None
    reader = (first_hop.family if isinstance(first_hop, MultilingualModel)
              else f"the {first_hop.from_code} → {first_hop.to_code} language pack")
    return ScriptChange(language, written, expected, reader)


def script_note(source: str, target: str, prefer_model: bool = False) -> str:
    """What translating from `source` (with its script: "uz-Cyrl") would transliterate, in
    words for the reader; "" when nothing. MissingPairError when there is no route."""
    language, target = normalize_code(source), normalize_code(target)
    if not script_subtag(source) or language == target:
        return ""
    hops = _route(language, target, _pairs(), multilingual.installed_models(), prefer_model)
    change = _script_change(source, hops[0])
    return change.note if change else ""


# ---- translating ----------------------------------------------------------------------------

def decoding_limit(tokens: Sequence[str]) -> int:
    """Output tokens allowed for one sentence: Argos's 256, whatever its length (see above)."""
    return MAX_DECODING_LENGTH


def _batches(order: list[int], tokens: list[list[str]]) -> list[list[int]]:
    """Consecutive runs of at most BATCH_SIZE sentences sharing one decoding limit."""
    batches: list[list[int]] = []
    for j in order:
        if batches and len(batches[-1]) < BATCH_SIZE and (
            decoding_limit(tokens[batches[-1][0]]) == decoding_limit(tokens[j])
        ):
            batches[-1].append(j)
        else:
            batches.append([j])
    return batches


def _translate_tokens(loaded: LoadedPack, batch: list[list[str]]) -> list[str]:
    prefix = loaded.target_prefix
    try:
        results = loaded.translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            max_batch_size=BATCH_SIZE,
            beam_size=BEAM_SIZE,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_decoding_length=decoding_limit(batch[0]),
        )
    except Exception as error:  # CTranslate2 raises RuntimeError/ValueError on a bad model
        pack = loaded.pack
        raise TranslationFailedError(
            f"The {pack.from_name} → {pack.to_name} pack failed while translating: {error}"
        ) from error
    outputs = []
    for result in results:
        tokens = list(result.hypotheses[0]) if result.hypotheses else []
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        outputs.append(loaded.tokenizer.decode(tokens) if tokens else "")
    return outputs


def _run_pack(loaded: LoadedPack, texts: list[str], progress: Progress) -> list[str]:
    """Translate texts with one pack: empty ones skipped, repeats and cached ones done once.

    Sentences are sorted by token count before batching (less padding), then put back.
    """
    total = len(texts)
    results: list[str | None] = [None] * total
    pending: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        sentence = text.strip()
        if not sentence:
            results[index] = ""
            continue
        cached = translation_cache.get((loaded.key, sentence))
        if cached is not None:
            results[index] = cached
        else:
            pending.setdefault(sentence, []).append(index)
    done = total - sum(len(indexes) for indexes in pending.values())
    progress(done, total)

    unique = list(pending)
    tokens = [loaded.tokenizer.encode(sentence) for sentence in unique]
    order = sorted(range(len(unique)), key=lambda j: len(tokens[j]))  # less padding per batch
    for chunk in _batches(order, tokens):
        outputs = _translate_tokens(loaded, [tokens[j] for j in chunk])
        for j, output in zip(chunk, outputs, strict=True):
            translation_cache.put((loaded.key, unique[j]), output)
            for index in pending[unique[j]]:
                results[index] = output
            done += len(pending[unique[j]])
        progress(done, total)
    return [result or "" for result in results]


def _load_hop(hop: Hop, source: str, target: str) -> LoadedPack:
    if isinstance(hop, MultilingualModel):
        return multilingual.pair_runner(hop, source, target)
    return load_pack(hop)


def _translate(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None,
    prefer_model: bool = False,
) -> tuple[list[str], tuple[str, ...], str, str]:
    """Translations, pivots, model family and the note on a transliteration ("" if none)."""
    tagged = source
    source, target = normalize_code(source), normalize_code(target)
    total = len(sentences)
    last = [-1]

    def report(done: int) -> None:
        if progress is not None and done != last[0]:
            last[0] = done
            progress(done, total)

    if source == target:
        report(total)
        return list(sentences), (), "", ""
    route = _route(source, target, _pairs(), multilingual.installed_models(), prefer_model)
    loaded_route = [_load_hop(hop, source, target) for hop in route]  # fail early if one is gone
    texts = list(sentences)
    change = _script_change(tagged, route[0])
    if change is not None:
        texts = [transliterate(text, source, change.written, change.expected) for text in texts]
    hops = len(loaded_route)
    for hop, loaded in enumerate(loaded_route):
        # progress over all hops, in sentences: hop 2 of 2 covers the second half
        texts = _run_pack(
            loaded, texts, lambda done, _total, hop=hop: report((hop * total + done) // hops)
        )
    report(total)
    model = route[0].family if isinstance(route[0], MultilingualModel) else ""
    return texts, tuple(pack.to_code for pack in route[:-1]), model, change.note if change else ""


def translate_sentences(
    sentences: Sequence[str], source: str, target: str, progress: Progress | None = None,
    prefer_model: bool = False,
) -> list[str]:
    """One translation per sentence, in order ("" for an empty sentence). `source` may name
    the sentences' script ("uz-Cyrl"): see the module's docstring."""
    return _translate(sentences, source, target, progress, prefer_model)[0]


def _source_code(source: str | None, fallback: str, text: str) -> str:
    code = normalize_code(source)
    if not is_determined(code):
        code = normalize_code(fallback)
    if not is_determined(code):
        from languages.detection import detect_language

        code = detect_language(text).code
    if not is_determined(code):
        raise UndeterminedLanguageError(
            "The language of the text could not be determined; choose the source language."
        )
    return code


def translate_article(
    article: Article, target: str, source: str | None = None, progress: Progress | None = None,
    prefer_model: bool = False,
) -> Translation:
    """Translate an Article's title and sentences, keeping its paragraphs and line breaks.

    source defaults to article.language (detected when "und"). Each paragraph is
    translated from its own language (article.paragraph_languages); one already in
    the target language is kept as it is. progress(done, total) counts sentences,
    the title included. prefer_model: a multilingual model before a direct pack.
    Uzbek or Kazakh paragraphs in their other script are transliterated for a model that
    reads only one (languages.transliteration.script_tag); `notes` says so.
    """
    source = _source_code(source, article.language, article.text)
    target = normalize_code(target)
    titled = [article.title] if article.title else []
    groups: dict[str, list[int]] = {}
    tags: dict[int, str] = {}  # paragraph -> its language, with its script if unusual
    for index, sentence in enumerate(article.sentences):
        if sentence.paragraph not in tags:
            language = article.paragraph_language(sentence.paragraph)
            language = language if is_determined(language) else source
            tags[sentence.paragraph] = _tag(language, target, article, sentence.paragraph)
        groups.setdefault(tags[sentence.paragraph], []).append(index)
    # the title goes with the main language's sentences written in its script
    main = script_tag(source, article.title) if article.title and source != target else source
    groups.setdefault(main, [])
    outputs: dict[int, str] = {}
    title_output, via, model, notes = "", (), "", []
    done_before = [0]
    total = len(titled) + len(article.sentences)

    def reporting(done: int, _total: int) -> None:
        if progress is not None:
            progress(done_before[0] + done, total)

    for language, members in sorted(groups.items(), key=lambda item: item[0] != main):
        texts = [article.sentences[index].text for index in members]
        if language == main:
            texts = titled + texts
        translated, hops, used, note = _translate(
            texts, language, target, reporting, prefer_model
        )
        if note and note not in notes:
            notes.append(note)
        if language == main:
            via, model = hops, used
            if titled:
                title_output, translated = translated[0], translated[1:]
        outputs.update(zip(members, translated, strict=True))
        done_before[0] += len(texts)
    title = SentencePair(article.title, title_output) if article.title else None
    paragraphs: list[list[SentencePair]] = [[] for _ in article.paragraphs]
    for index, sentence in enumerate(article.sentences):
        kept = normalize_code(article.paragraph_language(sentence.paragraph)) == target
        pair = SentencePair(sentence.text, outputs[index], sentence.line_break, kept)
        if not paragraphs:
            paragraphs.append([])
        paragraphs[sentence.paragraph if 0 <= sentence.paragraph < len(paragraphs) else -1].append(
            pair
        )
    return Translation(
        source_language=source,
        target_language=target,
        paragraphs=tuple(tuple(pairs) for pairs in paragraphs),
        via=via,
        title=title,
        model=model,
        notes=tuple(notes),
    )


def _tag(language: str, target: str, article: Article, paragraph: int) -> str:
    """A paragraph's language for grouping its sentences: with its script when unusual
    ("uz-Cyrl"), except in the target language (kept as it is, whatever its script)."""
    if normalize_code(language) == target or not 0 <= paragraph < len(article.paragraphs):
        return language
    return script_tag(language, article.paragraphs[paragraph])


def translate_text(
    text: str, source: str | None, target: str, progress: Progress | None = None,
    prefer_model: bool = False,
) -> Translation:
    """Translate plain text (source None or "auto": detected); paragraphs split at blank lines."""
    source = _source_code(source, UNDETERMINED, text)
    article = build_article("text", text, language=source)
    return translate_article(article, target, source=source, progress=progress,
                             prefer_model=prefer_model)
