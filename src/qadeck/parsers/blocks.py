"""Layout ``blocks``: notes written as START … END blocks (Obsidian_to_Anki's syntax).

    TARGET DECK                        <- where that tool files the notes: not card text
    Biology

    START
    Basic                              <- the note type
    Front: What do ribosomes make?     <- "Front:" may be left out on the first field
    Back: Proteins.
    Tags: cells biology                <- the note's tags
    END

    STARTI [Basic] Largest organ? Back: The skin. ENDI     <- a whole note on one line

Blocks inside a code fence are shown, not notes, but in an ``anki`` fence
(```` ```anki ````), where a vault keeps its notes so that they show as code:
Obsidian_to_Anki reads them there too (its ``<!--ID: …-->`` lines, written
back inside the fence, are no text). A file with a block is that tool's: its
other text is the note's prose, not cards of another layout.

The note type says what kind of note it is: one with "Cloze" in its name is a
``cloze`` note (its deletions in Anki's ``{{c1::…}}`` or the curly styles of
:mod:`qadeck.cloze`), one with "reversed" a ``reversed`` note, any other a
``basic`` one. A field runs from its ``Name:`` line to the next field, tag
line or END. A block with no answer is reported as unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage, readable_links
from .structure import SPACE, Line, LineStart, outline, sections
from .tags import tag_line

NAME = "blocks"

_START = re.compile(r"^\s*START\s*$")
_END = re.compile(r"^\s*END\s*$")
_INLINE = re.compile(r"^\s*STARTI\s*\[([^\]]+)\]\s*(.*?)\s*ENDI\s*$")
_FIELD = re.compile(r"^\s*(Front|Back|Text|Extra)\s*:\s?(.*)$", re.IGNORECASE)
_TAGS = re.compile(r"^\s*Tags\s*:\s*(.*)$", re.IGNORECASE)
_INLINE_BACK = re.compile(r"\s+Back\s*:\s*", re.IGNORECASE)
_BLOCK_START = LineStart(re.compile(rf"^{SPACE}*STARTI?\b"))
_CLOZE_STYLES = ("anki", "highlight", "curly")
#: A fence that holds notes (```` ```anki ````), and the id line Obsidian_to_Anki writes into a note.
_ANKI_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*anki\s*$", re.IGNORECASE)
_NOTE_ID = re.compile(r"^\s*<!--\s*ID:\s*\d+\s*-->\s*$")


def _entries(source: Source) -> list[Entry]:
    if not _BLOCK_START.found_in(source.text):
        return []
    lines = outline(source)
    if "nki" in source.text:
        lines = _unfenced(lines)
    titles = sections(lines)
    entries: list[Entry] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        inline = None if line.code else _INLINE.match(line.text)
        if inline:
            front, back = (_INLINE_BACK.split(inline.group(2), maxsplit=1) + [""])[:2]
            entries.append(note_entry(inline.group(1), {"front": front, "back": back}, (), line.number, line.number,
                                      titles[index]))
        elif not line.code and _START.match(line.text):
            end = next((j for j in range(index + 1, len(lines)) if not lines[j].code and _END.match(lines[j].text)),
                       None)
            if end is not None:
                entries.append(_block(lines[index + 1 : end], line, lines[end], titles[index]))
                index = end
        index += 1
    return readable_links(source.text, entries)


def _unfenced(lines: list[Line]) -> list[Line]:
    """``lines`` with those of each ``anki`` fence read as text (see the module's docstring), the fence's
    marks and the notes' id lines blank."""
    out: list[Line] = []
    fence = ""
    for line in lines:
        if not fence:
            opened = _ANKI_FENCE.match(line.text) if line.code else None
            if opened:
                fence = opened.group(1)
            out.append(Line(line.number, "", False) if opened else line)
            continue
        closing = line.text.strip()
        if closing.startswith(fence) and not closing.strip(fence[0]):
            fence = ""
            out.append(Line(line.number, "", False))
        else:
            out.append(Line(line.number, "" if _NOTE_ID.match(line.text) else line.text, False))
    return out



def _score(source: Source, entries: Sequence[Entry]) -> float:
    """1 for a file with an answered note: a block is that tool's unmistakable mark, and the file's other text
    its prose (the tool reads nothing else); else :func:`marked_coverage`."""
    if any(entry.question and (entry.answer or entry.kind == "cloze") for entry in entries):
        return 1.0
    return marked_coverage(source, entries)


def _block(body: list[Line], start: Line, end: Line, section: str) -> Entry:
    """The note of the lines between START and END: the note type's line, then its fields."""
    filled = [line for line in body if not line.blank]
    note_type = filled[0].text.strip() if filled else ""
    fields: dict[str, list[str]] = {}
    tags: list[str] = []
    current = "front"
    for line in body[body.index(filled[0]) + 1 :] if filled else []:
        named = None if line.code else _FIELD.match(line.text)
        listed = None if line.code else _TAGS.match(line.text)
        if listed:
            tags += listed.group(1).split()
            continue
        if named:
            current = named.group(1).lower()
            fields.setdefault(current, []).append(named.group(2))
            continue
        fields.setdefault(current, []).append(line.text)
    texts = {name: "\n".join(values).strip("\n") for name, values in fields.items()}
    return note_entry(note_type, texts, tuple(tags), start.number, end.number, section)


#: The fields of Anki's note types that ask (``Front``, a cloze's ``Text``) and those that answer.
QUESTION_FIELDS = ("front", "question", "text")
ANSWER_FIELDS = ("back", "answer", "extra", "back extra")


def note_sides(fields: dict[str, str], first_asks: bool = False) -> tuple[str | None, str]:
    """A note's question and answer from its fields (names in lower case, in the note's order): the field named
    for a question asks (None when none is, unless ``first_asks``: then the first field does) and those named
    for an answer answer, or, when none is, the others, one paragraph each."""
    asked = next((name for name in QUESTION_FIELDS if fields.get(name)), None)
    if asked is None and first_asks:
        asked = next(iter(fields), None)
    rest = [name for name in fields if name != asked and fields[name]]
    answers = [fields[name] for name in ANSWER_FIELDS if name in rest] or [fields[name] for name in rest]
    return (fields[asked] if asked is not None else None), "\n\n".join(answers)


def note_kind(note_type: str) -> str:
    """What Anki makes of a note of this type: a type named for cloze a cloze, one named reversed both ways."""
    lowered = note_type.lower()
    return "cloze" if "cloze" in lowered else "reversed" if "reverse" in lowered else "basic"


def note_entry(note_type: str, fields: dict[str, str], tags: tuple[str, ...], first: int, last: int, section: str,
               first_asks: bool = False) -> Entry:
    """The entry of an Anki note of ``note_type`` whose ``fields`` (see :func:`note_sides`) are Markdown: a cloze
    note's deletions in Anki's ``{{c1::…}}`` or the curly styles of :mod:`qadeck.cloze`, asked as written when
    it has none."""
    question, answer = note_sides(fields, first_asks)
    front = _without_tags(question or "")
    kind = note_kind(note_type)
    if kind == "cloze":
        text = cloze.to_anki(front, _CLOZE_STYLES)
        if text is None:
            kind, text = "basic", front  # a cloze note type with no deletion: asked as written
        front = text
    return Entry(front.strip(), answer.strip(), first, last, section, kind, tags)


def _without_tags(text: str) -> str:
    """The text without its lines of tags alone (they label the note, see :mod:`.tags`)."""
    return "\n".join(line for line in text.split("\n") if tag_line(line) is None)


LAYOUT = make_layout(
    NAME,
    "START/END note blocks with Front:/Back:/Tags: lines, STARTI … ENDI notes (Obsidian_to_Anki)",
    _entries,
    _score,
)
