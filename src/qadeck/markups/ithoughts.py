"""iThoughts maps (``.itmz``) as Markdown, read as a FreeMind map is (see :mod:`.mindmap`).

An ``.itmz`` file is a zip holding ``mapdata.xml``: ``<topics>`` of nested
``<topic text="…" note="…">`` elements, the first the central topic (a floating
topic, ``floating="1"``, sits among its branches). Text and notes are Markdown,
a line break a character reference (``&#10;``). The XML is scanned, never
parsed (see :mod:`.archive`). Line numbers are the Markdown's.
"""

from __future__ import annotations

from ..errors import SourceError
from .archive import Archive
from .mindmap import maps_markdown
from .outliner import MAX_DEPTH, Node, line_at, markdown_of, scan_tags

_KIND = "iThoughts mind map"
_PART = "mapdata.xml"
_TOPIC = frozenset({"topic"})


def to_markdown(data: bytes, name: str = "<itmz>") -> str:
    archive = Archive(data, name, _KIND)
    if not archive.has(_PART):
        raise archive.damaged(f"no {_PART} in it")
    text = archive.text(_PART)
    roots: list[Node] = []
    # Each open topic: where it opened, its attributes, its subtopics so far.
    stack: list[tuple[int, dict[str, str], list[Node]]] = []
    for tag in scan_tags(text, _TOPIC):
        if tag.closing:
            if not stack:
                raise SourceError(f"not a readable {_KIND}: {_PART}: </topic> closes nothing", name,
                                  line_at(text, tag.start))
            _at, found, children = stack.pop()
            (stack[-1][2] if stack else roots).append(_topic(found, children))
        elif tag.alone:
            (stack[-1][2] if stack else roots).append(_topic(tag.attributes, []))
        elif len(stack) >= MAX_DEPTH:
            raise SourceError(f"not a readable {_KIND}: {_PART}: topics nested over {MAX_DEPTH} deep", name,
                              line_at(text, tag.start))
        else:
            stack.append((tag.start, tag.attributes, []))
    if stack:
        raise SourceError(f"not a readable {_KIND}: {_PART}: <topic> opened here is never closed", name,
                          line_at(text, stack[-1][0]))
    if len(roots) > 1:  # topics beside the central one: its branches too, first, so no topic's heading covers them
        central, *beside = roots
        roots = [Node(central.text, central.note, (*beside, *central.children))]
    return maps_markdown(roots)


def _topic(found: dict[str, str], children: list[Node]) -> Node:
    return Node(markdown_of(found.get("text", "")), markdown_of(found.get("note", "")), tuple(children))
