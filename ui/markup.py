"""User text -> safe markup. Every piece of user text passes through escape() or md().

Articles can contain `<script>`, HTML or Markdown; the dashboard must show them
literally. HTML views escape all text first and only then add their own tags;
Markdown labels backslash-escape every punctuation sign Markdown (and
Streamlit's :color[...] and $latex$ extensions) could interpret.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from articles.model import Article
from ui.i18n import N_, _, number

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^@%])")

STYLE = """
<style>
.nd-article p { line-height: 1.65; margin: 0 0 0.9em 0; }
.nd-article mark { background: #fbe8a6; padding: 0.05em 0.15em; border-radius: 3px; }
.nd-summary { margin: 0; padding-left: 1.4em; }
.nd-summary li { margin-bottom: 0.8em; line-height: 1.6;
  overflow-wrap: anywhere; }
.nd-summary .nd-tr { display: block; color: #4a5560; font-style: italic; margin-top: 0.2em;
  border-left: 3px solid #c9d8e4; padding-left: 0.6em; }
.nd-sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.nd-sbs th { text-align: left; font-weight: 600; padding: 0.3em 0.6em;
  border-bottom: 2px solid #ddd8cc; }
.nd-sbs td { vertical-align: top; overflow-wrap: anywhere; padding: 0.25em 0.6em;
  line-height: 1.55; }
.nd-sbs tbody + tbody tr:first-child td { border-top: 2px solid #e6e1d6; padding-top: 0.7em; }
.nd-sbs td.nd-missing { color: #8a8f94; }
.nd-sbs .nd-hl { background: #fbe8a6; }
.nd-summary .nd-kept { font-style: normal; color: #8a8f94; }
.nd-sbs mark.nd-term, .nd-summary mark.nd-term { background: #d7ecd9; padding: 0 0.1em;
  border-radius: 3px; }
.nd-sbs td.nd-flagged, .nd-summary .nd-tr.nd-flagged { background: #fdecea; }
.nd-sbs .nd-flag, .nd-summary .nd-flag { color: #b3261e; cursor: help; }
.nd-sbs .nd-note, .nd-summary .nd-note { color: #6b7580; font-size: 0.8em; font-style: normal; }
</style>
"""


def md(text: str) -> str:
    """Text for a Markdown-rendering widget, shown literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


MAX_SHOWN_SENTENCES = 2000
"""Sentences drawn in the Original and Side by side tabs: a browser tab holding a 25 MB
article as HTML crashes (measured: Chromium's renderer dies), and nobody reads past this
on screen; the summary is made from the first 2,000 sentences too (summarizer.bounds)."""


def _shown_note(article: Article) -> str:
    """A line saying that only the start is drawn, or "" when the article is drawn whole."""
    total = len(article.sentences)
    if total <= MAX_SHOWN_SENTENCES:
        return ""
    note = _("Showing the first {shown} sentences of {total}.").format(
        shown=number(MAX_SHOWN_SENTENCES), total=number(total)
    )
    return f'<p class="nd-missing">{escape(note)}</p>'


def highlighted_article(article: Article, highlighted: Collection[int]) -> str:
    """The article body as paragraphs, with the chosen sentences in <mark>."""
    paragraphs: list[list[str]] = [[] for _ in article.paragraphs]
    for index, sentence in enumerate(article.sentences[:MAX_SHOWN_SENTENCES]):
        text = escape(sentence.text)
        paragraphs[sentence.paragraph].append(
            (f"<mark>{text}</mark>" if index in highlighted else text)
            + ("<br>" if sentence.line_break else " ")
        )
    body = "".join(f"<p>{''.join(parts).strip()}</p>" for parts in paragraphs if parts)
    return f'<div class="nd-article">{body}{_shown_note(article)}</div>'


KEPT = N_("kept: already in {language}")
"""Shown instead of a translation for a sentence already in the target language."""


def summary_list(
    sentences: list[str],
    translations: list[str | None],
    kept: Collection[int] = (),
    target_name: str = "",
    marks: Sequence[SentenceMarks | None] = (),
) -> str:
    """The summary sentences as a numbered list, each with its translation under it
    (positions in `kept` are already in the target language and say so); `marks`, one per
    sentence, flag a translation and mark glossary terms as the side-by-side view does."""
    items = []
    for position, (sentence, translation) in enumerate(zip(sentences, translations, strict=True)):
        mark = marks[position] if position < len(marks) else None
        if position in kept:
            label = escape(_(KEPT).format(language=target_name))
            under = f'<span class="nd-tr nd-kept">{label}</span>'
        elif translation and mark is not None:
            under = mark.element("span", translation, ["nd-tr"])
        elif translation:
            under = f'<span class="nd-tr">{escape(translation)}</span>'
        else:
            under = ""
        text = marked_text(sentence, mark.source_spans) if mark else escape(sentence)
        items.append(f"<li>{text}{under}</li>")
    return f'<ol class="nd-summary">{"".join(items)}</ol>'


def side_by_side(
    article: Article,
    translations: Mapping[int, str],
    source_label: str,
    target_label: str,
    highlighted: Collection[int] = (),
    only_translated: bool = False,
    kept: Collection[int] = (),
    marks: Mapping[int, SentenceMarks] | None = None,
) -> str:
    """Original and translation aligned: one row per sentence, one group per paragraph.

    A sentence already in the target language shows "kept: already in ..." beside it;
    `marks` adds glossary terms (marked on both sides), a flagged translation (its reasons
    on hover) and how a translation was made when not by the first route.
    """
    marks = marks or {}
    groups: dict[int, list[str]] = {}
    for index, sentence in enumerate(article.sentences[:MAX_SHOWN_SENTENCES]):
        if only_translated and index not in translations:
            continue
        mark = ' class="nd-hl"' if index in highlighted else ""
        translated = translations.get(index)
        if index in kept:
            label = escape(_(KEPT).format(language=target_label))
            right = f'<td class="nd-missing">{label}</td>'
        elif translated is not None and index in marks:
            right = marks[index].cell(translated, index in highlighted)
        elif translated is not None:
            right = f"<td{mark}>{escape(translated)}</td>"
        else:
            right = '<td class="nd-missing">—</td>'
        left = (marked_text(sentence.text, marks[index].source_spans) if index in marks
                else escape(sentence.text))
        groups.setdefault(sentence.paragraph, []).append(
            f"<tr><td{mark}>{left}</td>{right}</tr>"
        )
    bodies = "".join(f"<tbody>{''.join(rows)}</tbody>" for _, rows in sorted(groups.items()))
    head = f"<thead><tr><th>{escape(source_label)}</th><th>{escape(target_label)}</th></tr></thead>"
    return f'<table class="nd-sbs">{head}{bodies}</table>{_shown_note(article)}'


@dataclass(frozen=True)
class SentenceMarks:
    """What the side-by-side view marks on one sentence: the glossary terms of the source
    (character spans) and their renderings, the reasons the translation was flagged, and
    a note on how it was made ("retried on NLLB-200", "your pick")."""

    source_spans: tuple[tuple[int, int], ...] = ()
    renderings: tuple[str, ...] = ()
    reasons: str = ""
    note: str = ""

    def cell(self, translation: str, highlighted: bool) -> str:
        """The translation's cell."""
        return self.element("td", translation, ["nd-hl"] if highlighted else [])

    def element(self, tag: str, translation: str, classes: list[str]) -> str:
        """The translation in a `tag` element: its terms marked, a flag with its reasons
        on hover, and the note."""
        spans = []
        for rendering in self.renderings:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(rendering), translation)]
        classes = list(classes)
        title = ""
        body = marked_text(translation, spans)
        if self.reasons:
            classes.append("nd-flagged")
            title = f' title="{escape(self.reasons)}"'
            body = f'<span class="nd-flag" aria-label="{escape(self.reasons)}">⚑</span> {body}'
        if self.note:
            body += f' <span class="nd-note">{escape(self.note)}</span>'
        attribute = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attribute}{title}>{body}</{tag}>"


def marked_text(text: str, spans: Collection[tuple[int, int]]) -> str:
    """The text escaped, with the (non-overlapping) spans in <mark class="nd-term">."""
    parts, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts += [escape(text[position:start]),
                  f'<mark class="nd-term">{escape(text[start:end])}</mark>']
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def size_label(size_bytes: int | None) -> str:
    """'306 kB', '1.5 MB', '595 MB', '—' for unknown."""
    if not size_bytes:
        return "—"
    if size_bytes >= 1e6:
        digits = 0 if size_bytes >= 1e7 else 1
        return _("{size} MB").format(size=number(size_bytes / 1e6, digits))
    return _("{size} kB").format(size=number(size_bytes / 1e3, 0))
