"""PDF with a text layer -> paragraphs, without running headers, footers and page numbers.

pypdf (BSD) gives each piece of text with its position; lines are rebuilt from
the positions, a paragraph ends where the gap to the next line is wider than
the page's usual line spacing, words hyphenated at a line end are rejoined,
and lines that repeat at the top or bottom of most pages (digits aside) are
dropped as running headers and footers. The title is the first lines of the
first page when they are set larger than the body text.

pypdf's extraction slows down on pages that draw one shared part many times over,
so a content stream listed twice on a page is read once, and reading stops at a
time budget per page and per file and at limits.MAX_TEXT_CHARS, each with a note.
"""
from __future__ import annotations

import io
import logging
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from articles import limits
from articles.decoding import ArticleError, normalize_text
from articles.document import Document, text_limit_note

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|стр\.?|страница|бет|sahifa|sayfa|seite)?\s*\d{1,5}"
    r"(?:\s*(?:/|of|из|от|\|)\s*\d{1,5})?\W*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;»”\"')\]]$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad]$")


@dataclass
class _Line:
    y: float
    size: float
    text: str


def read_pdf(data: bytes, name: str) -> Document:
    """A PDF -> Document(format="pdf"); raises ArticleError with the reason."""
    import pypdf

    overwrites = {
        "zlib_maximum_output_length": limits.MAX_PDF_STREAM_BYTES,
        "lzw_maximum_output_length": limits.MAX_PDF_STREAM_BYTES,
        "run_length_maximum_output_length": limits.MAX_PDF_STREAM_BYTES,
        "array_based_stream_maximum_output_length": limits.MAX_PDF_STREAM_BYTES,
        "maximum_declared_stream_length": limits.MAX_PDF_STREAM_BYTES,
    }
    with pypdf.apply_configuration(**overwrites):
        try:
            return _read(data, name)
        except ArticleError:
            raise
        except pypdf.errors.DependencyError:
            log.warning("%s: cannot decrypt", name, exc_info=True)
            raise ArticleError(name, _NO_AES) from None
        except pypdf.errors.LimitReachedError:
            log.warning("%s: a PDF stream is past the limits", name, exc_info=True)
            reason = ("this PDF holds compressed data that unpacks to far more than its "
                      "size (a decompression bomb?); it is not read.")
            raise ArticleError(name, reason) from None
        except (pypdf.errors.PdfReadError, pypdf.errors.PdfStreamError, ValueError,
                KeyError, TypeError) as error:
            log.warning("%s: damaged PDF", name, exc_info=True)
            raise ArticleError(name, f"this PDF is damaged ({type(error).__name__}).") from None


def _read(data: bytes, name: str) -> Document:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        _decrypt(reader, name)
    total = len(reader.pages)
    count = min(total, limits.MAX_PDF_PAGES)
    budget = _Budget(deadline=time.perf_counter() + limits.MAX_PDF_SECONDS)
    pages = []
    for index in range(count):
        if time.perf_counter() > budget.deadline:
            budget.notes.append(f"read the first {index} of {total:,} pages (the time limit "
                                "for one file was reached)")
            break
        if budget.chars >= limits.MAX_TEXT_CHARS:
            break
        pages.append(_page_lines(reader.pages[index], index + 1, budget))
    notes = list(budget.notes)
    if total > count and len(pages) == count:
        notes.insert(0, f"read the first {count} of {total:,} pages")
    if sum(len(line.text) for page in pages for line in page) < 20:
        if budget.notes:
            raise ArticleError(name, "this PDF could not be read within the limits: "
                                     + "; ".join(budget.notes) + ".")
        reason = ("this PDF has no text layer (it looks like a scan); it would need "
                  "text recognition (OCR), which is not available here.")
        raise ArticleError(name, reason)
    pages = _drop_running_lines(pages)
    title, pages = _title(pages)
    title = title or _metadata_title(reader)
    text = normalize_text(_paragraphs(pages))[:limits.MAX_TEXT_CHARS]
    if not text.strip():
        raise ArticleError(name, "this PDF contains no article text.")
    return Document(text=text, title=title, format="pdf", encoding=None, notes=tuple(notes))


@dataclass
class _Budget:
    """What reading the file may still spend: a deadline for all pages, and characters."""

    deadline: float
    chars: int = 0
    notes: list[str] = field(default_factory=list)


