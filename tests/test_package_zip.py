"""The package's zip: what zipfile (and so Anki) reads back, the same bytes for the same database."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from qadeck.writers.apkg import zip_package


def test_a_package_reads_back_with_its_members_dates_and_modes(tmp_path: Path):
    words = [b"note", b"card", b"deck", b"\x1f", b"<p>", b"answer", b"0123456789"]
    big = b" ".join(random.Random(7).choice(words) for _ in range(200_000))  # more than one 1 MB copy
    database = tmp_path / "collection.anki2"
    database.write_bytes(big)
    path = tmp_path / "deck.apkg"
    zip_package(path, {"collection.anki2": database, "media": b"{}"})
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None  # every CRC checks
        assert package.namelist() == ["collection.anki2", "media"]
        assert package.read("collection.anki2") == big and package.read("media") == b"{}"
        for info in package.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o644 and info.create_system == 3
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert path.stat().st_size < len(big) // 2


def test_the_same_database_gives_the_same_bytes(tmp_path: Path):
    database = tmp_path / "collection.anki2"
    database.write_bytes(bytes(range(256)) * 100)
    zip_package(tmp_path / "1.apkg", {"collection.anki2": database})
    database.touch()  # a newer file time changes nothing
    zip_package(tmp_path / "2.apkg", {"collection.anki2": database})
    assert (tmp_path / "1.apkg").read_bytes() == (tmp_path / "2.apkg").read_bytes()


def test_a_picture_is_stored_as_it_is_and_text_is_deflated(tmp_path: Path):
    picture = tmp_path / "chart.png"
    picture.write_bytes(bytes(range(256)) * 20)
    path = tmp_path / "deck.apkg"
    zip_package(path, {"data": b"text " * 300, "0": picture})
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        assert package.read("0") == picture.read_bytes() and package.read("data") == b"text " * 300
        methods = {info.filename: info.compress_type for info in package.infolist()}
        assert methods == {"data": zipfile.ZIP_DEFLATED, "0": zipfile.ZIP_STORED}
