"""Cards a Typst file keeps as data: flashcard calls and question records, read without running anything.

Typst flashcard packages and templates take their cards as function calls (``#flashcard("Front", "Back")``,
``card([you], [あなた])`` in a ``#let`` array, ``#card(q: […], a: […])``, ``#flashcard(recto: …, verso: …)``),
and exam templates take their questions as records (``(body: […], a: […], b: […], solution: "B")`` in an array
handed to ``#show: exam.with(…)``). :func:`values` reads the values written after ``#let name =``, ``#show:`` and
``#`` where a call or an array opens: strings, content blocks (``[…]``, their markup as Markdown), numbers,
``true``/``false``/``none``, arrays, dictionaries and calls. A call whose name ends in ``card`` is one card: its
first two text arguments its front and back, its named ones (``q``, ``a``, ``front``, ``back``) under their names;
any other call is the arrays it is given (a dictionary alone is its settings, no record). Anything else (a variable, an expression, a function's body) cannot be
read and is left out, never guessed at. The values go to :mod:`.data`, which makes cards of the records among them
that have a question and an answer, as it does of a JavaScript module's.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from collections.abc import Callable

from . import asking, data

#: Where a value the file keeps may start: after ``#let name =``, ``#show:``, or a ``#`` before a call or an array.
_START = re.compile(r"#(?:let[ \t]+[\w-]+[ \t]*=|show[ \t]*:)?[ \t]*(?=[\w.-]+[ \t]*\(|\()")
#: Spaces and comments between tokens.
_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?(?:\*/|\Z))*", re.DOTALL)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_ESCAPE = re.compile(r"\\(u\{[0-9A-Fa-f]+\}|.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?(?![\w.])")
_NAME = re.compile(r"[^\W\d][\w.-]*")
_KEY = re.compile(r'(?:([^\W\d][\w-]*)|"((?:[^"\\]|\\.)*)")[ \t]*:(?!:)')
_WORDS = {"true": True, "false": False, "none": None}
#: A heading inside a card's side (``=== Topic`` over the question): the side's label, in bold, no heading of the deck.
_HEADING = re.compile(r"(?m)^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*$")
#: Lines that stand on their own in a paragraph: list items, headings, math on its own line, a table's rows.
_OWN_LINE = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#|\$(?:\s|$)|\|)")
#: Brackets a value is skipped over by, and strings, which may hold any of them.
_OPENING, _CLOSING = "([{", ")]}"
#: The longest call, array or content block read: a bracket left open in a damaged file is not searched past this.
_LONGEST = 200_000


class _Card(data.LinedMap):
    """A card's call, a record wherever it is."""


def values(text: str, content: Callable[[str], str]) -> list[object]:
    """The values ``text`` (a Typst file) keeps, in order (see the module's docstring); each array a
    :class:`data.LinedList`, each dictionary and card a :class:`data.LinedMap` knowing its line. ``content``
    writes a content block's markup as Markdown."""
    reader = _Reader(text, content)
    return data.scan_literals(text, _START, reader.value, lambda value, _: _holds_records(value))


def to_markdown(text: str, content: Callable[[str], str]) -> str:
    """The cards ``text`` keeps as data, as Markdown (see :func:`data.values_markdown`); "" when it keeps none."""
    found = values(text, content)
    return data.values_markdown(found, text.count("\n") + 1) if found else ""


