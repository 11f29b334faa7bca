"""The reader's settings, kept in the library per profile of this computer."""
from __future__ import annotations

import sqlite3

import pytest

from digest.library import paths
from digest.library.store import MIGRATIONS, SCHEMA_VERSION, Library, forget_checks


@pytest.fixture
def library(data_dir):
    forget_checks()
    return Library(paths.database_path())


def test_a_profile_without_settings_has_none(library):
    assert library.preferences() == {}
    assert library.preferences("laptop") == {}


def test_settings_come_back_after_the_library_is_opened_again(library):
    values = {"target": "en", "length_sentences": 4, "algorithm": "textrank", "whole": True}
    library.save_preferences(values)
    forget_checks()  # as a new process would
    again = Library(paths.database_path())
    assert again.preferences() == values
    assert again.preferences("default") == values


def test_saving_replaces_the_profiles_settings_and_leaves_the_others(library):
    library.save_preferences({"target": "ru", "whole": False})
    library.save_preferences({"target": "kk"}, profile="guest")
    library.save_preferences({"target": "en"})
    assert library.preferences() == {"target": "en"}  # replaced, not merged
    assert library.preferences("guest") == {"target": "kk"}


def test_unicode_and_nested_values_survive(library):
    values = {"name": "Қазақша — русский", "ratio": 0.25, "languages": ["kk", "ru"], "x": None}
    library.save_preferences(values)
    assert library.preferences() == values


def test_values_that_are_not_json_are_refused_and_nothing_changes(library):
    library.save_preferences({"target": "en"})
    with pytest.raises(TypeError):
        library.save_preferences({"when": object()})
    assert library.preferences() == {"target": "en"}


def test_settings_survive_delete_everything(library):
    library.add("a.txt", b"Title\n\nText.", "Title\n\nText.", detected="en")
    library.save_preferences({"target": "en"})
    library.delete_everything()
    assert library.count() == 0
    assert library.preferences() == {"target": "en"}


def test_a_library_of_the_first_schema_gains_the_settings_table(data_dir):
    path = paths.database_path()
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO articles (sha256, name, original, text, added, opened) "
               "VALUES ('x', 'a.txt', x'00', 'text', '2024-01-01T00:00:00+00:00', "
               "'2024-01-01T00:00:00+00:00')")
    db.execute("PRAGMA application_id = 1313098818")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    forget_checks()
    library = Library(path)
    assert library.count() == 1  # the article kept
    assert library.preferences() == {}
    library.save_preferences({"target": "ru"})
    assert library.preferences() == {"target": "ru"}
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
