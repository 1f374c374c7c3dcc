"""Obsidian Kanban boards (a note whose front matter holds ``kanban-plugin:``) as an outline, line for line.

The Kanban plugin saves a board as a note: each lane a ``##`` heading, each card a list item
(``- [ ] Read chapter 4``) with any text of the card indented under it, a ``**Complete**`` line
marking a lane whose cards are done, an ``***`` rule before the ``## Archive`` of cards put away,
and the board's settings as JSON in an Obsidian comment (``%% kanban:settings`` … ``%%``). Read as
a note, every lane titled a card whose back was its list of tasks. Here a lane is a list item and
its cards are nested under it, as an outline is written, so only a lane that asks and holds its
answers is a card (the ``outline`` layout's); the front matter, the lane markers, the archive and
the settings are left blank, and every line keeps its number.
"""

from __future__ import annotations

import re

from . import markdown
from .plugins import body_lines, names_plugin

_MARK = re.compile(r"^kanban-plugin:", re.MULTILINE)
_LANE = re.compile(r"##\s+(.*\S)\s*")
_COMPLETE = "**Complete**"
_RULE = "***"
_SETTINGS = "%% kanban:settings"
#: What a lane's cards are nested by under it.
_INDENT = "    "


def is_board(text: str) -> bool:
    """Does ``text`` open with the front matter of a Kanban board?"""
    return names_plugin(text, _MARK)


def to_markdown(text: str) -> str:
    """The lines of a board (see the module docstring): its lanes as items, their cards nested under them."""
    lines, start = body_lines(text)
    in_lane = False
    for index in range(start, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if stripped == _RULE and _archive_follows(lines, index) or stripped.startswith(_SETTINGS):
            lines[index:] = [""] * (len(lines) - index)  # the archive and the settings: no lane's cards
            break
        lane = _LANE.fullmatch(line)
        if lane:
            lines[index] = f"- {lane.group(1)}"
            in_lane = True
        elif stripped == _COMPLETE:
            lines[index] = ""
        elif stripped and in_lane:
            lines[index] = _INDENT + line
    return markdown.to_markdown("\n".join(lines))


def _archive_follows(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1:] if line.strip()), "")
    return bool(_LANE.fullmatch(following))
