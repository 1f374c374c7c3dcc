"""Layout ``csv``: flashcard decks kept as CSV, TSV or a spreadsheet, one card a row.

    front,back,tags
    "What is PCA?","Dimensionality reduction
    along directions of largest variance",pca

The delimiter is sniffed among comma, semicolon and TAB, and a pipe in a ``.csv`` (and whether a space
follows it: ``question, "answer, with commas"``). A header row that names a
question and an answer column (Front/Back, Question/Answer, Q/A, ...; any
case, several languages) picks those columns, and its other names give the
rest of a card (:mod:`.columns`: further columns on the back under their
names, tags, section, difficulty, multiple-choice options; ids and timestamps
left out); one-cell title rows above it are no cards, nor is a row under it
that says what each column holds. Quiz templates (a question, option columns,
a column naming the right options by number, letter or text, ``1,3`` for
several; or the right option's text beside wrong ones) give one card a
question, its options on the front; rows of a template left empty (a number
alone) are read and make none, and rows with no header that read as such a
template's (a question, options, a last cell naming the right ones) are read
so too. Any file whose first
row is such a header is read as CSV (a tab-separated ``.txt`` as Excel or
Quizlet export it); without one, every row of a ``.csv``/``.tsv`` is a card
made of its first two columns. Quoted fields may span lines; a card's lines
are the file lines its row spans. Cells often hold Anki's HTML, which
becomes Markdown (a question that is only a picture keeps the picture).
Anki's own text export opens with ``#separator:tab``-style lines: they give
the delimiter and the columns, say which columns are no fields (guid, note
type, deck, tags), which holds the tags and which the deck (the section),
whether fields are HTML (``#html:false``: a ``<b>`` in them is text), and
the tags and deck of every note (``#tags:``, ``#deck:``). A note app's export of a database (Notion's,
named after the database and its id) always opens with its columns' names: when they name no question and
answer (a table of pros and cons, a list of meetings) it is no deck, and its rows make no cards. Without those
lines, a whole collection's export holds rows of several widths (each note
type's fields, then the tags), still one deck. A first field holding Anki's
deletions is a Cloze note's, its second the Back Extra; a back exported as
Anki shows it (the question again, then ``<hr id=answer>``) is what follows
the rule.
A spreadsheet is each of its sheets read as such a file, the sheet's name
its section and a card's lines its sheet row.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from html import escape
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from .. import cloze
from ..model import Finding, ParseResult, Source
from ..naming import plain_name
from .columns import TYPED, Columns, chosen_options, counted, describes, header_columns, lettered, marked, quiz_columns
from .options import options_card
from .entries import Entry, coverage, make_layout
from .markup import html_to_markdown, inline_text
from .structure import LIST_NUMBER
from .table import cell_tags, joined_back, level_tag

NAME = "csv"

DELIMITERS = ",;\t"
#: Files that say they are delimited; any other file must also have a header to be read as CSV.
SUFFIXES = frozenset({".csv", ".tsv", ".tab"})
#: Spreadsheets, read as tab-separated rows (:mod:`qadeck.markups.sheets`); in a workbook of several sheets each
#: sheet opens with a line that opens with :data:`SHEET`, the rest of it the sheet's section.
SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods", ".ots", ".fods", ".sxc"})
SHEET = "\f"
_ANKI_LINE = re.compile(r"^#([a-z][a-z ]*):(.*)$")
_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}
#: Anki columns that are no note fields.
_ANKI_META = ("guid", "notetype", "deck", "tags")


@dataclass(frozen=True, slots=True)
class AnkiHeader:
    """What the ``#key:value`` lines opening an Anki text export say about the file."""

    #: How many lines the header takes (0: no header).
    lines: int = 0
    separator: str | None = None
    columns: tuple[str, ...] = ()
    #: 0-based columns holding a guid, note type, deck or tags rather than a field.
    meta: frozenset[int] = frozenset()
    #: The 0-based column holding the note's tags (None: no such column).
    tags: int | None = None
    #: The 0-based column holding the note's deck (None: no such column).
    deck: int | None = None
    #: False when the export says its fields are plain text (``#html:false``): a ``<b>`` in them is text.
    html: bool = True
    #: Tags every note gets (``#tags:a b``), and the deck every note goes to (``#deck:``) where no column says.
    all_tags: tuple[str, ...] = ()
    all_deck: str = ""


