"""Card syntaxes that users of other Markdown-to-Anki tools write, through the command line.

The parsing of each syntax is checked by its golden fixture (``fixtures/<layout>/``);
these tests check what a user sees of it: ``list`` and ``check``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck.cli import cli
from qadeck.parsers.tags import trailing_tags
from qadeck.render import Renderer

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def listed(source: Path, text: str) -> list[dict]:
    """The cards ``qadeck list --json`` gives for ``source`` once ``text`` is written to it."""
    source.write_text(text, encoding="utf-8")
    return json.loads(run("list", "--json", str(source)).stdout)


def test_a_file_with_one_card_gives_that_card():
    result = run("list", "--json", str(FIXTURES / "obsidian" / "single-card.md"))
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    assert [(c["question"], c["answer"]) for c in cards] == [("Speed of sound in dry air at 20 °C", "about 343 m/s")]


def test_a_note_that_is_one_question_is_its_card_and_a_titled_note_is_none(tmp_path):
    # One question a file (atomic notes): the title asks, the text answers.
    assert [(c["question"], c["answer"]) for c in listed(tmp_path / "mutex.md", "# What is a mutex?\n\nA lock.\n")] == [
        ("What is a mutex?", "A lock.")]
    # A title that names a topic over text is a note, not a card; nor is a question title with no answer.
    for name, text in (("mutexes.md", "# Mutexes\n\nLocks for threads.\n"), ("todo.md", "# What is left?\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run("list", "--json", str(tmp_path / name))
        assert result.exit_code != 0 and "no questions with answers" in result.output


def test_check_reports_a_paragraph_no_question_can_be_inferred_for(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(
        "A rain gauge is an instrument that measures how much rain has fallen.\n\n"
        "A barometer is a device that measures air pressure.\n\n"
        "Usually within a week, depending on the weather and the size of the pile.\n",
        encoding="utf-8",
    )
    listed = json.loads(run("list", "--json", str(source)).stdout)
    assert [c["question"] for c in listed] == ["What is a rain gauge?", "What is a barometer?"]
    result = run("check", str(source))
    assert 'notes.txt:5: no question: left out, no question can be inferred: "Usually within a week,' in result.stdout
    assert "1 no question" in result.output


def test_html_comments_are_never_card_text():
    cards = json.loads(run("list", "--json", str(FIXTURES / "obsidian" / "comments-and-rule.md")).stdout)
    assert [c["question"] for c in cards] == ["Largest moon of Saturn", "Planet with the shortest day"]
    assert all("<!--" not in c["answer"] and "ID" not in c["answer"] for c in cards)


def test_tag_lines_and_tags_lines_become_anki_tags_not_card_text():
    titles = json.loads(run("list", "--json", str(FIXTURES / "titles" / "deck.md")).stdout)
    assert {"gardening", "planning"} <= set(titles[0]["tags"])
    assert "#" not in titles[0]["answer"]
    blocks = json.loads(run("list", "--json", str(FIXTURES / "blocks" / "notes.md")).stdout)
    assert {"cells", "biology"} <= set(blocks[0]["tags"]) and "Tags" not in blocks[0]["answer"]


def test_tags_closing_a_question_become_anki_tags_not_question_text():
    cards = json.loads(run("list", "--json", str(FIXTURES / "obsidian" / "tags-after-questions.md")).stdout)
    assert [c["question"] for c in cards][:2] == [
        "Why is cosine similarity preferred over Euclidean distance for word embeddings?",
        "What does a cosine similarity of 1 mean?",
    ]
    assert "card" in cards[0]["tags"] and "card" not in cards[2]["tags"]


@pytest.mark.parametrize(
    ("text", "question", "tags"),
    [
        ("What is X? #card #python/basics", "What is X?", ("card", "python/basics")),
        ("What is X? #[[data science]] #ml", "What is X?", ("data science", "ml")),  # Logseq's tag of words
        ("Which issue fixed it? See #42", "Which issue fixed it? See #42", ()),  # a number, no tag
        ("What is new in C#", "What is new in C#", ()),  # no space before the "#"
        ("#card #python", "#card #python", ()),  # nothing but tags: a tag line's, not a question's
        ("What does #include do?", "What does #include do?", ()),  # inside the text
    ],
)
def test_trailing_tags(text, question, tags):
    assert trailing_tags(text) == (question, tags)


def test_a_notes_tags_tag_its_cards(tmp_path):
    """Obsidian's tags: front matter ``tags:`` and ``#tag`` lines outside the cards tag every card of the
    note; a tag line in an answer tags that card; ``#`` lines in code, and in a text deck, are no tags."""
    cards = listed(tmp_path / "cells.md", (
        "---\ntags: [biology/cells, exam]\n---\n\n#flashcards/biology\n\n"
        "## What is a cell?\n\nThe smallest unit of life.\n\n#organelles\n\n"
        "## What compiles this?\n\n```c\n#endif\n#comment\n```\n"))
    assert [card["answer"] for card in cards] == ["The smallest unit of life.", "```c\n#endif\n#comment\n```"]
    file_tags = {"biology::cells", "exam", "flashcards::biology"}
    assert set(cards[0]["tags"]) >= file_tags | {"organelles"}
    assert set(cards[1]["tags"]) >= file_tags and "organelles" not in cards[1]["tags"]
    assert not {"endif", "comment"} & set(cards[1]["tags"])
    deck = listed(tmp_path / "deck.txt",
                  "#a comment\nWhat is a cell?\tThe smallest unit\nWhat is DNA?\tA molecule\nWhat is RNA?\tA copy\n"
                  "What is a gene?\tA stretch of DNA\n")
    assert len(deck) == 4
    assert all("comment" not in card["tags"] and "a" not in card["tags"] for card in deck)


