"""Study notes and textbook chapters: the questions a chapter closes on are its cards, not its topics."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers
from qadeck.model import Source


def _cards(text: str) -> list[tuple[str, str]]:
    result = parsers.parse(Source(Path("notes.md"), text, "utf-8"))
    return [(card.question, card.answer) for card in result.cards]


_TOPICS = """# Lesson 2: Rocks

## The three kinds

| Kind | How it forms | Example |
|---|---|---|
| Igneous | cooling magma | granite |
| Sedimentary | layers pressed together | sandstone |
| Metamorphic | heat and pressure | marble |

## Hardness

| Mineral | Mohs hardness |
|---|---|
| Talc | 1 |
| Quartz | 7 |
| Diamond | 10 |

"""


def test_a_chapter_of_tables_gives_its_check_your_understanding_cards() -> None:
    text = _TOPICS + """## Check your understanding

1. Which kind of rock is marble?

   **Answer:** Metamorphic: limestone changed by heat and pressure.

2. Which is harder, quartz or talc?

   **Answer:** Quartz.
"""
    assert _cards(text) == [
        ("Which kind of rock is marble?", "Metamorphic: limestone changed by heat and pressure."),
        ("Which is harder, quartz or talc?", "Quartz."),
    ]


def test_a_chapter_whose_review_questions_are_unanswered_gives_no_cards_of_its_topics() -> None:
    text = _TOPICS + """## Review questions

1. Which kind of rock is marble?
2. Why is sandstone layered?
3. Which is harder, quartz or talc?
"""
    assert _cards(text) == []


def test_a_faq_that_ends_on_exercises_keeps_its_questions() -> None:
    text = """# Sourdough FAQ

## Why did my loaf not rise?

The starter was not active enough when the dough was mixed.

## How long should the dough prove?

Until it has grown by about half.

## Can I bake it in a cold oven?

Yes, though the crust comes out thicker.

## Exercises

1. Which step would you change first after a flat loaf?
"""
    questions = [question for question, _ in _cards(text)]
    assert questions[:3] == ["Why did my loaf not rise?", "How long should the dough prove?",
                             "Can I bake it in a cold oven?"]


def test_a_quiz_whose_questions_stand_before_its_key_is_read_whole() -> None:
    # The numbered questions outside any study section are the quiz's own (the key layout marks them).
    text = """# Week 3 quiz

1. Which gas do plants take in?
   a) Oxygen  b) Carbon dioxide

2. Which organ pumps blood?
   a) The heart  b) The liver

## Answer key

1. b
2. a

## Self-assessment

Two right: well done.
"""
    assert [answer for _, answer in _cards(text)] == ["B. Carbon dioxide", "A. The heart"]
