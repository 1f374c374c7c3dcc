"""Embeds of a note's own parts, as the note app shows them: the words of the part, not its name.

Spaced-repetition notes often answer a question with a part of the same note instead of copying it::

    ## Definition
    A heap is a complete binary tree ...

    **What is a heap?**
    ?
    ![[#Definition]]                 <- Obsidian: the section under that heading

    The answer ends here. ^short     <- a block id; ``![[#^short]]`` embeds its paragraph

Obsidian shows the embedded section (or block) in the card; read as a link, the answer would be the
heading's name alone. An embed of another note (``![[Note#Part]]``) names what this file does not hold
and stays a link (see :func:`.markup.wiki_links_as_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .structure import HEADING

#: An embed of a part of the note it is in: ``![[#Heading]]`` or ``![[#^block-id]]`` (a size or caption
#: after a bar is the embed's own).
OWN_EMBED = re.compile(r"!\[\[#([^\[\]|\n]+?)(?:\|[^\[\]\n]*)?\]\]")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
#: A thematic break or a block id alone on its line: ends a section's text, shown as nothing.
_RULE = re.compile(r"^[ \t]*(?:(?:[-*_][ \t]*){3,}|\^[\w-]+)[ \t]*$")


def _key(name: str) -> str:
    """A heading's name as Obsidian matches a link to it: case and runs of spaces aside."""
    return " ".join(name.split()).casefold()


def _sections(lines: list[str]) -> dict[str, str]:
    """Each heading's body (up to the next heading of its level or above, without the heading), by
    :func:`_key` of its text; the first of two headings of one name wins, as Obsidian's link does."""
    found: list[tuple[int, int, str]] = []  # (line, level, key)
    fenced = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.lstrip(" ")[:1] == "#":
            title = HEADING.match(line)
            if title and title.group(2):
                found.append((number, len(title.group(1)), _key(title.group(2))))
    out: dict[str, str] = {}
    for index, (number, level, key) in enumerate(found):
        end = next((later for later, depth, _ in found[index + 1 :] if depth <= level), len(lines))
        out.setdefault(key, _body(lines[number + 1 : end]))
    return out


def _block(lines: list[str], name: str) -> str:
    """The block a ``^name`` id marks: the paragraph (or list, table) ending on the id, or the one just
    above an id alone on its line; "" when no line carries it."""
    mark = re.compile(rf"(?:^|[ \t])\^{re.escape(name)}[ \t]*$")
    for number, line in enumerate(lines):
        if mark.search(line):
            last = number if line.strip() != f"^{name}" else number - 1
            while last >= 0 and not lines[last].strip():
                last -= 1
            first = last
            while first > 0 and lines[first - 1].strip():
                first -= 1
            return _body(lines[first : last + 1]) if last >= 0 else ""
    return ""


def _body(lines: list[str]) -> str:
    """The lines' text without the blank lines and rules around it."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or _RULE.match(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or _RULE.match(lines[end - 1])):
        end -= 1
    return "\n".join(lines[start:end])


def own_parts(text: str) -> Callable[[str], str]:
    """A function that shows each embed of ``text``'s own parts in a card's text as the part's words; an
    embed of a part the note lacks, of the part that holds the embed itself, or inside the embedded words
    stays as written (one level, as a note cannot embed itself into itself)."""
    lines = text.split("\n")
    sections: dict[str, str] | None = None

    def shown(found: re.Match[str]) -> str:
        nonlocal sections
        target = found.group(1).strip()
        if target.startswith("^"):
            part = _block(lines, target[1:])
        else:
            if sections is None:
                sections = _sections(lines)
            part = sections.get(_key(target), "")
        return part if part and found.group(0) not in part else found.group(0)

    def change(card_text: str) -> str:
        if "![[#" not in card_text:
            return card_text
        return OWN_EMBED.sub(shown, card_text)

    return change
