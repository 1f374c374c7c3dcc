"""Shapes met in a fifth sample of interview notes: a comparison table answering the question heading above it,
a list of tasks Markdown numbers itself (every item ``1.``), a page of interview rounds whose lists of topics
and coding tasks were asked, not answered, a self-test question closing a part of the notes, numbered
section headings over questions written another way, and study plans cut into weeks."""

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


_NOTES = ("# Router notes\n\n> Read each part, then answer its test question.\n\n"
          "## Part 1 — What is a router?\n\nA router forwards packets between networks.\n\n"
          "**Test yourself:** Which layer does a router work at?\n\n"
          "## Part 2 — Routing tables\n\nEach entry maps a prefix to a next hop.\n\n"
          "**Test yourself:** What happens when two prefixes match?\n\n"
          "## Part 3 — Default routes\n\nThe route used when nothing else matches.\n")


def test_a_question_closing_a_part_of_the_notes_is_not_answered_by_the_next_part(tmp_path: Path) -> None:
    # The heading after the question is no deeper than the one over it: the next part, not the answer.
    _, cards = _cards(tmp_path, _NOTES)
    assert not any(answer.startswith("## Part") or "forwards packets" in answer for _, answer in cards)
    assert ("Which layer does a router work at?", "## Part 2 — Routing tables") not in cards


def test_a_heading_deeper_than_the_one_over_the_question_still_opens_its_answer(tmp_path: Path) -> None:
    text = ("# Networks\n\n## Routing\n\n1. Which layer does a router work at?\n\n### In short\n\nThe network layer.\n\n"
            "2. What does a switch forward?\n\nFrames.\n\n3. What does a hub forward?\n\nBits.\n")
    _, cards = _cards(tmp_path, text)
    assert cards[0] == ("Which layer does a router work at?", "### In short\n\nThe network layer.")
    assert len(cards) == 3


_SECTIONS = ("# Intern interview\n\n## 1. Java questions\n\n**Q1: What is a JVM?**\n\nA: The machine that runs bytecode.\n\n"
             "**Q2: What is a JAR?**\n\nA: A zip of classes.\n\n## 2. SQL questions\n\n"
             "**Q3: What is an index?**\n\nA: A structure that speeds up lookups.\n\n"
             "**Q4: What is a join?**\n\nA: Rows of two tables combined.\n\n## 3. Git questions\n\n"
             "**Q5: What is a rebase?**\n\nA: Commits replayed on another base.\n\n"
             "**Q6: What is a tag?**\n\nA: A name for a commit.\n")


def test_numbered_headings_over_questions_are_sections(tmp_path: Path) -> None:
    # "## 2. SQL questions" asks by its number alone, over questions of its own: their section, no question.
    _, cards = _cards(tmp_path, _SECTIONS)
    assert [question for question, _ in cards] == ["What is a JVM?", "What is a JAR?", "What is an index?",
                                                   "What is a join?", "What is a rebase?", "What is a tag?"]
    assert cards[2][1] == "A structure that speeds up lookups."


def test_numbered_headings_that_ask_in_words_stay_questions(tmp_path: Path) -> None:
    text = ("## 1. What is a JVM?\n\nThe machine that runs bytecode.\n\n## 2. What is a JAR?\n\nA zip of classes.\n\n"
            "## 3. Which tools build one?\n\nMaven and Gradle, for example.\n")
    _, cards = _cards(tmp_path, text)
    assert cards == [("What is a JVM?", "The machine that runs bytecode."), ("What is a JAR?", "A zip of classes."),
                     ("Which tools build one?", "Maven and Gradle, for example.")]


_PLAN = ("# Eight weeks of practice\n\n**Week 1 (March 2 - March 8)**\n\nArrays and strings.\n\n- Two sums\n\n"
         "**Week 2 (March 9 - March 15)**\n\nLinked lists.\n\n- Reverse a list\n\n"
         "**Week 3 (March 16 - March 22)**\n\nTrees.\n\n- Level order\n")


def test_bold_weeks_of_a_study_plan_are_no_cards(tmp_path: Path) -> None:
    _, cards = _cards(tmp_path, _PLAN)
    assert cards == []


def test_bold_titles_that_number_no_series_stay_cards(tmp_path: Path) -> None:
    text = ("**Covariance**\n\n- how two variables move together\n\n**Correlation**\n\n- covariance scaled to [-1, 1]\n\n"
            "**Variance**\n\n- the spread of one variable\n")
    _, cards = _cards(tmp_path, text)
    assert [question for question, _ in cards] == ["Covariance", "Correlation", "Variance"]


@pytest.mark.parametrize("first", ["Week", "Day"])
def test_a_plan_table_makes_no_cards(tmp_path: Path, first: str) -> None:
    text = (f"| {first} | Practice | Reading |\n|---|---|---|\n| **1** | Arrays | Big-O |\n| **2** | Stacks | Greedy |\n"
            "| **3** | Trees | Graphs |\n")
    _, cards = _cards(tmp_path, text)
    assert cards == []


def test_a_table_whose_first_column_names_no_period_still_makes_cards(tmp_path: Path) -> None:
    text = "| Year | Event |\n|---|---|\n| 1066 | Battle of Hastings |\n| 1215 | Magna Carta |\n| 1492 | Columbus sails |\n"
    _, cards = _cards(tmp_path, text)
    assert cards[0] == ("1066", "Battle of Hastings")
    assert len(cards) == 3
