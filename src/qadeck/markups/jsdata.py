"""Quiz and flashcard data kept in JavaScript or TypeScript modules, read without running anything.

Quiz and flashcard apps keep their cards in their own sources (``questions.js``, ``quizData.ts``,
``flashcards.js``): ``export const questions = [{ question: "…", answer: "…" }, …]``, ``module.exports = [...]``,
``export default [...]``. Such a module is code, so it is never run: :func:`literals` reads the values written
after ``=`` (or ``export default``) that are literals (strings in any of JavaScript's three quotes, numbers,
``true``, ``false``, ``null``, arrays, objects with bare or quoted keys; comments and trailing commas between
them; TypeScript's ``as const`` after them). Anything else in a value (a variable, a call, a function, a template
literal with ``${…}`` in it, a spread) is a value that cannot be read: it is left out of its array or object,
never guessed at; a value followed by more code (``[...].map(…)``) is not read at all. The values read are
handed to :mod:`.data`, which makes cards of the records among them with a question and an answer (as it does
of JSON's); a module that holds none (most code) gives no text at all, so no layout makes cards of it.
"""

from __future__ import annotations

import bisect
import re

from . import data

#: Where a value a module keeps starts: after an assignment's ``=`` (not ``==``, ``=>``, ``<=`` …) or after
#: ``export default``, when an array or an object opens there.
_START = re.compile(r"(?:\bexport\s+default\b|(?<![=!<>+\-*/%&|^?])=(?![=>]))(?=\s*[\[{])")
#: Spaces and comments between tokens.
_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?(?:\*/|\Z))*", re.DOTALL)
_STRING = {
    '"': re.compile(r'"((?:[^"\\\n]|\\.|\\\n)*)"', re.DOTALL),
    "'": re.compile(r"'((?:[^'\\\n]|\\.|\\\n)*)'", re.DOTALL),
    "`": re.compile(r"`((?:[^`\\]|\\.)*)`", re.DOTALL),
}
_ESCAPE = re.compile(r"\\(u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|\r\n|.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r\n": ""}
_NUMBER = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)"
                     r"(?:[eE][-+]?\d+)?)n?(?![\w$])")
_NAME = re.compile(r"(?:[^\W\d]|\$)[\w$]*")
_WORDS = {"true": True, "false": False, "null": None}
#: TypeScript's words after a value that say what type it has (``as const``, ``satisfies Quiz[]``): up to the
#: statement's end, which they do not change.
_TYPED = re.compile(r"(?:as|satisfies)\b[^;\n]*")
#: What goes on from a value written in a statement: a member (``.map``), an index or a call, an operator.
_GOES_ON = frozenset(".?[(+-*/%&|^<>=`")
#: Brackets a value that cannot be read is skipped over by.
_CLOSING = {"(": ")", "[": "]", "{": "}"}
_SKIPPED = object()


def literals(text: str) -> list[object]:
    """The arrays and objects ``text`` (a JavaScript or TypeScript module) assigns or exports as literals, in
    order; each array a :class:`data.LinedList`, each object a :class:`data.LinedMap` knowing its lines."""
    if "=" not in text and "export" not in text:
        return []
    reader = _Reader(text)
    return data.scan_literals(text, _START, reader.value, lambda _, end: reader.ends(end))


def to_markdown(text: str) -> str:
    """A module's quiz or flashcard records as Markdown (see :func:`data.values_markdown`); "" when it holds none."""
    values = literals(text)
    return data.values_markdown(values, text.count("\n") + 1) if values else ""


def document(text: str) -> object:
    """The one literal value that is the whole of ``text`` (a JSON5 file, JSON with comments), spaces and comments
    around it (and the ``;`` a value copied out of a module keeps); raises :class:`data.Unreadable` where the text
    is anything else (a value left open, two values, code). A value inside it that is no literal (JSON5's
    ``Infinity``) is left out, as in a module."""
    reader = _Reader(text)
    try:
        value, end = reader.value(0)
    except RecursionError:
        raise data.Unreadable from None
    end = reader.space(end)
    if text.startswith(";", end):
        end += 1
    if reader.space(end) != len(text):
        raise data.Unreadable
    return value


