"""MindManager maps (``.mmap``) as Markdown, read as a FreeMind map is (see :mod:`.mindmap`).

An ``.mmap`` file is a zip holding ``Document.xml``: the central topic in
``<ap:OneTopic>``, each ``<ap:Topic>`` nesting its subtopics (and its floating
topics and callouts) inside it, its text in ``<ap:Text PlainText="…">`` and its
note an XHTML page in ``<ap:NotesXhtmlData>`` (its ``PreviewPlainText`` the same
note as text). A topic's text comes after its subtopics, so each is given to the
innermost topic still open. A floating topic outside the central one is one more
branch of the map, its first. The XML is scanned, never parsed (see :mod:`.archive`).
Line numbers are the Markdown's.
"""

from __future__ import annotations

import re

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from .archive import Archive
from .mindmap import maps_markdown
from .outliner import MAX_DEPTH, Node, attributes, line_at, markdown_of

_KIND = "MindManager mind map"
_ATTRIBUTES = r"((?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)"
#: The pieces the reader needs: topics opening and closing, their text, and their notes.
_PIECE = re.compile(
    rf"<(/?)ap:Topic\b{_ATTRIBUTES}(/?)>|<ap:Text\b{_ATTRIBUTES}/?>"
    rf"|<ap:NotesXhtmlData\b{_ATTRIBUTES}(?:/>|>(.*?)</ap:NotesXhtmlData\s*>)",
    re.DOTALL,
)


def to_markdown(data: bytes, name: str = "<mmap>") -> str:
    archive = Archive(data, name, _KIND)
    if not archive.has("Document.xml"):
        raise archive.damaged("no Document.xml in it")
    text = archive.text("Document.xml")
    roots: list[Node] = []
    # Each open topic: where it opened, its text, its notes, its subtopics so far.
    stack: list[tuple[int, list[str], list[str], list[Node]]] = []
    for piece in _PIECE.finditer(text):
        closing, _topic, alone, text_attributes, note_attributes, note = piece.groups()
        if text_attributes is not None:
            if stack:
                stack[-1][1][:] = [markdown_of(attributes(text_attributes).get("PlainText", ""))]
        elif note_attributes is not None:
            if stack:
                written = html_to_markdown(note, page=True).strip() if note and note.strip() else \
                    markdown_of(attributes(note_attributes).get("PreviewPlainText", ""))
                if written:
                    stack[-1][2].append(written)
        elif closing:
            if not stack:
                raise SourceError(f"not a readable {_KIND}: Document.xml: </ap:Topic> closes nothing", name,
                                  line_at(text, piece.start()))
            _at, texts, notes, children = stack.pop()
            (stack[-1][3] if stack else roots).append(Node(texts[0], "\n\n".join(notes), tuple(children)))
        elif alone:
            (stack[-1][3] if stack else roots).append(Node(""))
        elif len(stack) >= MAX_DEPTH:
            raise SourceError(f"not a readable {_KIND}: Document.xml: topics nested over {MAX_DEPTH} deep", name,
                              line_at(text, piece.start()))
        else:
            stack.append((piece.start(), [""], [], []))
    if stack:
        raise SourceError(f"not a readable {_KIND}: Document.xml: <ap:Topic> opened here is never closed", name,
                          line_at(text, stack[-1][0]))
    if len(roots) > 1:  # floating topics beside the central one: its branches too, first, so no topic's heading covers them
        central, *floating = roots
        roots = [Node(central.text, central.note, (*floating, *central.children))]
    return maps_markdown(roots)
