"""Shared test helpers: the repo's own cards/ folder and a real Anki collection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CARDS = REPO / "cards"
SEED_FILES = sorted(p.name for p in CARDS.glob("*.txt"))


@pytest.fixture
def cards_copy(tmp_path: Path) -> Path:
    """A private copy of cards/ (sources + qadeck.yaml, no lock) to build and edit."""
    folder = tmp_path / "cards"
    shutil.copytree(CARDS, folder, ignore=shutil.ignore_patterns("qadeck.lock"))
    return folder


@pytest.fixture
def collection(tmp_path: Path):
    """A fresh, empty Anki collection (the real Anki backend)."""
    from anki.collection import Collection

    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col, path: Path):
    """Import a package the way Anki's File > Import does, with default options."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request)


def notes_by_guid(col) -> dict:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
