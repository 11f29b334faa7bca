"""The interface's translation layer: every string the dashboard shows goes through `_`.

The catalogs are gettext .po files kept in the repository (ui/locale/<lang>/LC_MESSAGES/
messages.po); each is compiled in memory with Babel the first time it is used (no build
step, nothing to commit twice) and kept while the .po is unchanged. See docs/i18n.md.

The interface language belongs to the session (st.session_state[LANGUAGE_KEY]): the
reader's saved choice (the library's settings), else the browser's language when it is
one of ours, else English. Names of languages come from CLDR through Babel, in the
interface language; dates and numbers follow its locale. The packages below ui know
nothing of this: they speak English, and the texts they hand up are translated here
(`message`), by their exact wording or by a template with placeholders.
"""
from __future__ import annotations

import gettext
import io
import re
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import streamlit as st

from languages.codes import UNDETERMINED, normalize_code
from languages.names import LANGUAGE_NAMES
from languages.scripts import SCRIPT_NAMES

LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "uz": "Oʻzbekcha",
}
"""The interface languages, each under its own name. A new language: a catalog and a line."""
DEFAULT = "en"
BABEL_LOCALES = {"en": "en", "ru": "ru", "kk": "kk", "uz": "uz_Latn"}
"""The CLDR locale of each interface language (Uzbek in the Latin script)."""
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
LANGUAGE_KEY = "ui_language"
"""Session key: the interface language of this session."""
SWITCH_KEY = "ui_language_switch"
"""The sidebar switch's own widget key (copied into LANGUAGE_KEY by its on_change)."""
CHOSEN_KEY = "ui_language_chosen"
"""True once the reader chose the language (or it came from the saved settings)."""
PREFERENCE = "interface_language"
"""The key of the interface language in the library's settings for the reader."""


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "marked, not translated"
    """Mark `message` for the catalogs where it is defined; it is translated where shown."""
    return message


# ---- catalogs ----------------------------------------------------------------------------


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


_compile_lock = threading.Lock()


@lru_cache(maxsize=16)
def _compiled(language: str, stamp: float) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = po_path(language)
    with path.open("rb") as po:
        catalog = read_po(po, locale=BABEL_LOCALES.get(language, language))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out: shown in English until reviewed
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


_ENGLISH = gettext.NullTranslations()
RECHECK_SECONDS = 1.0
"""How often a catalog in use is checked for changes: a page asks for hundreds of texts
and a stat of the .po for each would cost a language's pages more than English ones."""
_checked: dict[str, tuple[float, gettext.NullTranslations]] = {}
"""language -> (when its .po was last looked at, its catalog then)."""


def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of `language` (English and an unknown language: none)."""
    if language == DEFAULT:
        return _ENGLISH
    now = time.monotonic()
    known = _checked.get(language)
    if known is not None and now - known[0] < RECHECK_SECONDS:
        return known[1]
    path = po_path(language)
    if not path.exists():
        catalog: gettext.NullTranslations = _ENGLISH
    else:
        with _compile_lock:
            catalog = _compiled(language, path.stat().st_mtime)
    _checked[language] = (now, catalog)
    return catalog


# ---- the session's language -------------------------------------------------------------


def _in_a_run() -> bool:
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True) is not None


def _session():
    if not _in_a_run():  # outside a Streamlit run (a test calling a view's helper): English
        return {}
    return st.session_state


_last_run_language = DEFAULT
"""The language of the last run in this process: what a widget's format_func speaks when
AppTest calls it after the run, outside any (there is no such call in a served app)."""


def browser_language() -> str | None:
    """One of our languages when the browser's is one ("ru-RU" -> "ru"), else None."""
    if not _in_a_run():
        return None
    try:
        locale = st.context.locale
    except Exception:  # noqa: BLE001 - no browser (AppTest)
        return None
    if not locale:
        return None
    code = str(locale).replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else None


def current() -> str:
    """The interface language of this session."""
    global _last_run_language
    if not _in_a_run():
        return _last_run_language
    language = st.session_state.get(LANGUAGE_KEY)
    if language not in LANGUAGES:
        language = browser_language() or DEFAULT
    _last_run_language = language
    return language


def forget_last_run() -> None:
    """Outside a run, English again (tests that drive several languages in one process)."""
    global _last_run_language
    _last_run_language = DEFAULT


def restore_language(saved: object) -> None:
    """Once per session, before anything is drawn: the saved choice, else the browser's
    language, else English."""
    session = _session()
    if not hasattr(session, "setdefault") or session.get(LANGUAGE_KEY) in LANGUAGES:
        return
    if isinstance(saved, str) and saved in LANGUAGES:
        session[LANGUAGE_KEY] = saved
        session[CHOSEN_KEY] = True
    else:
        session[LANGUAGE_KEY] = browser_language() or DEFAULT


