"""The pipeline's data: frozen cards, however they are made."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from qadeck.model import Card, new_card

CARD = Card("Q?", "A.", "a.md", "Section", (3, 4), True, "prefixed", ("ml", "ops"), "hard", "g1", 1_700_000_000)


def test_new_card_makes_the_card_the_dataclass_makes():
    values = [getattr(CARD, f.name) for f in dataclasses.fields(Card)]
    made = new_card(*values)
    assert made == CARD and type(made) is Card and repr(made) == repr(CARD)
    assert new_card("Q?", "A.", "a.md", "", (1, 1)) == Card("Q?", "A.", "a.md", "", (1, 1))


def test_new_card_takes_every_field_in_order_with_its_default():
    parameters = [p for p in inspect.signature(new_card).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(Card)
    ]


def test_cards_made_quickly_are_still_frozen():
    for card in (new_card("Q?", "A.", "a.md", "", (1, 1)), CARD.identified("g2", 5), CARD.tagged(("x",), "easy")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            card.guid = "changed"  # type: ignore[misc]
    assert CARD.identified("g2", 5) == dataclasses.replace(CARD, guid="g2", mtime=5)
    assert CARD.tagged(("x",), "easy") == dataclasses.replace(CARD, topics=("x",), difficulty="easy")
