"""What Obsidian plugins that save their own files as notes share: the front matter that names the plugin.

A drawing of the Excalidraw plugin and a board of the Kanban plugin are ``.md`` files like any note; the key
their front matter opens a line with (``excalidraw-plugin: parsed``, ``kanban-plugin: board``) is what tells
them apart, and is looked for only in a file that opens with front matter, within its first few lines.
"""

from __future__ import annotations

import re

#: How far into a file its front matter's end is looked for.
_HEAD = 2000


def names_plugin(text: str, key: re.Pattern[str]) -> bool:
    """Does ``text`` open with front matter holding a line that ``key`` matches (a MULTILINE pattern)?"""
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3, _HEAD)
    return end > 0 and bool(key.search(text, 3, end))


def body_lines(text: str) -> tuple[list[str], int]:
    """The lines of a plugin's note with its front matter blank (the plugin's key and the note's tags are
    no text to study), and the index of the first line after it."""
    lines = text.split("\n")
    closing = next((index for index in range(1, len(lines)) if lines[index].rstrip() == "---"), 0)
    lines[: closing + 1] = [""] * (closing + 1)
    return lines, closing + 1
