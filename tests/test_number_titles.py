"""Headings that are a number alone (an exercise's, a date) title no card: the ``titles`` layout reads a heading as
a card's front only when it has words to ask with."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli

from .listing import listed_file, pairs


def test_solutions_under_bare_exercise_numbers_give_no_cards(tmp_path: Path) -> None:
    text = ("# Answers to chapter two\n\n### 2.01\n\n1. p or q\n2. not p\n\n### 2.02\n\nTrue in every row.\n\n"
            "### 2.03\n\n| p | q |\n|---|---|\n| T | F |\n\n### 2.04\n\nA tautology.\n")
    path = tmp_path / "answers.md"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code != 0 and "no questions with answers" in result.output


def test_worded_titles_stay_cards_beside_numbered_ones(tmp_path: Path) -> None:
    text = ("# Logic notes\n\n## Modus ponens\n\nFrom p and p implies q, infer q.\n\n## 2024-03-05\n\nRevised the tables.\n\n"
            "## Contraposition\n\nAn implication and its contrapositive agree.\n")
    found = listed_file(tmp_path, "logic.md", text.encode())
    assert pairs(found) == [
        ("Modus ponens", "From p and p implies q, infer q."),
        ("Contraposition", "An implication and its contrapositive agree."),
    ]


def test_a_guide_whose_titles_are_its_steps_gives_no_cards(tmp_path: Path) -> None:
    text = ("# Setting up the sync\n\nA few steps in each program.\n\n## Step 1: Add the plugin\n\nDrop the file into the "
            "wiki.\n\n## Step 2: Install the runtime\n\nAny recent version works.\n\n## Step 3: Connect the app\n\n"
            "Paste the address into its settings.\n")
    path = tmp_path / "setup.md"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code != 0 and "no questions with answers" in result.output


def test_notes_with_one_step_title_among_topics_keep_their_cards(tmp_path: Path) -> None:
    text = ("# Garden notes\n\n## Composting\n\nLayer greens and browns.\n\n## Step 1: Dig the bed\n\nA spade's depth.\n\n"
            "## Mulching\n\nKeeps the soil moist.\n")
    found = listed_file(tmp_path, "garden.md", text.encode())
    assert pairs(found) == [("Composting", "Layer greens and browns."), ("Step 1: Dig the bed", "A spade's depth."),
                            ("Mulching", "Keeps the soil moist.")]
