"""Anki notes written in Org with anki-editor or org-anki: each note's fields, kind and tags.

    * Astronomy                                  <- a section
    ** Largest planet                 :space:    <- a note: its drawer names a note type
    :PROPERTIES:
    :ANKI_NOTE_TYPE: Basic
    :ANKI_TAGS: planets
    :END:
    *** Front                                    <- its fields, as subheadings
    Which planet is the largest?
    *** Back
    Jupiter.

A heading whose property drawer holds ``:ANKI_NOTE_TYPE:`` is a note; its subheadings are its fields
(the note's first level of them: deeper headings are part of a field's text), and a property
``:ANKI_FIELD_FRONT:`` is one too (the only ones, with ``:ANKI_NO_SUBHEADING_FIELDS: t``). Where a
field is missing, anki-editor fills it from the heading and from the text between the drawer and
the first subheading: a note of no subheading is the heading asking and that text answering, a note
of a front alone has that text for its back. A ``Cloze`` note (any type named so) asks its ``Text``
field (or that text, or the heading) and shows ``Extra`` (``Back Extra``) after; one named
``reversed card`` asks both ways. A note's tags are its ``:ANKI_TAGS:`` and its Org tags, its
ancestors' too (Org's inheritance), but for ``export`` and ``noexport``. Its section is the
heading above it. Text outside notes is no card: in such a file the notes are the cards.

org-anki marks the notes it has sent to Anki with an ``:ANKI_NOTE_ID:`` (anki-editor too, beside
the note type): such a heading with no note type is org-anki's, the heading asking and the text
under it (up to any subheading: each is a note of its own) answering, or, when the heading holds
Anki's ``{{c1::…}}`` deletions, a cloze of the heading alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..cloze import ANKI
from ..parsers.blocks import ANSWER_FIELDS, QUESTION_FIELDS, note_kind, note_sides
from .datacards import Item
from .org import BLOCK, HEADING

_PROPERTY = re.compile(r"^[ \t]*:([\w-]+):(?:[ \t]+(.*?))?[ \t]*$")
_PLANNING = re.compile(r"^[ \t]*(?:SCHEDULED|DEADLINE|CLOSED):")
#: Org tags anki-editor leaves out of a note's tags by default.
_IGNORED_TAGS = frozenset({"export", "noexport"})
_FIELD_PROPERTY = "ANKI_FIELD_"

Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int  # line index of the heading
    level: int
    title: str
    tags: tuple[str, ...]
    properties: dict[str, str]
    body: int  # index of the first line after the heading's drawer


def items(text: str, translate: Translate) -> list[Item]:
    """The anki-editor and org-anki notes of an Org ``text`` as entries, fields as Markdown (``translate`` reads
    Org); none when no heading's drawer names a note type or a note's id (``:ANKI_NOTE_TYPE:`` in a source
    block, a capture template)."""
    lines = text.split("\n")
    headings = _headings(lines)
    found: list[Item] = []
    for at, heading in enumerate(headings):
        note_type = heading.properties.get("ANKI_NOTE_TYPE")
        if note_type is None and "ANKI_NOTE_ID" not in heading.properties:
            continue
        end = next((h.index for h in headings[at + 1 :] if h.level <= heading.level), len(lines))
        children = [h for h in headings[at + 1 :] if h.index < end]
        if note_type is None:
            item = _org_anki_item(lines, headings[:at], heading, children[0].index if children else end, translate)
        else:
            item = _item(lines, headings[:at], heading, note_type, children, end, translate)
        if item is not None:
            found.append(item)
    return found


def _org_anki_item(lines: list[str], above: list[_Heading], note: _Heading, end: int, translate: Translate) -> Item | None:
    """org-anki's note: its heading asks and its text answers, or its heading is a cloze."""
    question = translate(note.title).strip()
    kind = "cloze" if ANKI.search(question) else "basic"
    answer = "" if kind == "cloze" else _text(lines[note.body : end], translate)
    section, tags = _placed(above, note, translate)
    return Item(question, answer, note.index + 1, section, tags, kind=kind) if question else None


def _in_blocks(lines: list[str]) -> list[bool]:
    """For each line, whether it opens, closes or sits in a ``#+begin_…`` block (source code, examples), where a
    line opening with stars is no heading."""
    inside = []
    block = False
    for line in lines:
        opens = BLOCK.match(line)
        if opens:
            block = opens.group(1).lower() == "begin"
        inside.append(block or bool(opens))
    return inside


