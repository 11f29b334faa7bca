"""Model downloads are verified against the Hub's checksums; a file that changed, a page instead
of the file, a truncated file, a 416 and a stalled server each end in a restart from zero or a
clear refusal, never in a spliced or wrong model."""
from __future__ import annotations

import hashlib
import json
import time

import pytest

from testkit.httpserver import (  # noqa: F401 (fixture)
    loopback_server,
    serve_hub_file,
    serve_hub_tree,
)
from testkit.tinymodel import build_model_dir
from tests import test_model_download
from translator.multilingual import download
from translator.multilingual.download import download_model, partial_file, plan_download
from translator.multilingual.models import ModelError, installed_models

REPO = test_model_download.REPO
hub = test_model_download.hub  # the loopback Hub serving a tiny model, with checksums

MODEL_PATH = f"/{REPO}/resolve/main/model.bin"


def model_requests(server) -> list[dict[str, str]]:
    """Headers of every request for model.bin, in order."""
    return [h for p, h in zip(server.requests, server.request_headers, strict=True)
            if p == MODEL_PATH]


def other_version(tmp_path) -> bytes:
    """model.bin of the same model trained with another seed: a new revision of the file."""
    return (build_model_dir(tmp_path / "source" / "v2", seed=1) / "model.bin").read_bytes()


def break_off_halfway(server) -> tuple[download.DownloadPlan, int]:
    """A first attempt cut in the middle of model.bin; returns its plan and the bytes kept."""
    data = server.files["model.bin"]
    serve_hub_file(server, REPO, "model.bin", data, truncate_at=len(data) // 2)
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match="broke off in model.bin"):
        download_model(plan, timeout=5)
    kept = partial_file(plan, "model.bin").stat().st_size
    assert 0 < kept < len(data)
    return plan, kept


def installed_model_bin() -> bytes:
    [model] = installed_models()
    return (model.path / "model.bin").read_bytes()


def test_the_plan_carries_the_checksum_of_every_file(hub):
    plan = plan_download(REPO, timeout=5)
    model_bin = plan.digest("model.bin")
    assert model_bin.algorithm == "sha256"
    assert model_bin.hex == hashlib.sha256(hub.files["model.bin"]).hexdigest()
    assert plan.digest("config.json").algorithm == "git-sha1"
    assert {name for name, _size in plan.files} == {name for name, _d in plan.digests}


def test_a_listing_without_checksums_is_refused_before_any_download(hub):
    tree = [{"type": "file", "path": name, "size": len(data)} for name, data in hub.files.items()]
    hub.serve(f"/api/models/{REPO}/tree/main", json.dumps(tree).encode())
    with pytest.raises(ModelError, match="lists no checksum .* could not be verified; refused"):
        plan_download(REPO, timeout=5)
    assert not any("/resolve/" in path for path in hub.requests)


def test_an_optional_file_without_a_checksum_is_left_out(hub):
    tree = json.loads(hub.routes[f"/api/models/{REPO}/tree/main"].body)
    for entry in tree:
        if entry["path"] == "README.md":
            del entry["oid"]
    hub.serve(f"/api/models/{REPO}/tree/main", json.dumps(tree).encode())
    plan = plan_download(REPO, timeout=5)
    assert "README.md" not in dict(plan.files)
    model = download_model(plan, timeout=5)
    assert not (model.path / "README.md").exists()
    assert f"/{REPO}/resolve/main/README.md" not in hub.requests


def test_a_file_changed_between_attempts_is_fetched_again_from_zero(hub, tmp_path):
    break_off_halfway(hub)
    new = other_version(tmp_path)
    assert new != hub.files["model.bin"]
    files = {**hub.files, "model.bin": new}  # the repository was updated
    serve_hub_tree(hub, REPO, files)
    serve_hub_file(hub, REPO, "model.bin", new)

    download_model(plan_download(REPO, timeout=5), timeout=5)
    assert "Range" not in model_requests(hub)[-1]  # not resumed onto the old half
    assert installed_model_bin() == new


def test_a_file_changed_since_the_listing_is_refused_and_its_part_deleted(hub, tmp_path):
    plan, _kept = break_off_halfway(hub)
    serve_hub_file(hub, REPO, "model.bin", other_version(tmp_path))  # the listing still says v1
    with pytest.raises(ModelError, match="changed on Hugging Face since its file list was read"):
        download_model(plan, timeout=5)
    assert not partial_file(plan, "model.bin").exists()
    assert installed_models() == []


