"""`python -m cli`: the `news-digest` command from the project folder (cli/main.py)."""
import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
