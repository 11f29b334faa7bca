"""Decoded text -> Article: title, paragraphs and sentences."""
from __future__ import annotations

import re
from collections.abc import Sequence

from articles.model import Article, Sentence
from articles.segmentation import continues, ends_with_year_mark, split_sentences

MAX_TITLE_CHARS = 200

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def build_article(
    name: str,
    text: str,
    language: str = "und",
    encoding: str = "utf-8",
    title: str | None = None,
    paragraph_languages: Sequence[str] = (),
) -> Article:
    """Split text into a title (a short first line before a blank line) and sentences.

    A `title` the file itself gave (a web page's, a Word document's first heading) is
    taken as it is, and the text is all body.

    A paragraph keeps a "\n" where a line is its own segment (a list item, a
    dateline, a table row); wrapped prose is joined with spaces. The sentence
    before such a "\n" has `line_break` set.

    `paragraph_languages` gives one code per paragraph of the text as
    build_article(name, text) splits it without a language (what detection sees);
    each paragraph is then segmented with its own language's rules.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    untitled = bool(paragraph_languages) and len(blocks) > 1 and _looks_like_title(blocks[0], "und")
    dropped_title = False
    if title is not None:
        title = " ".join(title.split())[:MAX_TITLE_CHARS * 5]
    elif len(blocks) > 1 and _looks_like_title(blocks[0], language):
        title = blocks[0]
        blocks = blocks[1:]
        dropped_title = True
    else:
        title = ""
    codes = _aligned(paragraph_languages, len(blocks), dropped_title, untitled, language)
    width = wrap_width(text)
    paragraphs: list[str] = []
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        language_here = codes[index] if codes else language
        segments = block_segments(block, width)
        paragraphs.append(_joined(segments))
        for number, segment in enumerate(segments):
            found = _block_sentences(segment, language_here)
            for position, sentence in enumerate(found):
                last = position == len(found) - 1 and number < len(segments) - 1
                sentences.append(Sentence(text=sentence, paragraph=index, line_break=last))
    return Article(
        name=name,
        title=title,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        language=language or "und",
        encoding=encoding,
        paragraph_languages=codes if any(code != language for code in codes) else (),
    )


def article_paragraphs(text: str) -> tuple[str, ...]:
    """The body paragraphs build_article(name, text) gives, without segmenting any
    sentence: what language detection reads, at a fraction of the cost on a long text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    if len(blocks) > 1 and _looks_like_title(blocks[0], "und"):
        blocks = blocks[1:]
    width = wrap_width(text)
    return tuple(_joined(block_segments(block, width)) for block in blocks)


def _joined(segments: list[list[str]]) -> str:
    """A paragraph's text: wrapped lines joined with spaces, lines of their own kept."""
    return "\n".join(" ".join(segment) for segment in segments)


def _aligned(
    codes: Sequence[str], count: int, titled: bool, titled_without_language: bool, main: str
) -> tuple[str, ...]:
    """The per-paragraph codes lined up with this build's paragraphs.

    Detection splits the text without a language; with one, the first block may
    be taken as a title where it was not (or the other way round).
    """
    codes = tuple(codes)
    if not codes:
        return ()
    if titled and not titled_without_language:
        codes = codes[1:]
    elif titled_without_language and not titled:
        codes = (main, *codes)
    return codes if len(codes) == count else ()


def read_article(data: bytes, name: str, language: str = "und") -> Article:
    """Read an uploaded file in any supported format and build its Article (raises ArticleError)."""
    from articles.reading import read_document

    document = read_document(data, name)
    return build_article(
        name, document.text, language=language, encoding=document.encoding or "",
        title=document.title,
    )


def _looks_like_title(block: str, language: str) -> bool:
    """A headline: one short line that is not itself a sentence of the text."""
    if "\n" in block or len(block) > MAX_TITLE_CHARS:
        return False
    if block.endswith((".", ";", ",", ":")) and not block.endswith("..."):
        return False
    return len(split_sentences(block, language)) == 1


_LINE_END = re.compile(r"[.!?…。！？؟۔]['\"»”’)\]]*$")


