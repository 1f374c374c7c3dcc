"""Anki packages (``.apkg`` decks, ``.colpkg`` collections) as the notes they hold, in the ``blocks`` layout.

A package is a zip holding a collection, an SQLite database: ``collection.anki21b``
(Anki 2.1.50 and later: zstd-compressed, the newer schema; beside it a
``collection.anki2`` holds only a note asking to update Anki), else
``collection.anki21``, else ``collection.anki2``: the newest one present is read.
Its ``notes`` hold each note's fields (joined by ``\\x1f``), tags and note type;
the note types are the ``col`` row's ``models`` JSON in the older schema, the
``notetypes``, ``fields`` and ``templates`` tables (their settings protobuf
messages) in the newer. Each note is read as Anki shows it
(:func:`.crowdanki.note_item`: the front its first template shows, the fields its
back adds, cloze notes as clozes, a note with a reversed card as reversed); its
deck is its first card's, and the decks below the one all notes share are
sections. Fields are HTML, converted to Markdown (a ``<br>`` a line break); the package's pictures and
sounds are not read (a picture is its alt text, a sound left out), so a field
that is only a picture is empty.

The database is written to a temporary file (SQLite reads files), opened
read-only with its schema untrusted, and deleted once read: only rows of its
tables are read, nothing in it is run. A file that is no zip, holds no
collection, a damaged one or one with no notes is a :class:`SourceError` naming it.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
from dataclasses import replace
from pathlib import Path

import zstandard

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from .archive import Archive
from .crowdanki import note_item
from .data import notes_markdown, shared_path
from .datacards import Item, hard_breaks

#: The collections a package may hold, newest first, and whether zstd compresses it.
COLLECTIONS = (("collection.anki21b", True), ("collection.anki21", False), ("collection.anki2", False))
#: The largest collection read: a deck of a million notes is well under it.
MAX_COLLECTION_BYTES = 1 << 30
_KIND = "Anki package"
_PICTURE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
#: Math in a field: Anki's LaTeX and MathJax delimiters, display (``dd``, ``bd``) or inline (``d``, ``pd``).
_MATH = re.compile(r"\[\$\$\](?P<dd>.*?)\[/\$\$\]|\[\$\](?P<d>.*?)\[/\$\]|\\\[(?P<bd>.*?)\\\]|\\\((?P<pd>.*?)\\\)",
                   re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
#: What SQLite says of a file that is not a database, or a damaged one.
_DAMAGE = (sqlite3.DatabaseError, ValueError, json.JSONDecodeError, zstandard.ZstdError)


def to_markdown(data: bytes, name: str = "<apkg>") -> str:
    archive = Archive(data, name, _KIND)
    member, compressed = next(((m, z) for m, z in COLLECTIONS if archive.has(m)), ("", False))
    if not member:
        raise archive.damaged("no Anki collection in it")
    database = archive.data(member, MAX_COLLECTION_BYTES)
    try:
        if compressed:
            database = _unzstd(database)
        items = _notes(database)
    except _DAMAGE as exc:
        raise archive.damaged(f"{member}: {exc}") from None
    if not items:
        raise SourceError(f"an {_KIND} with no notes in it", name)
    return notes_markdown(items)


def _unzstd(data: bytes) -> bytes:
    with zstandard.ZstdDecompressor().stream_reader(data) as reader:
        out = reader.read(MAX_COLLECTION_BYTES + 1)
    if len(out) > MAX_COLLECTION_BYTES:
        raise ValueError(f"unpacks to over {MAX_COLLECTION_BYTES} bytes: too big to read")
    return out


def _notes(database: bytes) -> list[Item]:
    """The notes of a collection database, by section, then in the order they were added."""
    with tempfile.TemporaryDirectory(prefix="qadeck-") as folder:
        path = Path(folder) / "collection.db"
        path.write_bytes(database)
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0", "query_only = ON"):
                connection.execute(f"PRAGMA {pragma}")
            return _read(connection)
        finally:
            connection.close()  # before the folder goes: Windows deletes no open file


def _read(connection: sqlite3.Connection) -> list[Item]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"notes", "cards", "col"} <= tables:
        raise ValueError("not an Anki collection (no notes, cards or col table)")
    if "notetypes" in tables:
        models, decks = _new_models(connection), _new_decks(connection)
    else:
        models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone() or ("{}", "{}")
        models = {int(key): model for key, model in _mapping(json.loads(models_json)).items()}
        decks = {int(key): str(deck.get("name", "")) for key, deck in _mapping(json.loads(decks_json)).items()
                 if isinstance(deck, dict)}
    cards: dict[int, tuple[int, set[int]]] = {}  # note -> (its first card's deck, its cards' templates)
    for note, deck, number in connection.execute("SELECT nid, did, ord FROM cards ORDER BY nid, ord"):
        cards.setdefault(note, (deck, set()))[1].add(number)
    notes = []
    for note, model_id, tags, flds in connection.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id"):
        model = models.get(model_id)
        if not isinstance(model, dict):
            continue
        deck, numbers = cards.get(note, (0, None))
        values = [_field(value) for value in str(flds).split("\x1f")]
        notes.append((decks.get(deck, "").split("::"), str(tags).split(), values, model, numbers))
    shared = shared_path([path for path, *_ in notes])
    items = []
    for path, tags, values, model, numbers in notes:
        item = note_item(values, tags, model, "::".join(path[len(shared):]), cards=numbers)
        if item is not None:
            items.append(replace(item, answer=hard_breaks(html_to_markdown(item.answer).strip())))
    # Grouped by section (a note's deck, or a field naming its section), the notes of each as they were added.
    return sorted(items, key=lambda item: item.section)


def _new_models(connection: sqlite3.Connection) -> dict[int, dict[str, object]]:
    """The newer schema's note types in the older one's JSON shape (what :func:`.crowdanki.note_item` reads)."""
    models: dict[int, dict[str, object]] = {}
    for model_id, config in connection.execute("SELECT id, config FROM notetypes"):
        settings = _proto(bytes(config or b""))
        models[model_id] = {"type": settings.get(1, 0), "sortf": settings.get(2, 0), "flds": [], "tmpls": []}
    for model_id, name in connection.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        if model_id in models:
            models[model_id]["flds"].append({"name": str(name)})  # type: ignore[union-attr]
    for model_id, config in connection.execute("SELECT ntid, config FROM templates ORDER BY ntid, ord"):
        if model_id in models:
            settings = _proto(bytes(config or b""))
            models[model_id]["tmpls"].append({"qfmt": _string(settings.get(1)),  # type: ignore[union-attr]
                                              "afmt": _string(settings.get(2))})
    return models


def _new_decks(connection: sqlite3.Connection) -> dict[int, str]:
    """Deck id -> name; the newer schema separates a sub-deck's name from its parent's with ``\\x1f``."""
    return {deck: str(name).replace("\x1f", "::") for deck, name in connection.execute("SELECT id, name FROM decks")}


def _mapping(value: object) -> dict[str, dict[str, object]]:
    return {str(key): one for key, one in value.items() if isinstance(one, dict)} if isinstance(value, dict) else {}


def _field(value: str) -> str:
    """A field's HTML with its math as MathJax delimits it and its pictures as their alt text (the package's
    media files are not read)."""
    if "[$" in value or "\\(" in value or "\\[" in value:
        value = _MATH.sub(_math, value)
    if "<img" in value.lower():
        value = _PICTURE.sub(lambda m: (alt := _ALT.search(m.group())) and (alt.group(1) or alt.group(2)) or "", value)
    return value


def _math(found: re.Match[str]) -> str:
    """Anki's LaTeX (``[$]…[/$]``, ``[$$]…[/$$]``) or MathJax (``\\(…\\)``, ``\\[…\\]``) as MathJax, its TeX as
    typed: the editor's tags and entities in it (``<br>``, ``&nbsp;``, ``&lt;``) taken out."""
    display = found.group("dd") if found.group("dd") is not None else found.group("bd")
    body = display if display is not None else found.group("d") if found.group("d") is not None else found.group("pd")
    tex = html.unescape(_TAG.sub(" ", body)).replace("\xa0", " ").strip()
    return f"\\[{tex}\\]" if display is not None else f"\\({tex}\\)"


def _proto(message: bytes) -> dict[int, int | bytes]:
    """The first value of each field of a protobuf message, by field number: all the settings read here
    (a note type's kind and sort field, a template's front and back) are such top-level fields."""
    out: dict[int, int | bytes] = {}
    at = 0
    while at < len(message):
        key, at = _varint(message, at)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, at = _varint(message, at)
        elif wire == 2:
            length, at = _varint(message, at)
            value, at = message[at:at + length], at + length
        elif wire in (1, 5):
            value, at = message[at:at + (8 if wire == 1 else 4)], at + (8 if wire == 1 else 4)
        else:
            raise ValueError("a note type's settings are damaged")
        out.setdefault(number, value)
    return out


def _varint(message: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while at < len(message):
        byte = message[at]
        value |= (byte & 0x7F) << shift
        at += 1
        if byte < 0x80:
            return value, at
        shift += 7
    raise ValueError("a note type's settings are damaged")


def _string(value: object) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else ""
