"""Delete everything in one browser session: every other open session drops its desk and
keeps nothing of it again (AppTest sessions on one data folder)."""
from __future__ import annotations

from digest.library import open_library
from tests.test_library_deletes import words_left
from tests.test_ui_dashboard import card_labels
from tests.test_ui_library import (
    CODEWORD,
    RUSSIAN_TALKS,
    click,
    fresh_caches,  # noqa: F401 (an autouse fixture)
    library_page,
    read_two,
    start,
    upload,
)


def test_delete_everything_in_one_tab_empties_the_desk_of_another_for_good(data_dir):
    other_tab = read_two()
    assert len(card_labels(other_tab)) == 2
    library_tab = start(library_page)
    library_tab.checkbox(key="library_sure").check().run()
    click(library_tab, "Delete everything")
    assert open_library().count() == 0
    for _rerun in range(3):  # the other tab reruns with its old uploads and results
        other_tab.run()
        assert not other_tab.exception, other_tab.exception
        assert card_labels(other_tab) == []
        assert open_library().count() == 0 and open_library().desk() == []
    assert words_left(data_dir, [CODEWORD, "квазиборщев"]) == []


def test_a_single_delete_elsewhere_drops_only_that_article_from_another_tab(data_dir):
    other_tab = read_two()
    library = open_library()
    russian = next(a for a in library.articles() if a.name == "peregovory.txt")
    from digest.library.keeping import delete_for_good

    assert delete_for_good(library, russian.id)
    other_tab.run()
    assert not other_tab.exception, other_tab.exception
    assert len(card_labels(other_tab)) == 1
    assert [a.name for a in open_library().articles()] == ["budget.txt"]


def test_the_same_file_uploaded_again_after_the_delete_is_kept(data_dir):
    other_tab = read_two()
    open_library().delete_everything()
    other_tab.run()
    assert card_labels(other_tab) == []
    upload(other_tab, ("peregovory.txt", RUSSIAN_TALKS.encode("cp1251")))
    assert len(card_labels(other_tab)) == 1
    assert [a.name for a in open_library().articles()] == ["peregovory.txt"]

