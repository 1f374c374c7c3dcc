"""JSON written by hand (JSON5, JSON with comments) read as JSON data files are, and quiz records that number their
options (``choice1`` … ``choice4``)."""

from __future__ import annotations

from click.testing import CliRunner

from qadeck.cli import cli

from .conftest import listed, pairs

JSONC = """// Revision deck for the rivers unit
[
  {
    "question": "Which river flows through Cairo?", // asked first
    "answer": "The Nile",
  },
  /* a block comment between records */
  {"question": "Into which sea does the Danube empty?", "answer": "The Black Sea"},
]
"""

JSON5 = """{
  // bare keys, single quotes, a string carried over two lines
  title: 'Orchard terms',
  cards: [
    {front: 'What is a scion?', back: 'A cutting grafted onto \\
a rootstock'},
    {front: "What does 'espalier' mean?", back: 'A tree trained flat against a wall', weight: 0x10,},
  ],
}
"""

NUMBERED = """[
  {question: 'Which planet is known as the red one?', choice1: 'Venus', choice2: 'Mars', choice3: 'Saturn',
   answer: 2},
  {question: 'How many legs has a spider?', choice1: '6', choice2: '10', choice3: '8', answer: '8'},
];
"""


def test_json_with_comments_and_trailing_commas_gives_its_records(tmp_path):
    (tmp_path / "rivers.jsonc").write_text(JSONC, encoding="utf-8")
    assert pairs(listed(tmp_path / "rivers.jsonc")) == [
        ("Which river flows through Cairo?", "The Nile"),
        ("Into which sea does the Danube empty?", "The Black Sea"),
    ]


def test_json5_bare_keys_single_quotes_and_continued_strings(tmp_path):
    (tmp_path / "orchard.json5").write_text(JSON5, encoding="utf-8")
    assert pairs(listed(tmp_path / "orchard.json5")) == [
        ("What is a scion?", "A cutting grafted onto a rootstock"),
        ("What does 'espalier' mean?", "A tree trained flat against a wall"),
    ]


def test_options_numbered_from_one_and_the_right_one_by_number_or_text(tmp_path):
    # A value pasted out of a module keeps its statement's semicolon: read all the same.
    (tmp_path / "quiz.json5").write_text(NUMBERED, encoding="utf-8")
    assert pairs(listed(tmp_path / "quiz.json5")) == [
        ("Which planet is known as the red one?\n\n- A: Venus\n- B: Mars\n- C: Saturn", "**B**: Mars"),
        ("How many legs has a spider?\n\n- A: 6\n- B: 10\n- C: 8", "**C**: 8"),
    ]


def test_strict_json_in_a_jsonc_file_keeps_its_lines(tmp_path):
    (tmp_path / "faq.jsonc").write_text('[\n {"q": "Why?", "a": "Because."},\n {"q": "How?", "a": "Carefully."}\n]',
                                        encoding="utf-8")
    cards = listed(tmp_path / "faq.jsonc")
    assert pairs(cards) == [("Why?", "Because."), ("How?", "Carefully.")]
    assert [card["lines"][0] for card in cards] == [2, 3]


def test_a_broken_file_is_one_line_naming_it(tmp_path):
    (tmp_path / "quiz.json5").write_text("{cards: [{front: 'open',\n", encoding="utf-8")
    (tmp_path / "notes.jsonc").write_text("[1, 2] [3]", encoding="utf-8")
    for name in ("quiz.json5", "notes.jsonc"):
        result = CliRunner().invoke(cli, ["list", str(tmp_path / name)])
        assert result.exit_code != 0
        assert f"{name}: not valid JSON5 or JSON with comments" in result.output
        assert "Traceback" not in result.output


def test_a_folders_settings_files_are_not_read(tmp_path):
    (tmp_path / "notes.md").write_text("## What is a delta?\n\nWhere a river fans out at its mouth.\n", encoding="utf-8")
    (tmp_path / "settings.jsonc").write_text('{"question": "Shown?", "answer": "No", // editor settings\n}',
                                             encoding="utf-8")
    assert [card["source"] for card in listed(tmp_path)] == ["notes.md"]
