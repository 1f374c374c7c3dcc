"""A page that documents a project or a folder (a README's "Installation", "Usage", "License") is no deck of
titled cards: a notes folder's README adds no cards, while a deck titled by its terms still reads as cards."""

from __future__ import annotations

from pathlib import Path

from .listing import layout_of, listed

README = """# My study notes

Notes for the exam, one file a topic.

## Layout

- `bio.md`: biology

## Building

Run `qadeck build` in this folder.

## License

CC BY 4.0
"""


def test_a_notes_folders_readme_adds_no_cards(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "bio.md").write_text("Q: What is osmosis?\nA: Water crossing a membrane.\n\n"
                                     "Q: What is diffusion?\nA: Particles spreading out.\n", encoding="utf-8")
    assert [(c["source"], c["question"]) for c in listed(tmp_path)] == [
        ("bio.md", "What is osmosis?"), ("bio.md", "What is diffusion?")]


def test_titled_cards_with_an_overview_stay_cards() -> None:
    text = ("# Cells\n\n## Overview\n\nWhat cells are made of.\n\n## Mitochondria\n\nWhere respiration happens.\n\n"
            "## Ribosome\n\nWhere proteins are made.\n\n## License\n\nCC BY 4.0\n")
    assert layout_of(text, "cells.md") == "titles"
