"""Screening: the stage after parsing that drops cards with nothing to show.

Contract: :func:`screen` drops cards that are empty once cleaned (they are
reported as findings, never written).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Finding, ParseResult
from .render import strip_controls

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
    """Remove cards whose question or answer is empty after cleaning; report them.

    A cloze's answer is extra text it may go without: its question holds it all.
    """
    kept, dropped = [], []
    for card in result.cards:
        if has_text(card.question) and (card.kind == "cloze" or has_text(card.answer)):
            kept.append(card)
        else:
            dropped.append(
                Finding("skipped", card.source, card.lines[0], "card is empty after cleaning")
            )
    if not dropped:
        return result
    return replace(result, cards=tuple(kept), findings=(*result.findings, *dropped))

