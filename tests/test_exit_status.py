"""The exit status of the installed ``qadeck`` command (:func:`qadeck.cli.main`), not Click's test runner.

Scripts and shells read it: an interrupted or failed command must not report success, and a
reader that stops early (``qadeck list --json | head``) is no internal error.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qadeck import pipeline
from qadeck.cli import main

from .conftest import CARDS


def test_a_reader_that_stops_reading_is_no_internal_error():
    # The pipe is closed before qadeck writes: every write of the JSON array fails.
    child = subprocess.Popen(
        [sys.executable, "-m", "qadeck", "list", "--json", str(CARDS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    child.stdout.close()
    errors = child.stderr.read().decode()
    assert child.wait() == 1
    assert "Error" not in errors and "Traceback" not in errors and "Exception" not in errors, errors


def test_an_interrupted_command_exits_130(cards_copy: Path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "prepare", interrupted)
    assert main(["list", str(cards_copy)]) == 130
    assert "Interrupted" in capsys.readouterr().err


def test_a_command_that_succeeds_exits_0(cards_copy: Path):
    assert main(["list", str(cards_copy)]) == 0
