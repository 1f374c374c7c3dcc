"""Layout ``answered``: questions written as they are, each answer opening with a label.

    Can a static method be overridden?        ===>Closures.
    A: No, it is hidden.                      ans=>A function bundled with its scope.

    Name the integral types.                  What does useTransition do?
    A: byte, short, int, long, char.          Answer:
                                              It keeps urgent updates fast.

Notes typed for an exam or an interview mark only the answers: ``A:``, ``Ans:``, ``Answer:``,
``Ans ->``, ``ans=>``, "Answer" in another language (``Ответ:``, ``Antwort:``), or a run of dashes glued to the
answer's first word (``----Private``). The question is
the paragraph right above an answer label (a blank line may part the two), whatever it says: a
question, an instruction ("Name the integral types."), a topic ("Closures."). A paragraph of more
than :data:`_QUESTION_LINES` lines is the previous answer running on, its last line the question.
Exam sheets number their parts and list the tasks under each (``**1.1 Transport (6p)**`` over
``- Describe the TCP handshake.``): a numbered line that asks nothing over a listed task titles the
part, and the task is the question; such a title ends the answer above it.
The answer runs from the label to the next question; a label with nothing after it leaves its
question unanswered. Arrows or a number before a question (``===>``, ``3.``) are dropped.

Files whose questions carry a marker too (``Q:``) are the ``prefixed`` layout's, numbered questions
the ``numbered`` layout's: those come first in the registry and win a tie.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Source
from . import common, numbered, options, prefixed
from .entries import Entry, make_layout, marked_coverage
from .repair import clean
from .structure import ANSWERING_WORDS, SPACE, Line, LineStart

NAME = "answered"

_LABELS = r"A|Ans|ANS|ans|Answer|ANSWER|answer"
#: A run of dashes glued to the answer's first word ("----Private"), as notes typed in a plain editor mark their
#: answers; never a rule, nor a banner whose dashes close it too ("-----Spring-----").
_DASHES = r"-{3,}(?=[^\W\d_])(?!.*--[ \t]*$)"
_OTHER_LABELS = "|".join(re.escape(word) for word in ANSWERING_WORDS)
#: A line that opens an answer: the label, then a colon, an arrow, a dash before a space, or "Ans." before
#: a space; "Answer:" may stand alone on its line. No "A." (a lettered option) and no bare "Answer" (a heading's).
_MARK_BODY = (
    rf"{SPACE}*(?P<b>\*\*|__)?(?:(?:{_LABELS}){SPACE}*(?::|：|[-=]+>|[-–](?={SPACE}))|(?:Ans|ANS|ans)\.(?={SPACE})"
    rf"|(?i:{_OTHER_LABELS}){SPACE}*[:：]|{_DASHES})(?:(?P=b))?{SPACE}*"
)
_MARK = re.compile("^" + _MARK_BODY)
#: The English labels alone, whose first letter the engine looks for: the other languages' words are looked
#: for only in a text that is not all ASCII.
_MAY_MARK = LineStart(re.compile(
    rf"^{SPACE}*(?:(?:\*\*|__)?[Aa](?:ns|NS|nswer|NSWER)?{SPACE}*(?::|[-=]+>|[-–.]{SPACE})|---+[^\W\d_])"
))
_MAY_MARK_IN = LineStart(re.compile(rf"^{SPACE}*(?:\*\*|__)?(?i:{_OTHER_LABELS}){SPACE}*[:：]"))
#: A question is a paragraph of at most this many lines; a longer one is an answer running on.
_QUESTION_LINES = 3
#: What opens a question line and asks nothing: arrows, a bullet, a number.
_WORD = re.compile(r"[^\W_]")
#: A line that may title an exam's part: a section's number first ("1.1 …", "**2.3 …**"); one that asks
#: nothing (see :func:`numbered.question_text`) and has a listed task right below it does (see :func:`_titled`).
_PART_TITLE = re.compile(r"^\s{0,3}(?:\*\*|__)?\d{1,3}(?:\.\d{1,3})+\.?\s")
#: A line of a bulleted list: a task listed under a part's title.
_LISTED = re.compile(r"^\s{0,3}[-*+•]\s+\S")
#: A heading's marks and then its number ("### 1. What is Docker?") are both dropped.
_LEAD = re.compile(r"^(?:(?:[=\-~]*>|[*•+-](?=\s)|#{1,6}(?=\s)|(\*\*|__)?\d{1,3}[.)](?(1)\1)(?=\s|\D))\s*){1,2}")


def find(source: Source) -> list[Entry]:
    if not (_MAY_MARK.found_in(source.text) or not source.text.isascii() and _MAY_MARK_IN.found_in(source.text)):
        return []  # no line opens an answer: most files
    lines = common.read_lines(source)
    if prefixed.may_ask(source.text) and any(not line.code and prefixed.starts_question(line) for line in lines):
        return []  # questions marked too ("Q:"): the prefixed layout's
    marks = [index for index, line in enumerate(lines) if not line.code and _MARK.match(line.text)]
    if len(marks) < 2:
        return []
    starts = []  # (index of the question's first line, index of its answer label)
    chosen = set()  # the labels naming one of the options above them: their questions' first paragraph asks
    floor = 0  # the question of a label starts below the previous label
    for mark in marks:
        above = _past_options(lines, mark, floor)
        start = _question_start(lines, mark, floor) if above is None else above
        if start is not None:
            starts.append((start, mark))
        if above is not None:
            chosen.add(lines[mark].number)
        floor = mark + 1
    if sum(1 for start, _ in starts if numbered.NUMBERED.match(lines[_titled(lines, start)].text)) * 2 >= len(starts):
        return []  # numbered questions with labelled answers: the numbered layout's
    firsts = {lines[start].number for start, _ in starts}
    # A part's title over its tasks ends the answer above it, whether or not its tasks are answered.
    firsts |= {line.number for index, line in enumerate(lines[marks[0] :], marks[0])
               if not line.code and _titled(lines, index) > index}
    labels = {lines[mark].number for _, mark in starts}
    items = common.split_items(lines, lambda line: line.number in firsts,
                               opens_answer=lambda line: line.number in labels or options.is_option(line.text))
    return [_entry(item, labels, chosen) for item in items]


def _question_start(lines: list[Line], mark: int, floor: int) -> int | None:
    """The index of the first line of the question an answer label at ``mark`` answers (None: none above it)."""
    start, end = _paragraph_above(lines, mark, floor, lambda line: line.blank)
    if start == end:
        return None
    if end - start > _QUESTION_LINES:
        start = end - 1
    while start < end and not _WORD.search(lines[start].text):
        start += 1  # a line of marks alone ("/*", "}") opens no question
    return start if start < end else None


def _titled(lines: list[Line], start: int) -> int:
    """The index of the question's own first line: the line below ``start`` when the line at ``start`` titles
    an exam's part over the task listed below it ("**2.1 Routing (5p)**" over "- Define a routing table"),
    ``start`` otherwise."""
    if start + 1 < len(lines) and _PART_TITLE.match(lines[start].text) and _LISTED.match(lines[start + 1].text) \
            and numbered.question_text(lines[start].text) is None:
        return start + 1
    return start


def _paragraph_above(lines: list[Line], end: int, floor: int, gap: Callable[[Line], bool]) -> tuple[int, int]:
    """(start, end) indices of the paragraph of text lines right above ``end``, past the ``gap`` lines between
    (blank ones, or code too), not above ``floor``; start == end when there is none."""
    while end > floor and gap(lines[end - 1]):
        end -= 1
    start = end
    while start > floor and not lines[start - 1].blank and not lines[start - 1].code:
        start -= 1
    return start, end


def _past_options(lines: list[Line], mark: int, floor: int) -> int | None:
    """The index of the first line of the paragraph above the lettered options that stand above an answer label
    at ``mark`` ("A) 4" … "D) 12", a paragraph each or one for all, code under an option or above them all): a
    multiple-choice question, its label naming the right option. None when no option stands right above it."""
    end, passed = mark, False
    while True:
        start, end = _paragraph_above(lines, end, floor, lambda line: line.blank or line.code)
        if start == end:
            return None
        if not all(options.is_option(line.text) for line in lines[start:end]):
            break
        passed, end = True, start
    if not passed:
        return None
    if end - start > 1 and lines[start].text.lstrip().startswith("#") and "?" not in lines[start].text:
        start += 1  # "### Question 3" over what it asks: the heading only numbers it
    return start


def _entry(item: common.Item, labels: set[int], chosen: set[int]) -> Entry:
    """The item's question (its lines down to the answer label) and its answer (from the label on)."""
    mark = next((index for index, line in enumerate(item.lines) if line.number in labels), len(item.lines))
    if mark < len(item.lines) and item.lines[mark].number in chosen:
        # Options between the question and its label: the answer is they and the label naming the right one,
        # which the card's front and back are made of.
        mark = next((index for index, line in enumerate(item.lines) if line.blank or line.code), mark)
        body = [line.text for line in item.lines[mark:]]
    else:
        body = [line.text for line in item.lines[mark:]]
        if body and (label := _MARK.match(body[0])):
            body[0] = body[0][label.end() :]
    first = _titled(item.lines, 0) if mark > 1 else 0  # a part's title over the task is not what it asks
    asked = " ".join(_LEAD.sub("", line.text.strip()) for line in item.lines[first:mark] if _WORD.search(line.text))
    answer = clean.answer_markdown(body) if any(text.strip() for text in body) else ""
    return Entry(clean.tidy_question(asked), answer, item.first.number, item.last, item.section)


LAYOUT = make_layout(
    NAME, "Questions as written, each answer opening with a label (A:, Ans:, Answer:, Ans ->, ans=>)", find,
    marked_coverage,
)
