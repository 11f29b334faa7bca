"""`python -m digest`: see digest/cli.py."""
import sys

from digest.cli import main

if __name__ == "__main__":
    sys.exit(main())
