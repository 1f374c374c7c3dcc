"""Layout ``glossary``: a glossary or key-term list, one card a term, the term on the front.

    # Key terms                                  <- names a glossary: its section's terms are cards
    ## A                                         <- a letter heading groups terms: no card
    - **Atomicity**: all or nothing              <- a term before ":", " - ", " – " or " — ": one card
      Example: "a transfer is one transaction"   <- indented below it: the same definition
    - Latch — a short-term lock                  <- a short term, not in bold, is one too
    - **Stash** (remise) : put changes aside     <- a gloss in brackets after the term is the term's
    **Ethernet**                                 <- a term alone on its line, in bold ...
    - "A family of wired networking ..."         <- ... its definition the lines below it

Students keep glossaries as pages of their notes, with an intro, letter headings and
whichever separator each entry was typed with; other layouts saw them as titles, prose or,
where no one separator is on most lines, nothing. A heading naming a glossary ("Glossary",
"Key terms", "Vocabulary", "Glossar", "Glossaire", "用語集" …) says its section's lines are
definitions. A file with no such heading is a glossary when terms in bold, each before one of
those separators, make :data:`~.separated.CONSISTENT` of its lines: a readme's feature list
(``- **Fast**: builds in a second``) is a few lines of a page, and stays no deck. A definition
list (``Term`` over ``: definition``) is the Markdown reader's: it becomes titles over answers, which are a
glossary's terms under a heading naming one (and ``term: definition`` inside a definition is its text).
"""

from __future__ import annotations

import re

from ..model import Source
from .entries import Entry, content_lines, coverage, make_layout
from .markup import inline_text
from .separated import CONSISTENT, DEFINING, definition
from .structure import Line, heading, indentation, outline

NAME = "glossary"

#: A heading naming a glossary, in English and the languages qadeck reads questions in (lower case, searched).
_GLOSSARY_WORDS = re.compile(
    r"glossar|glosario|glossaire|glossário|glosář|glosariusz|słowniczek|woordenlijst|begrippenlijst"
    r"|ordlista|ordliste|sanasto|key[- ]terms|terms and definitions|definitions|vocabular|terminolog|lexique"
    r"|глоссарий|глосарій|словарь терминов|γλωσσάρι|sözlük|术语|術語|词汇表|詞彙表|用語集|용어"
)
#: A heading line, its title (group 1).
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]+([^\n]*)", re.MULTILINE)
#: A term in bold and a short gloss in brackets after it: ``**Stash** (en français : remise)``.
_GLOSSED = re.compile(r"^(?:[-*+][ \t]+)?(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]+(\([^()\n]{1,60}\))")
#: How much of a file's start tells whether terms in bold can be most of its lines.
_SAMPLE = 4096
#: The longest term not in bold: longer, the words before a colon are a sentence, no term.
_TERM_LONGEST = 60
_BULLET = re.compile(r"^[-*+][ \t]+")
#: The most letters and digits a heading grouping terms by their first letters holds ("A", "A-C", "0-9").
_LETTER_HEADING_LONGEST = 3
#: The heading level the Markdown reader gives a definition list's terms (see :mod:`qadeck.markups.markdown`).
_TERM_LEVEL = 6
#: A term alone on its line, in bold (``**Ethernet**``, ``- **Ethernet:**``, ``**Ethernet**<br>``).
_BOLD_ALONE = re.compile(r"^(?:[-*+][ \t]+)?(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*:?[ \t]*(?:<br\s*/?>)?$")


def names_glossary(title: str) -> bool:
    """Does ``title`` name a glossary or a list of key terms?"""
    return _GLOSSARY_WORDS.search(title.lower()) is not None


def _section(source: Source, lines: list[Line]) -> tuple[int, int] | None:
    """(start, end) in ``lines`` of the glossary a page's first heading names, down to the next heading
    as high (letter headings and other deeper ones stay inside); None when that heading names none.

    Only the first: a glossary is a page of its own, titled so, or its first section after an intro.
    Finding it costs a search for the first "#"; every heading of a page tested would cost a walk
    through each page of questions written as headings.
    """
    text = source.text
    place = text.find("#")
    found = _HEADING_LINE.match(text, text.rfind("\n", 0, place) + 1) if place >= 0 else None
    if found is None or not names_glossary(found.group(1)):
        return None  # no heading, or a "#" before the first one ("C#", "#tag"): titled no glossary
    number = text.count("\n", 0, found.start()) + 1
    start = next((index for index, line in enumerate(lines) if line.number == number and heading(line)), None)
    if start is None:
        return None  # a "#" in code or front matter
    level = heading(lines[start])[0]  # type: ignore[index]
    end = next((j for j in range(start + 1, len(lines)) if (h := heading(lines[j])) and h[0] <= level), len(lines))
    return start, end