def saved_values() -> dict[str, str]:
    """What the library keeps of the language: the reader's choice, once made."""
    session = _session()
    if session.get(CHOSEN_KEY) and session.get(LANGUAGE_KEY) in LANGUAGES:
        return {PREFERENCE: session[LANGUAGE_KEY]}
    return {}


def _switched(then: Callable[[], None]) -> None:
    session = st.session_state
    session[LANGUAGE_KEY] = session.get(SWITCH_KEY) or DEFAULT
    session[CHOSEN_KEY] = True
    then()


def language_switch(then: Callable[[], None]) -> None:
    """The sidebar's language switch, every language under its own name. `then()` runs
    after a switch, in the same callback (no second run): app.py keeps the cards as they
    were and the reader's settings (ui.settings.remember_settings takes saved_values)."""
    st.session_state[SWITCH_KEY] = current()
    st.sidebar.selectbox(
        _("Interface language"),
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=SWITCH_KEY,
        on_change=_switched,
        args=(then,),
    )


def offered(chosen, options: Sequence, fallback=None):
    """What a choice widget returned, kept to what it offers: a browser that has not yet
    drawn the widget in a new interface language may send back an old label ("Русский
    (определён)" under Kazakh), which Streamlit passes on as the value. A list keeps its
    offered items; a single value that is not offered gives `fallback`."""
    if isinstance(chosen, list | tuple):
        return [item for item in chosen if item in options]
    return chosen if chosen in options else fallback


# ---- messages -----------------------------------------------------------------------------


def _(message: str) -> str:
    """The interface-language form of `message` (an English msgid)."""
    language = current()
    if language == DEFAULT or not message:
        return message
    return translations(language).gettext(message)


