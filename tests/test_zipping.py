"""Zips written by hand, deflated in pieces: what zipfile (and so Anki) reads back."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.perf import zipping


@settings(deadline=None)  # threads on a shared machine: time is the benchmarks' business
@given(st.binary(max_size=3000), st.integers(1, 700))
def test_pieces_deflated_apart_inflate_to_the_data(data: bytes, piece: int):
    out = io.BytesIO()
    with ThreadPoolExecutor(2) as pool:
        crc, packed, size = zipping._deflate_to(out, zipping._slices(data, piece), pool)
    assert zlib.decompress(out.getvalue(), -zlib.MAX_WBITS) == data
    assert (crc, packed, size) == (zlib.crc32(data), len(out.getvalue()), len(data))


def test_a_zip_reads_back_with_its_members_dates_and_modes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(zipping, "PIECE", 1000)  # the big member in several pieces, on two threads
    words = [b"note", b"card", b"deck", b"\x1f", b"<p>", b"answer", b"0123456789"]
    big = b" ".join(random.Random(7).choice(words) for _ in range(20_000))
    (tmp_path / "big.db").write_bytes(big)
    members = {"collection.anki2": big, "media": b"{}", "empty": b"", "ünïcode.txt": "é".encode()}
    path = tmp_path / "deck.apkg"
    zipping.write_zip(path, {**members, "collection.anki2": tmp_path / "big.db"})  # a file, read in pieces
    with zipfile.ZipFile(path) as package:
        assert package.read("collection.anki2") == big
    zipping.write_zip(path, members)
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None  # every CRC checks
        assert package.namelist() == list(members)
        assert {name: package.read(name) for name in members} == members
        for info in package.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o644
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert path.stat().st_size < len(big) // 2


def test_the_same_members_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(zipping, "PIECE", 999)
    members = {"a": bytes(range(256)) * 100, "b": b"{}"}
    zipping.write_zip(tmp_path / "1.zip", members)
    zipping.write_zip(tmp_path / "2.zip", members)
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()


def test_stored_members_are_copied_as_they_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(zipping, "PIECE", 1000)  # a file member copied in several pieces
    picture = tmp_path / "picture.png"
    picture.write_bytes(random.Random(7).randbytes(4500))
    path = tmp_path / "out.zip"
    zipping.write_zip(path, {"data": b"text " * 300, "0": picture}, stored=frozenset({"0"}))
    with zipfile.ZipFile(path) as written:
        assert written.testzip() is None
        assert written.getinfo("0").compress_type == zipfile.ZIP_STORED
        assert written.getinfo("data").compress_type == zipfile.ZIP_DEFLATED
        assert written.read("0") == picture.read_bytes() and written.read("data") == b"text " * 300
