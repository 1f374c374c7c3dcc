"""Typst files that keep their cards as data (flashcard calls, exam templates' question records) or quote an
exercise's statement under its heading: each card's question and answer as the author wrote them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck import markups, parsers, sources
from qadeck.model import Source
from qadeck.cli import cli

from .conftest import read_in_fresh_process

VOCABULARY = """#import "../lib.typ": card, deck

#set page(margin: 1cm)

#let words = (
  card([river], [かわ]),
  card([mountain], [やま], kanji: [山]),
  card([green], note: [also of plants], [みどり]),
)

#deck(
  lang: (front: "en", back: "ja"),
  words,
)
"""

NOTES = """#import "lib.typ": *
#show: setup

= Hashing
A hash table maps keys to buckets.

#flashcard("What does a hash table map keys to?", "Buckets, by the key's hash")

Collisions happen when two keys share a bucket.

#flashcard(recto: "Name a way to resolve collisions", verso: "Chaining: a list per bucket")

#card(
  id: "7",
  q: [Average lookup cost in a hash table?],
  a: [$O(1)$ when the load factor stays
      bounded],
)
"""

EXAM = """#import "template.typ": exam

#show: exam.with(
    title: "Quiz one",
    points: 1,
    choices: (
        (
            body: [Which planet is
                   closest to the sun?],
            a: [Venus],
            b: [Mercury],
            c: [Mars],
            solution: "B",
        ),
    ),
    open: (
        (
            body: [Why do we have seasons?],
            solution: [The tilt of the Earth's axis.],
        ),
    ),
)
"""

SOLUTIONS = """#set page(margin: 1in)
#let done = [#h(1fr) $square$]

= Chapter 1

== Exercise 1.1
#quote(block: true)[Show that $n^2$ is even when $n$ is even.]
Write $n = 2k$.

    $ n^2 = 4 k^2. $

#done

== Exercise 1.2
#let aux = 3
#quote(block: true)[Prove both:
#enum(
  numbering: "(a)",
  enum.item[the sum of two odd numbers is even;],
  enum.item[their product is odd.],
)]

#enum(
    numbering: "(a)",
    enum.item[Add $2a + 1$ and $2b + 1$.],
    enum.item[Multiply them out.],
)