def pgettext(context: str, message: str) -> str:
    """`message` as said in `context` (the same English word, another translation)."""
    language = current()
    if language == DEFAULT:
        return message
    return translations(language).pgettext(context, message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The form of the message for `number`, by the interface language's plural rules."""
    language = current()
    if language == DEFAULT:
        return singular if number == 1 else plural
    return translations(language).ngettext(singular, plural, number)


# Texts the packages below ui hand up in English: translated by their template. Each
# template is a msgid of the catalogs; a placeholder matches any text (the typed ones
# below, only theirs), and a language name in it is named in the interface language.
TEMPLATES = (
    # a glossary term or file refused (translator.glossary.make_term, read_csv), first: not
    # "{path} cannot be read: {error}."; the line's reason is another of these, or the csv
    # module's
    N_("A glossary term is at most {count} characters long."),
    N_("The glossary file's first line must name the columns {columns}; {missing} missing."),
    N_("Line {line} of the glossary file: {error}"),
    N_("Line {line} of the glossary file cannot be read: {error}."),
    N_("field larger than field limit ({limit})"),  # csv.Error
    # a model's licence as the Hub declares it (translator.multilingual.download._licence)
    N_("{licence} (the repository declares: {declared})"),
    N_("No language pack for {source} → {target}."),
    N_("This article is already in {language}."),
    N_("The translation failed: {error}"),
    N_("Paragraphs in {names} are not translated: no language pack for {names} → {target}."),
    N_("via {resource}"),
    N_("Summarized from the first {sentences} sentences of {total}."),
    N_("the file is too large ({megabytes} MB, {size} bytes); the limit is {limit_mb} MB "
       "({limit} bytes)."),
    N_("the article could not be processed ({error})."),
    N_("Install a pack on the Language packs page, or run {commands}."),
    N_("Argos publishes no pack for {named}, so no {code} → {code2} route can be installed "
       "({seen}). The multilingual NLLB-200 model covers them{flores}: download it on the "
       "Language packs page or with `news-digest packages download-model`, or install a copy "
       "with `news-digest packages install-file PATH`."),
    N_("Argos publishes no pack for {named}, so no {code} → {code2} route can be installed "
       "({seen}). The multilingual NLLB-200 model covers it{flores}: download it on the "
       "Language packs page or with `news-digest packages download-model`, or install a copy "
       "with `news-digest packages install-file PATH`."),
    N_("package index of {date}"),
    N_("Argos index as last seen, mid-2025"),
    N_("this looks like {kind}, not a text file."),
    N_("{language} in {script} was transliterated to {script2} for {reader}."),
    # the routes a flagged sentence was retried on (translator.engine.routes), "packs" first
    N_("Argos packs {source}→{pivot}→{target}"),
    N_("Argos pack {source}→{target}"),
    # the translation checks' reasons (translator.checks)
    N_("The glossary term “{term}” should read “{rendering}”."),
    N_("Left untranslated: the output is the source, not {language}."),
    N_("Mostly copied: {share} of the source's words are in the output unchanged."),
    N_("Written in {script}; {language} is written in {scripts}."),
    N_("Reads as {language}, not {target}."),
    N_("“{unit}” is repeated in a loop."),
    N_("{ratio} times longer than a {language} sentence's translation usually is."),
    N_("{ratio} times shorter than a {language} sentence's translation usually is."),
    # a damaged or hostile file's refusal (articles.reading, articles.formats.*)
    N_("this {kind} file is damaged ({error})."),
    N_("this {kind} file has too many parts ({count})."),
    N_("this {kind} file unpacks to far more than its size: it looks like a zip bomb and is "
       "not read."),
    N_("this {kind} file unpacks to too much data to read."),
    N_("this {kind} file holds too many elements to read ({tags} tags; the limit is {limit})."),
    N_("this {kind} file has no {part}: it is damaged."),
    N_("this {kind} file is nested too deeply to read (more than 256 levels of elements)."),
    N_("the file could not be read ({error})."),
    N_("the file could not be read as text ({error})."),
    N_("{code_page} is not a known text encoding."),
    N_("the text was garbled once ({garbling}) and lost characters on the way, so it cannot "
       "be repaired exactly; save it again from its source."),
    N_("{encoding} read as {encoding2}"),
    N_("the web page is too large to read ({size} MB)."),
    N_("the web page holds too much to read ({size} million characters without scripts and "
       "styles; the limit is {limit} million). Save the article alone and upload it again."),
    N_("the web page has too many elements to read ({elements}; the limit is {limit}). Save "
       "the article alone and upload it again."),
    N_("the web page is nested too deeply to read (more than {levels} levels of elements)."),
    N_("this PDF is damaged ({error})."),
    N_("this PDF could not be read within the limits: {notes}."),
    # reading notes (articles.formats.pdf, docx, odt; articles.decoding, articles.repair)
    N_("read the first {count} of {total} pages (the time limit for one file was reached)"),
    N_("read the first {count} of {total} pages"),
    N_("page {number} took too long to read and is read in part"),
    N_("page {number} draws too much to read ({size} MB of drawing instructions) and is "
       "left out"),
    N_("tables nested more than {depth} deep inside other tables are left out"),
    N_("read the first {count} characters of the text (the limit); the rest is left out"),
    N_("{count} unreadable bytes replaced"),
    N_("{count} unreadable byte replaced"),
    N_("Repaired punctuation that had been stored as control characters ({garbling})"),
    N_("Repaired 1 line that had been garbled once ({garbling})"),
    N_("Repaired {lines} lines that had been garbled once ({garbling})"),
    N_("Repaired text that had been garbled once ({garbling})"),
    # pack folders, pack files and archives refused; the index and downloads; the library
    N_("broken: {problem}."),
    N_("another copy of the {code} → {code2} pack (version {version}); {folder} (version "
       "{version2}) is used."),
    N_("it is a {kind} package, not a translation pack"),
    N_("it is a {kind} package, not a translation pack."),
    N_("its {key} is {value}, not a language code"),
    N_("its package_version {value} is not a short text"),
    N_("metadata.json cannot be read ({error})"),
    N_("metadata.json cannot be read ({error})."),
    N_("metadata.json is larger than {size} KiB"),
    N_("cannot be read ({error})."),
    N_("file {name} is outside the pack's top directory."),
    N_("a pack holds exactly one top directory, this one has: {names}."),
    N_("the top directory name {name} is not a safe directory name."),
    N_("{required} is missing from {top}/; not an Argos language pack."),
    N_("metadata.json has no {key}; not an Argos translation pack."),
    N_("metadata.json has an invalid {key} {value}."),
    N_("it is a {code} → {code2} pack, not the expected {code3} → {code4}; refused."),
    N_("could not move it into {folder} ({error})."),
    N_("the pack was moved in but cannot be read at {path}."),
    N_("the archive has {count} entries (limit {limit})."),
    N_("entry {name} is a symbolic link; refused."),
    N_("entry {name} is encrypted."),
    N_("entry {name} appears twice."),
    N_("it would unpack to more than {amount} (zip bomb?); refused."),
    N_("entry {name} inflates {factor}:1 to {amount} (limit {limit}:1, zip bomb?); refused."),
    N_("the archive inflates {factor}:1 (limit {limit}:1, zip bomb?); refused."),
    N_("entry {name} inflates beyond its declared size or the size limit (zip bomb?); refused."),
    N_("entry {name} is truncated."),
    N_("could not unpack it ({error})."),
    N_("the archive is damaged ({error}); refused."),
    N_("Could not reach the Argos package index at {url}: {problem}. You can still install a "
       ".argosmodel file you already have."),
    N_("no answer within {seconds} s"),
    N_("the server answered {status}"),
    N_("The Argos package index at {url} is implausibly large."),
    N_("The Argos package index at {url} is not valid JSON."),
    N_("The Argos package index at {url} is not a list of packages."),
    N_("The Argos package index has no {code} → {code2} pack. {advice}"),
    N_("The index gives no download link for the {source} → {target} pack."),
    N_("The {pair} pack downloaded from {url} does not match the index's sha256 checksum; "
       "nothing was installed."),
    N_("The {pair} pack downloaded from {url}"),
    N_("The {pair} pack at {url} is implausibly large ({size} bytes)."),
    N_("The {pair} pack at {url} is longer than announced; refused."),
    N_("The download of the {pair} pack from {url} failed after {done} of {total} bytes: "
       "{problem}. Nothing was installed."),
    N_("The download of the {pair} pack from {url} failed after {done} bytes: {problem}. "
       "Nothing was installed."),
    N_("The {pair} pack could not be saved ({error})."),
    N_("The download of the {pair} pack from {url} broke off after {done} of {total} bytes. "
       "Nothing was installed."),
    N_("The download of the {pair} pack from {url} was empty."),
    N_("{path} cannot be read: {error}."),
    N_("{path} is a folder, not a library database."),
    N_("{path} is not a regular file ({kind}). It was left untouched: move it away or set "
       "NEWS_DIGEST_DATA to another folder."),
    N_("{path} is not a News Digest library (not an SQLite database). It was left untouched: "
       "move it away or set NEWS_DIGEST_DATA to another folder."),
    N_("The data folder {folder} cannot be made: {error}"),
    N_("The library {path} cannot be used now: {error}."),
    N_("{path} is damaged or not a News Digest library ({error}). It was left untouched: "
       "restore a backup, or move it away to start anew."),
    N_("{path} is an SQLite database of another program, not a News Digest library. It was "
       "left untouched: set NEWS_DIGEST_DATA to another folder."),
    N_("{path} was made by a newer News Digest (schema {version}, this one reads "
       "{supported}). It was left untouched: update News Digest."),
    N_("The library {path} cannot be opened: {error}"),
    N_("Nothing was deleted: {error}"),
    N_("its words could not be erased from the library's file yet ({error}); they will be at "
       "the next start or the next delete"),
    N_("entry {name} has a backslash or NUL in its name"),
    N_("entry {name} has an absolute path"),
    N_("entry {name} points outside the pack (empty, '.' or '..' path component)"),
    # the multilingual models (translator.multilingual)
    N_("{family} licence: {licence}"),
    N_("You can download the model's folder on another computer (from huggingface.co/{repo}) "
       "and install it here with `news-digest packages install-file PATH` or on the Language "
       "packs page."),
    N_("Could not reach Hugging Face at {url}: {problem}. {other}"),
    N_("Hugging Face's answer at {url} stalled ({error}). {other}"),
    N_("The {family} model {name} does not cover {code} → {code2}."),
    N_("The {family} model {name} is no longer installed (looked in {path}). Install it again "
       "on the Language packs page or with `news-digest packages install-file PATH`."),
    N_("The {family} model at {path} could not be loaded: {error}. Remove it and install it "
       "again."),
    N_("The download of {repo} broke off in {name} after {done} of {total} bytes: {problem}. "
       "Start it again to resume where it stopped. {other}"),
    N_("The download of {repo} stalled in {name} after {done} of {total} bytes: {problem}. "
       "Start it again to resume where it stopped. {other}"),
    N_("Instead of {name}, {url} answered with an HTML page (a Wi-Fi login or proxy page?); "
       "nothing of it was saved. Start the download again once the connection works."),
    N_("{size} MB"),  # a size in another text ("more than 1,024.0 MB")
    # a multilingual model's folder or zip refused (translator.multilingual.install, models)
    N_("not a multilingual model in the CTranslate2 layout (missing {files})."),
    N_("{name} is {size} MB (limit {limit} MB); not a model's file, refused."),
    N_("its files cannot be used ({error})."),
    N_("{repo} is not a Hugging Face repository name (owner/name)."),
    # a document not translated in its own format (digest.formatted, articles.rebuild)
    N_("the file could not be translated ({error})."),
    N_("no language pack or model translates {language} into {target}."),
    # model.bin's problems after "model.bin " (translator.files.ctranslate2_problem), and
    # what its header says is wrong
    N_("is truncated: {size} bytes, but its own header needs at least {size2}"),
    N_("is not a CTranslate2 model ({error})"),
    N_("was written by a newer CTranslate2 (format {version}; this one reads up to "
       "{supported})"),
    N_("has {size} bytes after the model's end (a download resumed onto another file?)"),
    N_("it declares {count} weights"),
    N_("a weight has {count} dimensions"),
    N_("a weight has the unknown type {number}"),
    N_("a weight has items of {count} bytes"),
    # a model's other files (translator.files.read_json_file, translator.multilingual.models)
    N_("{file} is an HTML page, not JSON"),
    N_("{file} is nested too deeply"),
    N_("{file} is not UTF-8 text"),
    N_("{file} is not valid JSON ({error})"),
    N_("{file} is nested more than {count} levels deep"),
    N_("{file} is larger than {size} MB"),
    N_("{file} is empty"),
    N_("{file} is not a JSON list of tokens"),
    N_("{file} is an HTML page, not a SentencePiece model"),
    N_("{file} is not a SentencePiece model ({error})"),
    # a model's install and removal, a pack's removal (multilingual.install, .models, packs)
    N_("could not copy it ({error})."),
    N_("could not read it ({error})."),
    N_("larger than {size} GB"),
    N_("the model was moved in but cannot be read at {path}."),
    N_("No multilingual model {name} is installed (looked in {folder})."),
    N_("Could not remove the model at {path}."),
    N_("No {code} → {code2} language pack is installed (looked in {folder})."),
    N_("Could not remove the pack at {path}."),
    # a model's download (translator.multilingual.download, translator.http)
    N_("The file list of {repo} at {url} is implausibly large."),
    N_("Hugging Face's answer for {repo} ({url}) is not JSON."),
    N_("Hugging Face gave no file list for {repo}."),
    N_("{repo} is not a multilingual model in the CTranslate2 layout (no {files}); choose a "
       "converted one such as {repo2}."),
    N_("Hugging Face lists no checksum (sha256) for {files} of {repo}, so the download could "
       "not be verified; refused. {other}"),
    N_("Could not create {folder} ({error})."),
    N_("No checksum is known for {file} of {repo}, so it could not be verified; refused. "
       "{other}"),
    N_("{problem} The files match Hugging Face's checksums, so the repository itself holds "
       "them: choose another model."),
    N_("{repo} (downloaded)"),
    N_("{url} would not serve {file} from its beginning either; refused. Try again later."),
    N_("{file} could not be saved ({error})."),
    N_("{file} of {repo} changed on Hugging Face since its file list was read (the Hub now "
       "gives the checksum {hex}…, the list {hex2}…); the partial file was deleted. Start the "
       "download again to fetch the current version from the beginning."),
    N_("{file} of {repo} does not match the {algorithm} checksum Hugging Face lists for it "
       "({hex}… instead of {hex2}…); it was deleted. Start the download again to fetch it "
       "from the beginning."),
    N_("{file} from {url} is longer than the Hub announced ({size} bytes), but Hugging Face's "
       "file list says {size2} bytes; refused (a proxy in the way, or the repository changed: "
       "start the download again)."),
    N_("{file} from {url} is {size} bytes on the server, but Hugging Face's file list says "
       "{size2} bytes; refused (a proxy in the way, or the repository changed: start the "
       "download again)."),
    N_("nothing arrived for {seconds} s"),
    N_("only {count} bytes arrived in {seconds} s (less than {size} KiB in {seconds2} s counts "
       "as stalled)"),
    # a pack or model that cannot translate (translator.packs.loading, tokenizers, engine)
    N_("The {source} → {target} language pack is no longer installed (it was removed or is "
       "being replaced at {path}). Install it again on the Language packs page or with "
       "`news-digest packages install {code} {code2}`."),
    N_("The {source} → {target} pack is not installed."),
    N_("The {source} → {target} pack at {path} could not be loaded: {error}. Remove it and "
       "install it again."),
    N_("The {source} → {target} pack at {path} has no tokenizer (sentencepiece.model or "
       "bpe.model)."),
    N_("The {code} → {code2} pack uses BPE tokenization, which needs the 'sacremoses' package "
       "({error})."),
    N_("The {source} → {target} pack failed while translating: {error}"),
    N_("The {family} model {name} failed while translating: {error}"),
    # model.bin's problem: after the texts that start with a file's name ("model.bin of ...")
    N_("model.bin {problem}."),
    # a refusal naming its file ("x.argosmodel: ..."), then "...; refused.": last
    N_("{label}: {reason}"),
    N_("{problem}; refused."),
)
MESSAGES = (
    N_("The language of this article is undetermined: choose it above to translate it."),
    N_("this looks like a binary file, not a text file."),
    N_("the file is empty."),
    N_("the file contains only blank space."),
    N_("the text encoding could not be recognized."),
    N_("the file does not contain readable text (too few letters)."),
    N_("the file has a title but no text to summarize."),
    N_("this Word file contains no text."),
    N_("this OpenDocument file has no text part."),
    N_("no article text was found in this web page."),
    N_("a PNG image"),
    N_("a JPEG image"),
    N_("a GIF image"),
    N_("a PDF document"),
    N_("a zip archive (or a Word/Excel/OpenDocument file)"),
    N_("a zip archive"),
    N_("an executable program"),
    N_("a Windows executable program"),
    N_("an old Microsoft Office document"),
    N_("an audio, video or image file"),
    N_("an MP3 audio file"),
    N_("an MP4 video"),
    N_("The translation is empty."),
    N_("the file is nested too deeply to be read."),
    N_("the file is too large to be read here."),
    N_("this is a zip archive but not a Word (.docx) or OpenDocument (.odt) file."),
    N_("the text could not be decoded: it turns into unreadable characters."),
    N_("the text could not be decoded: it reads as garbled characters (unknown encoding)."),
    N_("this PDF holds compressed data that unpacks to far more than its size (a "
       "decompression bomb?); it is not read."),
    N_("this PDF has no text layer (it looks like a scan); it would need text recognition "
       "(OCR), which is not available here."),
    N_("this PDF contains no article text."),
    N_("this PDF is encrypted (with AES) and cannot be decrypted here: the 'cryptography' "
       "package is not installed. Save it without encryption and upload it again."),
    N_("this PDF is encrypted with a password; save it without the password and upload it "
       "again."),
    N_("metadata.json is not valid JSON"),
    N_("metadata.json is not valid JSON."),
    N_("metadata.json is nested too deeply"),
    N_("metadata.json is nested too deeply."),
    N_("metadata.json is not a JSON object"),
    N_("metadata.json is not a JSON object."),
    N_("model/model.bin is missing"),
    N_("the file is empty, not an Argos language pack."),
    N_("not an Argos language pack (.argosmodel files are zip archives)."),
    N_("model/model.bin is empty."),
    N_("metadata.json is implausibly large."),
    N_("its metadata.json could not be read after unpacking."),
    N_("the archive is empty."),
    N_("no connection (offline, or the server is down)"),
    N_("a named pipe"),
    N_("a socket"),
    N_("a device"),
    N_("a folder"),
    N_("a special file"),
    N_("another program is reading the library, so the last copy of its words stays in the "
       "library's log until it stops; it is erased then"),
    N_("CC-BY-NC 4.0: non-commercial use only (Meta AI, NLLB-200)"),
    N_("an entry has an empty name"),
    N_("no model.bin at the top of the archive or of its one folder; not a multilingual "
       "model."),
    N_("is empty"),  # model.bin's problems (translator.files.ctranslate2_problem)
    N_("does not start like a CTranslate2 model"),
    N_("the file has no words to translate."),
    N_("its language could not be determined; give the source language."),
    # the known multilingual models (translator.multilingual.download.KNOWN_MODELS)
    N_("NLLB-200 distilled 600M, int8, about 600 MB: every language of the region"),
    N_("NLLB-200 distilled 600M (same model, another conversion)"),
    N_("M2M-100 418M, MIT licence: kk, uz, mn, be (no Tajik or Kyrgyz)"),
    # a model's files refused, a download cut short (translator.files, .multilingual, .http)
    N_("is an HTML page, not model weights (a login or error page saved under that name?)"),
    N_("a name in its header is not terminated"),
    N_("its model name is not text"),
    N_("a weight's size disagrees with its shape"),
    N_("config.json is not a JSON object"),
    N_("its vocabulary has no language codes (kaz_Cyrl or __kk__); not an NLLB-200 or "
       "M2M-100 model."),
    N_("the server closed the connection early"),
    # a glossary term or file refused (translator.glossary), a line the csv module cannot
    # read (Python 3.11, and 3.12 on)
    N_("A glossary term needs at least one word."),
    N_("A glossary term needs its source and target languages."),
    N_("The glossary file is empty."),
    N_("new-line character seen in unquoted field - do you need to open the file in "
       "universal-newline mode?"),
    N_("new-line character seen in unquoted field - do you need to open the file with "
       "newline=''?"),
)
"""Texts the packages below ui hand up as they are (a file's refusal), in the catalogs."""
_TYPED = {
    "code": r"[a-z]{2,3}(?:-[A-Za-z]{4})?",
    "code2": r"[a-z]{2,3}(?:-[A-Za-z]{4})?",
    "date": r"\d{4}-\d\d-\d\d",
    "flores": r"(?: \([^()]*\))?",
    "commands": r"`[^`]+`(?: and `[^`]+`)*",
    "share": r"\d+%",
    "ratio": r"\d+\.\d",
    "encoding": r"[\w\-]+",
    "encoding2": r"[\w\-]+",
    "code3": r"[a-z]{2,3}(?:-[A-Za-z]{4})?",
    "code4": r"[a-z]{2,3}(?:-[A-Za-z]{4})?",
    "done": r"[\d,]+",
    "total": r"[\d,]+",
    "size": r"[\d,]+(?:\.\d+)?",
    "factor": r"[\d,]+",
    "seconds": r"[\d.]+",
    "required": r"[^\s:]+",  # a file of the pack, not "x.argosmodel: model/model.bin"
    "family": r"[\w\-]+",
    "files": r"[\w.\-]+(?:(?:, | or )[\w.\-]+)*",  # "model.bin, a.json or a.txt"
    "file": r"[\w.\-]+",  # one file's name: "config.json"
    "size2": r"[\d,]+(?:\.\d+)?",
    "seconds2": r"[\d.]+",
    "hex": r"[0-9a-f]+",
    "hex2": r"[0-9a-f]+",
    "algorithm": r"[\w\-]+",
    "line": r"\d+",  # a glossary file's line
    "columns": r"[\w,]+",  # "source_language,term,target_language,translation"
    "missing": r"\w+(?:, \w+)*",  # "term, translation"
}
_VERBATIM = {"term", "rendering", "unit", "part", "url", "path", "folder", "name", "names",
             "top", "required", "key", "value", "status", "version", "version2", "supported",
             "repo", "repo2", "file", "hex", "hex2", "algorithm", "line", "columns", "missing",
             "declared"}
"""Placeholders whose values are the article's words, a file's part, a path, a link, a
field or a status line, a glossary file's line number or columns, a licence's identifier as
a repository declares it: shown as they are."""
_LISTED = {"notes"}
"""Placeholders holding notes joined with "; ": each translated."""


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex, seen = "", set()
    for number, part in enumerate(parts):
        if number % 2 == 0:
            regex += re.escape(part)
        elif part in seen:
            regex += f"(?P={part})"
        else:
            seen.add(part)
            regex += f"(?P<{part}>{_TYPED.get(part, '.+?')})"
    return re.compile(regex + r"\Z", re.DOTALL)


_PATTERNS = [(template, _pattern(template)) for template in TEMPLATES]
_ENGLISH_NAMES = {name: code for code, name in LANGUAGE_NAMES.items()}
_ENGLISH_SCRIPTS = {name: code for code, name in SCRIPT_NAMES.items()
                    if code not in ("Hans", "Hant")}  # CLDR's short names drop "Chinese"
"""languages.scripts.SCRIPT_NAMES, the other way round (the names the notes use)."""


def message(text: str | None) -> str:
    """A text from below ui (a note, a reason, an error), in the interface language: by
    its exact wording, else by its template; as it came when the catalog has neither."""
    if not text:
        return text or ""
    if current() == DEFAULT:
        return text
    exact = _(text)
    if exact != text:
        return exact
    if text in _ENGLISH_NAMES:
        return language_name(_ENGLISH_NAMES[text])
    if " | " in text:  # the failures of a download's links, one after the other
        return " | ".join(message(part) for part in text.split(" | "))
    for template, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            values = {key: value if key in _VERBATIM else
                      "; ".join(map(message, value.split("; "))) if key in _LISTED else
                      _value(value, key) for key, value in found.groupdict().items()}
            return _(template).format(**values)
    return text


def _value(text: str, key: str = "") -> str:
    """A placeholder's value: a language name (or a list of them), a script's name (in a
    {script...} placeholder: "Arabic" is a script there), a number, a message."""
    if not text:
        return text
    scripts = [_ENGLISH_SCRIPTS.get(name) for name in text.split(" or ")]
    if key.startswith("script") and all(scripts):  # "Cyrillic or Latin" -> "кириллица или латиница"
        return (" " + _("or") + " ").join(
            _script_name(script, current()) or name
            for script, name in zip(scripts, text.split(" or "), strict=True) if script
        )
    names = text.split(", ")
    if all(name in _ENGLISH_NAMES for name in names):
        return ", ".join(language_name(_ENGLISH_NAMES[name]) for name in names)
    if text in _ENGLISH_SCRIPTS:  # "Cyrillic" -> "кириллица"
        return _script_name(_ENGLISH_SCRIPTS[text], current()) or text
    if key == "ratio":  # "28.0 times": the decimal stays ("в 28,0 раза")
        return number(float(text), 1)
    if re.fullmatch(r"\d+%", text):  # a share: "85%" -> "85 %"
        return percent(int(text[:-1]) / 100)
    if key == "files":  # file names: "a.json or a.txt" -> "a.json или a.txt"
        return text.replace(" or ", " " + _("or") + " ")
    if text.startswith("`"):  # commands: `news-digest packages install ru en` and ...
        return text.replace("` and `", "` " + _("and") + " `")
    if text.startswith(" ("):  # " (kk as kaz_Cyrl, uz as uzn_Latn)": the model's codes
        return " (" + text[2:].replace(" as ", " → ")
    named = [re.fullmatch(r"(.+) \((\w+)\)", part) for part in text.split(" or ")]
    if all(found and found[1] in _ENGLISH_NAMES for found in named):
        return (" " + _("or") + " ").join(
            f"{language_name(found[2])} ({found[2]})" for found in named if found
        )
    if re.fullmatch(r"[\d,]+(\.\d+)?", text):
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            return text
        return number(int(value) if value.is_integer() else value)
    return message(text)


# ---- names, numbers, dates ----------------------------------------------------------------


def babel_locale(language: str | None = None) -> str:
    return BABEL_LOCALES.get(language or current(), "en")


_UZ_APOSTROPHES = re.compile(r"(?<=[OoGg])[‘’'`]")


def _letters(text: str, language: str) -> str:
    """CLDR's Uzbek writes oʻ and gʻ with a quotation mark; the letter is U+02BB."""
    return _UZ_APOSTROPHES.sub("ʻ", text) if language == "uz" else text


@lru_cache(maxsize=4096)
def _cldr_name(code: str, language: str) -> str | None:
    from babel import Locale

    names = Locale.parse(babel_locale(language)).languages
    key = {"zt": "zh_Hant", "zh": "zh"}.get(code, code)
    name = names.get(key) or names.get(normalize_code(code) or "")
    if not name:
        return None
    name = _letters(name, language)
    return name[:1].upper() + name[1:]


def language_name(code: str) -> str:
    """The name of a language code in the interface language ("Kazakh", "Казахский",
    "Қазақ тілі", "Qozoqcha"): CLDR through Babel, else the project's English name, else
    the code itself."""
    from languages.names import language_name as english_name

    language = current()
    if language == DEFAULT:
        return english_name(code)
    if not code or code.lower() in (UNDETERMINED, "und"):
        return _("Undetermined")
    return _cldr_name(code.lower(), language) or english_name(code)


def number(value: float | int, digits: int | None = None) -> str:
    """A number in the interface locale ("1,234" / "1 234"); `digits` after the point."""
    from babel.numbers import format_decimal

    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=babel_locale())
    return format_decimal(value, locale=babel_locale())


