"""Notes kept in Obsidian vaults: cards read as the app shows them (wiki links as words, no block ids),
a note's open boxes and Dataview fields no cards."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli


def listed(tmp_path: Path, text: str, name: str = "note.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_a_question_callouts_wiki_links_and_block_ids_show_as_the_app_shows_them(tmp_path):
    cards = listed(tmp_path, (
        "# Storage\n\n"
        "> [!question]- Why keep a write-ahead log?\n"
        "> So a crash replays it: see [[Recovery#Redo|redo]] and [[Checkpoints]]. ^w4l0g1\n\n"
        "> [!faq]- Where do pages live between writes?\n"
        "> In the [[Buffer pool]].\n"
    ))
    assert cards == [
        ("Why keep a write-ahead log?", "So a crash replays it: see redo and Checkpoints."),
        ("Where do pages live between writes?", "In the Buffer pool."),
    ]


def test_a_headings_answer_loses_its_block_id_line_and_keeps_code_as_written(tmp_path):
    cards = listed(tmp_path, (
        "## What does a mutex guard?\n\n"
        "One holder at a time, as in [[Locks|locking]].\n"
        "^m7x9qa\n\n"
        "## How is a power written?\n\n"
        "As `2 ^abcdef` in code, and 2 ^10 in prose.\n"
    ))
    assert cards == [
        ("What does a mutex guard?", "One holder at a time, as in locking."),
        ("How is a power written?", "As `2 ^abcdef` in code, and 2 ^10 in prose."),
    ]


def test_an_open_note_box_whose_title_opens_with_a_question_word_is_no_card(tmp_path):
    cards = listed(tmp_path, (
        "# Sorting\n\n"
        "> [!question]- Which sort is stable?\n"
        "> Merge sort.\n\n"
        "> [!question]- Which sort works in place?\n"
        "> Heap sort.\n\n"
        "> [!note] Whats next\n"
        "> Read [[Searching]] after this.\n\n"
        "> [!tip] Why does quicksort degrade?\n"
        "> A bad pivot on sorted input.\n"
    ))
    assert cards == [
        ("Which sort is stable?", "Merge sort."),
        ("Which sort works in place?", "Heap sort."),
        ("Why does quicksort degrade?", "A bad pivot on sorted input."),
    ]


def test_dataview_fields_that_link_notes_or_repeat_a_key_are_no_cards(tmp_path):
    cards = listed(tmp_path, (
        "# Overfitting\n\n"
        "parent:: [[Model selection]] — where this comes from\n"
        "leads-to:: regularisation\n"
        "leads-to:: [[Early stopping]]\n\n"
        "#flashcards/ml\n\n"
        "Why hold out a validation set? :: To see the error on data the model never fit.\n"
        "What does early stopping watch? :: The validation error.\n"
    ))
    assert cards == [
        ("Why hold out a validation set?", "To see the error on data the model never fit."),
        ("What does early stopping watch?", "The validation error."),
    ]


def test_one_word_cards_without_links_or_repeats_stay_cards(tmp_path):
    cards = listed(tmp_path, "#flashcards/fr\n\nchat:: cat\nchien:: dog\nmaison::house\n")
    assert cards == [("chat", "cat"), ("chien", "dog"), ("maison", "house")]


def test_a_tag_of_two_words_stays_a_tag_where_wiki_links_become_their_words(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("## What does [[Git]] keep in a stash? #[[version control]]\n\nUncommitted changes.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    (card,) = json.loads(result.stdout)
    assert card["question"] == "What does Git keep in a stash?"
    assert "version_control" in card["tags"]


def test_a_wiki_link_to_a_page_named_with_two_colons_parts_no_card(tmp_path):
    cards = listed(tmp_path, (
        "# Containers\n\n"
        "Growth is covered in [[std::vector]] and [[std::deque|deques]].\n\n"
        "What does reserve do?::It allocates capacity, the size unchanged.\n"
        "Which header declares [[std::vector]]?::<vector>\n"
    ))
    assert cards == [
        ("What does reserve do?", "It allocates capacity, the size unchanged."),
        ("Which header declares std::vector?", "<vector>"),
    ]


def test_double_brackets_that_are_code_stay_as_written(tmp_path):
    # Shell's test ("[[ -f x ]]") and an elided one ("[[...]]") are no wiki links; a daily note's date is one.
    note = "What does [[...]] stand for in [[Shell tests|bash]]? :: An elided [[ ]] test, see [[2024-01-05]].\n"
    assert listed(tmp_path, note) == [
        ("What does [[...]] stand for in bash?", "An elided [[ ]] test, see 2024-01-05.")]


def test_a_note_that_asks_in_question_callouts_takes_no_card_from_its_other_folded_boxes(tmp_path):
    note = (
        "## Theory\n\n"
        "> [!question]- Why index a column?\n"
        "> Lookups on it stop scanning the whole table.\n\n"
        "> [!warning]- When not to index / costs\n"
        "> Every write must update the index too.\n\n"
        "> [!tip]- Why does a covering index help?\n"
        "> The query never reads the table's rows.\n"
    )
    # The warning's title opens with a question word but does not ask: a part of the note, its text kept.
    # A box of another kind whose title asks with its mark is still a card.
    assert listed(tmp_path, note) == [
        ("Why index a column?", "Lookups on it stop scanning the whole table."),
        ("Why does a covering index help?", "The query never reads the table's rows."),
    ]
    # Without question callouts, a folded box titled with a question word keeps asking (the note has no other way).
    untyped = note.replace("> [!question]- Why index a column?\n> Lookups on it stop scanning the whole table.\n\n", "")
    assert [question for question, _ in listed(tmp_path, untyped)] == [
        "When not to index / costs", "Why does a covering index help?"]


def test_a_box_whose_body_only_asks_is_a_prompt_to_think_over_not_a_card(tmp_path):
    cards = listed(tmp_path, (
        "> [!question]- What does VACUUM reclaim?\n"
        "> The space of rows deleted or updated.\n\n"
        "> [!check]- Do I really know this?\n"
        "> Could I explain VACUUM to a colleague without notes?\n"
    ))
    assert cards == [("What does VACUUM reclaim?", "The space of rows deleted or updated.")]
