"""The reader's library: kept once, found in any form of a word, deleted for good."""
from __future__ import annotations

import multiprocessing
import sqlite3
import sys
import threading
import types
from datetime import date, timedelta

import pytest

from digest.library import paths
from digest.library.memory import remembering
from digest.library.store import (
    SCHEMA_VERSION,
    Library,
    LibraryError,
    _statements,
    forget_checks,
)

RUSSIAN = (
    "Переговоры в Астане\n\n"
    "Во вторник начались переговоров между делегациями. Квазиборщевик обсуждали весь день.\n\n"
    "Стороны договорились продолжить встречу."
)
ENGLISH = (
    "Trade talks\n\nThe ministers negotiated a new agreement on transit. "
    "Zanzibarquox tariffs were not discussed."
)
KAZAKH = "Келіссөздер\n\nҚазақстан мен Өзбекстан келіссөздер жүргізді. Сарыарқажолы ашылды."


@pytest.fixture
def library(data_dir):
    forget_checks()
    return Library(paths.database_path())


def add(library, name, text, language, encoding="utf-8"):
    return library.add(
        name, text.encode(encoding), text, encoding=encoding, title=text.split("\n")[0],
        detected=language,
    )  # fmt: skip


def raw_bytes(folder):
    return {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_data_folder_is_news_digest_data_or_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_DIGEST_DATA", str(tmp_path / "here"))
    assert paths.database_path() == tmp_path / "here" / "library.sqlite3"
    monkeypatch.delenv("NEWS_DIGEST_DATA")
    assert paths.data_dir().name == "news-digest"


def test_an_article_is_kept_once_by_content_with_its_original_bytes(library):
    first = add(library, "a.txt", RUSSIAN, "ru", "cp1251")
    again = add(library, "renamed.txt", RUSSIAN, "ru", "cp1251")
    assert first == again
    assert library.count() == 1
    name, data = library.original(first)
    assert (name, data) == ("a.txt", RUSSIAN.encode("cp1251"))
    stored = library.get(first)
    assert (stored.title, stored.language) == ("Переговоры в Астане", "ru")
    assert stored.encoding == "cp1251"
    assert library.text(first) == RUSSIAN


def test_listing_filters_by_language_and_date(library):
    add(library, "ru.txt", RUSSIAN, "ru")
    add(library, "en.txt", ENGLISH, "en")
    assert [a.name for a in library.articles()] == ["en.txt", "ru.txt"]
    assert [a.name for a in library.articles(languages=["ru"])] == ["ru.txt"]
    today = date.today()
    assert library.count(since=today, until=today) == 2
    assert library.count(since=today + timedelta(days=1)) == 0
    assert library.count(until=today - timedelta(days=1)) == 0
    assert set(library.languages()) == {"ru", "en"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("переговоры", "ru.txt"),  # the text says "переговоров"
        ("ПЕРЕГОВОРАМИ", "ru.txt"),
        ("negotiations", "en.txt"),  # the text says "negotiated"
        ("agreements transit", "en.txt"),
        ("келіссөздер", "kk.txt"),  # no Kazakh stemmer: the word as it is
    ],
)
def test_search_finds_other_forms_of_a_word(library, query, expected):
    add(library, "ru.txt", RUSSIAN, "ru")
    add(library, "en.txt", ENGLISH, "en")
    add(library, "kk.txt", KAZAKH, "kk")
    assert [hit.article.name for hit in library.search(query)] == [expected]


def test_search_needs_every_word_and_respects_the_filters(library):
    add(library, "ru.txt", RUSSIAN, "ru")
    add(library, "en.txt", ENGLISH, "en")
    assert library.search("negotiations Astana") == []
    assert library.search("переговоры", languages=["en"]) == []
    assert library.search("переговоры", since=date.today() + timedelta(days=1)) == []
    assert library.search("келіссөз") == []  # a Kazakh word is not cut short
    assert library.search('" OR * NEAR( -') == []  # query syntax is taken as words


def test_a_snippet_marks_the_matching_words(library):
    add(library, "ru.txt", RUSSIAN, "ru")
    (hit,) = library.search("переговоры")
    marked = [text for text, matched in hit.snippet.parts if matched]
    assert marked == ["Переговоры", "переговоров"]
    assert "Во вторник начались" in hit.snippet.text


def test_changing_the_language_reindexes_the_article(library):
    article = add(library, "en.txt", ENGLISH, "und")
    assert library.search("negotiations") == []
    library.set_language(article, "en")
    assert [hit.article.id for hit in library.search("negotiations")] == [article]


