"""genanki notes made fast: the same cards and the same tag check as genanki's own."""

from __future__ import annotations

import genanki
import pytest

from qadeck.model import Card
from qadeck.writers import Output, apkg


def row(question: str, guid: str) -> apkg.NoteRow:
    return apkg.NoteRow((question, "answer", "", "", "a.md", ""), ("topic::x",), guid, 1)


def test_notes_get_the_cards_genanki_gives_them_and_alike_notes_share_them():
    model, cards = apkg.model(), {}
    rows = [row("Q1?", "g1"), row("", "g2"), row("Q3?", "g3")]
    notes = [apkg._TimedNote(r, model, due, cards) for due, r in enumerate(rows)]
    for note, r in zip(notes, rows):
        expected = genanki.Note(model=model, fields=list(r.fields)).cards
        assert [c.ord for c in note.cards] == [c.ord for c in expected]
    assert notes[0].cards is notes[2].cards and notes[1].cards == []


def test_a_tag_with_a_space_is_refused_as_genanki_would(tmp_path):
    card = Card("Q?", "A.", "a.md", "", (1, 2), topics=("data drift",), guid="g", mtime=1)
    with pytest.raises(ValueError, match="contains a space"):
        apkg.write(Output("Deck", 1, [card]), tmp_path / "deck.apkg")
