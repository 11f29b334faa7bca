"""Downloading a multilingual model from a (loopback) Hugging Face: size first, resume, offline."""
from __future__ import annotations

import json

import pytest

from testkit.httpserver import (  # noqa: F401 (fixture)
    closed_port_url,
    loopback_server,
    serve_hub_file,
    serve_hub_repo,
)
from testkit.tinymodel import build_model_dir
from testkit.translated import translate_text
from translator import engine
from translator.loading import LOADED
from translator.multilingual import download
from translator.multilingual.download import download_model, plan_download
from translator.multilingual.models import ModelError, installed_models

REPO = "someone/nllb-200-tiny-ct2"


@pytest.fixture
def hub(loopback_server, tmp_path, monkeypatch):  # noqa: F811
    """A loopback Hub serving a tiny NLLB model's files the way huggingface.co does."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "area" / "packs"))
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(tmp_path / "area" / "models"))
    monkeypatch.setenv("HF_ENDPOINT", loopback_server.url(""))
    monkeypatch.setattr(download, "CHUNK_BYTES", 4096)
    folder = build_model_dir(tmp_path / "source" / "nllb")
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    serve_hub_repo(loopback_server, REPO, files)
    loopback_server.files = files
    LOADED.clear()
    engine.clear_translation_cache()
    yield loopback_server
    LOADED.clear()


def test_the_plan_shows_size_and_licence_before_anything_is_downloaded(hub):
    plan = plan_download(REPO, timeout=5)
    wanted = {name: len(data) for name, data in hub.files.items()}
    assert dict(plan.files) == wanted
    assert plan.total_bytes == sum(wanted.values())
    assert "non-commercial" in plan.licence and "cc-by-nc-4.0" in plan.licence
    assert not any("/resolve/" in path for path in hub.requests)
    assert installed_models() == []


def test_a_download_installs_a_model_that_translates(hub):
    seen = []
    plan = plan_download(REPO, timeout=5)
    model = download_model(plan, progress=lambda done, total: seen.append((done, total)))
    assert installed_models() == [model] and model.name == "nllb-200-tiny-ct2"
    assert seen[-1] == (sum(len(d) for d in hub.files.values()),) * 2
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    translation = translate_text("Нан мен жанармай бағасы тағы да өсті.", "kk", "en")
    assert translation.model == "NLLB-200"
    assert not download.partial_dir(plan_download(REPO, timeout=5)).exists()


def test_a_broken_download_resumes_where_it_stopped(hub):
    data = hub.files["model.bin"]
    path = f"/{REPO}/resolve/main/model.bin"
    serve_hub_file(hub, REPO, "model.bin", data, truncate_at=len(data) // 2)
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match=r"broke off in model.bin after [\d,]+ of [\d,]+ bytes"):
        download_model(plan, timeout=5)
    assert installed_models() == []
    kept = download.partial_file(plan, "model.bin").stat().st_size
    assert 0 < kept < len(data)

    serve_hub_file(hub, REPO, "model.bin", data)
    download_model(plan, timeout=5)
    last = [h for p, h in zip(hub.requests, hub.request_headers, strict=True) if p == path][-1]
    assert last.get("Range") == f"bytes={kept}-"
    installed = installed_models()
    assert len(installed) == 1
    assert (installed[0].path / "model.bin").read_bytes() == data


def test_offline_says_so_and_names_the_other_way_in(hub, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url(""))
    with pytest.raises(ModelError) as offline:
        plan_download(REPO, timeout=2)
    message = str(offline.value)
    assert "no connection" in message and "install-file PATH" in message


def test_a_repository_without_the_ctranslate2_layout_is_refused_before_download(hub):
    hub.serve("/api/models/other/pytorch-only/tree/main", json.dumps(
        [{"type": "file", "path": "pytorch_model.bin", "size": 10}]).encode())
    with pytest.raises(ModelError, match="not a multilingual model in the CTranslate2 layout"):
        plan_download("other/pytorch-only", timeout=5)
    with pytest.raises(ModelError, match="not a Hugging Face repository name"):
        plan_download("../../etc", timeout=5)
