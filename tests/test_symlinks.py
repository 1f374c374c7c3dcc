"""Nothing outside the SOURCES given is read: a symlink that leads out is skipped, with a warning.

A notes repository cloned from someone else could carry ``notes.txt -> ~/.ssh/id_rsa``; the
prose layout turns any text into cards, and cards go into decks people share. These tests
make real symlinks, and are skipped where the system cannot (Windows without the right).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli
from qadeck.sources import collect, resolves_inside

#: A secret written as prose: the prose layout makes cards of it when it is read.
SECRET = """Private Notes
A vault key is a secret string that opens the vault; ours is swordfish-4471.
Rotating the key involves writing swordfish-4471 on a new card every month.
Leaks can be avoided by keeping swordfish-4471 in a password manager.
A backup key serves as a spare copy of swordfish-4471 kept in the safe.
"""
NOTES = "Q: What is a feature store?\nA: A central place that serves features to training and inference.\n"


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"this system cannot make symlinks: {exc}")


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """A notes folder, and a secret folder beside it that the notes link to."""
    notes, secret = tmp_path / "notes", tmp_path / "secret"
    notes.mkdir()
    secret.mkdir()
    (notes / "cards.txt").write_text(NOTES, encoding="utf-8")
    (secret / "id_rsa.txt").write_text(SECRET, encoding="utf-8")
    return notes, secret


def _list(*args: str):
    return CliRunner().invoke(cli, ["list", "--json", *args], catch_exceptions=False)


def test_a_symlinked_secret_file_is_skipped_with_a_warning_naming_it(layout):
    notes, secret = layout
    _symlink(notes / "notes.txt", secret / "id_rsa.txt")
    result = _list(str(notes))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {notes / 'notes.txt'}: skipped, a symlink to a place outside the sources "
                        "(--follow-symlinks reads it)"]
    cards = json.loads(result.stdout)
    assert [c["source"] for c in cards] == ["cards.txt"]
    assert "swordfish" not in result.stdout


def test_a_symlinked_folder_that_leads_out_is_skipped_with_a_warning(layout):
    notes, secret = layout
    _symlink(notes / "more", secret)
    result = _list(str(notes))
    assert result.exit_code == 0, result.output
    assert f"warning: {notes / 'more'}: skipped, a symlink to a place outside the sources" in result.stderr
    assert "swordfish" not in result.stdout


def test_follow_symlinks_opts_in(layout):
    notes, secret = layout
    _symlink(notes / "notes.txt", secret / "id_rsa.txt")
    result = _list(str(notes), "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert "swordfish" in result.stdout and "warning:" not in result.stderr


def test_the_secret_reaches_no_card_of_any_output(layout, tmp_path):
    notes, secret = layout
    _symlink(notes / "notes.txt", secret / "id_rsa.txt")
    _symlink(notes / "more", secret)
    out = tmp_path / "build"
    result = CliRunner().invoke(cli, ["build", str(notes), "-o", str(out), "--format", "apkg,csv,json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = [p for p in out.rglob("*") if p.is_file()]
    assert {p.suffix for p in written} >= {".apkg", ".csv", ".json"}
    for path in [*written, notes / "qadeck.lock"]:
        assert b"swordfish" not in path.read_bytes(), path


def test_symlinks_that_stay_inside_the_sources_are_read(layout):
    notes, _ = layout
    (notes / "sub").mkdir()
    (notes / "sub" / "real.txt").write_text(NOTES.replace("feature store", "model registry"), encoding="utf-8")
    _symlink(notes / "alias.txt", notes / "sub" / "real.txt")
    result = _list(str(notes))
    assert "warning:" not in result.stderr
    assert len(json.loads(result.stdout)) == 2  # the alias is the same file as real.txt: read once


def test_a_file_named_on_the_command_line_is_read_wherever_its_link_leads(layout):
    notes, secret = layout
    _symlink(notes / "notes.txt", secret / "id_rsa.txt")
    result = _list(str(notes / "notes.txt"))
    assert "swordfish" in result.stdout  # the user named it: that is the opt-in


def test_resolves_inside_is_the_one_rule(layout, tmp_path):
    notes, secret = layout
    _symlink(notes / "notes.txt", secret / "id_rsa.txt")
    assert resolves_inside(notes / "cards.txt", [notes])
    assert not resolves_inside(notes / "notes.txt", [notes])
    assert resolves_inside(notes / "notes.txt", [notes, secret])
    assert not resolves_inside(notes / ".." / "secret" / "id_rsa.txt", [notes])  # a relative path out
    assert resolves_inside(notes, [notes])
    skipped = collect([notes]).skipped
    assert skipped == [f"{notes / 'notes.txt'}: skipped, a symlink to a place outside the sources "
                       "(--follow-symlinks reads it)"]
    assert [p.name for p in collect([notes], follow_symlinks=True).files] == ["cards.txt", "notes.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_loop_ends(layout):
    notes, _ = layout
    _symlink(notes / "loop", notes)
    found = collect([notes], follow_symlinks=True)
    assert [p.name for p in found.files] == ["cards.txt"]
