"""Quiz-game and LMS question templates: a question column, option columns and a column naming the right
options (by number, letter or text), read the same from CSV, TSV, .xlsx and .ods; and Blackboard's
tab-delimited upload files. The golden cases are ``fixtures/csv/quiz-*`` and ``fixtures/blackboard/``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid
from .test_sheets import ods_row, write_ods, write_xlsx

#: A teacher's quiz as a template lays it out: a title row, a header whose names carry notes on what to
#: type, a numbering column, a time limit, the right options by number (several apart by commas), rows
#: numbered but left empty.
QUIZ = [
    ["", "Rivers and lakes", "", "", "", "", "", ""],
    ["#", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
     "Answer 3\n(Optional)", "Answer 4\n(Optional)", "Time limit (sec)", "Correct answer(s) - choose at least one"],
    ["1", "Which river flows through Cairo?", "Danube", "Nile", "Amazon", "", "20", "2"],
    ["2", "Which of these are lakes?", "Victoria", "Thames", "Baikal", "Volga", "30", "1,3"],
    ["3", "The Amazon flows into the Atlantic.", "True", "False", "", "", "10", "1"],
    ["4", "", "", "", "", "", "", ""],
]
CARDS = [
    ("Which river flows through Cairo?\n\n- A: Danube\n- B: Nile\n- C: Amazon", "**B**: Nile"),
    ("Which of these are lakes?\n\n- A: Victoria\n- B: Thames\n- C: Baikal\n- D: Volga",
     "**A**: Victoria\n\n**C**: Baikal"),
    ("The Amazon flows into the Atlantic.\n\n- A: True\n- B: False", "**A**: True"),
]


def _delimited(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _cards(path: Path) -> list[tuple[str, str]]:
    result = parsers.parse(sources.read(path))
    assert result.layout == "csv"
    return [(card.question, card.answer) for card in result.cards]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx", ".ods"])
def test_a_quiz_template_gives_one_card_a_question_with_its_options_and_the_right_ones_in_every_format(
        tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"quiz{suffix}"
    if suffix == ".csv":
        path.write_text(_delimited(QUIZ, ","), encoding="utf-8")
    elif suffix == ".tsv":
        # A tab-separated file keeps a cell's line break only inside quotes: the notes go on one line.
        path.write_text(_delimited([[cell.replace("\n", " ") for cell in row] for row in QUIZ], "\t"), encoding="utf-8")
    elif suffix == ".xlsx":
        write_xlsx(path, {"Sheet1": [[cell or None for cell in row] for row in QUIZ]})
    else:
        write_ods(path, {"Sheet1": "".join(ods_row(*row) for row in QUIZ)})
    assert _cards(path) == CARDS


def test_options_named_by_letter_or_text_and_an_explanation_column_go_on_the_back(tmp_path: Path) -> None:
    path = tmp_path / "quiz.csv"
    path.write_text(
        "Question Text,Option 1,Option 2,Option 3,Correct Answer,Image Link,Answer explanation\n"
        "Which is a mammal?,Trout,Dolphin,Eagle,B,http://example.org/x.png,It breathes air and nurses its young.\n"
        "Which is a bird?,Penguin,Bat,Seal,penguin,,\n", encoding="utf-8")
    assert _cards(path) == [
        ("Which is a mammal?\n\n- A: Trout\n- B: Dolphin\n- C: Eagle",
         "**B**: Dolphin\n\n**Answer explanation:** It breathes air and nurses its young."),
        ("Which is a bird?\n\n- A: Penguin\n- B: Bat\n- C: Seal", "**A**: Penguin"),
    ]


def test_a_right_answer_column_beside_wrong_answer_columns_shows_them_all_in_an_order_that_hides_it(
        tmp_path: Path) -> None:
    path = tmp_path / "game.csv"
    path.write_text("Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2 (Optional)\n"
                    "2 + 2,4,5,3\nCapital of Peru,Lima,Quito,\n", encoding="utf-8")
    assert _cards(path) == [("2 + 2\n\n- A: 3\n- B: 4\n- C: 5", "**B**: 4"),
                            ("Capital of Peru\n\n- A: Lima\n- B: Quito", "**A**: Lima")]


def test_a_question_with_no_right_option_named_is_reported_not_made_a_card(tmp_path: Path) -> None:
    path = tmp_path / "quiz.csv"
    path.write_text("Question Text,Question Type,Option 1,Option 2,Correct Answer\n"
                    "Which season do you like best?,Poll,Spring,Autumn,\n"
                    "Which season follows winter?,Multiple Choice,Spring,Autumn,1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "Which season do you like best?" in result.output
    assert [question for question, _ in _cards(path)] == ["Which season follows winter?\n\n- A: Spring\n- B: Autumn"]


def test_a_flashcard_deck_keeps_its_columns_when_its_header_is_not_a_quiz(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    path.write_text("Front,Back,Example (Spanish)\nel gato,the cat,El gato duerme.\n"
                    "el perro,the dog,\n", encoding="utf-8")
    assert _cards(path) == [("el gato", "the cat\n\n**Example:** El gato duerme."), ("el perro", "the dog")]


BLACKBOARD = ("MC\tWhich gas do plants take in?\tOxygen\tincorrect\tCarbon dioxide\tcorrect\n"
              "TF\tThe Moon gives off its own light.\tfalse\n"
              "FIB\tThe powerhouse of the cell is the ____.\tmitochondrion\tMitochondrion\n")


def test_a_blackboard_upload_file_is_read_and_other_tab_separated_text_is_not(tmp_path: Path) -> None:
    upload = tmp_path / "questions.txt"
    upload.write_text(BLACKBOARD, encoding="utf-8")
    result = parsers.parse(sources.read(upload))
    assert [(card.question, card.answer) for card in result.cards] == [
        ("Which gas do plants take in?\n\n- A: Oxygen\n- B: Carbon dioxide", "**B**: Carbon dioxide"),
        ("The Moon gives off its own light.", "False"),
        ("The powerhouse of the cell is the ____.", "mitochondrion"),
    ]
    assert [card.lines for card in result.cards] == [(1, 1), (2, 2), (3, 3)]
    deck = tmp_path / "deck.txt"
    deck.write_text("MC\tmaster of ceremonies\nTF\ttask force\nESS\tessay\n", encoding="utf-8")
    assert [card.question for card in parsers.parse(sources.read(deck)).cards] == ["MC", "TF", "ESS"]


def test_quiz_cards_import_into_anki_with_the_options_on_the_front_and_the_right_one_on_the_back(
        tmp_path: Path, collection) -> None:
    (tmp_path / "quiz.csv").write_text(_delimited(QUIZ, ","), encoding="utf-8")
    (tmp_path / "pool.txt").write_text(BLACKBOARD, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "quiz.csv"), str(tmp_path / "pool.txt"), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    import_apkg(collection, next(out.glob("*.apkg")))
    notes = {note.fields[0].split("<")[0].strip(): note for note in notes_by_guid(collection).values()}
    cairo = notes["Which river flows through Cairo?"]
    assert "Danube" in cairo.fields[0] and "Amazon" in cairo.fields[0] and "Nile" not in cairo.fields[1].split(":")[0]
    assert "Nile" in cairo.fields[1] and "Danube" not in cairo.fields[1]
    gas = notes["Which gas do plants take in?"]
    assert "Oxygen" in gas.fields[0] and "Carbon dioxide" in gas.fields[1] and "Oxygen" not in gas.fields[1]
    assert len(notes) == 6
