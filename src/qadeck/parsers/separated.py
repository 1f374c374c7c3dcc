"""Layout ``separated``: one card a line, the question and answer split by a separator.

    ephemeral*lasting a very short time          What is DNS?;;The internet's phone book
    ubiquitous*found everywhere                  - Mitochondria >> powerhouse of the cell

Flashcard lists exported or typed by hand use whatever separator their tool
wanted: ``*``, ``;;``, ``>>`` (RemNote), ``;``, ``|``, `` = ``, `` - ``, ``->``, ``→``, ``---`` (what people type into
Quizlet's export as its own separator), a tab, ``:`` (or
an answer label after the question, ``What is X? Answer: Y``), and last a comma with no space after it
(``Hund,dog``: Quizlet's export with the comma chosen; prose writes a space after its commas).
A separator is detected when it is in half of the first lines with text and splits most of the
file's content lines in
two non-empty parts (at its first occurrence), the parts before it mostly different (the same
few words again and again are labels, ``Q:``/``A:``; lines without it, such
as a title, are no cards); ``separator:`` in ``qadeck.yaml`` names it outright. Obsidian's
``::`` cards are the ``obsidian`` layout's.
"""

from __future__ import annotations

import re

from ..model import Source
from .base import Layout
from .columns import ANSWER_WORDS, QUESTION_WORDS, counted
from .entries import Entry, content_lines, make_layout, marked_coverage
from .markup import inline_text
from .prefixed import ANSWER_INLINE, is_marker
from .structure import LIST_NUMBER, Line, ends_asking, heading, outline, outline_sections
from .table import column_names

NAME = "separated"

#: Separators tried, in order of preference when two split as many lines.
SEPARATORS = (";;", ">>", "*", "\t", "|", ";", " = ", " -> ", " => ", " → ", " ⇒ ", "---", " - ", " – ", " — ", " #", ":", ",")
#: Share of the content lines a separator must split for the file to be this layout's.
CONSISTENT = 0.8
_BLOCK_MARKS = ("|", "- ", "* ", "+ ", ">")
_BULLETS = ("- ", "* ", "+ ")
#: Separators no prose or list item uses: a bulleted line holding one is a card all the same.
_CARD_ONLY = (";;", ">>")
#: How many of the first lines with text a separator must be in half of to be tried at all.
_SAMPLE = 40
#: A list number before a card's question ("1. What is X? - Y"): the list's, not the question's.
_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
#: Separators a question or answer label ends with ("Q:", "Ans -"): a line opening with such a label is no card.
_LABELLING = (":", " - ", " – ")
#: A side longer than this is prose with a separator in it, no flashcard's.
_LONGEST = 400


#: A term set in bold at a line's start, as glossaries write it: ``**Osmosis**: …``, ``**Osmosis:** …``.
_BOLD_TERM = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: The separators a bold term stands before in a glossary.
DEFINING = (":", " - ", " – ", " — ")


def defined_term(text: str, separator: str) -> tuple[str, str] | None:
    """(term, definition) of a glossary line or list item that opens with a term in bold before
    ``separator`` (``- **Osmosis** — the movement of water``), or None."""
    line = text.strip()
    if line.startswith(_BULLETS):
        line = line[2:].lstrip()
    found = _BOLD_TERM.match(line)
    if not found or separator not in DEFINING:
        return None
    term, rest = found.group(2).strip(), line[found.end() :]
    if separator == ":" and term.endswith(":"):
        term, definition = term[:-1].strip(), rest.strip()
    elif (" " + rest.lstrip()).startswith(separator if separator != ":" else " :"):
        definition = (" " + rest.lstrip())[len(separator) + (separator == ":") :].strip()
    else:
        return None
    return (term, definition) if term and definition and "**" not in term else None


def definition(text: str) -> tuple[str, str] | None:
    """(term, definition) of a line that opens with a term in bold before any of :data:`DEFINING`, or None."""
    return next(filter(None, (defined_term(text, separator) for separator in DEFINING)), None)


