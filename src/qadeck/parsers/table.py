"""Layout ``table``: Markdown tables with a question column and an answer column.

    | Questions | Answers |
    |-----------|---------|
    | **How do I …?** | First this.<br><br>Then <ul><li>that</li></ul> |

The columns are the ones whose header names them (Question(s)/Answer(s), Q/A,
Front/Back, Term/Definition, ...; a named question column with any other
beside it, as ``| Question | Key Points |``), otherwise the first two. A
table of three columns or more keeps every column right of the question
column on the back, each after its header (``**Example:** …``; a named
answer column goes first, unlabelled), so ``| Use Case | Command |
Description |`` loses neither; columns left of the question column (row
numbers, groups) are not part of the card, a ``Tags`` column gives the
card's tags, a ``Topic`` or ``Category`` column (wherever it stands) its section, and a
``Difficulty`` or ``Level`` column the author's level, as a CSV deck's do. Tables that name their question
column make a deck however much prose surrounds them: they score at least
:data:`NAMED_SCORE`, above the prose layout's guesses. A table's header and
delimiter rows are part of what it explains, so a file of tables under their
own headings reads as tables, not as titles over them. HTML in cells is how
tables hold line breaks and lists, so it is turned into Markdown. Each row is
a card, except rows of a table of contents (a link to an ``#anchor``); the
heading above the table is its section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Source
from .entries import Entry, coverage, make_layout
from .headings import asks, bare_title
from .markup import html_to_markdown, inline_text
from .structure import (
    ANSWERING_WORDS, ASKING_WORDS, LETTER, SPACE, Line, LineStart, ends_asking, heading, is_navigation,
    opens_with_title, outline, outline_sections,
)

NAME = "table"

#: A table's delimiter row. No two runs of spaces touch with only an optional mark between them: the
#: engine would try every split of a long run between the two (quadratic).
_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?$|^\s*\|\s*:?-+:?\s*\|\s*$")
#: What opens every line _DELIMITER matches: dashes, a pipe before or after them.
_DELIMITER_START = LineStart(re.compile(rf"^{SPACE}*(?:\|{SPACE}*)?:?-+:?{SPACE}*\|"))
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _as_read(*names: str) -> frozenset[str]:
    """``names`` as written and as :func:`column_names` reads a header cell, letters only: "câu hỏi" is read
    "câuhỏi", Hindi "प्रश्न" loses its vowel signs and joiners, and either way the name is known."""
    return frozenset(names) | frozenset(_NOT_LETTERS.sub("", name.casefold()) for name in names)


#: Column names (letters only, case-folded) for the question and the answer, in the languages flashcard
#: users write headers in most: a header row is no card in German any more than in English.
QUESTION_NAMES = _as_read(*{
    "question", "questions", "q", "front", "prompt", "term", "terms", "ask", "query", *ASKING_WORDS,
    "fragen", "vorderseite", "recto", "preguntas", "anverso", "perguntas", "frente", "domande", "vragen", "voorkant",
    "题目", "题干", "试题", "題目", "試題", "設問", "문제",  # question banks: the item, its stem
})
ANSWER_NAMES = _as_read(*{
    "answer", "answers", "a", "back", "response", "definition", "definitions", "reply", "solution", "meaning",
    "meanings", "explanation",
    *ANSWERING_WORDS, "antworten", "rückseite", "réponses", "verso", "respuestas", "reverso", "respostas",
    "risposte", "antwoorden", "achterkant",
    "参考答案", "正确答案", "标准答案", "參考答案", "正確答案", "解答", "正解", "模範解答", "정답",
})
#: Answer names long enough to end a longer column name ("correctanswer", "правильныйответ").
_ANSWER_TAILS = tuple(name for name in ANSWER_NAMES if len(name) >= 4)
TAG_NAMES = frozenset({"tag", "tags"})
#: Columns naming the group a card belongs to: its section.
SECTION_NAMES = frozenset({
    "category", "categories", "deck", "topic", "subject", "chapter", "unit", "lesson", "section", "group", "theme",
    "kategorie", "categoria", "categoría", "catégorie", "thema", "tema", "thème", "capítulo", "kapitel", "chapitre",
    "stapel",
})
#: The columns a note's table names its rows' group with: in notes a "Unit" or "Group" column is as often a
#: quantity's unit or an element's group, which the back shows.
_GROUP_NAMES = SECTION_NAMES - {"unit", "group"}
#: Columns naming a card's difficulty.
LEVEL_NAMES = frozenset({
    "difficulty", "level", "difficultylevel", "schwierigkeit", "dificultad", "difficulté", "difficolta", "difficoltà",
})
_TAG_SPLIT = re.compile(r"[\s,;]+")


#: Cells that say "nothing here": left off the back rather than shown under their header.
_EMPTY_CELLS = frozenset({"", "-", "--", "—", "–", "n/a", "N/A"})


def column_names(header: Sequence[str]) -> list[str]:
    """Each cell's name as the name sets hold them: its letters, case-folded.

    A cell without a letter names nothing: a row of a hundred thousand empty cells costs no markup pass.
    """
    return [_NOT_LETTERS.sub("", inline_text(cell).casefold()) if LETTER.search(cell) else "" for cell in header]


def is_answer_label(text: str) -> bool:
    """Is ``text`` (a short bold line) only a word that names an answer ("Answer", "Réponse", "답변")?"""
    return len(text) < 24 and column_names([text])[0] in ANSWER_NAMES


def _names_an_answer(name: str) -> bool:
    """Does a column name end in an answer's, after a word before it ("correctanswer", "правильныйответ")?"""
    return len(name) > 4 and name.endswith(_ANSWER_TAILS)