class _Reader:
    """Reads literal values out of a Typst file's text by offset."""

    def __init__(self, text: str, content: Callable[[str], str]):
        self.text = text
        self.content = content
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def line(self, at: int) -> int:
        return bisect.bisect_left(self.newlines, at) + 1

    def space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]  # matches the empty string too

    def value(self, at: int) -> tuple[object, int]:
        """The value starting at ``at`` (spaces and comments skipped) and the offset after it; raises
        :class:`data.Unreadable` where it is not a literal."""
        at = self.space(at)
        text = self.text
        char = text[at:at + 1]
        if char == "(":
            positional, named, end = self.arguments(at)
            if named and not positional:
                return self.mapping(named, at), end
            if named:
                raise data.Unreadable  # a dictionary holds no positional values, an array no named ones
            return self.array(positional, at), end
        if char == "[":
            return self.block(at)
        if char == '"':
            found = _STRING.match(text, at)
            if found is None:
                raise data.Unreadable
            return _ESCAPE.sub(_unescape, found.group(1)), found.end()
        if char == "$":
            shut = text.find("$", at + 1, at + _LONGEST)
            if shut < 0:
                raise data.Unreadable
            return text[at:shut + 1], shut + 1
        number = _NUMBER.match(text, at)
        if number is not None:
            written = number.group()
            return (float(written) if any(c in written for c in ".e") else int(written)), number.end()
        name = _NAME.match(text, at)
        if name is None:
            raise data.Unreadable
        if name.group() in _WORDS:
            return _WORDS[name.group()], name.end()
        end = name.end()
        if text[end:end + 1] not in ("(", "["):
            raise data.Unreadable  # a variable: its value is not written here
        return self.call(name.group(), at, end)

    def call(self, name: str, at: int, end: int) -> tuple[object, int]:
        """A call's values: one card for a call whose name ends in ``card``, else what it is given."""
        positional: list[object] = []
        named: list[tuple[str, object]] = []
        if self.text[end] == "(":
            positional, named, end = self.arguments(end)
        while self.text[end:end + 1] == "[":  # trailing content blocks are arguments too
            block, end = self.block(end)
            positional.append(block)
        if name.rsplit(".", 1)[-1].lower().endswith("card"):
            sides = [one for one in positional if isinstance(one, str)]
            card = _Card(zip(("front", "back"), sides[:2]))
            card.update(named)
            card.line = self.line(at)
            return card, end
        given = [(key, one) for key, one in named if _holds_records(one)]
        held = [self.mapping(given, at)] if given else []
        return self.array(held + [one for one in positional if _holds_records(one)], at), end

    def arguments(self, at: int) -> tuple[list[object], list[tuple[str, object]], int]:
        """The positional and the named values of the parenthesised list opening at ``at``, and the offset past it.
        A value that cannot be read is left out; one that cannot be skipped either makes the list unreadable."""
        text = self.text
        positional: list[object] = []
        named: list[tuple[str, object]] = []
        at += 1
        while True:
            at = self.space(at)
            if text[at:at + 1] == ")":
                return positional, named, at + 1
            if at >= len(text):
                raise data.Unreadable
            key = _KEY.match(text, at)
            start = self.space(key.end()) if key else at
            try:
                value, end = self.value(start)
                end = self.space(end)
                if text[end:end + 1] not in (",", ")"):
                    raise data.Unreadable  # the value goes on: an expression
            except data.Unreadable:
                value, end = data.Unreadable, self.skip(start)
            if value is not data.Unreadable:
                if key:
                    named.append((key.group(1) or key.group(2), value))
                else:
                    positional.append(value)
            if text[end:end + 1] == ",":
                end += 1
            elif text[end:end + 1] != ")":
                raise data.Unreadable  # a "]" or "}" this list never opened (a damaged file): no list to read
            at = end

    def skip(self, at: int) -> int:
        """The offset of the ``,`` or ``)`` that ends the value starting at ``at``: brackets and strings in it
        skipped over."""
        text = self.text
        depth = 0
        limit = min(len(text), at + _LONGEST)
        while at < limit:
            char = text[at]
            if char == '"':
                found = _STRING.match(text, at)
                at = found.end() if found else at + 1
                continue
            if char == "\\":
                at += 2
                continue
            if char in _OPENING:
                depth += 1
            elif char in _CLOSING:
                if depth == 0:
                    return at
                depth -= 1
            elif char == "," and depth == 0:
                return at
            at += 1
        raise data.Unreadable

    def block(self, at: int) -> tuple[str, int]:
        """A content block's markup as Markdown, and the offset past it."""
        closing = asking.group_end(self.text, at, min(len(self.text), at + _LONGEST), math=True)
        if closing is None:
            raise data.Unreadable
        inner = self.text[at + 1:closing - 1]
        first, _, rest = inner.partition("\n")
        written = first.strip() + ("\n" + textwrap.dedent(rest) if rest else "")
        return _unwrapped(_HEADING.sub(r"**\1**", self.content(written.strip()).strip())), closing

    def mapping(self, named: list[tuple[str, object]], at: int) -> data.LinedMap:
        found = data.LinedMap(named)
        found.line = self.line(at)
        return found

    def array(self, items: list[object], at: int) -> data.LinedList:
        found = data.LinedList(items)
        found.line = self.line(at)
        return found


def group_end(text: str, at: int) -> int | None:
    """The offset past the bracket closing the one at ``at`` (``(``, ``[`` or ``{``): strings, math and the other
    brackets inside skipped over (``numbering: "a)"`` closes nothing); None when it is not closed."""
    depth = 0
    index = at
    limit = min(len(text), at + _LONGEST)
    while index < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == '"' and text[at] == "(" or char == "$":
            shut = text.find(char, index + 1, limit)
            index = index + 1 if shut < 0 else shut + 1
            continue
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _unwrapped(markdown: str) -> str:
    """``markdown`` with the lines of each paragraph joined: in Typst a line break in a paragraph is a space, where a
    card's text keeps its line breaks. Code blocks, list items, math and blank lines stay as they are."""
    if "\n" not in markdown:
        return markdown
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            out.append(line)
            continue
        joins = (not fenced and out and out[-1].strip() and line.strip() and not _OWN_LINE.match(line)
                 and not _OWN_LINE.match(out[-1]) and not out[-1].lstrip().startswith(("```", "~~~")))
        if joins:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _holds_records(value: object) -> bool:
    """Can ``value`` hold cards: an array, or a dictionary holding one (a dictionary alone is a call's settings,
    ``lang: (front: "en", back: "ja")``, or a page's; records come in arrays, cards in calls)?"""
    return isinstance(value, (list, _Card)) or isinstance(value, dict) and any(
        isinstance(one, list) for one in value.values())


def _unescape(found: re.Match[str]) -> str:
    escaped = found.group(1)
    if escaped.startswith("u{"):
        try:
            return chr(int(escaped[2:-1], 16))
        except (ValueError, OverflowError):
            return found.group()
    return _ESCAPES.get(escaped, escaped)
