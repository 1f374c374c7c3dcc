"""The data that flows through qadeck's pipeline.

Every stage takes and returns these frozen dataclasses, so a stage can never
change what an earlier stage saw. A card remembers the file and line range it
came from: every report, error and review prompt points back to the source.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that sets each field through its slot's
    descriptor, where the generated one calls ``object.__setattr__`` a field at a time: the same
    object, the same signature and defaults, still frozen, made in under half the time.

    For the records a build makes once or more per card (a card is made when it is parsed,
    tagged, handed back by a worker and given its identity): at 100,000 cards the generated
    ``__init__`` alone would cost a second. Written as ``dataclasses`` writes its own.
    """
    params, body, scope = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init takes plain positional fields only")
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        scope[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        body.append(f"    _set_{f.name}(self, {f.name})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(body) or '    pass'}", scope)  # noqa: S102
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = cls.__init__.__annotations__  # the generated one's: the same signature
    cls.__init__ = init  # type: ignore[misc]
    return cls


@dataclass(frozen=True, slots=True)
class Source:
    """One input file, decoded to text with ``\\n`` line endings."""

    path: Path
    text: str
    #: The encoding the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``).
    encoding: str = "utf-8"
    #: The file's line each line of ``text`` came from, where a reader moved lines (a data file's entry written
    #: as a block longer than the entry); empty when line *n* of the text is line *n* of the file. Not compared:
    #: the text says what the source holds, and hashing a line's worth of numbers per lookup of a cached
    #: reading of the source would cost as much as the reading.
    origins: tuple[int, ...] = field(default=(), compare=False)

    @property
    def name(self) -> str:
        """The file name, as cards and reports show it."""
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem


@quick_init
@dataclass(frozen=True, slots=True)
class Card:
    """One question and its answer, as parsed and then enriched by later stages.

    Parsers fill the first block of fields; tagging and identity fill the rest
    (:meth:`tagged`, :meth:`identified`, or :func:`dataclasses.replace`).
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
    #: What Anki makes of the note: ``basic`` (one card), ``reversed`` (a card each way) or
    #: ``cloze`` (the question is the text with Anki ``{{c1::…}}`` deletions, the answer extra text).
    kind: str = "basic"
    #: Tags the source gave the card (tag lines such as ``#tag``), besides qadeck's own.
    tags: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        return Path(self.source).stem

    def tagged(self, topics: tuple[str, ...], difficulty: str, difficulty_from: str | None = None) -> Card:
        """This card with its tags (``difficulty_from`` too, when given): ``replace(card, …)`` at a
        fraction of the cost, made once per card of a build (every field given in order)."""
        return Card(self.question, self.answer, self.source, self.section, self.lines, self.inferred, self.layout,
                    topics, difficulty, self.guid, self.mtime,
                    self.difficulty_from if difficulty_from is None else difficulty_from, self.kind, self.tags)

    def identified(self, guid: str, mtime: int) -> Card:
        """This card with its identity: ``replace(card, guid=…, mtime=…)`` at a fraction of the cost."""
        return Card(self.question, self.answer, self.source, self.section, self.lines, self.inferred, self.layout,
                    self.topics, self.difficulty, guid, mtime, self.difficulty_from, self.kind, self.tags)

    @property
    def location(self) -> str:
        return f"{self.source}:{self.lines[0]}"


#: The kinds of note a card can be (:attr:`Card.kind`).
KINDS = ("basic", "reversed", "cloze")


@quick_init
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
