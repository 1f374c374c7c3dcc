"""Blackboard's question upload files (tab-delimited ``.txt``) as the Markdown the layouts read.

    MC<TAB>Which gas do plants take in?<TAB>Oxygen<TAB>incorrect<TAB>Carbon dioxide<TAB>correct
    TF<TAB>Water boils at 100 °C at sea level.<TAB>true
    ESS<TAB>Explain photosynthesis.<TAB>Light energy is turned into chemical energy.

One question a line, its type code in the first field: ``MC`` and ``MA``
(options, each followed by ``correct`` or ``incorrect``), ``TF`` (``true`` or
``false``), ``FIB`` (the answers a blank accepts), ``FIB_PLUS`` (each
blank's name, then its answers, groups parted by an empty field), ``MAT``
(pairs to match), ``ORD`` (items in their right order), ``NUM`` (a number
and its tolerance), ``ESS`` and ``SR`` (a model answer, if any), ``JUMBLED_SENTENCE``
and ``QUIZ_BOWL`` (answers after the question), and ``OP``, ``FIL`` and ``HS``
(opinion scales, file uploads, hot spots: nothing to learn by heart). Fields
hold Blackboard's HTML, converted as qadeck converts HTML. What each kind
makes is :mod:`.moodle`'s, as the other question banks' kinds are; a question
with no answer is reported as unanswered. A card points at its question's line.

:func:`is_upload` tells such a file from other text: most of its lines open with a type code and a TAB,
two lines at least or one answered question.
"""

from __future__ import annotations

import re

from . import moodle
from .datacards import Item
from .moodle import Answer

#: Blackboard's question type codes.
TYPES = frozenset({"MC", "MA", "TF", "ESS", "SR", "FIB", "FIB_PLUS", "MAT", "ORD", "NUM", "JUMBLED_SENTENCE",
                   "QUIZ_BOWL", "OP", "FIL", "HS"})
#: A line of the format: a type code, then a TAB.
_LINE = re.compile(r"^(" + "|".join(sorted(TYPES, key=len, reverse=True)) + r")\t", re.MULTILINE)
#: Share of a file's non-blank lines that must be questions.
_SHARE = 0.8
#: The characters the first look reads.
_OPENING = 20000


def is_upload(text: str) -> bool:
    """Is this text a Blackboard upload file: most of its first lines questions, and it opens with one?"""
    head = text[:_OPENING].lstrip("\ufeff\r\n \t")
    if not _LINE.match(head):
        return False  # a file of questions opens with one: most text fails here
    lines = [line for line in head.split("\n")[:-1 if len(text) > _OPENING else None] if line.strip()]
    asked = sum(1 for line in lines if _LINE.match(line) and _fits(line.rstrip("\r").split("\t")))
    return asked >= _SHARE * len(lines) and (asked >= 2 or len(lines[0].split("\t")) > 2)


def _fits(fields: list[str]) -> bool:
    """Do a line's fields fit its type: options each marked right or wrong, true or false, a question at
    least? (``MC<TAB>master of ceremonies`` in a deck of abbreviations does not.)"""
    kind, filled = fields[0].upper(), [field.strip().lower() for field in fields if field.strip()]
    if kind in ("MC", "MA"):
        marks = filled[3::2]
        return len(marks) >= 1 and all(mark in ("correct", "incorrect") for mark in marks)
    if kind == "TF":
        return len(filled) == 3 and filled[2] in ("true", "false")
    return len(filled) >= 2


def to_markdown(text: str) -> str:
    """The file's questions as Markdown ("" when it holds none)."""
    items = [(item, []) for number, line in enumerate(text.split("\n"), 1)
             if (item := _item(line.rstrip("\r").lstrip("\ufeff"), number)) is not None]
    return moodle.markdown(items, text.rstrip("\r\n").count("\n") + 1) if items else ""


def _item(line: str, number: int) -> Item | None:
    fields = line.split("\t")
    kind = fields[0].strip().upper()
    if kind not in TYPES or len(fields) < 2:
        return None
    question, rest = _text(fields[1]), [field.strip() for field in fields[2:]]
    while rest and not rest[-1]:
        rest.pop()
    if kind in ("MC", "MA"):
        pairs = list(zip(rest[0::2], rest[1::2]))
        options = [Answer(moodle.one_line(_text(text)), 100.0 if mark.lower() == "correct" else 0.0)
                   for text, mark in pairs if text]
        return moodle.choice(question, options, number)
    if kind == "TF":
        value = rest[0].lower() if rest else ""
        return moodle.true_false(question, value == "true", number) if value in ("true", "false") else \
            Item(question, "", number)
    if kind == "MAT":
        return moodle.matching(question, [(_text(left), _text(right)) for left, right in zip(rest[0::2], rest[1::2])],
                               number)
    if kind == "ORD":
        items = [_text(text) for text in rest if text]
        front = question + "\n\n" + "\n".join(f"- {moodle.one_line(text)}" for text in sorted(items, key=str.casefold))
        back = "\n".join(f"{n}. {moodle.one_line(text)}" for n, text in enumerate(items, 1))
        return Item(front if items else question, back, number)
    if kind == "NUM":
        value = moodle.number(rest[0], rest[1] if len(rest) > 1 else "") if rest else ""
        return Item(question, value, number)
    if kind == "FIB_PLUS":
        return Item(question, _blanks(rest), number)
    if kind in ("FIB", "ESS", "SR", "JUMBLED_SENTENCE", "QUIZ_BOWL"):
        answers: dict[str, str] = {}  # the same answer in another case ("Glycine", "glycine") is one answer
        for text in rest:
            if text:
                answers.setdefault(_text(text).casefold(), _text(text))
        return moodle.accepted(question, [Answer(text, 100.0) for text in answers.values()], number)
    return Item(question, "", number)  # an opinion scale, a file upload, a hot spot: nothing to learn by heart


def _blanks(fields: list[str]) -> str:
    """The answers of each named blank (``x: a / b``), one blank a line."""
    groups: list[list[str]] = [[]]
    for field in fields:
        if field:
            groups[-1].append(field)
        elif groups[-1]:
            groups.append([])
    named = [(group[0], [_text(answer) for answer in group[1:]]) for group in groups if len(group) > 1]
    if len(named) == 1:
        return " / ".join(named[0][1])
    return "\n".join(f"- {name}: {' / '.join(answers)}" for name, answers in named)


def _text(field: str) -> str:
    """A field's text: Blackboard's HTML as Markdown (a field without markup as it is). A heading inside it is
    bold text (the card is the question, and a heading would start another), and a ``<canvas>``, which only a
    script draws on, is left out: qadeck runs no script."""
    if "<" in field:
        field = _CANVAS.sub("", _HEADING.sub(r"<p><strong>\2</strong></p>", field))
    return moodle.as_markdown(field, "html")


_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_CANVAS = re.compile(r"<canvas\b[^>]*>.*?</canvas\s*>|<canvas\b[^>]*/>", re.IGNORECASE | re.DOTALL)