#: Blank lines ending in a newline (a lone carriage return ends a line for the csv reader: not skipped).
_LEADING_BLANK_LINES = re.compile(r"(?:[^\S\r\n]*+\r?\n)*+")


def lazy_lines(text: str, keepends: bool = False) -> Iterator[str]:
    """``text.split("\\n")`` one line at a time (``keepends``: as iterating ``io.StringIO(text)`` gives them).

    A reader that stops after a line or two then costs a line or two, not a
    split (or a copy) of the whole file: detection asks every file whether it
    opens like a CSV deck, and most do not.
    """
    start, keep = 0, int(keepends)
    while (end := text.find("\n", start)) >= 0:
        yield text[start : end + keep]
        start = end + 1
    if start < len(text) or not keepends:
        yield text[start:]


def anki_header(text: str) -> AnkiHeader:
    values: dict[str, str] = {}
    count = 0
    for line in lazy_lines(text):
        match = _ANKI_LINE.match(line)
        if not match:
            break
        values[match.group(1).strip()] = match.group(2).strip()
        count += 1
    separator = values.get("separator")
    separator = _ANKI_SEPARATORS.get(separator.lower(), separator) if separator else None
    columns = tuple(values["columns"].split(separator or "\t")) if "columns" in values else ()
    meta = {int(values[f"{name} column"]) - 1 for name in _ANKI_META if values.get(f"{name} column", "").isdigit()}
    html = values.get("html", "").lower() != "false"
    every = tuple(values.get("tags", "").split())
    return AnkiHeader(count, separator, columns, frozenset(meta), _column(values, "tags"), _column(values, "deck"), html,
                      every, values.get("deck", ""))


def _column(values: dict[str, str], name: str) -> int | None:
    """The 0-based column ``#<name> column:N`` names (None: none)."""
    number = values.get(f"{name} column", "")
    return int(number) - 1 if number.isdigit() and int(number) else None


def delimiter(source: Source, sample: str) -> tuple[str, bool]:
    """The delimiter the text uses and whether a space follows it: sniffed, else TAB for ``.tsv``, else comma.

    A file that says it is delimited (``.csv``) may use a pipe too, as flashcard scripts write ``front|back``
    where commas are the answers' own; in other files a pipe is a Markdown table's."""
    suffix = source.path.suffix.lower()
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS + "|" if suffix in SUFFIXES else DELIMITERS)
    except csv.Error:
        return ("\t" if suffix in (".tsv", ".tab") else ","), False
    return dialect.delimiter, dialect.skipinitialspace