== Remarks
#quote(block: true)[A quote under a heading that names no exercise.]
Not a card.
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def cards_of(tmp_path: Path, name: str, text: str) -> list[dict[str, object]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("list", "--json", str(tmp_path / name))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_card_calls_in_an_array_are_cards_and_a_settings_dictionary_is_not(tmp_path):
    cards = cards_of(tmp_path, "words.typ", VOCABULARY)
    assert [(c["question"], c["answer"]) for c in cards] == [("river", "かわ"), ("mountain", "やま"),
                                                           ("green", "みどり\n\n**Note:** also of plants")]
    assert [c["lines"][0] for c in cards] == [6, 7, 8]


def test_flashcard_calls_among_notes_are_the_cards_positional_or_named(tmp_path):
    cards = cards_of(tmp_path, "hashing.typ", NOTES)
    assert [(c["question"], c["answer"]) for c in cards] == [
        ("What does a hash table map keys to?", "Buckets, by the key's hash"),
        ("Name a way to resolve collisions", "Chaining: a list per bucket"),
        ("Average lookup cost in a hash table?", "$O(1)$ when the load factor stays bounded"),
    ]


def test_exam_template_records_are_questions_with_their_options_and_solutions(tmp_path):
    cards = cards_of(tmp_path, "exam.typ", EXAM)
    assert [(c["question"], c["answer"]) for c in cards] == [
        ("Which planet is closest to the sun?\n\n- A: Venus\n- B: Mercury\n- C: Mars", "**B**: Mercury"),
        ("Why do we have seasons?", "The tilt of the Earth's axis."),
    ]


def test_a_quoted_statement_under_an_exercise_heading_is_asked_and_the_text_below_answers(tmp_path):
    cards = cards_of(tmp_path, "solutions.typ", SOLUTIONS)
    assert [c["question"] for c in cards] == [
        "Show that $n^2$ is even when $n$ is even.",
        "Prove both: 1. the sum of two odd numbers is even; 1. their product is odd.",
    ]
    assert cards[0]["answer"] == "Write $n = 2k$.\n\n$ n^2 = 4 k^2. $"
    assert cards[1]["answer"] == "1. Add $2a + 1$ and $2b + 1$.\n1. Multiply them out."


def test_typst_lists_written_as_calls_are_markdown_lists_line_for_line():
    text = '#enum(\n  numbering: "a)",\n  enum.item[one],\n  enum.item[\n    two,\n    on two lines\n  ],\n)\nAfter.'
    assert markups.to_markdown(".typ", text).split("\n") == [
        "", "", "1. one", "1.", "   two,", "   on two lines", "", "", "After.",
    ]


def test_a_typst_file_with_no_cards_as_data_reads_its_markup_as_before():
    text = '#let answer = 42\n#set text(size: 11pt)\n\n= Is it read?\n\nYes: the answer: is #answer.\n'
    assert parsers.parse(Source(Path("x.typ"), markups.to_markdown(".typ", text))).cards[0].question \
        == "Is it read?"


def test_a_folder_named_for_cards_or_exercises_has_its_typst_files_read_whatever_their_names(tmp_path):
    for folder in ("flashcards", "weekly exercises", "examples", "notes"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "week2.typ").write_text(VOCABULARY, encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.parent.name for path in found.files) == ["flashcards", "weekly exercises"]


def test_typst_numbered_items_keep_their_numbers_and_the_options_under_them():
    text = "+ Cells are made of\n  - [x] units\n  - [ ] stones\n\n+ The sun is a\n  - [ ] planet\n  - [x] star\n\nText.\n+ again"
    assert markups.to_markdown(".typ", text).split("\n") == [
        "1. Cells are made of", "   - [x] units", "   - [ ] stones", "",
        "2. The sun is a", "   - [ ] planet", "   - [x] star", "", "Text.", "1. again",
    ]


def test_a_typst_quiz_of_numbered_statements_with_checked_options_is_read_whole(tmp_path):
    quiz = ("+ Water boils at sea level at\n  - [ ] 90 degrees\n  - [x] 100 degrees\n"
            "+ Which planet is largest?\n  - [x] Jupiter\n  - [ ] Mars\n"
            "+ Light from the sun reaches us in about\n  - [x] eight minutes\n  - [ ] one hour\n")
    cards = cards_of(tmp_path, "quiz.typ", quiz)
    assert [(c["question"].split("\n")[0], c["answer"]) for c in cards] == [
        ("Water boils at sea level at", "**B**: 100 degrees"),
        ("Which planet is largest?", "**A**: Jupiter"),
        ("Light from the sun reaches us in about", "**A**: eight minutes"),
    ]


def test_a_heading_inside_a_cards_side_is_its_label_not_a_heading(tmp_path):
    text = '#card(\n  id: "1",\n  q: [\n    === Chemistry\n    Which gas do we exhale?\n  ],\n  a: [Carbon dioxide],\n)\n'
    cards = cards_of(tmp_path, "chem.typ", text)
    assert [(c["question"], c["answer"]) for c in cards] == [("**Chemistry** Which gas do we exhale?", "Carbon dioxide")]


def test_a_bracket_closed_in_a_call_it_never_opened_ends_the_read_of_that_call(tmp_path):
    # A damaged card ("card(river], …": its "[" lost) once made the reader wait forever on the same "]".
    # The array around it is left out; a card elsewhere is still read, and the read ends (in a fresh
    # process, so that a reader that never returns fails this test rather than stalling the suite).
    damaged = VOCABULARY.replace("card([mountain]", "card(mountain]") + (
        '\n#flashcard("What does a hash table map keys to?", "Buckets")\n'
        '#flashcard("What resolves collisions?", "Chaining")\n')
    (tmp_path / "words.typ").write_text(damaged, encoding="utf-8")
    assert json.loads(read_in_fresh_process(tmp_path / "words.typ", "questions")) == [
        "What does a hash table map keys to?", "What resolves collisions?"]