class _Reader:
    """Reads literal values out of a module's text by offset."""

    def __init__(self, text: str):
        self.text = text
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def line(self, at: int) -> int:
        return bisect.bisect_left(self.newlines, at) + 1

    def space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]  # matches the empty string too

    def ends(self, at: int) -> bool:
        """Is the value read up to ``at`` left as written: its statement ends there (``;``, the next declaration
        on a line of its own, the text's end), not going on to do something with it (``.map(…)``, ``+ more``)?"""
        text = self.text
        while True:
            at = self.space(at)
            typed = _TYPED.match(text, at)
            if typed is None:
                return text[at:at + 1] not in _GOES_ON
            at = typed.end()

    def value(self, at: int) -> tuple[object, int]:
        """The value starting at ``at`` (spaces and comments skipped) and the offset after it; raises
        :class:`data.Unreadable` where it is not a literal."""
        at = self.space(at)
        text = self.text
        char = text[at:at + 1]
        if char == "[":
            return self.array(at)
        if char == "{":
            return self.mapping(at)
        if char in _STRING:
            return self.string(at)
        number = _NUMBER.match(text, at)
        if number is not None:
            written = number.group().replace("_", "").rstrip("n")
            try:
                if re.fullmatch(r"[-+]?\d+", written):
                    return int(written), number.end()
                return (int(written, 0) if re.match(r"[-+]?0[xXoObB]", written) else float(written)), number.end()
            except ValueError:
                raise data.Unreadable from None
        name = _NAME.match(text, at)
        if name is not None and name.group() in _WORDS:
            return _WORDS[name.group()], name.end()
        raise data.Unreadable

    def string(self, at: int) -> tuple[str, int]:
        """A string, and strings joined to it by ``+``; a template literal with no ``${…}`` in it."""
        quote = self.text[at]
        found = _STRING[quote].match(self.text, at)
        if found is None or quote == "`" and "${" in found.group(1):
            raise data.Unreadable
        value = _unescape(found.group(1))
        end = self.space(found.end())
        if self.text.startswith("+", end) and not self.text.startswith(("++", "+="), end):
            more, after = self.value(end + 1)
            if not isinstance(more, str):
                raise data.Unreadable
            return value + more, after
        return value, found.end()

    def array(self, at: int) -> tuple[data.LinedList, int]:
        items = data.LinedList()
        items.line = self.line(at)
        at += 1
        while True:
            at = self.space(at)
            if self.text.startswith("]", at):
                return items, at + 1
            if self.text.startswith(",", at):  # a hole, or the comma after a value skipped
                at += 1
                continue
            one, at = self.element(at)
            if one is not _SKIPPED:
                items.append(one)
            at = self.after(at, "]")

    def mapping(self, at: int) -> tuple[data.LinedMap, int]:
        values = data.LinedMap()
        values.line = self.line(at)
        lines: dict[object, int] = {}
        at += 1
        text = self.text
        while True:
            at = self.space(at)
            if text.startswith("}", at):
                values.key_lines = lines
                return values, at + 1
            if text.startswith(",", at):
                at += 1
                continue
            key, after = self.key(at)
            after = self.space(after)
            if key is None or not text.startswith(":", after):
                # A computed key, a spread, a method, a getter, a shorthand name: nothing to read.
                at = self.after(self.skip(at), "}")
                continue
            one, at = self.element(after + 1)
            if one is not _SKIPPED:
                values[key] = one
                lines[key] = self.line(after)
            at = self.after(at, "}")

    def key(self, at: int) -> tuple[str | None, int]:
        text = self.text
        char = text[at:at + 1]
        if char in ('"', "'"):
            found = _STRING[char].match(text, at)
            if found is not None:
                return _unescape(found.group(1)), found.end()
        name = _NAME.match(text, at) or _NUMBER.match(text, at)
        if name is not None:
            return name.group(), name.end()
        return None, at

    def element(self, at: int) -> tuple[object, int]:
        """An array's element or an object's value; :data:`_SKIPPED` (and the offset after it) when it is no
        literal, or is one with more code after it (``"a".toUpperCase()``). A type after it (``as const``) is
        passed over."""
        try:
            value, end = self.value(at)
        except data.Unreadable:
            return _SKIPPED, self.skip(at)
        following = self.space(end)
        if self.text[following:following + 1] in ("", ",", "]", "}"):
            return value, end
        if _TYPED.match(self.text, following) is not None:
            return value, self.skip(following)
        return _SKIPPED, self.skip(at)

    def after(self, at: int, closing: str) -> int:
        """The offset after an element's comma, or of the closing bracket that follows it."""
        at = self.space(at)
        if self.text.startswith(",", at):
            return at + 1
        if self.text.startswith(closing, at):
            return at
        raise data.Unreadable

    def skip(self, at: int) -> int:
        """The offset of the comma or closing bracket that ends the expression at ``at`` (brackets, strings and
        comments inside it passed over); raises :class:`data.Unreadable` at the text's end."""
        text = self.text
        depth: list[str] = []
        end = len(text)
        while at < end:
            char = text[at]
            if char == "`":
                at = self._template(at)
                continue
            if char in _STRING:
                found = _STRING[char].match(text, at)
                at = found.end() if found is not None else at + 1
                continue
            if char == "/" and text.startswith(("//", "/*"), at):
                at = self.space(at)
                continue
            if char in _CLOSING:
                depth.append(_CLOSING[char])
            elif char in ")]}":
                if not depth:
                    return at
                if depth.pop() != char:
                    raise data.Unreadable
            elif char == "," and not depth:
                return at
            at += 1
        raise data.Unreadable

    def _template(self, at: int) -> int:
        """The offset after the template literal at ``at``, its ``${…}`` passed over (they may hold templates)."""
        text = self.text
        at += 1
        while at < len(text):
            if text[at] == "\\":
                at += 2
            elif text[at] == "`":
                return at + 1
            elif text.startswith("${", at):
                at = self.skip(at + 2) + 1  # up to the "}" that closes it
            else:
                at += 1
        raise data.Unreadable


def _unescape(written: str) -> str:
    """A string's text, its escapes read as JavaScript reads them."""
    if "\\" not in written:
        return written

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape in _ESCAPES:
            return _ESCAPES[escape]
        if escape[0] == "u" and len(escape) > 1:
            code = int(escape[2:-1] if escape[1] == "{" else escape[1:], 16)
            return chr(code) if code <= 0x10FFFF else ""
        if escape[0] == "x" and len(escape) == 3:
            return chr(int(escape[1:], 16))
        return escape

    text = _ESCAPE.sub(one, written)
    # A surrogate pair written as two escapes ("\ud83d\ude00") is one character.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if re.search("[\ud800-\udfff]", text) \
        else text
