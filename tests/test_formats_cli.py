"""Both CLIs read every format the dashboard reads: Word, web pages, PDF (real files made here)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx

from tests.test_articles_reading import RU_PARAGRAPHS, RU_TITLE, make_pdf

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "The parliament approved the new budget on Monday after a long debate about taxes.",
    "Ministers said the plan would build forty new schools in the northern regions.",
    "The opposition voted against it and called the spending plan reckless and late.",
    "Teachers welcomed the money but asked for higher salaries before the next year.",
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_summarizer_and_translator_read_word_web_pages_and_pdf(tmp_path):
    word = tmp_path / "budget.docx"
    document = docx.Document()
    document.add_heading("Budget approved after a long debate", 1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(word)
    page = tmp_path / "budget.html"
    page.write_text(
        "<html><head><title>Budget approved</title></head><body><nav>Home | News | Sport</nav>"
        "<article><h1>Budget approved</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + "</article><footer>Copyright 2026 · Subscribe</footer></body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(make_pdf(RU_TITLE, RU_PARAGRAPHS, copies=3))

    split = run("-m", "cli", "split", str(word), str(page), str(pdf))
    assert split.returncode == 0, split.stderr
    blocks = split.stdout.split("\n\n==> ")
    assert len(blocks) == 3
    for block in blocks[:2]:
        assert PARAGRAPHS[1] in block
        assert "Home | News" not in block and "Copyright" not in block
    assert RU_PARAGRAPHS[0].split(".")[0] in blocks[2]
    assert "Page 1" not in blocks[2] and "Agency News" not in blocks[2]

    detected = run("-m", "cli", "detect", str(word), str(page), str(pdf))
    assert detected.returncode == 0, detected.stderr
    assert [line.split("\t")[0] for line in detected.stdout.splitlines()] == ["en", "en", "ru"]


def test_a_damaged_pdf_is_named_and_the_others_are_still_done(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    good = tmp_path / "good.txt"
    good.write_text("Budget\n\n" + " ".join(PARAGRAPHS), encoding="utf-8")
    result = run("-m", "cli", "summarize", "--sentences", "1", str(broken), str(good))
    assert result.returncode == 1
    assert result.stderr.startswith(f"news-digest: {broken}: ")
    assert "Traceback" not in result.stderr
    assert PARAGRAPHS[0] in result.stdout or PARAGRAPHS[1] in result.stdout
