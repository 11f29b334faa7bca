"""The package index and downloads, against a loopback HTTP server (never the internet)."""
from __future__ import annotations

import hashlib
import json
import socket
import tempfile
from pathlib import Path

import pytest

from testkit.httpserver import LoopbackServer, closed_port_url, loopback_server  # noqa: F401
from testkit.tinypack import build_tiny_pack
from testkit.trees import snapshot
from translator.errors import OfflineError, PackError, TranslatorError
from translator.packs.folders import installed_packs
from translator.packs.index import AvailablePack, download_and_install, fetch_index, find_available
from translator.packs.install import install_from_file


@pytest.fixture(scope="module")
def pack_bytes(tmp_path_factory) -> dict[str, bytes]:
    where = tmp_path_factory.mktemp("served")
    return {
        "en_de": build_tiny_pack(where, "en", "de").read_bytes(),
        "en_de_1.1": build_tiny_pack(where, "en", "de", version="1.1", seed=1).read_bytes(),
        "en_ru": build_tiny_pack(where, "en", "ru").read_bytes(),
    }


def entry(server: LoopbackServer, from_code: str, to_code: str, path: str, **extra) -> dict:
    return {
        "package_version": "1.0", "argos_version": "1.9.0", "type": "translate",
        "from_code": from_code, "to_code": to_code,
        "from_name": {"en": "English", "de": "German", "ru": "Russian"}[from_code],
        "to_name": {"en": "English", "de": "German", "ru": "Russian"}[to_code],
        "links": [server.url(path)], **extra,
    }


@pytest.fixture
def area(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "area" / "packs"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # downloads land here
    (tmp_path / "tmp").mkdir()
    return tmp_path / "area"


@pytest.fixture
def index(loopback_server, pack_bytes, monkeypatch, area):  # noqa: F811
    server = loopback_server
    server.serve("/packs/en_de.argosmodel", pack_bytes["en_de"])
    server.serve("/packs/en_ru.argosmodel", pack_bytes["en_ru"])
    entries = [
        entry(server, "en", "de", "/packs/en_de.argosmodel"),
        entry(server, "en", "ru", "/packs/en_ru.argosmodel", size=len(pack_bytes["en_ru"]),
              checksum="sha256:" + hashlib.sha256(pack_bytes["en_ru"]).hexdigest().upper()),
        {"type": "sbd", "code": "sbd-en", "links": [server.url("/sbd")]},
        {"from_code": "xx"},  # broken entries are skipped, not fatal
        "not even an object",
    ]
    server.serve("/index.json", json.dumps(entries).encode(), content_type="application/json")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url("/"))  # a base URL, as Argos reads it
    return server



def test_fetch_index_lists_the_translation_packs(index, pack_bytes):
    packs = fetch_index(timeout=5)
    assert [(p.from_code, p.to_code, p.version) for p in packs] == [
        ("en", "de", "1.0"), ("en", "ru", "1.0")
    ]
    assert packs[0].from_name == "English" and packs[0].to_name == "German"
    assert packs[0].links == (index.url("/packs/en_de.argosmodel"),)
    assert packs[0].sha256 is None and packs[0].size_bytes is None
    assert packs[1].sha256 == hashlib.sha256(pack_bytes["en_ru"]).hexdigest()
    assert packs[1].size_bytes == len(pack_bytes["en_ru"])
    assert not any(p.installed for p in packs)
    assert index.requests == ["/index.json"]


def test_a_full_index_url_is_used_as_given(index, monkeypatch):
    index.serve("/mirror/packages.json", json.dumps([]).encode())
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.url("/mirror/packages.json"))
    assert fetch_index(timeout=5) == []
    assert index.requests == ["/mirror/packages.json"]


def test_installed_packs_are_marked_in_the_index(index, pack_bytes, tmp_path):
    (tmp_path / "en_de.argosmodel").write_bytes(pack_bytes["en_de"])
    install_from_file(tmp_path / "en_de.argosmodel")
    marks = {(p.from_code, p.to_code): (p.installed, p.installed_version) for p in fetch_index()}
    assert marks == {("en", "de"): (True, "1.0"), ("en", "ru"): (False, None)}


def test_offline_gives_a_clear_message(area, monkeypatch):
    url = closed_port_url("/")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url)
    with pytest.raises(OfflineError) as refused:
        fetch_index(timeout=5)
    message = str(refused.value)
    assert message.startswith(f"Could not reach the Argos package index at {url}index.json")
    assert "no connection" in message and ".argosmodel file" in message
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


def test_a_silent_server_times_out_with_a_clear_message(area, monkeypatch):
    with socket.socket() as silent:  # accepts connections (backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{silent.getsockname()[1]}/")
        with pytest.raises(OfflineError, match=r"Could not reach .* no answer within 0\.5 s"):
            fetch_index(timeout=0.5)


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"<html>oops</html>", 200, "is not valid JSON"),
        (b'{"packages": []}', 200, "is not a list of packages"),
        (b"gone", 404, "answered 404"),
        (b"down", 500, "answered 500"),
    ],
)
def test_a_bad_index_gives_a_clear_message(index, body, status, reason):
    index.serve("/index.json", body, status=status)
    with pytest.raises(TranslatorError, match=reason):
        fetch_index(timeout=5)


