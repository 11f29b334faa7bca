"""Where and when: the outlet and publication date each format gives (a real Word file
made with python-docx, a real OpenDocument zip, a web page's meta tags and JSON-LD, a
dateline), and the library's stories dated by them (else by the day the article was
added)."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest

from articles.metadata import dateline, file_metadata
from digest.job import Upload, read_upload
from digest.library import paths
from digest.library.keeping import keep
from digest.library.store import Library, forget_checks
from digest.stories import Stories, StoryFilters

BODY = ("Президент Казахстана Касым-Жомарт Токаев провёл переговоры в Астане. "
        "Стороны подписали соглашения на 1,5 миллиарда долларов.")


def word_file(created: datetime) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Переговоры в Астане", level=1)
    document.add_paragraph(BODY)
    document.core_properties.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_file(created: str) -> bytes:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               f'xmlns:office="{office}" xmlns:text="{text}" office:version="1.2">'
               f'<office:body><office:text><text:h>Переговоры в Астане</text:h>'
               f'<text:p>{BODY}</text:p></office:text></office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            f'xmlns:office="{office}" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
            f' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>'
            f'<meta:creation-date>{created}</meta:creation-date>'
            f'<dc:date>2030-01-01T00:00:00</dc:date></office:meta></office:document-meta>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return buffer.getvalue()


def web_page(head: str) -> bytes:
    return (f"<html><head><title>Переговоры в Астане</title>{head}</head><body><article>"
            f"<h1>Переговоры в Астане</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
            ).encode()


@pytest.mark.parametrize(("made", "outlet", "published"), [
    (lambda: web_page('<meta property="og:site_name" content="Kazinform"><meta '
                      'property="article:published_time" content="2024-03-03T10:00:00+05:00">'),
     "Kazinform", date(2024, 3, 3)),
    (lambda: web_page('<meta name="date" content="2024-03-04">'), "", date(2024, 3, 4)),
    (lambda: web_page('<script type="application/ld+json">{"@context": "https://schema.org",'
                      ' "@type": "NewsArticle", "datePublished": "2024-03-05T08:00:00Z",'
                      ' "publisher": {"@type": "Organization", "name": "24.kz"}}</script>'),
     "24.kz", date(2024, 3, 5)),
    (lambda: word_file(datetime(2024, 3, 6, 9, 30)), "", date(2024, 3, 6)),
    (lambda: odt_file("2024-03-07T11:00:00"), "", date(2024, 3, 7)),
], ids=["html-og", "html-meta-date", "html-json-ld", "docx", "odt"])
def test_each_format_gives_its_outlet_and_date(made, outlet, published):
    data = made()
    name = "page.html"
    if data[:2] == b"PK":
        name = "file.odt" if b"opendocument" in data[:200] else "file.docx"
    found = file_metadata(data, name)
    assert (found.outlet, found.published) == (outlet, published)


@pytest.mark.parametrize(("text", "place", "outlet", "published"), [
    ("ALMATY, March 3 (Reuters) – Kazakhstan's president said", "Almaty", "Reuters",
     date(2024, 3, 3)),
    ("Астана, 3 марта – Президент Казахстана заявил", "Астана", "", date(2024, 3, 3)),
    ("Астана. 2 наурыз 2023. ҚазАқпарат - Мемлекет басшысы", "Астана", "", date(2023, 3, 2)),
    ("БИШКЕК, 03.03.2024 – Жапаров подписал указ", "Бишкек", "", date(2024, 3, 3)),
])
def test_a_dateline_gives_place_date_and_outlet(text, place, outlet, published):
    found = dateline(text, added=date(2024, 5, 1))
    assert (found.place, found.outlet, found.published) == (place, outlet, published)


def test_a_sentence_with_a_date_is_not_a_dateline():
    assert dateline("Президент сказал, что 3 марта – день переговоров.").published is None


def test_a_dateline_without_a_year_is_not_after_the_day_it_was_added():
    assert dateline("ALMATY, December 30 – talks", added=date(2024, 1, 2)).published == date(
        2023, 12, 30)


def test_stories_show_the_dates_the_files_give_else_the_day_added(data_dir):
    forget_checks()
    library = Library(paths.database_path())
    files = {
        "talks.docx": word_file(datetime(2024, 3, 6, 9, 30)),
        "talks.odt": odt_file("2024-03-07T11:00:00"),
        "talks.txt": f"Переговоры в Астане\n\nАстана, 8 марта 2024 – {BODY}".encode(),
        "undated.txt": f"Переговоры в Астане\n\n{BODY}".encode(),
    }
    ids = {name: keep(library, read_upload(Upload(name, data))) for name, data in files.items()}
    stories = Stories(library)
    for article_id in ids.values():
        stories.assign(article_id)
    dated = {article.name: article.reported
             for story in stories.list() for article in story.articles}
    assert dated["talks.docx"] == date(2024, 3, 6) and dated["talks.odt"] == date(2024, 3, 7)
    assert dated["talks.txt"] == date(2024, 3, 8)
    assert dated["undated.txt"] == library.get(ids["undated.txt"]).added.date()
    [story] = stories.list(StoryFilters(until=date(2024, 12, 31)))
    assert {article.name for article in story.articles} == {"talks.docx", "talks.odt",
                                                            "talks.txt"}
    assert (story.first_report, story.last_report) == (date(2024, 3, 6), date(2024, 3, 8))
