"""Org-mode as Markdown, line for line.

Outline headings (``*``, ``**`` …) become ATX headings, TODO keywords and
tags dropped; ``#+BEGIN_SRC``/``#+BEGIN_EXAMPLE`` blocks become fenced code;
keyword lines (``#+TITLE:``), comments and property drawers are bookkeeping.
A flashcard of org-drill or org-fc (a heading tagged ``:drill:`` or ``:fc:``) becomes
a ``Q:``/``A:`` pair: its body, or its title when it has none, is the question, and its
first subheading (``** Answer``, ``** Back``) opens the answer; an org-drill card with no
subheading and ``[deletions]`` in its body is a cloze. An org-fc card with no subheading is
compact (its title asks, its body answers) and one whose ``:FC_TYPE:`` is ``cloze`` is a
cloze of its holes (``{{text}}``, ``{{text}{hint}}``, ``{{text}@0}``: the hole ``@n`` is
deletion ``c(n+1)``).
A file of anki-editor's or org-anki's notes (a heading whose drawer names an ``:ANKI_NOTE_TYPE:``
or an ``:ANKI_NOTE_ID:``) is read as those notes (see :mod:`.orgnotes`), written as the ``blocks`` layout's notes, which carry their kind
and tags.
Body text is dedented under its heading (Org indents it; Markdown would read
four spaces as code). Links, ``~code~`` and ``=verbatim=`` become Markdown's.
"""

from __future__ import annotations

import re

from .blocks import code_span

#: What a file of anki-editor's or org-anki's notes holds (see :mod:`.orgnotes`): substring tests tell the other
#: Org files.
_NOTE_MARKS = ("ANKI_NOTE_TYPE", "ANKI_NOTE_ID")
HEADING = re.compile(r"^(\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING)\s+)?(?:\[#[A-C]\]\s+)?(.*?)(?:\s+(:[\w@#%:]+:))?\s*$")
#: The tags that make a heading a flashcard: org-drill's and org-fc's.
_CARD_TAGS = frozenset({"drill", "fc"})
#: An org-drill deletion, ``[text]`` or ``[text||hint]`` (not a link's ``[[``).
_DELETION = re.compile(r"(?<!\[)\[([^\[\]|]+?)(?:\|\|([^\[\]]+))?\](?![\[(])")
BLOCK = re.compile(r"^\s*#\+(begin|end)_(\w+)\s*(\S*)", re.IGNORECASE)
_KEYWORD = re.compile(r"^\s*#\+\w+:|^\s*#(?:\s|$)")
_DRAWER = re.compile(r"^\s*:(\w+):\s*$")
_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_VERBATIM = re.compile(r"(?<![\w~=])([~=])(?=\S)(.+?)(?<=\S)\1(?![\w~=])")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_CODE_BLOCKS = frozenset({"src", "example"})
#: An org-fc property line in a card's drawer, ``:FC_TYPE: cloze``.
_PROPERTY = re.compile(r"^\s*:(FC_TYPE):\s*(\S+)", re.IGNORECASE)
#: An org-fc hole: ``{{text}}``, ``{{text}{hint}}``, ``{{text}@0}``, ``{{text}{hint}@0}`` (braces in its
#: text only inside ``$math$``).
_HOLE_TEXT = r"(?:\$[^$]*\$|[^}$])"
_HOLE = re.compile(rf"\{{\{{({_HOLE_TEXT}+?)\}}(?:\{{({_HOLE_TEXT}*?)\}})?(?:@(\d+))?\}}")
#: Characters of the scripts that write no space between words: a line break inside them joins without one.
_UNSPACED = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def to_markdown(text: str) -> str:
    if any(mark in text for mark in _NOTE_MARKS):
        # Imported when first needed: orgnotes reads Org's headings with this module's patterns, and the data
        # reader's imports would cost every other Org file.
        from . import orgnotes
        from .data import notes_markdown

        if notes := orgnotes.items(text, _outline_to_markdown):
            return notes_markdown(notes, lines=True)
    return _outline_to_markdown(text)


def _outline_to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    code = False
    drawer = False
    card = _Card(lines, out)
    for index, line in enumerate(lines):
        block = BLOCK.match(line)
        if block:
            kind = block.group(2).lower()
            if kind in _CODE_BLOCKS:
                code = block.group(1).lower() == "begin"
                out[index] = "```" + (block.group(3) if code and kind == "src" else "")
            else:
                out[index] = ""
            continue
        if code:
            continue
        mark = _DRAWER.match(line)
        if drawer or mark:
            drawer = not (mark and mark.group(1).upper() == "END")
            out[index] = ""
            if drawer and (found := _PROPERTY.match(line)):
                card.fc_type(found.group(2).lower())
            continue
        heading = HEADING.match(line)
        if heading:
            out[index] = "#" * min(len(heading.group(1)), 6) + " " + _inline(heading.group(2))
            card.heading(index, len(heading.group(1)), heading.group(2), heading.group(3) or "")
        elif _KEYWORD.match(line):
            out[index] = ""
        elif line.strip():
            out[index] = card.body(index, _inline(line))
    _dedent_sections(out)
    return "\n".join(out)


