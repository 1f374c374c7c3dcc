"""What the outliners' and mind maps' readers share: a tree of nodes, written as the Markdown the layouts read.

Contract: a reader (OPML, FreeMind, XMind) turns its file into :class:`Node`\\ s
and :func:`to_markdown` writes them one way, whichever program saved them: a
node that does not ask and holds nodes with answers of their own (a topic, a
chapter) becomes a heading, and every other node a list item with its note
indented under it and its children nested deeper, as an outline is typed in
plain text. The layouts then read the questions in it: a question item with its
answer indented below is the ``outline`` layout's, question headings the
``headings`` layout's. Nothing here decides what a card is.

:func:`scan_tags` and :func:`attributes` are the XML scanning the readers share:
tags are found with a regular expression, never parsed as XML, so no entity is
expanded and nothing a file names is fetched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import SourceError
from ..parsers.markup import html_to_markdown, inline_text
from ..parsers.structure import asks_in, cjk_asks


@dataclass(frozen=True)
class Node:
    """One node of an outline or a mind map."""

    #: What the node says, as Markdown (one line or several).
    text: str
    #: The note attached to it, as Markdown ("" for none): its answer, when it asks.
    note: str = ""
    children: tuple[Node, ...] = ()

    @property
    def holds(self) -> bool:
        """Does the node carry more than its own text (an answer: a note or nodes under it)?"""
        return bool(self.note or self.children)


#: The deepest nesting read: deeper, a file is refused (its nodes are written by recursion; no outline
#: a person keeps is nested this deep).
MAX_DEPTH = 200
#: The deepest heading Markdown has.
_DEEPEST = 6
#: What a list item and each level of nesting under it are indented by: four spaces, which every
#: Markdown reader takes as the item's own content.
_INDENT = "    "
_TAG = re.compile(r"<(/?)([A-Za-z_][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: An HTML tag in a node's text (Workflowy writes ``<b>``, ``<i>``, ``<a href>``, ``<span class=…>``).
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")


def to_markdown(title: str, nodes: tuple[Node, ...] | list[Node], note: str = "") -> str:
    """The outline ``nodes`` under ``title`` (a first-level heading; none when empty) and its ``note`` as Markdown."""
    out: list[str] = []
    if title.strip():
        out += [f"# {_one_line(title)}", ""]
    if note:
        out += [*note.split("\n"), ""]
    _write(nodes, 2, out)
    return "\n".join(out).strip("\n") + "\n"


def _write(nodes: tuple[Node, ...] | list[Node], level: int, out: list[str]) -> None:
    listing = False
    for node in nodes:
        if _is_topic(node) and level <= _DEEPEST:
            if out and out[-1]:
                out.append("")
            out += [f"{'#' * level} {_one_line(node.text)}", ""]
            if node.note:
                out += [*node.note.split("\n"), ""]
            _write(node.children, level + 1, out)
            listing = False
            continue
        if not listing and out and out[-1]:
            out.append("")
        _item(node, "", out)
        listing = True


def _is_topic(node: Node) -> bool:
    """A node that does not ask, over questions with answers, and whose nodes mostly carry answers of their
    own: a heading over them. A node with a few nested points among its answer's is a question put as a
    statement ("Explain …"); a topic over no question is notes, which stay a list (a heading over a list
    reads as a flashcard's title)."""
    holding = sum(child.holds for child in node.children)
    return (holding > 0 and holding * 2 >= len(node.children) and "\n" not in node.text.strip()
            and not _asks(node.text) and _asks_below(node))


def _asks_below(node: Node) -> bool:
    return any(child.holds and _asks(child.text) or _asks_below(child) for child in node.children)


def _asks(text: str) -> bool:
    """Does a node ask: a question mark, or a Chinese, Japanese or Korean interrogative (maps in those languages
    seldom write the mark)."""
    return asks_in(text) or cjk_asks(text)


def _item(node: Node, indent: str, out: list[str]) -> None:
    first, *rest = (node.text.strip() or "…").split("\n")
    out.append(f"{indent}- {first}")
    inner = indent + _INDENT
    out += [inner + line if line.strip() else "" for line in rest]
    children = node.children
    if not indent and len(children) == 1 and not children[0].holds and not node.note:
        # One node under an item and nothing under that: its answer's text, not a list of one item.
        out += [inner + line for line in children[0].text.split("\n") if line.strip()]
        return
    if node.note:
        # A note's paragraphs keep no blank line between them: inside a list item after a blank
        # line, indented text would read as a code block to some readers and as a new entry to others.
        out += [inner + line for line in node.note.split("\n") if line.strip()]
    for child in children:
        _item(child, inner, out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def markdown_of(text: str) -> str:
    """A node's text or note as Markdown. Outliners that format text keep it as HTML, escaped where it is text
    (Workflowy's ``&lt;b&gt;`` for bold and ``&amp;lt;`` for a ``<``): each line is converted as HTML where
    the text has tags, unescaped where it has references; Markdown and plain text stay as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "<" in text and _HTML_TAG.search(text):
        return "\n".join(html_to_markdown(line, page=True).strip() for line in text.split("\n"))
    if "&" in text and _REFERENCE.search(text):
        return html.unescape(text)
    return text


def title_of(element: str) -> str:
    """An XML element's text (a ``<title>``'s) as one line of inline Markdown: its tags as HTML's, its
    references unescaped."""
    return inline_text(element) if "<" in element else _one_line(html.unescape(element))


@dataclass(frozen=True)
class Tag:
    """One XML tag found by :func:`scan_tags`."""

    name: str
    closing: bool
    alone: bool
    attributes: dict[str, str]
    #: Offsets of the tag in the text scanned.
    start: int
    end: int


def scan_tags(text: str, names: frozenset[str]) -> Iterator[Tag]:
    """The tags named one of ``names`` in ``text``, in order, comments left out (see the module docstring)."""
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)  # same offsets, same lines
    for found in _TAG.finditer(text):
        closing, name, rest, alone = found.groups()
        if name in names:
            yield Tag(name, bool(closing), bool(alone), {} if closing else attributes(rest), found.start(), found.end())


def attributes(text: str) -> dict[str, str]:
    """A tag's attributes, their values unescaped: character references and the named entities of HTML, never
    one the file declares."""
    return {key: html.unescape((double if double is not None else single).replace("\n", " "))
            for key, double, single in _ATTRIBUTE.findall(text)}


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def unclosed(kind: str, text: str, offset: int) -> SourceError:
    """The error for an element opened at ``offset`` and never closed (its line named)."""
    return SourceError(f"{kind}: <{_name_at(text, offset)}> opened here is never closed", None, line_at(text, offset))


def too_deep(kind: str, text: str, offset: int) -> SourceError:
    """The error for an element nested deeper than :data:`MAX_DEPTH` (its line named)."""
    return SourceError(f"{kind}: nodes nested over {MAX_DEPTH} deep", None, line_at(text, offset))


def _name_at(text: str, offset: int) -> str:
    found = _TAG.match(text, offset)
    return found.group(2) if found else "?"
