"""A push killed midway leaves a collection that opens and checks clean (the real backend)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CARDS = 10000


def big_deck(folder: Path) -> Path:
    """A deck big enough that its import takes a while."""
    folder.mkdir()
    lines = [f"Q: What does step {i} of the rollout check?\nA: It checks health probe {i} before traffic moves.\n"
             for i in range(CARDS)]
    (folder / "rollout.txt").write_text("".join(lines), encoding="utf-8")
    return folder


def test_a_push_killed_midway_leaves_a_clean_collection(tmp_path):
    from anki.collection import Collection

    path = tmp_path / "User 1" / "collection.anki2"
    path.parent.mkdir()
    Collection(str(path)).close()
    sources = big_deck(tmp_path / "deck")
    backups = path.parent / "backups"
    env = {**os.environ, "ANKI_BASE": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "qadeck", "push", str(sources), "-o", str(tmp_path / "build")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while not (backups.is_dir() and any(backups.iterdir())):  # the backup comes right before the import
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.kill()  # the import starts right after the backup and takes a second or more
        proc.wait(60)
    finally:
        proc.kill()
    output = proc.stdout.read().decode()
    assert "pushed to" not in output  # killed before it finished

    col = Collection(str(path))
    try:
        killed_at = len(col.find_notes(""))
        print(f"notes after the kill: {killed_at}")
        assert killed_at in (0, CARDS)  # all or nothing
        message, ok = col.fix_integrity()
        assert ok, message
    finally:
        col.close()
    again = subprocess.run([sys.executable, "-m", "qadeck", "push", str(sources), "-o", str(tmp_path / "build")],
                           env=env, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    col = Collection(str(path))
    try:
        assert len(col.find_notes("")) == CARDS
        assert col.fix_integrity()[1]
    finally:
        col.close()
