"""OPML outlines (``.opml``: what Workflowy, Dynalist, OmniOutliner, Logseq and most outliners export) as Markdown.

An OPML file is ``<head>`` (its ``<title>``) and ``<body>``: nested
``<outline text="…">`` elements, each node's note in ``_note`` (Workflowy,
Dynalist, Logseq). OmniOutliner writes its other columns as attributes named
for the column (``Answer="…"``): those are the node's note too (OPML's own attributes and the other outliners'
bookkeeping are named in lower case). A comment node
(``isComment``) is left out, and so is a feed (``xmlUrl``: an OPML file is also
how feed readers export their subscriptions). :mod:`.outliner` writes the
Markdown; the file is scanned, never parsed as XML. Line numbers are the Markdown's.
"""

from __future__ import annotations

import re

from ..errors import SourceError
from . import outliner
from .outliner import MAX_DEPTH, Node, line_at, markdown_of, scan_tags, title_of, too_deep, unclosed

_KIND = "an OPML outline"
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.DOTALL)
_OPML = re.compile(r"<opml\b")
#: OmniOutliner names the attribute of a column for its title, which opens with a capital letter; OPML's own
#: attributes and the outliners' bookkeeping (``created``, ``name``, ``_status``, ``xmlUrl``) open lower case or with "_".
_COLUMN = re.compile(r"[A-Z]")
_TRUE = frozenset({"true", "1", "yes"})


def to_markdown(text: str) -> str:
    """The Markdown of an OPML file's text (see the module docstring)."""
    opened = _OPML.search(text)
    if not opened:
        raise SourceError(f"not {_KIND}: no <opml> element")
    body = text.find("<body", opened.end())
    if body < 0:
        raise SourceError(f"{_KIND} with no <body>", None, line_at(text, opened.start()))
    title = _TITLE.search(text, opened.end(), body)
    return outliner.to_markdown(title_of(title.group(1)) if title else "", _nodes(text, body))


def _nodes(text: str, start: int) -> list[Node]:
    """The outline's top nodes: each ``<outline>`` after ``start``, nested as the file nests them."""
    top: list[Node] = []
    # Each open element: where it opened, its attributes, the children found so far.
    stack: list[tuple[int, dict[str, str], list[Node]]] = []
    for tag in scan_tags(text[start:], frozenset({"outline"})):
        if tag.closing:
            if not stack:
                raise SourceError(f"{_KIND}: </outline> closes nothing", None, line_at(text, start + tag.start))
            _at, attributes, children = stack.pop()
            _add(attributes, children, stack[-1][2] if stack else top)
        elif tag.alone:
            _add(tag.attributes, [], stack[-1][2] if stack else top)
        elif len(stack) < MAX_DEPTH:
            stack.append((start + tag.start, tag.attributes, []))
        else:
            raise too_deep(_KIND, text, start + tag.start)
    if stack:
        raise unclosed(_KIND, text, stack[-1][0])
    return top


def _add(attributes: dict[str, str], children: list[Node], into: list[Node]) -> None:
    if attributes.get("isComment", "").lower() in _TRUE or "xmlUrl" in attributes:
        return
    notes = [attributes.get("_note", "")]
    notes += [value for key, value in attributes.items() if _COLUMN.match(key) and _says(value)]
    note = "\n\n".join(markdown_of(note) for note in notes if note.strip())
    into.append(Node(markdown_of(attributes.get("text", "")), note, tuple(children)))


def _says(value: str) -> bool:
    """Is an attribute's value text someone wrote (a column of the outline), not a number, flag or address?"""
    value = value.strip()
    return bool(value) and any(c.isalpha() for c in value) and value.lower() not in _TRUE | {"false", "no"} and \
        not value.startswith(("http://", "https://", "#"))
