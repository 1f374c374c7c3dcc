"""Staged and pending files: written now, in place only once committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck.errors import OutputError
import threading

from qadeck.files import Pending, Staged, commit_all, in_background


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


def _finished_in_a_thread(text: str, started: threading.Event, go: threading.Event):
    """A writer that writes ``text`` in a thread once ``go`` is set, as the package zips its database."""
    def write(tmp: Path):
        def rest():
            started.set()
            assert go.wait(5)
            tmp.write_text(text, encoding="utf-8")
        return in_background(rest)
    return write


def test_a_pending_file_finished_in_a_thread_goes_in_place_only_when_committed(tmp_path: Path):
    path = tmp_path / "deck.apkg"
    path.write_text("old", encoding="utf-8")
    started, go = threading.Event(), threading.Event()
    pending = Pending(path, _finished_in_a_thread("new", started, go))
    assert started.wait(5)  # the write goes on while this thread does something else
    assert path.read_text(encoding="utf-8") == "old"
    go.set()
    pending.commit()
    assert path.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_a_discarded_pending_file_leaves_the_old_one_and_no_stray_file(tmp_path: Path):
    path = tmp_path / "deck.apkg"
    path.write_text("old", encoding="utf-8")
    started, go = threading.Event(), threading.Event()
    pending = Pending(path, _finished_in_a_thread("new", started, go))
    go.set()
    pending.discard()
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]


def test_an_error_in_the_thread_is_raised_by_commit_and_the_rest_are_dropped(tmp_path: Path):
    (tmp_path / "a.apkg").write_text("old a", encoding="utf-8")
    (tmp_path / "b.csv").write_text("old b", encoding="utf-8")

    def failing(tmp: Path):
        def rest():
            raise OSError(28, "No space left on device")
        return in_background(rest)

    pending = [Pending(tmp_path / "a.apkg", failing),
               Pending(tmp_path / "b.csv", lambda tmp: tmp.write_text("new b", encoding="utf-8"))]
    with pytest.raises(OutputError, match="a.apkg: cannot write: No space left on device"):
        commit_all(pending)
    assert (tmp_path / "a.apkg").read_text(encoding="utf-8") == "old a"
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.apkg", "b.csv"]
