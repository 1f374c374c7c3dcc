"""apy's Markdown notes: ``# Note`` headings, ``model:``/``tags:`` lines, ``## Field`` headings.

The cards of a whole file are a golden fixture (``fixtures/apy/notes.md``); here, what is no apy
file, and what a real Anki makes of a cloze note.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import built_note, parsed, shown_fronts

CLOZE = """model: Cloze
tags: gases

# Note
## Text
Air is mostly {{c1::nitrogen}} and {{c2::oxygen}}.

## Back Extra
Argon comes third.
"""


def read(tmp_path: Path, text: str):
    return parsed(tmp_path / "notes.md", text)


def test_a_model_line_makes_a_cloze_note_a_cloze_card(tmp_path):
    result = read(tmp_path, CLOZE)
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
    result = read(tmp_path, page)
    assert result.layout != "apy"
    assert "What does the model need?" in [card.question for card in result.cards]


def test_notes_without_a_model_line_stay_the_labelled_layouts(tmp_path):
    notes = "# Note\n## Front\nWhat is 2 + 2?\n\n## Back\n4\n\n# Note\n## Front\nWhat is 3 + 3?\n\n## Back\n6\n"
    result = read(tmp_path, notes)
    assert result.layout == "labelled"
    assert [(card.question, card.answer) for card in result.cards] == [("What is 2 + 2?", "4"), ("What is 3 + 3?", "6")]


def test_anki_makes_a_card_per_deletion(tmp_path, collection):
    note = built_note(tmp_path, collection, "Air.md", CLOZE)
    fronts = shown_fronts(collection, note)
    assert (note.note_type()["name"], len(fronts)) == ("qadeck Cloze", 2)
    assert "Air is mostly [...] and oxygen." in fronts[0] and "gases" in note.tags
