"""Output formats, and writing them so a failure never costs the previous file.

Contract: each format is a :class:`Format` in ``FORMATS``; its ``write`` gets
the deck's :class:`Output` and a path, the temporary file the pipeline hands
it through :func:`~qadeck.files.write_atomic`: an interrupted build leaves the
last good deck, CSV and lock file as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..render.media import MediaFile
from ..model import Card
from ..render import Renderer


#: What a note shows of a card, bar its guid and time: its HTML fields (in the package's field
#: order) and its tags (see :func:`~qadeck.writers.apkg.note_contents`).
NoteContent = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass
class Output:
    """Everything a writer needs: the deck's name and id and its final cards."""

    deck: str
    deck_id: int
    cards: list[Card]
    renderer: Renderer = field(default_factory=Renderer)
    #: Keep markup as HTML in a plain-text format (``--html``; the TSV honours it).
    html: bool = False
    #: The file this write replaces (the writer itself gets a temporary path): the
    #: Obsidian writer reads the review data the app stored in it, to keep it.
    target: Path | None = None
    #: A folder where the format may keep what makes its next write of the same file quicker
    #: (a build's; None for an export to a path of the user's): the package keeps its database.
    keep: Path | None = None
    #: Each card's guid -> identity's content hash of it (all of a card a note shows, bar its guid
    #: and mod time), where known: what a kept package is compared with.
    content: Mapping[str, str] | None = None
    #: Content hash -> a note's fields and tags (see :func:`~qadeck.writers.apkg.note_contents`),
    #: where the build's parse workers made them with the card's file.
    notes: Mapping[str, NoteContent] | None = None
    #: The pictures and sounds the cards show or play, by their name in Anki's media folder.
    media: Mapping[str, MediaFile] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    description: str
    write: Callable[[Output, Path], None]
    #: Whether the cards name their media as Anki stores them (the package, and the text import that
    #: updates its notes); other formats carry no media and show each file's path from the source folder.
    media_names: bool = False
