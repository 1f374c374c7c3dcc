"""CherryTree notes (``.ctd``, its XML; ``.ctb``, its SQLite database) as Markdown: a node a heading, its text under it.

CherryTree keeps notes as a tree of nodes, each a title and rich text with code boxes and tables in it; students keep
course and exam notes so (a node titled with a question, a node of numbered questions and their answers, a glossary).
Each node is written as a heading one level below its parent's (``#`` to ``######``, deeper ones at ``######``), its
text under it: a line CherryTree scales as a heading (``scale="h2"``) as a heading under the node's, bold
(``weight="heavy"``) and italic as Markdown's, monospace as code, a code box or a code node fenced, a table as a
Markdown table (CherryTree keeps its header row last); pictures and embedded files are left out. The layouts then
read that Markdown as any notes. The XML is read with no entities declared (:func:`trainers.parse_xml`), the
database opened read-only (:func:`database.opened`), a node tree's loops cut; a file that is neither is an error
naming it. A password-protected file (``.ctz``, ``.ctx``, a 7-Zip archive) is not read.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from xml.etree import ElementTree

from ..errors import SourceError
from . import database, notes, trainers

#: The most nodes read of one file: a notebook runs to thousands.
MAX_NODES = 100_000
#: Node syntaxes that are text: rich text, and plain text; any other names a code node's language.
_TEXT_SYNTAXES = ("custom-colors", "plain-text", "")
_SCALES = {f"h{level}": level for level in range(1, 7)}
#: A line of one of CherryTree's bulleted lists: it writes the bullet itself (``•`` first, ``◇``, ``▪``, ``→``, ``⇒``
#: deeper, three spaces a level), read as a Markdown list item so the layouts see a question's nested answer.
_BULLET = re.compile(r"^([ \t]*)[•◇▪→⇒][ \t]*(?=\S)")


@dataclass(frozen=True)
class _Span:
    """A run of a node's text and how CherryTree shows it."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    heading: int = 0  # 1-6 where the run is scaled as a heading


@dataclass(frozen=True)
class _Node:
    """A node of the tree: its title, how deep it sits (1 at the top), its syntax and its content."""

    title: str
    depth: int
    syntax: str
    spans: tuple[_Span, ...]
    #: (character offset, Markdown block) of each code box and table, in CherryTree's offsets.
    objects: tuple[tuple[int, str], ...]


def ctd_to_markdown(content: bytes, name: str = "<cherrytree>") -> str:
    """A ``.ctd`` file's nodes as Markdown."""
    try:
        return _markdown(_document_nodes(content, name))
    except RecursionError:
        raise SourceError("not a readable CherryTree document: nested too deep", name) from None


def _document_nodes(content: bytes, name: str) -> list[_Node]:
    root = trainers.parse_xml(content, name, "CherryTree document")
    if root.tag != "cherrytree":
        raise SourceError("not a CherryTree document (its root is not <cherrytree>)", name)
    nodes: list[_Node] = []
    stack = [(element, 1) for element in reversed(root.findall("node"))]
    while stack and len(nodes) < MAX_NODES:
        element, depth = stack.pop()
        spans, objects = _content(element)
        nodes.append(_Node(element.get("name", ""), depth, element.get("prog_lang", ""), spans, objects))
        stack.extend((child, depth + 1) for child in reversed(element.findall("node")))
    return nodes


def ctb_to_markdown(content: bytes, name: str = "<cherrytree>") -> str:
    """A ``.ctb`` database's nodes as Markdown."""
    if not content.startswith(b"SQLite format 3\0"):
        raise SourceError("not a CherryTree database (not an SQLite file)", name)
    try:
        with database.opened(content) as connection:
            nodes = _database_nodes(connection, name)
    except database.DAMAGE as exc:
        raise SourceError(f"not a readable CherryTree database: {exc}", name) from None
    except RecursionError:
        raise SourceError("not a readable CherryTree database: nested too deep", name) from None
    return _markdown(nodes)


def _database_nodes(connection: sqlite3.Connection, name: str) -> list[_Node]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"node", "children"} <= tables:
        raise SourceError("not a CherryTree database (no node and children tables)", name)
    rows = {node_id: (title, text, syntax, rich) for node_id, title, text, syntax, rich in connection.execute(
        f"SELECT node_id, name, txt, syntax, is_richtxt FROM node LIMIT {MAX_NODES}")}
    children: dict[object, list[object]] = {}
    for node_id, father, _ in connection.execute(
            f"SELECT node_id, father_id, sequence FROM children ORDER BY father_id, sequence LIMIT {MAX_NODES}"):
        children.setdefault(father, []).append(node_id)
    objects: dict[object, list[tuple[int, str]]] = {}
    if "codebox" in tables:
        for node_id, offset, text, syntax in connection.execute(
                f"SELECT node_id, offset, txt, syntax FROM codebox LIMIT {MAX_NODES}"):
            objects.setdefault(node_id, []).append((_number(offset), _fenced(str(text or ""), str(syntax or ""))))
    if "grid" in tables:
        for node_id, offset, text in connection.execute(f"SELECT node_id, offset, txt FROM grid LIMIT {MAX_NODES}"):
            table = _fragment(str(text or ""))
            if table is not None:
                objects.setdefault(node_id, []).append((_number(offset), _table(table)))
    nodes: list[_Node] = []
    seen: set[object] = set()
    stack = [(node_id, 1) for node_id in reversed(children.get(0, []))]
    while stack and len(nodes) < MAX_NODES:
        node_id, depth = stack.pop()
        if node_id in seen or node_id not in rows:
            continue  # a loop in a damaged tree, or a child whose node is gone
        seen.add(node_id)
        title, text, syntax, rich = rows[node_id]
        text = str(text or "")
        rich_text = _fragment(text) if _number(rich) & 1 and text.lstrip().startswith("<") else None
        spans = _content(rich_text)[0] if rich_text is not None else (_Span(text),)
        nodes.append(_Node(str(title or ""), depth, str(syntax or ""), spans, tuple(objects.get(node_id, ()))))
        stack.extend((child, depth + 1) for child in reversed(children.get(node_id, [])))
    return nodes


