"""The Anki package writer: the only module that imports genanki.

Contract: :func:`write_apkg` writes the cards (already tagged, with guid and
mtime from identity, answers rendered by the caller) to an ``.apkg`` that
imports into Anki and, on re-import, updates the same notes in place.

Three things make re-import work, and each is fixed here on purpose:

* **The note types are frozen.** Anki forks a note type whose field names or
  template names change ("qadeck Q&A+") and then silently stops updating
  notes. The ids, names, fields and template names of the three note types
  (Q&A; Q&A and reversed, a card each way; Cloze, a card per deletion) must
  never change; ``tests/test_apkg.py`` fails if they do. CSS and template
  *content* may change. A package holds the reversed and cloze note types only
  when it has such notes: a deck of Q&A notes is the package it always was.
* **Each note's mod time is the time its content last changed** (from the lock
  file), not the build time: Anki only updates a note whose package mod time
  is strictly newer, so unchanged cards leave the user's own edits alone.
* **The bytes are reproducible**: note and card ids derive from the newest
  card time, zip entries get a fixed date and mode, so an unchanged deck
  rebuilds byte for byte.

A build starts from the package's database its last write left, and updates
only the notes that changed (:mod:`qadeck.perf.package_cache`): the notes are
the same as a fresh write's, and unchanged ones keep the ids they had.
"""

from __future__ import annotations

import html
import itertools
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

import genanki

from ..render.media import COMPRESSED, MediaFile
from .. import cloze
from ..model import Card
from ..naming import plain_name
from ..render import Renderer
from ..render.highlight import CSS as HIGHLIGHT_CSS
from ..tagging.topic import slugify
from . import Output

if TYPE_CHECKING:
    from ..perf.package_cache import KeptPackage, Plan

# --- Frozen: never change these (see the module docstring). ------------------------------
MODEL_ID = 1607392319
MODEL_NAME = "qadeck Q&A"
FIELDS = ("Question", "Answer", "Topics", "Difficulty", "Source", "Section")
TEMPLATE_NAMES = ("Card 1",)
#: Notes asked both ways (``question:::answer``): the Q&A fields, a card each way.
REVERSED_MODEL_ID = 1741503208
REVERSED_MODEL_NAME = "qadeck Q&A (and reversed)"
REVERSED_TEMPLATE_NAMES = ("Card 1", "Card 2")
#: Cloze notes: the text with its ``{{c1::…}}`` deletions, a card per deletion number.
CLOZE_MODEL_ID = 1741503207
CLOZE_MODEL_NAME = "qadeck Cloze"
CLOZE_FIELDS = ("Text", "Extra", "Topics", "Difficulty", "Source", "Section")
CLOZE_TEMPLATE_NAMES = ("Cloze",)
# -----------------------------------------------------------------------------------------
#: The note type of each kind of card (:attr:`qadeck.model.Card.kind`).
MODEL_IDS = {"basic": MODEL_ID, "reversed": REVERSED_MODEL_ID, "cloze": CLOZE_MODEL_ID}

