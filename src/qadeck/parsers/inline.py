"""Layout ``inline``: questions answered on their own line, the answer hidden or marked after them.

    1. What is the largest planet? >!Jupiter!<
    2. Who wrote Hamlet? ||Shakespeare||
    - What does binary search cost? **O(log n)**
    - What port does FTP use? **Answer: 21**
      - `nmap -sV target` shows it
    The capital of France is ____ (Paris)

Trivia posts copied from Reddit or Discord hide each answer in a spoiler, notes and blog posts in a
``<span class="spoiler">``, quiz write-ups and exercise notes put it in bold after the question mark
(see :mod:`.trailing` for the shapes). Each such line is a card: its text before the answer asks
(a list marker or number dropped, the lines of its paragraph above it when it runs on from them),
the answer and the lines indented under it (a write-up's steps) answer. A line that is an answer
alone (``Answer: >!42!<`` under a list item) answers the item or paragraph above it.

A shape is read only where the file repeats it: two hidden or labelled answers, three bold answers
or filled blanks, not all the same (a page with one "Is it fast? **Yes**" is no quiz, nor a checklist
ending every line in "**Required**"; command-line prompts and quoted questions are never read, see
:mod:`.trailing`). The author marked those lines as the cards, so a
file that repeats a shape scores at least what headings read as card titles can
(:data:`~.titles.TITLE_WEIGHT`), whatever prose and sections surround them.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Source
from . import trailing
from .entries import Entry, make_layout, marked_coverage
from .markup import inline_text
from .structure import Line, heading, outline, outline_sections
from .titles import TITLE_WEIGHT

NAME = "inline"

#: How many lines of a shape a file must hold for them to be its cards.
_FEWEST = {trailing.HIDDEN: 2, trailing.LABELLED: 2, trailing.BOLD: 3, trailing.BLANK: 3}
#: A list item's marker, a task box or a number ("1.", "1.4", "a)"), and a question's label ("Q:", "Question 3:"),
#: before a line's text.
_MARKER = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|(?:\d{1,3}(?:\.\d{1,3})+[.)]?|\d{1,3}[.)]|[a-z][.)])[ \t]+)"
    r"(?:(?i:q|question)[ \t]*\d{0,3}[ \t]*[:.)][ \t]+)?|^[ \t]*(?i:q|question)[ \t]*\d{0,3}[ \t]*[:.)][ \t]+"
)
#: Whole-text tests, each behind a one-character test that is all most files pay (a character a file lacks
#: is found missing at memory speed): a file passing none holds no line of any shape.
_REDDIT_ANYWHERE = re.compile(">!")
_DISCORD_ANYWHERE = re.compile(r"\|\|")
_SPAN_ANYWHERE = re.compile("spoiler")
_BOLD_ANYWHERE = re.compile(r"\*\*(?:(?i:answer|ans)[ \t]*[:：]|(?<=[?？] \*\*)|(?<=[?？]  \*\*))")
_BLANK_ANYWHERE = re.compile(r"___[^\n]*?[)\]]\.?[ \t]*$", re.MULTILINE)
#: How a line ends when it closes a sentence or introduces what follows: the next line is no part of it.
_CLOSED = (".", "?", "!", ":", ";", "？", "。")


def _may_hold(text: str) -> bool:
    return (
        "!" in text and _REDDIT_ANYWHERE.search(text) is not None
        or "|" in text and _DISCORD_ANYWHERE.search(text) is not None
        or "<" in text and _SPAN_ANYWHERE.search(text) is not None
        or "*" in text and _BOLD_ANYWHERE.search(text) is not None
        or "_" in text and _BLANK_ANYWHERE.search(text) is not None
    )


def _entries(source: Source) -> list[Entry]:
    if not _may_hold(source.text):
        return []
    lines = outline(source)
    found: dict[int, trailing.Trailing] = {}
    for index, line in enumerate(lines):
        if line.code or heading(line) is not None:
            continue
        got = trailing.split(line.text)
        if got is not None:
            found[index] = got
    shapes = Counter(got.shape for got in found.values())
    # One bold word after every question ("Does it build? **Required**") is a checklist's status, no answer.
    answers = {shape: {got.answer.casefold() for got in found.values() if got.shape == shape} for shape in shapes}
    kept = {index: got for index, got in found.items() if shapes[got.shape] >= _FEWEST[got.shape]
            and (got.shape in trailing.MARKED or len(answers[got.shape]) > 1)}
    if not kept:
        return []
    sections = outline_sections(source)
    return [_entry(lines, index, got, found, sections[index]) for index, got in kept.items()]


def _entry(lines: list[Line], index: int, got: trailing.Trailing, found: dict[int, trailing.Trailing],
           section: str) -> Entry:
    first = _question_start(lines, index, got, found)
    asked = " ".join(_MARKER.sub("", lines[at].text, count=1).strip() for at in range(first, index))
    own = _MARKER.sub("", got.question, count=1).strip() if got.question else ""
    question = inline_text(f"{asked} {own}".strip())
    below, last = _indented_below(lines, index, found)
    answer = got.answer + ("\n\n" + below if below else "")
    return Entry(question, answer, lines[first].number, last, section)


def _question_start(lines: list[Line], index: int, got: trailing.Trailing, found: dict[int, trailing.Trailing]) -> int:
    """The first line of the question: the answer's own line, or the lines of its paragraph or list item
    above it when it is an answer alone or its question runs on from the line above."""
    line = lines[index]
    alone = not _MARKER.sub("", got.question, count=1).strip()
    if not alone and _MARKER.match(line.text):
        return index  # a list item or numbered line opens its own question
    first = index
    while first > 0:
        above = lines[first - 1]
        if above.blank or above.code or first - 1 in found or heading(above) is not None:
            break
        if not alone and first == index and above.text.rstrip().endswith(_CLOSED):
            break  # the line above ends its own sentence: this line asks on its own
        first -= 1
        if _MARKER.match(above.text):
            break  # the item the answer's line belongs to opens here
    return first


def _indented_below(lines: list[Line], index: int, found: dict[int, trailing.Trailing]) -> tuple[str, int]:
    """The lines indented deeper than the answer's line right below it (a write-up's steps under its
    question), dedented, and the number of the last (the answer's own line when there are none)."""
    depth = _indent(lines[index].text)
    end = index + 1
    taken = index
    while end < len(lines) and end not in found:
        line = lines[end]
        if not line.blank and _indent(line.text) <= depth:
            break
        if not line.blank:
            taken = end
        end += 1
    if taken == index:
        return "", lines[index].number
    body = lines[index + 1 : taken + 1]
    cut = min(_indent(line.text) for line in body if not line.blank)
    return "\n".join(line.text[cut:] if not line.blank else "" for line in body), lines[taken].number


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _score(source: Source, entries: list[Entry]) -> float:
    """At least :data:`~.titles.TITLE_WEIGHT` for a file that repeats a shape (see the module docstring)."""
    return max(TITLE_WEIGHT, marked_coverage(source, entries)) if entries else 0.0


LAYOUT = make_layout(
    NAME,
    "Questions answered on their line: >!spoiler!<, ||spoiler||, a spoiler span, **bold** or **Answer: …** after the "
    "question mark, a blank's answer in brackets after it",
    _entries,
    _score,
)
