"""Cards kept in SQL scripts (an app's seed data, a database dump): the rows read, the tables joined, and which
scripts a folder reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli
from qadeck.markups import sqldata

from .conftest import listed as _list, pairs as _pairs


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inserted_rows_under_the_columns_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "flashcards.sql", """
-- a seed script
CREATE TABLE decks (id serial PRIMARY KEY, name text);
INSERT INTO decks (name) VALUES ('rivers');
INSERT INTO `cards` (`id`, `deck_id`, `question`, `answer`, `created`) VALUES
(1, 1, 'Which river flows through Cairo?', 'The Nile', NOW()),
(2, 1, 'What''s the longest river in Europe?', 'The Volga\\nabout 3,530 km', NOW());
INSERT INTO cards (question, answer) VALUES ("Which sea does the Danube reach?", "The Black Sea");
""")
    assert _pairs(_list(path)) == [
        ("Which river flows through Cairo?", "The Nile"),
        ("What's the longest river in Europe?", "The Volga  \nabout 3,530 km"),  # a line break kept as Markdown's
        ("Which sea does the Danube reach?", "The Black Sea"),
    ]


def test_a_dumps_rows_take_their_columns_from_the_table_and_sides_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "cards-dump.sql", """
CREATE TABLE `card` (
  `card_id` int(11) NOT NULL AUTO_INCREMENT,
  `side1` varchar(200) NOT NULL,
  `side2` varchar(200) DEFAULT NULL,
  PRIMARY KEY (`card_id`),
  KEY `side1` (`side1`)
) ENGINE=InnoDB;
INSERT INTO `card` VALUES (1,'Hund','dog'),(2,'Katze','cat');
INSERT INTO words (word_id, front_side, back_side) VALUES (1, 'Haus', 'house');
""")
    assert _pairs(_list(path)) == [("Hund", "dog"), ("Katze", "cat"), ("Haus", "house")]


def test_pg_dump_copy_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, "quiz.sql", "COPY public.flashcards (id, term, definition) FROM stdin;\n"
                  "1\tosmosis\twater crossing a membrane\\tfrom low to high solute\n"
                  "2\tmitosis\t\\N\n"
                  "\\.\n\nSELECT 1;\n")
    assert _pairs(_list(path)) == [("osmosis", "water crossing a membrane\tfrom low to high solute")]


def test_numbered_option_columns_and_the_right_ones_number() -> None:
    counted_from_one = """
CREATE TABLE questions (id int, question text, option1 text, option2 text, option3 text, correct_option int);
INSERT INTO questions VALUES (1, 'Which planet is largest?', 'Mars', 'Jupiter', 'Venus', 2);
INSERT INTO questions VALUES (2, 'Which planet is red?', 'Mars', 'Jupiter', 'Venus', 1);
"""
    text = sqldata.to_markdown(counted_from_one)
    assert "Which planet is largest?" in text and "**B**: Jupiter" in text and "**A**: Mars" in text
    # A table that names option 0 counts its options from 0.
    counted_from_zero = """
CREATE TABLE questions (id int, question text, option1 text, option2 text, option3 text, correct_option int);
INSERT INTO questions VALUES (1, 'Which planet is largest?', 'Mars', 'Jupiter', 'Venus', 1);
INSERT INTO questions VALUES (2, 'Which planet is red?', 'Mars', 'Jupiter', 'Venus', 0);
"""
    text = sqldata.to_markdown(counted_from_zero)
    assert "**B**: Jupiter" in text and "**A**: Mars" in text and "**C**" not in text


def test_questions_take_their_options_from_the_table_pointing_at_them(tmp_path: Path) -> None:
    path = _write(tmp_path, "quiz.sql", """
