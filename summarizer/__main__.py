"""`python -m summarizer`: see summarizer/cli.py."""
import sys

from summarizer.cli import main

if __name__ == "__main__":
    sys.exit(main())
