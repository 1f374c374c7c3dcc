"""Choosing which cards go into a deck: by topic, difficulty and source file.

Contract: :class:`Filters` holds what the user asked for; :meth:`Filters.check`
rejects values qadeck does not know (listing the known ones, closest first),
:meth:`Filters.apply` keeps the matching cards, and :meth:`Filters.suffix`
names the output files so a filtered deck never overwrites the full one.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from .config import LEVELS
from .errors import UsageError, unknown
from .model import Card
from .tagging.topic import slugify


@dataclass(frozen=True, slots=True)
class Filters:
    topics: tuple[str, ...] = ()
    exclude_topics: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    #: Glob patterns on source file names (``--source 'mlops-*.txt'``).
    sources: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.topics or self.exclude_topics or self.difficulties or self.sources)

    def check(self, known_topics: list[str]) -> None:
        for value in (*self.topics, *self.exclude_topics):
            if value not in known_topics:
                raise UsageError(unknown("topic", value, known_topics))
        for value in self.difficulties:
            if value not in LEVELS:
                raise UsageError(unknown("difficulty", value, list(LEVELS)))

    def wants_source(self, name: str) -> bool:
        return not self.sources or any(fnmatch.fnmatch(name, pat) for pat in self.sources)

    def apply(self, cards: list[Card]) -> list[Card]:
        if not self.active:
            return list(cards)  # most builds: no call a card
        return [c for c in cards if self.keeps(c)]

    def keeps(self, card: Card) -> bool:
        if self.topics and not _within(card.topics, self.topics):
            return False
        if self.exclude_topics and _within(card.topics, self.exclude_topics):
            return False
        if self.difficulties and card.difficulty not in self.difficulties:
            return False
        return self.wants_source(card.source)

    def suffix(self) -> str:
        """``--monitoring--hard`` style suffix for output file names ("" when unfiltered)."""
        parts = [
            *(slugify(t) for t in self.topics),
            *(f"not-{slugify(t)}" for t in self.exclude_topics),
            *self.difficulties,
            *(slugify(s) for s in self.sources),
        ]
        return "".join(f"--{p}" for p in parts)

    def deck_name(self, deck: str) -> str:
        """The name of the deck holding what these filters keep of ``deck``."""
        return f"{deck} ({self.label()})" if self.active else deck

    def label(self) -> str:
        """Human words for the deck title of a filtered deck."""
        parts = [
            *self.topics,
            *(f"not {t}" for t in self.exclude_topics),
            *self.difficulties,
            *self.sources,
        ]
        return ", ".join(parts)


def _within(topics: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Does a topic of ``topics`` equal one of ``wanted`` or nest under it (``docker`` holds ``docker::networking``)?"""
    return any(t == w or t.startswith(w + "::") for t in topics for w in wanted)
