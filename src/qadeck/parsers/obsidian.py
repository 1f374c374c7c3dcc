"""Layout ``obsidian``: notes written for Obsidian's Spaced Repetition plugin.

    #flashcards

    What is a monad::A monoid in the category of endofunctors
    Capital of France:::Paris

    What does CAP stand for?
    ?
    Consistency, Availability,
    Partition tolerance

``question::answer`` is a card; ``question:::answer`` is the plugin's
reversible card (a ``reversed`` note: a card each way). A line holding only
``?`` (``??``: reversed) splits a multi-line card: the question is the
paragraph above it, the answer the lines below up to a blank line. A
paragraph with the plugin's cloze deletions (``==highlight==``, ``{{curly}}``,
Anki's ``{{c1::…}}``, and ``**bold**`` in a file that asks no question in
prose, where bold is for deletions rather than emphasis) is a ``cloze`` note;
so is a line with deletions among one-line cards.
``#flashcards`` tags and ``<!--SR:…-->`` scheduling comments are the
plugin's bookkeeping, not content. Headings set the section.

Neuracache's cards, which Obsidian users write too, mark the question instead: a
paragraph ending in ``#flashcard`` is a question, the next paragraph its answer.
"""

from __future__ import annotations

import re

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .markup import inline_text
from .separated import DEFINING, defined_term
from .structure import DOUBLE_COLON, Line, asks_in, heading, outline, sections, typed

NAME = "obsidian"

_TAG = re.compile(r"(?<!\S)#flashcards(?:/[\w/-]*)?(?!\S)", re.IGNORECASE)
_SCHEDULE = re.compile(r"<!--SR:.*?-->")
_SEPARATOR = re.compile(r"^\s*\?\??\s*$")
# Code and math may hold "::" (std::vector), deletions too ({{c1::x}}, ==c1::x==); the separator is
# looked for outside them.
_LITERAL = re.compile(r"(`+).+?\1|\$[^$]+\$|\{\{.*?\}\}|==\S.*?==")
#: Cloze styles of the plugin; ``bold`` only where :func:`_cloze_styles` says bold is for deletions.
_CLOZE_STYLES = ("anki", "highlight", "double")
#: How the lines of a table or a quote open: no cloze paragraph.
_BLOCK_MARKS = ("|", ">")
#: What a text holds when it may hold a cloze.
_CLOZE_MARKS = ("==", "{{", "**")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
#: What :func:`_may_hold_cards` looks for in the whole text: a tag (the plugin's or Neuracache's), and a line
#: that is a separator.
_TAG_WORD = re.compile(r"#flashcard", re.IGNORECASE)
_SEPARATOR_LINE = re.compile(r"\n[^\S\n]*\?\??[^\S\n]*(?:\n|\Z)")
#: Neuracache's mark: the question's last line ends in it.
_MARKED_QUESTION = re.compile(r"(?<!\S)#flashcard[^\S\n]*$", re.IGNORECASE | re.MULTILINE)


def _clean(line: Line) -> Line:
    text = _SCHEDULE.sub("", _TAG.sub("", line.text)) if not line.code else line.text
    return Line(line.number, text.rstrip() if text.strip() else "", line.code)


def split_inline(text: str) -> tuple[str, str] | None:
    """(question, answer) of a ``question::answer`` or ``question:::answer`` line."""
    found = _split(text)
    return found[:2] if found else None


def _split(text: str) -> tuple[str, str, str] | None:
    """(question, answer, kind) of a ``question::answer`` (basic) or ``question:::answer`` (reversed) line."""
    masked = _LITERAL.sub(lambda m: "\0" * len(m.group(0)), text)
    at = masked.find("::")
    if at <= 0:
        return None
    width = 3 if masked.startswith(":::", at) else 2
    question, answer = text[:at].strip(), text[at + width :].strip()
    if not question or not answer or answer.startswith(":"):
        return None
    return _LIST_MARKER.sub("", question), answer, "reversed" if width == 3 else "basic"


def _paragraphs(lines: list[Line]) -> list[list[int]]:
    """Indexes of the lines of each paragraph (blank lines and headings separate them)."""
    out: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if (line.blank and not line.code) or heading(line):
            out.append([])
        else:
            out[-1].append(index)
    return [p for p in out if p]


def _may_hold_cards(text: str) -> bool:
    """False when no line, once cleaned, holds "::" or is a separator: most files, told at once."""
    # A tag needs its "#" and a scheduling comment its "<" (no case folding makes either of another
    # character): testing for one character first spares the searches for the files with none.
    if "#" in text and _TAG_WORD.search(text):
        if _MARKED_QUESTION.search(text):
            return True
        text = _TAG.sub("", text)
    if "<" in text:
        text = _SCHEDULE.sub("", text)
    if "==" in text or "{{" in text or ("**" in text and not asks_in(text)):
        return True  # bold marks deletions only in a file that asks nothing (see _cloze_styles)
    return bool(DOUBLE_COLON.search(text) or _SEPARATOR_LINE.search("\n" + text))


