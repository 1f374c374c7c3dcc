"""Tag lines: lines that only label a note, the way other flashcard tools let users tag.

Contract: :func:`tag_line` gives the tags of a line made of nothing but tags
(``#tag``, ``#nested/tag``, ``[#tag]()``, ``[#tag](tag.md)``), None for any
other line. Such a line is no card text; its tags become the card's Anki tags.
A ``#`` followed by a space is a Markdown heading, never a tag.
"""

from __future__ import annotations

import re

#: One tag: a bare ``#word`` or a link whose text is ``#word``.
_TAG = re.compile(r"\[#([^\s\]#]+)\]\([^)\s]*\)|(?<!\S)#([^\s#\[\]()]+)")
_TAGS_ONLY = re.compile(rf"^\s*(?:(?:{_TAG.pattern})\s*)+$")


def tag_line(text: str) -> tuple[str, ...] | None:
    """The tags of a line that holds only tags, else None."""
    if "#" not in text or not _TAGS_ONLY.match(text):
        return None
    return tuple(link or bare for link, bare in _TAG.findall(text))