def test_more_lettered_lines_than_option_letters_are_an_answer_as_written(tmp_path):
    """Eight letters name the options: a ninth lettered line (a list starting over) is no option list."""
    lines = "\n".join(f"{letter}) option {letter}" for letter in "abcdefgh") + "\nb) **again**"
    cards = listed(tmp_path / "quiz.md", f"1. Which one?\n{lines}\n\n2. Which other?\nThe other.\n")
    assert cards[0]["question"] == "Which one?" and cards[0]["answer"].endswith("b) **again**")


def test_other_tools_ids_are_not_card_text():
    cards = json.loads(run("list", "--json", str(FIXTURES / "titles" / "front-split.md")).stdout)
    assert [c["question"].split("\n")[0] for c in cards] == ["Light year", "Parsec", "Red giant"]


def test_a_question_callout_points_at_its_own_lines_and_keeps_later_lines_numbered(tmp_path):
    # Boxes are rewritten line for line: a card's lines are where the user wrote it.
    cards = listed(
        tmp_path / "notes.md",
        "# Notes\n\nSome prose about caching.\n\n"
        "> [!question]- Why cache at the edge?\n> Requests travel less far.\n\n"
        "??? faq \"When is a cache entry stale?\"\n    Once its time to live has passed.\n",
    )
    assert [(c["question"], c["lines"]) for c in cards] == [
        ("Why cache at the edge?", [5, 6]),
        ("When is a cache entry stale?", [8, 9]),
    ]


def test_a_box_title_is_text_never_markup(tmp_path):
    cards = listed(
        tmp_path / "notes.md",
        '> [!question]- Is <img src=x onerror=alert(1)> run?\n> No: it is shown as text.\n\n'
        '??? question "Is <script>alert(2)</script> run?"\n    No.\n',
    )
    fronts = [card["question"] for card in cards]
    assert fronts == ["Is <img src=x onerror=alert(1)> run?", "Is <script>alert(2)</script> run?"]
    assert [Renderer().inline_html(front) for front in fronts] == [
        "Is &lt;img src=x onerror=alert(1)&gt; run?",
        "Is &lt;script&gt;alert(2)&lt;/script&gt; run?",
    ]


def test_bold_marks_deletions_in_typed_notes_only_not_in_a_documents_emphasis(tmp_path):
    # The same paragraphs, bold in Markdown (Obsidian's cloze convention) and in LaTeX (emphasis).
    paragraphs = ["The {} is the powerhouse of the cell.", "Plants make sugar by {}.", "The {} carries oxygen in blood."]
    words = ["mitochondrion", "photosynthesis", "haemoglobin"]
    (tmp_path / "notes.tex").write_text(
        "\n\n".join(p.format(f"\\textbf{{{w}}}") for p, w in zip(paragraphs, words)) + "\n", encoding="utf-8")
    typed = listed(tmp_path / "notes.md", "\n\n".join(p.format(f"**{w}**") for p, w in zip(paragraphs, words)) + "\n")
    assert [card["kind"] for card in typed] == ["cloze"] * 3
    emphasis = run("list", "--json", str(tmp_path / "notes.tex"))
    assert emphasis.exit_code != 0 and "no questions with answers" in emphasis.output


def test_an_answer_key_is_no_key_where_the_questions_are_answered_already(tmp_path):
    # Exercises answered under each question, then "Solutions" numbered the same way: the numbered
    # layout's, each question keeping the answer under it.
    cards = listed(
        tmp_path / "exercises.md",
        "# Exercises\n\n1. What does `ls -a` show?\n   Every entry, hidden ones too.\n"
        "2. What does `pwd` print?\n   The folder you are in.\n\n## Solutions\n\n"
        "1. Run it in your home folder.\n2. Try it after `cd /tmp`.\n",
    )
    assert [(c["question"], c["answer"].split("\n")[0]) for c in cards] == [
        ("What does `ls -a` show?", "Every entry, hidden ones too."),
        ("What does `pwd` print?", "The folder you are in."),
    ]