def test_download_and_install_reports_progress_and_installs(index, pack_bytes, area, tmp_path):
    available = find_available("en", "de", timeout=5)
    seen: list[tuple[int, int | None]] = []
    pack = download_and_install(available, progress=lambda done, total: seen.append((done, total)))
    size = len(pack_bytes["en_de"])
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(seen) > 2  # streamed in chunks, not one read
    assert (pack.from_code, pack.to_code, pack.version) == ("en", "de", "1.0")
    assert installed_packs() == [pack]
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary download is gone
    assert [p.installed for p in fetch_index(timeout=5)] == [True, False]


def test_a_matching_checksum_installs(index):
    pack = download_and_install(find_available("en", "ru", timeout=5))
    assert (pack.from_code, pack.to_code) == ("en", "ru")


def test_without_a_length_progress_total_is_none(index, pack_bytes):
    index.serve("/packs/en_de.argosmodel", pack_bytes["en_de"], send_length=False)
    seen = []
    download_and_install(find_available("en", "de"), progress=lambda *a: seen.append(a))
    assert seen[-1] == (len(pack_bytes["en_de"]), None)
    assert len(installed_packs()) == 1


def test_a_second_link_is_tried_when_the_first_fails(index, pack_bytes):
    available = AvailablePack(
        "en", "de", "English", "German", "1.0",
        links=(index.url("/missing.argosmodel"), index.url("/packs/en_de.argosmodel")),
    )
    pack = download_and_install(available)
    assert (pack.from_code, pack.to_code) == ("en", "de")


def broken(index: LoopbackServer, pack_bytes: dict[str, bytes], case: str) -> AvailablePack:
    """Break the en->de download in one of several ways; returns what the index offers."""
    good = pack_bytes["en_de_1.1"]
    path = "/packs/en_de.argosmodel"
    sha256 = None
    if case == "truncated":
        index.serve(path, good, truncate_at=len(good) // 3)
    elif case == "cut-without-length":
        index.serve(path, good, truncate_at=len(good) // 3, send_length=False)
    elif case == "missing":
        index.routes.pop(path)
    elif case == "server-error":
        index.serve(path, b"internal error", status=500)
    elif case == "garbage":
        index.serve(path, b"<html>Sorry, the page moved</html>" * 100)
    elif case == "checksum":
        index.serve(path, good)
        sha256 = hashlib.sha256(b"something else").hexdigest()
    elif case == "wrong-pair":
        index.serve(path, pack_bytes["en_ru"])
    return AvailablePack(
        "en", "de", "English", "German", "1.1", links=(index.url(path),), sha256=sha256
    )


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("truncated", r"failed after [\d,]+ of [\d,]+ bytes"),
        ("cut-without-length", "not an Argos language pack"),
        ("missing", "answered 404"),
        ("server-error", "answered 500"),
        ("garbage", "not an Argos language pack"),
        ("checksum", "does not match the index's sha256"),
        ("wrong-pair", "it is a en → ru pack, not the expected en → de"),
    ],
)
def test_a_broken_download_changes_nothing(index, pack_bytes, area, tmp_path, case, reason):
    (tmp_path / "old.argosmodel").write_bytes(pack_bytes["en_de"])
    old = install_from_file(tmp_path / "old.argosmodel")
    available = broken(index, pack_bytes, case)
    before = snapshot(area)
    with pytest.raises(TranslatorError, match=reason) as refused:
        download_and_install(available, progress=lambda done, total: None)
    assert "en → de" in str(refused.value)
    assert snapshot(area) == before
    assert installed_packs() == [old]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_download_that_stalls_times_out_and_changes_nothing(index, pack_bytes, area):
    data = pack_bytes["en_de"]
    index.serve("/packs/en_de.argosmodel", data, truncate_at=len(data) // 2, stall_seconds=2)
    available = find_available("en", "de", timeout=5)  # keeps the index beside the packs
    before = snapshot(area) if area.exists() else {}
    stalled = r"failed after [\d,]+ of [\d,]+ bytes: no answer within"
    with pytest.raises(OfflineError, match=stalled):
        download_and_install(available, timeout=0.5)
    assert (snapshot(area) if area.exists() else {}) == before
    assert installed_packs() == []


def test_a_pair_missing_from_the_index_is_a_clear_error(index):
    with pytest.raises(PackError, match="has no de → ru pack"):
        find_available("de", "ru", timeout=5)


def test_the_newest_version_is_found_by_number_not_by_text(index):
    entries = [
        entry(index, "en", "de", "/packs/en_de.argosmodel", package_version=version)
        for version in ("1.10", "1.9", "1.2")
    ]
    index.serve("/index.json", json.dumps(entries).encode(), content_type="application/json")
    assert [p.version for p in fetch_index(timeout=5)] == ["1.2", "1.9", "1.10"]
    assert find_available("en", "de", timeout=5).version == "1.10"