def rows(
    source: Source, header: AnkiHeader, limit: int | None = None, separator: str | None = None
) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of every non-empty row below the header (the first ``limit``).

    The separator is the one given, else the header's, else the sniffed one.
    """
    text = "\n".join(source.text.split("\n")[header.lines :]) if header.lines else source.text
    spaced = False
    if not (separator := separator or header.separator):
        separator, spaced = delimiter(source, "\n".join(text.split("\n", 50)[:50]))
    # Blank lines before the first row hold no row: passed over at C speed, not row by row.
    skip = _LEADING_BLANK_LINES.match(text).end()  # type: ignore[union-attr]  # it matches "" at least
    first = header.lines + text.count("\n", 0, skip)
    text = text[skip:]
    # The first row alone (detection's question): read lazily, as the whole file's copy would cost more.
    lines = io.StringIO(text) if limit is None else lazy_lines(text, keepends=True)
    reader = csv.reader(lines, delimiter=separator, skipinitialspace=spaced)
    out: list[tuple[int, int, list[str]]] = []
    end = first
    try:
        for cells in reader:
            start, end = end + 1, first + reader.line_num
            if any(cell.strip() for cell in cells):
                out.append((start, end, cells))
                if len(out) == limit:
                    break
    except csv.Error:
        pass  # a broken quote: keep the rows read so far
    return out


def _entries(source: Source) -> list[Entry]:
    if source.path.suffix.lower() in SHEET_SUFFIXES:
        return [entry for section, text in split_sheets(source.text)
                for entry in _table(Source(source.path, text, source.encoding), AnkiHeader(separator="\t"), True,
                                    section)]
    header = anki_header(source.text)
    delimited = source.path.suffix.lower() in SUFFIXES
    categories: list[tuple[int, str]] = []
    if source.text.startswith(CATEGORY) or "\n" + CATEGORY in source.text:
        categories, source = _categories(source)
    # Only a header row naming the columns makes another file CSV (read that row before the rest), or
    # rows of TAB-separated cells, as Anki's plain-text export writes them without its header lines.
    if not header.lines and not delimited and not _names_columns(source, header):
        if not _tab_rows(source):
            return []
        header, delimited = AnkiHeader(separator="\t"), True
    if not source.text.isascii() and PLECO_MARKS.search(source.text):  # isascii: one quick pass at C speed
        source = replace(source, text=PLECO_MARKS.sub(lambda m: _PLECO_HTML[m.group()], source.text))
    entries = _table(source, header, delimited, words=True if categories else None)
    return _under_categories(entries, categories) if categories else entries


#: A line opening with this names the category (the section) of the rows below it, its parts split by ``/``: how
#: Pleco's flashcard files group cards (``//HSK 3/Lesson 1``), whose rows are ``headword<TAB>pinyin<TAB>definition``.
CATEGORY = "//"
#: Pleco's own marks inside a cell (characters of Unicode's private use area): a line break, bold on and off;
#: others of its marks (colours) are left out.
PLECO_MARKS = re.compile("[\ueab0-\ueabf]")
_PLECO_HTML = {"\ueab1": "<br>", "\ueab2": "<b>", "\ueab3": "</b>"}
_PLECO_HTML.update({chr(code): "" for code in range(0xEAB0, 0xEAC0) if chr(code) not in _PLECO_HTML})


def _categories(source: Source) -> tuple[list[tuple[int, str]], Source]:
    """(line, section) of each category line, and the text with those lines left blank (the rows keep their
    line numbers); no categories when the lines opening with ``//`` are not a table's (a program's comments)."""
    lines = source.text.split("\n")
    found = [(number, line) for number, line in enumerate(lines, 1) if line.startswith(CATEGORY)]
    tabbed = sum(1 for line in lines if "\t" in line)
    if not tabbed or tabbed < len(found):
        return [], source
    for number, _ in found:
        lines[number - 1] = ""
    categories = [(number, "::".join(part.strip() for part in line[len(CATEGORY):].split("/") if part.strip()))
                  for number, line in found]
    return categories, replace(source, text="\n".join(lines))


def _under_categories(entries: list[Entry], categories: list[tuple[int, str]]) -> list[Entry]:
    """The entries, each under the last category line above it."""
    starts = [number for number, _ in categories]
    out = []
    for entry in entries:
        at = bisect.bisect_right(starts, entry.line) - 1
        out.append(replace(entry, section=categories[at][1]) if at >= 0 and categories[at][1] else entry)
    return out


#: Share of the rows of a text without a header that must have the same number of TAB-separated cells.
CONSISTENT = 0.8


def _tab_rows(source: Source) -> bool:
    """True when the text's rows are TAB-separated cells, two at least, most rows as many (2 rows at least)."""
    text = source.text
    start = _LEADING_BLANK_LINES.match(text).end()  # type: ignore[union-attr]  # it matches "" at least
    end = text.find("\n", start)
    if "\t" not in text[start : end if end >= 0 else len(text)]:
        return False  # a table's first row holds the separator: most files fail here
    found = rows(source, AnkiHeader(separator="\t"))
    widths = [len(cells) for _, _, cells in found]
    common = max(set(widths), key=widths.count, default=0)
    if len(found) < 2 or common < 2:
        return False
    firsts = [cells[0].strip() for _, _, cells in found]
    if widths.count(common) < CONSISTENT * len(found) and not _mixed_notes(widths, firsts):
        return False
    if all(LIST_NUMBER.fullmatch(first) for first in firsts):
        return False  # numbers before a TAB: a numbered list as a word processor writes one, not a deck
    # The same few words in the first cell again and again are labels ("Q:", "A:"), not questions.
    return len(set(firsts)) * 2 > len(found)


