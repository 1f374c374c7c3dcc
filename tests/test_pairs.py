"""The ``pairs`` layout: plain lines as question and answer, and the files it must leave to other layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli

from .listing import layout_of, listed


def test_alternating_questions_are_cards_through_the_cli(tmp_path: Path) -> None:
    deck = tmp_path / "flashcards.txt"
    deck.write_text("What is the capital of Peru?\nLima\nWhat is the capital of Chile?\nSantiago\n"
                    "What is the capital of Ghana?\nAccra\n", encoding="utf-8")
    cards = listed(deck)
    assert [(c["question"], c["answer"], c["lines"]) for c in cards] == [
        ("What is the capital of Peru?", "Lima", [1, 2]),
        ("What is the capital of Chile?", "Santiago", [3, 4]),
        ("What is the capital of Ghana?", "Accra", [5, 6]),
    ]


def test_a_folder_of_paired_lines_builds_a_deck(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "cards.txt").write_text(
        "Mitosis\nCell division giving two identical daughter cells.\n\n"
        "Meiosis\nCell division giving four cells with half the chromosomes.\n\n"
        "Osmosis\nWater moving through a membrane towards the stronger solution.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "3 cards" in result.output
    assert list((tmp_path / "out").glob("*.apkg"))


def test_answer_text_stays_escaped_markdown(tmp_path: Path) -> None:
    deck = tmp_path / "cards.txt"
    deck.write_text("What tag opens a script?\n<script>alert(1)</script>\n\nWhat is 2 + 2?\n4\n\n"
                    "What is 3 + 3?\n6\n", encoding="utf-8")
    cards = listed(deck)
    assert cards[0]["question"] == "What tag opens a script?"
    assert "<script>" not in cards[0]["answer_html"]


@pytest.mark.parametrize(
    "text",
    [
        # Hard-wrapped prose: each paragraph's first line runs on into the next.
        "The committee met on Tuesday to discuss the budget for the coming year and the\n"
        "plans for the new building, which had been delayed twice already by the weather.\n\n"
        "Most members agreed that the costs were too high and that the architect should be\n"
        "asked to simplify the design before any further money was spent on the project.\n\n"
        "A final decision was postponed until the next meeting, when the revised drawings\n"
        "and the updated estimates from the builders would be ready for everyone to see.\n",
        # Short lines of the same kind, no question and no definitions: a list, not cards.
        "C\nG\nD\nA\nE\nB\nF\nC\n",
        # Paragraphs of one-line cards with a separator: the separated layout's shape.
        "cat - gato\ndog - perro\n\nhouse - casa\ntree - arbol\n\nbook - libro\nsun - sol\n",
        # Obsidian's "?" line parts a multi-line card.
        "#flashcards\nWhat is a monad\n?\nA monoid in the category of endofunctors\n",
    ],
)
def test_what_pairs_does_not_read(text: str) -> None:
    assert layout_of(text) != "pairs"


def test_numbered_and_labelled_files_keep_their_layouts() -> None:
    numbered = "1. What is DNS?\nThe internet's phone book.\n\n2. What is TCP?\nA reliable stream.\n\n" \
               "3. What is UDP?\nDatagrams.\n"
    labelled = "Q: What is DNS?\nA: The internet's phone book.\n\nQ: What is TCP?\nA: A reliable stream.\n\n" \
               "Q: What is UDP?\nA: Datagrams.\n"
    assert layout_of(numbered) == "numbered"
    assert layout_of(labelled) == "prefixed"


def test_two_pairs_are_no_deck() -> None:
    # Any two short paragraphs read as two pairs: a deck of paired lines holds three cards at least.
    assert layout_of("Shopping\nmilk, eggs\n\nCall\nthe plumber\n") != "pairs"


def test_labels_that_do_not_alternate_stay_card_text(tmp_path: Path) -> None:
    # "Note:" opens some answers only: no label the app wrote on every line, so it is the author's text.
    deck = tmp_path / "cards.txt"
    deck.write_text("Osmosis\nNote: water crosses a membrane.\n\nDiffusion\nParticles spread out.\n\n"
                    "Active transport\nNote: it costs ATP.\n", encoding="utf-8")
    assert [(c["question"], c["answer"]) for c in listed(deck)] == [
        ("Osmosis", "Note: water crosses a membrane."),
        ("Diffusion", "Particles spread out."),
        ("Active transport", "Note: it costs ATP."),
    ]


def test_a_paragraph_of_labelled_answers_is_a_card_a_label(tmp_path: Path) -> None:
    """Answers pasted with no blank line between them: each label (a short line ending in ":") after a line
    closing a sentence opens a card; "… as follows:" over a list stays in its answer, and a label closing a
    paragraph takes the next paragraph as its answer."""
    notes = tmp_path / "revision.txt"
    notes.write_text(
        "Purpose of a linker:\nIt joins object files into one program.\n"
        "Static linking:\nLibraries are copied into the program when it is built.\n\n"
        "Why is dynamic linking used?\nPrograms share one copy of a library, and the\n"
        "copy can be updated on its own.\n"
        "Symbol resolution:\nThe linker proceeds as follows:\n- it reads every symbol table;\n"
        "- it matches each use to one definition.\n"
        "Relocation:\n\n"
        "Addresses in each object file are moved\nto where the file ends up.\n\n"
        "Loader:\nThe part of the system that puts a program in memory.\n",
        encoding="utf-8",
    )
    assert [(c["question"], c["answer"]) for c in listed(notes)] == [
        ("Purpose of a linker:", "It joins object files into one program."),
        ("Static linking:", "Libraries are copied into the program when it is built."),
        ("Why is dynamic linking used?", "Programs share one copy of a library, and the\ncopy can be updated on its own."),
        ("Symbol resolution:", "The linker proceeds as follows:\n\n- it reads every symbol table;\n"
                               "- it matches each use to one definition."),
        ("Relocation:", "Addresses in each object file are moved\nto where the file ends up."),
        ("Loader:", "The part of the system that puts a program in memory."),
    ]


def test_a_colon_inside_an_answer_opens_no_card(tmp_path: Path) -> None:
    """A line ending in ":" after a sentence that runs on, or in a paragraph not opened by a label, is the
    answer's."""
    notes = tmp_path / "cards.txt"
    notes.write_text(
        "Mitosis\nCell division giving two identical cells.\nTwo phases matter most:\nprophase and anaphase.\n\n"
        "Meiosis:\nCell division giving four cells, with\nHalf the chromosomes:\nthe gametes.\n\n"
        "Osmosis\nWater moving through a membrane.\n",
        encoding="utf-8",
    )
    assert [(c["question"], c["answer"]) for c in listed(notes)] == [
        ("Mitosis", "Cell division giving two identical cells.\n\nTwo phases matter most:\nprophase and anaphase."),
        ("Meiosis:", "Cell division giving four cells, with\nHalf the chromosomes:\nthe gametes."),
        ("Osmosis", "Water moving through a membrane."),
    ]
