"""The Anki package writer: the only module that imports genanki.

Contract: :func:`write_apkg` writes the cards (already tagged, with guid and
mtime from identity, answers rendered by the caller) to an ``.apkg`` that
imports into Anki and, on re-import, updates the same notes in place.

Three things make re-import work, and each is fixed here on purpose:

* **The note type is frozen.** Anki forks a note type whose field names or
  template names change ("qadeck Q&A+") and then silently stops updating
  notes. ``MODEL_ID``, ``FIELDS`` and ``TEMPLATE_NAMES`` must never change;
  ``tests/test_apkg.py`` fails if they do. CSS and template *content* may change.
* **Each note's mod time is the time its content last changed** (from the lock
  file), not the build time: Anki only updates a note whose package mod time
  is strictly newer, so unchanged cards leave the user's own edits alone.
* **The bytes are reproducible**: note and card ids derive from the newest
  card time, zip entries get a fixed date and mode, so an unchanged deck
  rebuilds byte for byte.
"""

from __future__ import annotations

import html
import itertools
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import genanki

from ..model import Card
from ..tagging import anki_tags
from ..zipping import write_zip
from . import Output

# --- Frozen: never change these three (see the module docstring). ---------------------
MODEL_ID = 1607392319
MODEL_NAME = "qadeck Q&A"
FIELDS = ("Question", "Answer", "Topics", "Difficulty", "Source", "Section")
TEMPLATE_NAMES = ("Card 1",)
# -----------------------------------------------------------------------------------------

FRONT = """<div class="qa-question">{{Question}}</div>"""
BACK = """{{FrontSide}}
<hr id="answer">
<div class="qa-answer">{{Answer}}</div>
<div class="qa-meta">{{Topics}} · {{Difficulty}} · {{Source}}</div>"""

CSS = """\
.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 19px; line-height: 1.5; text-align: left;
  color: #1f2328; background-color: #ffffff;
  max-width: 42em; margin: 0 auto; padding: 0 0.6em;
}
.qa-question { font-size: 1.1em; font-weight: 600; }
.qa-answer ul, .qa-answer ol { padding-left: 1.4em; }
.qa-answer li { margin: 0.15em 0; }
code {
  font-family: "SFMono-Regular", Consolas, "Liberation Mono", Menlo, monospace;
  font-size: 0.9em; background: #eff1f3; color: #1f2328; padding: 0.1em 0.3em; border-radius: 4px;
}
pre {
  background: #f6f8fa; color: #1f2328; border: 1px solid #d0d7de; border-radius: 6px;
  padding: 0.7em; overflow-x: auto; white-space: pre; font-size: 0.85em; line-height: 1.4;
}
pre code { background: none; padding: 0; font-size: 1em; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 0.2em 0.5em; }
.qa-meta { margin-top: 1.2em; font-size: 0.75em; color: #656d76; }
.mobile .card { font-size: 17px; padding: 0 0.2em; }
.mobile pre { font-size: 0.8em; }
.nightMode.card, .nightMode .card, .night_mode .card { color: #e6edf3; background-color: #1e1e1e; }
.nightMode code, .night_mode code { background: #343941; color: #e6edf3; }
.nightMode pre, .night_mode pre { background: #161b22; color: #e6edf3; border-color: #30363d; }
.nightMode pre code, .night_mode pre code { background: none; }
.nightMode td, .nightMode th { border-color: #30363d; }
.nightMode .qa-meta, .night_mode .qa-meta { color: #8d96a0; }
"""


class NoteRow(NamedTuple):
    """What one note shows: HTML fields in ``FIELDS`` order, plus its identity.

    A named tuple rather than a frozen dataclass: a deck makes one per card, and
    a tuple is made in half the time (0.4 µs against 0.8 µs here).
    """

    fields: tuple[str, ...]
    tags: tuple[str, ...]
    guid: str
    mtime: int


