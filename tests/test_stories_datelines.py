"""Datelines and outlets do not glue stories: every report of one outlet and city shares them."""
from __future__ import annotations

from datetime import date

import pytest

from digest.job import Upload, read_upload
from digest.library import paths
from digest.library.keeping import keep
from digest.library.store import Library, forget_checks
from digest.stories import Stories
from digest.stories.profile import profile

DATELINE = "ASTANA, March 3 (Kazinform) – "
UNRELATED = [
    "The national bank kept its base rate at 14.25 percent, citing slower inflation in "
    "February. Governor Timur Suleimenov said lending to small firms grew.",
    "Heavy snow closed the road between Karaganda and Balkhash for nine hours. Drivers "
    "waited at the Akshatau checkpoint until ploughs cleared 38 kilometres.",
    "The football club Ordabasy signed the Brazilian striker Joao Pedro Silva for two "
    "seasons ahead of the Premier League opener in Shymkent.",
    "Archaeologists from Al-Farabi University found Saka gold ornaments in a burial mound "
    "near Issyk, the first such find in the Almaty region since 1969.",
    "Wheat exports to Afghanistan rose to 1.2 million tonnes, the agriculture ministry "
    "said, most of it shipped by rail through the Hairatan terminal.",
    "A new children's hospital with 320 beds opened in Aktobe, built by the Turkish firm "
    "Rönesans under a public-private partnership agreement.",
    "The writer Dulat Isabekov presented his novel at the Kasteev museum, where 600 "
    "readers queued to have their copies signed.",
    "Air Astana added a weekly flight from Atyrau to Frankfurt from May, flown by an "
    "Airbus A321LR with 166 seats.",
    "Scientists at Nazarbayev University tested a sodium battery that keeps 92 percent of "
    "its charge after 5,000 cycles, the journal Nature Energy reported.",
    "The Caspian seal population fell by a quarter in ten years, ecologists of the "
    "Kazakh Institute of Fisheries counted from aerial photographs of Mangystau.",
]
EVENT = {  # one dated today, the other undated (so: added today)
    "reuters.txt": (
        "Tokayev and Mirziyoyev sign water deal\n\n"
        f"ALMATY, {date.today():%B} {date.today().day} (Reuters) – Kazakh President "
        "Kassym-Jomart Tokayev and Uzbek "
        "President Shavkat Mirziyoyev signed an agreement on sharing the Syr Darya water "
        "on Tuesday in Turkestan. The deal sets a quota of 4.5 billion cubic metres for "
        "the summer season and creates a joint commission at the Shardara reservoir."
    ),
    "kazinform.txt": (
        "Токаев и Мирзиёев подписали соглашение по воде\n\n"
        "АСТАНА. КАЗИНФОРМ – Президент Казахстана Касым-Жомарт Токаев и Президент "
        "Узбекистана Шавкат Мирзиёев подписали в Туркестане соглашение о вододелении на "
        "Сырдарье. Соглашение устанавливает квоту 4,5 миллиарда кубометров на летний сезон "
        "и создаёт совместную комиссию на Шардаринском водохранилище."
    ),
}


@pytest.fixture
def library(data_dir):
    forget_checks()
    return Library(paths.database_path())


def keep_all(library: Library, files: dict[str, str]) -> list[int]:
    return [keep(library, read_upload(Upload(name, text.encode("utf-8"))))
            for name, text in files.items()]


def test_unrelated_reports_of_one_outlet_and_city_stay_apart(library):
    files = {f"kazinform-{n}.txt": f"Report {n}\n\n{DATELINE}{body} Kazinform"
             for n, body in enumerate(UNRELATED)}
    service = Stories(library)
    for article_id in keep_all(library, files):
        service.assign(article_id)
    assert len(service.list()) == len(UNRELATED)
    assert service.regroup() == len(UNRELATED)
    assert all(story.outlets == ("Kazinform",) for story in service.list())


def test_one_event_from_two_outlets_in_two_languages_is_one_story(library):
    service = Stories(library)
    for article_id in keep_all(library, EVENT):
        service.assign(article_id)
    stories = service.list()
    assert len(stories) == 1
    assert set(stories[0].outlets) == {"Reuters", "Казинформ"}


def test_the_outlet_and_the_dateline_city_are_not_names_of_the_article():
    found = profile(f"{DATELINE}{UNRELATED[0]} Source: Kazinform", "en", outlet="Kazinform")
    keys = {name.latin for name in found.names}
    assert "Timur Suleimenov" in keys
    assert not keys & {"Kazinform", "Astana", "ASTANA"}
    assert not any(feature.startswith("@:") for feature in found.features)  # its day


def test_a_city_in_an_outlets_name_stays_a_name_of_its_articles():
    found = profile("Heavy rain flooded the streets of Bishkek on Sunday, the mayor said.",
                    "en", outlet="Vecherniy Bishkek")
    assert "Bishkek" in {name.latin for name in found.names}
