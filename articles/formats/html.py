"""Web pages -> the article's body and title, without menus, comments and footers.

trafilatura (Apache-2.0) finds the body; with favor_precision and no comments it
scores a word-shingle F1 of 0.975 on 91 real news pages (bench/html_extraction.py)
against 0.962 with its defaults. The charset comes from the BOM, then the page's
own declaration, then detection on the page's text.
"""
from __future__ import annotations

import codecs
import logging
import re

from articles import limits
from articles.decoding import (
    ArticleError,
    display_name,
    guess_encoding,
    normalize_text,
    repaired_text,
    replaced_note,
)
from articles.document import Document

log = logging.getLogger(__name__)

# Every pattern here is linear in the page: a tag cannot hold "<", and what runs to a
# closing mark (a comment, a script) is found by one forward search in _without_non_text,
# not by a lazy ".*?" tried again from every opening ("<!--" or "<script>" repeated and
# never closed took minutes).
_META_CHARSET = re.compile(
    rb"""<meta[^<>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_MARKUP = re.compile(r"<[^<>]*+>|&#?\w++;")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_TAG_OPEN = re.compile(r"<[A-Za-z][^<>]*+>")  # a whole start tag: "<a <a <a" is one
# Scripts, styles, drawings, comments and inline data: most of a big saved page,
# none of its article. Only their openings are matched here; _without_non_text finds
# where each ends.
_NOT_TEXT = re.compile(
    r"<(script|style|svg|noscript|template)\b|<!--|\bsrc\s*+=\s*+[\"']?data:[^\"'<>\s]*+",
    re.IGNORECASE,
)
_CLOSING = {tag: re.compile(rf"</{tag}\s*+>", re.IGNORECASE)
            for tag in ("script", "style", "svg", "noscript", "template")}
# A character reference to a control character (&#8;) is not allowed in XML; lxml then
# gives up on the whole page. Such references, and the raw characters, become spaces.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_CONTROLS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127], " ")
_BLOCK_LINE = re.compile(r"^(- |\| )")
_TITLE_WINDOW = 300_000
_MIN_LETTERS = 20  # less is a menu or a button, not an article
_MAX_DEPTH = 255  # lxml's HTML parser drops what lies deeper
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*+)[^<>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def read_html(data: bytes, name: str, encoding: str | None = None) -> Document:
    """A saved web page -> Document(format="html"); raises ArticleError."""
    _, page, used, notes = bounded_page(data, name, encoding)
    title, body = _extract(page)
    if sum(char.isalpha() for char in body) < _MIN_LETTERS:
        _refuse_if_deep(page, name)
        raise ArticleError(name, "no article text was found in this web page.")
    if used.startswith("utf"):
        body, repaired = repaired_text(body, name)
        title = repaired_text(title, name)[0] if title and repaired else title
        notes = (*notes, *repaired)
    body = normalize_text(body)
    if title and body.startswith(title + "\n"):
        body = body[len(title):].lstrip("\n")
    return Document(text=body, title=title or None, format="html", encoding=display_name(used),
                    notes=notes)


def bounded_page(
    data: bytes, name: str, encoding: str | None = None
) -> tuple[str, str, str, tuple[str, ...]]:
    """A page within the bounds it is read with (bytes, characters, elements): the page
    decoded, the same without scripts, styles and control characters, its code page and
    notes. Raises ArticleError with the reader's words."""
    if len(data) > limits.MAX_HTML_BYTES:
        size = len(data) / 1_048_576
        raise ArticleError(name, f"the web page is too large to read ({size:.0f} MB).")
    decoded, used, notes = _decode_page(data, name, encoding)
    page = _without_controls(_without_non_text(decoded))
    if len(page) > limits.MAX_HTML_CHARS:
        size = len(page) / 1_000_000
        reason = (f"the web page holds too much to read ({size:.0f} million characters "
                  f"without scripts and styles; the limit is {limits.MAX_HTML_CHARS // 1_000_000}"
                  " million). Save the article alone and upload it again.")
        raise ArticleError(name, reason)
    elements = len(_TAG_OPEN.findall(page))
    if elements > limits.MAX_HTML_ELEMENTS:
        _refuse_if_deep(page, name)
        reason = (f"the web page has too many elements to read ({elements:,}; the limit is "
                  f"{limits.MAX_HTML_ELEMENTS:,}). Save the article alone and upload it again.")
        raise ArticleError(name, reason)
    return decoded, page, used, notes


def _without_non_text(page: str) -> str:
    """The page without scripts, styles, drawings, comments and inline data, in one pass:
    each is cut from its opening to its closing, or to the end of the page when it is
    never closed (as a browser reads it)."""
    kept: list[str] = []
    position = 0
    while (opening := _NOT_TEXT.search(page, position)) is not None:
        kept.append(page[position:opening.start()])
        kept.append(" ")
        tag = opening.group(1)
        if tag:
            closing = _CLOSING[tag.lower()].search(page, opening.end())
            position = closing.end() if closing else len(page)
        elif opening.group(0) == "<!--":
            end = page.find("-->", opening.end())
            position = end + 3 if end >= 0 else len(page)
        else:
            position = opening.end()
    kept.append(page[position:])
    return "".join(kept)


def without_controls(page: str) -> str:
    """The page with control characters (raw or as references) as spaces, which lxml's
    parser needs: see _without_controls."""
    return _without_controls(page)


def _without_controls(page: str) -> str:
    """Control characters, raw or as references, and references to no character: spaces."""
    def reference(match: re.Match[str]) -> str:
        hexadecimal, decimal = match.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        allowed = (code in (9, 10, 13) or (32 <= code < 0xD800 and code != 127)
                   or (0xE000 <= code <= 0x10FFFF and code not in (0xFFFE, 0xFFFF)))
        return match.group(0) if allowed else " "

    return _CHAR_REFERENCE.sub(reference, page.translate(_CONTROLS))


def refuse_if_deep(page: str, name: str) -> None:
    """ArticleError when the page's elements nest deeper than lxml's parser keeps."""
    _refuse_if_deep(page, name)


def _refuse_if_deep(page: str, name: str) -> None:
    if _depth(page) > _MAX_DEPTH:
        reason = (f"the web page is nested too deeply to read (more than {_MAX_DEPTH} "
                  "levels of elements).")
        raise ArticleError(name, reason)


def _depth(page: str) -> int:
    """How deep the page's elements nest, counting open and closed tags."""
    depth = deepest = 0
    for match in _TAG.finditer(page):
        closing, tag, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and tag.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _decode_page(data: bytes, name: str, forced: str | None) -> tuple[str, str, tuple[str, ...]]:
    for bom, codec in _BOMS:
        if forced is None and data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec, ()
    declared = forced or _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared), declared, ()
        except UnicodeDecodeError:
            if forced:
                text = data.decode(declared, errors="replace")
                return text, declared, (_replaced_note(text, data),)
        except LookupError:
            if forced:
                raise ArticleError(name, f"{forced!r} is not a known text encoding.") from None
    head = _without_non_text(data[:400_000].decode("latin-1"))  # one char a byte
    words = _MARKUP.sub(" ", head).encode("latin-1")
    detected = guess_encoding(words) or "utf-8"
    text = data.decode(detected, errors="replace")
    notes = (_replaced_note(text, data),) if "\ufffd" in text else ()
    return text, detected, tuple(note for note in notes if note)


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # Browsers read a page declared as Latin-1 or ASCII as Windows-1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _replaced_note(text: str, data: bytes) -> str:
    count = text.count("\ufffd") - data.count("\ufffd".encode())
    return replaced_note(count) if count > 0 else ""


def _extract(page: str) -> tuple[str, str]:
    import trafilatura

    result = trafilatura.bare_extraction(page, favor_precision=True, include_comments=False)
    if result is None:
        return "", ""
    return _title(page[:_TITLE_WINDOW]), _paragraphs(result.text or "")


def _title(head: str) -> str:
    """og:title and <meta> first, then JSON-LD, then <title> and the first heading.

    Only the title steps of trafilatura's metadata search: the full search also
    looks for dates with dateparser (10 s of set-up on first use) and runs
    regular expressions over the whole page.
    """
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
    from trafilatura.utils import load_html

    tree = load_html(head)
    if tree is None:
        return ""
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # trafilatura's JSON-LD reader is lenient but not bug-free
        log.debug("JSON-LD metadata unreadable", exc_info=True)
    title = metadata.title or extract_title(tree) or ""
    return " ".join(title.split())


def _paragraphs(text: str) -> str:
    """One block a line from the extractor -> paragraphs; list items and table
    rows stay together, one a line."""
    blocks: list[list[str]] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if blocks and _BLOCK_LINE.match(line) and _BLOCK_LINE.match(blocks[-1][-1]):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return "\n\n".join("\n".join(block) for block in blocks)
