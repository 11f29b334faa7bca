"""Multilingual models on the Language packs page and in the dashboard (AppTest).

A tiny random-weight model in the NLLB-200 layout (testkit/tinymodel.py) is uploaded
as a zip, as a reader would after downloading one elsewhere.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from testkit.tinymodel import build_model_zip

APP = str(Path(__file__).resolve().parents[1] / "app.py")
KAZAKH = "Жаңалықтар\n\n" + " ".join(
    f"Парламент дүйсенбі күні бюджет туралы жаңа заңды талқылады, нөмірі {n}. "
    "Депутаттар көп сұрақ қойды және үкімет жауап берді."
    for n in range(4)
)


@pytest.fixture(autouse=True)
def private_folders(packs_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(tmp_path / "models"))
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def packs_page() -> None:
    from ui.packs_page import render

    render()


def start() -> AppTest:
    app = AppTest.from_function(packs_page, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def upload(app: AppTest, name: str, data: bytes) -> AppTest:
    app.file_uploader[0].set_value((name, data, "application/zip"))
    next(b for b in app.button if b.label == "Install pack").click()
    app.run()
    assert not app.exception
    return app


def texts(app: AppTest, kind: str) -> list[str]:
    """What the reader sees: Markdown escapes (backslashes) removed."""
    return [str(element.value).replace("\\", "") for element in getattr(app, kind)]


def test_a_model_zip_is_installed_listed_with_its_languages_and_removed(tmp_path):
    app = start()
    assert any("No multilingual model installed" in t for t in texts(app, "info"))
    app = upload(app, "nllb-200-tiny.zip", build_model_zip(tmp_path).read_bytes())
    assert any("Installed the multilingual model nllb" in t for t in texts(app, "success"))
    assert any("NLLB-200" in t for t in texts(app, "markdown"))
    assert any("CC-BY-NC 4.0" in t for t in texts(app, "caption"))
    listed = " ".join(texts(app, "text"))
    assert "kk Kazakh (kaz_Cyrl)" in listed and "mn Mongolian (khk_Cyrl)" in listed
    app.button(key="remove-model:nllb-200-tiny").click().run()
    assert any("Remove the NLLB-200 model **nllb-200-tiny**" in t for t in texts(app, "warning"))
    assert not any("Removed the multilingual model" in t for t in texts(app, "success"))
    app.button(key="confirm:model:nllb-200-tiny").click().run()
    assert any("Removed the multilingual model" in t for t in texts(app, "success"))
    assert any("No multilingual model installed" in t for t in texts(app, "info"))


def test_a_zip_that_is_neither_pack_nor_model_is_refused_by_name(tmp_path):
    app = upload(start(), "notes.zip", b"PK\x03\x04 not really a zip")
    assert any("notes.zip" in t for t in texts(app, "error"))


def test_with_a_model_the_dashboard_offers_the_regions_languages(tmp_path):
    dashboard = AppTest.from_file(APP, default_timeout=60)
    dashboard.run()
    dashboard.file_uploader(key="files-0").set_value([("kk.txt", KAZAKH.encode(), "text/plain")])
    dashboard.run()
    assert dashboard.selectbox(key="target").options == ["No translation"]

    upload(start(), "nllb-200-tiny.zip", build_model_zip(tmp_path).read_bytes())
    dashboard.run()
    options = dashboard.selectbox(key="target").options
    assert {"English", "Russian", "Mongolian", "Uzbek"} <= set(options)
    dashboard.selectbox(key="target").set_value("en").run()
    assert not dashboard.exception
    assert not [e.value for e in dashboard.error]


def test_offline_the_index_kept_on_disk_is_listed_with_its_date(packs_dir, monkeypatch):
    packs_dir.mkdir(parents=True, exist_ok=True)
    entries = [{
        "package_version": "1.9", "argos_version": "1.9.0", "type": "translate",
        "from_code": "ky", "to_code": "en", "from_name": "Kyrgyz", "to_name": "English",
        "links": ["http://127.0.0.1:9/ky_en.argosmodel"],
    }]
    cache = {"fetched_at": "2026-05-01T10:00:00+00:00", "url": "http://x/", "entries": entries}
    from translator.packs.index import cache_path

    cache_path().write_text(json.dumps(cache), encoding="utf-8")
    app = start()
    next(b for b in app.button if b.label == "Load the list of available packs").click()
    app.run()
    assert any("as fetched on 2026-05-01" in t for t in texts(app, "warning"))
    assert any("Kyrgyz → English" in t for t in texts(app, "markdown"))


RUSSIAN = "Новости дня\n\n" + " ".join(
    f"Парламент в понедельник обсудил новый закон о бюджете номер {n}." for n in range(6)
)


def dashboard_with(name: str, text: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.file_uploader(key="files-0").set_value([(name, text.encode(), "text/plain")])
    app.run()
    return app


def captions(app: AppTest) -> str:
    return " ".join(texts(app, "caption"))


def test_the_card_says_the_model_translated_it(tmp_path):
    from translator.multilingual.install import install_model

    install_model(build_model_zip(tmp_path))
    app = dashboard_with("kk.txt", KAZAKH)
    app.selectbox(key="target").set_value("en").run()
    assert "Translated via NLLB-200" in captions(app)
    assert not app.toggle  # no pack for kk -> en: nothing to choose


def test_the_reader_can_prefer_the_model_over_a_pack_for_a_pair(tmp_path):
    from testkit.tinypack import build_tiny_pack
    from translator.multilingual.install import install_model
    from translator.packs.install import install_from_file

    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
    install_model(build_model_zip(tmp_path))
    app = dashboard_with("ru.txt", RUSSIAN)
    app.selectbox(key="target").set_value("en").run()
    assert "Translated via NLLB-200" not in captions(app)  # the pack comes first
    (toggle,) = app.toggle
    assert toggle.label == "Use the multilingual model for Russian → English"
    toggle.set_value(True).run()
    assert "Translated via NLLB-200" in captions(app)


def test_a_missing_regional_pair_names_the_multilingual_model(tmp_path):
    from testkit.tinypack import build_tiny_pack
    from translator.packs.install import install_from_file

    install_from_file(build_tiny_pack(tmp_path, "ru", "en"))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.file_uploader(key="files-0").set_value(
        [("ru.txt", RUSSIAN.encode(), "text/plain"), ("kk.txt", KAZAKH.encode(), "text/plain")]
    )
    app.run()
    app.selectbox(key="target").set_value("en").run()
    notes = " ".join(texts(app, "markdown"))
    assert "No language pack for **Kazakh → English**" in notes
    assert "Argos publishes no pack for Kazakh" in notes and "NLLB-200" in notes
    assert "packages install kk en" not in notes  # a command that cannot work
