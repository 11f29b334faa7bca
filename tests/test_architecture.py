"""The house rules of docs/architecture.md, checked from the imports of every module.

Packages sit in layers, and data walks one way: articles -> languages -> summarizer /
translator -> digest -> ui. Command-line entry points (`cli.py`, `__main__.py`) sit
on top, beside app.py: they may call digest, as the dashboard does.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("articles", "languages", "summarizer", "translator", "digest", "ui")
ALLOWED = {
    "articles": set(),
    "languages": {"articles"},
    "summarizer": {"articles", "languages"},
    "translator": {"articles", "languages"},
    "digest": {"articles", "languages", "summarizer", "translator"},
    "ui": {"articles", "languages", "summarizer", "translator", "digest"},
}
ENTRY_POINTS = {"cli.py", "__main__.py"}
ENTRY_POINT_MAY_IMPORT = {"articles", "languages", "summarizer", "translator", "digest"}


def project_imports(path: Path) -> set[str]:
    """Top-level names of every module the file imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_only_the_layers_below_it(package):
    wrong = {}
    for path in modules(package):
        imported = project_imports(path) & set(PACKAGES) - {package}
        allowed = ENTRY_POINT_MAY_IMPORT if path.name in ENTRY_POINTS else ALLOWED[package]
        if imported - allowed:
            wrong[str(path.relative_to(ROOT))] = sorted(imported - allowed)
    assert wrong == {}


def test_only_ui_and_app_import_streamlit():
    importers = [
        str(path.relative_to(ROOT))
        for package in (*PACKAGES, "bench", "testkit")
        if package != "ui"
        for path in modules(package)
        if "streamlit" in project_imports(path)
    ]
    assert importers == []


def test_no_two_packages_import_each_other():
    graph = {
        package: set().union(
            *(project_imports(path) for path in modules(package) if path.name not in ENTRY_POINTS)
        ) & set(PACKAGES) - {package}
        for package in PACKAGES
    }
    cycles = sorted((a, b) for a in PACKAGES for b in graph[a] if a < b and a in graph[b])
    assert cycles == []


def test_benchmarks_do_not_import_the_tests():
    importers = [
        str(path.relative_to(ROOT)) for path in modules("bench") if "tests" in project_imports(path)
    ]
    assert importers == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """The rules above would catch a summarizer module reaching into ui."""
    offending = tmp_path / "bad.py"
    offending.write_text("def f():\n    from ui import pipeline\n", encoding="utf-8")
    assert "ui" in project_imports(offending) - ALLOWED["summarizer"]
