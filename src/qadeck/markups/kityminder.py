"""KityMinder maps (``.km``: what 百度脑图 (Baidu Naotu), the kityminder editors and the apps built on them save)
as Markdown, read as a FreeMind map is (see :mod:`.mindmap`).

A ``.km`` file is JSON: ``{"root": {"data": {"text": …, "note": …}, "children": [...]}}``, each child a node of
the same shape; a node's note is Markdown. Other programs also save files ending in ``.km``: one is read as a map
only when its start names ``"root"`` (see ``SHARED`` in :mod:`qadeck.markups`). Line numbers are the Markdown's.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import SourceError
from .mindmap import maps_markdown
from .outliner import MAX_DEPTH, Node, markdown_of

_KIND = "KityMinder mind map"
#: What the start of a KityMinder mind map holds (its first key), for telling it from other ``.km`` files.
MARK = '"root"'


def to_markdown(text: str) -> str:
    try:
        found = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SourceError(f"not a readable {_KIND}: not JSON ({exc})") from None
    root = found.get("root") if isinstance(found, dict) else None
    if not isinstance(root, dict):
        raise SourceError(f"not a readable {_KIND}: no \"root\" node")
    return maps_markdown([_node(root, 0)])


def _node(node: dict[str, Any], depth: int) -> Node:
    if depth >= MAX_DEPTH:
        raise SourceError(f"not a readable {_KIND}: nodes nested over {MAX_DEPTH} deep")
    data = node.get("data")
    data = data if isinstance(data, dict) else {}
    children = node.get("children")
    return Node(_text(data.get("text")), _text(data.get("note")),
                tuple(_node(child, depth + 1) for child in (children if isinstance(children, list) else [])
                      if isinstance(child, dict)))


def _text(value: Any) -> str:
    return markdown_of(value) if isinstance(value, str) else ""
