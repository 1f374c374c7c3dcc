"""Shapes met in a fifth sample of interview notes: a comparison table answering the question heading above it,
a list of tasks Markdown numbers itself (every item ``1.``), and a page of interview rounds whose lists of topics
and coding tasks were asked, not answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from qadeck import parsers, sources
from qadeck.errors import QadeckError


def _cards(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        result = parsers.parse(sources.read(path))
    except QadeckError:
        return "", []
    return result.layout, [(card.question, card.answer) for card in result.cards]


_COMPARISON = ("| Aspect | Threads | Processes |\n|---|---|---|\n| Memory | Shared | Separate |\n"
               "| Start-up | Cheap | Costly |\n| Crash | Takes the process down | Stays isolated |\n")


@pytest.mark.parametrize("title", ["## 🔶 Compare threads with processes", "## When would you pick threads?",
                                   "## Explain threads and processes"])
def test_a_comparison_table_under_a_question_heading_is_its_answer(tmp_path: Path, title: str) -> None:
    text = f"# Notes\n\n{title}\n\n### Side by side\n\n{_COMPARISON}"
    layout, cards = _cards(tmp_path, text)
    assert "Memory" not in [question for question, _ in cards]
    assert layout != "table"


@pytest.mark.parametrize("title", ["## Threads and processes", "# Compare threads with processes"])
def test_a_comparison_table_under_a_title_still_makes_cards(tmp_path: Path, title: str) -> None:
    # A section's name and the document's own title ask nothing of the table: its rows are the cards.
    layout, cards = _cards(tmp_path, f"{title}\n\n{_COMPARISON}")
    assert layout == "table"
    assert cards[0] == ("Memory", "**Threads:** Shared\n\n**Processes:** Separate")
    assert len(cards) == 3


def test_a_named_question_table_under_a_question_heading_still_makes_cards(tmp_path: Path) -> None:
    text = ("## What do these ports carry?\n\n| Question | Answer |\n|---|---|\n| Port 22? | SSH |\n"
            "| Port 443? | HTTPS |\n")
    _, cards = _cards(tmp_path, text)
    assert cards == [("Port 22?", "SSH"), ("Port 443?", "HTTPS")]


_TASKS = ("# Practice tasks\n\n1. Why do you want this job?\n\n<!-- asked -->\n\n"
          "1. Build a page with two inputs and a button that adds them.\n\n"
          "1. Build a counter. What if it must also count down?\n\n"
          "1. Fetch a user from an API and show the name.\n\n1. Show a spinner while the request runs.\n")


def test_a_list_numbered_by_markdown_is_no_answer_to_its_items(tmp_path: Path) -> None:
    # Every item "1.": one list, each task beside the next; none is the answer to the one above it.
    _, cards = _cards(tmp_path, _TASKS)
    assert cards == []


def test_an_answer_under_an_item_of_a_list_numbered_by_markdown_stays(tmp_path: Path) -> None:
    text = ("1. What is a closure?\n\n   A function with the scope it was made in.\n\n"
            "1. What is hoisting?\n\n   Declarations moved to the top of their scope.\n\n"
            "1. What is a promise?\n\n   A value that arrives later.\n")
    _, cards = _cards(tmp_path, text)
    assert cards == [("What is a closure?", "A function with the scope it was made in."),
                     ("What is hoisting?", "Declarations moved to the top of their scope."),
                     ("What is a promise?", "A value that arrives later.")]


def test_steps_numbered_from_one_under_a_question_stay_its_answer(tmp_path: Path) -> None:
    text = ("1. How do you undo a commit?\n\n1. Find it with git log.\n2. Run git revert on it.\n\n"
            "2. How do you list branches?\n\nRun git branch.\n")
    _, cards = _cards(tmp_path, text)
    assert cards[0] == ("How do you undo a commit?", "1. Find it with git log.\n2. Run git revert on it.")


_ROUNDS = ("# Acme\n1. How does the event loop work\n2. Explain how a promise settles\n3. How would you cache\n\n"
           "# Globex\n1. What is a closure in JavaScript\n2. How do you scale a database\n\n"
           "# Initech\n1. Redis for sessions\n2. Callback hell\n3. How do you stream a file\n\n"
           "# Umbrella\n```\nWrite a function that reverses the words of a sentence.\n```\n")


def test_a_page_of_interview_rounds_makes_no_cards_of_its_lists(tmp_path: Path) -> None:
    # Two rounds list questions; the others' topics and the task in code were asked there too.
    _, cards = _cards(tmp_path, _ROUNDS)
    assert cards == []


def test_titles_over_lists_of_points_still_make_cards(tmp_path: Path) -> None:
    # No section lists questions: each title's list is what it teaches.
    text = ("# Redis\n1. In-memory store\n2. Keys expire\n\n# Kafka\n1. A distributed log\n2. Topics hold partitions\n\n"
            "# Nginx\n1. A reverse proxy\n2. Serves static files\n")
    _, cards = _cards(tmp_path, text)
    assert [question for question, _ in cards] == ["Redis", "Kafka", "Nginx"]
    assert cards[0][1] == "1. In-memory store\n2. Keys expire"