FRONT = """<div class="qa-question">{{Question}}</div>"""
BACK = """{{FrontSide}}
<hr id="answer">
<div class="qa-answer">{{Answer}}</div>
<div class="qa-meta">{{Topics}} · {{Difficulty}} · {{Source}}</div>"""
REVERSE_FRONT = """<div class="qa-question">{{Answer}}</div>"""
REVERSE_BACK = """{{FrontSide}}
<hr id="answer">
<div class="qa-answer">{{Question}}</div>
<div class="qa-meta">{{Topics}} · {{Difficulty}} · {{Source}}</div>"""
CLOZE_FRONT = """<div class="qa-question">{{cloze:Text}}</div>"""
CLOZE_BACK = """<div class="qa-question">{{cloze:Text}}</div>
<div class="qa-answer">{{Extra}}</div>
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
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #d0d7de; padding: 0.2em 0.5em; }
th { background: #f6f8fa; }
.qa-answer blockquote { margin: 0.5em 0; padding: 0 0.8em; border-left: 0.25em solid #d0d7de; color: #59636e; }
.qa-answer .task-list-item { list-style: none; }
.qa-answer .task-list-item input { margin: 0 0.3em 0 -1.3em; }
.qa-meta { margin-top: 1.2em; font-size: 0.75em; color: #656d76; }
.cloze { font-weight: 700; color: #0969da; }
.nightMode .cloze, .night_mode .cloze { color: #58a6ff; }
.mobile .card { font-size: 17px; padding: 0 0.2em; }
.mobile pre { font-size: 0.8em; }
.nightMode.card, .nightMode .card, .night_mode .card { color: #e6edf3; background-color: #1e1e1e; }
.nightMode code, .night_mode code { background: #343941; color: #e6edf3; }
.nightMode pre, .night_mode pre { background: #161b22; color: #e6edf3; border-color: #30363d; }
.nightMode pre code, .night_mode pre code { background: none; }
.nightMode td, .nightMode th, .night_mode td, .night_mode th { border-color: #30363d; }
.nightMode th, .night_mode th { background: #161b22; }
.nightMode .qa-answer blockquote, .night_mode .qa-answer blockquote { border-color: #30363d; color: #9198a1; }
.nightMode .qa-meta, .night_mode .qa-meta { color: #8d96a0; }
""" + HIGHLIGHT_CSS


def anki_tags(card: Card) -> list[str]:
    """The note's tags: topics and difficulty as hierarchical tags, the source, inferred."""
    return list(note_tags(card))


def note_tags(card: Card) -> tuple[str, ...]:
    """:func:`anki_tags` as a tuple, joined from two parts each made once: the topics' tags, and
    those of the level, source and inferred flag (a package makes one per card)."""
    tags = _topic_tags(card.topics) + _other_tags(card.difficulty, card.source, card.inferred)
    return tags + _source_tags(card.tags) if card.tags else tags


@lru_cache(maxsize=4096)
def _source_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The source's own tags, as Anki takes them: no spaces, nesting with ``::``."""
    return tuple(dict.fromkeys("_".join(tag.split()).replace("/", "::") for tag in tags if tag.strip()))


@lru_cache(maxsize=4096)
def _topic_tags(topics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"topic::{t}" for t in topics)


@lru_cache(maxsize=16384)
def _other_tags(difficulty: str, source: str, inferred: bool) -> tuple[str, ...]:
    level = (f"difficulty::{difficulty}",) if difficulty else ()
    return (*level, f"source::{slugify(plain_name(Path(source).stem))}", *(("qadeck::inferred",) if inferred else ()))


class NoteRow(NamedTuple):
    """What one note shows: HTML fields in ``FIELDS`` order, plus its identity.

    A named tuple rather than a frozen dataclass: a deck makes one per card, and
    a tuple is made in half the time.
    """

    fields: tuple[str, ...]
    tags: tuple[str, ...]
    guid: str
    mtime: int
    #: The note type's id (:data:`MODEL_IDS`).
    model: int = MODEL_ID


def model() -> genanki.Model:
    """The note type (see the module docstring: its id, fields and template names are frozen)."""
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": TEMPLATE_NAMES[0], "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def reversed_model() -> genanki.Model:
    """The note type of reversed notes (frozen like :func:`model`'s): a card each way."""
    return genanki.Model(
        REVERSED_MODEL_ID,
        REVERSED_MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {"name": REVERSED_TEMPLATE_NAMES[0], "qfmt": FRONT, "afmt": BACK},
            {"name": REVERSED_TEMPLATE_NAMES[1], "qfmt": REVERSE_FRONT, "afmt": REVERSE_BACK},
        ],
        css=CSS,
    )


