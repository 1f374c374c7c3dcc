"""Obsidian Canvas boards (``.canvas``, the JSON Canvas format) as the Markdown the layouts read.

A board is JSON: ``nodes`` (its boxes: a ``text`` node holds Markdown, a ``file`` node shows a note of
the vault, a ``link`` node a page, a ``group`` node is a labelled frame round others) and ``edges``
(arrows from one node to another). Who studies on a board joins a question's box to its answer's
with an arrow, as a mind map joins a topic to its points, so arrows are read as an outline's nesting:
the text nodes an arrow leaves from hold those it points to, and :mod:`.outliner` writes each such
tree as it writes any outline (a question over its answer is the ``outline`` layout's card; a
diagram's boxes that ask nothing stay notes). A box no arrow joins is Markdown of its own, read as
written (``Q:`` and ``A:`` lines, a cloze, a heading over its answer), its headings a section that
covers its own box only; on a board with arrows, a box titled by its one heading is an item of the
outline like the others, so the board reads one way. Boxes are read as a reader scans the board,
top to bottom, then left to right, a group's together; a group's label is left out (a diagram's
frames are labelled "Memory" or "Input", which would title cards of what they frame), and so is an
arrow's. File, link and picture nodes are left out: an embedded note is a source of its own, read
where it lies, and nothing a board names is opened or fetched. Line numbers are the Markdown's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..errors import SourceError
from . import outliner
from .outliner import MAX_DEPTH, Node

_KIND = "an Obsidian canvas"
#: A Markdown heading opening a node's text (``# Topic``: a board's big title box), in an outline its item's text.
_HEADING = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_FENCE = re.compile(r"\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class _Box:
    """A text or group node: what it says and where it stands on the board."""

    id: str
    text: str
    x: float
    y: float
    width: float
    height: float

    def inside(self, group: _Box) -> bool:
        """Does this box's centre lie within ``group``'s box?"""
        cx, cy = self.x + self.width / 2, self.y + self.height / 2
        return group.x <= cx <= group.x + group.width and group.y <= cy <= group.y + group.height


def to_markdown(text: str) -> str:
    """The Markdown of a canvas file's text (see the module docstring)."""
    try:
        board = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSON nested past Python's stack is not a board either
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        raise SourceError(f"{_KIND} that is not JSON", None, line) from None
    if not isinstance(board, dict) or not isinstance(board.get("nodes", []), list) \
            or not isinstance(board.get("edges", []), list):
        raise SourceError(f"not {_KIND}: no list of nodes")
    texts, groups = _boxes(board.get("nodes", []))
    children, pointed = _arrows(board.get("edges", []), texts)
    writing = _Writing(texts, groups, children, pointed, [], [], set())
    _write_area(None, list(texts.values()), writing)
    markdown = "\n".join(writing.out + writing.headed).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", markdown) + "\n" if markdown else ""


def _boxes(nodes: list[object]) -> tuple[dict[str, _Box], list[_Box]]:
    """The board's text nodes by id, and its group boxes; nodes of other kinds and malformed ones left out."""
    texts: dict[str, _Box] = {}
    groups: list[_Box] = []
    for node in nodes:
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            continue
        kind = node.get("type")
        words = node.get("text") if kind == "text" else node.get("label") if kind == "group" else None
        if not isinstance(words, str):
            if kind != "group":
                continue
            words = ""
        box = _Box(node["id"], words.replace("\r\n", "\n").strip(), *(_number(node.get(key))
                                                                        for key in ("x", "y", "width", "height")))
        if kind == "group":
            groups.append(box)
        elif box.text:
            texts[box.id] = box
    return texts, groups


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _arrows(edges: list[object], texts: dict[str, _Box]) -> tuple[dict[str, list[str]], set[str]]:
    """Each text node's id -> the text nodes its arrows point to (an arrow drawn backwards, with its head at
    its start, points the other way), and the ids arrows point to."""
    children: dict[str, list[str]] = {}
    pointed: set[str] = set()
    for edge in edges:
        if not isinstance(edge, dict):
            continue
        start, end = edge.get("fromNode"), edge.get("toNode")
        if edge.get("fromEnd") == "arrow" and edge.get("toEnd") == "none":
            start, end = end, start
        if isinstance(start, str) and isinstance(end, str) and start in texts and end in texts and start != end:
            if end not in children.setdefault(start, []):
                children[start].append(end)
                pointed.add(end)
    return children, pointed


