"""The house rules of docs/architecture.md, checked from the code's own imports.

Every rule is a function of a source tree, so each is run twice: on the project (it
must hold) and on a tiny tree written in tmp_path with one planted violation (it must
be caught). No file is exempt by its name: a command line lives in cli/, on top, and is
checked as cli/.

- Layers: articles < languages < summarizer, translator < digest < api < cli, and
  digest < ui < app.py. A package imports only the layers below it; summarizer and
  translator, side by side, do not import each other, nor do cli and ui, nor api and ui.
- No import cycle inside a package, lazily imported modules (inside a function)
  included; imports under `if TYPE_CHECKING:` never run and do not count.
- Only ui/ and app.py import Streamlit.
- bench/ and testkit/ never import tests/ (shared helpers live in testkit/).
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOWER = {
    "articles": set(),
    "languages": {"articles"},
    "summarizer": {"articles", "languages"},
    "translator": {"articles", "languages"},
    "digest": {"articles", "languages", "summarizer", "translator"},
}
ALLOWED = {
    **LOWER,
    "api": {*LOWER, "digest"},
    "cli": {*LOWER, "digest", "api"},
    "ui": {*LOWER, "digest"},
    "app": {*LOWER, "digest", "ui"},
}
"""Which project packages each layer may import (`app` is app.py). `api` (the HTTP server)
is an edge beside ui and cli: only cli (`news-digest serve`) imports it."""
PROJECT = {*ALLOWED, "bench", "testkit", "tests"}
STREAMLIT_ALLOWED = {"ui", "app"}


# ---- reading the imports ------------------------------------------------------------------

def source_files(root: Path, package: str) -> list[Path]:
    """The .py files of a package folder, or the module `package`.py."""
    folder = root / package
    if folder.is_dir():
        return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)
    module = root / f"{package}.py"
    return [module] if module.is_file() else []


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import at any depth (inside functions too), but not under TYPE_CHECKING."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif _is_type_checking(child):
            for other in child.orelse:
                yield from _import_nodes(other)
        else:
            yield from _import_nodes(child)


def imported_modules(root: Path, path: Path) -> set[str]:
    """Dotted names of what the file imports: `from a.b import c` is `a.b.c` when c is a
    module of the tree, else `a.b`; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(root, path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    names: set[str] = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            is_module = (root / candidate.replace(".", "/")).with_suffix(".py").is_file() or (
                root / candidate.replace(".", "/") / "__init__.py"
            ).is_file()
            names.add(candidate if is_module else base)
    return names


def top_level_imports(root: Path, path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(root, path)}


# ---- the rules ----------------------------------------------------------------------------

def layer_violations(root: Path) -> dict[str, list[str]]:
    """file -> the project packages it imports against the layers."""
    wrong = {}
    for layer, allowed in ALLOWED.items():
        for path in source_files(root, layer):
            bad = (top_level_imports(root, path) & PROJECT) - allowed - {layer}
            if bad:
                wrong[str(path.relative_to(root))] = sorted(bad)
    return wrong


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """module -> the modules of the same package it imports (lazily or not)."""
    files = {module_name(root, path): path for path in source_files(root, package)}
    return {
        name: {
            target for target in imported_modules(root, path)
            if target in files and target != name
        }
        for name, path in files.items()
    }


def import_cycles(root: Path, package: str) -> list[list[str]]:
    """Each set of modules importing one another in a circle (Tarjan's strongly
    connected components of more than one module), sorted."""
    graph = import_graph(root, package)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def streamlit_importers(root: Path) -> list[str]:
    return [
        str(path.relative_to(root))
        for package in sorted(PROJECT - STREAMLIT_ALLOWED - {"tests"})
        for path in source_files(root, package)
        if "streamlit" in top_level_imports(root, path)
    ]


def importers_of_tests(root: Path) -> list[str]:
    return [
        str(path.relative_to(root))
        for package in ("bench", "testkit")
        for path in source_files(root, package)
        if "tests" in top_level_imports(root, path)
    ]



# ---- the project keeps them ---------------------------------------------------------------

def test_each_package_imports_only_the_layers_below_it():
    assert layer_violations(ROOT) == {}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_import_cycle_inside_a_package(package):
    assert import_cycles(ROOT, package) == []


def test_only_ui_and_app_import_streamlit():
    assert streamlit_importers(ROOT) == []


def test_benchmarks_and_testkit_do_not_import_the_tests():
    assert importers_of_tests(ROOT) == []


def test_every_layer_is_read():
    """A rule over no files holds trivially: each layer has code the checker reads."""
    assert all(source_files(ROOT, layer) for layer in ALLOWED)
    assert import_graph(ROOT, "cli")["cli.main"] >= {"cli.contract"}


# ---- each rule catches a planted violation ------------------------------------------------

def plant(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_package_reaching_up_or_sideways_is_caught(tmp_path):
    root = plant(tmp_path, {
        "summarizer/__init__.py": "",
        "summarizer/good.py": "from languages.codes import AUTO\nfrom articles import model\n",
        "summarizer/sideways.py": "def f():\n    from translator import engine\n",
        "digest/__init__.py": "",
        "digest/up.py": "import cli.main\n",
        "cli/__init__.py": "",
        "cli/ui_use.py": "def f():\n    from ui import pipeline\n",
        "ui/__init__.py": "",
        "ui/commands.py": "from cli import main\n",
        "app.py": "from ui import pages\nfrom digest import job\n",
        "articles/__init__.py": "",
        "articles/test_helper.py": "from testkit import tinypack\n",
        "api/__init__.py": "",
        "api/good.py": "from digest import job\nfrom translator import engine\n",
        "api/pages.py": "def f():\n    from ui import pipeline\n",
        "api/commands.py": "from cli import contract\n",
        "cli/serve.py": "def f():\n    from api.server import serve\n",
        "ui/server.py": "from api import create_app\n",
        "digest/served.py": "import api.app\n",
    })
    assert layer_violations(root) == {
        "api/commands.py": ["cli"],
        "api/pages.py": ["ui"],
        "articles/test_helper.py": ["testkit"],
        "cli/ui_use.py": ["ui"],
        "digest/served.py": ["api"],
        "digest/up.py": ["cli"],
        "summarizer/sideways.py": ["translator"],
        "ui/commands.py": ["cli"],
        "ui/server.py": ["api"],
    }


def test_an_import_cycle_is_caught_lazy_imports_included(tmp_path):
    root = plant(tmp_path, {
        "digest/__init__.py": "",
        "digest/job.py": "from digest.steps import PLAIN\n",
        "digest/steps.py": "def f():\n    from digest import job\n",
        "digest/batch/__init__.py": "from .runner import run\n",
        "digest/batch/runner.py": "from digest.batch.engines import local\n",
        "digest/batch/engines.py": "from . import runner\n",
        "digest/typed.py": "from typing import TYPE_CHECKING\n"
                           "if TYPE_CHECKING:\n    from digest.lone import X\n",
        "digest/lone.py": "from digest.typed import Y\n",
    })
    assert import_cycles(root, "digest") == [
        ["digest.batch.engines", "digest.batch.runner"],
        ["digest.job", "digest.steps"],
    ]


def test_streamlit_outside_ui_and_app_is_caught(tmp_path):
    root = plant(tmp_path, {
        "ui/page.py": "import streamlit as st\n",
        "app.py": "import streamlit as st\n",
        "digest/cached.py": "def f():\n    from streamlit import cache_data\n",
        "testkit/server.py": "import streamlit.testing\n",
        "api/status.py": "def f():\n    import streamlit.runtime\n",
    })
    assert streamlit_importers(root) == [
        "api/status.py", "digest/cached.py", "testkit/server.py"]


def test_bench_or_testkit_importing_the_tests_is_caught(tmp_path):
    root = plant(tmp_path, {
        "bench/speed.py": "from tests.test_summarizer import ENGLISH\n",
        "testkit/helper.py": "import tests.conftest\n",
        "testkit/fine.py": "from testkit import tinypack\n",
    })
    assert importers_of_tests(root) == ["bench/speed.py", "testkit/helper.py"]
