"""Questions answered on their own line: spoilers, a bold or labelled answer after the question, filled blanks.

The golden cases are in ``fixtures/inline``; these tests hold what a fixture cannot say: which lines are
no answers, that a shape must repeat, that other layouts' questions give up the answer their line ends
with, and that what a spoiler hides reaches the card as text, never as markup.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli
from qadeck.model import Source
from qadeck.parsers import inline, trailing


def cards_of(path: Path, text: str) -> list[dict]:
    """The cards ``qadeck list --json`` gives for ``path`` once ``text`` is written to it."""
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("line", "question", "answer", "shape"),
    [
        ("Which gas do we breathe out? >!Carbon dioxide!<", "Which gas do we breathe out?", "Carbon dioxide", "hidden"),
        ("Q: Tallest animal? ||The giraffe||", "Q: Tallest animal?", "The giraffe", "hidden"),
        ('- Cube of 3? Answer: <span class="spoiler">27</span>', "- Cube of 3?", "27", "hidden"),
        ('    Answer: <span class="muted spoiler">alone</span>', "", "alone", "hidden"),
        ("2. Which port? **Answer: 25**", "2. Which port?", "25", "labelled"),
        ("Which user? **Answer:** ftp_admin", "Which user?", "ftp_admin", "labelled"),
        ("Cost of a heap push?  **O(log n)**", "Cost of a heap push?", "O(log n)", "bold"),
        ("Light travels at ____ km/s. (300,000)", "Light travels at ____ km/s.", "300,000", "blank"),
        ("The largest organ is the ____ [skin].", "The largest organ is the ____", "skin", "blank"),
    ],
)
def test_a_line_gives_its_question_and_the_answer_it_ends_with(line, question, answer, shape):
    assert trailing.split(line) == trailing.Trailing(question, answer, shape)


@pytest.mark.parametrize(
    "line",
    [
        "? Package name? **my-app**",  # a command line's prompt and the value typed
        "✔ Add ESLint? **Yes**",
        '"Is it stable?" **Mostly**',  # someone's words quoted
        "- [x] Ship on Friday? **Yes.**",  # a decision in a task list
        "| a || b ||",  # a table's row
        "result = left || right",  # code's "or"
        "      ||       \\/      \\/      ||",  # a diagram's arrows: spoilers touch their marks
        "Who? || spaced out ||",
        "Duration: ______ (recommended: 2 hours)",  # a form's note after its blank
        "Pick a word: ______ (one word)",
        "Is it **fast**?",  # bold inside the question, nothing after it
        "Ask yourself: why? **Because** it matters.",  # the bold opens a sentence that goes on
    ],
)
def test_lines_that_only_look_answered_are_not(line):
    assert trailing.split(line) is None


def test_prompts_checklists_and_quotes_make_no_inline_cards(tmp_path):
    text = (
        "# Setting up\n\nAnswer the generator's questions:\n\n"
        "? Project name? **site**\n? Use TypeScript? **Yes**\n? Add tests? **No**\n\n"
        "## Release checklist\n\n- [x] Does it build? **Done**\n- [x] Docs updated? **Done**\n- [ ] Changelog? **Later**\n\n"
        '## Review\n\n"Is it fast?" **Very**\n"Is it documented?" **Mostly**\n"Is it tested?" **Partly**\n'
    )
    path = tmp_path / "setup.md"
    path.write_text(text, encoding="utf-8")
    source = sources.read(path)
    assert inline.LAYOUT.detect(source) == 0
    asked = {card.question for card in parsers.parse(source).cards}
    assert not asked & {"Project name?", "Use TypeScript?", "Does it build?", "Is it fast?"}


def test_a_shape_is_read_only_where_the_file_repeats_it():
    once = "# Notes\n\nBinary search halves the range each step.\n\nIs it fast? **Yes**\n\nIt needs sorted input.\n"
    assert inline.LAYOUT.detect(Source(Path("notes.md"), once)) == 0
    twice_bold = once + "\nIs it stable? **No**\n"
    assert inline.LAYOUT.detect(Source(Path("notes.md"), twice_bold)) == 0  # bold answers: three at least
    thrice_bold = twice_bold + "\nDoes it allocate? **Never**\n"
    assert inline.LAYOUT.detect(Source(Path("notes.md"), thrice_bold)) >= 0.8
    two_spoilers = "# Notes\n\nSome prose.\n\nFirst? >!one!<\n\nMore prose here.\n\nSecond? >!two!<\n"
    assert inline.LAYOUT.detect(Source(Path("notes.md"), two_spoilers)) >= 0.8


def test_one_status_word_after_every_question_is_no_answer():
    text = "Builds on Linux? **Required**\nBuilds on macOS? **Required**\nBuilds on Windows? **Required**\n"
    assert inline.LAYOUT.detect(Source(Path("matrix.md"), text)) == 0


def test_questions_among_notes_are_the_cards_and_the_notes_are_not(tmp_path):
    text = (
        "# Graphs\n\nA graph is a set of vertices joined by edges.\n\n## Traversal\n\n"
        "Breadth-first search visits vertices level by level, using a queue.\n\n"
        "- Which structure does depth-first search use? Answer: >!A stack!<\n"
        "- What does BFS find in an unweighted graph? Answer: >!Shortest paths!<\n\n"
        "## Storage\n\nAn adjacency list suits sparse graphs.\n"
    )
    cards = cards_of(tmp_path / "graphs.md", text)
    assert [(c["question"], c["answer"], c["section"]) for c in cards] == [
        ("Which structure does depth-first search use?", "A stack", "Traversal"),
        ("What does BFS find in an unweighted graph?", "Shortest paths", "Traversal"),
    ]


def test_a_question_running_on_from_the_line_above_keeps_its_start(tmp_path):
    text = (
        "## Drill\n\n"
        "1.1 A sorted list holds 64 names. Searching it by halving, what is the most\n"
        "steps it takes? **6**\n"
        "1.2 And for 128 names? **7**\n"
        "1.3 What does a failed search return? **-1**\n"
    )
    cards = cards_of(tmp_path / "drill.md", text)
    assert [c["question"] for c in cards] == [
        "A sorted list holds 64 names. Searching it by halving, what is the most steps it takes?",
        "And for 128 names?",
        "What does a failed search return?",
    ]
    assert [c["answer"] for c in cards] == ["6", "7", "-1"]


def test_another_layouts_question_gives_up_the_answer_its_line_ends_with(tmp_path):
    text = (
        "1. What is the cost of appending to a Python list?\n   Amortised O(1).\n\n"
        "2. What is the cost of `list.insert(0, x)`? **O(n)**\n\n"
        "3. Which structure pops from both ends in O(1)? **Answer: collections.deque**\n"
        "   It is a doubly linked list of blocks.\n\n"
        "4. What is the cost of `x in some_set`?\n   O(1) on average.\n\n"
        "5. What is the cost of sorting?\n   O(n log n).\n"
    )
    cards = cards_of(tmp_path / "costs.md", text)
    assert {c["question"]: c["answer"] for c in cards} == {
        "What is the cost of appending to a Python list?": "Amortised O(1).",
        "What is the cost of `list.insert(0, x)`?": "O(n)",
        "Which structure pops from both ends in O(1)?": "collections.deque\n\nIt is a doubly linked list of blocks.",
        "What is the cost of `x in some_set`?": "O(1) on average.",
        "What is the cost of sorting?": "O(n log n).",
    }


def test_what_a_spoiler_hides_is_text_never_markup(tmp_path):
    text = (
        "Which tag shows a picture? >!<img src=x onerror=alert(1)>!<\n"
        "Which tag runs code? ||<script>alert(2)</script>||\n"
    )
    cards = cards_of(tmp_path / "tags.md", text)
    assert [c["answer"] for c in cards] == ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>"]
    for card in cards:
        assert "<img" not in card["answer_html"] and "<script" not in card["answer_html"]
        assert "&lt;" in card["answer_html"]


def test_a_pages_spoiler_span_is_its_answer_and_its_scripts_are_dropped(tmp_path):
    page = (
        "<html><body><h1>Quiz</h1>"
        '<p>Capital of Peru? <span class="spoiler">Lima <script>alert(3)</script></span></p>'
        '<p>Capital of Chile? <span class="spoiler">Santiago</span></p>'
        "</body></html>"
    )
    cards = cards_of(tmp_path / "quiz.html", page)
    assert [(c["question"], c["answer"]) for c in cards] == [("Capital of Peru?", "Lima"), ("Capital of Chile?", "Santiago")]


def test_the_quick_test_of_a_questions_last_character_lets_every_shape_through():
    # result() tries trailing.split only on questions ending in one of LAST_CHARACTERS.
    assert {ending[-1] for ending in trailing.ENDINGS} == set(trailing.LAST_CHARACTERS)


@pytest.mark.parametrize("name", ["riddles.md", "riddles.txt"])
def test_a_spoiler_alone_on_the_line_below_answers_the_question_above_it(tmp_path, name):
    text = (
        "# Riddles\n\nWhat has teeth but never bites?\n||A comb||\n\n"
        "What runs but never walks?\n>!A river!<\n"
    )
    cards = cards_of(tmp_path / name, text)
    assert [(c["question"], c["answer"]) for c in cards] == [
        ("What has teeth but never bites?", "A comb"),
        ("What runs but never walks?", "A river"),
    ]


def test_a_spoiler_another_layout_reads_as_an_answer_is_unwrapped(tmp_path):
    # The prose after the last riddle makes the file an outline's (its answer runs on): each answer is still
    # the spoiler's text, not its marks.
    text = "What has teeth but never bites?\n||A comb||\n\nWhat runs but never walks?\n>!A river!<\n\nNo riddle here.\n"
    cards = cards_of(tmp_path / "riddles.txt", text)
    assert [c["question"] for c in cards] == ["What has teeth but never bites?", "What runs but never walks?"]
    assert cards[0]["answer"] == "A comb"
    assert cards[1]["answer"].startswith("A river")
