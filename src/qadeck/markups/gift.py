"""Moodle's GIFT question format (``.gift``, or GIFT text saved as ``.txt``) as the Markdown the layouts read.

    // a comment
    $CATEGORY: $course$/top/Geography

    ::Q1:: Which city is the capital of Canada? {
      =Ottawa # right
      ~Toronto
      ~%50%Ottawa-Gatineau
    }

    Canada is {=north ~south} of the United States.

A question is a paragraph (questions are parted by blank lines outside answer
blocks, or a ``::title::`` line after an answer block; ``//`` lines are comments): an optional ``::title::``, an optional text format (``[html]``,
``[markdown]``, ``[plain]``, ``[moodle]``), the text, and one answer block in
braces: ``=right ~wrong`` options with ``%50%`` weights and ``#feedback``
(multiple choice), ``T``/``TRUE``/``F``/``FALSE`` (true/false), ``=a =b`` (short
answer), ``=item -> match`` (matching), ``#3.14:0.01`` or ``#1..5`` or ``#=… =…``
(numerical), nothing (an essay), ``####`` before the general feedback. A block with
text after it is a missing word: the question shows a blank where the block
was. A paragraph with no block is a description. ``\\=``, ``\\~``, ``\\#``,
``\\{``, ``\\}``, ``\\:`` and ``\\\\`` are the characters themselves, ``\\n`` a line
break. What each kind of question makes is :mod:`.moodle`'s: the question's text
on the front (its title is not: Moodle never shows it to students), the right
answer on the back.

A card points at its question's lines in the GIFT text. An answer block left open is an error naming its line.
:func:`is_gift` tells GIFT saved as ``.txt`` from other text: most of its
paragraphs must be questions with GIFT answer blocks, two at least.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import SourceError
from . import moodle
from .datacards import Item
from .moodle import Answer

#: Escaped characters -> private-use stand-ins, so the syntax characters they are never read as syntax.
_ESCAPES = {"\\\\": "\ue010", "\\:": "\ue011", "\\~": "\ue012", "\\=": "\ue013", "\\#": "\ue014",
            "\\{": "\ue015", "\\}": "\ue016"}
_ESCAPED = re.compile(r"\\[\\:~=#{}]")
_RESTORE = {stand_in: escaped[1] for escaped, stand_in in _ESCAPES.items()}
_COMMENT = re.compile(r"^\s*//")
#: A line that starts a question or a category: after an answer block, it starts a new one, blank line or not.
_STARTS = re.compile(r"^\s*(?:::|\$CATEGORY:)")
_CATEGORY = re.compile(r"^\s*\$CATEGORY:\s*(.*)$")
_TITLE = re.compile(r"^\s*::(.*?)::", re.DOTALL)
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = re.compile(r"^(T|TRUE|F|FALSE)$")
_RANGE = re.compile(r"^(-?[\d.eE+-]+)\s*\.\.\s*(-?[\d.eE+-]+)$")
_TOLERANCE = re.compile(r"^(-?[\d.eE+-]+)\s*(?::\s*([\d.eE+-]+))?$")
#: What an answer block opens with in GIFT: an option, a number, true or false, a cloze gap's weight and type,
#: or (titled) nothing.
_GIFT_BLOCK = re.compile(r"^(?:[=~]|#\s*(?:=|-?\.?\d)|(?:T|F|TRUE|FALSE)\s*(?:#|$)|\d*:[A-Za-z_]+:|$)")
#: How many paragraphs :func:`is_gift` looks at, and how far into the file it looks for GIFT's marks first.
_OPENING = 100
_OPENING_CHARACTERS = 50_000
#: A cheap first look: a file with none of these is not GIFT.
_MAY_BE = re.compile(r"\{\s*(?:[=~#}]|(?:T|F|TRUE|FALSE)\s*[#}])|^\s*::[^\n:]+::|^\s*\$CATEGORY:", re.MULTILINE)


def is_gift(text: str) -> bool:
    """Is this plain text GIFT: two questions with GIFT answer blocks or more, and at least as many
    questions as other paragraphs (descriptions, prose)?"""
    if "{" not in text or not _MAY_BE.search(text, 0, _OPENING_CHARACTERS):
        return False
    asked = other = 0
    for _, block in _paragraphs(text):
        if _CATEGORY.match(block):
            continue
        if _asks(_escaped(block)):
            asked += 1
        else:
            other += 1
        if asked + other >= _OPENING:
            break  # a bank is GIFT from its first questions on: the look costs the same whatever the file's size
    return asked >= 2 and asked >= other


def to_markdown(text: str) -> str:
    """The questions as Markdown ("" when the text holds none); :class:`SourceError` for an unclosed block."""
    items = list(_questions(text))
    return moodle.markdown(items, text.count("\n") + 1) if items else ""


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each paragraph, comment lines left out. A blank line inside an answer block
    does not end its question: Moodle would refuse the question, but what its author meant is plain."""
    lines: list[str] = []
    start = depth = 0
    answered = False  # the paragraph holds a closed answer block: a title or category line after it starts anew
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or (answered and depth <= 0 and _STARTS.match(line)):
            if lines and depth <= 0:
                yield start, "\n".join(lines)
                lines, depth, answered = [], 0, False
        if line.strip() and not _COMMENT.match(line):
            if not lines:
                start = number
            lines.append(line)
            if "{" in line or "}" in line:
                escaped = _escaped(line)
                depth += escaped.count("{") - escaped.count("}")
                answered = answered or ("}" in escaped and depth <= 0)
    if lines:
        yield start, "\n".join(lines)


def _escaped(text: str) -> str:
    return _ESCAPED.sub(lambda m: _ESCAPES[m.group(0)], text)


