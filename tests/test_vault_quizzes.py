"""Exam practice kept in note vaults (Dendron's, Joplin's): what a quiz's headings say about the question under them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import listed, pairs


def test_a_quiz_headings_number_is_no_part_of_the_question_it_heads(tmp_path: Path) -> None:
    # A note vault's exam practice (Dendron's, here): "## Question N" over the question, its options and a fold.
    page = tmp_path / "exam.practice.md"
    page.write_text(
        "# Practice exam\n\n"
        "## Question 1\n\nWhich layer routes packets?\n\n1. transport\n2. network\n\n"
        "<details>\n<summary>Answer</summary>\n\n2. network\n\n</details>\n\n"
        "## Question 2\n\nWhich layer frames bits?\n\n1. data link\n2. session\n\n"
        "<details>\n<summary>Answer</summary>\n\n1. data link\n\n</details>\n",
        encoding="utf-8",
    )
    questions = [question for question, _ in pairs(listed(page))]
    assert [q.split("\n\n")[0] for q in questions] == ["Which layer routes packets?", "Which layer frames bits?"]


def test_a_numbered_heading_over_a_question_with_no_options_stays_its_title(tmp_path: Path) -> None:
    page = tmp_path / "deck.md"
    page.write_text("# Deck\n\n## Question 1\n\nName the largest moon.\n\n---\n\nGanymede\n\n"
                    "## Question 2\n\nName the hottest planet.\n\n---\n\nVenus\n", encoding="utf-8")
    assert [question.split("\n\n")[0] for question, _ in pairs(listed(page))] == ["Question 1", "Question 2"]
