"""Pushing a deck straight into Anki (``qadeck push``).

    profiles.py    where Anki keeps its profiles; which collection to open
    target.py      what a push needs from Anki (one protocol), and the searches it runs
    collection.py  a collection file, through Anki's own backend (the optional ``anki`` package)
    connect.py     a running Anki, through the AnkiConnect add-on
    push.py        build, plan, back up, import, prune, filtered deck

The ``anki`` package is imported only when a collection file is opened, so the rest of
qadeck runs without it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .collection import AnkiMissing, CollectionLocked, LocalCollection
from .connect import DEFAULT_URL, AnkiConnect, AnkiConnectError
from .profiles import data_folder, find_collection, profiles
from .push import FILTERED_PACKAGE_NOTE, Plan, PushReport, plan, push
from .target import AnkiNote, Target, filtered_search

#: Folder (in the build folder) for the deck backups made through AnkiConnect.
BACKUPS_DIR = "anki-backups"

__all__ = [
    "DEFAULT_URL", "FILTERED_PACKAGE_NOTE", "AnkiConnect", "AnkiConnectError", "AnkiMissing", "AnkiNote",
    "CollectionLocked", "LocalCollection", "Plan", "PushReport", "Target", "data_folder", "filtered_search",
    "find_collection", "open_target", "plan", "profiles", "push",
]


def open_target(collection: Path | None, profile: str | None, anki_connect: str | None,
                out_dir: Path) -> Target:
    """The target the options name: AnkiConnect's URL, else a collection file (see :func:`find_collection`)."""
    if anki_connect is not None:
        if collection is not None or profile is not None:
            raise UsageError("--anki-connect pushes into the profile open in Anki: leave out "
                             "--collection and --profile")
        return AnkiConnect(anki_connect, out_dir / BACKUPS_DIR)
    return LocalCollection(find_collection(collection, profile))