def test_a_resume_onto_another_version_without_etags_fails_the_checksum(hub, tmp_path):
    plan, kept = break_off_halfway(hub)
    hub.serve(MODEL_PATH, other_version(tmp_path), ranges=True)  # a mirror without ETags
    with pytest.raises(ModelError, match=r"model.bin of .* does not match the sha256 checksum"):
        download_model(plan, timeout=5)
    assert model_requests(hub)[-1]["Range"] == f"bytes={kept}-"
    assert not partial_file(plan, "model.bin").exists()
    assert installed_models() == []

    serve_hub_file(hub, REPO, "model.bin", hub.files["model.bin"])  # the mirror caught up
    download_model(plan, timeout=5)
    assert "Range" not in model_requests(hub)[-1]
    assert installed_model_bin() == hub.files["model.bin"]


def test_an_html_page_of_the_right_length_is_refused_by_its_checksum(hub):
    size = len(hub.files["model.bin"])
    page = b"<!DOCTYPE html><html><body>Log in to the Wi-Fi</body></html>".ljust(size, b" ")
    hub.serve(MODEL_PATH, page, ranges=True)  # a portal that answers 200 for everything
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match="does not match the sha256 checksum"):
        download_model(plan, timeout=5)
    assert installed_models() == []
    assert not partial_file(plan, "model.bin").exists()


def test_an_html_answer_is_refused_before_anything_is_saved(hub):
    size = len(hub.files["model.bin"])
    hub.serve(MODEL_PATH, b"<html>login</html>".ljust(size), content_type="text/html")
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match=r"answered with an HTML page \(a Wi-Fi login"):
        download_model(plan, timeout=5)
    assert not partial_file(plan, "model.bin").exists()
    assert installed_models() == []


def test_a_file_shorter_than_the_listing_is_refused(hub):
    data = hub.files["model.bin"]
    serve_hub_file(hub, REPO, "model.bin", data[:-1000])  # a proxy that cut it, whole answer
    hub.routes[MODEL_PATH].headers = {}  # and drops the Hub's headers
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match=r"model.bin .* is [\d,]+ bytes on the server, but "
                                         r"Hugging Face's file list says [\d,]+ bytes; refused"):
        download_model(plan, timeout=5)
    assert installed_models() == []


def test_a_416_answer_restarts_the_file_from_zero(hub):
    plan, kept = break_off_halfway(hub)
    serve_hub_file(hub, REPO, "model.bin", hub.files["model.bin"], range_status=416)
    download_model(plan, timeout=5)
    first, second = model_requests(hub)[-2:]
    assert first["Range"] == f"bytes={kept}-" and "Range" not in second
    assert installed_model_bin() == hub.files["model.bin"]


def test_a_stalled_server_ends_the_attempt_and_the_partial_file_resumes(hub):
    data = hub.files["model.bin"]
    serve_hub_file(hub, REPO, "model.bin", data, drip_seconds=0.3)  # a byte every 0.3 s
    plan = plan_download(REPO, timeout=5)
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"stalled in model.bin after \d+ of [\d,]+ bytes: "
                                         r"only \d+ bytes arrived in \d s"):
        download_model(plan, timeout=5, stall_seconds=1)
    assert time.monotonic() - started < 5
    kept = partial_file(plan, "model.bin").stat().st_size
    assert 0 < kept < 20

    serve_hub_file(hub, REPO, "model.bin", data)
    download_model(plan, timeout=5, stall_seconds=1)
    assert model_requests(hub)[-1]["Range"] == f"bytes={kept}-"
    assert installed_model_bin() == data


def test_a_server_that_says_nothing_ends_the_attempt_too(hub):
    data = hub.files["model.bin"]
    serve_hub_file(hub, REPO, "model.bin", data, truncate_at=100, stall_seconds=4)
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"stalled in model.bin after 100 of [\d,]+ bytes: "
                                         r"nothing arrived for 1 s"):
        download_model(plan_download(REPO, timeout=5), timeout=5, stall_seconds=1)
    assert time.monotonic() - started < 4


def test_verified_files_that_are_no_model_are_refused_and_not_kept(hub):
    size = len(hub.files["model.bin"])
    page = b"<!DOCTYPE html><html>This repository holds a page</html>".ljust(size, b" ")
    files = {**hub.files, "model.bin": page}  # checksums listed for the page itself
    serve_hub_tree(hub, REPO, files)
    serve_hub_file(hub, REPO, "model.bin", page)
    plan = plan_download(REPO, timeout=5)
    with pytest.raises(ModelError, match="model.bin is an HTML page.*choose another model"):
        download_model(plan, timeout=5)
    assert installed_models() == []
    assert not download.partial_dir(plan).exists()