def bold_term(text: str) -> tuple[str, str] | None:
    """(term, definition) of a line that opens with a term in bold before any of the separators a glossary
    uses; a short gloss in brackets between them is the term's (``**Push** (pousser) : …``)."""
    if "**" not in text and "__" not in text:
        return None
    glossed = _GLOSSED.match(text.strip())
    if glossed:  # the gloss goes inside the bold, where a separator in it ("en français: …") splits nothing
        mark, term, gloss = glossed.group(1, 2, 3)
        text = f"{mark}{term} {gloss}{mark}{text.strip()[glossed.end():]}"
    return definition(text)


def term_line(text: str) -> tuple[str, str] | None:
    """(term, definition) of a glossary line: a bold term before a separator, or a short one not in bold."""
    found = bold_term(text)
    if found:
        return found
    line = _BULLET.sub("", text.strip())
    if not line[:1].isalnum() and line[:1] not in "`*_[(\"'":
        return None  # a table's row, a box drawn in text, a quote: no term opens so
    cuts = [(place, separator) for separator in DEFINING if (place := line.find(separator)) > 0]
    if not cuts:
        return None
    place, separator = min(cuts)
    term, definition = line[:place].strip(), line[place + len(separator) :].strip()
    if not definition or len(term) > _TERM_LONGEST or definition.startswith("//") or term.endswith((".", "?", "!")):
        return None
    return term, definition


def _entries(source: Source) -> list[Entry]:
    text = source.text
    lines = outline(source)
    span = _section(source, lines) if "#" in text else None
    if span is not None:
        start, end = span
        entries = _read(lines, start + 1, end, heading(lines[start])[1])  # type: ignore[index]
        return entries if _terms(entries) else []
    # Bold terms make most lines of a glossary no heading names: in its opening lines, as anywhere in
    # it, their marks outnumber half the lines (a look at the start costs the same for any file).
    start = text[:_SAMPLE]
    if (start.count("**") + start.count("__")) * 2 < start.count("\n"):
        return []
    # No heading names it, and yet most of its lines are bold terms defined (with ":" here, " — " there).
    entries = _read(lines, 0, len(lines), "", bold=True)
    covered = {number for entry in entries for number in range(entry.line, entry.last + 1)}
    if len(entries) < 3 or not _terms(entries) or len(covered) < CONSISTENT * len(content_lines(source)):
        return []
    return entries


def _terms(entries: list[Entry]) -> bool:
    """Are these entries' fronts terms, not the same few labels again and again ("**Q:** …", "**A:** …")?"""
    return len({entry.question for entry in entries}) * 2 > len(entries)


def _read(lines: list[Line], index: int, end: int, title: str, bold: bool = False) -> list[Entry]:
    """The entries of ``lines[index:end]``; with ``bold``, only terms in bold before a separator."""
    entries: list[Entry] = []
    section = title
    while index < end:
        line = lines[index]
        index += 1
        if line.blank or line.code:
            continue
        text = line.text
        follows = lines[index] if index < end else None
        titled = heading(line)
        if titled:
            if bold:
                continue
            if titled[0] != _TERM_LEVEL:
                # A letter heading ("## A") groups terms; a named one ("## Protocols") is their section.
                named = sum(char.isalnum() for char in titled[1]) > _LETTER_HEADING_LONGEST
                section = titled[1] if named else title
                continue
            # A definition list's term (the Markdown reader makes it a heading of the deepest level): all
            # down to the next heading defines it.
            body, last = [], line.number
            while index < end and not heading(lines[index]):
                body.append(lines[index].text.strip())
                last = lines[index].number if body[-1] else last
                index += 1
            definition = "\n".join(body).strip("\n")
            if definition:
                entries.append(Entry(inline_text(titled[1]), definition, line.number, last, section))
            continue
        alone = None if bold else _BOLD_ALONE.match(text.strip())
        if alone and follows is not None and not follows.blank and not heading(follows):
            term, body = alone.group(2).rstrip(":").strip(), []
            while index < end and not lines[index].blank and not heading(lines[index]):
                if _BOLD_ALONE.match(lines[index].text.strip()):
                    break
                body.append(lines[index].text.strip())
                index += 1
        elif (pair := bold_term(text) if bold else term_line(text)) is not None:
            term, body = pair[0], [pair[1]]
            depth = indentation(text)
            while index < end and not lines[index].blank and indentation(lines[index].text) > depth:
                body.append(lines[index].text.strip())
                index += 1
        else:
            continue
        if term and body:
            entries.append(Entry(inline_text(term), "\n".join(body), line.number, lines[index - 1].number, section))
    return entries


LAYOUT = make_layout(
    NAME,
    "The terms under a heading naming a glossary (Glossary, Key terms, …), one card a term",
    _entries,
    coverage,
)
