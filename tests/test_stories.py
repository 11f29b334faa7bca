"""Stories across languages in a library built here: one event told in Russian, Kazakh,
English and Turkish is one story, an unrelated event is another; the reader's moves hold
across regrouping; one name across scripts; deleting leaves no trace of an article."""
from __future__ import annotations

import sqlite3

import pytest

from digest.job import Upload, read_upload
from digest.library import paths
from digest.library.keeping import delete_for_good, keep
from digest.library.store import Library, forget_checks
from digest.stories import Stories, StoryFilters, articles_csv, name_key, stories_json

SUMMIT = {
    "summit-ru.txt": (
        "Токаев встретился с Мирзиёевым в Ташкенте\n\n"
        "Президент Казахстана Касым-Жомарт Токаев 3 марта провёл переговоры с президентом "
        "Узбекистана Шавкатом Мирзиёевым в Ташкенте. Стороны подписали соглашения на 1,5 "
        "миллиарда долларов. Токаев заявил, что товарооборот достигнет 10 миллиардов долларов."
    ),
    "summit-kk.txt": (
        "Тоқаев Ташкентте Мирзиёевпен кездесті\n\n"
        "Қазақстан Президенті Қасым-Жомарт Тоқаев 3 наурызда Ташкентте Өзбекстан Президенті "
        "Шавкат Мирзиёевпен келіссөз жүргізді. Тараптар 1,5 миллиард долларлық келісімдерге "
        "қол қойды. Тоқаевтың айтуынша, тауар айналымы 10 миллиард долларға жетеді."
    ),
    "summit-en.txt": (
        "Tokayev meets Mirziyoyev in Tashkent\n\n"
        "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat "
        "Mirziyoyev in Tashkent on March 3. The sides signed agreements worth $1.5 billion. "
        "Tokayev said trade between Kazakhstan and Uzbekistan would reach $10 billion."
    ),
    "summit-tr.txt": (
        "Tokayev, Taşkent'te Mirziyoyev ile görüştü\n\n"
        "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, 3 Mart'ta Taşkent'te Özbekistan "
        "Cumhurbaşkanı Şevket Mirziyoyev ile görüştü. Taraflar 1,5 milyar dolarlık anlaşmalar "
        "imzaladı. Tokayev, ticaret hacminin 10 milyar dolara ulaşacağını söyledi."
    ),
}
FLOOD = {
    "flood-en.txt": (
        "Floods in Bishkek\n\n"
        "Heavy rains flooded the streets of Bishkek on Friday. The emergency ministry of "
        "Kyrgyzstan evacuated 240 people from the Alamedin district. Rescuers worked through "
        "the night near the Chui river."
    ),
    "flood-ru.txt": (
        "Наводнение в Бишкеке\n\n"
        "Сильные дожди затопили улицы Бишкека в пятницу. МЧС Кыргызстана эвакуировало 240 "
        "человек из Аламединского района. Спасатели работали всю ночь у реки Чуй."
    ),
}


@pytest.fixture
def library(data_dir):
    forget_checks()
    return Library(paths.database_path())


def kept(library: Library, files: dict[str, str]) -> dict[str, int]:
    return {name: keep(library, read_upload(Upload(name, text.encode("utf-8"))))
            for name, text in files.items()}


@pytest.fixture
def stories(library):
    ids = kept(library, {**SUMMIT, **FLOOD})
    service = Stories(library)
    for article_id in ids.values():
        service.assign(article_id)
    return service, ids


def story_files(service: Stories) -> list[set[str]]:
    return sorted(({article.name for article in story.articles} for story in service.list()),
                  key=sorted)


def test_one_event_in_four_languages_is_one_story_and_another_event_is_apart(stories):
    service, ids = stories
    assert set(SUMMIT) in story_files(service)
    assert all(not (group & set(SUMMIT) and group & set(FLOOD)) for group in story_files(service))
    summit = service.story(service.story_of(ids["summit-en.txt"]))
    assert set(summit.languages) == {"ru", "kk", "en", "tr"}
    assert summit.summary and summit.headline in {title.split("\n")[0] for title in SUMMIT.values()}
    shown = {name.display for name in summit.names}
    assert any("Tokayev" in name or "Tokaev" in name for name in shown)


