"""Staged files: written now, in place only once committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck.errors import OutputError
from qadeck.files import Staged


def test_a_staged_text_replaces_the_file_only_when_committed(tmp_path: Path):
    path = tmp_path / "qadeck.lock"
    path.write_text("old\n", encoding="utf-8")
    with Staged(path) as staged:
        staged.write_if_changed("new\n")
        assert path.read_text(encoding="utf-8") == "old\n"
        assert staged.commit() is True
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qadeck.lock"]


def test_the_same_text_stages_nothing(tmp_path: Path):
    path = tmp_path / "qadeck.lock"
    path.write_text("same\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    with Staged(path) as staged:
        staged.write_if_changed("same\n")
        assert staged.commit() is False
    assert path.stat().st_mtime_ns == before


def test_a_block_left_without_commit_leaves_the_file_and_no_stray_file(tmp_path: Path):
    path = tmp_path / "qadeck.lock"
    with pytest.raises(RuntimeError), Staged(path) as staged:
        staged.write_if_changed("text\n")
        raise RuntimeError("an output failed")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_an_output_error_naming_the_file(tmp_path: Path):
    path = tmp_path / "missing" / "qadeck.lock"
    with Staged(path) as staged, pytest.raises(OutputError, match="qadeck.lock: cannot write"):
        staged.write_if_changed("text\n")


def test_a_folder_that_is_a_file_is_an_output_error_not_the_cleanup_s(tmp_path: Path):
    # Removing the staged file fails there too (as on a read-only file system, where even removing
    # nothing fails): the error that says why must be the one the user sees.
    (tmp_path / "notes").write_text("a file, not a folder\n", encoding="utf-8")
    path = tmp_path / "notes" / "qadeck.lock"
    with pytest.raises(OutputError, match="qadeck.lock: cannot write"), Staged(path) as staged:
        staged.write_if_changed("text\n")
