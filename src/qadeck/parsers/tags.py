"""Tag lines: lines that only label a note, the way other flashcard tools let users tag.

Contract: :func:`tag_line` gives the tags of a line made of nothing but tags
(``#tag``, ``#nested/tag``, ``[#tag]()``, ``[#tag](tag.md)``), None for any
other line. Such a line is no card text; its tags become the card's Anki tags.
:func:`trailing_tags` splits the tags that close a question (``What is X? #card
#python``) from its text, the way Obsidian and Logseq users tag a card where they
write it.
A ``#`` followed by a space is a Markdown heading, never a tag.
"""

from __future__ import annotations

import re

#: One tag: a bare ``#word`` or a link whose text is ``#word``.
_TAG = re.compile(r"\[#([^\s\]#]+)\]\([^)\s]*\)|(?<!\S)#([^\s#\[\]()]+)")
_TAGS_ONLY = re.compile(rf"^\s*(?:(?:{_TAG.pattern})\s*)+$")
#: Tags at a text's end, after a space: each holds a letter ("issue #42" names no tag).
#: Logseq writes a tag of several words ``#[[a tag]]``.
_TRAILING = re.compile(r"(?:\s+#(?:\[\[[^\]\n]+\]\]|(?=[\w/-]*[^\W\d_])[\w/-]+))+\s*$")
_TRAILING_TAG = re.compile(r"#(?:\[\[([^\]\n]+)\]\]|([\w/-]+))")


def tag_line(text: str) -> tuple[str, ...] | None:
    """The tags of a line that holds only tags, else None."""
    if "#" not in text or not _TAGS_ONLY.match(text):
        return None
    return tuple(link or bare for link, bare in _TAG.findall(text))


def trailing_tags(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without the tags that end it, and those tags (none when it is nothing but tags)."""
    found = _TRAILING.search(text) if "#" in text else None
    if found is None or not text[: found.start()].strip() or tag_line(text) is not None:
        return text, ()
    return text[: found.start()].rstrip(), tuple(words or word for words, word in _TRAILING_TAG.findall(found.group()))