def words_left(folder, words):
    found = []
    for name, data in raw_bytes(folder).items():
        for word in words:
            for encoding in ("utf-8", "cp1251", "utf-16-le"):
                if word.encode(encoding) in data:
                    found.append((name, word, encoding))
    return found


def test_a_deleted_article_leaves_no_word_in_any_file(library, data_dir):
    doomed = add(library, "ru.txt", RUSSIAN, "ru", "cp1251")
    add(library, "en.txt", ENGLISH, "en")
    library.put_on_desk([doomed])
    library.remember([("Во вторник начались переговоров.", "Квазиборщевик talks")], "ru", "en", "m")
    sentences = ["Во вторник начались переговоров."]
    for round_ in range(3):  # the index has several segments
        add(library, f"filler{round_}.txt", f"Filler {round_}\n\nSome words {round_} here.", "en")
    assert words_left(data_dir, ["Квазиборщевик"])
    assert library.delete(doomed, sentences)
    # the distinctive word, its stem, and the original in Windows-1251
    assert words_left(data_dir, ["Квазиборщевик", "квазиборщев"]) == []
    assert library.get(doomed) is None and library.desk() == []
    assert [hit.article.name for hit in library.search("negotiations")] == ["en.txt"]
    assert library.search("квазиборщевик") == []


def test_delete_everything_leaves_no_word_in_any_file(library, data_dir):
    add(library, "ru.txt", RUSSIAN, "ru")
    add(library, "en.txt", ENGLISH, "en")
    library.delete_everything()
    assert library.count() == 0
    words = ["Квазиборщевик", "квазиборщев", "Zanzibarquox", "zanzibarquox"]
    assert words_left(data_dir, words) == []


def test_the_desk_keeps_its_order_and_loses_one_article(library):
    ru, en = add(library, "ru.txt", RUSSIAN, "ru"), add(library, "en.txt", ENGLISH, "en")
    library.put_on_desk([ru, en, ru])
    assert [a.name for a in library.desk()] == ["ru.txt", "en.txt"]
    library.take_off_desk(ru)
    assert [a.name for a in library.desk()] == ["en.txt"]
    assert library.get(ru) is not None  # still in the library


def test_the_translation_memory_translates_each_sentence_once(library):
    calls = []

    def translate(sentences, source, target, prefer_model=False):
        calls.append(sentences)
        return tuple(s.upper() for s in sentences)

    remembered = remembering(translate, lambda: library, model=lambda s, t, p: "pack@1.0")
    assert remembered(("один", "два"), "ru", "en") == ("ОДИН", "ДВА")
    assert remembered(("два", "три", "один"), "ru", "en") == ("ДВА", "ТРИ", "ОДИН")
    assert calls == [("один", "два"), ("три",)]
    newer = remembering(translate, lambda: library, model=lambda s, t, p: "pack@2.0")
    newer(("один",), "ru", "en")
    assert calls[-1] == ("один",)  # a new model version translates afresh


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(data_dir):
    data_dir.mkdir()
    path = data_dir / "library.sqlite3"
    path.write_bytes(b"my shopping list\n" * 100)
    with pytest.raises(LibraryError, match="not a News Digest library"):
        Library(path)
    assert path.read_bytes() == b"my shopping list\n" * 100


