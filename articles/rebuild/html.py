"""A web page translated in place: the same markup and attributes, the words changed.

The page is bounded exactly as on reading (articles.formats.html.bounded_page: bytes,
characters, elements, depth) and parsed whole with lxml, scripts and styles kept. Each
block element (a paragraph, a heading, a list item, a table cell) is a unit: its
inline text (links, emphasis) is translated as one and shared back over its text
nodes; a line break cuts a unit. Code, preformatted text, scripts and styles are not
touched. The `alt` and `title` attributes and the page's <title> are translated too.
The page is written in UTF-8, its charset declaration saying so, in the target
language (`lang`).
"""
from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from articles.formats.html import bounded_page, refuse_if_deep, without_controls
from articles.rebuild.runs import Piece, Unit, translate_units
from articles.rebuild.walking import add_text, cut, walk

_BLOCKS = frozenset("""
address article aside blockquote body caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend
li main menu nav ol optgroup option p section summary table tbody td tfoot th thead title
tr ul
""".split())
_UNTOUCHED = frozenset("""
script style noscript template code pre textarea svg math kbd samp var object iframe
""".split())
_CUTS = frozenset(("br",))
_ATTRIBUTES = ("alt", "title")


def translate_html(
    data: bytes, name: str, translate: Callable[[list[str]], list[str]], target: str = ""
) -> tuple[bytes, tuple[str, ...]]:
    """The web page with its words translated (UTF-8), and notes for the reader; raises
    ArticleError for a page the reader would refuse."""
    from lxml import html as lxml_html

    decoded, text_only, _, notes = bounded_page(data, name)
    refuse_if_deep(text_only, name)
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=False,
                                  huge_tree=False, no_network=True)
    root = lxml_html.document_fromstring(without_controls(decoded).encode("utf-8"),
                                         parser=parser)
    units = _units(root)
    outcome = translate_units(units, translate)
    _declare_utf8(root)
    if target:
        root.set("lang", target)
    declared = "<!doctype" in decoded[:4096].lower()  # lxml invents one for a page without
    doctype = root.getroottree().docinfo.doctype if declared else None
    page = lxml_html.tostring(root, encoding="unicode", method="html", doctype=doctype)
    return page.encode("utf-8"), (*notes, *outcome.notes)


def _units(root: etree._Element) -> list[Unit]:
    units = [Unit()]
    attributes: list[Unit] = []
    keys: list[tuple] = []
    saved: list[list[tuple]] = []  # the inline keys of the blocks around
    untouched = 0
    for event, element in walk(root):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or tag in _UNTOUCHED:  # comments, code, scripts: their tail is text
            if event == "start":
                untouched += 1
                continue
            untouched -= 1
            if not untouched:
                if tag:
                    cut(units)
                add_text(units, element, "tail", tuple(keys))
            continue
        if untouched:
            continue
        if event == "start":
            for attribute in _ATTRIBUTES:
                value = element.get(attribute)
                if value and value.strip():
                    attributes.append(Unit([Piece(value, (), _attribute_writer(element,
                                                                               attribute))]))
            if tag in _BLOCKS:
                cut(units)
                saved.append(keys)
                keys = []
                add_text(units, element, "text", ())
            else:
                if tag in _CUTS:
                    cut(units)
                keys.append((tag, tuple(sorted(element.attrib.items()))))
                add_text(units, element, "text", tuple(keys))
        elif tag in _BLOCKS:
            cut(units)
            keys = saved.pop() if saved else []
            add_text(units, element, "tail", tuple(keys))
        else:
            if keys:
                keys.pop()
            add_text(units, element, "tail", tuple(keys))
    return [unit for unit in units if unit.pieces] + attributes


def _attribute_writer(element: etree._Element, attribute: str) -> Callable[[str], None]:
    def write(value: str) -> None:
        element.set(attribute, value)

    return write


def _declare_utf8(root: etree._Element) -> None:
    """The page's own charset declarations say UTF-8, as it is now written."""
    for meta in root.iter("meta"):
        if meta.get("charset") is not None:
            meta.set("charset", "utf-8")
        elif (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set("content", "text/html; charset=utf-8")
