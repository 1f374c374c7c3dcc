"""Layout ``choices``: multiple-choice questions typed as plain text, the right option marked or named.

    NO.1 How much is 10% of 40?          What is the capital of India?     Co je předmětem filozofie?
    A. 4                                 New Delhi                         *problémy bytí, světa, poznání
    B. 6                                 Mumbai                            nejsložitější abstraktní úvahy
    Answer: A                            a                                 tajemné přírodní vědy

Exam dumps, quiz apps' question files and course question banks write a
question, its options one a line (lettered ``A.``/``b)`` or not), and say which
is right in one of three ways: an ``Answer: B`` line (``Correct answer:``,
``Ans:``), a last line holding only the letter, or a ``*`` glued to the right
option (a last line of several letters, ``AD``, names several). Questions are parted by blank lines, or, with
none, a question is a line ending in ``?`` or ``:`` with the options under it; a page copied as text (a
Quizlet test) parts its questions by two blank lines and their options by one. The card's front is the
question with its options (lettered ``A:``, ``B:`` as the csv layout words
them), the back the right option. A number before the question (``NO.1``,
``QUESTION 5``, ``3.``) is the list's, not the question's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Source
from .columns import chosen_option
from .options import options_card
from .entries import Entry, coverage, make_layout
from .structure import Line, heading, outline

NAME = "choices"

#: A lettered option: "A.", "b)", "(c)", "Option d:", a "*" before it marking it right.
_LETTERED = re.compile(
    r"^\s*(\*)?\s*(?:option\s+\(?([A-Ha-h])\)?\s*[:.)]|\(?([A-Ha-h])[.)])\s+(\S.*?)\s*$", re.IGNORECASE
)
#: An unlettered option marked right: a "*" glued to its text (a "* " is a list bullet).
_STARRED = re.compile(r"^\s*\*(?=[^\s*])(.+?)\s*$")
#: The line naming the right option.
_ANSWER = re.compile(
    r"^\s*(?:correct\s+answer|right\s+answer|answer|ans|key|solution)\s*[:.=-]\s*\(?([A-Ha-h1-8])\)?[.)]?\s*$",
    re.IGNORECASE,
)
#: A last line holding only the right option's letter, or the right options' letters (``AD``: a quiz whose question
#: says "Select two", as Quizlet's tests copied as text write it).
_LETTER_ONLY = re.compile(r"^\s*\(?([A-Ha-h]|[A-H]{2,8}|[a-h]{2,8})\)?\s*$")
#: The number or label before a question: "NO.1", "QUESTION 5", "Q3.", "12.", "4)", "Question:".
_NUMBER = re.compile(
    r"^\s*(?:(?:no|question|q)\s*\.?\s*\d{1,4}\s*[.:)-]?|\d{1,4}\s*[.)]|(?:question|q)\s*:)\s*", re.IGNORECASE
)
#: A file of multiple-choice questions marks or names a right option in its first questions: the first
#: look searches this many characters for such a line, at a cost that does not grow with the file.
_OPENING = 4000
_MAY_CHOOSE = re.compile(
    r"^[ \t]*(?:\*[^\s*]|(?:correct answer|right answer|answer|ans|key|solution)[ \t]*[:.=-][ \t]*\(?[A-Ha-h1-8]\)?[.)]?"
    r"[ \t]*\r?$|\(?[A-Ha-h]\)?[ \t]*\r?$)",
    re.IGNORECASE | re.MULTILINE,
)
#: How a question line ends: it asks, introduces its options, or leaves a gap for them to fill.
_QUESTION_ENDS = ("?", ":", "？", "：", "…", "...")
#: Fewest options a question offers.
_FEWEST_OPTIONS = 2
_MOST_OPTIONS = 8


def _runs(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of lines between blank lines."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _split_asking(run: list[Line]) -> list[list[Line]]:
    """A run with no blank line between questions, cut before each line that asks (ends in "?" or ":")
    with two options or more under it."""
    starts = [
        index for index, line in enumerate(run)
        if line.text.rstrip().endswith(_QUESTION_ENDS)
        and (index == 0 or not run[index - 1].text.rstrip().endswith(_QUESTION_ENDS))
    ]
    if len(starts) < 2:
        return [run]
    starts[0] = 0
    bounds = [*starts, len(run)]
    return [run[a:b] for a, b in zip(bounds, bounds[1:])]


def _lettered(body: list[Line]) -> tuple[list[Line], list[str], list[int]] | None:
    """(question lines, options, starred indexes) when options lettered A, B, C… follow the question."""
    first = next((i for i, line in enumerate(body) if i and _LETTERED.match(line.text)), None)
    if first is None:
        return None
    matches = [_LETTERED.match(line.text) for line in body[first:]]
    if any(m is None for m in matches):
        return None
    letters = [(m.group(2) or m.group(3)).lower() for m in matches if m]
    if letters != list("abcdefgh"[: len(letters)]):
        return None
    return body[:first], [m.group(4) for m in matches if m], [k for k, m in enumerate(matches) if m and m.group(1)]


def _unlettered(body: list[Line]) -> tuple[list[Line], list[str], list[int]]:
    """(question lines, options, starred indexes): the question is the lines up to one that asks (else the
    first line), every line under it an option."""
    ends = next((i for i, line in enumerate(body) if line.text.rstrip().endswith(_QUESTION_ENDS)), 0)
    starred = [_STARRED.match(line.text) for line in body[ends + 1 :]]
    options = [m.group(1).strip() if m else line.text.strip() for m, line in zip(starred, body[ends + 1 :])]
    return body[: ends + 1], options, [k for k, m in enumerate(starred) if m]


def _card(block: list[Line]) -> Entry | None:
    """The entry of one question with its options, when the right one is marked or named."""
    key = ""
    body = block
    last = block[-1].text
    named = _ANSWER.match(last) or (len(block) > 3 and _LETTER_ONLY.match(last))
    if named:
        key, body = named.group(1), block[:-1]
    question_lines, options, starred = _lettered(body) or _unlettered(body)
    if not _FEWEST_OPTIONS <= len(options) <= _MOST_OPTIONS:
        return None
    chosen: int | list[int] | None
    if len(key) > 1 and key.isalpha():
        chosen = _letters(key, len(options))
    elif key:
        chosen = chosen_option(key, options)
    elif len(starred) == 1:
        chosen = starred[0]
    else:
        return None
    if chosen is None:
        return None
    question = " ".join(line.text.strip() for line in question_lines)
    question = _NUMBER.sub("", question, count=1).strip()
    if not question:
        return None
    front, back = options_card(question, options, chosen)
    return Entry(front, back, block[0].number, block[-1].number)


def _letters(key: str, count: int) -> list[int] | None:
    """The options several letters name (``AD``), each once and in order; None when they name none of ``count``."""
    indexes = ["abcdefgh".index(letter) for letter in key.lower()]
    if indexes != sorted(set(indexes)) or indexes[-1] >= count:
        return None
    return indexes


def _spaced(runs: list[list[Line]]) -> list[list[Line]]:
    """Runs of lines parted by one blank line joined, blocks parted by two or more: a page copied as text with a
    blank line between a question's options and two between questions."""
    blocks: list[list[Line]] = []
    for run in runs:
        if blocks and run[0].number - blocks[-1][-1].number == 2:
            blocks[-1] = blocks[-1] + run
        else:
            blocks.append(run)
    return blocks