def test_another_programs_database_is_refused_and_left_untouched(data_dir):
    data_dir.mkdir()
    path = data_dir / "library.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE photos (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another program"):
        Library(path)
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_and_left_untouched(library, data_dir):
    for number in range(40):
        add(library, f"{number}.txt", f"{RUSSIAN} {number}" * 20, "ru")
    library.scrub()
    path = library.path
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)  # pages in the middle overwritten
    path.write_bytes(bytes(data))
    forget_checks()
    with pytest.raises(LibraryError, match="damaged"):
        reopened = Library(path)  # SQLite notices a damaged page when it reads it
        reopened.articles()
        reopened.search("переговоры")
        reopened.add("new.txt", b"new", "New words", detected="en")
    assert path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_version_is_refused(library):
    with sqlite3.connect(library.path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    forget_checks()
    with pytest.raises(LibraryError, match="newer"):
        Library(library.path)


def test_an_empty_database_file_is_brought_to_the_current_schema(data_dir):
    data_dir.mkdir()
    path = data_dir / "library.sqlite3"
    sqlite3.connect(path).close()  # a zero-byte file, as a crash during creation leaves
    Library(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _write_articles(path, worker, count):
    forget_checks()
    library = Library(path)
    for number in range(count):
        library.add(
            f"{worker}-{number}.txt", f"w{worker} n{number}".encode(), f"Worker {worker} {number}",
            detected="en",
        )  # fmt: skip
        library.put_on_desk([number + 1])


def test_threads_write_at_once_without_losing_an_article(library):
    threads = [
        threading.Thread(target=_write_articles, args=(library.path, worker, 15))
        for worker in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert library.count() == 60
    assert len(library.search("worker")) == 50  # the default limit


def test_processes_write_at_once_without_losing_an_article(library, monkeypatch):
    # A spawned child re-imports the parent's __main__; after an AppTest run in this process
    # that is Streamlit's generated script, so give the children a plain one.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_articles, args=(library.path, worker, 10))
        for worker in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0]
    assert library.count() == 30


@pytest.mark.parametrize(
    ("text", "language", "query", "marked"),
    [
        ("Title\n\nNobody came. They were happy at last.", "en", "happiness", ["happy"]),
        ("Праздник\n\nВ центре поставили ёлку. Ёлки стоят везде.", "ru", "елка", ["ёлку", "Ёлки"]),
        ("Жаңалық\n\n" + "Басқа сөз. " * 80 + "Келіссөздер басталды.", "kk", "келіссөздер",
         ["Келіссөздер"]),
    ],
)
def test_snippets_find_the_matching_words_wherever_they_are(library, text, language, query, marked):
    add(library, "a.txt", text, language)
    (hit,) = library.search(query)
    assert [part for part, matched in hit.snippet.parts if matched] == marked


def test_deleting_a_translated_article_erases_its_translations_from_disk(library, data_dir):
    from digest.job import Upload, add_translation, analyse
    from digest.library.keeping import delete_for_good, keep
    from digest.library.memory import with_memory
    from digest.settings import SummarySettings, TranslationSettings
    from digest.steps import PLAIN

    def translate(sentences, source, target, prefer_model=False):
        return tuple(f"Zorblatt {sentence[::-1]}" for sentence in sentences)

    steps = with_memory(
        PLAIN.__class__(translate=translate, can_translate=lambda s, t: True), lambda: library
    )
    result = analyse(Upload("ru.txt", RUSSIAN.encode("cp1251")), SummarySettings())
    article_id = keep(library, result)
    translated = add_translation(result, TranslationSettings("en", whole_article=True), steps)
    assert len(translated.translations) == len(result.article.sentences)
    assert words_left(data_dir, ["Zorblatt"])
    assert delete_for_good(library, article_id)
    assert words_left(data_dir, ["Zorblatt", "Квазиборщевик"]) == []


def test_a_library_locked_by_a_long_writer_is_a_message_not_a_hang(library, monkeypatch):
    from digest.library import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    blocker = sqlite3.connect(library.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LibraryError, match="cannot be used now: database is locked"):
            add(library, "en.txt", ENGLISH, "en")
        assert library.count() == 0  # readers are not blocked by the writer
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    add(library, "en.txt", ENGLISH, "en")
    assert library.count() == 1


def test_a_migration_splits_where_sqlite_says_a_statement_ends():
    """A ";" inside a string, a comment or a trigger's body does not end a statement."""
    script = """
    CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('one; two');
    -- a comment; with a semicolon
    CREATE TRIGGER copied AFTER INSERT ON notes BEGIN
        INSERT INTO notes SELECT 'copy; ' || NEW.text WHERE NEW.text NOT LIKE 'copy%';
    END;
    INSERT INTO notes VALUES ('three')
    """
    statements = _statements(script)
    assert len(statements) == 4
    db = sqlite3.connect(":memory:")
    for statement in statements:
        db.execute(statement)
    assert sorted(row[0] for row in db.execute("SELECT text FROM notes")) == [
        "copy; three", "one; two", "three",  # the trigger came after the first insert
    ]


def test_the_size_survives_a_wal_file_removed_while_it_is_counted(library, monkeypatch):
    """SQLite removes -wal when its last connection closes: another thread may do so between
    listing the files and reading their sizes (a Library page once failed on it)."""
    add(library, "talks.txt", ENGLISH, "en")
    whole = library.size()
    gone = library.path.with_name(library.path.name + "-gone-wal")
    listed = library.files()
    monkeypatch.setattr(Library, "files", lambda self: [*listed, gone])
    assert library.size() == whole > 0