#: A link's or picture's target still open before a separator (``![](part:media/1.png)``).
_OPEN_TARGET = re.compile(r"\]\([^)\s]*$")


def _first(text: str, separator: str) -> int:
    """Where the first ``separator`` outside code spans and link targets is in ``text`` (-1: none): the
    ``:`` of ``std::map`` in backticks or of a picture's part name splits no card."""
    at = text.find(separator)
    if "`" not in text and "](" not in text:
        return at
    while at >= 0:
        before = text[:at]
        if before.count("`") % 2 == 0 and not _OPEN_TARGET.search(before):
            return at
        at = text.find(separator, at + 1)
    return -1


def split(text: str, separator: str) -> tuple[str, str] | None:
    """(question, answer) when ``separator`` splits the line in two non-empty parts (at its first one:
    the answer may hold it again, as ``*emphasis*`` after a ``*``)."""
    if separator not in text:
        return None
    if "**" in text or "__" in text:
        defined = defined_term(text, separator)
        if defined:
            return defined  # a bold term, in a list or not: a glossary's entry
    inline = ANSWER_INLINE.search(text) if separator == ":" else None
    if inline and inline.start():  # "What is X? Answer: Y": the label is the separator, no part of the question
        left, right = text[: inline.start()].strip(), text[inline.end() :].strip()
    else:
        at = _first(text, separator)
        if at < 0:
            return None
        left, right = text[:at].strip(), text[at + len(separator) :].strip()
    if not left or not right or len(left) > _LONGEST or len(right) > _LONGEST:
        return None
    if left.startswith(_BLOCK_MARKS) and separator not in _BLOCK_MARKS:
        if separator not in _CARD_ONLY or not left.startswith(_BULLETS) or not left[2:].strip():
            return None  # a table row, list item or quote: other layouts' structure, no flashcard line
        left = left[2:].strip()  # "- term >> definition": a list of cards, in a syntax only cards use
    if separator == ":" and right.startswith("//"):
        return None  # a URL's colon
    return left, right


#: A label in bold opening a line, a list's number or bullet before it (``1. **Foundation:** …``).
_BOLD_LABEL = re.compile(r"^[ \t]{0,3}(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(\*\*|__)[^*_\n]{1,40}?\1")


def _cards(lines: list[Line], separator: str) -> list[tuple[int, str, str]]:
    out = []
    for index, line in enumerate(lines):
        if line.code or line.blank or heading(line):
            continue
        pair = split(line.text, separator)
        if pair and not (separator in _LABELLING and is_marker(line.text)):  # "Answer: …", "Q1 - …": prefixed's labels
            if LIST_NUMBER.fullmatch(pair[0].strip()):
                continue  # "3.<TAB>What is X?": a numbered list as a word processor writes it, not a card
            if separator in DEFINING and _BOLD_LABEL.match(line.text) and ends_asking(line.text.rstrip()):
                continue  # "**Foundation:** What is …?": a practice question under its level's label, unanswered
            out.append((index, *pair))
    return out


def detect_separator(source: Source) -> str | None:
    """The separator that splits at least :data:`CONSISTENT` of the content lines (three at least)."""
    lines = outline(source)
    content = len(content_lines(source))
    # A file of one or two lines is a deck of one or two in a separator only cards use, on every line.
    few = content < 3
    if not content:
        return None
    best, best_count = None, 0
    text = source.text
    need = content if few else max(3, CONSISTENT * content)
    # A separator used throughout the file is used at its start: the first lines with text tell
    # which separators can be it, without counting each one through the whole file.
    sample = [line.text for line in lines[: _SAMPLE * 4] if not line.blank][:_SAMPLE]
    rows: list[str] = []
    passing: list[str] = []
    for separator in SEPARATORS:
        if few and separator not in _CARD_ONLY or sum(separator in row for row in sample) * 2 < len(sample):
            continue
        # The lines holding it, and what stands before it there, told by list comprehensions: most
        # separators fail here (too few lines, or labels) before the line by line reading below.
        rows = rows or text.split("\n")
        holding = [row for row in rows if separator in row]
        if len(holding) < max(need, best_count + 1):
            continue
        if len({row.split(separator, 1)[0].strip() for row in holding}) * 2 <= len(holding):
            continue
        cards = _cards(lines, separator)
        if len({question for _, question, _ in cards}) * 2 <= len(cards):
            continue  # the same few words before it again and again: labels ("Q:", "A:"), not questions
        if sum(lines[index].text.count(separator) > 1 for index, _, _ in cards) * 2 > len(cards):
            continue  # most lines split in three or more: rows of a table, not cards
        if separator == "," and not _comma_cards(cards, lines):
            continue
        count = len(cards)
        if count >= need:
            passing.append(separator)
        if count > best_count:
            best, best_count = separator, count
    if best is None or best_count < min(3, content) or best_count < CONSISTENT * content:
        return None
    return _first_on_the_line(passing, rows) if len(passing) > 1 else best


