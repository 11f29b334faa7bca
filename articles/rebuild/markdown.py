"""A Markdown file translated with its syntax kept: headings, lists, tables, quotes,
emphasis and links stay; code spans, code blocks, link addresses, raw HTML and front
matter are not touched.

Read line by line as articles.formats.markdown reads it, with patterns of the same
kind (linear in the line: what a mark encloses cannot hold the mark itself). A
paragraph or a list item is one unit (its lines joined on one line); a table's cells are
each one; a heading is one. Inside a unit the emphasis and links are runs that keep
their marks around the words they get; a code span or an inline tag cuts the unit.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from articles.decoding import decode_bytes
from articles.rebuild.runs import Piece, Unit, translate_units

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ATX = re.compile(r"^(\s{0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+[ \t]*)?$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}+\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s+\S")
_HTML_LINE = re.compile(r"^\s{0,3}</?[A-Za-z!][^<>]*+(?:>|$)")
_ITEM = re.compile(r"^(\s*+(?:[*+-]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_CODE_INDENT = re.compile(r"^(?: {4}|\t)")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)[^`]+(?P=ticks))"
    r"|(?P<image>!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*+\))"
    r"|\[(?P<label>[^\[\]]+)\](?P<dest>\((?:[^()]|\([^()]*\))*+\)|\[[^\[\]]*\])"
    r"|(?P<auto><(?:https?|mailto):[^<>\s]+>)"
    r"|(?P<tag></?[a-zA-Z][^<>]*>)"
    r"|(?P<strong>\*\*|__)(?=\S)(?P<strong_in>(?:(?!(?P=strong)).)+?)(?<=\S)(?P=strong)"
    r"|(?<![\w*])\*(?=\S)(?P<em_star>[^*]+?)(?<=\S)\*(?!\*)"
    r"|(?<!\w)_(?=\S)(?P<em_line>[^_]+?)(?<=\S)_(?!\w)"
    r"|~~(?=\S)(?P<struck>(?:(?!~~).)+?)(?<=\S)~~"
)
_MAX_NESTING = 8  # emphasis in a link in emphasis...: deeper marks are read as words

Wrapper = tuple[str, str]


@dataclass
class _Run:
    text: str
    wrappers: tuple[Wrapper, ...]
    fixed: bool = False


@dataclass
class _Text:
    """One unit's place in the file: its line, what stays around it, its runs."""

    line: int
    prefix: str
    runs: list[_Run]
    suffix: str = ""
    dropped: list[int] = field(default_factory=list)  # lines joined into this one


def translate_markdown(
    data: bytes, name: str, translate: Callable[[list[str]], list[str]]
) -> tuple[bytes, tuple[str, ...]]:
    """The Markdown file with its words translated (UTF-8), and notes for the reader;
    raises ArticleError for a file that is not text."""
    decoded = decode_bytes(data, name)
    lines = decoded.text.split("\n")
    texts = _texts(lines)
    units: list[Unit] = []
    for text in texts:
        units.extend(_units(text.runs))
    outcome = translate_units(units, translate)
    dropped: set[int] = set()
    for text in texts:
        lines[text.line] = text.prefix + _emit(text.runs) + text.suffix
        dropped.update(text.dropped)
    kept = [line for number, line in enumerate(lines) if number not in dropped]
    text = "\n".join(kept).rstrip("\n") + "\n"  # one line end at the end, as editors save
    return text.encode("utf-8"), (*decoded.notes, *outcome.notes)


def _texts(lines: list[str]) -> list[_Text]:
    """Every piece of prose in the file, with the syntax around it."""
    texts: list[_Text] = []
    current: list[_Text] = []  # the paragraph or list item being read
    fence = ""
    previous_blank = True
    in_list = False
    start = _front_matter_end(lines)
    for number in range(start, len(lines)):
        line = lines[number]
        blank = not line.strip()
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            current.clear()
            fence = opening.group(1)[0] * 3
            previous_blank = False
            continue
        if blank:
            current.clear()
            previous_blank = True
            continue
        if _CODE_INDENT.match(line) and previous_blank and not in_list:
            current.clear()
            continue  # an indented code block
        previous_blank = False
        quote = _QUOTE.match(line)
        prefix = quote.group(0) if quote else ""
        rest = line[len(prefix):]
        if _HTML_LINE.match(rest) or _REFERENCE.match(rest) or _TABLE_RULE.match(rest):
            current.clear()
            continue
        if _SETEXT.match(rest) or _RULE.match(rest):
            current.clear()  # a heading's underline (the line above is its unit), a rule
            continue
        heading = _ATX.match(rest)
        if heading:
            current.clear()
            texts.append(_Text(number, prefix + heading.group(1), _runs(heading.group(2)),
                               heading.group(3) or ""))
            continue
        if _is_table_row(rest, lines, number):
            current.clear()
            texts.append(_cells(number, prefix, rest))
            continue
        item = _ITEM.match(rest)
        if item:
            in_list = True
            text = _Text(number, prefix + item.group(1), _runs(item.group(2)))
            texts.append(text)
            current[:] = [text]
            continue
        if current:  # a line of the same paragraph: joined to its first line
            joined = current[0]
            joined.runs.extend([_Run(" ", ()), *_runs(rest.strip())])
            joined.dropped.append(number)
            continue
        in_list = in_list and line[:1].isspace()
        indent = rest[:len(rest) - len(rest.lstrip())]
        text = _Text(number, prefix + indent, _runs(rest.strip()))
        texts.append(text)
        current[:] = [text]
    return texts