def _block_sentences(lines: list[str], language: str) -> list[str]:
    """Split the lines of one segment, taking a line that ends a sentence as a boundary.

    News files often carry one sentence a line: on the dev news articles this finds the
    boundaries better than segmenting the joined paragraph (docs/articles.md).
    """
    groups: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if _LINE_END.search(line):
            groups.append(" ".join(current))
            current = []
    if current:
        groups.append(" ".join(current))
    merged: list[list[str]] = []
    for group in groups:
        if merged and _continues(merged[-1][-1], group, language):
            merged[-1].append(group)  # "Dr.\nSmith", "т.е.\nминистр"
        else:
            merged.append([group])
    sentences: list[str] = []
    for parts in merged:
        sentences.extend(split_sentences(" ".join(parts), language))
    return sentences


_MAYBE_ABBREVIATION = re.compile(r"(?:^|[\s.(])[^\W\d_]{1,5}\.$")


def _continues(left: str, right: str, language: str) -> bool:
    """Whether a line ending in a period runs on ("Dr.\nSmith", "т.е.\nминистр").

    Asks the segmenter about the few words around the line break.
    """
    if continues(left, right, language, line_break=True):
        return True
    if not _MAYBE_ABBREVIATION.search(left[-12:]) or ends_with_year_mark(left):
        return False  # "... ушёл." ends a sentence; only short words may run on
    head = left[-80:].split(" ", 1)[-1] if len(left) > 80 else left
    tail = right[:80]
    join = len("".join(head.split()))
    position = 0
    for piece in split_sentences(f"{head} {tail}", language):
        position += len("".join(piece.split()))
        if position == join:
            return False
        if position > join:
            return True
    return False


# Line structure: inside a paragraph, is a line break wrapped prose or a line of its own?

_LIST_MARKER = re.compile(r"^(?:[-–—•*·▪●○■□►✓✔]\s|\(?\d{1,3}[.)]\s|\(?[a-zа-я][)]\s)")
_TABLE_CELL = re.compile(r"\t|\s\|\s|^\||\|$")
_WORD_HYPHEN = re.compile(r"[^\W\d_]-$")  # "informa-\ntion": a hyphenated word goes on
_PROSE_DASH = re.compile(r"^[-–—]\s+[^\W\d_]")
_OPEN_END = re.compile(r"[,;(\[«“„]$")
_MIN_WRAP_WIDTH = 40
_WRAPPED_SHARE = 0.75


def wrap_width(text: str) -> int:
    """The width prose was hard-wrapped at (0 when lines are not wrapped).

    A wrapped text has many lines of nearly the same length: the width is the
    length most long lines reach (their 90th percentile), if at least a third of
    the lines come within a quarter of it.
    """
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < 3:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    if width < _MIN_WRAP_WIDTH or width > 200:
        return 0
    near = sum(1 for length in lengths if length >= width * _WRAPPED_SHARE)
    return width if near * 3 >= len(lengths) else 0


def block_segments(block: str, width: int = 0) -> list[list[str]]:
    """The lines of a paragraph grouped into segments: a segment is wrapped prose
    (or one sentence a line) to be read on; a new segment starts where a line
    stands alone (list item, dateline, table row, a short line without end punctuation).
    """
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    segments: list[list[str]] = []
    for line in lines:
        if segments and not _starts_own_line(segments[-1][-1], line, width):
            segments[-1].append(line)
        else:
            segments.append([line])
    return segments


def _starts_own_line(previous: str, line: str, width: int) -> bool:
    """Whether a line break between `previous` and `line` is kept (measurable cues only)."""
    if _TABLE_CELL.search(previous) or _TABLE_CELL.search(line):
        return True  # table rows
    full_width = bool(width) and len(previous) >= width * _WRAPPED_SHARE
    if _LIST_MARKER.match(line):
        # "... in the South West\n- the principal ...": a dash in wrapped prose
        dash = _PROSE_DASH.match(line)
        in_prose = full_width and dash and dash.group(0)[-1].islower()
        return not (in_prose and not _LINE_END.search(previous))
    if _LINE_END.search(previous):
        return False  # sentence ends at the line end: one sentence a line, or prose
    if _WORD_HYPHEN.search(previous) or _OPEN_END.search(previous):
        return False  # the phrase runs on: "informa-", "cities,", "(see"
    if line[0].islower():
        return False  # no new line of its own starts in lowercase
    if full_width:
        return False  # a full-width line without end: wrapped prose ("met with\nPresident")
    return True  # a short line without end punctuation: heading, dateline, list entry, "Menu:"
