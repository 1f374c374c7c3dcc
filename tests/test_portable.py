"""The build where worker processes start with ``spawn`` (Windows, macOS), and on a platform without
fork, ``os.pread`` or ``os.nice`` (as on Windows): cold, unchanged and after an edit, the same notes
as a build here without workers."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from qadeck import pipeline

NOW = 1_700_000_000
EDITED = "mlops-packaging-deployment.txt"


def notes(apkg: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(guid, fields, tags) of every note in the package, by guid."""
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path / "unzipped")
    database = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    try:
        return database.execute("SELECT guid, flds, tags FROM notes ORDER BY guid").fetchall()
    finally:
        database.close()


def builds(cards: Path, out: Path, tmp_path: Path) -> Iterator[list[tuple[str, str, str]]]:
    """The notes of a cold build, a rebuild with nothing changed, and a rebuild after an edit."""
    for step in ("cold", "unchanged", "edited"):
        if step == "edited":
            source = cards / EDITED
            text = source.read_text(encoding="utf-8").replace("A: Docker.", "A: Podman.")
            source.write_text(text, encoding="utf-8")
        loaded = pipeline.load([cards], cache_dir=out / pipeline.CACHE_DIR)
        report = pipeline.build(pipeline.prepare(loaded, now=NOW + len(step)), out)
        apkg = next(path for path in [*report.written, *report.unchanged] if path.suffix == ".apkg")
        yield notes(apkg, tmp_path / step)


@pytest.fixture
def spawn() -> Iterator[None]:
    """Worker processes start as on Windows and macOS: a fresh interpreter that imports qadeck."""
    before = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    yield
    multiprocessing.set_start_method(before, force=True)


@pytest.fixture
def no_fork(spawn: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as on Windows: no fork start method, no ``os.fork``, ``os.pread`` or ``os.nice``."""
    for name in ("fork", "pread", "nice"):
        monkeypatch.delattr(os, name, raising=False)
    real = multiprocessing.get_context

    def get_context(method: str | None = None):
        if method in ("fork", "forkserver"):
            raise ValueError(f"cannot find context for {method!r}")
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])


def reference(cards_copy: Path, tmp_path: Path) -> list[list[tuple[str, str, str]]]:
    """The same three builds, here, without worker processes."""
    cards = tmp_path / "reference-cards"
    cards.mkdir()
    for path in cards_copy.iterdir():
        (cards / path.name).write_bytes(path.read_bytes())
    return list(builds(cards, tmp_path / "reference", tmp_path / "reference-notes"))


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["spawn", "no_fork"])
def test_builds_on_every_core_give_the_notes_of_a_build_here(
    platform: str, cards_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
):
    expected = reference(cards_copy, tmp_path)
    assert len(expected[0]) == 207 and expected[1] == expected[0] and expected[2] != expected[1]
    request.getfixturevalue(platform)
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 1)  # the seed deck's files go to the workers
    assert list(builds(cards_copy, tmp_path / "out", tmp_path / "notes")) == expected
