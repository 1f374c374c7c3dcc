"""Layout ``apy``: the Markdown notes of apy, the Anki command line, a ``# `` heading each.

    model: Basic                      <- the file's defaults, above the first heading
    tags: chemistry

    # Note                            <- a note (its title names nothing)
    model: Cloze                      <- its own settings, before its first field
    tags: gases

    ## Text                           <- its fields, each a ``## `` heading
    Air is mostly {{c1::nitrogen}}.

    ## Back Extra
    About 78 percent.

A ``# `` heading opens a note, and ``key: value`` lines under it (or above the
first heading, for every note) give its ``model`` (note type), ``tags`` and
``deck``; its ``## `` headings are its fields. A note of a cloze model asks its
``Text`` and shows its extra after; any other asks its ``Front`` (or its first
field) and answers with its ``Back`` (or the fields after). Its deck is its
section. A file is in this syntax when a ``model:`` line says so: a ``# Note``
over ``## Front`` and ``## Back`` alone is the labelled layout's.
"""

from __future__ import annotations

import re

from ..model import Source
from .blocks import ANSWER_FIELDS, QUESTION_FIELDS, note_entry
from .entries import Entry, make_layout, marked_coverage
from .structure import Line, outline

NAME = "apy"

#: What a file of apy's notes holds: a line opening with the model's key (the first, or one after a newline: two
#: substring tests, where a line-anchored pattern is tried at every position).
_MODEL_KEY = "model: "
_SETTING = re.compile(r"^(\w+): (.*)$")
#: Fields of Anki's own note types: a note holding one is a note, not a page's section.
NAMED_FIELDS = frozenset((*QUESTION_FIELDS, *ANSWER_FIELDS))
_HEADING = re.compile(r"^(#{1,2})[ \t]+(.*?)[ \t]*$")


def _entries(source: Source) -> list[Entry]:
    text = source.text
    if not (text.startswith(_MODEL_KEY) or "\n" + _MODEL_KEY in text):
        return []  # most files: no line opens with "model: "
    defaults: dict[str, str] = {"model": "Basic", "tags": "", "deck": ""}
    notes: list[_Note] = []
    for line in outline(source):
        heading = None if line.code else _HEADING.match(line.text)
        if heading and len(heading.group(1)) == 1:
            notes.append(_Note(line, dict(defaults)))
        elif heading and notes:
            notes[-1].field(heading.group(2), line)
        elif notes:
            notes[-1].add(line)
        else:
            _setting(defaults, line)
    if not any(note.anki() for note in notes):
        return []  # no note names its own model or a field of Anki's note types: a page of sections
    return [entry for note in notes for entry in note.entry()]


def _setting(settings: dict[str, str], line: Line) -> str:
    """Read a ``key: value`` line into ``settings`` (``tag:`` is ``tags:``); the key read, or ""."""
    found = None if line.code else _SETTING.match(line.text)
    if not found:
        return ""
    key = found.group(1).lower()
    key = "tags" if key == "tag" else key
    settings[key] = found.group(2).strip()
    return key


class _Note:
    """A note being read: its settings, then its fields' lines."""

    def __init__(self, line: Line, settings: dict[str, str]) -> None:
        self.first = self.last = line.number
        self.settings = settings
        self.fields: dict[str, list[str]] = {}
        self.current = ""
        self.own_model = False

    def anki(self) -> bool:
        """Does the note say it is one: a model line of its own, or a field Anki's note types name?"""
        return self.own_model or any(name in NAMED_FIELDS for name in self.fields)

    def field(self, name: str, line: Line) -> None:
        self.current = name.lower()
        self.fields.setdefault(self.current, [])
        self.last = line.number

    def add(self, line: Line) -> None:
        if not self.current:
            if _setting(self.settings, line) == "model":
                self.own_model = True
            return
        self.fields[self.current].append(line.text)
        if not line.blank:
            self.last = line.number

    def entry(self) -> list[Entry]:
        if not self.fields:
            return []  # a heading over no field: a title, no note
        fields = {name: "\n".join(texts).strip() for name, texts in self.fields.items()}
        tags = tuple(self.settings["tags"].replace(",", " ").split())
        return [note_entry(self.settings.get("model", "Basic"), fields, tags, self.first, self.last,
                           self.settings.get("deck", ""), first_asks=True)]


LAYOUT = make_layout(
    NAME,
    "apy's Markdown notes: # Note headings, model:/tags:/deck: lines, ## Front/## Back (## Text) field headings",
    _entries,
    marked_coverage,
)
