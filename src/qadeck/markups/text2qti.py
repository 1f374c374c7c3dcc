"""text2qti quizzes (plain text teachers write for Canvas, ``quiz.txt``) as the Markdown the layouts read.

    Quiz title: Rivers

    1.  Which river flows through Cairo?
    ... general feedback
    a)  Danube
    *b) Nile

    2.  Which of these flow into the North Sea?
    [*] Rhine
    [ ] Danube

    3.  How long is the Nile, in thousands of kilometres?
    =   [6.6, 6.7]

A question is a numbered line (``1.``); what follows says its kind: lettered
choices, the right one starred (``*b)``: multiple choice, or true/false when
the choices are True and False), boxes (``[*]`` right, ``[ ]`` or ``[]`` wrong: multiple
answers), ``=`` and a number, a range ``[min, max]`` or a margin ``x +- m``
(numerical), ``*`` lines (short answers it accepts), ``____`` (an essay) or
``^^^^`` (a file upload). ``...`` is feedback (the question's, or the choice's
above it), ``+`` feedback for a right answer; ``-`` feedback for a wrong one is
left out. A line indented past the marker continues its paragraph. The quiz's
title and description, a question's ``Title:`` and ``Points:``, ``Text:``
regions, ``GROUP`` settings and code blocks (which text2qti can run: never run
here) make no card. Text is Markdown already. What each kind makes is
:mod:`.moodle`'s (the same questions Canvas would hold); essays and uploads are
reported as unanswered. A card points at its question's line.

:func:`is_quiz` tells a text2qti quiz saved as ``.txt`` from other text: two
questions at least with text2qti answers (a starred choice, boxes, ``=`` or
``*`` lines, an essay's rule), and most numbered questions answered so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import moodle
from .datacards import Item
from .moodle import Answer

_QUESTION = re.compile(r"^(\d+)\.[ \t]+(\S.*)$")
_CHOICE = re.compile(r"^(\*?)([A-Za-z])\)[ \t]+(\S.*)$")
_BOX = re.compile(r"^\[([ *]?)\][ \t]+(\S.*)$")
#: A numerical answer: a number (``_`` may group digits), a range ``[min, max]``, or a margin ``x +- m`` (``m%``).
_VALUE = r"[-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?"
_NUMBER = re.compile(rf"^=[ \t]+(\[\s*{_VALUE}\s*,\s*{_VALUE}\s*\]|{_VALUE}(?:\s*\+-\s*{_VALUE}%?)?)[ \t]*$")
_SHORT = re.compile(r"^\*[ \t]+(\S.*)$")
_ESSAY = re.compile(r"^_{3,}[ \t]*$")
_UPLOAD = re.compile(r"^\^{3,}[ \t]*$")
_FEEDBACK = re.compile(r"^(\.\.\.|\+|-)[ \t]+(\S.*)$")
#: Lines that make no card: quiz and question settings, groups, text regions.
_SETTING = re.compile(r"^(?:quiz title|quiz description|title|points|text title|text|pick|points per question"
                      r"|shuffle answers|show correct answers|one question at a time|can'?t go back|feedback is shown"
                      r"|solutions sample groups|solutions pick|solutions file)[ \t]*:|^(?:GROUP|END_GROUP)[ \t]*$",
                      re.IGNORECASE)
_FENCE = re.compile(r"^(```+|~~~+)")
_RANGE = re.compile(r"^\[\s*(\S+?)\s*,\s*(\S+?)\s*\]$")
_MARGIN = re.compile(r"^(\S+)\s*\+-\s*(\S+)$")
#: What only a text2qti quiz writes under a question (cheap to look for first).
_MAY_BE = re.compile(r"^(?:\*[A-Za-z]\)[ \t]|\[\*\][ \t]|=[ \t]+[-+\d\[]|quiz title:)", re.IGNORECASE | re.MULTILINE)
#: What :data:`_MAY_BE` needs, looked for first as plain text (most files hold none).
_MARKS = ("\n*", "[*]", "\n=", "uiz title:", "UIZ TITLE:")
#: The characters the first look reads: a quiz shows its kind in its first questions.
_OPENING = 8000


@dataclass
class _Question:
    text: list[str]
    line: int
    #: (kind, text, right, feedback): a choice ``c``, box ``b``, number ``=``, short answer ``*``, essay ``_``.
    answers: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def is_quiz(text: str) -> bool:
    """Is this plain text a text2qti quiz: two questions answered in its syntax at least, and at least as many
    as the numbered lines that are not?"""
    head = "\n" + text[:_OPENING]
    if not any(mark in head for mark in _MARKS) or not _MAY_BE.search(head):
        return False
    questions = _questions(text[:_OPENING])
    answered = sum(1 for question in questions if _marked(question))
    return answered >= 2 and 2 * answered >= len(questions)


def to_markdown(text: str) -> str:
    """The quiz's questions as Markdown ("" when it holds none)."""
    items = [(_item(question), []) for question in _questions(text)]
    return moodle.markdown(items, text.count("\n") + 1) if items else ""