def named_columns(header: Sequence[str], answer_alone: bool = False) -> tuple[int, int] | None:
    """Indexes of the question and answer columns the header names, or None.

    ``answer_alone``: a header naming only the answer column in a word (``Word,Definition``; not
    ``A``, which may be a card's answer) names the question column too: the first other column
    with a name that asks nothing (no ``?``).
    """
    names = column_names(header)
    asks = [i for i, name in enumerate(names) if name in QUESTION_NAMES]
    answers = [i for i, name in enumerate(names) if name in ANSWER_NAMES]
    if asks and not answers and len(names[asks[0]]) == 1:
        return None  # "Q" without an "A" is a variable: "| P | Q | P ∧ Q |" is a truth table
    if asks and not answers:
        # "Correct answer", "Правильный ответ", "To'g'ri javob": a word before the answer's name; the first such
        # column, as a test's table lists the right answer before the wrong ones.
        answers = [i for i, name in enumerate(names) if i not in asks and _names_an_answer(name)][:1]
    if asks and not answers:
        # "| Question | Key Points |": the answer is the next column whatever its name.
        answers = [i for i in range(len(names)) if i != asks[0]][:1]
    if answer_alone and answers and not asks and len(names[answers[0]]) > 1:
        asks = [i for i, name in enumerate(names) if name and i != answers[0]][:1]
        asks = [i for i in asks if "?" not in header[i]]
    return (asks[0], answers[0]) if asks and answers else None


def tag_column(header: Sequence[str], ask: int, answer: int) -> int | None:
    """The index of the column the header names Tag(s), other than the question and answer columns."""
    return named_column(header, TAG_NAMES, ask, answer)


def named_column(header: Sequence[str], wanted: frozenset[str], ask: int, answer: int) -> int | None:
    """The index of the first column the header names one of ``wanted``, other than the question and answer
    columns."""
    return next((i for i, name in enumerate(column_names(header)) if name in wanted and i not in (ask, answer)), None)


def cell_tags(cell: str) -> tuple[str, ...]:
    """A tags cell's tags: split on spaces, commas or semicolons, a leading ``#`` dropped, and the brackets
    and quotes of a list written as JSON (``["GRE", "verbs"]``)."""
    return tuple(tag for part in _TAG_SPLIT.split(inline_text(cell)) if (tag := part.strip("[]\"'").lstrip("#")))


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


def is_table(text: str) -> bool:
    """True when ``text`` is one Markdown table of two rows or more and nothing else."""
    if "|" not in text:
        return False
    rows = [row for row in text.strip().split("\n") if row.strip()]
    return len(rows) >= 4 and bool(_DELIMITER.match(rows[1])) and all("|" in row for row in rows)


def is_delimiter(text: str) -> bool:
    """Is ``text`` a table's delimiter row (``|---|---|``)?"""
    return _DELIMITER.match(text) is not None


def _is_row(line: Line) -> bool:
    return not line.code and "|" in line.text and bool(line.text.strip())


