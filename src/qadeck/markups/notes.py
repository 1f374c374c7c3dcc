"""What the notes apps' readers share: a note, its title over its text, as the Markdown the layouts read.

Contract: :func:`titled` writes one note (an Evernote note, a TiddlyWiki tiddler)
as a heading over its text, the text's own headings one level deeper, where
the layouts find the questions the title and the text ask. A note alone in its
file whose title asks is a card of its own, its text the answer: it becomes a
``<details>`` block, which the ``details`` layout reads even in a file of one
note (the layouts that read headings need two questions).
"""

from __future__ import annotations

import html
import re

from ..parsers.structure import asks_in

_HEADING = re.compile(r"^(#{1,6})(?=[ \t])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_DEEPEST = 6


def titled(title: str, body: str, level: int = 1, alone: bool = False) -> list[str]:
    """The lines of a note titled ``title`` (one line of inline Markdown) holding ``body`` (Markdown), its
    heading at ``level``; ``alone``: the only note of its file."""
    title = " ".join(title.split())
    body = body.strip("\n")
    if alone and is_card(title, body):
        return [details_opening(title), "", body, "", "</details>", ""]
    if not title:
        return [body, ""] if body.strip() else []
    return [f"{'#' * level} {title}", ""] + ([_deeper(body, level), ""] if body.strip() else [])


def is_card(title: str, body: str) -> bool:
    """Is a note alone in its file, titled ``title`` over ``body``, a card of its own (its title asks)?"""
    return bool(title) and asks_in(title) and bool(body.strip())


def details_opening(title: str) -> str:
    """The line that opens a note's ``<details>`` block, its title the summary."""
    return f"<details><summary>{html.escape(' '.join(title.split()), quote=False)}</summary>"


def _deeper(body: str, level: int) -> str:
    """``body`` with its headings under a title at ``level``: each at least one level deeper, as deep as
    Markdown goes."""
    lines = body.split("\n")
    top = min((len(m.group(1)) for line in lines if (m := _HEADING.match(line))), default=0)
    if not top or top > level:
        return body
    shift, code = level + 1 - top, False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            code = not code
        elif not code and (found := _HEADING.match(line)):
            lines[index] = "#" * min(len(found.group(1)) + shift, _DEEPEST) + line[found.end():]
    return "\n".join(lines)
