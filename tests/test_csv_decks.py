"""Flashcard decks kept as CSV, TSV or delimited text, read through the CLI as users run it.

The golden cases (``fixtures/csv``) pin the cards each shape gives; these
tests follow what those cards become: the author's difficulty from a
Difficulty column, a header row that is no card in a built deck, Anki's
HTML never reaching a note as markup, and what the tool says of bad input.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid

FIXTURES = Path(__file__).parent / "fixtures" / "csv"


def _listed(path: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["list", "--json", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_difficulty_column_gives_the_author_level(tmp_path: Path) -> None:
    cards = _listed(FIXTURES / "multiple-choice.csv")
    assert [(card["difficulty"], card["difficulty_from"]) for card in cards] == [
        ("easy", "author"), ("easy", "author"), ("hard", "author")]
    # The level tag says it the Anki way: no difficulty/… tag beside it.
    assert not [tag for card in cards for tag in card["tags"] if tag.startswith("difficulty/")]


def test_a_category_column_is_the_section_and_ids_stay_off_the_card() -> None:
    cards = _listed(FIXTURES / "extra-columns.csv")
    assert [card["section"] for card in cards] == ["Unit 1", "Unit 1", "Unit 2"]
    assert not any("7f1c" in card["question"] + card["answer"] or "2025" in card["answer"] for card in cards)
    assert "GRE" in cards[0]["tags"]


def test_a_tab_separated_txt_with_a_header_builds_without_the_header(tmp_path: Path, collection) -> None:
    folder = tmp_path / "deck"
    folder.mkdir()
    shutil.copy(FIXTURES / "tab-header.txt", folder / "vocabulary.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    import_apkg(collection, next(out.glob("*.apkg")))
    fronts = sorted(note.fields[0] for note in notes_by_guid(collection).values())
    assert [front.removeprefix("<p>").removesuffix("</p>") for front in fronts] == [
        "ephemeral", "laconic", "ubiquitous"]


def test_anki_html_reaches_anki_as_safe_markup(tmp_path: Path, collection) -> None:
    source = shutil.copy(FIXTURES / "anki-deck-column.txt", tmp_path / "deck.txt")  # a build writes beside it
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    import_apkg(collection, next(out.glob("*.apkg")))
    fields = [field for note in notes_by_guid(collection).values() for field in note.fields]
    assert any("<strong>powerhouse</strong>" in field for field in fields)
    assert not any("<script" in field or "alert(" in field for field in fields)


def test_a_quote_never_closed_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    path.write_text('Front,Back\nWhat is 1+1?,2\n"What is 2+2?,4\nWhat is 3+3?,6\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "Traceback" not in result.output
    assert "deck.csv:3:" in result.output and "quote" in result.output


def test_prose_with_a_tab_here_and_there_is_no_table(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Shopping\tlist for the week\nMilk and bread, then the market.\nCall the plumber about the sink.\n"
                    "What is DNS? The internet's phone book.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "layout csv" not in result.output


def test_a_numbered_list_of_questions_written_with_tabs_is_no_deck(tmp_path: Path) -> None:
    # A word processor writes a numbered list as "3.<TAB>text": the numbers are no questions, the
    # questions no answers, and a list of questions alone holds no card.
    path = tmp_path / "questions.txt"
    path.write_text("".join(f"{n}.\tWhat is the {word} property?\n" for n, word in
                            enumerate(["display", "position", "float", "margin", "padding"], start=1)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code != 0
    assert "no questions with answers" in result.output


def test_rows_of_several_note_types_are_one_deck_and_a_cloze_keeps_its_extra() -> None:
    # Anki's plain-text export of a whole collection without its header lines: each note type's own number of
    # fields, then the tags; no width holds most rows.
    cards = _listed(FIXTURES / "anki-note-types.txt")
    assert [card["question"] for card in cards][:2] == [
        "What does a **lighthouse** warn ships of?", "Which gas do plants take in?"]
    cloze = cards[2]
    assert (cloze["kind"], cloze["answer"]) == ("cloze", "Founded around 1040.")
    assert all(card["kind"] == "basic" for card in cards if "{{c" not in card["question"])


def test_indented_lines_of_several_widths_are_no_deck(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    # Every line holds a TAB and no width holds most lines: an indented plan, no deck.
    path.write_text("\tRead chapter two\tthen the notes\n\tWrite a summary\n\t\tslowly\tthen faster\tthen aloud\n"
                    "\tPractise the scales\n\t\tslowly\tthen with the metronome\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "layout csv" not in result.output


def test_a_card_exported_as_shown_keeps_only_its_answer_on_the_back() -> None:
    # Anki's "Cards in Plain Text" writes the back as shown: the question again, the answer rule, the answer.
    cards = _listed(FIXTURES / "anki-cards-export.txt")
    assert [(card["question"], card["answer"]) for card in cards][:2] == [
        ("What colour is a ripe lemon?", "Yellow"), ("How many strings has a violin?", "Four")]
    assert not any("---" in card["answer"] or card["question"] in card["answer"] for card in cards)