def _entries(source: Source) -> list[Entry]:
    if "|" not in source.text or not _DELIMITER_START.found_in(source.text):
        return []  # no row or no delimiter row, no table
    lines = outline(source)
    titles = outline_sections(source)
    entries: list[Entry] = []
    asked: list[bool] | None = None  # per line, under a heading that asks: told once, at the first unnamed table
    index = 0
    while index + 1 < len(lines):
        header, delimiter = lines[index], lines[index + 1]
        if not (_is_row(header) and not delimiter.code and _DELIMITER.match(delimiter.text)):
            index += 1
            continue
        names = split_row(header.text)
        index += 2
        if len(names) < 2:
            index = _one_column(lines, index, header, titles[index - 2], entries)
            continue
        named = named_columns(names)
        if named is None:
            asked = asked if asked is not None else _under_questions(lines)
            if asked[index - 2]:
                index = _past_rows(lines, index)  # a question heading's answer: "| Feature | X | Y |" compares
                continue
        ask, answer = named or (0, 1)
        back = _back(names, ask, answer)
        tagged = tag_column(names, ask, answer)
        grouped, levelled = (named_column(names, wanted, ask, answer) for wanted in (_GROUP_NAMES, LEVEL_NAMES))
        first = index
        while index < len(lines) and _is_row(lines[index]):
            entry = _entry(lines[index], ask, back, (tagged, grouped, levelled), titles[index])
            if entry:
                entries.append(entry)
            index += 1
        if named is None and (len(back) >= _DATA_COLUMNS and _holds_data(lines[first:index], (ask, *(c for c, _ in back)))
                              or _schedule(names[ask], lines[first:index], ask) or _repeats(lines[first:index], ask)):
            del entries[len(entries) - sum(1 for entry in entries if entry.line >= lines[first].number):]
    return entries


#: What opens a heading that asks for a table as its answer: a comparison, an explanation. Not "How to …" nor
#: "List of …": a guide's and a reference's sections over tables of cards.
_ASKS_FOR_TABLE = re.compile(
    r"(?:explain|compare|contrast|describe|differentiate|distinguish|differences? between|what|why|when)\b",
    re.IGNORECASE)


def _under_questions(lines: Sequence[Line]) -> list[bool]:
    """For each line, is a heading open above it (the nearest or one it sits under; not the document's title)
    one that asks? A table that names no question column there is that question's answer (under "Compare X to
    Y", the features compared), no cards of its own."""
    found = [(i, h) for i, line in enumerate(lines) if (h := heading(line))]
    if opens_with_title([level for _, (level, _) in found]):
        found.pop(0)
    out = [False] * len(lines)
    open_headings: list[tuple[int, bool]] = []  # (level, asks), outermost first
    for at, ((index, (level, text)), following) in enumerate(zip(found, [*found[1:], (len(lines), (0, ""))])):
        while open_headings and open_headings[-1][0] >= level:
            open_headings.pop()
        title = bare_title(inline_text(text))
        open_headings.append((level, ends_asking(title) or _ASKS_FOR_TABLE.match(title) is not None))
        if any(asking for _, asking in open_headings):
            out[index : following[0]] = [True] * (following[0] - index)
    return out


def _past_rows(lines: Sequence[Line], index: int) -> int:
    """The index after the table rows from ``index`` on."""
    while index < len(lines) and _is_row(lines[index]):
        index += 1
    return index


#: Columns on a card's back from which a table of figures is told from one of cards.
_DATA_COLUMNS = 3


#: The periods a study plan is cut into: a first column naming one holds the plan's rows, what to do in each,
#: no cards (so do bold titles naming them in turn, "**Week 1 (…)**").
PERIOD_NAMES = frozenset({"week", "weeks", "day", "days", "month", "months", "sprint", "phase", "session"})


def _schedule(name: str, rows: Sequence[Line], ask: int) -> bool:
    """Is a table a plan (``| Week | Focus | Deliverables |``): its question column named a period, each of its
    cells numbering one ("1", "**2**", "Days 3-4")?"""
    if column_names([name])[0] not in PERIOD_NAMES:
        return False  # most tables
    cells = [cells[ask] if ask < len(cells) else "" for cells in map(split_row, (row.text for row in rows))]
    return bool(cells) and all(any(map(str.isdigit, cell)) for cell in cells)


def _holds_data(rows: Sequence[Line], columns: Sequence[int]) -> bool:
    """Is a table mostly figures (counts, dates, percentages: a report's statistics), no cards' text? Three
    cells in five of the ``columns`` a card would show hold more digits than letters (an element's table,
    "Hydrogen | H | 1 | 1.008", holds half; a country's, "France | Paris | 68M | 551,695 km²", too)."""
    shown = [cells[column].strip() for cells in map(split_row, (row.text for row in rows))
             for column in columns if column < len(cells) and cells[column].strip()]
    figures = sum(1 for cell in shown if sum(map(str.isdigit, cell)) > sum(map(str.isalpha, cell)))
    return bool(shown) and figures * 5 >= len(shown) * 3


