"""Large inputs are worked on in a worker process; small ones in the caller's thread."""
from __future__ import annotations

import os
import sys
import types

import pytest

from digest import offload


@pytest.fixture
def plain_main(monkeypatch):
    """A spawned worker re-imports the parent's __main__; under pytest (and after an
    AppTest run) that is not a module to import again, so give it a plain one."""
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def test_small_inputs_stay_in_process():
    assert offload.run_sized(10, os.getpid) == os.getpid()


def test_large_inputs_go_to_one_kept_worker_process(plain_main):
    first = offload.run_sized(offload.LARGE_BYTES, os.getpid)
    second = offload.run_sized(offload.LARGE_BYTES * 10, os.getpid)
    assert first != os.getpid() and second == first  # started once, then kept


def test_a_large_article_gives_the_same_result_in_the_worker(plain_main, monkeypatch):
    from digest import steps

    text = "Budget\n\n" + "The parliament approved the new budget after a long debate. " * 50
    here = steps.build("a.txt", text, "en", "utf-8")
    monkeypatch.setattr(offload, "LARGE_BYTES", 100)
    there = offload.run_sized(len(text), steps.build, "a.txt", text, "en", "utf-8")
    assert there == here
    summary = offload.run_sized(len(text), steps.summarize, there, "reduction", 2, None)
    assert [s.text for s in summary.sentences] == [
        s.text for s in steps.summarize(here, "reduction", 2, None).sentences
    ]


def test_every_file_that_is_not_plain_text_is_read_in_the_worker(plain_main):
    """A parser's worst case on a small hostile file must not hold the server's interpreter:
    web pages, Markdown, Word, OpenDocument and PDF files are read in the worker process."""
    from digest import steps
    from testkit import documents

    page = b"<!doctype html><html><body><p>" + b"The budget was approved. " * 20 + b"</p>"
    files = {
        "page.html": page, "page.txt": page, "notes.md": b"# Budget\n\nThe budget.",
        "a.docx": documents.docx_styled_paragraphs(3),
        "a.odt": documents.make_odt("<text:p>The budget was approved.</text:p>"),
        "a.pdf": documents.pdf_shared_streams(pages=1, repeats=1),
    }
    for name, data in files.items():
        assert offload.reading_size(data, name) >= offload.LARGE_BYTES, name
    plain = b"The budget was approved after a long debate."
    assert offload.reading_size(plain, "a.txt") == len(plain)
    size = offload.reading_size(files["a.docx"], "a.docx")
    there = offload.run_sized(size, steps.decode, files["a.docx"], "a.docx", None)
    assert there == steps.decode(files["a.docx"], "a.docx", None)
    assert offload.run_sized(size, os.getpid) != os.getpid()
