"""`python -m translator`: see translator.cli."""
import sys

from translator.cli import main

if __name__ == "__main__":
    sys.exit(main())
