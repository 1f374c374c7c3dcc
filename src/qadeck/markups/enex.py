"""Evernote exports (``.enex``) as Markdown: each note its title over its content.

An export is ``<en-export>`` holding ``<note>``\\ s, each with a ``<title>`` and
a ``<content>``: ENML, Evernote's XHTML, usually in a CDATA section. The content
is converted as an HTML page is (``<en-media>`` pictures and ``<en-todo>`` boxes
leave nothing, ``<en-crypt>`` encrypted text is left out); :mod:`.notes` writes
each note, a heading over its content (a note alone in its export whose title asks is a card of its own). Resources (attached files,
base64) and the notes' dates and tags are not read. The file is scanned, never
parsed as XML: no entity is expanded and nothing it names is fetched. Line
numbers are the Markdown's.
"""

from __future__ import annotations

import html
import re

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from . import notes
from .outliner import line_at, title_of

_KIND = "an Evernote export"
_NOTE = re.compile(r"<note\b[^>]*>(.*?)</note\s*>", re.DOTALL)
_NOTE_OPEN = re.compile(r"<note\b[^>]*>")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.DOTALL)
_CONTENT = re.compile(r"<content\b[^>]*>(.*?)</content\s*>", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_RESOURCE = re.compile(r"<resource\b.*?</resource\s*>", re.DOTALL)
_ENCRYPTED = re.compile(r"<en-crypt\b.*?</en-crypt\s*>", re.DOTALL)


def to_markdown(text: str) -> str:
    if "<en-export" not in text:
        raise SourceError(f"not {_KIND}: no <en-export> element")
    text = _RESOURCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # attachments: same lines, no base64 to scan
    out: list[str] = []
    end = 0
    found = list(_NOTE.finditer(text))
    for note in found:
        title = _TITLE.search(note.group(1))
        content = _CONTENT.search(note.group(1))
        body = _content(content.group(1)) if content else ""
        out += notes.titled(title_of(title.group(1)) if title else "", body, level=2, alone=len(found) == 1)
        end = note.end()
    opened = _NOTE_OPEN.search(text, end)
    if opened:
        raise SourceError(f"{_KIND}: <note> opened here is never closed", None, line_at(text, opened.start()))
    return "\n".join(out) + "\n" if out else "\n"


def _content(content: str) -> str:
    """A note's ENML (in CDATA, or escaped as XML text) as Markdown."""
    cdata = _CDATA.search(content)
    enml = cdata.group(1) if cdata else html.unescape(content)
    return html_to_markdown(_ENCRYPTED.sub("", enml), page=True).strip()
