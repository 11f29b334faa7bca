"""Every value interpolated into text that Streamlit renders as Markdown goes through
ui.markup.md (issue 13, item 3): a static audit of the f-strings in ui/.

Streamlit renders Markdown in far more places than st.markdown: labels of buttons,
expanders, tabs and metrics, alerts, captions, spinners, progress texts, toasts. A
value that is not ours (a file name, a pack's codes, an error message naming a file)
must be escaped; numbers formatted with a spec (f"{n:,}") and the escaping helpers
themselves are fine.
"""
from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "ui"
# Escaping helpers, and helpers whose result is escaped or only our own words/numbers.
# install_advice: our sentences around validated language codes and our names (it keeps its
# `news-digest ...` code spans, which md() would break).
SAFE_CALLS = {"md", "_label", "count", "len", "round", "_size", "str.join", "install_advice"}
SAFE_NAMES = {"noun", "reading", "hint", "guesses", "label", "lines", "detected_label", "number",
              "not_read", "shares", "best"}
# The interface-language layer (ui.i18n): safe when what it translates is.
TRANSLATING = {"message", "_"}
# Streamlit calls whose text arguments are rendered as Markdown.
RENDERING = {
    "markdown", "caption", "error", "warning", "info", "success", "exception", "spinner",
    "progress", "toast", "expander", "title", "header", "subheader", "badge", "button",
    "download_button", "form_submit_button", "tabs", "metric", "page_link", "write",
    "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider",
    "text_input", "text_area", "number_input", "file_uploader", "popover", "status",
}
TEXT_KEYWORDS = {"label", "text", "body", "help", "value", "delta"}


def _safe(value: ast.expr) -> bool:
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in TRANSLATING and len(value.args) == 1:
            return _safe(value.args[0])  # our catalogs' words around what was safe already
        return name in SAFE_CALLS
    if isinstance(value, ast.Name):
        return value.id in SAFE_NAMES or value.id.isupper()  # a constant of ours
    if isinstance(value, ast.Attribute):
        return value.attr.isupper()  # a module's constant: upload_limits.MAX_FILES
    if isinstance(value, ast.BinOp):
        return _safe(value.left) and _safe(value.right)
    return isinstance(value, ast.Constant)


def _rendered_texts(tree: ast.AST) -> set[ast.expr]:
    """The arguments of Markdown-rendering calls: first positional, text keywords, and
    the items of a list given as first argument (st.tabs)."""
    texts: set[ast.expr] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or getattr(node.func, "attr", "") not in RENDERING:
            continue
        arguments = list(node.args[:1]) + [
            keyword.value for keyword in node.keywords if keyword.arg in TEXT_KEYWORDS
        ]
        for argument in arguments:
            texts.add(argument)
            if isinstance(argument, ast.List | ast.Tuple | ast.BinOp):
                texts.update(ast.walk(argument))
    return texts


def unescaped_values() -> list[str]:
    found = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rendered = _rendered_texts(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr) or node not in rendered:
                continue
            for part in node.values:
                if not isinstance(part, ast.FormattedValue) or part.format_spec is not None:
                    continue
                if not _safe(part.value):
                    found.append(f"{path.name}:{part.lineno}: {ast.unparse(part.value)}")
    return found


def test_every_interpolated_value_in_ui_is_escaped_or_known_safe():
    assert unescaped_values() == []