def _restored(text: str) -> str:
    """Escaped characters as themselves, ``\\n`` as a line break."""
    text = text.replace("\\n", "\n")
    return "".join(_RESTORE.get(char, char) for char in text) if any(c in text for c in _RESTORE) else text


def _asks(text: str) -> bool:
    """Does this (escaped) paragraph hold a question with a GIFT answer block?"""
    titled = _TITLE.match(text)
    body = text[titled.end():] if titled else text
    opened = body.find("{")
    closed = body.find("}", opened + 1)
    if opened < 0 or closed < 0:
        return False
    inside = body[opened + 1 : closed].strip()
    return bool(_GIFT_BLOCK.match(inside)) and (bool(inside) or titled is not None)


def _questions(text: str) -> Iterator[tuple[Item, list[str]]]:
    path: list[str] = []
    for line, block in _paragraphs(text):
        while category := _CATEGORY.match(block.split("\n", 1)[0]):  # the last of the lines naming one counts
            path = moodle.category(category.group(1))
            block = block.split("\n", 1)[1] if "\n" in block else ""
            line += 1
        if not block.strip():
            continue
        item = _question(_escaped(block), line)
        if item is not None:
            yield item, path


def _question(text: str, line: int) -> Item | None:
    """One question's card (None for a description)."""
    titled = _TITLE.match(text)
    title = titled.group(1) if titled else ""
    body = text[titled.end():] if titled else text
    form = _FORMAT.match(body)
    if form:
        body = body[form.end():]
    kind = form.group(1).lower() if form else "moodle"
    if moodle.GAP.search(body):  # cloze gaps ({1:MC:~a~=b}) written into a GIFT question, as some banks do
        return moodle.cloze(moodle.as_markdown(_restored(body), kind), line)
    opened = body.find("{")
    if opened < 0:
        return None  # a description: text between the questions
    closed = body.find("}", opened + 1)
    if closed < 0:
        at = line + text[: len(text) - len(body) + opened].count("\n")
        raise SourceError("a GIFT answer block '{' opened here is never closed (a '}' is missing, "
                          "or a '{' in the text must be written '\\{')", line=at)
    before, inside, after = body[:opened].strip(), body[opened + 1 : closed], body[closed + 1 :].strip()
    question_text = moodle.blanked(before, after) if after else before
    question = moodle.as_markdown(_restored(question_text), kind) or moodle.plain(_restored(title))
    if not question:
        return None
    inside, _, general = inside.partition("####")
    notes = moodle.as_markdown(_restored(general), kind)
    inside = inside.strip()
    if not inside:
        return Item(question, "", line)  # an essay: nothing to learn by heart, reported as unanswered
    if inside.startswith("#"):
        return moodle.accepted(question, _numbers(inside[1:], kind), line, notes)
    if "~" in inside:
        return moodle.choice(question, [_option(part, kind) for part in _parts(inside)], line, notes)
    if "=" in inside and "->" in inside:
        pairs = [tuple(_text(side, kind) for side in part[1:].split("->", 1)) for part in _parts(inside)
                 if "->" in part]
        return moodle.matching(question, [(left, right) for left, right in pairs], line, notes)
    verdict, _, feedback = inside.partition("#")
    if _TRUE_FALSE.match(verdict.strip()):
        right_feedback = feedback.partition("#")[2]  # the first feedback is for a wrong answer, the second a right one
        return moodle.true_false(question, verdict.strip().startswith("T"), line,
                                 "\n\n".join(part for part in (_text(right_feedback, kind), notes) if part))
    return moodle.accepted(question, [_option(part, kind) for part in _parts(inside)], line, notes)


def _parts(inside: str) -> list[str]:
    """The answers of a block, each with its ``=`` or ``~`` mark."""
    return [part.strip() for part in re.split(r"(?=[=~])", inside) if part.strip("=~ \t\n")]


def _option(part: str, kind: str) -> Answer:
    """``=right``, ``~wrong`` or ``~%50%partly``, with its ``#feedback``."""
    mark, rest = (part[0], part[1:]) if part[:1] in ("=", "~") else ("=", part)
    weight = 100.0 if mark == "=" else 0.0
    weighted = _WEIGHT.match(rest)
    if weighted:
        weight, rest = float(weighted.group(1)), rest[weighted.end():]
    text, _, feedback = rest.partition("#")
    return Answer(moodle.one_line(_text(text, kind)), weight, _text(feedback, kind))


def _numbers(inside: str, kind: str) -> list[Answer]:
    """A numerical block's answers (after its ``#``): ``3.14:0.01``, ``1..5``, or several ``=`` answers."""
    parts = _parts(inside) if inside.lstrip().startswith("=") else [inside]
    answers = []
    for part in parts:
        weight = 100.0
        part = part[1:] if part.startswith("=") else part
        weighted = _WEIGHT.match(part)
        if weighted:
            weight, part = float(weighted.group(1)), part[weighted.end():]
        value, _, feedback = part.partition("#")
        value = _restored(value).strip()
        ranged, tolerated = _RANGE.match(value), _TOLERANCE.match(value)
        if ranged:
            value = moodle.span(ranged.group(1), ranged.group(2))
        elif tolerated:
            value = moodle.number(tolerated.group(1), tolerated.group(2) or "")
        answers.append(Answer(value, weight, _text(feedback, kind)))
    return answers


def _text(text: str, kind: str) -> str:
    """An answer's or feedback's text as Markdown; its own ``[format]`` when it names one."""
    form = _FORMAT.match(text)
    if form:
        text, kind = text[form.end():], form.group(1).lower()
    return moodle.as_markdown(_restored(text), kind)
