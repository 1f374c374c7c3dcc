"""Markdown (and plain text) with the few lines its writers put in HTML or lists made plain Markdown.

A line that is one HTML heading (``<h3 name="x">What is …?</h3>``) becomes an
ATX heading, so headings read as headings whichever way they were written; a
heading inside a numbered list item (``12. ### What is …?``) becomes the
heading with its number, and the item's body is dedented with it. Code fences are left alone. Every other line is kept
as it is, and a text holding neither is returned untouched.
"""

from __future__ import annotations

import re

from pathlib import Path

from ..model import Source
from ..parsers.markup import inline_text
from ..parsers.structure import outline

_HTML_HEADING = re.compile(r"^\s{0,3}<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_LISTED_HEADING = re.compile(r"^\s{0,3}(\d+[.)])\s+(#{1,6})\s+(\S.*)$")
_MAY_REWRITE = re.compile(r"^\s{0,3}(?:<[hH][1-6]|\d+[.)]\s+#)", re.MULTILINE)


def _dedent_item(lines: list[str], start: int, width: int) -> None:
    """Lines of the list item opening above ``start``, out of the item: up to ``width`` spaces less.

    Once its heading is no list item, its body indented under it would read as code.
    """
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0 or _LISTED_HEADING.match(line):
            return
        lines[index] = line[min(indent, width) :]


def to_markdown(text: str) -> str:
    if not _MAY_REWRITE.search(text):
        return text  # most files
    marked = outline(Source(Path("<markdown>"), text))  # which lines are code, as every layout reads them
    lines = [line.text for line in marked]
    for index, line in enumerate(lines):
        if marked[index].code:
            continue
        html = _HTML_HEADING.match(line)
        if html:
            title = inline_text(html.group(2))
            if title:
                lines[index] = "#" * int(html.group(1)) + " " + title
            continue
        listed = _LISTED_HEADING.match(line)
        if listed:
            lines[index] = f"{listed.group(2)} {listed.group(1)} {listed.group(3)}"
            _dedent_item(lines, index + 1, line.index("#"))
    start = len(text.split("\n")) - len(lines)  # outline leaves front matter out
    return "\n".join([*text.split("\n")[:start], *lines])
