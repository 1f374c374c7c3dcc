"""Helpers the layout tests share: the layout detection picks for a text, the cards ``qadeck list --json`` prints,
the one-line error a file that cannot be read gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli
from qadeck.errors import SourceError
from qadeck.model import Source


def layout_of(text: str, name: str = "notes.txt") -> str | None:
    """The name of the layout detection picks for ``text`` saved as ``name`` (None when none fits)."""
    layout, _ = parsers.detect(Source(Path(name), text))
    return layout.name if layout else None


def listed(path: Path) -> list[dict]:
    """The cards ``qadeck list --json PATH`` prints, after checking that it succeeded."""
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def listed_file(folder: Path, name: str, data: bytes) -> list[dict]:
    """The cards ``qadeck list --json`` prints for a file ``name`` holding ``data``, written in ``folder``."""
    path = folder / name
    path.write_bytes(data)
    return listed(path)


def pairs(found: list[dict]) -> list[tuple[object, object]]:
    """(question, answer) of each card ``listed`` gave."""
    return [(card["question"], card["answer"]) for card in found]


def refused(path: Path, message: str, command: str = "list", *options: str) -> None:
    """``qadeck COMMAND PATH [OPTIONS]`` fails with one line naming the file and saying ``message``, never a
    traceback; reading the file as a source raises :class:`SourceError`."""
    result = CliRunner().invoke(cli, [command, str(path), *options])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{path}: {message}" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(SourceError):
        sources.read(path)
