"""Deletes that hold: nothing read before a delete comes back, and every delete leaves no
byte of the article in the library's files (after "Read as", a crash between the commit
and the scrub, a reader holding the log, a full disk)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from digest.job import Upload, read_upload
from digest.library import paths
from digest.library import store as store_module
from digest.library.keeping import delete_for_good, keep
from digest.library.store import (
    SCRUB_WAIT,
    DeletedMeanwhile,
    Library,
    LibraryError,
    forget_checks,
    open_library,
)

CODEWORD = "Квазиборщевик"
RUSSIAN = (
    "Переговоры в Астане\n\n"
    f"Во вторник начались переговоры. {CODEWORD} обсуждали весь день.\n\n"
    "Стороны договорились продолжить встречу."
)
TRANSLATED = "Zqxborshchevik"  # a distinctive word of a translation


@pytest.fixture
def library(data_dir):
    forget_checks()
    return Library(paths.database_path())


def words_left(folder, words):
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in words:
                for encoding in ("utf-8", "cp1251", "koi8-r", "utf-16-le"):
                    if word.encode(encoding) in data:
                        found.append((path.name, word, encoding))
    return found


def article(number: int) -> Upload:
    text = f"Статья {number}\n\nДелегаты {number} обсуждали. Переговоры {number} идут."
    return Upload(f"{number}.txt", text.encode("utf-8"))


# ---- 1. nothing read before a delete comes back ------------------------------------------


def test_a_stale_session_and_a_batch_cannot_bring_back_what_delete_everything_erased(
    library, data_dir
):
    results = [read_upload(article(number), "ru") for number in range(11)]
    results[3] = read_upload(Upload("a.txt", RUSSIAN.encode("utf-8")), "ru")
    for result in results:
        keep(library, result)
    stale_since = library.generation().number  # what the other tab read its desk under
    batch = open_library()  # a batch run opened the library before the delete
    deleted = threading.Event()
    stop = threading.Event()
    refused = {"tab": 0, "batch": 0}
    kept_after = []

    def stale_tab():
        tab = open_library()
        while not stop.is_set():
            for result in results:
                try:
                    article_id = keep(tab, result, since=stale_since)
                    tab.put_on_desk([article_id], since=stale_since)
                    if deleted.is_set():
                        kept_after.append(article_id)
                except DeletedMeanwhile:
                    refused["tab"] += 1

    def batch_run():
        number = 100
        while not stop.is_set():
            number += 1
            try:
                keep(batch, results[number % len(results)])
            except DeletedMeanwhile:
                refused["batch"] += 1

    workers = [threading.Thread(target=stale_tab), threading.Thread(target=batch_run)]
    for worker in workers:
        worker.start()
    time.sleep(0.5)
    open_library().delete_everything()
    deleted.set()
    time.sleep(1.0)
    stop.set()
    for worker in workers:
        worker.join()
    after = open_library()
    assert after.count() == 0 and after.desk() == []
    assert kept_after == []
    assert refused["tab"] > 0 and refused["batch"] > 0
    after.scrub()
    assert words_left(data_dir, [CODEWORD]) == []


def test_a_new_upload_after_delete_everything_is_kept(library):
    result = read_upload(article(1), "ru")
    keep(library, result)
    open_library().delete_everything()
    fresh = open_library()  # the reader's new choice: read after the delete
    assert keep(fresh, result, since=fresh.generation().number) is not None
    assert fresh.count() == 1


def test_the_deleting_holder_itself_may_keep_again(library):
    first = keep(library, read_upload(article(1), "ru"))
    library.delete(first)
    assert keep(library, read_upload(article(2), "ru")) is not None


# ---- 2. every delete is for good ----------------------------------------------------------


def test_after_read_as_the_translations_of_the_sentences_as_read_are_deleted(library, data_dir):
    upload = Upload("peregovory.txt", RUSSIAN.encode("cp1251"))
    keep(library, read_upload(upload, "ru"))
    as_read = read_upload(upload, "ru", encoding="koi8-r")  # the reader chose "Read as KOI8-R"
    article_id = keep(library, as_read)
    sentences = [sentence.text for sentence in as_read.article.sentences]
    library.remember([(s, f"{TRANSLATED} {i}") for i, s in enumerate(sentences)], "ru", "en", "m")
    assert words_left(data_dir, [TRANSLATED])
    assert delete_for_good(library, article_id)
    assert library.recall(sentences, "ru", "en", "m") == {}
    assert words_left(data_dir, [TRANSLATED, CODEWORD, "квазиборщев"]) == []


CRASH = """
import os, sqlite3, sys
from digest.library import store
from digest.library.keeping import delete_for_good
library = store.open_library()
other = sqlite3.connect(library.path)  # another session's connection: no checkpoint at close
other.execute("SELECT count(*) FROM articles").fetchone()
store.Library.scrub = lambda self, wait=0: os._exit(9)  # killed between commit and scrub
delete_for_good(library, int(sys.argv[1]))
"""


def test_a_crash_between_the_commit_and_the_scrub_is_scrubbed_at_the_next_start(
    library, data_dir
):
    article_id = keep(library, read_upload(Upload("a.txt", RUSSIAN.encode("utf-8")), "ru"))
    keep(library, read_upload(article(2), "ru"))
    library.scrub()
    child = subprocess.run([sys.executable, "-c", CRASH, str(article_id)], timeout=120)
    assert child.returncode == 9
    assert words_left(data_dir, [CODEWORD])  # killed before the scrub: still in the files
    with sqlite3.connect(f"{library.path.as_uri()}?mode=ro", uri=True) as db:
        assert db.execute("SELECT value FROM state WHERE key = 'scrub'").fetchone() == (2,)
    forget_checks()  # the next start
    again = open_library()
    assert words_left(data_dir, [CODEWORD, "квазиборщев"]) == []
    assert again.get(article_id) is None and again.count() == 1
    with sqlite3.connect(again.path) as db:
        assert db.execute("SELECT value FROM state WHERE key = 'scrub'").fetchone() == (0,)


def test_a_reader_holding_the_log_does_not_make_a_delete_hang_and_the_words_go_after(
    library, data_dir
):
    article_id = keep(library, read_upload(Upload("a.txt", RUSSIAN.encode("utf-8")), "ru"))
    keep(library, read_upload(article(2), "ru"))
    reader = sqlite3.connect(library.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM articles").fetchone()  # holds its snapshot
    try:
        started = time.monotonic()
        done = delete_for_good(library, article_id)
        took = time.monotonic() - started
        assert done and "reading" in done.left
        assert took < SCRUB_WAIT + 5
    finally:
        reader.execute("COMMIT")
        reader.close()
    open_library()  # the next opportunity: any opening of the library in this process
    assert words_left(data_dir, [CODEWORD, "квазиборщев"]) == []
    assert library.get(article_id) is None


def test_a_full_disk_during_the_scrub_says_deleted_and_erases_later(
    library, data_dir, monkeypatch
):
    article_id = keep(library, read_upload(Upload("a.txt", RUSSIAN.encode("utf-8")), "ru"))
    keep(library, read_upload(article(2), "ru"))

    def full(db):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module, "_vacuum", full)
    done = delete_for_good(library, article_id)
    assert done.deleted == 1 and "disk is full" in done.left
    assert library.get(article_id) is None
    monkeypatch.undo()  # space was freed
    forget_checks()
    open_library()  # the next start finishes the scrub
    assert words_left(data_dir, [CODEWORD, "квазиборщев"]) == []


def test_a_full_disk_during_the_delete_says_nothing_was_deleted_and_nothing_was(
    library, monkeypatch
):
    article_id = keep(library, read_upload(Upload("a.txt", RUSSIAN.encode("utf-8")), "ru"))

    def full(self, db, everything):
        db.execute("DELETE FROM desk")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Library, "_deleted", full)
    with pytest.raises(LibraryError, match="Nothing was deleted.*disk is full"):
        library.delete(article_id)
    with pytest.raises(LibraryError, match="Nothing was deleted"):
        library.delete_everything()
    monkeypatch.undo()
    assert library.get(article_id) is not None
    assert library.text(article_id) == RUSSIAN


# ---- 3. a damaged or special file is never written ------------------------------------------


def damage(library):
    for number in range(40):
        library.add(f"{number}.txt", f"{RUSSIAN} {number}".encode() * 20,
                    f"{RUSSIAN} {number}" * 20, detected="ru")  # fmt: skip
    library.scrub()
    data = bytearray(library.path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    library.path.write_bytes(bytes(data))
    return bytes(data)


def run(*args, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], capture_output=True, text=True,
        timeout=timeout, env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_a_damaged_library_is_refused_before_anything_is_written(library):
    data = damage(library)
    forget_checks()
    with pytest.raises(LibraryError, match="damaged"):
        Library(library.path).add("new.txt", b"new", "New words", detected="en")
    with pytest.raises(LibraryError, match="damaged"):  # remembered, not checked again
        Library(library.path)
    assert library.path.read_bytes() == data


def test_batch_refuses_library_on_a_damaged_file_with_one_line(library, tmp_path):
    data = damage(library)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(3):
        (inputs / f"{number}.txt").write_text(f"Title {number}\n\nSome words {number} here.")
    listed = run("library", "list")
    assert listed.returncode != 0 and "left untouched" in listed.stderr
    batch = run("batch", str(inputs), "--out", str(tmp_path / "out"), "--library")
    assert batch.returncode != 0
    lines = batch.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and "unexpected" not in lines[0]
    assert library.path.read_bytes() == data


def test_a_fifo_at_the_library_path_is_refused_at_once(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    os.mkfifo(paths.database_path())
    started = time.monotonic()
    listed = run("library", "list", timeout=60)
    assert time.monotonic() - started < 30
    assert listed.returncode != 0
    (line,) = listed.stderr.strip().splitlines()
    assert "not a regular file" in line and "named pipe" in line
    forget_checks()
    with pytest.raises(LibraryError, match="not a regular file"):
        Library(paths.database_path())