def test_every_article_is_in_a_story_even_one_kept_before_stories(library):
    ids = kept(library, FLOOD)
    service = Stories(library)
    assert service.assign_missing() == 2
    assert all(service.story_of(article_id) for article_id in ids.values())


def test_names_across_scripts_are_one_key():
    keys = {name_key(name, language) for name, language in (
        ("Токаев", "ru"), ("Тоқаев", "kk"), ("Tokayev", "en"), ("Tokaev", "en"),
        ("Токаевым", "ru"), ("Тоқаевтың", "kk"), ("Tokayev'in", "tr"))}
    assert len(keys) == 1
    assert name_key("Ташкент", "ru") == name_key("Toshkentda", "uz") == name_key("Tashkent", "en")
    assert name_key("Токаев", "ru") != name_key("Назарбаев", "ru")


def test_the_name_filter_finds_a_story_by_any_spelling(stories):
    service, _ = stories
    for spelling in ("Tokayev", "Тоқаев", "Токаев"):
        found = service.list(StoryFilters(name=spelling))
        assert [set(a.name for a in story.articles) for story in found] == [set(SUMMIT)]
    assert service.list(StoryFilters(name="Назарбаев")) == []
    assert {story.id for story in service.list(StoryFilters(languages=("tr",)))} == {
        service.story_of(stories[1]["summit-tr.txt"])}


def test_a_moved_article_stays_where_the_reader_put_it_across_regrouping(stories):
    service, ids = stories
    flood = service.story_of(ids["flood-en.txt"])
    service.move(ids["summit-tr.txt"], flood)
    alone = service.move(ids["summit-kk.txt"], None)
    service.regroup()
    assert service.story_of(ids["summit-tr.txt"]) == service.story_of(ids["flood-en.txt"])
    assert service.story_of(ids["summit-kk.txt"]) == alone
    assert service.story_of(ids["summit-kk.txt"]) != service.story_of(ids["summit-ru.txt"])
    moved = service.story(service.story_of(ids["summit-tr.txt"]))
    assert [a.pinned for a in moved.articles if a.id == ids["summit-tr.txt"]] == [True]
    # A new article of the summit still joins the summit's story.
    more = kept(service.library, {"summit-en2.txt": SUMMIT["summit-en.txt"] + " More later."})
    assert service.assign(more["summit-en2.txt"]) == service.story_of(ids["summit-en.txt"])


def test_regrouping_keeps_the_stories_and_their_ids(stories):
    service, _ = stories
    before = {story.id: {a.id for a in story.articles} for story in service.list()}
    service.regroup()
    after = {story.id: {a.id for a in story.articles} for story in service.list()}
    assert after == before


def test_exports_hold_every_article_with_its_story(stories):
    service, ids = stories
    listed = service.list()
    table = articles_csv(listed)
    assert table.count("\n") == len(ids) + 1
    assert "summit-kk.txt" in table
    assert '"headline"' in stories_json(listed)


def test_deleting_an_article_leaves_no_trace_and_an_empty_story_goes(stories, data_dir):
    service, ids = stories
    flood_story = service.story_of(ids["flood-en.txt"])
    for name in FLOOD:
        delete_for_good(service.library, ids[name])
    assert flood_story not in {story.id for story in service.list()}
    database = sqlite3.connect(service.library.path)
    for table in ("article_provenance", "article_profiles", "article_names", "story_members"):
        rows = database.execute(
            f"SELECT count(*) FROM {table} WHERE article_id IN (?, ?)",
            (ids["flood-en.txt"], ids["flood-ru.txt"])).fetchone()[0]
        assert rows == 0, table
    assert database.execute("SELECT count(*) FROM stories WHERE id = ?",
                            (flood_story,)).fetchone()[0] == 0
    database.close()
    words = ("Бишкеке", "Alamedin", "Аламединского")
    for path in data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [w for w in words if w.encode("utf-8") in data], path
    # The other story is whole, and a new article is still grouped.
    assert set(SUMMIT) in story_files(service)


def test_delete_everything_leaves_no_story(stories):
    service, _ = stories
    service.library.delete_everything()
    assert service.list() == []
    database = sqlite3.connect(service.library.path)
    assert database.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
    database.close()


