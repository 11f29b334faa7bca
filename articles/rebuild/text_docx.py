"""A translated text as a Word file: what a PDF's translation is given as.

A PDF places each line on a page; its layout cannot be flowed again around translated
words, so its translated text comes as a Word document: the headline as the title,
each paragraph a paragraph, list lines as list items, other lines kept apart by line
breaks.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence

_BULLET = re.compile(r"^[-–—•*·▪●]\s+")
_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+")


def text_docx(title: str, paragraphs: Sequence[str], language: str = "") -> bytes:
    """A .docx of the headline and paragraphs ("\\n" inside a paragraph: its own line)."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
        document.add_heading(title, level=1)
    if language:
        document.core_properties.language = language
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if lines and all(_BULLET.match(line) for line in lines):
            for line in lines:
                document.add_paragraph(_BULLET.sub("", line, count=1), style="List Bullet")
            continue
        if lines and all(_NUMBER.match(line) for line in lines):
            for line in lines:
                document.add_paragraph(_NUMBER.sub("", line, count=1), style="List Number")
            continue
        written = document.add_paragraph()
        for number, line in enumerate(lines):
            run = written.add_run(line)
            if number < len(lines) - 1:
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
