"""The package written from the one the last build kept: the database it zipped, and which note
holds which card.

Contract: :func:`write` writes the ``apkg`` format as :func:`qadeck.writers.apkg.write` does,
starting from what the last write kept in its folder, and keeps this one there.

Contract: :func:`read` gives the state the last write of a package left in
its folder, or None when there is none to trust (never written, another deck
or another version of qadeck, genanki or SQLite, files changed or damaged
since). :meth:`KeptPackage.plan` compares it with the notes this write wants: the
notes to delete, the ones to write again (content or mod time changed, or
new) and the unchanged ones whose place in the deck moved. A :class:`Next`
holds this write's database beside the kept one until
:meth:`Next.commit` puts them in their place, with the state that describes
them; a write that fails leaves the last state as it was.

So a rebuild after an edit updates a few notes of a copy of the last database
instead of writing 100,000 notes. The kept state only ever saves time: the
notes a package holds are the same either way (``tests/test_package_cache.py``
compares the tables with a fresh write's); the kept notes keep their ids,
where a fresh write numbers every note from the newest card time (Anki matches
notes by guid, so the ids are not what an import goes by).
"""

from __future__ import annotations

import itertools
import operator
import os
import secrets
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Self

import genanki
import orjson

from .card_cache import file_stamp, output_stamp
from ..errors import OutputError
from ..files import Rest, in_background, write_bytes_atomic
from ..model import Card
from ..writers import Output, apkg

DATABASE = "collection.anki2"
STATE = "state.json"
VERSION = 2
#: What this write wants of each note, in deck order: (guid, content hash, mod time).
Want = tuple[str, str, int]


@dataclass
class Plan:
    """How to turn the kept database into this write's."""

    #: Ids of notes to delete, with their cards.
    gone: list[int] = field(default_factory=list)
    #: Places (in deck order) of the notes to write, new or changed.
    write: list[int] = field(default_factory=list)
    #: The ids each note written had (its own, then its cards'), None for a new one: it takes them again.
    old: list[list[int] | None] = field(default_factory=list)
    #: (new place, note id) of unchanged notes that moved in the deck: their cards are due at the new place.
    moved: list[tuple[int, int]] = field(default_factory=list)
    #: Each place's note and card ids where the note is unchanged (None for those written).
    ids: list[list[int] | None] = field(default_factory=list)
    #: Every id in use is below this one.
    next_id: int = 0


@dataclass
class KeptPackage:
    """The state the last write left: its files and, in deck order, its notes."""

    folder: Path
    wants: list[Want]
    #: Each note's id, then its cards' ids.
    ids: list[list[int]]
    #: Every id the kept notes and cards have is below this one.
    next_id: int

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

    def plan(self, wants: Sequence[Want]) -> Plan:
        """What must change for the kept notes to become ``wants`` (guids must be unique)."""
        plan = Plan(ids=[None] * len(wants), next_id=self.next_id)
        # Most notes of a rebuild are where they were, as they were (compared in C), and a changed
        # one mostly in its old place: only the others are looked up by guid.
        same = list(map(operator.eq, wants, self.wants))
        same += [False] * (len(wants) - len(same))
        place: dict[str, int] | None = None
        found = 0
        for n, unchanged in enumerate(same):
            found += 1
            if unchanged:
                plan.ids[n] = self.ids[n]
                continue
            guid = wants[n][0]
            if n < len(self.wants) and self.wants[n][0] == guid:
                old: int | None = n
            else:
                if place is None:
                    place = {want[0]: k for k, want in enumerate(self.wants)}
                old = place.get(guid)
            if old is None:
                found -= 1
                plan.write.append(n)
                plan.old.append(None)
            elif self.wants[old] != wants[n]:
                plan.write.append(n)
                plan.old.append(self.ids[old])
                plan.gone.append(self.ids[old][0])
            else:
                plan.ids[n] = self.ids[old]
                plan.moved.append((n, self.ids[old][0]))
        if found < len(self.wants):  # some kept notes are not wanted any more
            wanted = {want[0] for want in wants}
            plan.gone += [self.ids[k][0] for k, want in enumerate(self.wants) if want[0] not in wanted]
        return plan


def read(folder: Path, fingerprint: str) -> KeptPackage | None:
    """The state kept in ``folder`` by a write with this ``fingerprint``, if its files are as it left them."""
    try:
        state = orjson.loads((folder / STATE).read_bytes())
        if state.get("version") != VERSION or state.get("fingerprint") != fingerprint:
            return None
        if file_stamp(folder / DATABASE) != state["database"]:
            return None
        wants = list(zip(state["guids"], state["hashes"], state["mtimes"], strict=True))
        ids = state["ids"]
        if len(ids) != len(wants) or len({want[0] for want in wants}) != len(wants):
            return None
        if not all(ids) or not all(type(i) is int for i in itertools.chain.from_iterable(ids)):
            return None  # every note has an id, and every id is a whole number
        next_id = 1 + max(map(max, ids), default=0)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return KeptPackage(folder, wants, ids, next_id)


