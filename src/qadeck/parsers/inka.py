"""Layout ``inka``: ``---`` sections of numbered questions with quoted answers (inka's syntax).

    ---
    Deck: Chemistry                    <- where that tool files the notes: not card text
    Tags: acids bases                  <- the section's tags

    1. What does litmus turn in acid?
    > Red.

    2. Water is {H2O} and salt is {1::NaCl}.   <- no quoted answer, deletions: a cloze
    ---

A question is a numbered line and the lines after it up to its answer, the
``>`` quoted lines (unquoted here), which run to the next question or the
section's end. A question with no answer is a cloze when it holds curly
deletions (``{text}``, ``{1::text}``, ``{c1::text}``), otherwise it is reported
as unanswered. Only a ``---`` section that names its deck is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .structure import Line, LineStart, outline
from .tags import tag_line

NAME = "inka"

_RULE = re.compile(r"^---\s*$")
_DECK = re.compile(r"^Deck:\s*\S")
_TAGS = re.compile(r"^Tags:\s*(.*)$")
_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_DECK_START = LineStart(re.compile(r"^Deck:"))
_CLOZE_STYLES = ("anki", "curly")


def _entries(source: Source) -> list[Entry]:
    if not _DECK_START.found_in(source.text) or "---" not in source.text:
        return []
    lines = outline(source)
    entries: list[Entry] = []
    rules = [i for i, line in enumerate(lines) if not line.code and _RULE.match(line.text)]
    for start, end in zip(rules, rules[1:]):
        body = lines[start + 1 : end]
        if any(_DECK.match(line.text) for line in body if not line.code):
            entries += _section(body)
    return entries


def _section(body: list[Line]) -> list[Entry]:
    tags: tuple[str, ...] = ()
    items: list[list[Line]] = []
    for line in body:
        listed = None if line.code else _TAGS.match(line.text)
        if listed:
            tags = tuple(listed.group(1).split())
        elif not line.code and _ITEM.match(line.text):
            items.append([line])
        elif items and not (not line.code and _DECK.match(line.text)):
            items[-1].append(line)
    return [entry for item in items if (entry := _item(item, tags)) is not None]


def _item(item: list[Line], tags: tuple[str, ...]) -> Entry | None:
    first = _ITEM.match(item[0].text)
    assert first is not None
    quoted = [i for i, line in enumerate(item) if not line.code and _QUOTE.match(line.text)]
    split = quoted[0] if quoted else len(item)
    question = _text([first.group(2), *(line.text for line in item[1:split] if tag_line(line.text) is None)])
    answer = _text([_QUOTE.sub(r"\1", line.text) for line in item[split:]])
    last = max((line.number for line in item if not line.blank), default=item[0].number)
    if not question:
        return None
    if answer:
        return Entry(question, answer, item[0].number, last, "", "basic", tags)
    text = cloze.to_anki(question, _CLOZE_STYLES)
    if text is not None:
        return Entry(text, "", item[0].number, last, "", "cloze", tags)
    return Entry(question, "", item[0].number, last, "", "basic", tags)


def _text(lines: list[str]) -> str:
    """Lines as Markdown: surrounding blank lines dropped, runs of them made one."""
    text = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", "\n".join(line.rstrip() for line in lines))
    return text.strip("\n").strip()


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage, the sections' ``Deck:`` and ``Tags:`` lines counted as read: they are the syntax."""
    if not entries:
        return 0.0
    marks = [Entry("", "", line.number, line.number) for line in outline(source)
             if not line.code and (_DECK.match(line.text) or _TAGS.match(line.text))]
    return marked_coverage(source, [*entries, *marks])


LAYOUT = make_layout(
    NAME,
    "inka: --- sections with a Deck: line, numbered questions and > quoted answers",
    _entries,
    _score,
)
