"""SimpleMind maps (``.smmx``) as Markdown, read as a FreeMind map is (see :mod:`.mindmap`).

An ``.smmx`` file is a zip holding ``document/mindmap.xml``: each ``<mindmap>``
lists its topics flat, ``<topic id="…" parent="…" text="…">``, the central
topic's parent ``-1``; a topic's ``<note>`` elements (its own, and those of the
text boxes it holds) are its note, a note on the line to its parent (a label
such as "causes") is left out. In text ``\\N`` is a line break; formatted text
(``textfmt="rtf1"``) marks bold, italics and the like with a backslash and a
sign (``\\*``, ``\\/``, ``\\_``), doubled in an attribute, and is read as its
plain text. The XML is scanned, never parsed (see :mod:`.archive`). Line
numbers are the Markdown's.
"""

from __future__ import annotations

import html
import re

from ..errors import SourceError
from .archive import Archive
from .mindmap import maps_markdown
from .outliner import MAX_DEPTH, Node, attributes

_KIND = "SimpleMind mind map"
_PART = "document/mindmap.xml"
_ATTRIBUTES = r"((?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)"
_MINDMAP = re.compile(r"<mindmap\b[^>]*>(.*?)</mindmap\s*>", re.DOTALL)
_TOPIC = re.compile(rf"<topic\b{_ATTRIBUTES}(?:/>|>(.*?)</topic\s*>)", re.DOTALL)
_NOTE = re.compile(r"<note\b[^>]*>(.*?)</note\s*>", re.DOTALL)
_PARENT_LABEL = re.compile(r"<parent-relation\b.*?</parent-relation\s*>", re.DOTALL)
#: A formatting mark of SimpleMind's text: a backslash and the sign of bold, italics, underline, strike-through,
#: superscript or subscript (``\N``, a line break, is read before these).
_FORMAT = re.compile(r"\\[*/_~^`]")


def to_markdown(data: bytes, name: str = "<smmx>") -> str:
    archive = Archive(data, name, _KIND)
    if not archive.has(_PART):
        raise archive.damaged(f"no {_PART} in it")
    maps = _MINDMAP.findall(archive.text(_PART))
    if not maps:
        raise archive.damaged(f"no <mindmap> in its {_PART}")
    return maps_markdown([root for found in maps for root in _roots(found, name)])


def _roots(text: str, name: str) -> list[Node]:
    """The central topics of one ``<mindmap>``, each with the topics under it."""
    # Topic id -> (its parent's id, its text, its note), and parent id -> its topics' ids in order.
    topics: dict[str, tuple[str, str, str]] = {}
    children: dict[str, list[str]] = {}
    for found in _TOPIC.finditer(text):
        found_attributes, inner = attributes(found.group(1)), found.group(2) or ""
        topic, parent = found_attributes.get("id", ""), found_attributes.get("parent", "-1")
        if not topic or topic in topics:
            continue
        notes = [_plain(html.unescape(note)) for note in _NOTE.findall(_PARENT_LABEL.sub("", inner))]
        topics[topic] = (parent, _plain(found_attributes.get("text", ""), doubled=True),
                         "\n\n".join(note for note in notes if note))
        children.setdefault(parent, []).append(topic)
    return [_node(topic, topics, children, 0, name) for topic in children.get("-1", ())]


def _node(topic: str, topics: dict[str, tuple[str, str, str]], children: dict[str, list[str]], depth: int,
          name: str) -> Node:
    if depth >= MAX_DEPTH:
        raise SourceError(f"not a readable {_KIND}: {_PART}: topics nested over {MAX_DEPTH} deep", name)
    _parent, text, note = topics[topic]
    return Node(text, note, tuple(_node(child, topics, children, depth + 1, name) for child in children.get(topic, ())))


def _plain(text: str, doubled: bool = False) -> str:
    """SimpleMind's text as plain text: ``\\N`` a line break, formatting marks left out (doubled in an attribute)."""
    if "\\" not in text:
        return text.strip()
    text = text.replace("\\N", "\n")
    if doubled:
        text = text.replace("\\\\", "\\")
    return _FORMAT.sub("", text).strip()
