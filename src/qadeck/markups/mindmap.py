"""Mind maps as Markdown: FreeMind and Freeplane (``.mm``), XMind (``.xmind``).

A mind map is a tree under one central topic, which becomes the title; each
topic's note is its answer when it asks, as in an outline (:mod:`.outliner`
writes the Markdown). FreeMind and Freeplane keep a node's text in ``TEXT``, or,
when it is formatted, in a ``<richcontent TYPE="NODE">`` HTML page, and its note
in ``<richcontent TYPE="NOTE">`` (Freeplane's ``DETAILS`` is read as a note too).
An ``.xmind`` file is a zip holding ``content.json`` (XMind 2020 and later: sheets
of topics, each with ``title``, ``notes`` and ``children.attached``) or, from
older versions, ``content.xml`` (``<topic>`` elements with ``<title>``,
``<notes><plain>`` and ``<children><topics>``); each sheet is a map. The XML is
scanned, never parsed: no entity is expanded and nothing a map names is fetched.
Line numbers are the Markdown's.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from . import outliner
from .archive import Archive
from .outliner import MAX_DEPTH, Node, line_at, markdown_of, too_deep, unclosed

_FREEMIND = "a FreeMind or Freeplane mind map"
_XMIND = "XMind mind map"
_ATTRIBUTES = r"((?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)"
#: The pieces of a FreeMind map the reader needs: nodes opening and closing, and their rich content.
_MM_PIECE = re.compile(rf"<(/?)node\b{_ATTRIBUTES}(/?)>|<richcontent\b{_ATTRIBUTES}(?:/>|>(.*?)</richcontent\s*>)",
                       re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NOTE_KINDS = frozenset({"NOTE", "DETAILS"})
#: The pieces of an old XMind map: topics, their titles and plain notes, and sheets.
_XMIND_PIECE = re.compile(
    rf"<(/?)(topic|sheet)\b{_ATTRIBUTES}(/?)>|<title\b[^>]*>(.*?)</title\s*>|<plain\b[^>]*>(.*?)</plain\s*>",
    re.DOTALL,
)


def freemind_to_markdown(text: str) -> str:
    if "<map" not in text:
        raise SourceError(f"not {_FREEMIND}: no <map> element")
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)  # same offsets, same lines
    # Each open node: where it opened, its text, its note, its children so far.
    stack: list[tuple[int, list[str], list[str], list[Node]]] = []
    roots: list[Node] = []
    for piece in _MM_PIECE.finditer(text):
        closing, attributes, alone, rich_attributes, rich = piece.groups()
        if rich_attributes is not None:
            if stack:
                kind = outliner.attributes(rich_attributes).get("TYPE", "NODE").upper()
                content = _rich(rich or "")
                if kind == "NODE":
                    stack[-1][1][:] = [content]
                elif kind in _NOTE_KINDS and content:
                    stack[-1][2].append(content)
            continue
        if closing:
            if not stack:
                raise SourceError(f"{_FREEMIND}: </node> closes nothing", None, line_at(text, piece.start()))
            _at, node_text, notes, children = stack.pop()
            (stack[-1][3] if stack else roots).append(Node(node_text[0], "\n\n".join(notes), tuple(children)))
            continue
        found = outliner.attributes(attributes)
        node_text = _rich(found["TEXT"]) if found.get("TEXT", "").lstrip().startswith("<html") \
            else markdown_of(found.get("TEXT", "") or found.get("LOCALIZED_TEXT", ""))
        if alone:
            (stack[-1][3] if stack else roots).append(Node(node_text))
        elif len(stack) < MAX_DEPTH:
            stack.append((piece.start(), [node_text], [], []))
        else:
            raise too_deep(_FREEMIND, text, piece.start())
    if stack:
        raise unclosed(_FREEMIND, text, stack[-1][0])
    return maps_markdown(roots)


def _rich(content: str) -> str:
    """A rich content's Markdown: its HTML page converted, or its plain text (Freeplane's ``<text>``) unescaped."""
    if "<html" in content or "<body" in content:
        return html_to_markdown(content, page=True).strip()
    return html.unescape(re.sub(r"<[^>]*>", "", content)).strip()


def maps_markdown(roots: list[Node]) -> str:
    """The Markdown of the maps under ``roots``, one after another (the readers of other mind-map apps' files
    write theirs with it, so every map reads alike)."""
    return "\n".join(_map(root) for root in roots) or "\n"


def _map(root: Node) -> str:
    """One map: its central topic the title, the topic's note under it, its branches below."""
    return outliner.to_markdown(" ".join(root.text.split()), root.children, root.note)