def _headings(lines: list[str]) -> list[_Heading]:
    found: list[_Heading] = []
    for index, (line, block) in enumerate(zip(lines, _in_blocks(lines))):
        if block or not line.startswith("*"):
            continue
        heading = HEADING.match(line)
        if heading:
            tags = tuple(tag for tag in (heading.group(3) or "").strip(":").split(":") if tag)
            properties, body = _drawer(lines, index + 1)
            found.append(_Heading(index, len(heading.group(1)), heading.group(2), tags, properties, body))
    return found


def _drawer(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The properties of the drawer right under a heading (after its planning line) and the line after it."""
    index = start
    while index < len(lines) and _PLANNING.match(lines[index]):
        index += 1
    if index >= len(lines) or lines[index].strip().upper() != ":PROPERTIES:":
        return {}, start
    properties: dict[str, str] = {}
    for end in range(index + 1, len(lines)):
        line = lines[end]
        if line.strip().upper() == ":END:":
            return properties, end + 1
        found = _PROPERTY.match(line)
        if not found or line.lstrip().startswith("*"):
            break
        properties[found.group(1).upper()] = found.group(2) or ""
    return {}, start  # a drawer never closed is no drawer


def _item(lines: list[str], above: list[_Heading], note: _Heading, note_type: str, children: list[_Heading], end: int,
          translate: Translate) -> Item | None:
    level = min((child.level for child in children), default=0)
    fields = [child for child in children if child.level == level]
    if note.properties.get("ANKI_NO_SUBHEADING_FIELDS", "nil").strip().lower() not in ("", "nil"):
        end, fields = fields[0].index if fields else end, []  # its fields are its properties: subheadings are notes
    named: dict[str, str] = {}
    for number, field in enumerate(fields):
        stop = fields[number + 1].index if number + 1 < len(fields) else end
        named.setdefault(field.title.strip().lower(), _text(lines[field.body : stop], translate))
    for key, value in note.properties.items():
        if key.startswith(_FIELD_PROPERTY) and value.strip():
            named.setdefault(key[len(_FIELD_PROPERTY) :].replace("_", " ").lower(), translate(value).strip())
    content = _text(lines[note.body : fields[0].index if fields else end], translate)
    kind = note_kind(note_type)
    # A note type of fields of its own (none named for a question or an answer): its first field asks.
    own = bool(named) and kind != "cloze" and not any(name in named for name in (*QUESTION_FIELDS, *ANSWER_FIELDS))
    question, answer = note_sides(named, first_asks=own)
    if question is None:
        # A missing field is the heading, or the text under it: a cloze's text, or a basic note's answer.
        heading = translate(note.title).strip()
        question = content if kind == "cloze" and content else heading
        answer = answer or (content if question is not content else "")
    elif not answer:
        answer = content  # the field missing is the text under the heading
    section, tags = _placed(above, note, translate)
    return Item(question, answer, note.index + 1, section, tags, kind=kind) if question else None


def _placed(above: list[_Heading], note: _Heading, translate: Translate) -> tuple[str, tuple[str, ...]]:
    """The note's section (the heading over it) and tags: its ``ANKI_TAGS`` and Org tags, and those of the
    headings it sits under."""
    section = next((h.title for h in reversed(above) if h.level < note.level), "")
    chain = [note]
    for heading in reversed(above):
        if heading.level < chain[-1].level:
            chain.append(heading)
    tags = [tag for heading in reversed(chain)
            for tag in (*heading.properties.get("ANKI_TAGS", "").split(), *heading.tags)]
    return translate(section).strip(), tuple(dict.fromkeys(tag for tag in tags if tag not in _IGNORED_TAGS))


def _text(lines: list[str], translate: Translate) -> str:
    """A field's Org lines as Markdown: its planning lines and drawers left out, a heading in it (a part of the
    field's text) a bold line, runs of blank lines made one."""
    kept = []
    for line, block in zip(lines, _in_blocks(lines)):
        if not block and (heading := HEADING.match(line)):
            line = f"*{heading.group(2)}*" if heading.group(2) else ""
        elif _PLANNING.match(line):
            continue
        kept.append(line)
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", translate("\n".join(kept))).strip()
