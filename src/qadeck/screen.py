"""Screening: the stage after parsing that drops cards with nothing to show.

Contract: :func:`screen` drops cards that are empty once cleaned, and a card its
file repeats word for word (they are reported as findings, never written).
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
    """Remove cards whose question or answer is empty after cleaning, and a card the file repeats word for word
    (a row pasted twice would be two notes, studied twice); report them.

    A cloze's answer is extra text it may go without: its question holds it all.
    """
    kept, dropped = [], []
    seen: dict[tuple[str, str, str], int] = {}
    for card in result.cards:
        if not (has_text(card.question) and (card.kind == "cloze" or has_text(card.answer))):
            dropped.append(Finding("skipped", card.source, card.lines[0], "card is empty after cleaning"))
            continue
        first = seen.setdefault((card.question, card.answer, card.kind), card.lines[0])
        if first != card.lines[0]:
            dropped.append(Finding("skipped", card.source, card.lines[0], f"the same card as line {first}"))
            continue
        kept.append(card)
    if not dropped:
        return result
    return replace(result, cards=tuple(kept), findings=(*result.findings, *dropped))