def test_the_same_people_a_month_later_are_another_story(library):
    march = SUMMIT["summit-en.txt"].replace("\n\nKazakh President",
                                            "\n\nALMATY, March 3 (Reuters) – Kazakh President")
    april = (
        "Tokayev and Mirziyoyev open a border crossing\n\n"
        "ALMATY, April 20 (Reuters) – Kazakh President Kassym-Jomart Tokayev and Uzbek "
        "President Shavkat Mirziyoyev opened a border crossing near Tashkent. Tokayev said "
        "trade would reach $10 billion."
    )
    march_ru = SUMMIT["summit-ru.txt"].replace("\n\nПрезидент Казахстана",
                                               "\n\nАЛМАТЫ, 3 марта – Президент Казахстана")
    ids = kept(library, {"march.txt": march, "april.txt": april, "march-ru.txt": march_ru})
    service = Stories(library)
    for article_id in ids.values():
        service.assign(article_id)
    assert service.story_of(ids["april.txt"]) != service.story_of(ids["march.txt"])
    assert service.story_of(ids["march-ru.txt"]) == service.story_of(ids["march.txt"])
    story = service.story(service.story_of(ids["march.txt"]))
    assert story.first_report.month == 3 and story.first_report.day == 3


def test_the_name_filter_finds_a_country_by_its_name_in_any_language(library):
    """Germany is "Германии" in a Russian article and "Almanya" in a Turkish one; China
    is "Китай" and "Çin": names that share no letter. A reader typing any of them, or
    the English name, finds both articles."""
    ids = kept(library, {
        "visit-ru.txt": "Визит\n\nДелегация из Германии посетила Алматы. Затем она "
                        "отправилась в Китай на переговоры.",
        "visit-tr.txt": "Ziyaret\n\nHeyet Almanya adına Almatı'yı ziyaret etti. Ardından "
                        "görüşmeler için Çin'e gitti.",
    })
    service = Stories(library)
    for article_id in ids.values():
        service.assign(article_id)
    for spelling in ("Germany", "Германия", "Almanya", "Deutschland", "China", "Китай",
                     "Çin", "Қытай", "Xitoy"):
        found = {a.name for story in service.list(StoryFilters(name=spelling))
                 for a in story.articles}
        assert found == set(ids), spelling
    assert service.list(StoryFilters(name="France")) == []


def test_a_place_is_shown_in_the_readers_language(stories):
    """An English article's "Uzbekistan" reads "Өзбекстан" to a reader of the Kazakh
    interface and "Узбекистан" to a Russian one; people keep their Latin form."""
    from digest.stories import place_in
    from digest.stories.views import article_names

    service, ids = stories
    english = ids["summit-en.txt"]
    assert "Uzbekistan" in article_names(service, english)
    kazakh = article_names(service, english, prefer=("kk", "ru"))
    assert "Өзбекстан" in kazakh and "Uzbekistan" not in kazakh
    assert "Kassym-Jomart Tokayev" in kazakh
    assert "Узбекистан" in article_names(service, english, prefer=("ru",))
    assert place_in("China", "uz") == "Xitoy" and place_in("Tokayev", "kk") == "Tokayev"


def test_a_russian_adjective_opening_a_name_is_not_shown_as_a_name(library):
    """Russian capitalises only the first word of "Национального фонда" (the National
    Fund): "Национального" alone is no name on the card or in the story; people stay."""
    from digest.stories.views import article_names

    ids = kept(library, {"budget-ru.txt": (
        "Бюджет\n\nМинистр финансов Ерулан Жамаубаев заявил, что правительство снизит "
        "зависимость бюджета от Национального фонда. Жамаубаев выступил в среду.")})
    service = Stories(library)
    service.assign(ids["budget-ru.txt"])
    shown = article_names(service, ids["budget-ru.txt"], prefer=("ru",))
    assert "Ерулан Жамаубаев" in shown
    assert not any(name.startswith("Национальн") for name in shown)
    story = service.story(service.story_of(ids["budget-ru.txt"]))
    assert not any(name.display.startswith("Natsional") for name in story.names)
