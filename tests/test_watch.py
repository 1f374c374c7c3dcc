"""``--watch``: a save rebuilds, Ctrl-C ends it cleanly (a real process, real file events)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is sent as SIGINT, which Windows has not"),
]
WAIT = 60


class Lines:
    """The lines a process writes, read as they come."""

    def __init__(self, proc: subprocess.Popen):
        self.seen: list[str] = []
        self.queue: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, args=(proc.stdout,), daemon=True)
        self.reader.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.queue.put(line)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return
        raise AssertionError(f"no {text!r} in {self.seen}")

    def rest(self) -> list[str]:
        self.reader.join(WAIT)
        while not self.queue.empty():
            self.seen.append(self.queue.get())
        return self.seen



def watch_build(sources: Path, out: Path) -> subprocess.Popen:
    """``qadeck build SOURCES -o OUT --format csv --watch``, as a user starts it, its output read by :class:`Lines`."""
    return subprocess.Popen(
        [sys.executable, "-m", "qadeck", "build", str(sources), "-o", str(out), "--format", "csv", "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def stop(proc: subprocess.Popen, lines: Lines) -> list[str]:
    """Ctrl-C the watcher; all it printed, once it has stopped cleanly (exit 0, its last word said)."""
    proc.send_signal(signal.SIGINT)
    proc.wait(WAIT)
    seen = lines.rest()
    assert proc.returncode == 0, seen
    assert seen[-1] == "Stopped watching.\n"
    return seen

def test_build_watch_rebuilds_on_save_and_stops_on_ctrl_c(cards_copy: Path, tmp_path: Path):
    out = tmp_path / "build"
    proc = watch_build(cards_copy, out)
    try:
        lines = Lines(proc)
        lines.wait_for("Watching")
        csv = out / "mlops-interview-questions.csv"
        assert "Docker, with a volume" not in csv.read_text(encoding="utf-8")
        source = cards_copy / "mlops-packaging-deployment.txt"
        text = source.read_text(encoding="utf-8")
        for step in ("A: Docker, with", "A: Docker, with a volume"):  # two quick saves: one rebuild
            source.write_text(text.replace("A: Docker.\n", step + ".\n"), encoding="utf-8")
            time.sleep(0.05)
        lines.wait_for("Changed: mlops-packaging-deployment.txt")
        lines.wait_for("Wrote ")
        assert "Docker, with a volume" in csv.read_text(encoding="utf-8")
        time.sleep(1.5)  # the lock file the rebuild wrote starts nothing
        config = cards_copy / "qadeck.yaml"
        good = config.read_text(encoding="utf-8")
        config.write_text(good + "colour: blue\n", encoding="utf-8")  # an error is said, and watching goes on
        lines.wait_for("Error: ")
        assert "colour" in lines.seen[-1]
        config.write_text(good, encoding="utf-8")
        lines.wait_for("Up to date: ")
        seen = stop(proc, lines)
    finally:
        proc.kill()
    assert not any("Traceback" in line for line in seen)
    assert [line for line in seen if line.startswith("Changed:")] == [
        "Changed: mlops-packaging-deployment.txt\n", "Changed: qadeck.yaml\n", "Changed: qadeck.yaml\n"]
    assert sum(line.startswith("Wrote ") for line in seen) == 2, seen


def test_push_watch_pushes_each_save_and_leaves_the_collection_closed_between(cards_copy, tmp_path):
    from anki.collection import Collection

    path = tmp_path / "Anki2" / "User 1" / "collection.anki2"
    path.parent.mkdir(parents=True)
    Collection(str(path)).close()
    env = {**os.environ, "ANKI_BASE": str(path.parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qadeck", "push", str(cards_copy), "-o", str(tmp_path / "build"), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    try:
        lines = Lines(proc)
        lines.wait_for("Watching")
        col = Collection(str(path))  # Anki can open it between two pushes
        try:
            assert len(col.find_notes("")) == 207
        finally:
            col.close()
        source = cards_copy / "mlops-packaging-deployment.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("A: Docker.\n", "A: Docker, pinned.\n"),
                          encoding="utf-8")
        lines.wait_for("Notes added 0, updated 1, unchanged 206")
        lines.wait_for("Updated ")
        seen = stop(proc, lines)
    finally:
        proc.kill()
    assert sum(line.startswith("Backup: ") for line in seen) == 1, seen  # one backup a session
    assert len(list((path.parent / "backups").iterdir())) == 1


def test_build_watch_rebuilds_when_a_word_processor_document_is_saved(tmp_path: Path):
    from .test_word_processors import odt  # the .odt builder those tests share

    folder, out = tmp_path / "notes", tmp_path / "build"
    folder.mkdir()
    entry = '<text:p text:style-name="P1">{}</text:p><text:p>{}</text:p>'
    faq = folder / "faq.odt"
    faq.write_bytes(odt(entry.format("Is it free?", "Yes.") + entry.format("Does it sync?", "Nightly.")))
    proc = watch_build(folder, out)
    try:
        lines = Lines(proc)
        lines.wait_for("Watching")
        faq.write_bytes(odt(entry.format("Is it free?", "Yes, for everyone.") + entry.format("Does it sync?", "Nightly.")))
        lines.wait_for("Changed: faq.odt")
        lines.wait_for("Wrote ")
        seen = stop(proc, lines)
    finally:
        proc.kill()
    assert "Yes, for everyone." in next(out.glob("*.csv")).read_text(encoding="utf-8")
    assert not any("Traceback" in line for line in seen)