#: Share of the rows of a text of rows of several widths that must each hold a filled first cell and a second.
MIXED = 0.98


def _mixed_notes(widths: list[int], firsts: list[str]) -> bool:
    """True when rows of several widths are notes of several note types, as Anki's plain-text export of a whole
    collection writes them (each type's fields, then its tags): nearly every row a filled first field and a
    second cell. Tab-indented lines open with an empty cell and prose holds a TAB here and there: neither."""
    held = sum(1 for width, first in zip(widths, firsts) if width >= 2 and first)
    return held >= MIXED * len(widths)


def _table(source: Source, header: AnkiHeader, delimited: bool, section: str = "",
           words: bool | None = False) -> list[Entry]:
    """The entries of one table of rows (a CSV file, a sheet), under ``section`` (else the export's deck);
    ``delimited``: the text is a table whether or not a header row names its columns (else it must);
    ``words``: rows with no header are a word, its reading and its meaning (None: when they look it)."""
    section = section or header.all_deck
    found = rows(source, header)
    if not header.columns:
        found = _below_titles(_named_places(found))
    if not found:
        return []
    if _DECK_CARD_MARK in source.text and (decks := _deck_cards(found)) is not None:
        return decks
    fields = [i for i in range(max(len(cells) for _, _, cells in found)) if i not in header.meta]
    if len(fields) < 2:
        return []
    named = header_columns(header.columns or found[0][2], header.meta)
    if named is not None and not header.columns and len(found) > 1 and counted(found[0][2], found[1][2]):
        named = None  # "Question 1, Answer 1" over "Question 2, Answer 2": the rows of a numbered deck, no header
    if named is None and not header.lines and not delimited:
        return []
    if named is None and not header.lines and _database_export(source):
        return []  # a note app's database (Notion's): its first row names its columns, none a question and an answer
    quiz = None if header.columns else quiz_columns([cells for _, _, cells in found])
    if quiz is not None and named is not None and chosen_options(*_key_and_options(quiz, found[0][2])):
        named = None  # the first row is a question of the quiz, however its words read as names
    if named is not None and not header.columns:
        # the header row, and a row under it that says what each column holds
        found = found[2:] if len(found) > 1 and describes(found[0][2], found[1][2], named.ask) else found[1:]
    columns = named or quiz or _unnamed(found, fields, words)
    tagged = header.tags if header.tags is not None else columns.tags
    grouped = columns.section if columns.section is not None else header.deck
    ask, answer = columns.ask, columns.answer
    plain = not (columns.back or columns.options or columns.wrong or columns.choices is not None
                 or columns.level is not None)
    width = max(ask, answer) + 1
    entries: list[Entry] = []
    for first, last, cells in found:
        if not header.html:
            cells = [escape(cell, quote=False) for cell in cells]  # read as HTML, it reads as the text it is
        padded = cells if len(cells) >= width else cells + [""] * width
        question = inline_text(padded[ask]) or _picture(padded[ask])
        if not question:
            continue
        back = html_to_markdown(_answer_side(padded[answer])).strip()
        tags = cell_tags(cells[tagged]) if tagged is not None and tagged < len(cells) else ()
        group = inline_text(cells[grouped]) if grouped is not None and grouped < len(cells) else ""
        if not plain:
            question, back, tags = _card(columns, cells, question, back, tags, named is not None)
        if header.all_tags:
            tags = (*tags, *header.all_tags)
        # Anki's deletions in the first field: a Cloze note, its second field the Back Extra under the card.
        kind = "cloze" if "{{c" in question and cloze.ANKI.search(question) else "basic"
        entries.append(Entry(question, back, first, last, group or section, kind, tags=tags))
    return entries


#: The rule Anki's card templates draw between a card's question, repeated on its back (``{{FrontSide}}``), and
#: its answer.
_ANSWER_RULE = re.compile(r"<hr\b[^>]*?\bid\s*=\s*[\"']?answer\b[^>]*>", re.IGNORECASE)