def _repeats(rows: Sequence[Line], ask: int) -> bool:
    """Do a table's question cells repeat, four rows or more holding two values or fewer (a truth table's
    "True"/"False", a grid's "Yes"/"No")? A card's question is its own; the same few values down a column
    are a table's data."""
    if len(rows) < 4:
        return False
    cells = {inline_text(cells[ask]).strip().casefold() if ask < len(cells) else ""
             for cells in map(split_row, (row.text for row in rows))}
    return len(cells) <= 2


def _one_column(lines: list[Line], index: int, header: Line, section: str, entries: list[Entry]) -> int:
    """Read a table of one column from its first row at ``index``: a header that asks is a card, its rows the
    answer (the card style a note-taker boxes in a table). The index after the table."""
    rows = []
    while index < len(lines) and _is_row(lines[index]):
        rows.append(lines[index])
        index += 1
    cells = split_row(header.text)
    question = inline_text(cells[0]) if cells else ""
    if rows and question and asks(question):
        answer = "\n".join(html_to_markdown(" ".join(split_row(row.text))).strip() for row in rows).strip()
        if answer:
            entries.append(Entry(question, answer, header.number, rows[-1].number, section))
    return index


def _back(header: Sequence[str], ask: int, answer: int) -> tuple[tuple[int, str], ...]:
    """The columns a card's back shows, in order, each with the label it is shown under ("" for none)."""
    names = column_names(header)
    # A test's table names its right answer ("Correct answer") and then its wrong ones ("Other answer"): those
    # are no part of the back.
    qualified = answer < len(names) and names[answer] not in ANSWER_NAMES and _names_an_answer(names[answer])
    # Tags, a group (the card's section) and a level (the author's difficulty) are no text of the back.
    extra = [i for i in range(ask + 1, len(header))
             if i != answer and names[i] not in TAG_NAMES | _GROUP_NAMES | LEVEL_NAMES
             and not (qualified and _names_an_answer(names[i]))]
    if not extra:
        return ((answer, ""),)  # two columns: the answer alone, as written
    labels = {i: inline_text(header[i]) for i in (answer, *extra)}
    if answer < len(names) and (names[answer] in ANSWER_NAMES or qualified):
        labels[answer] = ""  # "Definition", "Correct answer" say what the back is already
    return tuple((i, labels[i]) for i in (answer, *extra))


def _entry(line: Line, ask: int, back: Sequence[tuple[int, str]], named: tuple[int | None, int | None, int | None],
           section: str) -> Entry | None:
    """The card of a row; ``named``: the columns of its tags, its group and its level (None for none)."""
    cells = split_row(line.text)
    question = inline_text(cells[ask]) if ask < len(cells) else ""
    if not question or is_navigation(html_to_markdown(cells[ask])):
        return None  # a table of contents row links to a section, it asks nothing
    texts = [(label, html_to_markdown(cells[column]).strip() if column < len(cells) else "") for column, label in back]
    tagged, grouped, levelled = (cells[i] if i is not None and i < len(cells) else "" for i in named)
    tags = (*cell_tags(tagged), *level_tag(levelled)) if tagged or levelled else ()
    return Entry(question, joined_back(texts), line.number, line.number, inline_text(grouped).strip() or section,
                 tags=tags)


def level_tag(cell: str) -> tuple[str, ...]:
    """The ``difficulty/…`` tag of a level column's cell (one word: "Easy"), read as the author's level; () for
    none."""
    level = inline_text(cell).casefold()
    return (f"difficulty/{level}",) if level and " " not in level else ()


def joined_back(texts: Sequence[tuple[str, str]]) -> str:
    """A card's back from (label, Markdown) pieces: each after its bold label ("" for none); of several,
    the empty ones ("-", "n/a") left off."""
    parts = []
    for label, text in texts:
        if len(texts) > 1 and text in _EMPTY_CELLS:
            continue
        parts.append(f"**{label}:**" + ("\n\n" if "\n" in text else " ") + text if label else text)
    return "\n\n".join(parts)


#: The score of a file whose tables name their question column, however much prose surrounds them:
#: above the prose layout's guesses, below any layout that explains more of the file.
NAMED_SCORE = 0.35


def _frames(source: Source, entries: Sequence[Entry]) -> set[int]:
    """Numbers of the header and delimiter rows above each table's first card."""
    lines = outline(source)
    first = lines[0].number if lines else 1  # outline leaves front matter out: positions are numbers shifted
    frames: set[int] = set()
    for entry in entries:
        position = entry.line - first
        if 2 <= position < len(lines) and _DELIMITER.match(lines[position - 1].text) and not lines[position - 1].code:
            frames.update((entry.line - 1, entry.line - 2))
    return frames


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage (table frames included), raised to :data:`NAMED_SCORE` when two rows or more sit under
    headers naming a question column."""
    score = coverage(source, entries, also=_frames(source, entries))
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
