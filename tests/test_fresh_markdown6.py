"""Shapes met in a sixth sample of interview and study notes: a questionnaire's template whose questions stand
over boxes to tick and fields to fill in, question headings numbered with a hyphen ("## 4- …"), answers typed at
the margin under bulleted questions, and lettered options written "- A:" under a bold question."""

from __future__ import annotations

from pathlib import Path

from .conftest import layout_pairs_unanswered as _parsed


_FIELDS = ("- [ ] Yes\n- [ ] No\n- [ ] Not sure\n\n**Observations:**\n```\n(Write what you saw)\n```\n\n"
           "**Severity:**\n- [ ] Minor\n- [ ] Major\n\n---\n\n")


def test_a_questionnaire_template_is_no_deck(tmp_path: Path) -> None:
    questions = ["Are backups tested every month?", "Who may approve a change to the firewall?",
                 "Is there a list of every laptop the staff use?", "Are old disks wiped before they are sold?"]
    text = "# Office audit\n\n" + "".join(f"### {n}. {q}\n\n{_FIELDS}" for n, q in enumerate(questions, 1))
    _, cards, unanswered = _parsed(tmp_path, text)
    assert cards == []
    assert unanswered == 4


def test_a_checklist_that_answers_stays_a_card(tmp_path: Path) -> None:
    # Boxes alone, or boxes under a label, with no blank to fill in: the author's answer, a list of steps.
    text = ("## What do you check before a release?\n\n- [ ] The changelog is written\n- [ ] The tests pass\n\n"
            "## What goes into an incident report?\n\n**Sections:**\n- [ ] Timeline\n- [ ] Root cause\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert [question for question, _ in cards] == ["What do you check before a release?",
                                                   "What goes into an incident report?"]
    assert cards[0][1] == "- [ ] The changelog is written\n- [ ] The tests pass"


def test_a_filled_in_form_stays_a_card(tmp_path: Path) -> None:
    text = ("## Are backups tested?\n\n- [x] Yes\n- [ ] No\n\n**Notes:**\nRestored last week.\n\n"
            "## Is there an asset list?\n\n- [ ] Yes\n- [ ] No\n\n**Notes:**\nA spreadsheet kept by IT.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert len(cards) == 2
    assert "A spreadsheet kept by IT." in cards[1][1]


def test_question_headings_numbered_with_a_hyphen(tmp_path: Path) -> None:
    text = ("## 1- Swap two numbers without a third variable\n### Note: pseudo code\n```\na = a + b\nb = a - b\n"
            "a = a - b\n```\n\n## 2- Reverse a linked list\n```\nprev = None\n```\n\n"
            "## 3- Delete a node from a list\n### Deleting the head\n```\nhead = head.next\n```\n"
            "### Deleting the tail\n```\nsecond_last.next = None\n```\n\n"
            "## 4- When is recursion better than a loop?\nWhen the data is a tree.\n")
    layout, cards, _ = _parsed(tmp_path, text)
    assert layout == "headings"
    assert [question for question, _ in cards] == [
        "Swap two numbers without a third variable", "Reverse a linked list", "Delete a node from a list",
        "When is recursion better than a loop?"]
    assert cards[2][1].startswith("### Deleting the head\n")
    assert "### Deleting the tail" in cards[2][1]


def test_a_hyphen_inside_a_heading_is_no_number(tmp_path: Path) -> None:
    text = ("# 3-Tier Architecture\n\n## What is the web tier?\nIt serves pages.\n\n"
            "## What is the data tier?\nIt keeps the rows.\n\n## 2-3 trees\nA balanced search tree.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert ("What is the web tier?", "It serves pages.") in cards
    assert all(not question.startswith(("Tier", "3 trees")) for question, _ in cards)


def test_answers_typed_at_the_margin_under_bulleted_questions(tmp_path: Path) -> None:
    text = ("## Flask\n\n* What is Flask?\n  ``A small web framework.``\n"
            "* What is a blueprint?\n``A group of views registered on the app.``\n"
            "* What is a template?\n``A page with placeholders.``\n"
            "* What is an extension?\n  ``A package that adds a feature.``\n")
    layout, cards, _ = _parsed(tmp_path, text)
    assert layout == "outline"
    assert cards == [
        ("What is Flask?", "``A small web framework.``"),
        ("What is a blueprint?", "``A group of views registered on the app.``"),
        ("What is a template?", "``A page with placeholders.``"),
        ("What is an extension?", "``A package that adds a feature.``"),
    ]


def test_a_tight_list_under_a_bulleted_question_is_still_its_answer(tmp_path: Path) -> None:
    text = ("* What are the data types?\n  * Numbers\n  * Strings\n\n* What is a set?\n  A collection of unique items.\n\n"
            "* What is a tuple?\n  A list that cannot change.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert cards[0] == ("What are the data types?", "* Numbers\n* Strings")
    assert len(cards) == 3


def test_lettered_options_under_a_bold_question_are_no_answer_marker(tmp_path: Path) -> None:
    text = ("**Question 1:** What does this print?\n\n```js\nconsole.log(typeof null)\n```\n\n"
            "- A: null\n- B: object\n- C: undefined\n\n> Answer B\n\n"
            "**Question 2:** Which call seals an object?\n\n- A: Object.freeze\n- B: Object.seal\n\n> Answer B\n\n"
            "**Question 3:** What is a closure?\n\nA: A function with the scope it was made in.\n")
    _, cards, _ = _parsed(tmp_path, text)
    assert [question for question, _ in cards] == ["What does this print?", "Which call seals an object?",
                                                   "What is a closure?"]
    assert "- A: null\n- B: object" in cards[0][1]
    assert cards[0][1].rstrip().endswith("> Answer B")
    assert cards[2][1] == "A function with the scope it was made in."


def test_items_an_answer_introduces_stay_in_it(tmp_path: Path) -> None:
    # Text out of a PDF: the answer's line ends with a colon over its items, and a stated item wraps to the
    # margin; neither item is a question of its own.
    text = ("• How do you test a web service?\nIt is done in two\nparts:\n• In isolation: each call is sent and its\n"
            "response checked.\n• With the front end: the pages that use it are tested.\n\n"
            "• What is a status code?\nA number saying how a request went.\n\n"
            "• What does 404 mean?\nThe page was not found.\n")
    _, cards, _ = _parsed(tmp_path, text, "notes.txt")
    assert [question for question, _ in cards] == ["How do you test a web service?", "What is a status code?",
                                                   "What does 404 mean?"]
    assert "With the front end" in cards[0][1]