def _answer_side(cell: str) -> str:
    """The cell after Anki's answer rule, where there is one: a card exported as it shows (Anki's "Cards in Plain
    Text") holds its question again above the rule on its back, as Anki shows it; Anki's own export drops it."""
    if "<hr" not in cell and "<HR" not in cell:
        return cell
    rule = None
    for rule in _ANSWER_RULE.finditer(cell):
        pass
    return cell[rule.end():] if rule else cell


#: Tinycards' data export (``decks.csv``): a row a deck (``name``, ``description``, …) whose ``cards`` cell holds the
#: deck's cards as Markdown, each a ``### Card N`` heading, a ``Front`` line and a ``Back`` line each followed by
#: that side's facts as ``* `` items.
_DECK_CARD_MARK = "### Card "
_DECK_CARD = re.compile(r"^### Card \d+[ \t]*$", re.MULTILINE)
_SIDES = ("front", "back")


def _deck_cards(found: list[tuple[int, int, list[str]]]) -> list[Entry] | None:
    """The cards of a table whose header names a ``cards`` column holding each deck's cards (None: no such
    table), each under its deck's name."""
    header = [inline_text(cell).casefold() for cell in found[0][2]]
    if "cards" not in header:
        return None
    column = header.index("cards")
    named = header.index("name") if "name" in header else None
    entries: list[Entry] = []
    for first, last, cells in found[1:]:
        if column >= len(cells) or not _DECK_CARD.search(cells[column]):
            continue
        deck = inline_text(cells[named]) if named is not None and named < len(cells) else ""
        line = first + sum(cell.count("\n") for cell in cells[:column])  # where the cell starts
        cell = cells[column]
        marks = list(_DECK_CARD.finditer(cell))
        for mark, end in zip(marks, [*(m.start() for m in marks[1:]), len(cell)]):
            sides: dict[str, list[str]] = {}
            side = None
            for text in cell[mark.end():end].split("\n"):
                text = text.strip()
                if text.casefold() in _SIDES:
                    side = sides.setdefault(text.casefold(), [])
                elif side is not None and text:
                    side.append(text[2:] if text.startswith(("* ", "- ")) else text)
            question = inline_text(" / ".join(sides.get("front", [])))
            if question:
                start = line + cell.count("\n", 0, mark.start())
                back = "\n".join(html_to_markdown(fact).strip() for fact in sides.get("back", []))
                span = cell[mark.start():end].rstrip().count("\n")
                entries.append(Entry(question, back, start, min(last, start + span), deck))
    return entries or None


#: A character of Chinese, Japanese or Korean writing.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _unnamed(found: list[tuple[int, int, list[str]]], fields: list[int], words: bool | None) -> Columns:
    """The columns of rows no header names: the first two; and a vocabulary list's third on the back after the
    second: a word, its reading, its meaning (Pleco's ``headword<TAB>pinyin<TAB>definition``), told by its
    category lines or by a first column written in Chinese, Japanese or Korean with a third cell filled."""
    if len(fields) > 2 and (words or words is None and _readings(found, fields)):
        return Columns(fields[0], fields[1], back=((fields[2], ""),))
    return Columns(fields[0], fields[1])


def _readings(found: list[tuple[int, int, list[str]]], fields: list[int]) -> bool:
    """Do most rows hold a word in Chinese, Japanese or Korean writing, then two cells more?"""
    ask, third = fields[0], fields[2]
    held = sum(1 for _, _, cells in found
               if len(cells) > third and cells[third].strip() and _CJK.search(cells[ask]))
    return held >= CONSISTENT * len(found)


def _key_and_options(columns: Columns, cells: list[str]) -> tuple[str, list[str]]:
    """A row's cell naming the right options, and its options' cells."""
    def cell(index: int) -> str:
        return cells[index] if index < len(cells) else ""
    return cell(columns.answer), [cell(i) for i in columns.options]


def _picture(cell: str) -> str:
    """A cell that is only a picture (an ``<img>``, as Anki's image cards are) as Markdown, else ""."""
    return html_to_markdown(cell).strip() if "<img" in cell.lower() else ""




