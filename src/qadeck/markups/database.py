"""Quiz and flashcard apps' SQLite databases read as the records their tables hold.

A small app keeps its cards in an SQLite file and commits it with its code (``flashcards.db``,
``quiz.sqlite3``): a ``flashcards`` table with ``front`` and ``back``, a ``questions`` table with numbered options.
Each table's rows are read as an SQL script's inserted rows are (:mod:`.sqldata`: the same columns read as a card's
sides and options, the same questions given their answers from the table pointing at them). The file is opened
read-only, a copy in a folder of its own, with the schema's functions distrusted: only ``SELECT *`` of its own
tables runs, never a view or a trigger; a full-text index's tables (a virtual table and its shadows) are an
index of the others and left out. A file that is no SQLite database, or a damaged one, is an error naming it.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import SourceError
from . import data, sqldata

_SQLITE_MAGIC = b"SQLite format 3\0"
#: The most rows read of one table: an app's cards run to thousands, a log table to millions.
MAX_ROWS = 200_000
#: What reading a damaged database raises: SQLite's error, or, where the damage is in the schema's text, the
#: UnicodeDecodeError Python meets decoding that error's message.
DAMAGE = (sqlite3.DatabaseError, UnicodeDecodeError)


def to_markdown(content: bytes, name: str = "<database>") -> str:
    """A database's card and quiz records as Markdown; "" when its tables hold none."""
    if content[:16] != _SQLITE_MAGIC:
        raise SourceError("not an SQLite database", name)
    try:
        tables = _tables(content)
    except DAMAGE as exc:
        raise SourceError(f"a damaged SQLite database: {exc}", name) from None
    return sqldata.tables_markdown(tables)


def _tables(content: bytes) -> dict[str, data.LinedList]:
    with opened(content) as connection:
        return _read(connection)


@contextmanager
def opened(content: bytes) -> Iterator[sqlite3.Connection]:
    """A connection to the database ``content`` holds: a copy in a folder of its own, opened read-only and
    immutable, its schema's functions distrusted (an Anki collection is read so too)."""
    with tempfile.TemporaryDirectory(prefix="qadeck-") as folder:
        path = Path(folder) / "data.db"
        path.write_bytes(content)
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0", "query_only = ON"):
                connection.execute(f"PRAGMA {pragma}")
            yield connection
        finally:
            connection.close()  # before the folder goes: Windows deletes no open file


def _read(connection: sqlite3.Connection) -> dict[str, data.LinedList]:
    schema = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [str(name) for name, sql in schema if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    tables: dict[str, data.LinedList] = {}
    for name, _ in schema:
        name = str(name)
        if name.startswith("sqlite_") or any(name == one or name.startswith(f"{one}_") for one in virtual):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        cursor = connection.execute(f"SELECT * FROM {quoted} LIMIT {MAX_ROWS}")  # noqa: S608  # a table's own name
        columns = [str(column[0]) for column in cursor.description]
        rows = data.LinedList()
        for number, values in enumerate(cursor, start=1):
            row = data.LinedMap((column, value) for column, value in zip(columns, values)
                                if not isinstance(value, bytes))
            row.line = number
            rows.append(row)
        if rows:
            tables[name.lower()] = rows
    return tables
