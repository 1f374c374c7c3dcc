"""Layout ``numbered``: numbered questions, each followed by its answer.

    1. What is MLOps?                 3. **How do you version data?**       **4.** Explain drift.

    MLOps brings DevOps to ML.           With DVC:                        Answer: Inputs change over time.
                                         - data in remote storage
                                         - pointers in Git

A question is a numbered line (``1.``, ``1)``, ``**3.**``, optionally bold)
that asks: it ends in ``?`` or opens with a question word or an instruction
(what, how, explain, compare …). An instruction that sits in a run of
numbered lines is a step of an answer's list, not a question. The answer is
what follows, up to the next question or section heading; an ``Answer`` /
``Answer:`` marker before it is dropped, and an ``Answer`` with nothing after
it leaves the question unanswered. A stray second number (``4. 11. What …``)
is dropped, and lists flattened onto one line are restored
(:func:`qadeck.clean.restore_lists`).
"""

from __future__ import annotations

import re

from .. import clean
from ..model import Source
from . import common
from .entries import Entry, make_layout
from .structure import Line

NAME = "numbered"

NUMBERED = re.compile(r"^\s{0,3}(?P<b>\*\*|__)?\d{1,3}[.)](?:(?P=b))?\s+(?:\d{1,3}[.)]\s+)?(?P<text>\S.*)$")
#: "1. Q: …" is the prefixed layout's.
_PREFIXED = re.compile(r"^(?:\*\*|__)?(?:Q(?:uestion)?\s*\d*\s*[:.)])")
_ASKING = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|is|are|was|were|can|could|do|does|did|should|would"
    r"|will|explain|describe|define|compare|contrast|name|list|discuss|outline|give|state|differentiate"
    r"|distinguish|summari[sz]e|mention|tell)\b",
    re.IGNORECASE,
)
ANSWER_MARK = re.compile(r"^\s*(?P<b>\*\*|__)?(?:(?:Answer|Ans)\b\s*[:.]?|A:)(?:(?P=b))?[ \t]*")


def question_text(text: str) -> str | None:
    """The question a numbered line asks, or None when the line does not ask."""
    match = NUMBERED.match(text)
    if not match or _PREFIXED.match(match["text"]):
        return None
    question = clean.tidy_question(match["text"])
    return question if question.endswith("?") or _ASKING.match(question) else None


def question_lines(lines: list[Line]) -> set[int]:
    """Numbers of the lines that start a question."""
    found = set()
    for index, line in enumerate(lines):
        question = None if line.code else question_text(line.text)
        if question and (question.endswith("?") or not _in_list(lines, index)):
            found.add(line.number)
    return found


def _in_list(lines: list[Line], index: int) -> bool:
    """True when a numbered line directly above or below makes this line a list item."""
    near = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(NUMBERED.match(line.text) and not line.code for line in near)


def find(source: Source) -> list[Entry]:
    lines = common.read_lines(source)
    asks = question_lines(lines)
    return [_entry(item) for item in common.split_items(lines, lambda line: line.number in asks)]


def _entry(item: common.Item) -> Entry:
    body = _without_marker([line.text for line in item.body])
    question = question_text(item.first.text) or ""
    return Entry(question, clean.answer_markdown(body), item.first.number, item.last, item.section)


def _without_marker(texts: list[str]) -> list[str]:
    """The answer's lines from its first text on, an ``Answer`` marker before it dropped."""
    texts = _from_text(texts)
    if texts and (marker := ANSWER_MARK.match(texts[0])):
        rest = texts[0][marker.end() :]
        texts = _from_text([rest] + texts[1:])
    return texts


def _from_text(texts: list[str]) -> list[str]:
    while texts and not texts[0].strip():
        texts = texts[1:]
    return texts


LAYOUT = make_layout(NAME, "Numbered questions (1. What …?, **3.** …) with answers below, optional Answer: marker", find)