def cloze_model() -> genanki.Model:
    """The note type of cloze notes (frozen like :func:`model`'s): a card per deletion number."""
    return genanki.Model(
        CLOZE_MODEL_ID,
        CLOZE_MODEL_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": CLOZE_TEMPLATE_NAMES[0], "qfmt": CLOZE_FRONT, "afmt": CLOZE_BACK}],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )


@cache
def models() -> dict[int, genanki.Model]:
    """Each note type by its id."""
    return {m.model_id: m for m in (model(), reversed_model(), cloze_model())}


def _used_models(ids: Iterable[int]) -> list[genanki.Model]:
    """The note types of these ids, Q&A always among them: a deck without reversed or cloze
    notes holds the one note type it always held."""
    used = {MODEL_ID, *ids}
    return [m for model_id, m in models().items() if model_id in used]


def write_apkg(rows: Sequence[NoteRow], deck_name: str, deck_id: int, path: Path,
               files: Iterable[MediaFile] = ()) -> None:
    """Write the package to ``path`` (the caller renames it into place), from scratch.

    The database is a scratch file, so that a big deck's pages sit in the file
    system's cache, not in this process, and it is zipped from there.
    """
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "collection.anki2"
        new_database(database, rows, deck_name, deck_id)
        zip_package(path, {"collection.anki2": database, **media_members(files)})


def media_members(files: Iterable[MediaFile]) -> dict[str, bytes | Path | MediaFile]:
    """The package's media: the ``media`` map (member number -> name in Anki's media folder), then
    each file as its numbered member, read (a piece at a time) when the zip is written."""
    ordered = sorted(files, key=attrgetter("name"))
    names = {str(n): f.name for n, f in enumerate(ordered)}
    return {"media": json.dumps(names, ensure_ascii=False).encode("utf-8"),
            **{str(n): f for n, f in enumerate(ordered)}}


#: zlib's fastest level: half the time of the default 6 on a big deck (0.5 s of CPU for the 90 MB
#: database of 100,000 notes), for a file a quarter bigger (genanki stores it uncompressed).
ZIP_LEVEL = 1


def zip_package(path: Path, members: Mapping[str, bytes | Path | MediaFile]) -> None:
    """Zip ``members`` (name -> bytes, or a file or media file to copy a piece at a time) into the package at
    ``path``, in order, with fixed dates and modes, so that the same members give the same bytes on
    every platform. Media already compressed (a PNG, a JPEG, an MP3) is stored as it is: deflating
    it again costs time and saves nothing."""
    with zipfile.ZipFile(path, "w") as package:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            suffix = "" if isinstance(data, bytes) else PurePosixPath(data.name).suffix.lower()
            stored = suffix in COMPRESSED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info._compresslevel = ZIP_LEVEL  # private: public only from Python 3.13 (compress_level)
            info.create_system = 3  # Unix, as everywhere: what gives the mode its meaning
            info.external_attr = 0o644 << 16
            with package.open(info, "w") as member:
                if isinstance(data, bytes):
                    member.write(data)
                else:
                    with data.open("rb") if isinstance(data, Path) else data.open() as source:
                        shutil.copyfileobj(source, member, 1 << 20)


def new_database(database: Path, rows: Sequence[NoteRow], deck_name: str, deck_id: int) -> list[list[int]]:
    """Write the collection to ``database``; returns each note's id and its cards' ids.

    genanki writes the collection: its schema, the deck and the note type. The
    notes and cards are inserted here, a few thousand per statement, with the
    values genanki's ``Note.write_to_db`` and ``Card.write_to_db`` would give
    them one ``execute`` at a time (``tests/test_apkg_notes.py`` compares the
    two): on a deck of 100,000 notes genanki's per-note objects and checks
    cost more than the database itself. Where every note has one card (a
    qadeck card always fills the question, the one template's field), SQLite
    makes the cards from the notes.
    """
    written, finish = begin_database(database, rows, deck_name, deck_id)
    finish()
    return written


def begin_database(database: Path, rows: Sequence[NoteRow], deck_name: str, deck_id: int
                   ) -> tuple[list[list[int]], Callable[[], None]]:
    """:func:`new_database` in two steps: the notes go in now, and the returned step (which may run
    in another thread) does the rest, all of it SQLite's own work that lets other threads run: the
    cards made from the notes, the indexes, the commit."""
    stamp = max((row.mtime for row in rows), default=0)
    # qadeck's Q&A notes: a question is always filled
    one_card_each = _one_card_iff_question() and all(row.model == MODEL_ID and row.fields[0] for row in rows)
    conn = _connect(database)
    try:
        cursor = conn.cursor()
        _collection(cursor, deck_name, deck_id, stamp, {row.model for row in rows})
        # genanki's indexes on the two tables are built once the rows are in: a fifth faster than
        # keeping them up to date row by row, and the same indexes.
        indexes = cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('notes', 'cards')"
        ).fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        first = stamp * 1000
        if one_card_each:
            written = _insert_notes(cursor, rows, first)
        else:
            written = _insert(cursor, rows, deck_id, itertools.count(first), range(len(rows)))
    except BaseException:
        conn.close()
        raise

    def finish() -> None:
        try:
            if one_card_each:
                _cards_from_notes(cursor, deck_id, first)
            for _, sql in indexes:
                cursor.execute(sql)
            conn.commit()
        finally:
            conn.close()

    return written, finish


