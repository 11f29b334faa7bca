"""An element tree walked in document order, comments and processing instructions included.

lxml's iterwalk leaves comments out, and with them the text that follows one (its tail):
"two <!-- note -->lines" would lose "lines" from the paragraph. Iterative, so a deep tree
costs no Python recursion.
"""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree


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
