"""Helpers the layout tests share: the layout detection picks for a text, the cards ``qadeck list --json`` prints."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck import parsers
from qadeck.cli import cli
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
