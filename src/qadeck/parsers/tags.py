"""Tag lines: lines that only label a note, the way other flashcard tools let users tag.

Contract: :func:`tag_line` gives the tags of a line made of nothing but tags
(``#tag``, ``#nested/tag``, ``[#tag]()``, ``[#tag](tag.md)``), None for any
other line. Such a line is no card text; its tags become the card's Anki tags.
:func:`trailing_tags` splits the tags that close a question (``What is X? #card
#python``) from its text, the way Obsidian and Logseq users tag a card where they
write it.
A ``#`` followed by a space is a Markdown heading, never a tag. :func:`property_tags` reads the
``Tags:`` property a note app writes under a page's title when it exports the page (Notion's
``Tags: biology, cells``), the page's tags as front matter's ``tags`` are.
"""

from __future__ import annotations

import re

from .structure import SPACE, LineStart

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


#: A line of nothing but tags, found in a whole text at once (most files hold none; a heading's ``# `` is none).
_TAG_LINE = re.compile(rf"^[ \t]*(?:(?:{_TAG.pattern})[ \t]*)+$", re.MULTILINE)


#: How a tag line opens: one search of a text tells most texts hold none (a heading's ``# `` and ``##`` are none).
_MAY_TAG = LineStart(re.compile(rf"^{SPACE}*\[?#[^ \t\n#\[\]()]"))


def tag_lines(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, tags) of each line of ``text`` made of nothing but tags, code included."""
    if "#" not in text or not _MAY_TAG.found_in(text):
        return []
    return [(text.count("\n", 0, found.start()) + 1, named(found.group())) for found in _TAG_LINE.finditer(text)]


#: What a tag is made of, as Obsidian has it: letters, digits, ``_``, ``-`` and ``/``, at least one letter.
_NAMING = re.compile(r"[\w/-]*[^\W\d_][\w/-]*")


#: A C preprocessor's or an editor's directive alone on a line of code no fence marks: no tag.
_DIRECTIVES = frozenset("if ifdef ifndef elif else endif define undef include pragma error warning region endregion".split())


def named(line: str) -> tuple[str, ...]:
    """The tags of a tag line that name something (``#42`` is an issue, ``#!/bin/sh`` code)."""
    tags = (link or bare for link, bare in _TAG.findall(line))
    return tuple(tag for tag in tags if _NAMING.fullmatch(tag) and tag not in _DIRECTIVES)


def front_matter_tags(data: dict[object, object]) -> tuple[str, ...]:
    """The tags YAML front matter gives (``tags: [a, b]``, ``tags: a, b``, ``tag: a``), without their ``#``."""
    value = data.get("tags", data.get("tag"))
    items = value if isinstance(value, list) else re.split(r"[,\s]+", value) if isinstance(value, str) else []
    return tuple(dict.fromkeys(tag for item in items if isinstance(item, str) and (tag := item.strip().lstrip("#"))))


def trailing_tags(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without the tags that end it, and those tags (none when it is nothing but tags)."""
    found = _TRAILING.search(text) if "#" in text else None
    if found is None or not text[: found.start()].strip() or tag_line(text) is not None:
        return text, ()
    return text[: found.start()].rstrip(), tuple(words or word for words, word in _TRAILING_TAG.findall(found.group()))


#: The lines a note app writes under a page's title for the page's properties (Notion: ``Created: March 3, 2023``,
#: ``Tags: a, b``): a name of a few words, a colon and a space, a value.
_PROPERTY = re.compile(r"([^\W\d_][\w ]{0,30}): \S[^\n]*")
#: The property holding the page's tags, and how far into a page its properties are looked for.
_TAGS_PROPERTY = "\nTags: "
_PROPERTIES_WITHIN = 4000


def property_tags(text: str) -> tuple[str, ...]:
    """The tags of the ``Tags:`` property among the lines right under a page's ``# Title`` (a note app's export of
    a database's page; its values are comma-separated and may hold spaces: ``Tags: Interview, Data science``)."""
    head = text[:_PROPERTIES_WITHIN]
    if _TAGS_PROPERTY not in head or not head.startswith("# "):
        return ()  # most files: no such property
    lines = head.split("\n")[1:]
    start = 1 if lines and not lines[0].strip() else 0
    for line in lines[start:]:
        if not _PROPERTY.fullmatch(line.strip()):
            return ()  # the properties end at the first other line; a Tags line after them is text
        if line.startswith("Tags: "):
            return tuple(dict.fromkeys("_".join(tag.split()) for tag in line[len("Tags: "):].split(",") if tag.strip()))
    return ()
