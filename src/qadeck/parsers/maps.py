"""Layout ``maps``: the nodes of a mind map that ask, answered by the nodes under them.

    # Networking                               <- the central topic (the map's title)
    - Congestion control                       <- a topic that states: notes, no card
        - slow start
    - Why does closing take four steps?        <- a node that asks: the question
        - Each side closes its own half        <- the nodes under it: the answer

A mind map (FreeMind, XMind, KityMinder, MindManager, SimpleMind, iThoughts) is
a tree of notes in which a few nodes ask, at any depth, among many that state:
the reader of the format (:mod:`qadeck.markups.outliner`) writes it as nested
list items, and a node that asks and holds nodes or a note is a card, its
answer what is nested under it, whatever its siblings are. The layouts for
typed text want most items at one indentation to ask before they read a list
as questions; a map's node is a node, not a line that may be prose, so one
that asks is a question on its own. A node that asks inside another's answer
stays that answer's. Only files a mind-map reader wrote are this layout's, and
a reading of another layout that explains more of the map wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import markups
from ..model import Source
from .entries import Entry, coverage, make_layout
from .repair import clean
from .structure import CJK_ASKING, asks_in, cjk_asks

NAME = "maps"

#: A node as the mind-map reader writes it: a "-" item, indented four spaces a level.
_NODE = re.compile(r"^( *)- (\S.*?)\s*$")
#: A node's text that asks with a mark: a word before the mark, not a pattern's "?" or a call's "()".
_WORDED = re.compile(r"[^\W\d_]")
#: A heading the reader writes over a topic's nodes: the section of the cards under it.
_TOPIC = re.compile(r"^#{1,6} (.+?)\s*$")
#: The score of a map whose asking nodes explain little of it: just enough to be read, below any other
#: layout that reads it as a fit (see :data:`qadeck.parsers.MIN_SCORE`).
_FLOOR = 0.2


def find(source: Source) -> list[Entry]:
    if source.path.suffix.lower() not in markups.MAPS:
        return []
    lines = source.text.split("\n")
    entries: list[Entry] = []
    section = ""
    index = 0
    while index < len(lines):
        text = lines[index]
        if text.startswith("#"):
            found = _TOPIC.match(text)
            section = found.group(1) if found else section
            index += 1
            continue
        node = _NODE.match(text)
        if node is None or not _asks(node.group(2)):
            index += 1
            continue
        margin = len(node.group(1))
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > margin):
            end += 1
        body = lines[index + 1 : end]
        while body and not body[-1].strip():
            body.pop()
        if not body:
            index += 1
            continue
        answer = clean.answer_markdown(_lone(body))
        if answer:
            entries.append(Entry(clean.tidy_question(node.group(2)), answer, index + 1, index + len(body) + 1, section))
        index = end  # a node that asks inside this answer stays the answer's
    return entries


def _asks(text: str) -> bool:
    """Does a node ask: a question mark after words, or an interrogative of Chinese, Japanese or Korean in it (maps
    in those languages seldom write the mark)? A node that opens with an English question word and no mark is as
    often a statement ("Where it is needed, enforce …"), wrapped over lines by the app."""
    if asks_in(text):
        return _WORDED.search(text) is not None
    return cjk_asks(text) or CJK_ASKING.match(text) is not None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _lone(body: list[str]) -> list[str]:
    """An answer that is one node under the question, nothing under it: its text, not a list of one item."""
    filled = [line for line in body if line.strip()]
    if len(filled) == 1 and (found := _NODE.match(filled[0])):
        return [found.group(2)]
    return body


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """The coverage, one answered node enough (a map's node is marked as a node), and never below
    :data:`_FLOOR` when a node that asks holds an answer."""
    if not entries:
        return 0.0
    return max(_FLOOR, coverage(source, [*entries, *entries] if len(entries) == 1 else entries))


LAYOUT = make_layout(NAME, "Mind maps: the nodes that ask, answered by the nodes under them", find, _score)
