"""Headings that only label a card's parts ("## Question", "## Answer", "### Front", "### Back"): the
cards they hold, a folder of one-question pages as a deck, and the headings that look like labels but
are not (a glossary's letters, a project's "Solution" section, a heading shown in code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli


def _parse(tmp_path: Path, text: str, name: str = "notes.md") -> tuple[str, list[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = parsers.parse(sources.read(path))
    return result.layout, [(card.question, card.answer) for card in result.cards]


@pytest.mark.parametrize(
    ("asking", "answering"),
    [("Question", "Answer"), ("Front", "Back"), ("Question 1", "Answer 1"), ("Question:", "**Answer:**"),
     ("Frage", "Antwort"), ("Pregunta", "Respuesta"), ("Question", "Suggested answer"), ("Question", "Solution")],
)
def test_label_headings_make_one_card_a_pair(tmp_path: Path, asking: str, answering: str) -> None:
    text = (f"# Storage\n\n### {asking}\n\nWhat keeps a volume's data after its pod goes?\n\n### {answering}\n\n"
            f"A persistent volume.\n\n### {asking}\n\nWhat asks for one?\n\n### {answering}\n\nA claim.\n")
    layout, cards = _parse(tmp_path, text)
    assert layout == "labelled"
    assert cards == [("What keeps a volume's data after its pod goes?", "A persistent volume."),
                     ("What asks for one?", "A claim.")]


def test_one_question_pages_make_a_deck_of_one_card_each(tmp_path: Path) -> None:
    for number, (question, answer) in enumerate(
        [("How do you roll back a deploy?", "Redeploy the last good image."),
         ("Why pin base images?", "A moving tag changes the build under you.")], 1):
        (tmp_path / f"q{number}.md").write_text(
            f"# {question}\n\n## Answer\n\n{answer}\n\n## Why this matters\n\nOutages.\n", encoding="utf-8")
    listed = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert listed.exit_code == 0, listed.output
    assert '"question": "How do you roll back a deploy?"' in listed.output
    assert '"answer": "A moving tag changes the build under you.\\n\\n## Why this matters\\n\\nOutages."' in listed.output
    assert listed.output.count('"question"') == 2


def test_a_glossarys_letter_headings_are_no_labels(tmp_path: Path) -> None:
    text = ("# Glossary\n\n## A\n\n**Atom**: the smallest unit of an element.\n\n"
            "## B\n\n**Bond**: what holds atoms together.\n\n## Q\n\n**Quark**: a particle inside protons.\n")
    layout, _ = _parse(tmp_path, text)
    assert layout != "labelled"


def test_a_projects_solution_section_is_no_answer(tmp_path: Path) -> None:
    text = ("# Fastbuild\n\nA build tool.\n\n## Problem\n\nBuilds are slow.\n\n## Solution\n\nCache every step.\n\n"
            "## Installation\n\nRun `pip install fastbuild`.\n")
    layout, cards = _parse(tmp_path, text, "README.md")
    assert layout != "labelled"
    assert ("Fastbuild", "Cache every step.") not in cards


def test_an_answer_heading_shown_in_code_is_no_label(tmp_path: Path) -> None:
    text = ("# Writing cards\n\nWrite a card like this:\n\n```markdown\n## Question\n\nWhat is X?\n\n## Answer\n\n"
            "X is Y.\n```\n\nThen build the deck.\n")
    layout, cards = _parse(tmp_path, text)
    assert layout != "labelled"
    assert ("What is X?", "X is Y.") not in cards


def test_a_question_heading_over_its_labelled_answer_is_no_empty_card(tmp_path: Path) -> None:
    # The headings layout alone would end the first question's answer at the "Answer" heading beside it.
    text = ("## Q1: What does a liveness probe do?\n\n## Answer\n\nRestarts a stuck container.\n\n"
            "## Q2: What does a readiness probe do?\n\n## Answer\n\nKeeps traffic off a pod until it is ready.\n")
    layout, cards = _parse(tmp_path, text)
    assert layout == "labelled"
    assert cards == [("What does a liveness probe do?", "Restarts a stuck container."),
                     ("What does a readiness probe do?", "Keeps traffic off a pod until it is ready.")]