def update_database(database: Path, kept: KeptPackage, plan: Plan, rows: Sequence[NoteRow],
                    deck_name: str, deck_id: int, stamp: int, used: set[int]) -> list[list[int]]:
    """Write to ``database`` the kept database with ``plan`` applied, ``rows`` being the notes it
    writes (``used``: the note types of the whole deck); returns their ids. A database left a
    quarter empty by deleted rows is compacted."""
    shutil.copyfile(kept.database, database)
    with _open(database) as cursor:
        fresh = sqlite3.connect(":memory:")
        try:  # the collection row as a fresh write has it (the note type's and deck's times, names)
            _collection(fresh.cursor(), deck_name, deck_id, stamp, used)
            found = fresh.execute("SELECT * FROM col")
            names, row = [column[0] for column in found.description], found.fetchone()
        finally:
            fresh.close()
        if cursor.execute("SELECT * FROM col").fetchone() != row:  # nothing written, nothing changed
            cursor.execute(f"UPDATE col SET {', '.join(f'{name} = ?' for name in names)}", row)
        cursor.executemany("DELETE FROM cards WHERE nid = ?", [(i,) for i in plan.gone])
        cursor.executemany("DELETE FROM notes WHERE id = ?", [(i,) for i in plan.gone])
        written = _insert(cursor, rows, deck_id, _ids(rows, plan.old, max(stamp * 1000, plan.next_id)), plan.write)
        cursor.executemany("UPDATE cards SET due = ? WHERE nid = ?", plan.moved)
        free, pages = (cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    if free * 4 > pages:
        conn = sqlite3.connect(database)
        try:
            conn.execute("VACUUM")
        finally:
            conn.close()
    return written


def _ids(rows: Sequence[NoteRow], old: Sequence[list[int] | None], first: int) -> Iterator[int]:
    """The ids of notes written again, in the order :func:`_insert` takes them: a note's own id and
    its cards' ids as it had them, new ids (from ``first`` on) for a new note or a card it did not have."""
    fresh = itertools.count(first)
    ords_of = _ords_by_shape()
    for row, had in zip(rows, old, strict=True):
        need = 1 + len(ords_of(row))
        given = (had or [])[:need]
        yield from given
        for _ in range(need - len(given)):
            yield next(fresh)


@contextmanager
def _open(database: Path) -> Iterator[sqlite3.Cursor]:
    """A cursor on ``database``, committed and closed after the block."""
    conn = _connect(database)
    try:
        yield conn.cursor()
        conn.commit()
    finally:
        conn.close()


def _connect(database: Path) -> sqlite3.Connection:
    """A connection to ``database``, for one thread at a time but not only the one that opened it."""
    conn = sqlite3.connect(database, check_same_thread=False)
    # A scratch file, zipped and then deleted or kept for the next write alone: no journal on disk,
    # no waiting for fsync. (The database's bytes are the same either way.)
    conn.execute("PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=OFF")
    return conn


def _collection(cursor: sqlite3.Cursor, deck_name: str, deck_id: int, stamp: int, used: Iterable[int]) -> None:
    """genanki's schema, collection row, deck and the note types ``used`` (by id), written at time ``stamp``."""
    deck = genanki.Deck(deck_id, deck_name)
    for note_model in _used_models(used):
        deck.add_model(note_model)
    genanki.Package(deck).write_to_db(cursor, stamp, itertools.count())


def _insert(cursor: sqlite3.Cursor, rows: Iterable[NoteRow], deck_id: int, ids: Iterator[int],
            places: Iterable[int]) -> list[list[int]]:
    """Insert the notes of ``rows`` and their cards, due at ``places``; returns each note's id and
    its cards' ids."""
    written: list[list[int]] = []
    # The values every card has alike are written into the statement (deck_id is an int).
    card_sql = f"INSERT INTO cards VALUES(?,?,{int(deck_id)},?,?,-1,0,0,?,0,0,0,0,0,0,0,0,'')"
    for notes, cards in _note_and_card_rows(rows, ids, places):
        cursor.executemany(_NOTE_SQL, notes)
        cursor.executemany(card_sql, cards)
        of_note: dict[object, list[int]] = {}
        for note in notes:
            written.append(of_note.setdefault(note[0], [note[0]]))  # type: ignore[list-item]
        for card in cards:
            of_note[card[1]].append(card[0])  # type: ignore[arg-type]
    return written


def _insert_notes(cursor: sqlite3.Cursor, rows: Sequence[NoteRow], first: int) -> list[list[int]]:
    """The notes of ``rows``, each with one card to come (:func:`_cards_from_notes`), numbered from
    ``first`` as a fresh write numbers them (a note, then its card); returns their ids."""
    note_ids = range(first, first + 2 * len(rows), 2)
    for n in range(0, len(rows), BATCH):
        cursor.executemany(_NOTE_SQL, [_note_values(note_id, row)
                                       for note_id, row in zip(note_ids[n : n + BATCH], rows[n : n + BATCH])])
    return [[note_id, note_id + 1] for note_id in note_ids]


def _cards_from_notes(cursor: sqlite3.Cursor, deck_id: int, first: int) -> None:
    """:func:`_insert`'s cards of notes that have one card each, due in order: SQLite makes them from
    the notes, in one statement rather than a Python tuple a card."""
    cursor.execute(
        "INSERT INTO cards SELECT id + 1, id, ?, 0, mod, -1, 0, 0, (id - ?) / 2, 0, 0, 0, 0, 0, 0, 0, 0, ''"
        " FROM notes ORDER BY id",
        (deck_id, first),
    )


#: A ``notes`` row from :func:`_note_values`, with the values every note has alike.
_NOTE_SQL = "INSERT INTO notes VALUES(?,?,?,?,-1,?,?,?,0,0,'')"
#: Every note type sorts by its first field.
_SORT_INDEX = 0


def _note_values(note_id: int, row: NoteRow) -> tuple[object, ...]:
    """The values of the ``notes`` row of ``row`` that differ from one note to the next."""
    tags = " ".join(row.tags)
    if row.tags and tags.count(" ") >= len(row.tags):  # more spaces than between the tags
        genanki.Note(tags=row.tags)  # raises genanki's own error, naming the tag
    return (note_id, row.guid, row.model, row.mtime, f" {tags} ", "\x1f".join(row.fields), row.fields[_SORT_INDEX])


#: Notes whose rows are made and inserted together: few statements, little memory held.
BATCH = 5_000
#: The rows of the ``notes`` and ``cards`` tables for :data:`BATCH` notes.
Batch = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]