def percent(share: float) -> str:
    """A share (0.42) as a percentage in the interface locale ("42%", "42 %")."""
    from babel.numbers import format_percent

    return format_percent(share, locale=babel_locale())


def date_time(when: datetime) -> str:
    """A moment, to the minute, in the interface locale (ISO in English)."""
    if current() == DEFAULT:
        return when.strftime("%Y-%m-%d %H:%M")
    from babel.dates import format_date, format_time

    language = current()
    day = format_date(when, "medium", locale=babel_locale(language))
    return _letters(f"{day}, {format_time(when, 'HH:mm', locale=babel_locale(language))}",
                    language)


def long_date(when: datetime) -> str:
    """A full date with the weekday ("Tuesday 2 December 2025", "вторник, 2 декабря 2025 г.")."""
    if current() == DEFAULT:
        return f"{when:%A} {when.day} {when:%B %Y}"
    from babel.dates import format_date

    language = current()
    return _letters(format_date(when, "full", locale=babel_locale(language)), language)


def megabytes(size_bytes: float, digits: int = 0) -> str:
    """A size in (decimal) megabytes: "595 MB", "595 МБ"."""
    return _("{size} MB").format(size=number(size_bytes / 1e6, digits))


@lru_cache(maxsize=256)
def _script_name(script: str, language: str) -> str | None:
    from babel import Locale

    name = Locale.parse(babel_locale(language)).scripts.get(script)
    return _letters(name, language) if name else None


def detection_label(found) -> str:
    """A detection's language, with its script when unusual ("Uzbek (Cyrillic)")."""
    language = current()
    if language == DEFAULT:
        return found.label
    name = language_name(found.code)
    if found.label != found.name and found.script:
        script = _script_name(found.script, language) or found.script
        return f"{name} ({script})"
    return name


def shares_label(detection) -> str:
    """"Russian 62 %, English 38 %" in the interface language ("" for one language)."""
    if current() == DEFAULT or len(detection.shares) < 2:
        return detection.shares_label
    return ", ".join(
        f"{language_name(code)} {percent(round(share * 100) / 100)}"
        for code, share in detection.shares
    )
