"""Notes inserted in bulk: the same rows genanki's own write gives, and the same tag check."""

# Private name: apkg._cards_from_notes is wrapped to show the one-statement insert of the cards ran.

from __future__ import annotations

import io
import itertools
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from qadeck.model import Card
from qadeck.writers import Output, apkg

STAMP = 1_700_000_000


def row(question: str, guid: str, tags: tuple[str, ...] = ("topic::x",)) -> apkg.NoteRow:
    return apkg.NoteRow((question, "answer <b>x</b>", "a, b", "easy", "a.md", ""), tags, guid, STAMP)


def tables(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {name: db.execute(f"SELECT * FROM {name} ORDER BY id").fetchall() for name in ("col", "notes", "cards")}


def genanki_tables(rows: list[apkg.NoteRow], deck_id: int) -> dict[str, list[tuple[object, ...]]]:
    """What genanki writes, one note object at a time (every row has the same time, the package's)."""
    deck = genanki.Deck(deck_id, "Deck")
    for due, r in enumerate(rows):
        deck.add_note(genanki.Note(model=apkg.model(), fields=list(r.fields), tags=list(r.tags), guid=r.guid, due=due))
    db = sqlite3.connect(":memory:")
    genanki.Package(deck).write_to_db(db.cursor(), STAMP, itertools.count(STAMP * 1000))
    return tables(db)


def qadeck_tables(rows: list[apkg.NoteRow], deck_id: int, tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    path = tmp_path / "deck.apkg"
    apkg.write_apkg(rows, "Deck", deck_id, path)
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    return tables(db)


@pytest.mark.parametrize("batch", [1, 2, apkg.BATCH])
def test_notes_and_cards_are_the_rows_genanki_writes(tmp_path, monkeypatch, batch):
    # An empty question gives a note without a card, as genanki decides: ids still follow its order.
    monkeypatch.setattr(apkg, "BATCH", batch)
    rows = [row("Q1?", "g1"), row("", "g2", ()), row("Q3?", "g3", ("topic::x", "difficulty::easy"))]
    ours, theirs = qadeck_tables(rows, 42, tmp_path), genanki_tables(rows, 42)
    assert ours == theirs
    assert len(ours["notes"]) == 3 and len(ours["cards"]) == 2


@pytest.mark.parametrize("batch", [1, 2, apkg.BATCH])
def test_notes_of_one_card_each_are_the_rows_genanki_writes(tmp_path, monkeypatch, batch):
    # Every question filled (every qadeck card): SQLite makes the cards from the notes.
    monkeypatch.setattr(apkg, "BATCH", batch)
    made = []
    monkeypatch.setattr(apkg, "_cards_from_notes", lambda *args: made.append(1) or cards_from_notes(*args))
    rows = [row(f"Q{n}?", f"g{n}", ("topic::x",) if n % 2 else ()) for n in range(5)]
    ours, theirs = qadeck_tables(rows, 42, tmp_path), genanki_tables(rows, 42)
    assert made and ours == theirs
    assert len(ours["notes"]) == len(ours["cards"]) == 5


cards_from_notes = apkg._cards_from_notes


def test_card_ords_follow_the_filled_fields():
    model = apkg.model()
    assert apkg.card_ords(("Q?", "A", "", "", "", ""), model) == [0]
    assert apkg.card_ords(("", "A", "", "", "", ""), model) == []


def test_a_tag_with_a_space_is_refused_as_genanki_would(tmp_path):
    card = Card("Q?", "A.", "a.md", "", (1, 2), topics=("data drift",), guid="g", mtime=1)
    with pytest.raises(ValueError, match="contains a space"):
        apkg.write(Output("Deck", 1, [card]), tmp_path / "deck.apkg")


def test_the_database_in_the_package_opens_as_sqlite(tmp_path):
    path = tmp_path / "deck.apkg"
    apkg.write_apkg([row("Q?", "g")], "Deck", 7, path)
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    assert data.startswith(b"SQLite format 3\x00")
    assert io.BytesIO(data).getbuffer().nbytes % 4096 == 0  # whole pages, as a database file on disk


def test_the_package_has_genankis_indexes(tmp_path):
    def indexes(db: sqlite3.Connection) -> set[tuple[str, str]]:
        return set(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())

    path = tmp_path / "deck.apkg"
    apkg.write_apkg([row("Q?", "g")], "Deck", 7, path)
    with zipfile.ZipFile(path) as package:
        ours = sqlite3.connect(":memory:")
        ours.deserialize(package.read("collection.anki2"))
    theirs = sqlite3.connect(":memory:")
    genanki.Package(genanki.Deck(7, "Deck")).write_to_db(theirs.cursor(), STAMP, itertools.count(1))
    assert indexes(ours) == indexes(theirs) and len(indexes(ours)) >= 5


def test_note_rows_of_the_bundled_deck_carry_each_cards_own_tags_and_fields():
    """Tags and escaped fields are worked out once per distinct value: each row must still be its card's."""
    import html

    from qadeck import pipeline
    from qadeck.writers.apkg import anki_tags

    from .conftest import CARDS

    cards = pipeline.prepare(pipeline.load([CARDS]), now=1_700_000_000).cards
    rows = apkg.note_rows(Output("Deck", 1, cards))
    assert len(rows) == len(cards) > 200
    for card, r in zip(cards, rows):
        assert r.tags == tuple(anki_tags(card))
        assert r.fields[2:] == tuple(html.escape(v) for v in (", ".join(card.topics), card.difficulty,
                                                              card.source, card.section))
        assert (r.guid, r.mtime) == (card.guid, card.mtime)
    assert len({r.tags for r in rows}) > 20  # many distinct tag sets, not one shared by mistake
