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
    f"Article files (text, web pages, Word, PDF; up to {ARTICLE_MAX_MB} MB = "
    f"{ARTICLE_MAX_BYTES:,} bytes each, {MAX_FILES} at once)"
)
# The uploader's own "200MB per file" line would contradict the label: hidden.
STYLE = (
    "<style>[class*='st-key-files-'] [data-testid='stFileUploaderDropzoneInstructions']"
    "{display: none;} [data-testid='stElementContainer']:has(#nd-upload-failures:empty)"
    "{display: none;}</style>"
)
"""Also: no gap in the page's layout for the failures line while it is empty."""


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



# Counts, in the page, the files the browser could not send (they never reach the app, so
# Python cannot count them): the uploader marks each with its error ("Error: AxiosError:
# Network Error" when too many are sent at once; "... must be ... or smaller" when too
# large for the browser). st.html runs the script in the page itself (no frame, and not
# the deprecated components.html, which warned in the server's log on every run); it
# only writes text. Streamlit inserts it again on every run: one timer per page.
FAILURES_ID = "nd-upload-failures"
_BROWSER_FAILURES = """
<div id="__ID__" style="font: 14px sans-serif; color: #8a1f11;"></div>
<script>
(() => {
  function update() {
    const note = document.getElementById("__ID__");
    if (!note) return;
    let network = 0, large = 0, other = 0;
    document.querySelectorAll("[class*='st-key-files-'] [data-testid='stFileUploader'] *")
      .forEach((element) => {
        if (element.children.length) return;
        const text = (element.textContent || "").trim();
        if (/must be .* or smaller/i.test(text)) large += 1;
        else if (/^Error:.*network/i.test(text)) network += 1;
        else if (/^Error:/.test(text)) other += 1;
      });
    const total = network + large + other;
    const parts = [];
    if (network) parts.push(network + " could not be sent by the browser (too many at once)");
    if (large) parts.push(large + " too large for the browser (over __BROWSER_MB__ MB)");
    if (other) parts.push(other + " failed in the browser for another reason");
    const text = total
      ? total + (total === 1 ? " file" : " files") + " did not reach the app: " +
        parts.join("; ") + ". They are marked red in the upload box; remove them and add " +
        "them again in smaller batches."
      : "";
    if (note.textContent !== text) note.textContent = text;
  }
  if (!window.__ndUploadFailures) window.__ndUploadFailures = setInterval(update, 1000);
  update();
})();
</script>
"""


def browser_failures() -> None:
    """A line counting the files the browser failed to upload, and why (empty if none)."""
    st.html(
        _BROWSER_FAILURES.replace("__ID__", FAILURES_ID).replace(
            "__BROWSER_MB__", str(UPLOADER_MAX_MB)
        ),
        unsafe_allow_javascript=True,
    )
