"""Review checks: what a user should look at, beyond what the parsers reported.

Contract: :func:`screen` drops cards that are empty once cleaned (they are
reported, never written); :func:`review` lists inferred questions and
suspicious leftovers (markers or over-long text that suggest a parse went
wrong), each with file:line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Card, Finding, ParseResult
from .render import strip_controls

MAX_QUESTION = 300
_MARKER = re.compile(r"(^|\n)\s*(\*\*)?(Q|A|Question|Answer)\s*(\*\*)?\s*:", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S")


def has_text(text: str) -> bool:
    """True when ``text`` holds something once controls and surrounding whitespace are gone.

    Most texts open with a visible character: that one survives cleaning, so
    the whole text need not be cleaned to know.
    """
    if "!" <= text[:1] <= "~":
        return True  # a visible ASCII character first: no control, kept (tested over ASCII)
    first = _NON_SPACE.search(text)
    if first is None:
        return False
    return bool(strip_controls(first.group())) or bool(strip_controls(text).strip())


def screen(result: ParseResult) -> ParseResult:
    """Remove cards whose question or answer is empty after cleaning; report them."""
    kept, dropped = [], []
    for card in result.cards:
        if has_text(card.question) and has_text(card.answer):
            kept.append(card)
        else:
            dropped.append(
                Finding("skipped", card.source, card.lines[0], "card is empty after cleaning")
            )
    if not dropped:
        return result
    return replace(result, cards=tuple(kept), findings=(*result.findings, *dropped))


def review(cards: list[Card]) -> list[Finding]:
    findings = []
    for card in cards:
        line = card.lines[0]
        if card.inferred:
            findings.append(Finding("inferred", card.source, line, f"question inferred: {card.question}"))
        if len(card.question) > MAX_QUESTION:
            findings.append(Finding("suspicious", card.source, line,
                                    f"question is {len(card.question)} characters long"))
        if _MARKER.search(card.question) or _MARKER.search(card.answer):
            findings.append(Finding("suspicious", card.source, line,
                                    "a Q:/A: marker is left inside the card"))
    return findings
