"""Layout ``terms``: plain-text study notes whose entries are terms underlined, each defined below.

    pipe                                 <- a term, underlined: a card's front
    ----
    A pipe carries bytes one way         <- its definition names it: the card's back
    between two processes.

    socket
    ------
    A socket is one end of a link ...

How students type notes in a .txt file: the term (a function, a protocol, a concept) set apart by a
row of ``-`` or ``=`` under it, its explanation below. The titles are Markdown's setext headings (see
:func:`structure.setext_as_atx`) read as layout ``titles`` reads headings, with two differences that
tell term notes from the sections of a README, a manual or a changelog in plain text, whose titles
("INSTALLATION", "Fixes since v2.1", "Options") are no term its text defines: most entries' titles are
a few words that their answer's first words name again (a definition repeats its term: "A socket is
..."), at least :data:`_FEWEST`, and a question or two typed among the notes ("What is fd?" over its
answer) does not make the titles another layout's sections. A title whose text does not name it is a
topic over points, no card; "=" and "-" titles are of one level (notes underline terms with either).
Detection scores low (:data:`_WEIGHT`): any layout that fits the file wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Source
from . import titles
from .entries import Entry, coverage, make_layout
from .headings import asks
from .structure import setext_as_atx

NAME = "terms"
#: Below a layout that fits: the score of a file whose every line the terms explain is just above the
#: least a fit needs, so term notes are read only where nothing else reads them.
_WEIGHT = 0.35
#: The fewest terms a file of notes holds.
_FEWEST = 5
#: Questions typed among the notes, at most one for each this many titles.
_TITLES_A_QUESTION = 4
#: The first words of an answer, where a definition names its term ("A socket is ...").
_OPENING_WORDS = 8
#: The most words a term's name holds ("fd (file descriptor)"); "Updates since the last release" is a section's.
_TITLE_WORDS = 4
#: A version number in a title: release notes' sections ("Fixes since v1.6"), no term.
_VERSION = re.compile(r"\d\.\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Words of a title that name no term: what a definition need not repeat.
_GENERIC = frozenset({
    "the", "an", "of", "and", "or", "in", "on", "to", "for", "with", "by", "vs", "what", "is", "are", "how",
    "function", "functions", "method", "methods", "value", "values", "type", "types",
    "example", "examples", "output", "note", "notes", "case", "syntax",  # labels over an example, no term
})


def _headed(source: Source) -> tuple[Source, list[str]] | None:
    if source.path.suffix.lower() != ".txt" or ("\n---" not in source.text and "\n===" not in source.text):
        return None  # most files: not plain text, or nothing underlined
    return setext_as_atx(source)


def _entries(source: Source) -> list[Entry]:
    headed = _headed(source)
    if headed is None:
        return []
    text, names = headed
    found = titles.entries(_flat(text), asked_beside=len(names) // _TITLES_A_QUESTION)
    named = [entry for entry in found if _terms(entry.question)]  # not "Example:" or "Output" over a listing
    defined = [entry for entry in named if _defines(entry)]
    if len(defined) < _FEWEST or len(defined) * 3 < len(named) * 2:
        return []  # a document's sections: their text does not name them
    # Not a topic's title over its points ("Object oriented concepts" / "Remember them as A PIE"): lines the
    # notes explain, no card's.
    return _Terms(defined, tuple(n for entry in found if entry not in defined for n in range(entry.line, entry.last + 1)))


class _Terms(list[Entry]):
    """The cards, and the lines of the notes' other titled entries (topics, "Example:" over a listing)."""

    def __init__(self, cards: list[Entry], explained: tuple[int, ...]) -> None:
        super().__init__(cards)
        self.explained = explained


def _flat(source: Source) -> Source:
    """``source`` with its "=" titles at the level of its "-" ones: notes underline terms with either at will, so
    a term underlined with "=" is no section over the terms that follow it."""
    text = source.text.replace("\n# ", "\n## ")
    text = "#" + text if text.startswith("# ") else text
    return Source(source.path, text, source.encoding)


def _terms(title: str) -> set[str]:
    """The words of a title that may name a term."""
    return set(_WORD.findall(title.lower())) - _GENERIC


def _defines(entry: Entry) -> bool:
    """Is the entry a term's card: a title that asks, or a term's name (a few words, not a version's nor a
    section's in capitals, "OPTIONS") that the answer's first words name again, as a definition does?"""
    if asks(entry.question):
        return True
    words = _terms(entry.question)
    if not words or len(entry.question.split()) > _TITLE_WORDS or entry.question.isupper() \
            or _VERSION.search(entry.question):
        return False
    opening = " ".join(entry.answer.split()[:_OPENING_WORDS]).lower()
    return any(re.search(rf"(?<![^\W\d_]){re.escape(word)}", opening) for word in words)  # "sockets", not "Case2"


def _score(source: Source, entries: Sequence[Entry]) -> float:
    headed = _headed(source) if entries else None
    return _WEIGHT * coverage(headed[0], entries, also=getattr(entries, "explained", ())) if headed else 0.0


LAYOUT = replace(make_layout(
    NAME,
    "Plain-text notes: underlined terms (a row of - or = under each), the explanation below as the answer",
    _entries,
    _score,
), best_score=_WEIGHT)
