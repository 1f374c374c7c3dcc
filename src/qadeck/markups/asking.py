"""Questions answered by the block inside or right after them, as the ``prefixed`` layout's marks: how LaTeX's and
Typst's exercise sheets hold their Q&A (an ``exercise`` environment then its ``solution``, ``#problem[…]`` then
``#proof[…]``).

A markup's reader finds its :class:`Block` s and says which names ask and which answer; :func:`pair` writes, by
line, ``Q:`` where a question answered that way opens and ``A:`` where its answer does (the prefixed layout takes a
question however it is phrased), and, once the file pairs one, ``Q: text`` on one line for a question nothing
answers (an unanswered question, not a line of the answer above it). It also returns the lines the questions hold:
in such a file the text outside them is no card's. Every line keeps its place.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from dataclasses import dataclass

#: How far an argument may run before it is taken for an unclosed bracket (a damaged file) and left alone.
ARGUMENT_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class Block:
    """Where one block is in the text (offsets)."""

    name: str
    begin: int  # where it opens: ``\\begin{name}``, ``#name``
    opened: int  # where its text starts
    end: int  # where its text ends
    closed: int  # just past its close


class Lines:
    """A text and where its lines start, to tell an offset's line."""

    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines)
        self.starts = [0]
        for line in lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def row(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, row: int) -> int:
        return self.starts[row + 1] - 1


def pair(lines: Lines, blocks: list[Block], asking: Collection[str], answering: Collection[str],
         quiet: Callable[[str], bool], plain: Callable[[str], str], marked: dict[int, str]) -> set[int]:
    """Mark (in ``marked``, by line) each asking block answered by the answering block inside it or after it
    with only ``quiet`` text between, and the unanswered ones once one is answered; the lines they hold.
    ``plain`` is an unanswered question's text without its markup's structure (list items, nested blocks)."""
    row, text = lines.row, lines.text
    answers = [block for block in blocks if block.name in answering]
    taken: set[int] = set()
    asked: set[int] = set()
    held: set[int] = set()
    outer = 0  # where the last answered question ends: the blocks inside it are its own
    for block in blocks:
        if block.name not in asking or block.begin < outer:
            continue
        answer = next((found for found in answers if found.begin > block.begin and found.begin not in taken
                       and (found.begin < block.end or quiet(text[block.closed : found.begin]))), None)
        if answer is None or row(answer.begin) == row(block.begin) or row(block.begin) in marked:
            continue
        taken.add(answer.begin)
        asked.add(block.begin)
        outer = max(block.closed, answer.closed)
        _mark_side(lines, block, "Q:", marked)
        _mark_side(lines, answer, "A:", marked)
        held.update(range(row(block.begin), row(max(block.end, answer.end)) + 1))
    if asked:
        for block in blocks:
            if block.name in asking and block.begin not in asked and _mark_unanswered(
                    lines, block, plain, marked):
                held.update(range(row(block.begin), row(block.end) + 1))
    return held


def _mark_side(lines: Lines, block: Block, mark: str, marked: dict[int, str]) -> None:
    """``mark`` and the rest of the line where ``block`` opens, past its options and title."""
    _, after = arguments(lines.text, block.opened, block.end)
    first, last = lines.row(block.begin), lines.row(after)
    rest = lines.text[after : min(lines.line_end(last), block.end)].strip()
    marked[first] = f"{mark} {rest}".rstrip()
    for between in range(first + 1, last + 1):
        marked[between] = ""
    if last != first and rest:
        marked[first], marked[last] = mark, rest


def _mark_unanswered(lines: Lines, block: Block, plain: Callable[[str], str], marked: dict[int, str]) -> bool:
    """An asking block no answer follows as one ``Q:`` line of its text, the lines it ran over blank; one whose
    argument holds its question (a FAQ entry, its body the answer) or inside a card stays as it is."""
    groups, after = arguments(lines.text, block.opened, block.end)
    first, last = lines.row(block.begin), lines.row(block.end)
    if any(bracket == "{" for bracket, _ in groups) or any(line in marked for line in range(first, last + 1)):
        return False
    marked[first] = f"Q: {' '.join(plain(lines.text[after : block.end]).split())}"
    for line in range(first + 1, last + 1):
        marked[line] = ""
    return True


def arguments(text: str, at: int, limit: int) -> tuple[list[tuple[str, str]], int]:
    """The ``[…]`` and ``{…}`` groups right after ``at`` (spaces between them), each (its opening bracket, its
    text), and the offset past them. A group not closed before ``limit`` ends them."""
    groups: list[tuple[str, str]] = []
    while True:
        opening = at
        while opening < limit and text[opening] in " \t":
            opening += 1
        if opening >= limit or text[opening] not in "[{":
            return groups, at
        closing = group_end(text, opening, min(limit, opening + ARGUMENT_LIMIT))
        if closing is None:
            return groups, at
        groups.append((text[opening], text[opening + 1 : closing - 1]))
        at = closing


def group_end(text: str, at: int, limit: int, math: bool = False) -> int | None:
    """The offset past the group opening at ``at`` (``[``, ``{`` or ``(``; groups nested in it, escaped
    brackets, with ``math`` brackets between ``$`` signs too: ``$[0, 1)$``), or None when it is not closed
    before ``limit``."""
    opening = text[at]
    closing = {"[": "]", "{": "}", "(": ")"}[opening]
    depth = 0
    index = at
    while index < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if math and char == "$":
            shut = text.find("$", index + 1, limit)
            index = index + 1 if shut < 0 else shut + 1
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None
