"""What a push needs from Anki, whichever way it reaches it.

Contract: a :class:`Target` is a collection file opened with Anki's own backend
(:mod:`.collection`) or a running Anki reached through AnkiConnect (:mod:`.connect`).
Both list a deck's notes as :class:`AnkiNote` (guid and modification time: what Anki's
import goes by), import a package, delete notes, back the deck up before the first write
of a session, and make a filtered deck where they can. The searches they run are made
here, once, in Anki's search syntax.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from ..filtering import Filters
from ..naming import plain_name
from ..sources import SOURCE_EXTENSIONS
from ..tagging.topic import slugify
from ..writers.apkg import MODEL_IDS

#: qadeck's note types: a push prunes only notes of these.
NOTE_TYPE_IDS = frozenset(MODEL_IDS.values())
#: A filtered deck holds at most this many cards (Anki's own ceiling); a topic must fit whole.
FILTERED_LIMIT = 99999


@dataclass(frozen=True, slots=True)
class AnkiNote:
    """A note as Anki has it."""

    id: int
    guid: str
    #: Modification time, seconds: Anki updates the note on import only from a newer one.
    mtime: int
    notetype_id: int
    #: The first field (the question), HTML.
    question: str

    @property
    def question_text(self) -> str:
        return html.unescape(re.sub(r"<[^>]*>", "", self.question)).strip()


class Target(Protocol):
    """An Anki collection a push writes to; ``with target:`` opens it for one push."""

    #: Where it is, for messages: a path or a URL.
    where: str

    def __enter__(self) -> Self: ...

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def deck_notes(self, deck: str) -> list[AnkiNote]:
        """The notes with a card in ``deck`` (or its subdecks, or a filtered deck drawing from it)."""
        ...

    def backup(self, deck: str) -> Path | None:
        """Back up before the first write of this session; the backup made, or None (made before)."""
        ...

    def import_package(self, path: Path) -> None: ...

    def delete_notes(self, ids: Sequence[int]) -> None: ...

    def filtered_deck(self, name: str, search: str) -> int | None:
        """Create or rebuild the filtered deck ``name``; its card count, or None where this target cannot."""
        ...


def quote(text: str) -> str:
    """``text`` as one term of an Anki search, quoted, its wildcards and quotes escaped."""
    return '"' + "".join("\\" + ch if ch in '\\"*_' else ch for ch in text) + '"'


def deck_search(deck: str) -> str:
    """Anki's search for the cards of ``deck``: ``deck:"MLOps Interview Questions"``."""
    return "deck:" + quote(deck)


def filtered_search(deck: str, filters: Filters) -> str:
    """The search of the filtered deck for ``filters``: ``deck:"<Deck>" tag:topic::monitoring``.

    Each filter becomes the tag a build gives its cards (``topic::``, ``difficulty::``,
    ``source::``), so the filtered deck holds what a filtered build would.
    """
    terms = [deck_search(deck)]
    terms += _any_of(f"tag:topic::{t}" for t in filters.topics)
    terms += [f"-tag:topic::{t}" for t in filters.exclude_topics]
    terms += _any_of(f"tag:difficulty::{d}" for d in filters.difficulties)
    terms += _any_of(f"tag:source::{_source_tag(g)}" for g in filters.sources)
    return " ".join(terms)


def _any_of(terms: Iterable[str]) -> list[str]:
    listed = list(terms)
    if len(listed) <= 1:
        return listed
    return ["(" + " OR ".join(listed) + ")"]


def _source_tag(glob: str) -> str:
    """A ``--source`` glob as a glob on ``source::`` tags (the file's stem, slugified; ``*`` kept)."""
    stem = glob
    for ext in (*SOURCE_EXTENSIONS, ".*"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    stem = plain_name(stem)  # the tag leaves out the page id of a note app's export, as the build does
    return "*".join(slugify(p) if re.search("[A-Za-z0-9]", p) else "" for p in stem.split("*"))
