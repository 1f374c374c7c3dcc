"""Progress: a bar on a terminal once a stage has run a while; nothing otherwise."""

from __future__ import annotations

import io

import pytest

from qadeck import cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("after, shown", [(0.0, True), (60.0, False)])
def test_a_bar_appears_only_when_the_stage_runs_long(monkeypatch: pytest.MonkeyPatch, after: float, shown: bool):
    monkeypatch.setattr(cli, "PROGRESS_AFTER", after)
    terminal = Terminal()
    assert list(cli.track(range(10), "Parsing", 10, stream=terminal)) == list(range(10))
    assert ("Parsing" in terminal.getvalue()) is shown


def test_no_bar_when_the_output_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)
    pipe = io.StringIO()
    assert list(cli.track(iter("abc"), "Rendering", 3, stream=pipe)) == ["a", "b", "c"]
    assert pipe.getvalue() == ""
