"""A document translated in its own format: a Word, OpenDocument, web page or Markdown
file comes back as the same kind of file, a PDF as a Word file, a plain text as text.

    from digest.formatted import translate_file
    translated = translate_file("report.docx", data, None, "en")
    Path(translated.name).write_bytes(translated.data)

The words go through the job's own pipeline (digest.documents.translate_paragraphs:
add_translation, so the translation memory and the glossary apply); the file is rebuilt
around them by articles.rebuild, which refuses a hostile file exactly as reading does.
The dashboard, `news-digest translate --output-format same`, `batch --translated-files`
and the HTTP API all call translate_file.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from articles.decoding import ArticleError
from articles.export_docx import DOCX_MIME
from digest.job import ArticleResult, Upload, too_large
from digest.steps import PLAIN, Steps
from languages.codes import is_determined
from languages.names import language_name
from translator.glossary import Glossary

log = logging.getLogger(__name__)

MEDIA_TYPES = {
    "docx": DOCX_MIME,
    "odt": "application/vnd.oasis.opendocument.text",
    "html": "text/html",
    "markdown": "text/markdown",
    "text": "text/plain",
}
_EXTENSIONS = {"docx": ("docx",), "odt": ("odt",), "html": ("html", "htm"),
               "markdown": ("md", "markdown", "txt", "text"), "text": ("txt", "text")}
PDF_NOTE = ("A PDF's layout cannot be re-flowed around translated words, so its translated "
            "text is given as a Word document (.docx).")


@dataclass(frozen=True)
class TranslatedFile:
    """A translated document: its file name, bytes, media type and a note for the reader
    ("" when there is nothing to say)."""

    name: str
    data: bytes
    media_type: str
    note: str = ""


class FileNotTranslated(Exception):
    """A file that cannot be translated in its own format: unreadable, hostile, in a
    language without a pack. `reason` is a sentence for the reader."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def output_kind(kind: str) -> str:
    """The kind of file a document of `kind` is translated into (a PDF: "docx")."""
    return "docx" if kind == "pdf" else kind