INSERT INTO `questions` (`id`, `question`) VALUES (1, 'Which gas do plants take in?'), (2, 'How many legs has an ant?');
INSERT INTO `options` (`id`, `question_id`, `choice`, `is_correct`) VALUES
(1, 1, 'Oxygen', 0), (2, 1, 'Carbon dioxide', 1), (3, 2, 'Six', 1), (4, 2, 'Eight', 0);
""")
    cards = _list(path)
    assert [card["question"].split("\n")[0] for card in cards] == ["Which gas do plants take in?",
                                                                    "How many legs has an ant?"]
    assert [card["answer"] for card in cards] == ["**B**: Carbon dioxide", "**A**: Six"]


def test_a_questions_right_option_named_by_its_number_among_its_options() -> None:
    text = sqldata.to_markdown("""
INSERT INTO questions (id, question, correct_option) VALUES (7, 'She ___ home now.', 2);
INSERT INTO options (id, question_id, option) VALUES (1, 7, 'go'), (2, 7, 'is going'), (3, 7, 'went');
""")
    assert "She ___ home now." in text and "**B**: is going" in text


def test_an_answers_table_keyed_as_its_questions() -> None:
    text = sqldata.to_markdown("""
INSERT INTO questions (id, question) VALUES (1, 'What holds the society together?');
INSERT INTO answers (id, answer) VALUES (1, 'kinship');
INSERT INTO questions (id, question) VALUES (2, 'What bread do they eat?');
INSERT INTO answers (id, answer) VALUES (2, 'cassava bread');
""")
    assert "What holds the society together?" in text and "kinship" in text and "cassava bread" in text


def test_a_script_without_cards_gives_no_text() -> None:
    assert sqldata.to_markdown("CREATE TABLE users (id int, email text);\n") == ""
    assert sqldata.to_markdown("INSERT INTO users (email, password) VALUES ('a@b.c', 'x');\n") == ""
    # A question's text quoting SQL is its text, not a statement.
    text = sqldata.to_markdown("INSERT INTO cards (front, back) VALUES "
                               "('What does INSERT INTO t VALUES (1) do?', 'Adds a row to t');")
    assert "What does INSERT INTO t VALUES (1) do?" in text and text.count("<details") == 1


def test_a_folder_reads_the_scripts_named_for_cards_only(tmp_path: Path) -> None:
    _write(tmp_path, "schema.sql", "INSERT INTO cards (front, back) VALUES ('a migration', 'not a deck');\n")
    _write(tmp_path, "flashcards-seed.sql", "INSERT INTO cards (front, back) VALUES ('Capital of Peru?', 'Lima');\n")
    assert _pairs(_list(tmp_path)) == [("Capital of Peru?", "Lima")]


def _database(path: Path, *statements: str) -> Path:
    import sqlite3  # the test writes the database an app would commit

    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def test_an_apps_sqlite_database_gives_its_tables_cards(tmp_path: Path) -> None:
    path = _database(
        tmp_path / "flashcards.db",
        "CREATE TABLE flip_card (id INTEGER PRIMARY KEY, front TEXT, back TEXT, picture BLOB)",
        "INSERT INTO flip_card (front, back, picture) VALUES ('Capital of Chile?', 'Santiago', x'00ff')",
        "CREATE TABLE questions (id INTEGER PRIMARY KEY, question TEXT)",
        "INSERT INTO questions VALUES (4, 'Which metal is liquid at room temperature?')",
        "CREATE TABLE choices (id INTEGER PRIMARY KEY, question_id INTEGER, text TEXT, correct INTEGER)",
        "INSERT INTO choices (question_id, text, correct) VALUES (4, 'Iron', 0), (4, 'Mercury', 1)",
        "CREATE TABLE settings (name TEXT, value TEXT)",
        "INSERT INTO settings VALUES ('theme', 'dark')",
    )
    cards = _list(path)
    assert _pairs(cards)[0] == ("Capital of Chile?", "Santiago")
    assert cards[1]["question"].startswith("Which metal is liquid at room temperature?")
    assert cards[1]["answer"] == "**B**: Mercury"
    assert len(cards) == 2


def test_a_database_is_read_when_named_for_cards_and_a_damaged_one_is_an_error(tmp_path: Path) -> None:
    _database(tmp_path / "cache.db", "CREATE TABLE cards (front TEXT, back TEXT)",
              "INSERT INTO cards VALUES ('an app cache', 'not a deck')")
    _database(tmp_path / "quiz.sqlite3", "CREATE TABLE cards (front TEXT, back TEXT)",
              "INSERT INTO cards VALUES ('Largest ocean?', 'The Pacific')")
    assert _pairs(_list(tmp_path)) == [("Largest ocean?", "The Pacific")]
    broken = tmp_path / "deck.db"
    broken.write_bytes(b"not a database at all")
    result = CliRunner().invoke(cli, ["list", str(broken)])
    assert result.exit_code != 0
    assert "deck.db" in result.output and "not an SQLite database" in result.output
    assert "Traceback" not in result.output


def test_columns_naming_a_languages_words_and_a_choices_index(tmp_path: Path) -> None:
    path = _database(
        tmp_path / "vocab-flashcards.db",
        "CREATE TABLE food (id INTEGER PRIMARY KEY, german_word TEXT, english_word TEXT)",
        "INSERT INTO food (german_word, english_word) VALUES ('Brot', 'bread')",
        "CREATE TABLE quiz (id INTEGER PRIMARY KEY, question TEXT, choices TEXT, correct_choice_index INTEGER)",
        """INSERT INTO quiz (question, choices, correct_choice_index) VALUES
           ('Which is a fruit?', '["Leek", "Pear", "Kale"]', 1)""",
    )
    cards = _list(path)
    assert _pairs(cards)[0] == ("Brot", "bread")
    assert cards[1]["question"].startswith("Which is a fruit?") and cards[1]["answer"] == "**B**: Pear"
    # The same names in a JSON file's records.
    vocabulary = _write(tmp_path, "vocab.json", '[{"spanish_word": "pan", "english_word": "bread"},'
                                                ' {"spanish_word": "pera", "english_word": "pear"}]')
    assert _pairs(_list(vocabulary)) == [("pan", "bread"), ("pera", "pear")]


def test_rows_a_developer_typed_to_try_the_app_are_no_cards(tmp_path: Path) -> None:
    path = _write(tmp_path, "flashcards.sql", """
