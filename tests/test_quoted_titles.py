"""Headings that quote what an interviewer says, and headings that only quote."""

from pathlib import Path

from qadeck import parsers
from qadeck.model import Source

_SAID = """\
# Préparation orale

### "Parlez-moi d'un projet dont vous êtes fier"

Le portail de réservation: trois services, une file de messages.

### "Pourquoi ce poste ?"

Pour travailler sur des systèmes distribués.

### "Comment gérez-vous un désaccord ?"

J'écoute, je reformule, puis on tranche avec des données.
"""

_MOTTO = """\
# Notes d'essai

#### Dialogue

A: On part ? B: Oui.

#### "Le mieux est l'ennemi du bien"

Une phrase qui se discute selon le point de vue.

#### Plan

Introduction, deux parties, conclusion.
"""


def _cards(text: str) -> list[tuple[str, str]]:
    result = parsers.parse(Source(Path("notes.md"), text, "utf-8"))
    return [(card.question, card.answer) for card in result.cards]


def test_a_quoted_request_asks_among_quoted_questions() -> None:
    assert _cards(_SAID) == [
        ("Parlez-moi d'un projet dont vous êtes fier", "Le portail de réservation: trois services, une file de messages."),
        ("Pourquoi ce poste ?", "Pour travailler sur des systèmes distribués."),
        ("Comment gérez-vous un désaccord ?", "J'écoute, je reformule, puis on tranche avec des données."),
    ]


def test_one_quoted_motto_asks_nothing() -> None:
    assert all(question != "Le mieux est l'ennemi du bien" for question, _ in _cards(_MOTTO))