def translated_file_name(name: str, target: str, kind: str) -> str:
    """`<stem>.<target>.<ext>`: report.docx -> report.en.docx, scan.pdf -> scan.en.docx,
    page.htm -> page.en.htm; the folder part of `name` is dropped."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1] or "document"
    stem, dot, extension = base.rpartition(".")
    if not dot or not stem:
        stem, extension = base, ""
    choices = _EXTENSIONS[output_kind(kind)]
    if extension.lower() not in choices:
        extension = choices[0]
    return f"{stem}.{target}.{extension}"


def translate_file(
    name: str,
    data: bytes,
    source: str | None,
    target: str,
    *,
    prefer_model: bool = False,
    glossary: Glossary | None = None,
    steps: Steps = PLAIN,
) -> TranslatedFile:
    """The file translated into `target` as the same kind of file (a PDF as .docx, see
    PDF_NOTE), the glossary's terms as it says. `source` None or "auto": detected.
    Raises FileNotTranslated, naming the file, for anything that stops it (never another
    exception for a bad file)."""
    source = source if source and is_determined(source) else None
    refusal = too_large(Upload(name, data))
    if refusal:
        raise FileNotTranslated(name, refusal)
    translator = _ParagraphTranslator(name, source, target, prefer_model, glossary, steps)
    try:
        return _translate(name, bytes(data), target, translator, steps)
    except FileNotTranslated:
        raise
    except ArticleError as error:
        raise FileNotTranslated(name, error.reason) from None
    except Exception as error:  # a parser's bug must not become a traceback for the reader
        log.exception("translating %s in its own format", name)
        raise FileNotTranslated(
            name, f"the file could not be translated ({type(error).__name__}: {error})."
        ) from None


class _ParagraphTranslator:
    """The rebuilder's translator: paragraphs through digest.documents.translate_paragraphs
    (the job's add_translation). Notes from the job (a quoted language without a pack)
    are kept for the reader."""

    def __init__(self, name: str, source: str | None, target: str, prefer_model: bool,
                 glossary: Glossary | None, steps: Steps) -> None:
        self.name, self.source, self.target = name, source, target
        self.prefer_model, self.glossary, self.steps = prefer_model, glossary, steps
        self.notes: list[str] = []

    def __call__(self, paragraphs: list[str]) -> list[str]:
        from digest.documents import paragraph_translations, translate_paragraphs

        result = translate_paragraphs(paragraphs, self.target, self.source, self.prefer_model,
                                      self.steps, self.name, self.glossary)
        _refuse_untranslated(self.name, result)
        if result.translation_note:  # a quoted language without a pack, already the target
            self.notes.append(result.translation_note)
        return paragraph_translations(result)


def _translate(
    name: str, data: bytes, target: str, translator: _ParagraphTranslator, steps: Steps
) -> TranslatedFile:
    from articles.rebuild import REBUILT_KINDS, file_kind, rebuild

    kind = file_kind(data, name)
    if kind == "zip":
        raise FileNotTranslated(
            name, "this is a zip archive but not a Word (.docx) or OpenDocument (.odt) file.")
    out_name = translated_file_name(name, target, kind)
    if kind in REBUILT_KINDS:
        rebuilt = rebuild(kind, data, name, translator, target)
        notes = (*rebuilt.notes, *translator.notes)
        return TranslatedFile(out_name, rebuilt.data, MEDIA_TYPES[kind], _joined(notes))
    return _from_text(name, data, kind, out_name, target, translator, steps)


def _from_text(
    name: str, data: bytes, kind: str, out_name: str, target: str,
    translator: _ParagraphTranslator, steps: Steps,
) -> TranslatedFile:
    """A PDF or a plain text: read as an article is (the job's decode and build steps),
    each line of its own translated as a unit; given as .docx / .txt."""
    from articles.rebuild import text_docx

    decoded = steps.decode(data, name, None)
    if decoded.error:
        raise FileNotTranslated(name, decoded.error)
    article = steps.build(name, decoded.text, "und", decoded.encoding, decoded.title)
    lines = [article.title, *(line for paragraph in article.paragraphs
                              for line in paragraph.split("\n"))]
    worded = [number for number, line in enumerate(lines) if any(c.isalpha() for c in line)]
    if not worded:
        raise FileNotTranslated(name, "the file has no words to translate.")
    for number, text in zip(worded, translator([lines[n] for n in worded]), strict=True):
        lines[number] = text
    title, rest = lines[0], iter(lines[1:])
    paragraphs = ["\n".join(next(rest) for _ in paragraph.split("\n"))
                  for paragraph in article.paragraphs]
    notes = (*decoded.notes, *translator.notes)
    if kind == "pdf":
        data = text_docx(title, paragraphs, target)
        return TranslatedFile(out_name, data, DOCX_MIME, _joined((PDF_NOTE, *notes)))
    text = "\n\n".join(part for part in (title, *paragraphs) if part) + "\n"
    return TranslatedFile(out_name, text.encode("utf-8"), MEDIA_TYPES["text"], _joined(notes))


def _refuse_untranslated(name: str, result: ArticleResult) -> None:
    """FileNotTranslated when nothing of the document could be translated."""
    if result.missing_pair:
        source, target = result.missing_pair
        raise FileNotTranslated(name, f"no language pack or model translates "
                                      f"{language_name(source)} into {language_name(target)}.")
    if not is_determined(result.language):
        raise FileNotTranslated(name, "its language could not be determined; give the "
                                      "source language.")
    if result.translation_note and not result.translations and result.language != result.target:
        raise FileNotTranslated(name, result.translation_note)


def _joined(notes: tuple[str, ...] | list[str]) -> str:
    return " ".join(dict.fromkeys(note if note.endswith(".") else f"{note}." for note in notes
                                  if note))
