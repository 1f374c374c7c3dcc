"""The pipeline's data: frozen cards, whichever stage made them."""

from __future__ import annotations

import dataclasses

import pytest

from qadeck.model import Card

CARD = Card("Q?", "A.", "a.md", "Section", (3, 4), True, "prefixed", ("ml", "ops"), "hard", "g1", 1_700_000_000,
            "rules")


def test_tagged_and_identified_cards_are_replace_and_still_frozen():
    for card in (CARD.identified("g2", 5), CARD.tagged(("x",), "easy"), CARD.tagged(("x",), "easy", "author")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            card.guid = "changed"  # type: ignore[misc]
    assert CARD.identified("g2", 5) == dataclasses.replace(CARD, guid="g2", mtime=5)
    assert CARD.tagged(("x",), "easy") == dataclasses.replace(CARD, topics=("x",), difficulty="easy")
    assert CARD.tagged(("x",), "easy", "author") == dataclasses.replace(
        CARD, topics=("x",), difficulty="easy", difficulty_from="author")


def test_tagged_and_identified_keep_every_other_field():
    # Every field but the ones each sets: a field added to Card and forgotten there fails here.
    others = [f.name for f in dataclasses.fields(Card)]
    tagged, identified = CARD.tagged(("x",), "easy", "author"), CARD.identified("g2", 5)
    assert [n for n in others if getattr(tagged, n) != getattr(CARD, n)] == ["topics", "difficulty", "difficulty_from"]
    assert [n for n in others if getattr(identified, n) != getattr(CARD, n)] == ["guid", "mtime"]