def _marked(question: _Question) -> bool:
    """Are the question's answers text2qti's own, all of one kind: a right choice starred, boxes, numbers, short
    answers, an essay's or upload's rule? (A list of starred notes over a sum is no question of text2qti's.)"""
    kinds = {answer[0] for answer in question.answers}
    return len(kinds) == 1 and (kinds != {"c"} or any(answer[2] for answer in question.answers))


def _questions(text: str) -> list[_Question]:
    questions: list[_Question] = []
    current: list[str] | None = None  # the paragraph indented lines continue
    fenced = ""
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.expandtabs(4)
        fence = _FENCE.match(line.strip())
        if fenced or fence:
            if fence and (not fenced or line.strip().startswith(fenced)):
                fenced = "" if fenced else fence.group(1)
            current = None
            continue
        if not line.strip():
            continue
        if line[:1] in (" ", "\t") and current is not None:
            current.append(line.strip())
            continue
        stripped = line.strip()
        question = questions[-1] if questions else None
        current = None
        if found := _QUESTION.match(stripped):
            questions.append(_Question([found.group(2)], number))
            current = questions[-1].text
        elif _SETTING.match(stripped) or question is None:
            continue
        elif found := _CHOICE.match(stripped):
            question.answers.append(["c", [found.group(3)], bool(found.group(1)), []])
            current = question.answers[-1][1]
        elif found := _BOX.match(stripped):
            question.answers.append(["b", [found.group(2)], found.group(1) == "*", []])
            current = question.answers[-1][1]
        elif found := _NUMBER.match(stripped):
            question.answers.append(["=", [found.group(1)], True, []])
        elif found := _SHORT.match(stripped):
            question.answers.append(["*", [found.group(1)], True, []])
            current = question.answers[-1][1]
        elif _ESSAY.match(stripped) or _UPLOAD.match(stripped):
            question.answers.append(["_", [""], False, []])
        elif found := _FEEDBACK.match(stripped):
            if found.group(1) == "-":
                continue  # what a student who answered wrong is told
            feedback = [found.group(2)]
            if question.answers and found.group(1) == "...":
                question.answers[-1][3].append(feedback)
            else:
                question.notes.append(feedback)
            current = feedback
    return questions


def _paragraph(lines: list[str]) -> str:
    return " ".join(lines)


def _item(question: _Question) -> Item:
    text = _paragraph(question.text)
    notes = "\n\n".join(_paragraph(note) for note in question.notes)
    kinds = [answer[0] for answer in question.answers]
    if not kinds or "_" in kinds:
        return Item(text, "", question.line)  # an essay or an upload: nothing to learn by heart
    if kinds[0] in ("c", "b"):
        options = [Answer(moodle.one_line(_paragraph(answer[1])), 100.0 if answer[2] else 0.0,
                          "\n\n".join(_paragraph(note) for note in answer[3]))
                   for answer in question.answers if answer[0] in ("c", "b")]
        chosen = moodle.right(options)
        if len(options) == 2 and len(chosen) == 1 and {o.text.lower() for o in options} == {"true", "false"}:
            return moodle.true_false(text, chosen[0].text.lower() == "true", question.line,
                                     "\n\n".join(part for part in (chosen[0].feedback, notes) if part))
        return moodle.choice(text, options, question.line, notes)
    if kinds[0] == "=":
        return moodle.accepted(text, [Answer(_numerical(_paragraph(answer[1])), 100.0) for answer in question.answers
                                      if answer[0] == "="], question.line, notes)
    return moodle.accepted(text, [Answer(_paragraph(answer[1]), 100.0) for answer in question.answers
                                  if answer[0] == "*"], question.line, notes)


def _numerical(value: str) -> str:
    """A numerical answer as a reader writes it: ``6.6–6.7``, ``1.4142 ± 0.0001``, or the value."""
    value = value.strip()
    if found := _RANGE.match(value):
        return moodle.span(*found.groups())
    if found := _MARGIN.match(value):
        return moodle.number(*found.groups())
    return value
