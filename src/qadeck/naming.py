"""The deck's name when no ``qadeck.yaml`` gives one: a lone source's title, else its folder's name.

A folder is often called ``notes`` or ``in`` while the one document in it opens with a real title
(``# Big Deck``), which is what its author would call the deck. With several sources no single title
speaks for all of them, so the folder's name, title-cased, is used.

Note apps that export a workspace name each page and folder after its title and the page's id
(Notion: ``Biology 0123…cdef.md``, a database's ``… 0123…cdef_all.csv``): :func:`plain_name` is the
title alone, for the deck, the topic and the ``source::`` tag to say what the page is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SourceError

if TYPE_CHECKING:
    from .perf.card_cache import DocumentTexts

#: Lines looked at for a title: a title opens a document.
_HEAD_LINES = 40
#: The title ends in a character that is not a space, and its closing marks are never given back:
#: a title lazily tried at every character of a run of spaces, with the rest tried each time,
#: takes cubic time in the run's length.
_ATX = re.compile(r"#[ \t]+(?P<t>(?:[^\n]*?(?<![ \t]))??)[ \t]*+#*+[ \t]*+")
_ASCIIDOC = re.compile(r"=[ \t]+(?P<t>\S[^\n]*)")
_ORG = re.compile(r"#\+title:[ \t]*(?P<t>\S[^\n]*)", re.IGNORECASE)
_FRONT_TITLE = re.compile(r"title:[ \t]*(?P<t>\S[^\n]*)")
_SETEXT = re.compile(r"={3,}[ \t]*")
_POD = re.compile(r"=head1[ \t]+(?P<t>\S[^\n]*)")


@dataclass(frozen=True)
class DeckName:
    """A deck name and where it came from, for the summary."""

    name: str
    #: ``"the title of notes.md"`` or ``"the folder name"``.
    origin: str


#: A page id a note app's export writes after a page's title: Notion's 32 hexadecimal digits, then ``_all``
#: on the CSV of a whole database and a number on a name written twice (``Notes 0123…cdef 2``).
_EXPORT_ID = re.compile(r"[ _-]+[0-9a-f]{32}(?:_all)?(?:[ _-]\d{1,3})?$")
#: The id's length: a name no longer than it holds none (the cheap test).
_ID_LENGTH = 32


def plain_name(name: str) -> str:
    """A file's or folder's name without the page id an export adds to it (``Biology 0123…cdef`` ->
    ``Biology``); the name as it is when it holds none, or nothing else."""
    if len(name) <= _ID_LENGTH:
        return name
    return _EXPORT_ID.sub("", name) or name


def folder_title(folder: Path) -> str:
    """``my_notes`` -> ``My Notes``; a nameless folder (a drive root) gives ``Qadeck``."""
    name = plain_name(folder.resolve().name) or "qadeck"
    return name.replace("-", " ").replace("_", " ").strip().title() or "Qadeck"


def document_title(text: str) -> str:
    """The title a document opens with (Markdown, setext, AsciiDoc, Org, POD, YAML front matter), or ""."""
    lines = text.lstrip("\ufeff").splitlines()[:_HEAD_LINES]
    in_front = bool(lines) and lines[0].strip() == "---"
    for i, raw in enumerate(lines):
        line = raw.strip()
        if in_front:
            if i and line in ("---", "..."):
                in_front = False
            elif match := _FRONT_TITLE.fullmatch(line):
                return _clean(match["t"])
            continue
        if not line:
            continue
        for pattern in (_ATX, _ASCIIDOC, _ORG, _POD):
            if match := pattern.fullmatch(line):
                return _clean(match["t"])
        if i + 1 < len(lines) and _SETEXT.fullmatch(lines[i + 1].strip()):
            return _clean(line)
        if line.startswith(("<!--", "[", "//", ":")):
            continue  # comments, badges and attribute lines come before some titles
        return ""
    return ""


def _clean(title: str) -> str:
    title = re.sub(r"(?<=[^\W_])_+(?=[^\W_])", " ", title)  # "04_Dictionary_Collection": a file name's words
    title = re.sub(r"[*_`]+", "", title).strip(" \"'")
    return title if any(ch.isalnum() for ch in title) and len(title) <= 80 else ""


def choose(folder: Path, files: list[Path], kept: DocumentTexts | None = None) -> DeckName:
    """The name for a deck of the source ``files`` in ``folder`` with no config (a document's text taken
    from ``kept`` when it holds it: see :func:`qadeck.sources.read`)."""
    from . import sources  # sources read markups, whose readers name files too: imported when first needed

    if len(files) == 1:
        try:
            text = sources.read(files[0], kept).text
        except SourceError:
            text = ""  # reported when the file is read as a source
        if title := document_title(text):
            return DeckName(title, f"the title of {files[0].name}")
    return DeckName(folder_title(folder), "the folder name")
