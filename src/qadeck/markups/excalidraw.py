"""Obsidian Excalidraw drawings (``*.excalidraw.md``) as the Markdown of what is written on them, line for line.

The Excalidraw plugin saves a drawing as a Markdown note: front matter naming the plugin
(``excalidraw-plugin: parsed``) and tagging the drawing, a banner saying to switch to the drawing's view, any notes the
author wrote on the note's side, and then the plugin's data: a ``Text Elements`` section (each text
on the drawing, a block reference `` ^id`` after its last line), ``Embedded files`` and ``Element
Links`` (ids and what they name) and, inside an Obsidian comment (``%%``), the ``Drawing`` itself as
JSON. Read as any note, the data sections' headings titled cards whose backs were the ids and the
whole JSON. Here the author's notes stay as written, each text on the drawing is a paragraph of its
own (its block reference dropped; under notes with headings, under the plugin's ``Text Elements`` heading, so
that they fall under none of the author's), and the front matter, the banner and the data are left blank, so every line keeps
its number; the Markdown reader then reads what is left.
"""

from __future__ import annotations

import re

from . import markdown
from .plugins import body_lines, names_plugin

_MARK = re.compile(r"^excalidraw-plugin:", re.MULTILINE)
#: The headings of the plugin's sections: where its data starts, and the one that holds the texts.
_DATA = re.compile(r"#{1,2} (?:Excalidraw Data|Text Elements)\s*")
_TEXTS = re.compile(r"#{1,2} Text Elements\s*")
#: What follows the texts: the other data sections, or the comment that hides the drawing.
_AFTER_TEXTS = re.compile(r"(?:#{1,2} (?:Embedded [Ff]iles|Element Links|Drawing)\b.*|%%.*)")
#: A text element's block reference, after its last line.
_BLOCK_ID = re.compile(r"\s\^[\w-]+$")
_BANNER = "==⚠"


def is_drawing(text: str) -> bool:
    """Does ``text`` open with the front matter of an Excalidraw drawing?"""
    return names_plugin(text, _MARK)


def to_markdown(text: str) -> str:
    """The lines of a drawing (see the module docstring): its notes and its texts, the rest blank."""
    lines, start = body_lines(text)
    mode = "notes"
    headed = False  # whether the author's notes hold a heading
    for index in range(start, len(lines)):
        line = lines[index]
        if mode == "notes":
            if _DATA.fullmatch(line):
                mode = "texts" if _TEXTS.fullmatch(line) else "data"
                # Under notes with headings, the texts are a section of their own, not the last note's.
                lines[index] = "# Text Elements" if headed else ""
            elif line.startswith(_BANNER):
                lines[index] = ""
            elif _AFTER_TEXTS.fullmatch(line):
                # The comment that hides the plugin's data (which may open with its texts), or a drawing with no
                # text on it: its data.
                following = next((later for later in lines[index + 1:] if later.strip()), "")
                mode = mode if line.startswith("%%") and _DATA.fullmatch(following) else "rest"
                lines[index] = ""
            else:
                headed = headed or line.startswith("#")
        elif mode == "data" and not _AFTER_TEXTS.fullmatch(line):
            mode = "texts" if _TEXTS.fullmatch(line) else mode
            lines[index] = ""
        elif mode == "texts" and not _AFTER_TEXTS.fullmatch(line):
            lines[index] = _BLOCK_ID.sub("", line.rstrip())
        else:
            mode = "rest"
            lines[index] = ""
    return markdown.to_markdown("\n".join(lines))