def _card(columns: Columns, cells: list[str], question: str, answer: str,
          tags: tuple[str, ...], named: bool = False) -> tuple[str, str, tuple[str, ...]]:
    """(question, answer, tags) of a row whose header names more than a question and an answer: the
    options on the front and the chosen one as the answer, further columns after it, the level a tag;
    ``named``: a header row named the columns (then an empty answer cell leaves the row unanswered)."""
    def cell(index: int) -> str:
        return cells[index] if index < len(cells) else ""

    options = [cell(i) for i in columns.options] if columns.choices is None else lettered(cell(columns.choices))
    if columns.wrong and answer and (wrong := [inline_text(cell(i)) for i in columns.wrong if cell(i).strip()]):
        # The right option in a column of its own and the wrong ones beside it: shown in an order that does not
        # give the right one away (the alphabet's), as the game shuffles them.
        right = inline_text(cell(columns.answer))
        options = sorted({right, *wrong}, key=str.casefold)
        question, answer = options_card(question, options, options.index(right))
    elif options:
        options = [inline_text(text) for text in options]
        typed = columns.kind is not None and TYPED.search(cell(columns.kind)) and not cell(columns.answer).strip()
        if typed:
            answer = " / ".join(text for text in options if text.strip())  # the answers a typed question accepts
        elif any(text.strip() for text in options):
            chosen = ([k for k, i in enumerate(columns.marks) if marked(cell(i))] if columns.marks
                      else chosen_options(cell(columns.answer), options))
            question, chosen_text = options_card(question, options, chosen)
            answer = chosen_text or ("" if columns.marks else answer)
    elif columns.choices is not None and (listed := inline_text(cell(columns.choices))):
        question += "\n\n" + listed  # options not lettered: shown as written
    if columns.back and (answer.strip() or not named):
        # The answer's cell a header named left empty leaves the row unanswered, whatever the columns beside it
        # note (the company that asked, a source); unnamed columns (a word, its reading, its meaning) all answer.
        # A column repeating the question (a deck's Name column beside its Question) adds nothing to the back.
        further = ((label, html_to_markdown(cell(i)).strip()) for i, label in columns.back)
        answer = joined_back([("", answer), *((label, text) for label, text in further if text != question)])
    if columns.level is not None:
        tags = (*tags, *level_tag(cell(columns.level)))
    return question, answer, tags


#: The name a spreadsheet or a data-frame library gives a column nobody named ("Column B", "Unnamed: 3").
_PLACE = re.compile(r"(?i)(?:column|col|field|unnamed:?)\s*(?:[a-z]{1,2}|\d{1,3})")


