"""Lazy package exports (PEP 562): `import package` stays cheap, a name loads on first use.

Every package of the project exports its public names this way, so that a command can
`from summarizer import summarize` without paying for sumy and nltk before it needs them.
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_exports(
    package: str, exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`; `exports` maps each module to the names it gives.

    Nothing is cached in the package: the value is read from its module each time, so a
    test that patches the module's function patches what the package hands out.
    """

    module_of = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(module_of))

    return __getattr__, __dir__
