"""Anki's text import (File › Import… on a ``.txt``): the deck's notes as tab-separated rows.

Contract: :func:`write` writes the same notes as the ``.apkg`` (the same HTML
fields, tags and guids, from :func:`apkg.note_rows`), so importing the file
into a collection that holds the deck updates those notes in place instead of
adding copies. Header lines tell Anki the separator, that fields are HTML, the
deck, the note type and which columns hold guid and tags: its import dialog
needs no choices.

The note type needs care. Measured with the Anki 26.09 backend:

* ``#notetype:`` naming a note type the collection does not have is silently
  dropped: Anki falls back to its current type ("Basic"), fills only its first
  field, and the notes it adds take the qadeck guids, so a later ``.apkg``
  import skips every note as "conflicting". The collection is spoiled.
* ``#notetype column:`` naming a missing note type makes Anki skip every row
  as "missing note type" and leave the collection as it was.

So every row names the note type in a column (a collection without it refuses
the file as a whole: import the ``.apkg`` once first), and a ``#notetype:``
header after it names the same type: Anki applies the last of the two it
resolves, so where the type exists the header wins and Anki maps the columns
to fields by the names in ``#columns:``. Both name the type by its frozen id,
not its name, because users rename note types in Anki.

Only Q&A notes are written: the ``#notetype:`` header that keeps a collection
safe names one note type, so reversed and cloze notes come with the ``.apkg``
alone (the build's summary counts them).

Quoting is the csv module's (tab, minimal), plus quotes around any field that
starts with ``#``: Anki reads an unquoted ``#`` at the start of a row as a
comment and drops the row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from . import Output
from .apkg import FIELDS, MODEL_ID, MODEL_NAME, note_rows

#: The columns after the note's fields, in this order.
META_COLUMNS = ("tags", "guid", "notetype")
COLUMNS = (*FIELDS, *META_COLUMNS)


def header(deck: str) -> str:
    """Anki's file headers; ``#separator`` first, since ``#columns`` is split with it."""
    column = {name: COLUMNS.index(name) + 1 for name in META_COLUMNS}
    deck = " ".join(deck.split())  # a header ends at the line break
    lines = [
        "#separator:tab",
        "#html:true",
        f'#qadeck:the note type "{MODEL_NAME}" comes with the .apkg: import that once first',
        f"#deck:{deck}",
        f"#notetype column:{column['notetype']}",
        f"#notetype:{MODEL_ID}",
        f"#guid column:{column['guid']}",
        f"#tags column:{column['tags']}",
        "#columns:" + "\t".join(COLUMNS),
    ]
    return "".join(f"{line}\n" for line in lines)


def cell(value: str) -> str:
    """One field as Anki's CSV reader needs it: quoted when it holds a tab, quote or
    line break, or starts with ``#``."""
    if not value:
        return ""
    buffer = io.StringIO()
    # The writer quotes a field holding a character of its line terminator: keep both.
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL if value.startswith("#") else csv.QUOTE_MINIMAL)
    writer.writerow([value])
    return buffer.getvalue().removesuffix("\r\n")


def write(output: Output, path: Path) -> None:
    """The ``anki-csv`` format."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header(output.deck))
        basic = replace(output, cards=[card for card in output.cards if card.kind == "basic"])
        for row in note_rows(basic):
            values = (*row.fields, " ".join(row.tags), row.guid, str(MODEL_ID))
            handle.write("\t".join(cell(v) for v in values) + "\n")
