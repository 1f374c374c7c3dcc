"""Layout ``numbered``: numbered questions, each followed by its answer.

    1. What is MLOps?                 3. **How do you version data?**       **4.** Drift.

    MLOps brings DevOps to ML.           With DVC:                        * i. What is it?
                                         - data in remote storage          Inputs change.
                                         - pointers in Git                 * ii. How is it caught?
                                                                           Answer: By monitoring.

A question is a numbered line (``1.``, ``1)``, ``(1)``, a section's ``2.3.``,
optionally bold) that asks: it ends in ``?`` or opens with a question word or an
instruction (what, how, explain, compare …). An instruction in a run of numbered
lines is a step of an answer's list, not a question; so is a numbered line right under a
line that introduces a list (``Types of joins:``) unless it ends in ``?``. A bold number (``**4.**``)
is an explicit marker: that line starts a question whatever it says, even
nothing; a section's number in bold is a heading's. A question line that stops
mid-sentence, the line right below it ending asking, was wrapped (a PDF's
lines): the two are the question. So is a numbered line's whole paragraph, a blank line
before its answer, when the paragraph ends asking or goes on a sentence its first line
stopped (a plain-text FAQ typed at 72 columns), or closes the italics its first line
opened (Sphinx's ``#. *question*``).

A numbered section title set right over its first entry (a PDF's ``4. Docker`` over
``31. docker run …``) keeps the entries' numbering going; a section's label over a list
numbered anew from 1 (``**CODING:**``) ends the answer above it.

The answer is what follows, up to the next question or section heading; an
``Answer`` / ``Answer:`` / ``Ans:-`` marker before it is dropped, and an ``Answer`` with
nothing after it leaves the question unanswered. A stray second number
(``4. 11. What …``) is dropped, and lists flattened onto one line are
restored (:func:`qadeck.parsers.repair.clean.restore_lists`). Sub-questions numbered
``* i.``, ``* ii.`` … in order are questions of their own; the text of the
numbered line is their context and opens each of their questions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .repair import clean
from ..model import Source
from . import common, options
from .entries import Entry, make_layout
from .markup import inline_text
from .structure import MARKDOWN_EXTENSIONS, OTHER_ASKING, Line, LineStart, cjk_asks, ends_asking

NAME = "numbered"

#: The text runs from its first to its last non-space character: a greedy ``.*\S`` finds that end
#: in one backtrack, where a lazy ``.*?`` tries ``\s*$`` after every character (4 µs a line). A letter right
#: after the point is the text too (``4.If …?``, ``36.write …``: a space left out).
#: Chinese and Japanese number a list "1、", "2．" or "3）", the text right after the mark.
NUMBERED = re.compile(
    r"^\s{0,3}(?P<b>\*\*|__)?(?:\d{1,3}[.)、．）]|\d{1,3}-(?=[ \t])|\(\d{1,3}\)|(?P<section>\d{1,3}(?:\.\d{1,3}){1,2})\.?(?=\s))(?:(?P=b))?"
    r"(?:(?:\s+|(?<=[.)])(?=[^\W\d_])|(?<=[、．）]))(?:\d{1,3}[.)]\s+)?(?P<text>\S(?:.*\S)?))?\s*$"
)
#: "* i. What …", "- ii) Why …": a sub-question under a numbered question.
SUB_QUESTION = re.compile(r"^\s{0,3}[*+-]\s+(?P<n>[ivx]{1,4})[.)]\s+(?P<text>\S.*?)\s*$")
_BULLETS = ("*", "+", "-")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
#: "1. Q: …" is the prefixed layout's.
_PREFIXED = re.compile(r"^(?:\*\*|__)?(?:Q(?:uestion)?\s*\d*\s*[:.)])")
_ASKING = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|is|are|was|were|can|could|do|does|did|should|would"
    r"|will|explain|describe|define|compare|contrast|name|list|discuss|outline|give|state|differentiate"
    r"|distinguish|summari[sz]e|mention|tell|true\s*(?:or|/)\s*false|fill in the blanks?)\b",
    re.IGNORECASE,
)
_HIDDEN = f"[{clean.INVISIBLE}]*"
#: A line wholly in italics, one mark each side and none within.
_ITALIC = re.compile(r"^(?:\*(?![*\s])(?P<text>[^*]+?)(?<!\s)\*|_(?![_\s])(?P<under>[^_]+?)(?<!\s)_)$")
#: How every line NUMBERED matches opens, with room for the invisible characters that cleaning
#: (:func:`qadeck.parsers.repair.clean.strip_invisible`) removes before NUMBERED sees the line: one search of the
#: raw text says that no line is numbered, for most files that are not this layout's.
_MAY_NUMBER = LineStart(
    re.compile(
        f"^{_HIDDEN}(?:[^\\S\\n]{_HIDDEN}){{0,3}}(?:\\*{_HIDDEN}\\*{_HIDDEN}|_{_HIDDEN}_{_HIDDEN})?"
        f"\\(?\\d[\\d{clean.INVISIBLE}]*(?:[.)、．）]|-[ \\t])"
    )
)
_NUMBER_OPENS = ("*", "_", "(")
ANSWER_MARK = re.compile(
    r"^\s*(?P<b>\*\*|__)?(?:(?:Answer|Ans|ANSWER|ANS|answer|ans)\b\s*(?:[-=]+>|[:.][-–]?|[-–](?=\s))?|A:)(?:(?P=b)(?:[:：][-–]?)?)?[ \t]*"
)
#: "**Question**: …", the bold closed before the colon, opening a numbered line: a label, no part of the question.
#: ("**Question:** …", the colon in the bold, is the prefixed layout's: see _PREFIXED.)
_QUESTION_LABEL = re.compile(r"^(\*\*|__)(?:Question|Q)\1[ \t]*[:：][ \t]*")
#: An answer written on the question's line after its question mark: "6. Servlet life cycle? - init(), destroy()".
_INLINE_ANSWER = re.compile(r"^(?P<question>[^?]*\?)\s+(?:[-–]|[-=]+>|:-)\s+(?P<answer>[^?]+)$")
#: A true-or-false statement keyed after a run of dashes on its line: "19. Two subscriptions can be merged---No".
_KEYED_STATEMENT = re.compile(r"^(?P<question>.*?\S)[ \t]*-{2,}>?[ \t]*(?P<answer>(?i:yes|no|true|false))[ \t.!]*$")
#: An answer labelled on the question's line, as viva sheets of short answers write them: "4. Who wrote Python
#: Answer: Guido van Rossum." The label's word and its colon stand between spaces and the answer's text (a bold
#: label, "**Answer: …**", is left to the layouts that read bold answers).
_LABELLED_ANSWER = re.compile(
    r"^(?P<question>.*?\S)[ \t]+(?:Answer|ANSWER|Ans|ANS)[ \t]*[:：][ \t]*(?P<answer>\S.*)$")


def question_text(text: str) -> str | None:
    """The question a numbered line asks ("" for a bare bold number), or None when it does not ask."""
    match = NUMBERED.match(text)
    if not match or _PREFIXED.match(match["text"] or ""):
        return None
    text, bold = match["text"] or "", match["b"]
    if bold and text.endswith(bold) and text.count(bold) % 2:
        text = text[: -len(bold)]  # "**1. What …?**": the bold the number opened closes here
    if text[:1] in "*_" and (label := _QUESTION_LABEL.match(text)):
        text = text[label.end() :]
    italic = _ITALIC.match(text) if text[:1] in "*_" else None
    if italic:
        text = italic["text"] or italic["under"]  # "1. *What …?*": set in italics as the question, as Sphinx FAQs write it
    question = clean.tidy_question(text)
    # A section's number in bold is a heading's ("**2.1 Setup**"): it asks only as any line asks.
    if bold and not match["section"] or ends_asking(question) or _ASKING.match(question) or OTHER_ASKING.match(question) \
            or cjk_asks(question):
        return question
    return None


def question_lines(lines: list[Line]) -> dict[int, str]:
    """The lines that start a question: line number -> the question it asks (its :func:`question_text`)."""
    found = {}
    passed = False  # has a line that opens with a digit asked nothing (an answer's steps, a statement)?
    for index, line in enumerate(lines):
        opening = line.text.lstrip()[:1]
        if not (opening.isdecimal() or opening in _NUMBER_OPENS):
            continue  # NUMBERED opens with a digit (\d: a decimal), "(" or a bold mark after the spaces
        question = None if line.code else question_text(line.text)
        if question is None and not line.code and _EMPHASIS_OPENS.match(line.text):
            question = _emphasised(lines, index)
        explicit = question is not None and (ends_asking(question) or _bold_number(line.text))
        if question is not None and (explicit or not _in_list(lines, index) and not _introduced(lines, index)):
            found[line.number] = question
        elif not line.code:
            passed = True
    if found and passed:  # when every numbered line asks, none is a statement
        found.update(_statements(lines, found))
        found.update(_carried_on(lines, found))
    return found


def _introduced(lines: list[Line], index: int) -> bool:
    """Is the line right above a numbered line, with no blank between, one that introduces a list ("what is
    Collections and generics :", "Types of joins:"), itself unnumbered? Then the numbered line is an item of that
    list, an answer's point ("1. is an interface since 1.2 …"), unless it ends asking."""
    if index == 0 or lines[index - 1].blank or lines[index - 1].code:
        return False
    above = lines[index - 1].text.rstrip()
    return above.endswith(":") and not above.lstrip()[:1].isdecimal()


#: A numbered line opening an emphasis it does not close: "1. *Compiling fails with a message about a module not".
_EMPHASIS_OPENS = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(?:(?P<mark>\*)(?![*\s])[^*]*|(?P<under>_)(?![_\s])[^_]*)$")


def _emphasised(lines: list[Line], index: int) -> str | None:
    """The question of a numbered line whose italics close on a line of its paragraph below (Sphinx FAQs set
    each question in italics, ``#. *…*``, wrapped over two or three lines), when that paragraph asks."""
    opening = _EMPHASIS_OPENS.match(lines[index].text)
    mark = opening and (opening["mark"] or opening["under"])
    if not mark:
        return None
    for end in range(index + 1, min(index + 1 + _WRAPPED_LINES, len(lines))):
        below = lines[end]
        if below.blank or below.code or mark in below.text.rstrip()[:-1]:
            return None
        if below.text.rstrip().endswith(mark):
            return question_text(" ".join(line.text.strip() for line in lines[index : end + 1]))
    return None


def _carried_on(lines: list[Line], asks: dict[int, str]) -> dict[int, str]:
    """Numbered lines that carry on the questions' own numbering, in a list or not.

    A list of questions typed one a line ("3. What is a VPC?", "4. Difference between S3 and EBS",
    "5. Where is the NAT gateway defined") holds statements and instructions among its questions: each
    line numbered one on from the numbered line before it (nothing numbered between them, answer lines
    aside) belongs to the same run. A run where a question is asked and at least half of the lines
    ask is a run of questions, and every line of it is one; an answer's own steps number from 1 and start
    a run of their own, where no line or only a few ask. Once a paragraph of no list has followed those
    steps, a line opening a paragraph numbered one on from the question above them carries on the
    questions' run, not the steps' ("7. Why …?", its steps 1 to 7, "Overall, …", then "8. …").
    """
    runs: list[list[tuple[Line, str | None]]] = []
    previous: tuple[int, ...] | None = None
    current = 0  # the run the last numbered line joined
    interrupted: tuple[int, tuple[int, ...]] | None = None  # a question's run and number, an answer's list below it
    closed = False  # has an unnumbered paragraph stood below the last numbered line?
    blank = True
    for line in lines:
        after_blank, blank = blank, line.blank
        if line.blank or line.code:
            continue
        number = _NUMBER.match(line.text) if line.text.lstrip()[:1].isdecimal() else None
        if number is None:
            closed = closed or (after_blank and line.text[:1] not in " \t")
            continue
        text = asks.get(line.number) or question_text_any(line.text)
        if text is None:
            continue
        own = tuple(map(int, number.group(1).split(".")))
        if interrupted is not None and closed and after_blank and own == _next(interrupted[1], 1):
            current, interrupted = interrupted[0], None  # the answer's list has ended: the questions number on
            runs[current].append((line, text))
        elif previous is not None and own == _next(previous, 1):
            runs[current].append((line, text))
        else:
            if own == (1,) and runs and runs[current][-1][0].number in asks:
                interrupted = (current, previous or own)
            runs.append([(line, text)])
            current = len(runs) - 1
        previous, closed = own, False
    found: dict[int, str] = {}
    for run in runs:
        if len(run) < 2 or all(line.number in asks for line, _ in run) or not any(line.number in asks for line, _ in run):
            continue  # one line, only questions (most runs), or no question at all
        asking = sum(1 for line, _ in run if line.number in asks or question_text(line.text) is not None)
        if asking * 2 >= len(run):
            found.update((line.number, text) for line, text in run if line.number not in asks)
    return found


#: A line's number: ``4.``, ``4)``, ``4、``, or a section's ``2.3.`` (its questions number on within the section).
_NUMBER = re.compile(r"^\s{0,3}(?:\*\*|__)?(\d{1,3}(?:\.\d{1,3}){1,2}(?=\.?\s)|\d{1,3}(?=[.)、．）]|-[ \t]))")


def _statements(lines: list[Line], asks: dict[int, str]) -> dict[int, str]:
    """Numbered lines that state rather than ask but hold a place in the questions' own numbering.

    A FAQ entry is an entry however it is phrased ("4. compress() returns an error."):
    between questions numbered 3 and 6, the lines numbered 4 and 5, in that order, are
    entries too; so are lines numbered from 1 up to the first question, and lines numbering
    on after the last one, each opening a paragraph. A section's number (``3.7.``) counts on
    from the one before it in the same section (``3.6.``).
    """
    numbered = []
    for index, line in enumerate(lines):
        if line.code or not line.text.lstrip()[:1].isdecimal():
            continue
        number = _NUMBER.match(line.text)
        text = question_text_any(line.text)
        if number and text is not None:
            numbered.append((index, tuple(map(int, number.group(1).split("."))), text))
    found: dict[int, str] = {}
    # Before the first question, the entries numbered from 1 up to it.
    first = next((k for k, (index, _, _) in enumerate(numbered) if lines[index].number in asks), 0)
    expected = _next(numbered[first][1], -1) if numbered else (0,)
    for index, number, text in reversed(numbered[:first]):
        if number == expected and _stands_alone(lines, index):
            found[lines[index].number] = text
            expected = _next(expected, -1)
    if expected[-1]:
        found.clear()  # the numbering did not run down to 1: no FAQ's
    expected = None  # the number the next entry carries
    previous = None  # the index of the entry that carried the number before it
    for index, number, text in numbered:
        line = lines[index]
        if line.number in asks:
            expected, previous = _next(number, 1), index
        elif expected is not None and number == expected and _stands_alone(lines, index, previous):
            found[line.number] = text
            expected, previous = _next(number, 1), index
    # Between two questions the numbering must close up; after the last one it may simply stop.
    return {
        number: text for number, text in found.items()
        if _closes_up(number, numbered, lines, asks)
    }


def _next(number: tuple[int, ...], step: int) -> tuple[int, ...]:
    """The number ``step`` places on in its own level: 4 after 3, 3.8 after 3.7."""
    return (*number[:-1], number[-1] + step)


def _closes_up(line_number: int, numbered: list[tuple[int, tuple[int, ...], str]], lines: list[Line],
               asks: dict[int, str]) -> bool:
    """True when the next question after this line carries the next number in the run, in the same section for a
    section's number (``3.8`` after ``3.7``), or, for a number of one level, when none follows."""
    position = next(k for k, (index, _, _) in enumerate(numbered) if lines[index].number == line_number)
    own = numbered[position][1]
    for index, number, _ in numbered[position + 1 :]:
        if lines[index].number in asks:
            return number > own and (len(own) == 1 or number[:-1] == own[:-1])
    return len(own) == 1  # a section's number closes up within its section: a document's own numbering goes on


def _stands_alone(lines: list[Line], index: int, previous: int | None = None) -> bool:
    """A paragraph's first line: a blank line (or the start) above, no numbered line right below; or the first
    line under a section's numbered title set without a gap (a PDF's "4. Docker Commands" right over
    "31. docker run …": the title numbers its sections, the line the document's entries). ``previous`` is the
    index of the entry before this one in their run, when known: a numbered line above that is not it is a title."""
    if _under_section_title(lines, index, previous):
        below = lines[index + 1] if index + 1 < len(lines) else None
        return below is None or below.code or not NUMBERED.match(below.text)
    return (index == 0 or lines[index - 1].blank) and not _in_list(lines, index)


def _under_section_title(lines: list[Line], index: int, previous: int | None) -> bool:
    """Is the line above a paragraph's first line, numbered, and not the entry before this one: not ``previous``
    where that is known, else numbered lower than this line by more than one (no list's item before it)?"""
    if index < 1 or not lines[index - 1].text.lstrip()[:1].isdecimal() or lines[index - 1].code:
        return False
    title, own = _NUMBER.match(lines[index - 1].text), _NUMBER.match(lines[index].text)
    if not title or not own or "." in title.group(1) or "." in own.group(1):
        return False
    apart = previous != index - 1 if previous is not None else int(title.group(1)) < int(own.group(1)) - 1
    return (apart and (index < 2 or lines[index - 2].blank)
            and question_text_any(lines[index - 1].text) is not None)


def question_text_any(text: str) -> str | None:
    """The text of a numbered line, whatever it says (None when it is no numbered line or a ``Q:`` one)."""
    match = NUMBERED.match(text)
    if not match or _PREFIXED.match(match["text"] or "") or not match["text"]:
        return None
    return clean.tidy_question(match["text"])


def _bold_number(text: str) -> bool:
    match = NUMBERED.match(text)
    return bool(match and match["b"])


def _in_list(lines: list[Line], index: int) -> bool:
    """True when a numbered line directly above or below makes this line a list item."""
    near = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(NUMBERED.match(line.text) and not line.code for line in near)


#: An emoji or symbol set before a question's number, as posts copied from social media mark their questions
#: ("✅1. What is …?", "👉 2) Why …?"): arrows, dingbats, check marks and pictographs, never a bullet or a letter.
_MARKED_NUMBER = re.compile(
    r"^[\u2190-\u2bff\U0001f000-\U0001faff]\ufe0f?[^\S\n]*(?=\d{1,3}[.)])", re.MULTILINE
)
_MAY_MARKED_NUMBER = LineStart(_MARKED_NUMBER)


def find(source: Source) -> list[Entry]:
    if _MAY_MARKED_NUMBER.found_in(source.text):
        source = replace(source, text=_MARKED_NUMBER.sub("", source.text))  # the mark goes, the number starts the line
    if not _MAY_NUMBER.found_in(source.text):
        return []  # no numbered line, no question: split_items would find no item
    return read(source)


def read(source: Source) -> list[Entry]:
    """The entries of ``source``, its lines read one by one (what :func:`find` gives once its search allows any)."""
    lines = common.read_lines(source)
    asks = question_lines(lines)
    if asks and common.may_rule(source.text):
        asks.update(_under_rules(lines, asks))
    # The line naming a quiz question's right option ("Answer: b"), alone between blank lines as a word
    # processor's paragraph, is its answer's, never a heading over the next question.
    keyed = _keys if options.may_key(source.text) else _never
    items = common.split_items(lines, lambda line: line.number in asks, opens_answer=keyed)
    for item, following in zip(items, items[1:]):
        if _restarts(item.first, following.first):
            item.lines = _without_labels(_before_section(item.lines))
    for item in items:
        if _labels_a_list(item.lines):
            item.lines = item.lines[:1]
    if _autonumbered(source.text):
        for item in items:
            item.lines = _before_sibling(item.lines)
    if common.may_rule(source.text) or _MAY_BREAK.found_in(source.text):
        breaks = _breaks(source.text)
        for item in items:
            item.lines = _without_rules(item.lines, breaks)
    wrapped = source.path.suffix.lower() in MARKDOWN_EXTENSIONS and _hard_wrapped(items)
    return [entry for item in items for entry in _entries(item, asks[item.first.number], wrapped)]


#: A number at the margin opening an item: "1. ", "12) ".
_MARGIN_NUMBER = LineStart(re.compile(r"^(\d{1,3})[.)][ \t]"))
#: Items numbered alike at the margin from which a list is told as numbered by Markdown, all ``1.``.
_AUTONUMBERED_ITEMS = 3


def _autonumbered(text: str) -> bool:
    """Is every item at the margin numbered ``1.`` (three or more)? Markdown numbers such a list itself: its items
    are one list's, each beside the next, so none is a step of the answer above it (a list of tasks, some asking,
    none answered). Told by one search of the whole text."""
    numbers = _MARGIN_NUMBER.findall(text)
    return len(numbers) >= _AUTONUMBERED_ITEMS and all(number == "1" for number in numbers)


def _before_sibling(lines: list[Line]) -> list[Line]:
    """An item's lines up to the next item of its list (a margin ``1.`` line below its first)."""
    for at, line in enumerate(lines[1:], 1):
        if not line.code and _MARGIN_NUMBER.matches(line.text):
            return lines[:at]
    return lines


#: Items whose first line goes on mid-sentence on the next: what tells a page whose items were hard-wrapped.
_WRAPPED_ITEMS = 3


def _hard_wrapped(items: list[common.Item]) -> bool:
    """Were the items' paragraphs hard-wrapped (three items or more whose line stops mid-sentence, a small letter
    going on with it on the line right below)? In Markdown such a paragraph's lines are the item's own (lazy
    continuation lines), the question's rest, not its answer."""
    found = 0
    for item in items:
        body = item.body
        if body and not body[0].blank and not body[0].code and _goes_on(body[0].text) \
                and not item.first.text.rstrip().endswith(_SENTENCE_ENDS) and not _stands_apart(body[0]):
            found += 1
            if found == _WRAPPED_ITEMS:
                return True
    return False


def _stands_apart(line: Line) -> bool:
    """Does the line open an item of its own (a list's, a number's), not go on with the paragraph above?"""
    return clean.starts_list_item(line.text) or NUMBERED.match(line.text) is not None


def _paragraph_rest(question: str, body: list[Line]) -> tuple[str, list[Line]]:
    """The question with the rest of its paragraph, and the answer's lines after it: a hard-wrapped page's item
    that does not end asking goes on up to the blank line (a prompt over several lines, "Write a function that …")."""
    if ends_asking(question) or not body or body[0].blank or body[0].code or _stands_apart(body[0]):
        return question, body
    end = next((at for at, line in enumerate(body) if line.blank or line.code or _stands_apart(line)), len(body))
    rest = " ".join(clean.tidy_question(line.text) for line in body[:end])
    return f"{question} {rest}", body[end:]


def _under_rules(lines: list[Line], asks: dict[int, str]) -> dict[int, str]:
    """Unnumbered questions in a file that rules its entries apart: where a rule row ("=====") stands above most
    numbered questions, a line under a rule row that asks ("What is tree shaking?") opens an entry too."""
    under: dict[int, bool] = {}  # line number -> is the line the first with text under a rule row?
    ruled = False
    for line in lines:
        if line.blank:
            continue
        text = line.text.strip()
        if not line.code and common.is_rule(text):
            ruled = True
            continue
        under[line.number] = ruled
        ruled = False
    if sum(1 for number in asks if under.get(number)) * 2 < len(asks):
        return {}
    return {
        line.number: clean.tidy_question(line.text)
        for line in lines
        if under.get(line.number) and line.number not in asks and not line.code
        and ends_asking(line.text.rstrip()) and len(line.text.strip()) <= _LONGEST_QUESTION
        and not clean.is_list_item(line.text)
    }


#: A line longer than this that ends asking is a paragraph, no question of its own.
_LONGEST_QUESTION = 200


def _without_rules(lines: list[Line], breaks: frozenset[int]) -> list[Line]:
    """An item's lines without rule rows ("==========", or a break "---" a blank line sets apart), and without
    what follows a rule row set apart by a blank line above it: such a row parts one topic from the next (a
    list of links, notes on something else, the offer closing a chat's answer copied to a text file: "Want
    a printable version?"), where a row right under a line underlines it and a row above a question parts
    two entries."""
    kept = [lines[0]]
    for index, line in enumerate(lines[1:], 1):
        apart = index > 1 and lines[index - 1].blank
        if line.code or not (common.is_rule(line.text.strip()) or apart and line.number in breaks):
            kept.append(line)
        elif apart:
            break
    return kept


#: A thematic break, "---", "***" or "___" alone on its line (blanked in the lines layouts read, as a page's
#: chrome); :data:`_MAY_BREAK` finds one in a whole text.
_BREAK = re.compile(r"^[ \t]*([-*_])\1{2,}[ \t]*$")
_MAY_BREAK = LineStart(re.compile(r"^[ \t]*(?:---|\*\*\*|___)[-*_]*[ \t]*$"))


def _breaks(text: str) -> frozenset[int]:
    """The numbers (from 1) of the lines of ``text`` that are thematic breaks."""
    return frozenset(number for number, line in enumerate(text.split("\n"), 1) if line[:1] in " \t-*_" and _BREAK.match(line))


def _restarts(line: Line, following: Line) -> bool:
    """Does the question on ``following`` number anew (1 again, or lower than ``line``'s)? A new section opens there."""
    own, next_one = _NUMBER.match(line.text), _NUMBER.match(following.text)
    if own is None or next_one is None:
        return False
    return tuple(map(int, next_one.group(1).split("."))) <= tuple(map(int, own.group(1).split(".")))


#: A section's label over a list of questions: "Docker:", "SQL -", "Spring MVC" (a short title).
_LABEL_END = re.compile(r"(?::|\s[-–]+)\s*$")
_LABEL_WORDS = 6


def _without_labels(lines: list[Line]) -> list[Line]:
    """An item's lines without the section labels and rule rows that end it before the numbering starts
    again: "Docker:" or "SQL -" standing apart (a blank line or a rule above it) names the questions that
    follow, and is no answer to the one above, however alone it stands there."""
    end = len(lines)
    while end > 1:
        text = lines[end - 1].text.strip()
        if not text or common.is_rule(text) or _underlines(lines, end - 1):
            end -= 1
            continue
        apart = lines[end - 2].blank or common.is_rule(lines[end - 2].text.strip()) if end > 2 else False
        if not apart or lines[end - 1].code or not _names_section(text):
            break
        end -= 1
    return lines[:end]


#: A row of one mark under a line, as plain-text notes underline a title ("String:" over "======").
_UNDERLINE = re.compile(r"^([=~-])\1{2,}$")


def _underlines(lines: list[Line], index: int) -> bool:
    """Is the line at ``index`` a row of marks right under a line of text: that line's underline?"""
    return index > 0 and not lines[index].code and bool(_UNDERLINE.match(lines[index].text.strip())) \
        and bool(lines[index - 1].text.strip())


def _is_label(lines: list[Line], index: int) -> bool:
    """Is the line at ``index`` a section's label: a few words ending in ":" or " -", or underlined? (A short
    sentence with no mark, "LEX has three parts" over its list, opens an answer.)"""
    text = lines[index].text.strip()
    return not lines[index].code and not clean.is_list_item(text) and len(text.split()) <= _LABEL_WORDS \
        and bool(_LABEL_END.search(text) or index + 1 < len(lines) and _underlines(lines, index + 1))


def _labels_a_list(lines: list[Line]) -> bool:
    """Does an item's answer open, a blank line under its question (numbered 2 or on), with a section's label
    over a list numbered anew from 1 ("Coding -", "String:" over "======", then "1. …")? The notes go on to
    another topic's list there; the question above the label is asked and not answered."""
    own = _NUMBER.match(lines[0].text)
    if own is None or own.group(1) == "1" or len(lines) < 4 or not lines[1].blank:
        return False
    index = 1
    while index < len(lines) and lines[index].blank:
        index += 1
    if index + 1 >= len(lines) or not _is_label(lines, index):
        return False
    after = index + 2 if _underlines(lines, index + 1) else index + 1
    first = _NUMBER.match(lines[after].text) if after < len(lines) and not lines[after].code else None
    return first is not None and first.group(1) == "1"


def _before_section(lines: list[Line]) -> list[Line]:
    """An item's lines up to a section's label standing apart over a list numbered from 1 ("**JAVA CODE:**" over
    "1. Reverse an array …"): where the questions number anew, that is the next section's list of statements
    and tasks, no answer to the question above (its first asking line opens the next item)."""
    for index in range(2, len(lines) - 1):
        line = lines[index]
        if line.blank or line.code or not lines[index - 1].blank or not _names_section(line.text.strip()):
            continue
        below = next((later for later in lines[index + 1 :] if not later.blank), None)
        number = _NUMBER.match(below.text) if below is not None and not below.code else None
        if number is not None and number.group(1) == "1":
            return lines[:index]
    return lines


def _names_section(text: str) -> bool:
    """Is ``text`` a section's label ("Docker:", "SQL -", "**Java:**"): short, naming, no list item?"""
    return (not clean.is_list_item(text) and len(text.split()) <= _LABEL_WORDS
            and bool(_LABEL_END.search(inline_text(text)) or clean.heading_shaped(text)))


def _names_option(line: Line) -> bool:
    return bool(options.named(line.text)[0])


#: A line giving the answer under its label: "Ans- No", "Correct Answer:" (its option below), "Answer: Paris".
_KEY_LINE = re.compile(r"^[ \t]*(?:\*\*|__)?(?i:(?:(?:correct|right)[ \t]+)?(?:answer|ans))\b[ \t]*(?:\*\*|__)?[ \t]*[:：.–-]")


def _keys(line: Line) -> bool:
    """Does a line open or give an answer (the right option, an answer's label): never a heading over the next
    question, however short it stands between blank lines."""
    return bool(_KEY_LINE.match(line.text)) or _names_option(line)


def _never(line: Line) -> bool:
    return False


def _entries(item: common.Item, context: str, wrapped: bool = False) -> list[Entry]:
    """One entry for the item (``context`` the question its first line asks), or one per sub-question; with
    ``wrapped``, the item's paragraph is its question whole (see :func:`_hard_wrapped`)."""
    subs = _sub_questions(item.body)
    if not subs:
        question, body = _paragraph_rest(context, item.body) if wrapped else (context, item.body)
        asked = _asked_below(body)
        if asked:
            ends = asked[1:] + [len(body)]
            return [_entry(question, item.first, body[: asked[0]], item.section)] + [
                _entry(clean.tidy_question(_STRAY_NUMBER.sub("", body[start].text)), body[start], body[start + 1 : end],
                       item.section)
                for start, end in zip(asked, ends)
            ]
        return [_entry(question, item.first, body, item.section)]
    ends = [start for start, _ in subs[1:]] + [len(item.body)]
    return [
        _entry(_in_context(context, asked), item.body[start], item.body[start + 1 : end], item.section)
        for (start, asked), end in zip(subs, ends)
    ]


#: A number typed without its point before such a question ("75 How …?", "257: What …?").
_STRAY_NUMBER = re.compile(r"^\s*\d{1,3}(?::|(?=\s))\s*")


def _asked_below(body: list[Line]) -> list[int]:
    """The indexes of the lines that ask in an answer opened by a label ("Ans: …"), each right over a line that
    opens with that label again: questions typed one a line after the numbered one, no number of their own, each
    answered on the line below it. A line that does not ask over a second label (code over "Ans. Output:") stays
    the answer's."""
    filled = next((k for k, line in enumerate(body) if not line.blank), None)
    if filled is None or body[filled].text.lstrip()[:1] not in "Aa*_" or not ANSWER_MARK.match(body[filled].text):
        return []  # most answers open with their text
    found = []
    for index in range(filled + 1, len(body) - 1):
        below, line = body[index + 1], body[index]
        if below.text.lstrip()[:1] in "Aa" and not below.code and not line.code and not line.blank \
                and ANSWER_MARK.match(below.text) and not ANSWER_MARK.match(line.text):
            asked = clean.tidy_question(line.text)
            if ends_asking(asked) or _ASKING.match(asked):
                found.append(index)
    return found


def _sub_questions(body: list[Line]) -> list[tuple[int, str]]:
    """(index, question) of the body lines that open sub-questions i, ii, iii … in order."""
    found: list[tuple[int, str]] = []
    for index, line in enumerate(body):
        if line.text.lstrip()[:1] not in _BULLETS:
            continue  # SUB_QUESTION opens with a bullet after its spaces: most lines are passed at once
        match = None if line.code else SUB_QUESTION.match(line.text)
        if match and len(found) < len(_ROMAN) and match["n"] == _ROMAN[len(found)]:
            found.append((index, clean.tidy_question(match["text"])))
    return found


def _in_context(context: str, question: str) -> str:
    if not context:
        return question
    return f"{context} {question}" if context.endswith((".", "?", "!", ":")) else f"{context}: {question}"


def _entry(question: str, first: Line, body: list[Line], section: str) -> Entry:
    question, body = _followed_up(*_unwrapped(question, first, body), first)
    texts = _without_marker([line.text for line in body])
    if common.only_questions(texts, _asks_in_list) or common.followed_up(question, texts) and _tight_list(texts) \
            or _next_number_only(first.text, texts):
        texts = []  # the further questions of a list, an interviewer's follow-ups, or the list's next number
    if (inline := _INLINE_ANSWER.match(question)) is not None:
        question, texts = inline["question"], [inline["answer"], *texts]
    elif "ns" in question and (labelled := _LABELLED_ANSWER.match(question)) is not None:
        question, texts = labelled["question"], [labelled["answer"], *texts]
    elif "--" in question and not texts and (keyed := _KEYED_STATEMENT.match(question)) is not None:
        question, texts = keyed["question"], [keyed["answer"]]
    last = max([first.number] + [line.number for line in body if not line.blank])
    return Entry(question, clean.answer_markdown(texts), first.number, last, section)


def _tight_list(texts: list[str]) -> bool:
    """Are ``texts`` (some filled) one run of lines, no blank line or code among them? A list of follow-up questions
    is written so, where an answer that opens with a bullet goes on in paragraphs and code."""
    filled = [text.lstrip() for text in texts if text.strip()]
    start = next(index for index, text in enumerate(texts) if text.strip())
    return all(text.strip() for text in texts[start : start + len(filled)]) and not any(
        text[:3] in _FENCES for text in filled)


#: How a fence opens.
_FENCES = ("```", "~~~")
#: A list's number with nothing after it ("25.", "12)"), and the number a numbered line opens with.
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s*$")
_OPENING_NUMBER = re.compile(r"^\s*(?:\*\*|__)?\(?(\d{1,3})")
#: The most lines (blank ones with it) an answer of the next number alone takes.
_BARE_NUMBER_LINES = 3


def _next_number_only(numbered: str, texts: list[str]) -> bool:
    """Is an answer's one line the number after the question's own, alone ("24. Write …" over "25.")? The list's
    next item, its question not yet written: no answer. Any other number alone may be one ("Which port?" over "443.")."""
    if len(texts) > _BARE_NUMBER_LINES:
        return False  # most answers
    filled = [text for text in texts if text.strip()]
    if len(filled) != 1 or not filled[0].strip()[:1].isdigit():
        return False
    bare, own = _BARE_NUMBER.match(filled[0]), _OPENING_NUMBER.match(numbered)
    return bare is not None and own is not None and int(bare[1]) == int(own[1]) + 1


def _asks_in_list(text: str) -> bool:
    """Does a line under a question ask: a ``?`` at its end, or a numbered line that asks?"""
    return ends_asking(text.rstrip()) or question_text(text) is not None


#: How a sentence ends: a question line that ends otherwise was cut where its page was too narrow.
_SENTENCE_ENDS = (".", "?", "!", ":", ";", ")", "*", "\u3002", "\uff1f", "\uff01", "\uff1a")


def _unwrapped(question: str, first: Line, body: list[Line]) -> tuple[str, list[Line]]:
    """The question and its answer's lines, the question's last words taken back from the answer where its
    line was wrapped (a PDF's lines, a narrow page): the numbered line stops mid-sentence and the line right
    below it, no item of a list, ends asking. A paragraph of its own below it is the question's end too where it
    goes on the sentence (a small letter opens it): each line of a PDF's text pasted into a word processor
    became a paragraph."""
    if not question or not body:
        return question, body
    if (paragraph := _paragraph(question, first, body)) is not None:
        return paragraph
    skip = 1 if body[0].blank and len(body) > 1 and _goes_on(body[1].text) else 0
    # A bold question's closing mark ends no sentence where its paragraph below goes on (bold too).
    head = question.rstrip("*_") if skip else question
    if head.endswith(_SENTENCE_ENDS):
        return question, body
    below = body[skip]
    asks = ends_asking(below.text.rstrip(" \t*_" if skip else " \t"))
    if below.number != first.number + 1 + skip or below.code or not asks \
            or clean.starts_list_item(below.text) or NUMBERED.match(below.text):
        return question, body
    return f"{head} {clean.tidy_question(below.text)}", body[skip + 1:]


#: A sentence closed by a full stop: no line a question was wrapped onto holds one.
_SENTENCE_CLOSED = re.compile(r"\.(?:\s|$)")
#: A line a question was wrapped onto is at most this much longer than the numbered line (a page's width).
_WIDER = 1.2

#: Lines below a numbered line that its question may be wrapped onto.
_WRAPPED_LINES = 3


def _paragraph(question: str, first: Line, body: list[Line]) -> tuple[str, list[Line]] | None:
    """The question and its answer's lines where the question is the paragraph its numbered line opens: a
    plain-text FAQ typed at 72 columns wraps its questions ("4. Someone told me to look in the kernel log."
    over "How do I do that?", "7. I see the signal on other" over "channels."). Its lines below are the
    question's up to the first that ends asking where the numbered line did not (the rest of the paragraph
    opens the answer); else, the whole paragraph with a blank line after it, when the question read already
    holds those lines (italics closed below) or its first line stops mid-sentence and the next goes on in
    small letters to the sentence's end (a code block's language named under it ends nothing). A numbered
    line that asks takes its paragraph only when its lines are as wide as a page's (no longer than the numbered
    line), none closes a sentence and the last asks again
    ("17. Have you used X?" over "Who creates the containers? If the build" over "is slow, what would you
    do?"). None for any other paragraph."""
    end = 0
    while end < min(len(body), _WRAPPED_LINES) and not body[end].blank:
        below = body[end]
        if below.code or clean.starts_list_item(below.text) or NUMBERED.match(below.text) \
                or below.number != first.number + 1 + end:
            return None
        end += 1
    tail = [line.text.strip() for line in body[:end]]
    asked = next((k for k, text in enumerate(tail) if ends_asking(text.rstrip("*_ "))), None)
    cut = asked is not None and asked + 1 < end
    if cut:
        end, tail = asked + 1, tail[: asked + 1]  # the question ends there; its answer runs on right below
    elif not end or end >= len(body) or not body[end].blank or not any(not line.blank for line in body[end:]):
        return None  # no paragraph under the line, a longer one, or nothing answers below it
    if question.endswith(tail[-1].strip("*_ ")):
        return question, body[end:]
    joined = clean.tidy_question(" ".join([question, *tail]))
    if italic := _ITALIC.match(joined):
        joined = italic["text"] or italic["under"]  # set in italics as the question, wrapped (see question_text)
    head = question.rstrip("*_")
    if ends_asking(head) and (cut or asked != end - 1 or any(
            _SENTENCE_CLOSED.search(text) or len(text) > _WIDER * len(first.text) for text in tail)):
        return None  # a question asked on its line; only its wrapped lines asking on to their end, apart, are more of it
    if asked is not None or (not head.endswith(_SENTENCE_ENDS) and _goes_on(tail[0])
                             and tail[-1].endswith(_SENTENCE_ENDS)):
        return joined, body[end:]
    return None


def _goes_on(text: str) -> bool:
    """Does a line go on a sentence: a small letter opens it (bold or italic marks aside)?"""
    return text.lstrip(" \t*_")[:1].islower()


def _followed_up(question: str, body: list[Line], first: Line) -> tuple[str, list[Line]]:
    """The question and its answer's lines, where the one line under the numbered line, right below it, asks
    again ("4. You build a payment API." over "How would you name its endpoints?"): that line is the rest of
    the question, asked and not answered."""
    filled = [line for line in body if not line.blank]
    if len(filled) != 1 or filled[0] is not body[0]:
        return question, body
    below = body[0]
    if below.number != first.number + 1 or below.code or not ends_asking(below.text.rstrip()) \
            or clean.starts_list_item(below.text) or NUMBERED.match(below.text):
        return question, body
    return f"{question} {clean.tidy_question(below.text)}", []


def _without_marker(texts: list[str]) -> list[str]:
    """The answer's lines from its first text on, an ``Answer`` marker before it dropped: ``Answer:``, or
    ``A.`` where no ``B.`` option follows it (then it is the first option)."""
    texts = _from_text(texts)
    if texts and (marker := ANSWER_MARK.match(texts[0]) or _answer_dot(texts)):
        rest = texts[0][marker.end() :]
        texts = _from_text([rest] + texts[1:])
    return texts


#: "A." opening an answer, as "A:" does; "A. …" over "B. …" is a list of options instead.
_ANSWER_DOT = re.compile(r"^\s*(?P<b>\*\*|__)?A\.(?:(?P=b))?(?:[ \t]+|$)")
_OPTION_B = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?\(?B[.)]")


def _answer_dot(texts: list[str]) -> re.Match[str] | None:
    if texts[0].lstrip()[:1] not in "A*_":
        return None  # most answers open otherwise
    marker = _ANSWER_DOT.match(texts[0])
    return marker if marker and not any(_OPTION_B.match(text) for text in texts[1:]) else None


def _from_text(texts: list[str]) -> list[str]:
    while texts and not texts[0].strip():
        texts = texts[1:]
    return texts


LAYOUT = make_layout(
    NAME, "Numbered questions (1. What …?, **3.** …) with answers below, optional Answer: marker", find
)
