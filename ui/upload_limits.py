"""How many and how large article files the dashboard takes, and what it says about the rest.

One number per limit, shown in the uploader's label, enforced here and in digest.job, and
stated in docs/limits.md. The browser is not left to enforce the size: Streamlit's uploader
refuses larger files in the browser, silently for the page and with its own idea of a
megabyte, so it is allowed up to UPLOADER_MAX_MB and our code refuses anything over
ARTICLE_MAX_BYTES by name. Beyond MAX_FILES the browser's uploads start failing (2,000 files:
526 failed), so the page reads at most MAX_FILES and says how many it left out.
"""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from digest.job import ARTICLE_MAX_BYTES, ARTICLE_MAX_MB, Upload

MAX_FILES = 500
"""Articles read in one go; more are listed as not read."""
UPLOADER_MAX_MB = 8 * ARTICLE_MAX_MB
"""What the browser lets through: over ARTICLE_MAX_BYTES, our code refuses the file by name."""
LABEL = (
    f"Article files (.txt, .md, .text; up to {ARTICLE_MAX_MB} MB = {ARTICLE_MAX_BYTES:,} bytes "
    f"each, {MAX_FILES} at once)"
)
# The uploader's own "200MB per file" line would contradict the label: hidden.
STYLE = (
    "<style>[class*='st-key-files-'] [data-testid='stFileUploaderDropzoneInstructions']"
    "{display: none;}</style>"
)


def capped(uploads: Sequence[Upload]) -> list[Upload]:
    """The first MAX_FILES uploads; a warning on the page counts the others."""
    if len(uploads) <= MAX_FILES:
        return list(uploads)
    left = len(uploads) - MAX_FILES
    st.warning(
        f"{len(uploads):,} files received: only the first {MAX_FILES} are read at once, "
        f"{left:,} were not read (too many files). Use Clear all, then add them in batches "
        f"of up to {MAX_FILES}.",
        icon=":material/warning:",
    )
    return list(uploads[:MAX_FILES])

