"""The pipeline's data: frozen cards, whichever stage made them."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.model import Card, quick_init

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


@dataclasses.dataclass(frozen=True, slots=True)
class _Generated:
    name: str
    count: int = 0
    parts: tuple[str, ...] = ()


@quick_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Quick:
    name: str
    count: int = 0
    parts: tuple[str, ...] = ()


@given(st.text(), st.integers(), st.lists(st.text(), max_size=3).map(tuple), st.integers(0, 2))
def test_quick_init_makes_what_the_generated_init_makes(name, count, parts, given_args):
    # The same arguments, positional or by keyword, some left to their defaults: the same values.
    args = (name, count, parts)[: given_args + 1]
    quick, generated = _Quick(*args), _Generated(*args)
    assert dataclasses.astuple(quick) == dataclasses.astuple(generated)
    assert _Quick(**dict(zip(("name", "count", "parts"), args))) == quick
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.name = "changed"  # type: ignore[misc]


def test_quick_init_keeps_the_signature_and_refuses_what_it_cannot_make():
    assert inspect.signature(_Quick) == inspect.signature(_Generated)
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        _Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional fields only"):
        @quick_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class _Listed:
            items: list[str] = dataclasses.field(default_factory=list)