def xmind_to_markdown(data: bytes, name: str = "<xmind>") -> str:
    archive = Archive(data, name, _XMIND)
    if archive.has("content.json"):
        try:
            sheets = json.loads(archive.text("content.json"))
        except (ValueError, RecursionError) as exc:
            raise archive.damaged(f"content.json is not JSON: {exc}") from None
        if isinstance(sheets, dict):
            sheets = [sheets]
        if not isinstance(sheets, list):
            raise archive.damaged("content.json holds no sheets")
        roots = [_json_topic(sheet.get("rootTopic")) for sheet in sheets if isinstance(sheet, dict)]
    elif archive.has("content.xml"):
        roots = _xml_topics(archive.text("content.xml"), name)
    else:
        raise archive.damaged("no content.json or content.xml in it")
    return maps_markdown([root for root in roots if root is not None])


def _json_topic(topic: Any) -> Node | None:
    if not isinstance(topic, dict):
        return None
    notes = topic.get("notes")
    note = ""
    if isinstance(notes, dict):
        plain, rich = notes.get("plain"), notes.get("realHTML")
        if isinstance(plain, dict) and isinstance(plain.get("content"), str):
            note = markdown_of(plain["content"])
        elif isinstance(rich, dict) and isinstance(rich.get("content"), str):
            note = html_to_markdown(rich["content"], page=True).strip()
    children = topic.get("children")
    attached = children.get("attached") if isinstance(children, dict) else None
    nodes = [node for node in map(_json_topic, attached if isinstance(attached, list) else []) if node]
    title = topic.get("title")
    return Node(markdown_of(title) if isinstance(title, str) else "", note, tuple(nodes))


def _xml_topics(text: str, name: str) -> list[Node]:
    """The central topic of each sheet of an old XMind map's ``content.xml``."""
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    roots: list[Node] = []
    # Each open topic: where it opened, its title, its note, its subtopics so far.
    stack: list[tuple[int, list[str], list[str], list[Node]]] = []
    for piece in _XMIND_PIECE.finditer(text):
        closing, element, _attributes, alone, title, plain = piece.groups()
        if title is not None or plain is not None:
            if stack and title is not None and not stack[-1][1]:
                stack[-1][1].append(markdown_of(html.unescape(title)))
            elif stack and plain is not None:
                stack[-1][2].append(markdown_of(html.unescape(plain)))
            continue
        if element != "topic":
            continue
        if closing:
            if not stack:
                raise SourceError(f"not a readable {_XMIND}: content.xml: </topic> closes nothing", name,
                                  line_at(text, piece.start()))
            _at, titles, notes, children = stack.pop()
            (stack[-1][3] if stack else roots).append(Node("".join(titles), "\n\n".join(notes), tuple(children)))
        elif len(stack) >= MAX_DEPTH:
            raise SourceError(f"not a readable {_XMIND}: content.xml: topics nested over {MAX_DEPTH} deep", name,
                              line_at(text, piece.start()))
        elif not alone:
            stack.append((piece.start(), [], [], []))
    if stack:
        raise SourceError(f"not a readable {_XMIND}: content.xml: <topic> opened here is never closed", name,
                          line_at(text, stack[-1][0]))
    return roots
