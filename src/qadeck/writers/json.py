"""The cards as JSON: what ``qadeck list --json`` prints and the ``json`` format writes.

Contract: :func:`card_json` is the one place that shapes a card for JSON, so
the command and the file never drift apart. Keys are only ever added, never
renamed or removed: scripts read them. There is an object for each way a
note is asked: a ``reversed`` note gives two (the second with ``reverse``
true, question and answer swapped), a ``cloze`` note one (its question the
text with Anki's ``{{c1::…}}`` deletions, its answer the extra text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Card
from ..render import Renderer
from .apkg import anki_tags
from . import Output


def card_json(card: Card, renderer: Renderer, reverse: bool = False) -> dict[str, Any]:
    """The stable JSON shape of a card (``reverse``: a reversed note's card from answer to question)."""
    question, answer = (card.answer, card.question) if reverse else (card.question, card.answer)
    return {
        "question": question,
        "answer": answer,
        "source": card.source,
        "section": card.section,
        "lines": list(card.lines),
        "inferred": card.inferred,
        "topics": list(card.topics),
        "difficulty": card.difficulty,
        "difficulty_from": card.difficulty_from,
        "tags": anki_tags(card),
        "guid": card.guid,
        "answer_html": renderer.html(answer),
        "kind": card.kind,
        "reverse": reverse,
    }


def dumps(cards: Iterable[Card], renderer: Renderer) -> str:
    """A JSON array of the cards, indented, non-ASCII kept as is."""
    objects = [
        card_json(c, renderer, reverse)
        for c in cards
        for reverse in ((False, True) if c.kind == "reversed" else (False,))
    ]
    return json.dumps(objects, ensure_ascii=False, indent=2)


def write(output: Output, path: Path) -> None:
    """The ``json`` format."""
    path.write_text(dumps(output.cards, output.renderer) + "\n", encoding="utf-8")