def _note_and_card_rows(rows: Iterable[NoteRow], ids: Iterator[int], places: Iterable[int]) -> Iterator[Batch]:
    """The values of the ``notes`` and ``cards`` table rows of genanki's write that differ from one
    note or card to the next, :data:`BATCH` notes at a time (:func:`_insert` writes the rest).

    Ids are taken in genanki's order: a note takes the next id, then each of its
    cards one; a card is new (type and queue 0), due at its note's place in the deck.
    """
    ords_of = _ords_by_shape()
    rows = iter(rows)
    due = iter(places)
    while batch := list(itertools.islice(rows, BATCH)):
        notes: list[tuple[object, ...]] = []
        cards: list[tuple[object, ...]] = []
        for row in batch:
            ords = ords_of(row)
            note_id = next(ids)
            notes.append(_note_values(note_id, row))
            position = next(due)
            for ord_ in ords:
                cards.append((next(ids), note_id, ord_, row.mtime, position))
        yield notes, cards


@cache
def _one_card_iff_question() -> bool:
    """Does a Q&A note make one card, the first template's, exactly when its question is filled,
    whatever its other fields? Asked of genanki once, for every shape of note: then a deck's notes
    are told so by their questions, without asking for each note's cards."""
    note_model = models()[MODEL_ID]
    shapes = itertools.product(("", "x"), repeat=len(FIELDS))
    return all(card_ords(shape, note_model) == ([0] if shape[0] else []) for shape in shapes)