def _named_places(found: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """The rows, cells at the top that only name a column's place ("Column A", "Unnamed: 1") taken for empty:
    a row of them is no header, and a title beside them is a title row."""
    if not found or not any(_PLACE.fullmatch(cell.strip()) for cell in found[0][2]):
        return found
    top = []
    for first, last, cells in found[: TITLE_ROWS + 1]:
        cells = ["" if _PLACE.fullmatch(cell.strip()) else cell for cell in cells]
        if any(cell.strip() for cell in cells):
            top.append((first, last, cells))
    return top + found[TITLE_ROWS + 1 :]


#: How many title rows (one cell each) may sit above the header row naming the columns.
TITLE_ROWS = 6
def _below_titles(found: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """The rows from the header row on when titles of one cell sit above it ("Unit 3 vocabulary" over
    Front/Back, as spreadsheets are often laid out); else all of them."""
    for index, (_, _, cells) in enumerate(found[: TITLE_ROWS + 1]):
        if header_columns(cells) is not None:
            return found[index:]
        if sum(1 for cell in cells if cell.strip()) > 1:
            break
    return found


def split_sheets(text: str) -> list[tuple[str, str]]:
    """(section, rows) of each sheet in a spreadsheet's text (see :mod:`qadeck.markups.sheets`); a lone
    sheet has no :data:`SHEET` line."""
    if not text.startswith(SHEET):
        return [("", text)]
    return [(head, body) for head, _, body in (part.partition("\n") for part in text[1:].split("\n" + SHEET))]


def _database_export(source: Source) -> bool:
    """Is ``source`` a note app's export of a database: a CSV file named after it and its id (Notion's)?"""
    return source.path.suffix.lower() in SUFFIXES and plain_name(source.path.stem) != source.path.stem


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage; a spreadsheet whose rows give cards is read as rows, whatever else its text looks like
    (and its cards' lines are sheet rows, not lines of its text)."""
    if source.path.suffix.lower() in SHEET_SUFFIXES:
        # A sheet whose header row names the columns but whose rows are empty is a template not filled in yet.
        return 1.0 if entries or _naming_row(source) else 0.0
    if not entries:
        # A note app's database with no question and answer columns is this layout's still: no deck, not text.
        return 1.0 if _database_export(source) else 0.0
    score = coverage(source, entries, also=_naming_row(source))
    if score >= EMPTY_ROWS_SCORE or source.path.suffix.lower() not in SUFFIXES:
        return score
    return coverage(source, entries, also=_unasked_rows(source))


#: Below this score, rows without a question (a template's numbered rows left empty) are looked for.
EMPTY_ROWS_SCORE = 0.5


def _unasked_rows(source: Source) -> set[int]:
    """The lines of title rows and a header row, and of rows holding a number at most: a template's rows its
    author left empty (``8,,,,,,,``) are read, though they are no cards."""
    lines = set(_naming_row(source))
    for first, last, cells in rows(source, anki_header(source.text)):
        filled = [cell.strip() for cell in cells if cell.strip()]
        if len(filled) < 2 and all(LIST_NUMBER.fullmatch(cell) or cell.isdigit() for cell in filled):
            lines |= set(range(first, last + 1))
    # Rows of empty cells (",,,,"), which the reader passes over as it does blank lines.
    lines |= {number for number, line in enumerate(source.text.split("\n"), 1) if not line.strip(_EMPTY_CELL)}
    return lines


#: What a row of empty cells holds.
_EMPTY_CELL = DELIMITERS + " \r\""


def _naming_row(source: Source) -> range:
    """The lines of the row naming the columns, and of the title rows above it: read, though they are no cards."""
    sheet = source.path.suffix.lower() in SHEET_SUFFIXES
    first = rows(source, AnkiHeader(separator="\t") if sheet else anki_header(source.text), limit=TITLE_ROWS + 1)
    named = _below_titles(first)
    if named and _names(named[0][2], source.path.suffix.lower() in SUFFIXES):
        return range(first[0][0], named[0][1] + 1)
    return range(0)


def _names(cells: list[str], delimited: bool) -> bool:
    """True when a first row names the columns; outside a ``.csv``/``.tsv`` only a row of plain names
    does ("Q: …;…" is a labelled question, the prefixed layout's)."""
    if not delimited and (any(":" in cell for cell in cells) or cells[0].lstrip().startswith("#")):
        return False  # a Markdown heading is no header row either
    return header_columns(cells) is not None


def _names_columns(source: Source, header: AnkiHeader) -> bool:
    """True when the first row names a question and an answer column.

    Sniffing the delimiter reads the first 50 lines; trying each delimiter on
    the first row is much cheaper, and sniffing only ever picks one of them.
    """
    for separator in DELIMITERS:
        first = rows(source, header, limit=1, separator=separator)
        if first and _names(first[0][2], False):
            return True
    return False


_FOUND = make_layout(
    NAME,
    "CSV/TSV decks and spreadsheets: Front/Back or Question/Answer columns, else the first two",
    _entries,
    _score,
)


def _parse(source: Source) -> ParseResult:
    """The cards, and where a quote is opened and never closed, what became of the file after it."""
    parsed = _FOUND.parse(source)
    if source.text.count('"') % 2 == 0 or source.path.suffix.lower() in SHEET_SUFFIXES:
        return parsed  # quotes in pairs (a doubled one inside a cell is a pair too): none left open
    found = rows(source, anki_header(source.text))
    if not found or found[-1][1] == found[-1][0] or found[-1][1] < source.text.rstrip("\n").count("\n") + 1:
        return parsed  # a stray quote inside a cell ('5" screen'), or one the reader closed
    message = ("a quote opened on this line is never closed: the rest of the file was read as one cell; "
               "close it, or double a quote that is part of the text (\"\")")
    return replace(parsed, findings=(*parsed.findings, Finding("suspicious", source.name, found[-1][0], message)))


LAYOUT = replace(_FOUND, parse=_parse)