def _front_matter_end(lines: list[str]) -> int:
    """The first line after a YAML front matter block (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for number in range(1, min(len(lines), 200)):
        if lines[number].strip() in ("---", "..."):
            return number + 1
    return 0


def _is_table_row(rest: str, lines: list[str], number: int) -> bool:
    if "|" not in rest:
        return False
    if rest.lstrip().startswith("|"):
        return True
    around = [lines[index] for index in (number - 1, number + 1) if 0 <= index < len(lines)]
    return any(_TABLE_RULE.match(_QUOTE.sub("", line)) for line in around)


def _cells(number: int, prefix: str, row: str) -> _Text:
    """A table row: each cell its own unit, the bars and the spaces around cells kept."""
    runs: list[_Run] = []
    for position, part in enumerate(_CELL_BAR.split(row)):
        if position:
            runs.append(_Run("|", (), fixed=True))
        words = part.strip()
        lead = part[:len(part) - len(part.lstrip())]
        trail = part[len(part.rstrip()):] if words else ""
        if lead:
            runs.append(_Run(lead, (), fixed=True))
        runs.extend(_runs(words))
        if trail:
            runs.append(_Run(trail, (), fixed=True))
    return _Text(number, prefix, runs)


def _runs(text: str, wrappers: tuple[Wrapper, ...] = (), depth: int = 0) -> list[_Run]:
    """Inline Markdown -> runs of words with the marks around them; code spans, images,
    autolinks and tags are fixed runs."""
    if depth > _MAX_NESTING:
        return [_Run(text, wrappers)] if text else []
    runs: list[_Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(_Run(text[position:match.start()], wrappers))
        position = match.end()
        if match.group("label") is not None:
            runs.extend(_runs(match.group("label"), (*wrappers, ("[", "]" + match.group("dest"))),
                              depth + 1))
        elif match.group("strong") is not None:
            mark = match.group("strong")
            runs.extend(_runs(match.group("strong_in"), (*wrappers, (mark, mark)), depth + 1))
        elif match.group("em_star") is not None:
            runs.extend(_runs(match.group("em_star"), (*wrappers, ("*", "*")), depth + 1))
        elif match.group("em_line") is not None:
            runs.extend(_runs(match.group("em_line"), (*wrappers, ("_", "_")), depth + 1))
        elif match.group("struck") is not None:
            runs.extend(_runs(match.group("struck"), (*wrappers, ("~~", "~~")), depth + 1))
        else:
            runs.append(_Run(match.group(0), wrappers, fixed=True))
    if position < len(text):
        runs.append(_Run(text[position:], wrappers))
    return runs


def _units(runs: list[_Run]) -> list[Unit]:
    """The runs between fixed ones, each stretch a unit."""
    units = [Unit()]
    for run in runs:
        if run.fixed:
            if units[-1].pieces:
                units.append(Unit())
            continue
        units[-1].pieces.append(Piece(run.text, run.wrappers, _writer(run)))
    return [unit for unit in units if unit.pieces]


def _writer(run: _Run) -> Callable[[str], None]:
    def write(value: str) -> None:
        run.text = value

    return write


def _emit(runs: list[_Run]) -> str:
    """Runs back to Markdown: marks opened and closed around their words, spaces kept
    outside the marks (so `**word**` stays emphasis)."""
    out: list[str] = []
    opened: tuple[Wrapper, ...] = ()
    pending = ""  # spaces at the end of the last run, written once its marks are closed
    for run in runs:
        if not run.text:
            continue
        wrappers = run.wrappers
        shared = 0
        while shared < min(len(opened), len(wrappers)) and opened[shared] == wrappers[shared]:
            shared += 1
        core = run.text if run.fixed else run.text.strip()
        lead = "" if run.fixed else run.text[:len(run.text) - len(run.text.lstrip())]
        trail = "" if run.fixed else run.text[len(run.text.rstrip()):]
        if not core:
            pending += run.text
            continue
        for wrapper in reversed(opened[shared:]):
            out.append(wrapper[1])
        out.append(pending + lead)
        for wrapper in wrappers[shared:]:
            out.append(wrapper[0])
        out.append(core)
        pending = trail
        opened = wrappers
    for wrapper in reversed(opened):
        out.append(wrapper[1])
    out.append(pending)
    return "".join(out)
