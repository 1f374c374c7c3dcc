"""Layout ``table``: Markdown tables with a question column and an answer column.

    | Questions | Answers |
    |-----------|---------|
    | **How do I …?** | First this.<br><br>Then <ul><li>that</li></ul> |

The columns are the ones whose header names them (Question(s)/Answer(s), Q/A,
Front/Back, Term/Definition, ...; a named question column with any other
beside it, as ``| Question | Key Points |``), otherwise the first two. Tables
that name their question column make a deck however much prose surrounds
them: they score at least :data:`NAMED_SCORE`, above the prose layout's guesses. HTML in cells is
how tables hold line breaks and lists, so it is turned into Markdown. Each
row is a card, except rows of a table of contents (a link to an ``#anchor``);
the heading above the table is its section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Source
from .entries import Entry, coverage, make_layout
from .markup import html_to_markdown, inline_text
from .structure import Line, is_navigation, outline, outline_sections

NAME = "table"

#: A table's delimiter row. No two runs of spaces touch with only an optional mark between them: the
#: engine would try every split of a long run between the two (quadratic).
_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?$|^\s*\|\s*:?-+:?\s*\|\s*$")
_LETTER = re.compile("[a-z]", re.IGNORECASE)
QUESTION_NAMES = frozenset({"question", "questions", "q", "front", "prompt", "term", "ask", "query"})
ANSWER_NAMES = frozenset({"answer", "answers", "a", "back", "response", "definition", "reply", "solution"})


def named_columns(header: Sequence[str]) -> tuple[int, int] | None:
    """Indexes of the question and answer columns the header names, or None."""
    # A cell without a letter names nothing: a row of a hundred thousand empty cells costs no markup pass.
    names = [re.sub(r"[^a-z]", "", inline_text(cell).lower()) if _LETTER.search(cell) else "" for cell in header]
    asks = [i for i, name in enumerate(names) if name in QUESTION_NAMES]
    answers = [i for i, name in enumerate(names) if name in ANSWER_NAMES]
    if asks and not answers:
        # "| Question | Key Points |": the answer is the next column whatever its name.
        answers = [i for i in range(len(names)) if i != asks[0]][:1]
    return (asks[0], answers[0]) if asks and answers else None


def split_row(text: str) -> list[str]:
    """The cells of a table row; ``\\|`` and pipes inside `code` do not split."""
    row = text.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells: list[str] = []
    current: list[str] = []
    ticks = 0
    i = 0
    while i < len(row):
        char = row[i]
        if char == "`":
            run = len(row[i:]) - len(row[i:].lstrip("`"))
            ticks = 0 if ticks == run else (ticks or run)
            current.append("`" * run)
            i += run
            continue
        if char == "\\" and row[i + 1 : i + 2] == "|":
            current.append("|")
            i += 2
            continue
        if char == "|" and not ticks:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        i += 1
    cells.append("".join(current).strip())
    return cells


def _is_row(line: Line) -> bool:
    return not line.code and "|" in line.text and bool(line.text.strip())


def _entries(source: Source) -> list[Entry]:
    if "|" not in source.text:
        return []  # no row, no table
    lines = outline(source)
    titles = outline_sections(source)
    entries: list[Entry] = []
    index = 0
    while index + 1 < len(lines):
        header, delimiter = lines[index], lines[index + 1]
        if not (_is_row(header) and not delimiter.code and _DELIMITER.match(delimiter.text)):
            index += 1
            continue
        names = split_row(header.text)
        index += 2
        if len(names) < 2:
            continue
        ask, answer = named_columns(names) or (0, 1)
        while index < len(lines) and _is_row(lines[index]):
            entry = _entry(lines[index], ask, answer, titles[index])
            if entry:
                entries.append(entry)
            index += 1
    return entries


def _entry(line: Line, ask: int, answer: int, section: str) -> Entry | None:
    cells = split_row(line.text) + ["", ""]
    question = inline_text(cells[ask])
    if not question or is_navigation(html_to_markdown(cells[ask])):
        return None  # a table of contents row links to a section, it asks nothing
    text = html_to_markdown(cells[answer]).strip()
    return Entry(question, text, line.number, line.number, section)


#: The score of a file whose tables name their question column, however much prose surrounds them:
#: above the prose layout's guesses, below any layout that explains more of the file.
NAMED_SCORE = 0.35


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage, raised to :data:`NAMED_SCORE` when two rows or more sit under headers naming a question column."""
    score = coverage(source, entries)
    if score >= NAMED_SCORE or len(entries) < 2:
        return score
    lines = outline(source)
    named = sum(
        1
        for index in range(len(lines) - 1)
        if _is_row(lines[index]) and _DELIMITER.match(lines[index + 1].text) and not lines[index + 1].code
        and named_columns(split_row(lines[index].text)) is not None
    )
    return NAMED_SCORE if named else score


LAYOUT = make_layout(
    NAME,
    "Markdown tables with question and answer columns (Q/A, Front/Back, ...)",
    _entries,
    _score,
)
