"""Run every benchmark in turn: `python -m bench`.

Each benchmark is also runnable alone (`python -m bench.NAME`); they read the
development data in ../shared/data and print tables for the README.
"""
import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    names = sorted(
        info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not info.name.startswith("_")
    )
    failed = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "main"):
            continue  # a helper module (bench.data, bench.document_files), not a benchmark
        print(f"\n## bench.{name}\n", flush=True)
        try:
            result = module.main()
        except SystemExit as exit_:
            result = exit_.code
        if result not in (None, 0):
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
