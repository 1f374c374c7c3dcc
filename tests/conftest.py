"""Shared test helpers: the repo's own cards/ folder and a real Anki collection."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# Property tests check what the code does, never how fast: a slow or loaded machine must not fail them (speed is
# measured by benchmarks/). In CI the examples are drawn the same way on every run, so a landing is judged on
# its change; elsewhere each run draws new ones, to find what CI's do not.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

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


def parsed(path: Path, text: str):
    """``text`` saved as ``path`` and parsed as qadeck reads a user's file."""
    from qadeck import parsers, sources

    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def layout_pairs_unanswered(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]], int]:
    """What qadeck reads in ``text`` saved as ``name``: its layout, (question, answer) pairs and count of
    unanswered questions (``("", [], 0)`` for a file it cannot read)."""
    from qadeck.errors import QadeckError

    try:
        result = parsed(tmp_path / name, text)
    except QadeckError:
        return "", [], 0
    unanswered = sum(1 for finding in result.findings if finding.kind == "unanswered")
    return result.layout, [(card.question, card.answer) for card in result.cards], unanswered


def built_note(tmp_path: Path, col, name: str, text: str):
    """The one note ``col`` holds once it imports the package ``qadeck build`` makes of ``text`` saved as ``name``."""
    from click.testing import CliRunner

    from qadeck.cli import cli

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (package,) = (tmp_path / "out").glob("*.apkg")
    import_apkg(col, package)
    (note,) = notes_by_guid(col).values()
    return note


def script_module(name: str) -> Iterator[ModuleType]:
    """``scripts/<name>.py`` imported as a module, for a module-scoped fixture to yield (the scripts
    are no package); it is registered while in use, because dataclasses look their module up."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[name]


def shown_fronts(col, note) -> list[str]:
    """The front Anki shows for each card of ``note``, in card order, without its HTML tags."""
    import re

    return [re.sub(r"<[^>]+>", "", col.get_card(card).question()) for card in sorted(note.card_ids())]


def listed(*paths: Path) -> list[dict[str, object]]:
    """What ``qadeck list --json PATHS`` prints, as a user runs it (it must succeed)."""
    from click.testing import CliRunner

    from qadeck.cli import cli

    result = CliRunner().invoke(cli, ["list", "--json", *map(str, paths)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def pairs(cards: list[dict[str, object]]) -> list[tuple[object, object]]:
    """Each listed card's question and answer."""
    return [(card["question"], card["answer"]) for card in cards]


def read_in_fresh_process(path: Path, what: str = "text") -> str:
    """``path`` read as a build reads it, in a fresh process given a minute: its text (``what="text"``) or its cards'
    questions as JSON (``what="questions"``). A reader that never returns on a hostile file fails the test that
    asks, rather than stalling the suite."""
    script = ("import json, sys; from pathlib import Path; from qadeck import parsers, sources; "
              "source = sources.read(Path(sys.argv[1])); "
              "print(source.text if sys.argv[2] == 'text' else json.dumps([c.question for c in parsers.parse(source).cards]))")
    done = subprocess.run([sys.executable, "-c", script, str(path), what], capture_output=True, text=True, timeout=60,
                          check=True, encoding="utf-8")
    return done.stdout
