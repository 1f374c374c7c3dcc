"""The README's Quickstart on a fresh clone: ``qadeck build`` leaves ``git status`` clean.

The bundled deck's lock file is committed with its sources; a change to what ends up in a note
(rendering, tagging, the content hash) makes every card "updated" and rewrites the lock, so the
first thing a new user sees is a modified file they never touched. This test fails until the
committed lock is regenerated: run ``qadeck build`` at the repository's root and commit
``cards/qadeck.lock``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli

from .conftest import CARDS


def test_building_the_bundled_deck_leaves_its_committed_lock_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    shutil.copytree(CARDS, folder)
    committed = (CARDS / "qadeck.lock").read_bytes()

    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "build")])

    assert result.exit_code == 0, result.output
    assert "Since last build: 0 added, 0 updated, 207 unchanged, 0 removed" in result.output, (
        "cards/qadeck.lock is stale: run 'qadeck build' at the repository's root and commit it"
    )
    assert (folder / "qadeck.lock").read_bytes() == committed
