"""How fast pack validation refuses bombs, and what installing costs.

Run: .venv/bin/python -m bench.packs_validation

Everything is built in a temporary directory (no network, no ../shared data):
- a zip bomb: ~1 MB on disk, 1 GiB of zeros inside (refused from the central directory);
- a lying bomb: the central directory claims 1 KiB, the data inflates to 200 MB (refused while
  unpacking, after at most the declared size);
- a 100 MB pack of incompressible "weights", installed from a file and downloaded from a
  loopback HTTP server (download + sha256 + validation + unpack + rename).
Peak RSS is the process's maximum resident set size after each step (ru_maxrss).
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import struct
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from testkit.httpserver import LoopbackServer
from translator.errors import PackError
from translator.packs.folders import remove_pack
from translator.packs.index import AvailablePack, download_and_install
from translator.packs.install import install_from_file

METADATA = json.dumps({"from_code": "en", "to_code": "de", "package_version": "1.0"})
MB = 1024**2


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def zeros_pack(path: Path, megabytes: int, level: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("top/metadata.json", METADATA)
        with archive.open("top/model/model.bin", "w") as member:
            chunk = bytes(MB)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def lie_about_size(path: Path, claimed: int) -> None:
    data = bytearray(path.read_bytes())
    name = b"top/model/model.bin"
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = data.find(signature)
        while start != -1:
            if data[start + name_offset : start + name_offset + len(name)] == name:
                struct.pack_into("<I", data, start + size_offset, claimed)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def weights_pack(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("translate-en_de-1_0/metadata.json", METADATA)
        with archive.open("translate-en_de-1_0/model/model.bin", "w") as member:
            for _ in range(megabytes):
                member.write(os.urandom(MB))
    return path


def timed_refusal(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        install_from_file(path)
    except PackError as error:
        return time.perf_counter() - started, str(error)
    raise AssertionError(f"{path.name} was installed")


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-packs-") as folder:
        root = Path(folder)
        os.environ["ARGOS_PACKAGES_DIR"] = str(root / "packs")

        bomb = zeros_pack(root / "bomb.argosmodel", 1024, level=9)
        seconds, message = timed_refusal(bomb)
        rows.append(("zip bomb, 1 GiB of zeros", bomb.stat().st_size, seconds, message))

        liar = zeros_pack(root / "liar.argosmodel", 200, level=9)
        lie_about_size(liar, 1024)
        seconds, message = timed_refusal(liar)
        rows.append(("lying sizes (claims 1 KiB, holds 200 MB)", liar.stat().st_size, seconds,
                     message))
        assert not any((root / "packs").glob("*")), "a refused pack left files behind"

        weights = weights_pack(root / "weights.argosmodel", 100)
        started = time.perf_counter()
        install_from_file(weights)
        seconds = time.perf_counter() - started
        rows.append(("install 100 MB pack from file", weights.stat().st_size, seconds, "ok"))
        remove_pack("en", "de")

        data = weights.read_bytes()
        with LoopbackServer() as server:
            url = server.serve("/weights.argosmodel", data)
            available = AvailablePack("en", "de", "English", "German", "1.0", links=(url,),
                                      sha256=hashlib.sha256(data).hexdigest())
            del data
            started = time.perf_counter()
            download_and_install(available)
            seconds = time.perf_counter() - started
        rows.append(("download + verify + install 100 MB (loopback)", weights.stat().st_size,
                     seconds, "ok"))

    print("| case | file size | time | result |\n|---|---:|---:|---|")
    for case, size, seconds, message in rows:
        print(f"| {case} | {size / MB:,.2f} MB | {seconds * 1000:,.0f} ms | {message} |")
    print(f"\npeak RSS of the whole run: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