INSERT INTO cards (front, back) VALUES
('front1_rivers', 'back1_rivers'),
('sample card 3', 'sample def 3'),
('Question', 'Answer'),
('canoe', 'canoe_def'),
('Which river flows through Cairo?', 'The Nile'),
('test', 'A check that code does what it should'),
('Lima', 'Lima');
""")
    assert _pairs(_list(path)) == [
        ("Which river flows through Cairo?", "The Nile"),
        ("test", "A check that code does what it should"),  # a word and its meaning: a card
        ("Lima", "Lima"),  # the same word on both sides, no side's name: left as written
    ]


def test_a_seed_of_placeholder_rows_alone_gives_no_cards(tmp_path: Path) -> None:
    path = _write(tmp_path, "flashcards-seed.sql", """
INSERT INTO cards (deck_id, cardfront, cardback) VALUES (1, 'front1_deck1', 'back1_deck1'), (1, 'front2_deck1', 'back2_deck1');
""")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code != 0 and "no questions with answers" in result.output


@pytest.mark.parametrize("name", ["deck.db", "notes.ctb"])
def test_a_database_whose_schema_text_is_damaged_is_an_error_naming_it(tmp_path: Path, name: str) -> None:
    # A byte of the schema's text changed to one UTF-8 never writes: SQLite's message about it holds the byte, and
    # Python failed decoding that message (a UnicodeDecodeError, not SQLite's error) before this was an error.
    whole = _database(tmp_path / "whole.db", "CREATE TABLE cards (front TEXT, back TEXT)",
                      "INSERT INTO cards VALUES ('Largest ocean?', 'The Pacific')").read_bytes()
    assert whole.count(b"CREATE TABLE cards") == 1
    (tmp_path / name).write_bytes(whole.replace(b"CREATE TABLE cards", b"CREATE TABL\xea cards"))
    result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
    assert result.exit_code == 1, result.output  # an error the user can act on, not an internal one
    assert f"{name}: " in result.output and ("damaged" in result.output or "not a readable" in result.output)
    assert "Traceback" not in result.output
