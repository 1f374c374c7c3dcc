"""Exam sheets whose tasks are instructions listed under numbered part titles, each answered under a label."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers
from qadeck.model import Source


def _cards(text: str, name: str = "exam.md") -> list[tuple[str, str]]:
    parsed = parsers.parse(Source(Path(name), text))
    return [(card.question, card.answer) for card in parsed.cards]


SWEDISH = """# Hemtenta: databaser

**1.1 Index (6p)**
- Beskriv vad ett index är (2p)

  **SVAR:** En sorterad struktur som låter databasen hitta rader utan att läsa hela tabellen.

- Förklara varför ett index gör skrivningar långsammare (4p)

**SVAR:** Varje insättning måste också uppdatera indexet.

**1.2 Transaktioner (4p)**
- Definiera atomicitet

**SVAR:** Antingen genomförs alla ändringar i transaktionen eller ingen.
"""


def test_tasks_under_part_titles_are_cards_without_the_title_or_the_label() -> None:
    assert _cards(SWEDISH) == [
        ("Beskriv vad ett index är (2p)",
         "En sorterad struktur som låter databasen hitta rader utan att läsa hela tabellen."),
        ("Förklara varför ett index gör skrivningar långsammare (4p)", "Varje insättning måste också uppdatera indexet."),
        ("Definiera atomicitet", "Antingen genomförs alla ändringar i transaktionen eller ingen."),
    ]


def test_a_part_title_ends_the_answer_above_it() -> None:
    answers = [answer for _, answer in _cards(SWEDISH)]
    assert not any("1.2" in answer or "Transaktioner" in answer for answer in answers)


def test_tasks_with_no_answer_label_stay_prose() -> None:
    unlabelled = "\n".join(line for line in SWEDISH.splitlines() if "SVAR" not in line)
    assert _cards(unlabelled) == []


def test_a_numbered_title_that_asks_stays_in_the_question() -> None:
    text = """# Quiz

**1.1 What does a router do?**
- Give one example

**Answer:** It forwards packets between networks, as a home gateway does.

**1.2 What does a switch do?**
- Give one example

**Answer:** It forwards frames inside one network, as an office switch does.
"""
    # The numbered questions are the numbered layout's, as before: only a title that asks nothing gives way.
    assert [question for question, _ in _cards(text)] == ["What does a router do?", "What does a switch do?"]
