"""Layout ``logseq``: Logseq's flashcards, outline blocks tagged ``#card`` (Roam's ``#flashcard``).

    - What is a closure? #card               <- the question: the block's text, the tag dropped
      id:: 64a1b2c3-…                        <- a property: Logseq's bookkeeping, not card text
        - A function with the variables      <- the answer: the blocks nested under it
          it captured.
    - A list is a {{cloze dynamic array}} #card   <- deletions: a cloze

A card is a block (a ``-`` item at any depth, indented by spaces or tabs; ``*`` as exports of Roam's graphs
write them) that carries the ``#card`` tag (or ``[[card]]``; ``#flashcard`` in Roam's graphs and Readwise's exports of
highlights) or one of the marks Roam's flashcard extensions put on a card: roam/memo's ``#memo``, ankify_roam's
``#ankify``, Roam Toolkit's review schedule (``[[[[interval]]::5.6]] [[[[factor]]::2.30]] [[April 22nd, 2020]]``,
bookkeeping, no card text); its answer is what is nested under
it, with property lines (``key:: value``) dropped. One child block is the answer's
text; several stay a list, as Logseq shows them. The section of a card is the heading block over it, else the block it is nested under. A block holding deletions
(``{{cloze …}}``, ``{{c1::…}}``, Logseq Anki Sync's ``{{c1 …}}``) is a cloze, its children the extra. The block's
other trailing tags become the card's tags; a ``Q:`` label on it is dropped, as an ``A:``
on its answer is. The other blocks of the page are
notes, not cards: the tag marks the cards outright, so a page of notes with a few
cards in it is this layout's however little of it they cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .markup import without_block_ids
from .prefixed import QUESTION
from .structure import Line, outline, outline_sections

NAME = "logseq"

#: The flashcard tag, as Logseq lets one write it, and ``#flashcard``, the tag Roam's users and the
#: highlights Readwise exports to Roam and Logseq put on a block that asks.
#: Roam's extensions' card tags too: roam/memo's ``#memo`` and ankify_roam's ``#ankify``.
#: Roam Toolkit's review schedule (see _SCHEDULE) is the last alternative: a card's mark, the whole of it bookkeeping.
_CARD = re.compile(r"(?<!\S)(?:#(?:flash)?card|#\[\[(?:flash)?card\]\]|\[\[(?:flash)?card\]\]|#(?:\[\[)?(?:memo|ankify)(?:\]\])?)"
                   r"(?![\w/\]-])"
                   r"|(?:[ \t]*#?\[\[\[\[(?:interval|factor)\]\]::?[ \t]*[\d.]+\]\])+"
                   r"(?:[ \t]*\[\[[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th), \d{4}\]\])?",
                   re.IGNORECASE)
#: Logseq's own tag and those of Roam's extensions: each says outright that a block is a card (``#flashcard``
#: ends Neuracache's paragraphs too).
_OWN = re.compile(r"(?<!\S)(?:#card|#\[\[card\]\]|\[\[card\]\]|#(?:\[\[)?(?:memo|ankify)(?:\]\])?)(?![\w/\]-])"
                  r"|\[\[\[\[interval\]\]::?[ \t]*[\d.]+\]\]", re.IGNORECASE)
_OWN_MARKS = ("#card", "#Card", "[[card", "[[Card", "#memo", "#Memo", "#[[memo", "#ankify", "#[[ankify", "[[[[interval]]")
#: What every spelling of the tag _CARD matches holds, in the cases people write it.
_MARKS = ("#card", "#Card", "[[card", "[[Card", "#flashcard", "#Flashcard", "[[flashcard", "[[Flashcard",
          "#memo", "#Memo", "#[[memo", "#ankify", "#[[ankify", "[[[[interval]]", "[[[[factor]]")
#: A word every mark in _MARKS holds.
_MARK_WORDS = ("card", "Card", "memo", "Memo", "ankify", "[[[[")
#: A block: Logseq's ``-`` (alone on an empty block), or the ``*`` some exports of Roam's graphs write.
_BLOCK = re.compile(r"^([ \t]*)(?:- ?|\* )(.*)$")
_PROPERTY = re.compile(r"^[ \t]*[A-Za-z][\w-]*:: ")
#: A block's ``id::`` property: the id other blocks reference it by.
_BLOCK_ID = re.compile(r"^[ \t]*id:: ([0-9A-Fa-f-]{36})[ \t]*$")
#: A reference to a block (``((id))``), or its embed (``{{embed ((id))}}``), which shows the block's children too.
_REFERENCE = re.compile(r"(\{\{embed\s+)?\(\(([0-9A-Fa-f-]{36})\)\)(?(1)\s*\}\})")
#: A heading block, ``- ## Title``: the section of the blocks nested under it.
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
#: The longest block text read as the title of the cards nested under it.
_TITLE_LONGEST = 60
_CLOZE_STYLES = ("anki", "logseq")
#: Detection's score when blocks carry the tag: the tag says outright which blocks are cards.
_MARKED = 1.0


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _entries(source: Source) -> list[Entry]:
    text = source.text
    # Literal look-ups first: every file is tried, and _CARD's look-behind is tried at every character. Six
    # words every mark holds one of first, as most files hold none of them: cheaper than the marks one by one.
    if not any(word in text for word in _MARK_WORDS):
        return []
    if not any(mark in text for mark in _MARKS) or not _CARD.search(text):
        return []
    lines = _continued(outline(source))
    sections = outline_sections(source)
    enclosing: list[tuple[int, str, str]] = []  # the blocks enclosing a line: indent, heading title, text
    entries = []
    code = _code_lines(lines)
    lines = [Line(line.number, line.text, index in code) for index, line in enumerate(lines)]
    for index, line in enumerate(lines):
        block = None if line.code else _BLOCK.match(line.text)
        if not block:
            continue
        indent = _width(block.group(1))
        while enclosing and enclosing[-1][0] >= indent:
            enclosing.pop()
        own = _own(lines, index, indent)
        title = _HEADING.match(block.group(2))
        if _CARD.search(block.group(2)) or any(_CARD.search(line.text) for line in own):
            section = _section(enclosing) or sections[index]
            text = title.group(1) if title else block.group(2)  # a heading block can be a card too
            children = _body(lines, index, indent)[len(own) :]
            entries.append(_entry(lines[index], text, own, children, section))
        else:
            enclosing.append((indent, title.group(1).strip() if title else "", block.group(2).strip()))
    if "((" in source.text and "id:: " in source.text:  # a block of the page referenced by its id: most pages have none
        entries = _referenced(lines, entries)
    return entries


def _referenced(lines: list[Line], entries: list[Entry]) -> list[Entry]:
    """``entries`` with references to blocks of the same page as Logseq shows them: ``((id))`` as the
    block's text, ``{{embed ((id))}}`` as the block and its children. A block of another page stays a
    reference (this file does not hold it), and so do references in the shown blocks (one level)."""
    blocks: dict[str, tuple[int, list[Line]]] = {}
    for index, line in enumerate(lines):
        if not line.code and "id:: " in line.text:
            named = _BLOCK_ID.match(line.text)
            start = index
            while named and start > 0 and not _BLOCK.match(lines[start].text):
                start -= 1
            if named and _BLOCK.match(lines[start].text):
                blocks.setdefault(named.group(1).lower(), (start, _own(lines, start, _width(_indent(lines[start].text)))))
    if not blocks:
        return entries

    def shown(found: re.Match[str]) -> str:
        place = blocks.get(found.group(2).lower())
        if place is None:
            return found.group(0)
        start, own = place
        block = _BLOCK.match(lines[start].text)
        more = [line.text.strip() for line in own if not _PROPERTY.match(line.text)]
        words = _CARD.sub("", " ".join([block.group(2), *more])).strip() if block else ""
        if found.group(1):  # an embed: the block's children under it
            children = _body(lines, start, _width(block.group(1)))[len(own) :] if block else []
            below = [line.text.expandtabs(4) for line in children if line.code or not _PROPERTY.match(line.text)]
            margin = min((len(t) - len(t.lstrip(" ")) for t in below if t.strip()), default=0)
            below = [t[margin:].rstrip() for t in below]  # a list under the block, as Logseq shows it
            words = "\n".join([words, *below]).strip("\n")
        return words or found.group(0)

    out = []
    for entry in entries:
        question, answer = _REFERENCE.sub(shown, entry.question), _REFERENCE.sub(shown, entry.answer)
        out.append(entry if (question, answer) == (entry.question, entry.answer)
                   else replace(entry, question=question, answer=answer))
    return out


def _section(enclosing: list[tuple[int, str, str]]) -> str:
    """The section of a card: the innermost heading block over it, else the block it is nested
    under when that reads as a title (short, one line, not a sentence running on), without its block id."""
    for _, title, _ in reversed(enclosing):
        if title:
            return title
    if enclosing:
        text = without_block_ids(enclosing[-1][2]) if "^" in enclosing[-1][2] else enclosing[-1][2]
        if 0 < len(text) <= _TITLE_LONGEST and not text.endswith((":", ".", ",")) and "::" not in text:
            return text
    return ""


def _code_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines inside fenced code. Logseq indents a fence under its block, or opens it on
    the block's own line (``- ```python``), which a Markdown reading of the page does not take for
    a fence; Roam closes it at the end of the code's last line (``…last line```), or on the line
    that opens it."""
    inside: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        text = line.text.strip(" \t")
        if not fence and text.startswith(("- ", "* ")):
            text = text[2:].lstrip(" ")
        mark = _FENCE.match(text)
        if fence:
            inside.add(index)
            if mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence) and not text.strip(fence[0]).strip():
                fence = ""
            elif text.endswith(fence):  # Roam's close, after the code's last characters
                fence = ""
        elif mark:
            fence = mark.group(1)
            if len(text) > 2 * len(fence) and text.endswith(fence) and fence[0] == "`":
                fence = ""  # opened and closed on one line: Roam's one-line code block
    return inside


