"""A running Anki, reached through the AnkiConnect add-on (protocol version 6).

Contract: :class:`AnkiConnect` is a :class:`~.target.Target` that sends each step as an
AnkiConnect action: ``findNotes`` for the deck's notes, ``exportPackage`` to learn their
guids and times (no other action tells a note's guid), ``importPackage``, ``deleteNotes``.
Packages go by path, so Anki must run on this machine. Its backup, before the first write
of a session, is the deck exported with its scheduling into ``backups``. AnkiConnect has
no action for filtered decks: :meth:`filtered_deck` returns None and the summary says how
to make one in Anki.

Every failure (no Anki listening, an error from an action) is an :class:`AnkiConnectError`
in one line.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
import urllib.parse
import zipfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..errors import QadeckError, UsageError
from ..tagging.topic import slugify
from .target import AnkiNote, deck_search

DEFAULT_URL = "http://127.0.0.1:8765"
VERSION = 6
#: Seconds to wait for one action (an import of a big deck takes a while).
TIMEOUT = 300


class AnkiConnectError(QadeckError):
    """AnkiConnect could not be reached or refused an action."""


class AnkiConnect:
    """The Anki listening at ``url``; backups of the deck go into ``backups``."""

    def __init__(self, url: str, backups: Path):
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise UsageError(f"--anki-connect takes an http:// URL, not {url!r} (default {DEFAULT_URL}; "
                             "put SOURCES before --anki-connect)")
        self.url = url
        self.where = f"Anki at {url}"
        self.backups = backups
        self.backed_up = False

    def __enter__(self) -> Self:
        version = self.call("version")
        if not isinstance(version, int) or version < VERSION:
            raise AnkiConnectError(f"AnkiConnect at {self.url} speaks version {version}; update the add-on "
                                   f"(version {VERSION} or later)")
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        pass

    def call(self, action: str, **params: Any) -> Any:
        """Run one action; its result, or :class:`AnkiConnectError` with AnkiConnect's message."""
        import urllib.error
        import urllib.request  # here: every other command would pay for importing it (HTTP, email, ssl)

        body = json.dumps({"action": action, "version": VERSION, "params": params}).encode()
        request = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                reply = json.loads(response.read())
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise AnkiConnectError(f"cannot reach AnkiConnect at {self.url} ({reason}): start Anki with "
                                   "the AnkiConnect add-on") from None
        except ValueError:
            raise AnkiConnectError(f"{self.url} does not answer as AnkiConnect does (no JSON)") from None
        if not isinstance(reply, dict) or "result" not in reply or "error" not in reply:
            raise AnkiConnectError(f"{self.url} does not answer as AnkiConnect does")
        if reply["error"] is not None:
            raise AnkiConnectError(f"AnkiConnect refused {action}: {reply['error']}")
        return reply["result"]

    def deck_notes(self, deck: str) -> list[AnkiNote]:
        ids = self.call("findNotes", query=deck_search(deck))
        if not ids:
            return []
        with tempfile.TemporaryDirectory(prefix="qadeck-") as tmp:
            path = Path(tmp) / "deck.apkg"
            if not self.call("exportPackage", deck=deck, path=str(path), includeSched=False):
                raise AnkiConnectError(f"AnkiConnect could not export the deck {deck!r}")
            exported = package_notes(path)
        wanted = set(ids)
        return [note for note in exported if note.id in wanted]

    def backup(self, deck: str) -> Path | None:
        if self.backed_up:
            return None
        self.backed_up = True
        self.backups.mkdir(parents=True, exist_ok=True)
        path = self.backups / f"{slugify(deck)}-{time.strftime('%Y-%m-%d-%H.%M.%S')}.apkg"
        if self.call("exportPackage", deck=deck, path=str(path.resolve()), includeSched=True):
            return path
        if not any(self.backups.iterdir()):
            self.backups.rmdir()  # no such deck yet: nothing to lose
        return None

    def import_package(self, path: Path) -> None:
        if not self.call("importPackage", path=str(path.resolve())):
            raise AnkiConnectError("AnkiConnect could not import the package: is a profile open in Anki?")

    def delete_notes(self, ids: Sequence[int]) -> None:
        self.call("deleteNotes", notes=list(ids))

    def filtered_deck(self, name: str, search: str) -> int | None:
        return None


def package_notes(path: Path) -> list[AnkiNote]:
    """The notes of a package Anki exported in its legacy format (the one AnkiConnect writes)."""
    with zipfile.ZipFile(path) as package, tempfile.TemporaryDirectory(prefix="qadeck-") as tmp:
        names = set(package.namelist())
        name = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
        if name is None:
            raise AnkiConnectError(f"Anki exported the deck in a format qadeck cannot read ({sorted(names)})")
        db_path = Path(package.extract(name, tmp))
        db = sqlite3.connect(db_path)
        try:
            rows = db.execute("select id, guid, mod, mid, flds from notes").fetchall()
        finally:
            db.close()
    return [AnkiNote(nid, guid, mod, mid, flds.split("\x1f", 1)[0]) for nid, guid, mod, mid, flds in rows]
