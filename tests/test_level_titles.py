"""Question banks that group their questions by level under lines naming it ("Basic", "Intermediate",
"Advanced"; in Chinese "初级题", "中级题", "高级题"): such a line under the last question of a group is the next
group's title, so that question is unanswered, never a card whose back is "Intermediate"."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers, sources
from qadeck.model import ParseResult

LEVELS = """\
# Go interview questions

## Goroutines

Basic

What is a goroutine?

A function running concurrently, scheduled by the Go runtime.

How do you start one?

Intermediate

How does the scheduler pick the next goroutine?

What is work stealing?

Advanced

How would you find a goroutine leak?

## Channels

Basic

What is a buffered channel?

A channel with room for some values before a send blocks.

What happens when you close a channel?

Advanced

How is select implemented?
"""

ONE_LEVEL = """\
# Talk proposal

## Who is the talk for?

Intermediate

## How long is it?

Forty minutes, with ten for questions.

## What will people learn?

How to profile a service before tuning it.
"""


def _parsed(tmp_path: Path, text: str, name: str) -> ParseResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_a_level_line_under_a_question_titles_the_next_group(tmp_path: Path) -> None:
    result = _parsed(tmp_path, LEVELS, "go.md")
    assert [(card.question, card.answer) for card in result.cards] == [
        ("What is a goroutine?", "A function running concurrently, scheduled by the Go runtime."),
        ("What is a buffered channel?", "A channel with room for some values before a send blocks."),
    ]
    assert not any("Intermediate" in card.answer or "Advanced" in card.answer for card in result.cards)


def test_chinese_level_lines_are_titles_too(tmp_path: Path) -> None:
    text = LEVELS.replace("\nBasic\n", "\n初级题\n").replace("\nIntermediate\n", "\n中级题\n").replace(
        "\nAdvanced\n", "\n高级题\n")
    answers = [card.answer for card in _parsed(tmp_path, text, "go.md").cards]
    assert answers == ["A function running concurrently, scheduled by the Go runtime.",
                       "A channel with room for some values before a send blocks."]


def test_a_level_that_answers_a_question_in_a_file_without_levels_stays(tmp_path: Path) -> None:
    """One level word under a question, in a file that groups nothing by level, is that question's answer."""
    cards = _parsed(tmp_path, ONE_LEVEL, "proposal.md").cards
    assert ("Who is the talk for?", "Intermediate") in [(card.question, card.answer) for card in cards]
