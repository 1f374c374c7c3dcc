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
from .. import cloze
from ..model import KINDS, Card
from ..render import Renderer


@dataclass(frozen=True)
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
    #: A quicker ``write`` for a build, from what its last write kept: ``write_kept(output, folder,
    #: content, path, background)``, ``content`` mapping each card's guid to identity's content hash
    #: of it (:mod:`qadeck.perf.package_cache`). It writes what ``write`` writes; with ``background``
    #: it may return the rest of its write, under way in a thread (:data:`qadeck.files.Rest`).
    write_kept: Callable[[Output, Path, Mapping[str, str], Path, bool], Callable[[], object] | None] | None = None
    #: The kinds of card (:data:`qadeck.model.KINDS`) the format writes; it leaves out the others,
    #: and the build's summary counts them.
    kinds: frozenset[str] = frozenset(KINDS)


def sides(card: Card) -> tuple[str, str]:
    """A card's front and back for an app with no cloze: a cloze's text with ``[...]`` gaps, then
    whole (and its extra text below)."""
    if card.kind != "cloze":
        return card.question, card.answer
    back = cloze.revealed(card.question)
    return cloze.masked(card.question), f"{back}\n\n{card.answer}" if card.answer else back