class Next:
    """This write's database, made beside the kept one and put in its place by :meth:`commit`;
    removed when the ``with`` block ends without one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        token = secrets.token_hex(6)
        self.database = folder / f".{DATABASE}.{token}.tmp"

    def __enter__(self) -> Self:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *exc: object) -> None:
        self.database.unlink(missing_ok=True)

    def commit(self, fingerprint: str, wants: Sequence[Want], ids: Sequence[Sequence[int]]) -> None:
        """Keep this write's files and state for the next write. Failing to is no error: it costs
        the next write its head start, not this one its package."""
        with suppress(OSError, OutputError):
            # Stamped before it moves (a rename keeps size and time): should another build put its
            # own file there meanwhile, it will not match this state, and it is not trusted.
            database = file_stamp(self.database)
            (self.folder / STATE).unlink(missing_ok=True)  # no state describes the file while it changes
            os.replace(self.database, self.folder / DATABASE)
            state: dict[str, Any] = {
                "version": VERSION,
                "fingerprint": fingerprint,
                "database": database,
                "guids": [w[0] for w in wants],
                "hashes": [w[1] for w in wants],
                "mtimes": [w[2] for w in wants],
                "ids": [list(i) for i in ids],
            }
            write_bytes_atomic(self.folder / STATE, orjson.dumps(state))


def write(output: Output, folder: Path, content: Mapping[str, str], path: Path,
          background: bool = False) -> Rest | None:
    """Write ``output`` as a package to ``path``, from the one kept in ``folder`` (or afresh, when
    none is to be trusted), and keep this one there for the next write. ``content`` maps each
    card's guid to identity's content hash of it: what tells a kept note from a changed one.

    With ``background``, the package's database is written here and zipped in a thread, which
    lets the build write its other outputs meanwhile: the returned :data:`~qadeck.files.Rest`
    waits for it (and keeps the database once it is zipped).
    """
    wants = _wants(output.cards, content)
    if wants is None or not _usable(folder):
        apkg.write(output, path)
        return None
    try:
        rest = _write_kept(output, path, folder, wants)
    except sqlite3.Error as exc:
        raise OutputError(f"cannot write the package's database: {exc}", output.target or path) from exc
    if background:
        return rest
    rest()
    return None


def _wants(cards: Sequence[Card], content: Mapping[str, str]) -> list[Want] | None:
    """What the package wants of each note; None without a content hash for every card, or with a
    guid twice (cards not from a build)."""
    try:
        wants = [(card.guid, content[card.guid], card.mtime) for card in cards]
    except KeyError:
        return None
    return wants if wants and len({want[0] for want in wants}) == len(wants) else None


def _usable(folder: Path) -> bool:
    """Can the package be kept in ``folder``? A cache folder that cannot be written costs the next
    build its head start, not this one its package."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _write_kept(output: Output, path: Path, folder: Path, wants: list[Want]) -> Rest:
    """Write the package's notes now; returns the rest, started in a thread: the database finished
    (by SQLite), zipped (by zlib) and kept, work that lets the build's thread write the other outputs."""
    fingerprint = output_stamp("apkg", output.deck, output.deck_id, genanki.__version__, sqlite3.sqlite_version)
    kept = read(folder, fingerprint)
    with ExitStack() as undo:
        after = undo.enter_context(Next(folder))  # dropped should this part fail
        if kept is None:
            ids, finish = apkg.begin_database(after.database, apkg.note_rows(output), output.deck, output.deck_id)
        else:
            finish = None
            plan = kept.plan(wants)
            changed = apkg.note_rows(replace(output, cards=[output.cards[n] for n in plan.write]))
            stamp = max(want[2] for want in wants)
            used = {apkg.MODEL_IDS[card.kind] for card in output.cards}
            written = iter(apkg.update_database(after.database, kept, plan, changed, output.deck, output.deck_id,
                                                stamp, used))
            ids = [known if known is not None else next(written) for known in plan.ids]
        members = {"collection.anki2": after.database, **apkg.media_members(output.media.values())}
        undo.pop_all()  # from here the thread that zips the database drops it

    def zip_and_keep() -> None:
        with after:
            if finish:
                finish()
            apkg.zip_package(path, members)
            after.commit(fingerprint, wants, ids)

    return in_background(zip_and_keep)