class _Card:
    """The flashcard heading being read, if any, rewriting its lines as a ``Q:``/``A:`` pair.

    A card with no subheading holding org-drill's deletions (``[text]``, ``[text||hint]``) is a
    cloze: each deletion is written Anki's way, numbered in order.
    """

    def __init__(self, lines: list[str], out: list[str]) -> None:
        self.lines, self.out = lines, out
        self.level = 0  # the card heading's level; 0 outside a card
        self.title = (0, "")  # its line and title
        self.asked = self.answered = self.cloze = self.compact = False
        self.fc = False  # an org-fc card (tagged :fc:), not org-drill's
        self.deletions = 0
        self.text = ""

    def heading(self, index: int, level: int, title: str, tags: str) -> None:
        if self.level and level > self.level:
            if not self.answered:  # the card's first subheading opens its answer; later ones stay headings
                if not self.asked:
                    self.out[self.title[0]] = "Q: " + _inline(self.title[1])
                self.out[index] = "A:"
                self.asked = self.answered = True
            return
        marks = set(tags.strip(":").split(":"))
        self.level = level if _CARD_TAGS & marks else 0
        self.title, self.asked, self.answered, self.deletions = (index, title), False, False, 0
        self.fc = bool(self.level) and "fc" in marks
        alone = bool(self.level) and not self._has_subheading(index, level)
        # org-drill: a card of no subheading is a cloze; org-fc: its type says (see fc_type), else its title asks.
        self.cloze, self.compact = alone and not self.fc, alone and self.fc

    def fc_type(self, kind: str) -> None:
        """The ``:FC_TYPE:`` of the org-fc card being read: ``cloze`` makes it one."""
        if self.fc and not self.asked:
            self.cloze = kind == "cloze"
            self.compact = self.compact and not self.cloze

    def _has_subheading(self, index: int, level: int) -> bool:
        for line in self.lines[index + 1 :]:
            found = HEADING.match(line)
            if found:
                return len(found.group(1)) > level
        return False

    def body(self, index: int, text: str) -> str:
        if self.cloze:
            # One text (a deletion may run over a line break), on the heading's line, and an empty
            # answer on the next line it takes: a cloze has no back. The other lines stay, blank.
            if not self.asked:
                self.asked, self.text = True, text.strip()
                self.out[index] = "A:"
            else:
                self.text = _joined(self.text, text.strip())
                self.out[index] = ""
            self.deletions = 0
            self.out[self.title[0]] = "Q: " + (self._holes(self.text) if self.fc else _DELETION.sub(self._deletion, self.text))
            return self.out[index]
        if self.compact and not self.asked:
            # org-fc's compact card: the title asks, the body answers.
            self.asked = True
            self.out[self.title[0]] = "Q: " + _inline(self.title[1])
            return "A: " + text.lstrip()
        if self.level and not self.asked:
            # The body asks; the heading only names the card, and is no section over the ones after it.
            self.asked = True
            self.out[self.title[0]] = ""
            return "Q: " + text.lstrip()
        return text

    def _holes(self, text: str) -> str:
        """``text`` with org-fc's holes written as Anki's deletions: ``@n`` is ``c(n+1)``, a hole with no
        number takes the next one no hole names."""
        named = {int(found.group(3)) + 1 for found in _HOLE.finditer(text) if found.group(3)}
        free = iter(n for n in range(1, 10_000) if n not in named)

        def deletion(found: re.Match[str]) -> str:
            number = int(found.group(3)) + 1 if found.group(3) else next(free)
            body, hint = found.group(1).strip(), found.group(2)
            end = " " if (hint or body).endswith("}") else ""  # "}}}" would end it early: Anki's advice
            return f"{{{{c{number}::{body}{f'::{hint}' if hint else ''}{end}}}}}"

        return _HOLE.sub(deletion, text)

    def _deletion(self, match: re.Match[str]) -> str:
        self.deletions += 1
        hint = f"::{match.group(2)}" if match.group(2) else ""
        return f"{{{{c{self.deletions}::{match.group(1)}{hint}}}}}"


def _joined(text: str, more: str) -> str:
    """Two lines of a paragraph as one: a space between them, none between two characters of a script
    written without spaces (Chinese, Japanese), where Org's filling broke a line mid-word."""
    if text and more and _UNSPACED.match(text[-1]) and _UNSPACED.match(more[0]):
        return text + more
    return f"{text} {more}" if text else more


def _dedent_sections(out: list[str]) -> None:
    """Remove each section's common indentation outside code (Org indents bodies under headings)."""
    start = 0
    for end in [*(k for k, line in enumerate(out) if line.startswith("#")), len(out)]:
        _dedent(out, start, end)
        start = end + 1


def _dedent(out: list[str], start: int, end: int) -> None:
    code = False
    indents = []
    for line in out[start:end]:
        if line.lstrip().startswith("```"):
            code = not code
        elif not code and line.strip():
            indents.append(len(line) - len(line.lstrip()))
    cut = min(indents, default=0)
    if cut:
        for k in range(start, end):
            out[k] = out[k][cut:] if out[k][:cut].isspace() else out[k].lstrip()


def _inline(text: str) -> str:
    if text.endswith("\\\\"):
        text = text[:-2].rstrip()  # a forced line break: the line ends anyway
    if "[[" in text:
        text = _LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(2) else m.group(1), text)
    if "~" in text or "=" in text:
        text = _VERBATIM.sub(lambda m: code_span(m.group(2)), text)
    if "*" in text:
        text = _BOLD.sub(r"**\1**", text)
    return text