def _ords_by_shape() -> Callable[[NoteRow], list[int]]:
    """:func:`card_ords` asked of genanki once per note type and shape: which cards a note has
    depends only on which of its fields are filled, and for a cloze on its deletion numbers."""
    ords_of: dict[tuple[object, ...], list[int]] = {}
    note_models = models()

    def ords(row: NoteRow) -> list[int]:
        fields = row.fields
        if row.model == CLOZE_MODEL_ID:
            key: tuple[object, ...] = (row.model, *cloze.numbers(fields[0]))
        else:
            key = (row.model, *map(bool, fields))
        found = ords_of.get(key)
        if found is None:
            found = ords_of[key] = card_ords(fields, note_models[row.model])
        return found

    return ords


def card_ords(fields: Sequence[str], note_model: genanki.Model) -> list[int]:
    """The templates genanki makes a card from for a note with these fields; for a cloze, a card per
    deletion number, nested deletions too (genanki's pattern misses those; Anki makes their cards)."""
    if note_model.model_type == genanki.Model.CLOZE:
        return [number - 1 for number in cloze.numbers(fields[0])]
    return [card.ord for card in genanki.Note(model=note_model, fields=list(fields)).cards]


def note_rows(output: Output) -> list[NoteRow]:
    """Each card as its note: rendered fields, tags and guid.

    The Anki text import (``writers/anki_text.py``) writes these same rows, so
    importing it over the package updates the package's notes, field for field.
    """
    contents = note_contents(output.cards, output.renderer)
    return [NoteRow(fields, tags, card.guid, card.mtime, MODEL_IDS[card.kind])
            for card, (fields, tags) in zip(output.cards, contents)]


def note_contents(cards: Sequence[Card], renderer: Renderer) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each card's fields (in :data:`FIELDS` order, as HTML) and tags: all a note shows of it but its
    identity."""
    inline_html, answer_html = renderer.inline_html, renderer.html
    # Topics, levels, sources and sections repeat across cards: each is escaped once.
    escape = cache(html.escape)
    topics_html = cache(lambda topics: html.escape(", ".join(topics)))
    return [
        (
            (
                # A cloze's text may run over paragraphs (and its deletions with them): rendered as a block.
                inline_html(card.question) if card.kind != "cloze" else answer_html(card.question),
                answer_html(card.answer),
                topics_html(card.topics),
                escape(card.difficulty),
                escape(card.source),
                escape(card.section),
            ),
            note_tags(card),
        )
        for card in cards
    ]


def write(output: Output, path: Path) -> None:
    """The ``apkg`` format: each card as its note, written as a package (a build starts from the one
    its last write left: :func:`qadeck.perf.package_cache.write`)."""
    write_apkg(note_rows(output), output.deck, output.deck_id, path, output.media.values())
