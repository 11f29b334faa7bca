"""The Language packs page through AppTest: list, install (file or index), remove, offline.

Packs are tiny but real (testkit/tinypack.py); the index and the download are
served from a loopback HTTP server.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from testkit.httpserver import LoopbackServer
from testkit.tinypack import build_tiny_pack
from translator.packs.folders import installed_packs
from translator.packs.install import install_from_file

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def packs_page() -> None:
    from ui.packs_page import render

    render()


@pytest.fixture(autouse=True)
def fresh_packs_dir(packs_dir):
    st.cache_data.clear()
    yield packs_dir
    st.cache_data.clear()


def start() -> AppTest:
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def texts(app: AppTest, kind: str) -> list[str]:
    return [str(element.value) for element in app.get(kind)]


def upload_pack(app: AppTest, name: str, data: bytes) -> AppTest:
    app.file_uploader[0].set_value((name, data, "application/zip"))
    next(b for b in app.button if b.label == "Install pack").click()
    app.run()
    assert not app.exception, app.exception
    return app


def test_no_packs_says_what_translation_needs():
    app = start()
    assert any("No language packs installed yet" in text for text in texts(app, "info"))


def test_installed_packs_are_listed_with_version_and_size(tmp_path):
    install_from_file(build_tiny_pack(tmp_path, "ru", "en", version="1.2"))
    app = start()
    markdown = " ".join(texts(app, "markdown"))
    assert "Russian → English" in markdown
    shown = texts(app, "text")
    assert "1.2" in shown
    assert any(text.endswith(("kB", "MB")) for text in shown)


def test_upload_installs_a_pack_and_remove_takes_it_away(tmp_path):
    pack = build_tiny_pack(tmp_path, "ru", "en")
    app = upload_pack(start(), "translate-ru_en.argosmodel", pack.read_bytes())
    assert any("Installed Russian → English" in text for text in texts(app, "success"))
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [("ru", "en")]
    app.button(key="remove:ru:en").click().run()
    assert not app.exception
    # Removing asks first: the pack is still there until the reader says yes.
    question = " ".join(texts(app, "warning")).replace("*", "").replace("\\", "")
    assert "Remove the pack Russian → English" in question
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [("ru", "en")]
    app.button(key="confirm:pack:ru:en").click().run()
    assert not app.exception
    assert installed_packs() == []
    assert any("Removed Russian → English" in text for text in texts(app, "success"))
    assert any("No language packs installed yet" in text for text in texts(app, "info"))


def test_the_pack_uploader_takes_files_as_large_as_real_argos_packs():
    app = start()
    # Real Argos packs weigh 50-200 MB; the 25 MB article limit must not apply here.
    assert app.file_uploader[0].proto.max_upload_size_mb >= 500


def test_a_broken_pack_file_shows_the_translators_refusal():
    app = upload_pack(start(), "broken.argosmodel", b"PK\x03\x04 this is not a real zip")
    errors = texts(app, "error")
    assert len(errors) == 1 and "broken" in errors[0]
    assert installed_packs() == []


def test_offline_index_gives_a_clear_message_and_the_other_ways_in():
    app = start()  # conftest points the index at a closed port
    next(b for b in app.button if b.label == "Load the list of available packs").click()
    app.run()
    assert not app.exception
    warning = " ".join(texts(app, "warning"))
    assert "Could not reach the Argos package index" in warning
    assert any("upload it below" in text for text in texts(app, "markdown"))


def test_install_from_the_index_downloads_and_installs(tmp_path, monkeypatch):
    pack = build_tiny_pack(tmp_path, "ru", "en").read_bytes()
    with LoopbackServer() as server:
        entry = {
            "code": "translate-ru_en",
            "type": "translate",
            "from_code": "ru",
            "to_code": "en",
            "from_name": "Russian",
            "to_name": "English",
            "package_version": "1.0",
            "argos_version": "1.0",
            "links": [server.url("/translate-ru_en.argosmodel")],
        }
        server.serve("/index.json", json.dumps([entry]).encode())
        server.serve("/translate-ru_en.argosmodel", pack)
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url("/index.json"))
        app = start()
        next(b for b in app.button if b.label == "Load the list of available packs").click()
        app.run()
        assert "**Russian → English**" in " ".join(texts(app, "markdown")).replace("\\", "")
        app.button(key="install:ru:en").click().run()
    assert not app.exception
    assert any("Installed Russian → English" in text for text in texts(app, "success"))
    assert [(p.from_code, p.to_code) for p in installed_packs()] == [("ru", "en")]
    assert app.button(key="install:ru:en").disabled


def test_installing_a_pack_updates_the_dashboards_target_languages(tmp_path):
    russian = "Новости дня\n\n" + " ".join(
        f"Парламент в понедельник обсудил новый закон о бюджете номер {n}." for n in range(6)
    )
    dashboard = AppTest.from_file(APP, default_timeout=60)
    dashboard.run()
    dashboard.file_uploader(key="files-0").set_value([("ru.txt", russian.encode(), "text/plain")])
    dashboard.run()
    assert dashboard.selectbox(key="target").options == ["No translation"]

    upload_pack(start(), "ru_en.argosmodel", build_tiny_pack(tmp_path, "ru", "en").read_bytes())
    dashboard.run()
    assert dashboard.selectbox(key="target").options == ["No translation", "English"]
