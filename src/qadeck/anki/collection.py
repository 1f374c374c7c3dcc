"""A collection file, opened with Anki's own backend (the ``anki`` package).

Contract: :class:`LocalCollection` opens the collection for one push (``with``) and
closes it after, so that Anki can open it between two pushes of ``--watch``. It imports
a package as **File › Import** does with its default options (a note is updated, by
guid, only from a newer one; reviews stay), deletes notes, makes filtered decks, and
makes one of Anki's own backups (in the profile's ``backups`` folder, where Anki keeps
and thins them) before the first write of a session. Each of those is one transaction
of the backend: a push killed midway leaves the collection as it was before that step.

A collection that Anki holds open is refused by the backend ("Anki already open, or
media currently syncing"): that is :class:`CollectionLocked`, raised before anything
is written. Without the ``anki`` package, :class:`AnkiMissing` says how to install it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..errors import QadeckError, UsageError
from .target import FILTERED_LIMIT, AnkiNote, deck_search

#: Folder beside the collection where Anki keeps its backups.
BACKUPS = "backups"
INSTALL = "pip install 'qadeck[anki]'"


class AnkiMissing(QadeckError):
    """The ``anki`` package is not installed."""


class CollectionLocked(QadeckError):
    """Anki (or a media sync) holds the collection open."""


def backend() -> Any:
    """The ``anki.collection`` module, or :class:`AnkiMissing`."""
    try:
        import anki.collection
    except ImportError:
        raise AnkiMissing(f"pushing to a collection needs Anki's Python package: {INSTALL}") from None
    return anki.collection


class LocalCollection:
    """The collection file at ``path``."""

    def __init__(self, path: Path):
        self.path = path
        self.where = str(path)
        self.col: Any = None
        self.backed_up = False

    def __enter__(self) -> Self:
        collection = backend()
        from anki.errors import DBError

        try:
            self.col = collection.Collection(str(self.path))
        except DBError as exc:
            if "already open" in str(exc):
                raise CollectionLocked(
                    "the collection is open in Anki (or syncing media): close Anki and push "
                    "again, or push into the running Anki with --anki-connect", self.path
                ) from None
            raise QadeckError(f"cannot open the collection: {exc}", self.path) from None
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.col is not None:
            self.col.close()
            self.col = None

    def deck_notes(self, deck: str) -> list[AnkiNote]:
        ids = self.col.find_notes(deck_search(deck))
        if not ids:
            return []
        listed = ",".join(map(str, ids))
        rows = self.col.db.all(f"select id, guid, mod, mid, flds from notes where id in ({listed})")
        return [AnkiNote(nid, guid, mod, mid, flds.split("\x1f", 1)[0]) for nid, guid, mod, mid, flds in rows]

    def backup(self, deck: str) -> Path | None:
        if self.backed_up:
            return None
        folder = self.path.parent / BACKUPS
        folder.mkdir(exist_ok=True)
        before = set(folder.iterdir())
        self.col.create_backup(backup_folder=str(folder), force=True, wait_for_completion=True)
        self.backed_up = True
        made = sorted(set(folder.iterdir()) - before)
        return made[-1] if made else None

    def import_package(self, path: Path) -> None:
        collection = backend()
        request = collection.ImportAnkiPackageRequest(
            package_path=str(path), options=collection.ImportAnkiPackageOptions()
        )
        self.col.import_anki_package(request)

    def delete_notes(self, ids: Sequence[int]) -> None:
        self.col.remove_notes(list(ids))

    def filtered_deck(self, name: str, search: str) -> int:
        did = 0
        existing = self.col.decks.by_name(name)
        if existing is not None:
            if existing["dyn"]:
                did = existing["id"]
            elif not self.col.find_cards(deck_search(name)):
                # The empty deck an import of a filtered package leaves: the filtered deck takes its name.
                self.col.decks.remove([existing["id"]])
            else:
                raise UsageError(f"Anki has a normal deck {name!r} with cards: rename it in Anki to make "
                                 "the filtered deck")
        deck = self.col.sched.get_or_create_filtered_deck(deck_id=did)
        deck.name = name
        del deck.config.search_terms[:]
        deck.config.search_terms.add(search=search, limit=FILTERED_LIMIT)
        deck.config.reschedule = True
        self.col.sched.add_or_update_filtered_deck(deck)
        return len(self.col.find_cards(deck_search(name)))
