"""Layout ``hashcards``: the decks of hashcards and its kin, ``Q:``/``A:`` cards and ``C:`` clozes.

    Q: What is the capital of France?
    A: Paris

    C: [Paris] is the capital of [France].    <- a cloze note: a card per bracket (c1, c2)

    Q: List the PGM minerals.
    A:
    - ruthenium                               <- an answer runs to the next Q:, C: or ---
    ---                                       <- ends a card

A line opening with ``Q:`` asks, ``A:`` answers it, ``C:`` opens a cloze whose
square brackets are its deletions (see the ``square`` style of :mod:`qadeck.cloze`:
an image, a link, a wiki link, a task's box or an escaped ``\\[`` is no deletion);
each runs over the lines below it, blank ones too, up to the next label, a
``---`` line or a heading (which sets the section). The labels open the line, as
hashcards reads them. A file is in this syntax when it holds a ``C:`` cloze and
reads as hashcards reads it: every ``C:`` holds a deletion and no ``A:`` comes
without its question. Elsewhere a ``C:`` line is another layout's text (an answer's
third option, beside ``B:`` and ``D:`` lines), and a file of ``Q:`` and ``A:`` alone is
the prefixed layout's.
"""

from __future__ import annotations

import re

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .markup import inline_text
from .structure import Line, heading, outline

NAME = "hashcards"

#: What a file that may be one holds: a line opening with the cloze label (the first, or one after a newline:
#: two substring tests, where a line-anchored pattern is tried at every position).
_CLOZE_LABEL = "C:"
_LABEL = re.compile(r"^([QAC]):[ \t]*")
_SEPARATOR = re.compile(r"^[ \t]*---[ \t]*$")
#: A line labelled as the option beside a third one: "C:" there is an option of a lettered list.
_OPTION = re.compile(r"^[BD]:", re.MULTILINE)
_STYLES = ("square",)


def _entries(source: Source) -> list[Entry]:
    text = source.text
    if "[" not in text or not (text.startswith(_CLOZE_LABEL) or "\n" + _CLOZE_LABEL in text) or _OPTION.search(text):
        return []  # most files: no line opens with "C:"; a file of lettered options has "B:" and "D:" too
    entries: list[Entry] = []
    card: list[Line] = []  # the lines of the card being read, its label's first
    label = ""  # its label: Q (no answer yet), A (answered), C, or "" (between cards)
    section = ""

    def close() -> bool:
        """Add the card being read; False when hashcards would not read it (a cloze without deletions)."""
        nonlocal card, label
        if label:
            entry = _entry(card, section)
            if entry is None:
                return False
            entries.append(entry)
        card, label = [], ""
        return True

    for line in outline(source):
        found = None if line.code else _LABEL.match(line.text)
        if found:
            mark = found.group(1)
            if mark == "A":
                if label != "Q":
                    return []  # an answer after an answer, a cloze or nothing: another layout's labels
                label = "A"
                card.append(line)
                continue
            if not close():
                return []
            label = mark
            card = [line]
        elif not line.code and (_SEPARATOR.match(line.text) or heading(line)):
            if not close():
                return []
            title = heading(line)
            if title:
                section = inline_text(title[1])
        elif label:
            card.append(line)
    if not close() or not any(entry.kind == "cloze" for entry in entries):
        return []
    return entries


def _entry(lines: list[Line], section: str) -> Entry | None:
    """The entry of a card's lines (its label's line first); None for a cloze without a deletion."""
    first = lines[0]
    while lines and lines[-1].blank and not lines[-1].code:
        lines = lines[:-1]
    texts = [_LABEL.sub("", line.text, count=1) if not line.code and _LABEL.match(line.text) else line.text
             for line in lines]
    last = lines[-1].number
    if first.text.startswith("C:"):
        deleted = cloze.to_anki(_markdown(texts), _STYLES)
        return None if deleted is None else Entry(deleted, "", first.number, last, section, "cloze")
    split = next((i for i, line in enumerate(lines) if i and not line.code and line.text.startswith("A:")), len(lines))
    return Entry(_markdown(texts[:split]), _markdown(texts[split:]), first.number, last, section)


def _markdown(texts: list[str]) -> str:
    """Lines as Markdown: blank lines around them dropped, runs of them made one, a line's two closing
    spaces (Markdown's line break, which a list of forms on lines of their own relies on) kept."""
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "\n".join(texts))
    return text.strip()


LAYOUT = make_layout(
    NAME,
    "hashcards: Q:/A: cards and C: clozes with [square bracket] deletions",
    _entries,
    marked_coverage,
)