def _entries(source: Source) -> list[Entry]:
    if not _may_hold_cards(source.text):
        return []
    lines = [_clean(line) for line in outline(source)]
    titles = sections(lines)
    # Bold marks deletions only in what was typed (Obsidian's convention); a document's or another markup's
    # bold (Word, LaTeX ``\\textbf``) is its emphasis.
    styles = _cloze_styles(lines) if typed(source) else _CLOZE_STYLES
    entries: list[Entry] = []
    paragraphs = _paragraphs(lines)
    answered: set[int] = set()  # paragraphs that are a marked question's answer
    for place, paragraph in enumerate(paragraphs):
        if place in answered:
            continue
        marked = _marked(lines, paragraphs, place, titles)
        if marked is not None:
            entries.append(marked[0])
            if marked[1]:
                answered.add(place + 1)
            continue
        split = next((i for i in paragraph if not lines[i].code and _SEPARATOR.match(lines[i].text)), None)
        if split is not None:
            entries.append(_multiline(lines, paragraph, split, titles[split]))
            continue
        found = len(entries)
        others = []
        for index in paragraph:
            pair = None if lines[index].code else _split(lines[index].text)
            if pair:
                number = lines[index].number
                entries.append(Entry(inline_text(pair[0]), pair[1], number, number, titles[index], pair[2]))
            else:
                others.append(index)
        if len(entries) == found:
            entries += _cloze(lines, paragraph, titles[paragraph[0]], styles)
        elif others:
            # Among one-line cards, a line with deletions is a cloze of its own (bold there is emphasis).
            clozes = [entry for index in others for entry in _cloze(lines, [index], titles[index], _CLOZE_STYLES)]
            if clozes:
                entries[found:] = sorted([*entries[found:], *clozes], key=lambda entry: entry.line)
    return entries


def _marked(lines: list[Line], paragraphs: list[list[int]], place: int, titles: list[str]) -> tuple[Entry, bool] | None:
    """The card of a paragraph with a line ending in ``#flashcard``: the lines up to it ask, the lines after
    it answer, or the next paragraph when none follow (then True: that paragraph is taken)."""
    paragraph = paragraphs[place]
    split = next((k for k, i in enumerate(paragraph) if not lines[i].code and _MARKED_QUESTION.search(lines[i].text)),
                 None)
    if split is None or any(_LIST_MARKER.match(lines[i].text) for i in paragraph[: split + 1]):
        return None  # a list item's tag is an outliner's (Roam, Logseq): its answer is the item below
    question = " ".join(_MARKED_QUESTION.sub("", lines[i].text).strip() for i in paragraph[: split + 1]).strip()
    rest = paragraph[split + 1 :]
    taken = not rest and place + 1 < len(paragraphs)
    answer_lines = [lines[i] for i in (paragraphs[place + 1] if taken else rest)]
    if not question or not answer_lines:
        return None
    answer = "\n".join(line.text for line in answer_lines)
    entry = Entry(inline_text(question), answer, lines[paragraph[0]].number, answer_lines[-1].number, titles[paragraph[0]])
    return entry, taken


def _cloze_styles(lines: list[Line]) -> tuple[str, ...]:
    """The cloze styles of a file: bold marks deletions only in a file that asks nothing.

    A file of questions uses bold for emphasis; and whether the whole text asks is what
    :func:`_may_hold_cards` can tell at once, before any line is read.
    """
    if any(asks_in(line.text) for line in lines):
        return _CLOZE_STYLES
    return (*_CLOZE_STYLES, "bold")


def _cloze(lines: list[Line], paragraph: list[int], section: str, styles: tuple[str, ...]) -> list[Entry]:
    """The paragraph as a cloze note, when it is text (no code, list, table or quote) with deletions."""
    if any(lines[i].code or _LIST_MARKER.match(lines[i].text) or lines[i].text.lstrip()[:1] in _BLOCK_MARKS
           for i in paragraph):
        return []
    text = "\n".join(lines[i].text.strip() for i in paragraph)
    if not any(mark in text for mark in _CLOZE_MARKS):
        return []
    first = text.split("\n", 1)[0]
    if "bold" in styles and first.startswith("**") and first.endswith("**") and first.count("**") == 2:
        return []  # a paragraph all in bold, or opening with a line all in bold, is under a title: no deletion
    if "bold" in styles and any(defined_term(first, separator) for separator in DEFINING):
        return []  # "**Osmosis**: the movement of water": a glossary's term, no deletion
    anki = cloze.to_anki(text, styles)
    if anki is None:
        return []
    return [Entry(anki, "", lines[paragraph[0]].number, lines[paragraph[-1]].number, section, "cloze")]


def _multiline(lines: list[Line], paragraph: list[int], split: int, section: str) -> Entry:
    question = " ".join(lines[i].text.strip() for i in paragraph if i < split)
    answer_lines = [lines[i] for i in paragraph if i > split]
    answer = "\n".join(line.text for line in answer_lines)
    last = answer_lines[-1].number if answer_lines else lines[split].number
    kind = "reversed" if lines[split].text.strip() == "??" else "basic"
    return Entry(inline_text(question), answer, lines[paragraph[0]].number, last, section, kind)


LAYOUT = make_layout(
    NAME,
    "Obsidian Spaced Repetition notes (question::answer, ? between lines)",
    _entries,
    marked_coverage,
)
