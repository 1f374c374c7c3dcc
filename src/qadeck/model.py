"""The data that flows through qadeck's pipeline.

Every stage takes and returns these frozen dataclasses, so a stage can never
change what an earlier stage saw. A card remembers the file and line range it
came from: every report, error and review prompt points back to the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Source:
    """One input file, decoded to text with ``\\n`` line endings."""

    path: Path
    text: str
    #: The encoding the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``).
    encoding: str = "utf-8"

    @property
    def name(self) -> str:
        """The file name, as cards and reports show it."""
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True, slots=True)
class Card:
    """One question and its answer, as parsed and then enriched by later stages.

    Parsers fill the first block of fields; tagging and identity fill the rest
    with :func:`dataclasses.replace`.
    """

    #: The question, plain text with inline Markdown (e.g. `code`).
    question: str
    #: The answer as Markdown: paragraphs, lists, bold, inline and fenced code.
    answer: str
    #: File name of the source the card came from.
    source: str
    #: The section heading the card sits under ("" when the source has none).
    section: str
    #: First and last line (1-based, inclusive) of the card in its source.
    lines: tuple[int, int]
    #: True when the source had no question and qadeck inferred one from the answer.
    inferred: bool = False
    #: Name of the layout parser that produced the card.
    layout: str = ""
    #: Topic slugs, primary first (filled by tagging).
    topics: tuple[str, ...] = ()
    #: easy | medium | hard (filled by tagging).
    difficulty: str = ""
    #: Anki note guid (filled by identity).
    guid: str = ""
    #: Unix time the card's content last changed (filled by identity).
    mtime: int = 0
    #: Who set the difficulty: "author" (a level the source marks), "rules" or "override" (filled by tagging).
    difficulty_from: str = ""

    @property
    def stem(self) -> str:
        return Path(self.source).stem

    def tagged(self, topics: tuple[str, ...], difficulty: str, difficulty_from: str | None = None) -> Card:
        """This card with its tags: ``replace(card, topics=…, difficulty=…)`` at a tenth of the cost
        (``difficulty_from`` too, when given)."""
        return new_card(self.question, self.answer, self.source, self.section, self.lines, self.inferred,
                        self.layout, topics, difficulty, self.guid, self.mtime,
                        self.difficulty_from if difficulty_from is None else difficulty_from)

    def identified(self, guid: str, mtime: int) -> Card:
        """This card with its identity: ``replace(card, guid=…, mtime=…)`` at a tenth of the cost."""
        return new_card(self.question, self.answer, self.source, self.section, self.lines, self.inferred,
                        self.layout, self.topics, self.difficulty, guid, mtime, self.difficulty_from)

    @property
    def location(self) -> str:
        return f"{self.source}:{self.lines[0]}"


#: The setter of each of a card's slots, in field order.
_CARD_SLOTS: tuple[Callable[[Card, Any], None], ...] = tuple(getattr(Card, slot).__set__ for slot in Card.__slots__)


def new_card(
    question: str, answer: str, source: str, section: str, lines: tuple[int, int], inferred: bool = False,
    layout: str = "", topics: tuple[str, ...] = (), difficulty: str = "", guid: str = "", mtime: int = 0,
    difficulty_from: str = "", *, _new: Any = object.__new__, _card: type[Card] = Card,
    _setters: tuple[Callable[[Card, Any], None], ...] = _CARD_SLOTS,
) -> Card:
    """``Card(…)`` at half the cost: each slot set through its descriptor, without the frozen
    ``__init__``'s ``object.__setattr__`` per field (a rebuild of 100,000 cards makes 200,000).
    ``tests/test_model.py`` checks it makes the card ``Card`` does, field for field.
    """
    card = _new(_card)
    s = _setters
    s[0](card, question)
    s[1](card, answer)
    s[2](card, source)
    s[3](card, section)
    s[4](card, lines)
    s[5](card, inferred)
    s[6](card, layout)
    s[7](card, topics)
    s[8](card, difficulty)
    s[9](card, guid)
    s[10](card, mtime)
    s[11](card, difficulty_from)
    return card


@dataclass(frozen=True, slots=True)
class Finding:
    """Something in a source a user should look at (``qadeck check``)."""

    #: unanswered | inferred | no question | suspicious | skipped
    kind: str
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a layout parser made of one source."""

    source: str
    layout: str
    cards: tuple[Card, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def unanswered(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == "unanswered")


@dataclass(frozen=True, slots=True)
class Deck:
    """All cards read from a set of sources, with what was found along the way."""

    results: tuple[ParseResult, ...] = field(default_factory=tuple)

    @property
    def cards(self) -> list[Card]:
        return [c for r in self.results for c in r.cards]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]
