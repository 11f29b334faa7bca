"""How many and how large article files the dashboard takes, and what it says about the rest.

One number per limit, shown in the uploader's label, enforced here and in digest.job, and
stated in docs/limits.md. The browser is not left to enforce the size: Streamlit's uploader
refuses larger files in the browser, silently for the page and with its own idea of a
megabyte, so it is allowed up to UPLOADER_MAX_MB and our code refuses anything over
ARTICLE_MAX_BYTES by name. Beyond MAX_FILES the browser's uploads start failing (2,000 files:
526 failed), so the page reads at most MAX_FILES and says how many it left out.
"""
from __future__ import annotations

import json
from collections.abc import Sequence

import streamlit as st

from digest.job import ARTICLE_MAX_BYTES, ARTICLE_MAX_MB, Upload
from ui.i18n import _, number

MAX_FILES = 500
"""Articles read in one go; more are listed as not read."""
UPLOADER_MAX_MB = 8 * ARTICLE_MAX_MB
"""What the browser lets through: over ARTICLE_MAX_BYTES, our code refuses the file by name."""
LABEL = (
    f"Article files (text, web pages, Word, PDF; up to {ARTICLE_MAX_MB} MB = "
    f"{ARTICLE_MAX_BYTES:,} bytes each, {MAX_FILES} at once)"
)


def label() -> str:
    """The uploader's label in the interface language (LABEL in English)."""
    return _(
        "Article files (text, web pages, Word, PDF; up to {megabytes} MB = {bytes} bytes "
        "each, {files} at once)"
    ).format(megabytes=ARTICLE_MAX_MB, bytes=number(ARTICLE_MAX_BYTES), files=MAX_FILES)


# The uploader's own "200MB per file" line would contradict the label: hidden.
STYLE = (
    "<style>[class*='st-key-files-'] [data-testid='stFileUploaderDropzoneInstructions']"
    "{display: none;} [data-testid='stElementContainer']:has(#nd-upload-failures:empty)"
    "{display: none;}</style>"
)
"""Also: no gap in the page's layout for the failures line while it is empty."""


def style() -> str:
    """STYLE, and the uploader's own "Upload" button in the interface language (Streamlit
    writes it in English: the word is replaced in the page's stylesheet)."""
    word = _("Upload")
    if word == "Upload":
        return STYLE
    button = (
        "[class*='st-key-files-'] [data-testid='stFileUploaderDropzone'] button "
        "[data-testid='stMarkdownContainer'] p"
    )
    return STYLE + (
        f"<style>{button} {{font-size: 0;}} {button}::after {{content: "
        f"{json.dumps(word, ensure_ascii=False)}; font-size: 0.875rem;}}</style>"
    )


def capped(uploads: Sequence[Upload]) -> list[Upload]:
    """The first MAX_FILES uploads; a warning on the page counts the others."""
    if len(uploads) <= MAX_FILES:
        return list(uploads)
    left = len(uploads) - MAX_FILES
    st.warning(
        _("{received} files received: only the first {limit} are read at once, {left} were "
          "not read (too many files). Use Clear all, then add them in batches of up to "
          "{limit}.").format(received=number(len(uploads)), limit=MAX_FILES, left=number(left)),
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
    const words = __TEXTS__;
    const parts = [];
    if (network) parts.push(words.network.replace("{count}", network));
    if (large) parts.push(words.large.replace("{count}", large));
    if (other) parts.push(words.other.replace("{count}", other));
    const text = total
      ? (total === 1 ? words.one : words.many).replace("{count}", total)
        .replace("{reasons}", parts.join("; "))
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
    texts = {  # the script's words, in the interface language ({count} filled in there)
        "network": _("{count} could not be sent by the browser (too many at once)"),
        "large": _("{count} too large for the browser (over {megabytes} MB)").replace(
            "{megabytes}", str(UPLOADER_MAX_MB)
        ),
        "other": _("{count} failed in the browser for another reason"),
        "one": _("{count} file did not reach the app: {reasons}. It is marked red in the "
                 "upload box; remove it and add it again."),
        "many": _("{count} files did not reach the app: {reasons}. They are marked red in the "
                  "upload box; remove them and add them again in smaller batches."),
    }
    st.html(
        _BROWSER_FAILURES.replace("__ID__", FAILURES_ID).replace(
            "__TEXTS__", json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
        ),
        unsafe_allow_javascript=True,
    )