#: A Markdown heading at the margin: a section's title, never a block's further line.
_MARGIN_HEADING = re.compile(r"^#{1,6}[ \t]")


def _continued(lines: list[Line]) -> list[Line]:
    """``lines``, where no block sits at the margin, with the lines written at the margin after a block
    indented under it: an export of a Roam graph writes a block's further lines (its line breaks, a code
    block in it) as they are, at the margin, below blocks indented by two or more. Logseq writes its
    top blocks at the margin, so a page of its has nothing to re-indent. A heading ends the block."""
    if not any(line.text[:1] == " " for line in lines) or any(
        not line.code and line.text[:1] in "-*" and _BLOCK.match(line.text) for line in lines
    ):
        return lines
    out: list[Line] = []
    under = 0  # the indentation of the last block's text, 0 where no block is open
    fence = ""
    for line in lines:
        text = line.text
        margin = bool(text) and text[0] not in " \t"
        shallow = bool(text.strip()) and _width(_indent(text)) < under
        if fence:
            if shallow:
                text = " " * under + text
            if text.rstrip().endswith(fence):
                fence = ""
        else:
            block = _BLOCK.match(text)
            if block:
                under, body = _width(block.group(1)) + 2, block.group(2)
            elif shallow and not (margin and _MARGIN_HEADING.match(text)):
                text, body = " " * under + text, text
            else:
                under, body = (0 if margin else under), text
            mark = _FENCE.match(body.strip())
            stripped = body.strip()
            if mark and not (len(stripped) > 2 * len(mark.group(1)) and stripped.endswith(mark.group(1))):
                fence = mark.group(1)
        out.append(line if text is line.text else Line(line.number, text, line.code))
    return out


