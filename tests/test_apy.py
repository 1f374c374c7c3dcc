"""apy's Markdown notes: ``# Note`` headings, ``model:``/``tags:`` lines, ``## Field`` headings.

The cards of a whole file are a golden fixture (``fixtures/apy/notes.md``); here, what is no apy
file, and what a real Anki makes of a cloze note.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid

CLOZE = """model: Cloze
tags: gases

# Note
## Text
Air is mostly {{c1::nitrogen}} and {{c2::oxygen}}.

## Back Extra
Argon comes third.
"""


def parsed(tmp_path: Path, text: str):
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_a_model_line_makes_a_cloze_note_a_cloze_card(tmp_path):
    result = parsed(tmp_path, CLOZE)
    assert result.layout == "apy"
    assert [(card.kind, card.question, card.answer, card.tags) for card in result.cards] == [
        ("cloze", "Air is mostly {{c1::nitrogen}} and {{c2::oxygen}}.", "Argon comes third.", ("gases",))]


def test_a_page_whose_sections_name_no_field_is_no_apy_file(tmp_path):
    page = """model: a small language model

# Setup

## Install
Run the installer.

## What does the model need?
A GPU with 8 GB of memory.
"""
    result = parsed(tmp_path, page)
    assert result.layout != "apy"
    assert "What does the model need?" in [card.question for card in result.cards]


def test_notes_without_a_model_line_stay_the_labelled_layouts(tmp_path):
    notes = "# Note\n## Front\nWhat is 2 + 2?\n\n## Back\n4\n\n# Note\n## Front\nWhat is 3 + 3?\n\n## Back\n6\n"
    result = parsed(tmp_path, notes)
    assert result.layout == "labelled"
    assert [(card.question, card.answer) for card in result.cards] == [("What is 2 + 2?", "4"), ("What is 3 + 3?", "6")]


def test_anki_makes_a_card_per_deletion(tmp_path, collection):
    source = tmp_path / "Air.md"
    source.write_text(CLOZE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (package,) = (tmp_path / "out").glob("*.apkg")
    import_apkg(collection, package)
    (note,) = notes_by_guid(collection).values()
    assert note.note_type()["name"] == "qadeck Cloze"
    ids = sorted(note.card_ids())
    assert len(ids) == 2
    shown = re.sub(r"<[^>]+>", "", collection.get_card(ids[0]).question())
    assert "Air is mostly [...] and oxygen." in shown
    assert "gases" in note.tags
