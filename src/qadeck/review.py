"""What ``qadeck check`` reports beyond the parsers' findings: what a user should look at.

Contract: :func:`review` lists inferred questions and suspicious leftovers
(markers or over-long text that suggest a parse went wrong), each with file:line.
"""

from __future__ import annotations

import re

from .model import Card, Finding
from .parsers.options import OPTIONS_START, stem
from .render import FENCED_CODE

MAX_QUESTION = 300
_CODE = re.compile(FENCED_CODE, re.DOTALL | re.MULTILINE)
_MARKER = re.compile(r"(^|\n)\s*(\*\*)?(Q|A|Question|Answer)\s*(\*\*)?\s*:", re.IGNORECASE)


def review(cards: list[Card]) -> list[Finding]:
    findings = []
    for card in cards:
        line = card.lines[0]
        if card.inferred:
            findings.append(Finding("inferred", card.source, line, f"question inferred: {card.question}"))
        if len(card.question) > MAX_QUESTION and len(words := question_words(card.question)) > MAX_QUESTION:
            findings.append(Finding("suspicious", card.source, line, f"question is {len(words)} characters long"))
        if _MARKER.search(card.question) or _marker_in_answer(card):
            findings.append(Finding("suspicious", card.source, line,
                                    "a Q:/A: marker is left inside the card"))
    return findings


def question_words(question: str) -> str:
    """What a question says in words: a multiple-choice card's options (``- A: …``) and the code it
    shows are no sign of a parse gone wrong, however long."""
    return _CODE.sub("", stem(question)).strip()


def _marker_in_answer(card: Card) -> bool:
    """A Q:/A: marker in the answer, the chosen option of a multiple-choice card (``**A**: …`` under options
    ``- A: …``) aside."""
    found = _MARKER.search(card.answer)
    return found is not None and not (found.group(3).upper() == "A" and found.group(2) and OPTIONS_START in card.question)
