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



# Counts, in the page, the files the browser could not send (they never reach the app, so
# Python cannot count them): the uploader marks each with its error ("Error: AxiosError:
# Network Error" when too many are sent at once; "... must be ... or smaller" when too
# large for the browser). The frame reads its own page (same origin) and only writes text.
_BROWSER_FAILURES = """
<div id="note" style="font: 14px sans-serif; color: #8a1f11;"></div>
<script>
const frame = window.frameElement;
function update() {
  const page = window.parent.document;
  let network = 0, large = 0, other = 0;
  page.querySelectorAll("[class*='st-key-files-'] [data-testid='stFileUploader'] *")
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
  document.getElementById("note").textContent = total
    ? total + (total === 1 ? " file" : " files") + " did not reach the app: " +
      parts.join("; ") + ". They are marked red in the upload box; remove them and add " +
      "them again in smaller batches."
    : "";
  resize(total ? document.getElementById("note").scrollHeight + 8 : 0);
}
function resize(height) {
  // The frame and the containers Streamlit wraps it in (up to its element container).
  let element = frame;
  for (let level = 0; element && level < 4; level += 1) {
    element.style.height = height + "px";
    if (element.getAttribute("data-testid") === "stElementContainer") {
      element.style.display = height ? "" : "none";  // no empty gap in the page's layout
      break;
    }
    element = element.parentElement;
  }
}
update();
setInterval(update, 1000);
</script>
"""


def browser_failures() -> None:
    """A line counting the files the browser failed to upload, and why (empty if none)."""
    import streamlit.components.v1 as components

    components.html(
        _BROWSER_FAILURES.replace("__BROWSER_MB__", str(UPLOADER_MAX_MB)), height=0
    )
