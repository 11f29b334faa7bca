"""An element tree walked in document order, comments and processing instructions included.

lxml's iterwalk leaves comments out, and with them the text that follows one (its tail):
"two <!-- note -->lines" would lose "lines" from the paragraph. Iterative, so a deep tree
costs no Python recursion.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from articles import limits
from articles.rebuild.runs import Piece, Unit


def walk(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """("start", node) and ("end", node) for `root` and every node below it, in order."""
    yield "start", root
    stack = [(root, iter(root))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", node
            continue
        yield "start", child
        stack.append((child, iter(child)))


def paragraph_units_within_depth(
    root: etree._Element, table: str, paragraphs: tuple[str, ...],
    units_of: Callable[[etree._Element], list], deep_note: str, notes: list[str],
) -> list:
    """Every paragraph's units in document order, but those of tables nested deeper than
    limits.MAX_TABLE_DEPTH (left as they are, with the reading's note): Word and
    OpenDocument differ only in their tags and in how one paragraph is cut."""
    units: list = []
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end"),
                                         tag=(table, *paragraphs)):
        if element.tag == table:
            depth += 1 if event == "start" else -1
        elif event == "start":
            if depth > limits.MAX_TABLE_DEPTH:
                notes.append(deep_note.replace("left out", "left untranslated"))
                continue
            units.extend(units_of(element))
    return units


def cut(units: list[Unit]) -> None:
    """Start a new unit, unless the last is still empty: a tab, a break or a field ends
    what is translated as one."""
    if units[-1].pieces:
        units.append(Unit())


def add_text(units: list[Unit], element: etree._Element, slot: str, key: tuple) -> None:
    """The element's `slot` ("text" or "tail"), if any, as a piece of the last unit that
    writes its translation back to the same slot."""
    text = getattr(element, slot)
    if not text:
        return

    def write(value: str) -> None:
        setattr(element, slot, value)

    units[-1].pieces.append(Piece(text, key, write))