class _Stop(Exception):
    """Raised from pypdf's visitor to end one page's extraction early."""


_NO_AES = ("this PDF is encrypted (with AES) and cannot be decrypted here: the "
           "'cryptography' package is not installed. Save it without encryption and upload "
           "it again.")


def _decrypt(reader, name: str) -> None:
    """Many PDFs are encrypted only against editing: they open with an empty password."""
    import pypdf

    try:
        opened = reader.decrypt("")
    except pypdf.errors.DependencyError:
        log.warning("%s: cannot decrypt", name, exc_info=True)
        raise ArticleError(name, _NO_AES) from None
    except Exception:  # pypdf raises several kinds here for a damaged encryption entry
        log.warning("%s: decrypting failed", name, exc_info=True)
        opened = 0
    if not opened:
        reason = ("this PDF is encrypted with a password; save it without the password "
                  "and upload it again.")
        raise ArticleError(name, reason)


def _page_lines(page, number: int, budget: _Budget) -> list[_Line]:
    """The page's text lines, top to bottom as the PDF draws them; within the page's
    share of the time and characters left, else what was read until then, with a note."""
    lines: list[_Line] = []
    if not _bounded_contents(page, number, budget):
        return lines
    page_deadline = min(budget.deadline, time.perf_counter() + limits.MAX_PDF_PAGE_SECONDS)
    operations = 0
    stopped: list[str] = []  # why the page stopped being read; pypdf swallows _Stop in forms

    def tick(*_) -> None:
        nonlocal operations
        operations += 1
        if not stopped and operations % 256 == 0 and time.perf_counter() > page_deadline:
            stopped.append(f"page {number} took too long to read and is read in part")
        if stopped:
            raise _Stop(stopped[0])

    def visit(text, cm, tm, font, size) -> None:
        if stopped or not text or not text.strip():
            return
        budget.chars += len(text)
        if budget.chars > limits.MAX_TEXT_CHARS:
            stopped.append(text_limit_note(limits.MAX_TEXT_CHARS))
            raise _Stop(stopped[0])
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        height = (size or 10) * scale
        for index, piece in enumerate(text.split("\n")):
            if not piece.strip():
                continue
            if index == 0 and lines and abs(lines[-1].y - y) < height * 0.5:
                lines[-1].text += piece
            else:
                lines.append(_Line(y=y, size=height, text=piece))

    try:
        page.extract_text(visitor_text=visit, visitor_operand_before=tick)
    except _Stop:
        pass
    if stopped:
        log.info("%s", stopped[0])
        budget.notes.append(stopped[0])
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _bounded_contents(page, number: int, budget: _Budget) -> bool:
    """Lists each content stream of the page once (a stream listed again draws the same
    text over itself), and says whether the page's drawing is small enough to read."""
    from pypdf.generic import ArrayObject, IndirectObject, NameObject

    contents = page.get("/Contents")
    if isinstance(contents, ArrayObject):
        unique: dict[object, object] = {}
        for item in contents:
            key = (item.idnum, item.generation) if isinstance(item, IndirectObject) else id(item)
            unique.setdefault(key, item)
        if len(unique) < len(contents):
            page[NameObject("/Contents")] = ArrayObject(unique.values())
    stream = page.get_contents()
    size = len(stream.get_data()) if stream is not None else 0
    if size > limits.MAX_PDF_PAGE_CONTENT_BYTES:
        budget.notes.append(f"page {number} draws too much to read ({size / 1_048_576:.0f} MB "
                            "of drawing instructions) and is left out")
        return False
    return True