def _fragment(text: str) -> ElementTree.Element | None:
    """The XML a database's row keeps (a node's rich text, a table); None where it is not XML or declares entities."""
    if "<!ENTITY" in text:
        return None
    try:
        return ElementTree.fromstring(text)
    except (ElementTree.ParseError, ValueError, LookupError):
        return None


def _number(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _content(element: ElementTree.Element) -> tuple[tuple[_Span, ...], tuple[tuple[int, str], ...]]:
    """A node element's runs of text and its code boxes and tables (with their offsets)."""
    spans: list[_Span] = []
    objects: list[tuple[int, str]] = []
    for child in element:
        if child.tag == "rich_text":
            spans.append(_Span(
                "".join(child.itertext()), bold=child.get("weight") == "heavy", italic=child.get("style") == "italic",
                code=child.get("family") == "monospace", heading=_SCALES.get(child.get("scale", ""), 0)))
        elif child.tag == "codebox":
            objects.append((_number(child.get("char_offset")),
                            _fenced("".join(child.itertext()), child.get("syntax_highlighting", ""))))
        elif child.tag == "table":
            objects.append((_number(child.get("char_offset")), _table(child)))
    return tuple(spans), tuple(objects)


def _fenced(code: str, syntax: str) -> str:
    fence = "~~~~" if "```" in code else "```"
    language = "" if syntax in _TEXT_SYNTAXES else syntax.split()[0] if syntax.split() else ""
    return f"{fence}{language}\n{code.rstrip()}\n{fence}"


def _table(element: ElementTree.Element) -> str:
    """A table as Markdown; CherryTree writes its header row last."""
    rows = [[" ".join("".join(cell.itertext()).split()).replace("|", "\\|") for cell in row.findall("cell")]
            for row in element.findall("row")]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    rows.insert(0, rows.pop())
    width = max(len(row) for row in rows)
    lines = [f"| {' | '.join(row + [''] * (width - len(row)))} |" for row in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def _markdown(nodes: list[_Node]) -> str:
    """The nodes in the tree's order, each a note (:func:`notes.titled`) one heading level below its parent's."""
    out: list[str] = []
    for node in nodes:
        level = min(node.depth, 6)
        if node.syntax not in _TEXT_SYNTAXES:
            text = "".join(span.text for span in node.spans)
            body = _fenced(text, node.syntax) if text.strip() else ""
        else:
            body = _body(node, level)
        out += notes.titled(node.title, body, level, alone=len(nodes) == 1)
    return "\n".join(out).strip() + "\n" if out else ""


def _body(node: _Node, level: int) -> str:
    """A node's text with its code boxes and tables put back where they stand (an object counts one character
    of CherryTree's offsets)."""
    pieces: list[str] = []
    spans = list(node.spans)
    next_span = 0
    at = 0  # characters of text written
    for index, (offset, block) in enumerate(sorted(node.objects)):
        wanted = offset - index
        taken: list[_Span] = []
        while next_span < len(spans) and at + len(spans[next_span].text) <= wanted:
            at += len(spans[next_span].text)
            taken.append(spans[next_span])
            next_span += 1
        if next_span < len(spans) and at < wanted:
            head, cut = spans[next_span], wanted - at
            taken.append(replace(head, text=head.text[:cut]))
            spans[next_span] = replace(head, text=head.text[cut:])
            at = wanted
        pieces += [_lines(taken, level), f"\n\n{block}\n\n"]
    pieces.append(_lines(spans[next_span:], level))
    return "".join(pieces).strip("\n")


def _lines(spans: list[_Span], level: int) -> str:
    """Runs of text as Markdown lines: a line all of whose text is scaled as a heading is one."""
    lines: list[list[_Span]] = [[]]
    for span in spans:
        parts = span.text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append(replace(span, text=part))
    written: list[str] = []
    for line in lines:
        marked = [span for span in line if span.text.strip()]
        if marked and all(span.heading for span in marked):
            heading = min(level + min(span.heading for span in marked), 6)
            written.append(f"{'#' * heading} {' '.join(''.join(span.text for span in line).split())}")
        else:
            written.append(_BULLET.sub(r"\1- ", "".join(_inline(span) for span in line)))
    return "\n".join(written)


def _inline(span: _Span) -> str:
    text = span.text
    core = text.strip()
    if not core:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if span.code:
        core = f"`{core}`" if "`" not in core else f"`` {core} ``"
    elif core[0] in "*_" or core[-1] in "*_":
        pass  # marked up by hand already (``***Level 1***`` typed in): more stars would break it
    elif span.bold:
        core = f"**{core}**"
    elif span.italic:
        core = f"*{core}*"
    return f"{lead}{core}{trail}"