def model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": TEMPLATE_NAMES[0], "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def write_apkg(rows: Sequence[NoteRow], deck_name: str, deck_id: int, path: Path) -> None:
    """Write the package to ``path`` (the caller renames it into place).

    genanki writes the collection: its schema, the deck and the note type. The
    notes and cards are inserted here, a few thousand per statement, with the
    values genanki's ``Note.write_to_db`` and ``Card.write_to_db`` would give
    them one ``execute`` at a time (``tests/test_apkg_notes.py`` compares the
    two): on a deck of 100,000 notes genanki's per-note objects and checks
    cost more than the database itself. The database is a scratch file, so
    that a big deck's pages sit in the file system's cache, not in this process,
    and it is zipped from there a few pieces at a time (:mod:`qadeck.zipping`).
    """
    note_model = model()
    deck = genanki.Deck(deck_id, deck_name)
    deck.add_model(note_model)
    stamp = max((row.mtime for row in rows), default=0)
    ids = itertools.count(stamp * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            # A scratch file that is zipped and deleted: no journal on disk, no waiting for fsync.
            # (The database's bytes are the same either way.)
            conn.execute("PRAGMA journal_mode=MEMORY")
            conn.execute("PRAGMA synchronous=OFF")
            cursor = conn.cursor()
            genanki.Package(deck).write_to_db(cursor, stamp, ids)
            # genanki's indexes on the two tables are built once the rows are in: a fifth faster than
            # keeping them up to date row by row, and the same indexes.
            indexes = cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('notes', 'cards')"
            ).fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            for notes, cards in _note_and_card_rows(rows, note_model, deck_id, ids):
                cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", notes)
                cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
            for _, sql in indexes:
                cursor.execute(sql)
            conn.commit()
        finally:
            conn.close()
        write_zip(path, {"collection.anki2": db_path, "media": b"{}"})


#: Notes whose rows are made and inserted together: few statements, little memory held.
BATCH = 5_000
#: The rows of the ``notes`` and ``cards`` tables for :data:`BATCH` notes.
Batch = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]


def _note_and_card_rows(
    rows: Iterable[NoteRow], note_model: genanki.Model, deck_id: int, ids: Iterator[int]
) -> Iterator[Batch]:
    """The ``notes`` and ``cards`` table rows of genanki's write, :data:`BATCH` notes at a time.

    Ids are taken in genanki's order: a note takes the next id, then each of its
    cards one; a card is new (type and queue 0), due in deck order.
    """
    ords_of: dict[tuple[bool, ...], list[int]] = {}
    sort_index = note_model.sort_field_index
    rows = iter(rows)
    due = itertools.count()
    while batch := list(itertools.islice(rows, BATCH)):
        notes: list[tuple[object, ...]] = []
        cards: list[tuple[object, ...]] = []
        for row in batch:
            tags = " ".join(row.tags)
            if row.tags and tags.count(" ") >= len(row.tags):  # more spaces than between the tags
                genanki.Note(tags=row.tags)  # raises genanki's own error, naming the tag
            # Which cards a note has depends only on which of its fields are filled: ask genanki once per shape.
            shape = tuple(map(bool, row.fields))
            ords = ords_of.get(shape)
            if ords is None:
                ords = ords_of[shape] = card_ords(row.fields, note_model)
            note_id = next(ids)
            notes.append((note_id, row.guid, MODEL_ID, row.mtime, -1, f" {tags} ", "\x1f".join(row.fields),
                          row.fields[sort_index], 0, 0, ""))
            position = next(due)
            for ord_ in ords:
                cards.append((next(ids), note_id, deck_id, ord_, row.mtime, -1, 0, 0, position,
                              0, 0, 0, 0, 0, 0, 0, 0, ""))
        yield notes, cards


def card_ords(fields: Sequence[str], note_model: genanki.Model) -> list[int]:
    """The templates genanki makes a card from for a note with these fields."""
    return [card.ord for card in genanki.Note(model=note_model, fields=list(fields)).cards]


def note_rows(output: Output) -> list[NoteRow]:
    """Each card as its note: rendered fields, tags and guid.

    The Anki text import (``writers/anki_text.py``) writes these same rows, so
    importing it over the package updates the package's notes, field for field.
    """
    inline_html, answer_html = output.renderer.inline_html, output.renderer.html
    # Topics, levels, sources and sections repeat across cards: each is escaped once, and each
    # combination of topics, level, source and inferred flag makes its tags once.
    escape = cache(html.escape)
    topics_html = cache(lambda topics: html.escape(", ".join(topics)))
    tags_by_kind: dict[tuple[object, ...], tuple[str, ...]] = {}

    def tags_of(card: Card) -> tuple[str, ...]:
        kind = (card.topics, card.difficulty, card.source, card.inferred)  # all that anki_tags reads
        tags = tags_by_kind.get(kind)
        if tags is None:
            tags = tags_by_kind[kind] = tuple(anki_tags(card))
        return tags

    return [
        NoteRow(
            (
                inline_html(card.question),
                answer_html(card.answer),
                topics_html(card.topics),
                escape(card.difficulty),
                escape(card.source),
                escape(card.section),
            ),
            tags_of(card),
            card.guid,
            card.mtime,
        )
        for card in output.cards
    ]


def write(output: Output, path: Path) -> None:
    """The ``apkg`` format: each card as its note, written as a package."""
    write_apkg(note_rows(output), output.deck, output.deck_id, path)