def _under_questions(runs: list[list[Line]]) -> list[list[Line]]:
    """A run that opens with its first option ("A. …") joined to the run above it when that one holds no
    option: its question, which a quiz converted from LaTeX or Word parts from its options by blank lines."""
    blocks: list[list[Line]] = []
    for run in runs:
        first = _LETTERED.match(run[0].text)
        if (blocks and first and (first.group(2) or first.group(3)).lower() == "a"
                and not any(_LETTERED.match(line.text) for line in blocks[-1])):
            blocks[-1] = blocks[-1] + run
        else:
            blocks.append(run)
    return blocks


def _cards(blocks: list[list[Line]]) -> list[Entry]:
    entries = []
    for run in blocks:
        for block in _split_asking(run) if len(run) > _MOST_OPTIONS + 2 else [run]:
            entry = _card(block)
            if entry is not None:
                entries.append(entry)
    return entries


def find(source: Source) -> list[Entry]:
    if not _MAY_CHOOSE.search(source.text, 0, _OPENING):
        return []
    lines = outline(source)
    if any(line.code or heading(line) for line in lines):
        return []  # Markdown quizzes are the quiz layout's
    runs = _under_questions(_runs(lines))
    entries = _cards(runs)
    if "\n\n\n" in source.text:
        spaced = _cards(_spaced(runs))
        if len(spaced) > len(entries):
            return spaced
    return entries


LAYOUT = make_layout(
    NAME,
    "Plain-text multiple-choice questions: options one a line, the right one starred or named (Answer: B)",
    find,
    coverage,
)