def _body(lines: list[Line], start: int, indent: int) -> list[Line]:
    """The lines nested under the block opening ``lines[start]`` at ``indent``, trailing blanks left out."""
    end = start + 1
    while end < len(lines) and _nested(lines[end], indent):
        end += 1
    while end > start + 1 and lines[end - 1].blank:
        end -= 1
    return lines[start + 1 : end]


def _own(lines: list[Line], start: int, indent: int) -> list[Line]:
    """The block's own further lines: those of its :func:`_body` before its first child block, read
    without reading the children (only a card's are read)."""
    for end in range(start + 1, len(lines)):
        line = lines[end]
        if not _nested(line, indent):
            break
        if not line.code and _BLOCK.match(line.text):
            return lines[start + 1 : end]
    return _body(lines, start, indent)


def _nested(line: Line, indent: int) -> bool:
    return line.blank or _width(_indent(line.text)) > indent


def _entry(first: Line, text: str, own: list[Line], children: list[Line], section: str) -> Entry:
    """The card of the block opening at ``first`` (``text`` after its bullet)."""
    more = [line.text.strip() for line in own if not _PROPERTY.match(line.text)]
    if _PROPERTY.match(text):  # the block opens on its properties (an empty first line Logseq filled)
        text = ""
    question = _question(" ".join([text, *more]).strip())
    answer = _answer([line for line in children if line.code or not _PROPERTY.match(line.text)])
    if "{{" in answer and (marked := cloze.to_anki(answer, _CLOZE_STYLES)) is not None:
        answer = cloze.revealed(marked)  # a deletion on the back is its text: the card asks the question above it
    last = (children or own)[-1].number if (children or own) else first.number
    deletions = cloze.to_anki(question, _CLOZE_STYLES)
    if deletions is not None:
        return Entry(deletions, answer, first.number, last, section, "cloze")
    return Entry(question, answer, first.number, last, section)


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _question(text: str) -> str:
    """The block's text without the card tag (its other closing tags are split off with every
    layout's, by :func:`qadeck.parsers.entries.result`)."""
    text = _CARD.sub("", text).strip()
    label = QUESTION.match(text)  # "Q: …": a label some write on the card's block too
    if label and label.end() < len(text):
        text = text[label.end() :]
    return text


