"""Anki packages (``.apkg`` decks, ``.colpkg`` collections) and bare collections (``collection.anki2``) as the
notes they hold, in the ``blocks`` layout.

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
sections. Fields are HTML, converted to Markdown (a ``<br>`` a line break). A
picture (``<img src="dog.png">``) or sound (``[sound:bark.mp3]``) the package
holds is written as a ``document-part:`` reference to it by its name
(:func:`.crowdanki.field_markdown`), and :func:`read_media` reads its bytes back through
the package's ``media`` map (JSON in older packages; zstd-compressed protobuf
entries in newer ones, whose files are zstd-compressed too): so it reaches a
deck built from the package. A picture the package does not hold is its alt
text, a sound it does not hold is left out.

The database is written to a temporary file (SQLite reads files), opened
read-only with its schema untrusted, and deleted once read: only rows of its
tables are read, nothing in it is run. A file that is no zip, holds no
collection, a damaged one or one with no notes is a :class:`SourceError` naming it.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import quote

import zstandard

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from .archive import DAMAGE as ZIP_DAMAGE
from .archive import PART, Archive
from .crowdanki import field_markdown, note_item
from .data import notes_markdown, shared_path
from .database import opened
from .datacards import Item, hard_breaks

#: The collections a package may hold, newest first, and whether zstd compresses it.
COLLECTIONS = (("collection.anki21b", True), ("collection.anki21", False), ("collection.anki2", False))
#: The largest collection read: a deck of a million notes is well under it.
MAX_COLLECTION_BYTES = 1 << 30
_KIND = "Anki package"
#: How a zstd frame opens: a newer package's media map and media files are compressed.
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
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
        items = _notes(database, _held_media(archive))
    except _DAMAGE as exc:
        raise archive.damaged(f"{member}: {exc}") from None
    if not items:
        raise SourceError(f"an {_KIND} with no notes in it", name)
    return notes_markdown(items)


#: How an SQLite database file opens.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def collection_to_markdown(data: bytes, name: str = "<collection>") -> str:
    """A collection file as Anki keeps it in a profile folder (``collection.anki2``; ``.anki21`` and a
    zstd-compressed ``.anki21b`` copied out of a package): the same database a package holds, unzipped.
    Its media folder is not read: a picture is its alt text."""
    kind = "Anki collection"
    try:
        database = _unzstd(data) if data[:4] == _ZSTD_MAGIC else data
        if database[:16] != _SQLITE_MAGIC:
            raise SourceError(f"not an {kind}: no SQLite database", name)
        items = _notes(database)
    except _DAMAGE as exc:
        raise SourceError(f"a damaged {kind}: {exc}", name) from None
    if not items:
        raise SourceError(f"an {kind} with no notes in it", name)
    return notes_markdown(items)


def _unzstd(data: bytes, cap: int = MAX_COLLECTION_BYTES) -> bytes:
    with zstandard.ZstdDecompressor().stream_reader(data) as reader:
        out = reader.read(cap + 1)
    if len(out) > cap:
        raise ValueError(f"unpacks to over {cap} bytes: too big to read")
    return out


def _held_media(archive: Archive) -> dict[str, str]:
    """The package's media map; a damaged one holds nothing (its notes are still read)."""
    try:
        return media_members(archive.data("media", MAX_COLLECTION_BYTES))
    except (*_DAMAGE, SourceError):
        return {}


def media_members(data: bytes) -> dict[str, str]:
    """A package's ``media`` map as name in Anki's media folder -> the zip member holding its bytes: older
    packages' JSON (``{"0": "dog.png"}``), newer ones' zstd-compressed protobuf (entries of a name, a size, a
    hash and perhaps a member's number; else the member is the entry's place). {} when there is none."""
    if not data:
        return {}
    if data.startswith(_ZSTD_MAGIC):
        entries = _repeated(_unzstd(data), 1)
        named = [(_string(_proto(entry).get(1)), _proto(entry).get(255)) for entry in entries]
        return {name: str(number if isinstance(number, int) else place)
                for place, (name, number) in enumerate(named) if name}
    found = json.loads(data)
    return {str(name): str(number) for number, name in found.items()} if isinstance(found, dict) else {}


def read_media(path: str, name: str, cap: int) -> bytes:
    """The bytes of the file called ``name`` in the Anki package at ``path``, found through its ``media`` map
    (never as a path), refused when it unpacks to over ``cap`` bytes; :class:`SourceError` says why not."""
    try:
        with zipfile.ZipFile(path) as package:
            media = package.read("media") if "media" in package.NameToInfo else b""
            member = media_members(media).get(name)
            info = package.NameToInfo.get(member or "")
            if info is None:
                raise SourceError("no such picture or sound in the package", path)
            with package.open(info) as part:
                data = part.read(cap + 1)
            if data.startswith(_ZSTD_MAGIC):
                data = _unzstd(data, cap)
    except (*ZIP_DAMAGE, *_DAMAGE) as exc:
        raise SourceError(f"cannot read the picture ({exc})", path) from exc
    if len(data) > cap:
        raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
    return data


def _notes(database: bytes, media: Collection[str] = ()) -> list[Item]:
    """The notes of a collection database, by section, then in the order they were added."""
    with opened(database) as connection:
        return _read(connection, media)


def _read(connection: sqlite3.Connection, media: Collection[str]) -> list[Item]:
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
        values = [field_markdown(value, media, _part) for value in str(flds).split("\x1f")]
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


def _part(name: str) -> str:
    """Where a file the package holds is read from: its part of the package."""
    return PART + quote(name)


def _repeated(message: bytes, number: int) -> list[bytes]:
    """Every value of the length-delimited field ``number`` of a protobuf message (a list's entries)."""
    found, at = [], 0
    while at < len(message):
        key, at = _varint(message, at)
        wire = key & 7
        if wire == 0:
            _, at = _varint(message, at)
        elif wire == 2:
            length, at = _varint(message, at)
            if key >> 3 == number:
                found.append(message[at:at + length])
            at += length
        elif wire in (1, 5):
            at += 8 if wire == 1 else 4
        else:
            raise ValueError("the media list is damaged")
    return found


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