def _key(text: str) -> str:
    """Running lines differ only in their numbers ("page 3", a date); body lines are long."""
    return re.sub(r"\d+", "#", text.lower()) if len(text) < 50 else text


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Without page numbers, small print at the edges and the lines repeated at the
    top or at the bottom of most pages."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in pages:
        tops.update({_key(line.text) for line in page[:2]})
        bottoms.update({_key(line.text) for line in page[-2:]})
    needed = max(2, int(len(pages) * 0.5 + 0.5))
    running_top = {key for key, seen in tops.items() if seen >= needed}
    running_bottom = {key for key, seen in bottoms.items() if seen >= needed}
    sizes = [line.size for page in pages for line in page]
    body = statistics.median(sizes) if sizes else 0.0
    cleaned = []
    for page in pages:
        top, bottom = page[:2], page[-2:]
        kept = []
        for line in page:
            at_top = any(line is edge for edge in top)
            at_bottom = any(line is edge for edge in bottom)
            if at_top or at_bottom:
                key = _key(line.text)
                # Small print at a page's edge is a header or footer even on one page.
                small = line.size < body * 0.85 and len(line.text) < 120
                if (small or _PAGE_NUMBER.match(line.text)
                        or (at_top and key in running_top)
                        or (at_bottom and key in running_bottom)):
                    continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _title(pages: list[list[_Line]]) -> tuple[str | None, list[list[_Line]]]:
    """The first lines of the first page, when set larger than the body text."""
    first = next((index for index, page in enumerate(pages) if page), None)
    if first is None:
        return None, pages
    sizes = [line.size for page in pages[:5] for line in page]
    body = statistics.median(sizes)
    lines = pages[first]
    taken = 0
    while taken < len(lines) and taken < 3 and lines[taken].size > body * 1.2:
        taken += 1
    if not taken:
        return None, pages
    title = " ".join(line.text for line in lines[:taken])
    pages = pages[:first] + [lines[taken:]] + pages[first + 1:]
    return title, pages


_FILE_LIKE = re.compile(r"\.(docx?|odt|pdf|rtf|txt|indd)$|^(microsoft word|untitled)\b",
                        re.IGNORECASE)


def _metadata_title(reader) -> str | None:
    """The document's own title, unless it is a file name the writer program put there."""
    try:
        title = " ".join(str((reader.metadata or {}).get("/Title") or "").split())
    except Exception:  # metadata of a damaged file is not worth a refusal
        log.debug("unreadable PDF metadata", exc_info=True)
        return None
    return title if title and not _FILE_LIKE.search(title) else None


def _paragraphs(pages: list[list[_Line]]) -> str:
    """Lines -> paragraphs. A paragraph ends at a gap wider than the page's line
    spacing (its smallest usual gap), at a change of type size, or after a short
    line that finishes a sentence; across a page break only after a finished sentence."""
    paragraphs: list[str] = []
    current = ""
    lengths = sorted(len(line.text) for page in pages for line in page)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    for page in pages:
        gaps = sorted(above.y - below.y for above, below in zip(page, page[1:], strict=False)
                      if 0 < above.y - below.y < above.size * 4)
        spacing = gaps[len(gaps) // 10] if gaps else None
        for index, line in enumerate(page):
            if index == 0:
                starts = not current or bool(_SENTENCE_END.search(current))
            else:
                above = page[index - 1]
                gap = above.y - line.y
                short_end = len(above.text) < full * 0.8 and _SENTENCE_END.search(above.text)
                starts = bool(
                    spacing is None or gap > spacing * 1.3 or gap < 0 or short_end
                    or abs(line.size - above.size) > 0.5
                )
            if starts and current:
                paragraphs.append(current)
                current = ""
            current = _join(current, line.text)
    if current:
        paragraphs.append(current)
    return _rejoin_hyphens("\n\n".join(paragraphs))


_BREAK = "\x00"  # where a line ended in a hyphen before a lower-case letter
# Both start at a word's start (\b) and never give back (++): linear in a long word.
_BROKEN_WORD = re.compile(rf"\b(\w++){_BREAK}(\w+)")
_HYPHEN_WORD = re.compile(r"\b\w++-\w+")


def _join(text: str, line: str) -> str:
    if not text:
        return line
    if _HYPHENATED.search(text) and line[:1].islower():
        return text[:-1] + _BREAK + line
    return f"{text} {line}"


def _rejoin_hyphens(text: str) -> str:
    """"inter-" + "national" -> "international", but "well-" + "known" stays
    "well-known" when the text writes it with a hyphen elsewhere."""
    hyphenated = {word.lower() for word in _HYPHEN_WORD.findall(text)}

    def mend(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        joiner = "-" if f"{left}-{right}".lower() in hyphenated else ""
        return f"{left}{joiner}{right}"

    return _BROKEN_WORD.sub(mend, text).replace(_BREAK, "")