def _answer(body: Sequence[Line]) -> str:
    """The child blocks as Markdown: dedented to the first child, its bullet dropped when it is the only one."""
    if not body:
        return ""
    texts = [line.text.expandtabs(4) for line in body]
    margin = min(len(t) - len(t.lstrip(" ")) for t in texts if t.strip())
    texts = [t[margin:] for t in texts]
    tops = [i for i, t in enumerate(texts) if _BLOCK.match(t) and not body[i].code and _width(_indent(t)) == 0]
    if len(tops) == 1:
        # Logseq's bullet on the one answer block, not a list the author wrote: its lines as a paragraph.
        texts = [texts[0][2:] if texts[0].startswith(("- ", "* ")) else texts[0][1:],
                 *(t[2:] if t.startswith("  ") else t for t in texts[1:])]
    return "\n".join(t.rstrip() for t in texts).strip("\n")


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """1 where Logseq's own tag marks the cards; where only ``#flashcard`` does, the share of the file they
    cover, since Neuracache's paragraphs (layout ``obsidian``) end in that tag too."""
    if not entries:
        return 0.0
    if any(mark in source.text for mark in _OWN_MARKS) and _OWN.search(source.text):
        return max(_MARKED, marked_coverage(source, entries))
    return marked_coverage(source, entries)


LAYOUT = make_layout(
    NAME,
    "Logseq flashcards: outline blocks tagged #card, their nested blocks the answer",
    _entries,
    _score,
)
