"""The dashboard's reading steps keep one object per content (issue #18, big files).

st.cache_data hashed a 20 MB text and unpickled a copy of its article at every call, so
every rerun with a big article on the desk cost seconds. The reading steps now hand back
the very object they made, found by a fingerprint computed once per object; only a new
content, encoding or setting computes anything.
"""
from __future__ import annotations

import pytest

from digest import steps as plain
from ui import pipeline

TEXT = ("Заголовок\n\n" + " ".join(
    f"Правительство объявило о плане номер {n}: строительство {n % 7 + 2} школ в районе {n}. "
    f"Работы начнутся весной {2000 + n % 30} года, сообщил министр."
    for n in range(2000)
)).encode("utf-8")


@pytest.fixture
def calls(monkeypatch):
    made = {"decode": 0, "build": 0, "summarize": 0}

    def counting(name, function):
        def counted(*args, **kwargs):
            made[name] += 1
            return function(*args, **kwargs)
        return counted

    monkeypatch.setattr(plain, "decode", counting("decode", plain.decode))
    monkeypatch.setattr(plain, "build", counting("build", plain.build))
    monkeypatch.setattr(plain, "summarize", counting("summarize", plain.summarize))
    return made


def rerun(data: bytes, sentences: int = 3):
    decoded = pipeline.decode(data, "report.txt")
    detected = pipeline.detect(decoded.text)
    article = pipeline.build("report.txt", decoded.text, detected.main.code, decoded.encoding)
    summary = pipeline.summarize_article(article, "reduction", sentences, None)
    return decoded, detected, article, summary


def test_a_rerun_gets_the_same_objects_and_computes_nothing(calls):
    first = rerun(TEXT)
    second = rerun(bytes(TEXT))  # the uploader hands a new bytes object at every rerun
    assert all(a is b for a, b in zip(first, second, strict=True))
    assert calls == {"decode": 1, "build": 1, "summarize": 1}


def test_only_the_changed_step_runs_again(calls):
    first = rerun(TEXT)
    longer = rerun(TEXT, sentences=5)
    assert longer[2] is first[2]  # the same article, not built again
    assert len(longer[3].sentences) == 5
    assert calls == {"decode": 1, "build": 1, "summarize": 2}


def test_another_content_is_read_anew(calls):
    rerun(TEXT)
    rerun(TEXT + "Ещё одно предложение.".encode())
    assert calls["decode"] == 2