def _reading_order(box: _Box) -> tuple[float, float]:
    return box.y, box.x


@dataclass
class _Writing:
    """What writing a board carries from area to area: every text node by id, the arrows, what is written."""

    by_id: dict[str, _Box]
    groups: list[_Box]
    children: dict[str, list[str]]
    pointed: set[str]
    #: The Markdown of the trees and of the nodes that hold no heading, and of the nodes that hold one: written
    #: after all the others, each its own section (see :func:`_own_headings`).
    out: list[str]
    headed: list[str]
    placed: set[str]


def _write_area(group: _Box | None, texts: list[_Box], writing: _Writing) -> None:
    """The text nodes and groups inside ``group`` (the whole board for None), each under the innermost group
    holding it, in reading order: the nodes no arrow points to, each with what its arrows reach, then those
    only a ring of arrows or a node written later reaches."""
    inner = [other for other in writing.groups if other is not group and (group is None or other.inside(group))]
    # The groups directly inside this one: those no other inner group holds.
    direct = [other for other in inner if not any(other is not outer and other.inside(outer) for outer in inner)]
    own = sorted((box for box in texts if not any(box.inside(other) for other in direct)), key=_reading_order)
    entries = sorted([*(box for box in own if box.id not in writing.pointed), *direct], key=_reading_order)
    for entry in [*entries, *own]:
        if entry in direct:
            _write_area(entry, [box for box in texts if box.inside(entry)], writing)
        elif entry.id not in writing.placed:
            lines = entry.text.split("\n")
            headings = _headings(lines)
            # On a board whose arrows make an outline, a node titled by its one heading is an item of it too: a
            # file is read one way (see the module docstring).
            if entry.id in writing.children or headings == [0] and writing.children:
                tree = _tree(entry, writing, 0)
                writing.out += ["", *outliner.to_markdown("", [tree]).rstrip("\n").split("\n"), ""]
            else:
                writing.placed.add(entry.id)
                lines, headed = _own_headings(lines, headings)
                (writing.headed if headed else writing.out).extend(["", *lines, ""])


def _headings(lines: list[str]) -> list[int]:
    """The indices of the Markdown headings among ``lines``, those in code blocks left out."""
    found: list[int] = []
    fence = ""
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
        elif not fence and line.startswith("#") and _HEADING.fullmatch(line):
            found.append(index)
    return found


def _own_headings(lines: list[str], headings: list[int]) -> tuple[list[str], bool]:
    """A node's lines with its ``headings`` made a section of their own: a node's heading covers its own box,
    so its highest becomes a second-level heading (the others as far below it as they were), and such nodes
    are written after all the others, where no node's text falls under another's heading. A heading with no
    text of its node under it (``## 180``, a diagram's label) is plain text. Also says whether a heading is left."""
    lines = list(lines)
    said = False
    for index in range(len(lines) - 1, -1, -1):
        if index in headings and not said:
            lines[index] = _title(lines[index])
        elif lines[index].strip() and index not in headings:
            said = True
    kept = [(index, _HEADING.fullmatch(lines[index])) for index in headings if lines[index].startswith("#")]
    levels = [len(heading.group(1)) for _index, heading in kept if heading]
    for index, heading in kept:
        if heading:
            lines[index] = f"{'#' * min(len(heading.group(1)) + 2 - min(levels), 6)} {heading.group(2)}"
    return lines, bool(levels)


def _title(line: str) -> str:
    heading = _HEADING.fullmatch(line)
    return heading.group(2) if heading else line


def _tree(box: _Box, writing: _Writing, depth: int) -> Node:
    """``box`` with the text nodes its arrows point to nested under it; a node already written is not again.
    Past :data:`MAX_DEPTH` arrows (a long flowchart) a node's are left for its area to write as a tree of its own."""
    writing.placed.add(box.id)
    if depth >= MAX_DEPTH:
        return Node(box.text)
    below = sorted((writing.by_id[child] for child in writing.children.get(box.id, ()) if child not in writing.placed),
                   key=_reading_order)
    nested: list[Node] = []
    for child in below:
        if child.id not in writing.placed:
            nested.append(_tree(child, writing, depth + 1))
    first, _, rest = box.text.partition("\n")
    return Node(f"{_title(first)}\n{rest}".strip(), "", tuple(nested))