#: Longest term before a comma on a line of a comma-separated list: a longer one is a clause of prose.
_LONGEST_COMMA_TERM = 60


def _comma_cards(cards: list[tuple[int, str, str]], lines: list[Line]) -> bool:
    """Whether lines split at a comma are a list of cards ("Hund,dog", as Quizlet exports them when the comma
    is chosen), not sentences: on nearly every line the first comma has no space after it, where prose
    always writes one, and a short term of words stands before it, with no colon: a label or a stronger
    separator ("Q: Which,", "Note: a,b") opens a line that is no term,definition row."""
    def card_like(index: int, question: str) -> bool:
        text = lines[index].text
        after = text.find(",") + 1
        return (len(question) <= _LONGEST_COMMA_TERM and after < len(text) and not text[after].isspace()
                and ":" not in question
                and any(character.isalpha() for character in question))  # "1,000" or "2019,42": numbers, no term

    return sum(card_like(index, question) for index, question, _ in cards) >= CONSISTENT * len(cards)


def _first_on_the_line(separators: list[str], rows: list[str]) -> str:
    """Of separators that each split the file, the one standing first in most lines holding two.

    A card's separator is the first on its line: one later on it is in the answer ("What is the West?;
    It is … (Lecture 1: Foundations)"). Ties go to the earlier separator in :data:`SEPARATORS`.
    """
    chosen = separators[0]
    for other in separators[1:]:
        both = [row for row in rows if chosen in row and other in row]
        if sum(row.index(other) < row.index(chosen) for row in both) * 2 > len(both):
            chosen = other
    return chosen


def _entries_with(source: Source, separator: str | None) -> list[Entry]:
    if separator is None:
        return []
    lines = outline(source)
    titles = outline_sections(source)
    cards = _cards(lines, separator)
    if cards and _names_columns(cards[0][1], cards[0][2]) and not (
            len(cards) > 1 and counted(list(cards[0][1:]), list(cards[1][1:]))):
        # "term|definition" over the cards: their columns' names, a header row ("Question 1|Answer 1" over
        # "Question 2|Answer 2" is a card)
        cards = cards[1:]
    return [
        Entry(inline_text(_NUMBER.sub("", question)), answer, lines[index].number, lines[index].number, titles[index])
        for index, question, answer in cards
    ]


def _names_columns(question: str, answer: str) -> bool:
    """True for a first line that names the two sides as a table's header does ("Front|Back", "term;definition")."""
    names = column_names([question, answer])
    return names[0] in QUESTION_WORDS and names[1] in ANSWER_WORDS


def _entries(source: Source) -> list[Entry]:
    return _entries_with(source, detect_separator(source))


def layout_for(separator: str) -> Layout:
    """This layout with its separator given (``separator:`` in ``qadeck.yaml``), not detected."""
    return make_layout(NAME, LAYOUT.description, lambda source: _entries_with(source, separator))


LAYOUT = make_layout(
    NAME,
    "One card a line split by a separator used throughout the file (term*definition, q;;a, tab, ...)",
    _entries,
    marked_coverage,  # one card is a deck only in a separator only cards use (see detect_separator)
)
