"""Layout ``bold``: each question is a paragraph in bold, its answer the paragraphs below.

    ## Linear regression

    **What is linear regression? When do we use it?**

    Linear regression is a model that ...

    <br/>

A question is a one-line paragraph wholly in bold (``**…**`` or ``__…__``)
that is not a label ("**Example:**" ends in a colon; "**Answer**" names the answer
below it, in any language the column names know) and carries no number
(numbered questions, ``**3.** …``, are the ``numbered`` layout's) nor a ``Q:`` marker (``**Q: …?**`` with
``A: …`` below is the ``prefixed`` layout's), or the bold question a paragraph opens with
(``**Why X?** Because …``: FAQs run the answer on after it; a bold label that asks nothing
is no question). Where no bold line asks, a paragraph wholly in italics that ends asking (``*What is CORS?*``)
is a question the same way. The answer runs to the next question or heading; headings set the section.
Where the bold questions sit right over their lists of points, so does a bold topic
(``**Covariance**`` over ``- measures …``): a card too, the notes' topic asked by its name.
A bold line that asks nothing over ``Question:`` lines (``**CSS**`` over a list of them) or over numbered
questions each answered below (``**Section A: Networking**`` over ``1. What is a LAN?``) is their
section's name, no question; where numbered bold lines outnumber the unnumbered questions, the
author numbers the questions, and they are the ``numbered`` layout's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Source
from .entries import Entry, make_layout
from .headings import asks
from .markup import inline_text
from .prefixed import QUESTION, may_ask
from .structure import SPACE, Line, LineStart, answer_from, ends_asking, heading, outline, outline_sections
from .table import PERIOD_NAMES, is_answer_label, is_delimiter, named_columns, split_row

NAME = "bold"

_BOLD_LINE = re.compile(rf"^ {{0,3}}(\*\*|__)(?=\S)(.+?)(?<=\S)\1{SPACE}*$")
#: A number (``3.``, ``Q3:``) or a question marker (``Q:``, ``Question:``): the numbered and prefixed layouts' lines
#: (the prefixed layout's :data:`~.prefixed.QUESTION` knows the markers of other languages too).
_NUMBERED = re.compile(r"^(?:(?:Q(?:uestion)?\s*)?\d+[.):]|Q(?:uestion)?\s*[.:)]\s)", re.IGNORECASE)
#: A number that opens a question (``3.``, ``3)``): what a numbered bold question may open with.
_ASKING_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
_BOLD_START = LineStart(_BOLD_LINE)
#: A paragraph wholly in italics that ends asking ("*What is hoisting?*", and in bold too: "_**What is CORS?**_", as
#: editors write bold italics): a question where no bold line is one.
_ITALIC_QUESTION = re.compile(rf"^ {{0,3}}([*_])(\*\*|__)?(?=[^*_ \t\n])([^*_\n]+?[?？])(?(2)\2)\1{SPACE}*$")
_ITALIC_START = LineStart(_ITALIC_QUESTION)
#: A list item's marker and the space after it: each item opens its own entry, with no blank line before it.
_ITEM = rf"(?:[-*+]|\d{{1,3}}[.)]){SPACE}"
#: "**What is X?** It is …": a paragraph (or a list item: a cheat sheet's "quick answers") opening
#: with a bold question, its answer running on after it (Greek asks with ";").
#: Its words may hold an emphasis of one mark ("**What is a _custom element_?**"), never a bold's two.
_BOLD_OPENING = re.compile(
    rf"^ {{0,3}}(?:{_ITEM}+)?(\*\*|__)(?=\S)((?:[^*_]|(?<![*_])[*_](?![*_]))+?[?？؟;\u037e])\1{SPACE}+(\S.*)$"
)
_BULLET = re.compile(rf"^ {{0,3}}{_ITEM}")
#: How a line of code ends: a statement's semicolon, a block's brace, a call's or a signature's parenthesis right
#: after its name ("reverse(String str)"), or a keyword alone ("else"). A title asks or names in words instead.
_CODE = re.compile(r"(?:[;{}]|\w\((?:[^()]|\([^()]*\))*\))$|^(?:else|try|finally|do)$")
_CODE_ENDS = frozenset(";{})eoy")
#: A list item's text opening in bold: the bold, and what follows it on the line.
_BOLD_ITEM = re.compile(r"(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1(.*)$")
_OPENING_START = LineStart(_BOLD_OPENING)
#: A note in brackets, and a sentence's end inside a line: what tells a follow-up question from an answer.
_BRACKETED = re.compile(r"\([^()\n]*\)")
_SENTENCE_END = re.compile(r"[.!?？][ \t]")


def question(lines: list[Line], index: int, numbered: bool = False) -> str | None:
    """The question when ``lines[index]`` is a bold question paragraph, else None; with ``numbered``, one that
    opens with its number and asks is one too (among unnumbered bold questions: an author numbering some)."""
    line = lines[index]
    match = _BOLD_LINE.match(line.text)
    if line.code or not match or match.group(1) in match.group(2):
        item = _BULLET.match(line.text)
        opens = _opens(lines, index) or item is not None
        if line.code or not opens:
            return None
        asked = _run_on(line.text)[0]
        if asked is None and item is not None and _in_tight_list(lines, index) \
                and (bold := _BOLD_ITEM.match(line.text, item.end())):
            asked = _item_question(bold)  # "4. **Why X?**", "2. **Explain X.** (…)" among items that run on
        return asked
    text = inline_text(match.group(2))
    if not text or text.endswith(":") or QUESTION.match(text) or is_answer_label(text):
        return None
    if text[-1] in _CODE_ENDS and _CODE.search(text) and not asks(text):
        return None  # a line of code set in bold, as slides and documents stress parts of a program
    if _NUMBERED.match(text):
        unnumbered = _ASKING_NUMBER.sub("", text, count=1)
        if not (numbered and unnumbered != text and asks(unnumbered)):
            return None
        text = unnumbered
    # Its own paragraph; an answer may follow on the next line when the bold text asks ("Why …?",
    # "Explain …", as headings ask).
    closes = index + 1 == len(lines) or lines[index + 1].blank or asks(text)
    return text if _opens(lines, index) and closes else None


def _italic_question(lines: list[Line], index: int) -> str | None:
    """The question when ``lines[index]`` is a paragraph wholly in italics that asks ("*What is CORS?*"), else None;
    "" (no card, the end of the answer above) for one right over code, the code it asks about ("*What is the
    value of `foo`?*" over a fence): its answer, if any, is elsewhere."""
    line = lines[index]
    match = None if line.code else _ITALIC_QUESTION.match(line.text)
    if not match or not _opens(lines, index):
        return None
    return "" if index + 1 < len(lines) and lines[index + 1].code else inline_text(match.group(3)) or None


def _follow_up(text: str) -> bool:
    """Is ``text``, run on after a bold question, one more question or a note in brackets (no answer)?"""
    plain = _BRACKETED.sub("", text).strip()
    return not plain.rstrip(".") or ends_asking(plain) and "\n" not in plain and not _SENTENCE_END.search(plain)


def _in_tight_list(lines: list[Line], index: int) -> bool:
    """Is the item at ``index`` followed by the next item, or ends it the list before a heading or the end?
    (An item over a blank line and indented text has its answer there: the numbered layout's.)"""
    after = index + 1
    if after < len(lines) and lines[after].blank:
        after += 1
        while after < len(lines) and lines[after].blank:
            after += 1
        return after == len(lines) or heading(lines[after]) is not None
    return after == len(lines) or _BULLET.match(lines[after].text) is not None or heading(lines[after]) is not None


def _item_question(match: re.Match[str]) -> str | None:
    """The question of a list item that opens in bold, wholly asking ("Why X?") or prompting ("Explain X.")
    and followed by nothing or a note in brackets, else None."""
    text, rest = inline_text(match.group(2)), match.group(3).strip()
    if not text or _NUMBERED.match(text) or rest and not _follow_up(rest):
        return None
    return text if ends_asking(text) or asks(text) else None


def _numbered(line: Line) -> bool:
    """Does the bold line open with a number (``**3. …**``)?"""
    match = _BOLD_LINE.match(line.text)
    return match is not None and _NUMBERED.match(inline_text(match.group(2))) is not None


def _opens(lines: list[Line], index: int) -> bool:
    return index == 0 or lines[index - 1].blank or heading(lines[index - 1]) is not None


def _run_on(text: str) -> tuple[str | None, str]:
    """(question, the answer's text on its line) of a paragraph opening with a bold question."""
    match = _BOLD_OPENING.match(text)
    if not match:
        return None, ""
    asked = inline_text(match.group(2))
    if asked.endswith((";", "\u037e")) and not ends_asking(asked.replace("\u037e", ";")):
        return None, ""  # ";" asks only in Greek
    return (asked, match.group(3)) if asked and not _NUMBERED.match(asked) else (None, "")


def _entries(source: Source) -> list[Entry]:
    if not _BOLD_START.found_in(source.text) and not _OPENING_START.found_in(source.text) \
            and not _ITALIC_START.found_in(source.text):
        return []  # no bold line, no question: no need for the outline's sections
    lines = outline(source)
    titles = outline_sections(source)
    entries: list[Entry] = []
    start: int | None = None
    asked = ""
    headed = [heading(line) is not None for line in lines]
    found = [None if headed[index] else question(lines, index) for index in range(len(lines))]
    if not any(found):  # no bold question: questions in italics, where an author sets them so
        found = [None if headed[index] else _italic_question(lines, index) for index in range(len(lines))]
    if any(found):
        # Where unnumbered bold questions are read, numbered ones among them are questions too (a FAQ numbering
        # some): only a bold line may be one, so only those are asked again. Where the numbered ones are
        # more, the author numbers the questions: they are the numbered layout's, and each ends the entry above.
        again = {index: question(lines, index, numbered=True) for index, text in enumerate(found)
                 if text is None and not headed[index] and _BOLD_LINE.match(lines[index].text)}
        if sum(text is not None for text in again.values()) <= sum(map(bool, found)):
            found = [again.get(index, text) for index, text in enumerate(found)]
        else:
            found = ["" if index in again and _numbered(lines[index]) else text for index, text in enumerate(found)]
    if any(found):
        _topic_titles(lines, headed, found)
        _series_parts(found)
    if may_ask(source.text):  # one search of the text: most files hold no Q: line for a bold title to stand over
        _as_titles(lines, found, _marked)
    if any(found) and _ASKING_NUMBERED.search(source.text):  # one search: most files number no question asking
        _as_titles(lines, found, _numbered_question)
    if "|" in source.text:
        _over_tables(lines, found)
    if any(found):
        _under_asking_headings(found, titles)
    for index, text in enumerate(found):
        if not headed[index] and text is None:
            continue
        if start is not None:
            entries.append(_entry(lines, start, index, asked, titles[start]))
            start = None
        if text:
            start, asked = index, text
    if start is not None:
        entries.append(_entry(lines, start, len(lines), asked, titles[start]))
    return entries


def _under_asking_headings(found: list[str | None], titles: list[str]) -> None:
    """Leave in their answers the bold lines that ask nothing under a heading that asks ("## What is CI/CD?" over
    "**Continuous integration**" and "**Continuous delivery**"): the headings are the questions, and the bold
    lines the parts their answers are set in."""
    for index, text in enumerate(found):
        if text and not asks(text) and titles[index] and asks(titles[index]):
            found[index] = None


#: Bold questions set right over their list of points, at the least, for bold topics so set to be cards too.
_ON_LISTS = 3
#: A list's item, or a line written as one with no space after its dash ("-a supervised method …").
_POINT = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])(?![-*+])")


def _topic_titles(lines: list[Line], headed: list[bool], found: list[str | None]) -> None:
    """Make cards of the bold titles that ask nothing ("**Covariance**") set right over a list, as the author sets
    the bold questions (most of them, three at least) over their points: the notes' topics, each with its points.
    A bold title right over such a topic names their group ("**Dimensionality reduction**"): a title ("")."""
    asked = [index for index, text in enumerate(found) if text and _BOLD_LINE.match(lines[index].text)]
    on_lists = sum(index + 1 < len(lines) and _BULLET.match(lines[index + 1].text) is not None for index in asked)
    if on_lists < _ON_LISTS or on_lists * 2 < len(asked):
        return
    for index in range(len(lines) - 2, -1, -1):  # from the end: a group's title stands over a topic found first
        if found[index] is not None or headed[index] or lines[index].code:
            continue
        if not _opens(lines, index) and not _BOLD_LINE.match(lines[index - 1].text):
            continue  # inside a paragraph; right under a bold line, a topic of the group it names
        match = _BOLD_LINE.match(lines[index].text)
        if not match or match.group(1) in match.group(2):
            continue
        text = inline_text(match.group(2))
        if not text or text.endswith(":") or _NUMBERED.match(text) or QUESTION.match(text) or is_answer_label(text):
            continue
        below = lines[index + 1]
        if not below.code and _POINT.match(below.text):
            found[index] = text
        elif found[index + 1] and not below.blank:
            found[index] = ""


#: A title naming a period of a plan by its word and running number: "Week 1 (Oct 14 - 20)", "Day 3: …".
_SERIES_PART = re.compile(r"^([^\W\d_]+)[ \t]+(\d{1,3})\b")


def _series_parts(found: list[str | None]) -> None:
    """Make titles ("") of bold lines that all name the periods of one plan (:data:`~.table.PERIOD_NAMES`), numbered
    on from the first ("**Week 1 (…)**", "**Week 2 (…)**"), none asking: what to do in each, no answer to a front
    that names a time."""
    texts = [(index, text) for index, text in enumerate(found) if text]
    parts = [_SERIES_PART.match(text) for _, text in texts]
    if len(texts) < 2 or not all(parts) or any(asks(text) or ends_asking(text) for _, text in texts):
        return
    words = {part.group(1).casefold() for part in parts if part}
    numbers = [int(part.group(2)) for part in parts if part]
    if len(words) == 1 and words <= PERIOD_NAMES and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        for index, _ in texts:
            found[index] = ""


#: A numbered line that ends asking ("1. What is a network?", "2)Why …?"; not "802.11 …?"), as the numbered layout
#: reads its questions.
_ASKING_NUMBERED = re.compile(r"(?m)^ {0,3}(?:\*\*|__)?\(?\d{1,3}[.)][ \t]*[^\W\d_].*[?？]\W{0,4}$")


def _marked(lines: list[Line], index: int) -> bool:
    return not lines[index].code and QUESTION.match(lines[index].text) is not None


def _numbered_question(lines: list[Line], index: int) -> bool:
    """Is the line a numbered question standing apart with its answer below ("1. What is a LAN?", a blank line, then
    text that is no next question)? A list of numbered questions is an answer's list of what it asks."""
    if lines[index].code or not _ASKING_NUMBERED.match(lines[index].text):
        return False
    below = next((line for line in lines[index + 1 : index + 3] if not line.blank), None)
    return (lines[index - 1].blank and index + 1 < len(lines) and lines[index + 1].blank and below is not None
            and not _ASKING_NUMBERED.match(below.text) and heading(below) is None)


def _as_titles(lines: list[Line], found: list[str | None], questions: Callable[[list[Line], int], bool]) -> None:
    """Make titles ("") of the bold lines in ``found`` that ask nothing and stand over ``questions``: a section's
    name ("**CSS**", "**Section A: Networking**") over the prefixed layout's ``Q:`` lines or the numbered layout's
    questions ("1. What is a LAN?"), which end the entry above and open none."""
    starts = [index for index, text in enumerate(found) if text]
    for at, index in enumerate(starts):
        text = found[index] or ""
        if ends_asking(text) or asks(text):
            continue
        end = starts[at + 1] if at + 1 < len(starts) else len(lines)
        if any(questions(lines, at) for at in range(index + 1, end)):
            found[index] = ""


def _over_tables(lines: list[Line], found: list[str | None]) -> None:
    """Make titles ("") of the bold lines in ``found`` that ask nothing and stand over a table naming its
    question column ("**TEST MATERIALS**" over ``| Question | Correct answer | …``): its rows are the cards,
    the table layout's, not one answer."""
    for index, text in enumerate(found):
        if not text or ends_asking(text) or asks(text):
            continue
        below = next((at for at in range(index + 1, min(index + 6, len(lines))) if not lines[at].blank), None)
        if below is None or below + 1 >= len(lines) or lines[below].code or not lines[below].text.lstrip().startswith("|"):
            continue
        if is_delimiter(lines[below + 1].text) and named_columns(split_row(lines[below].text)) is not None:
            found[index] = ""


def _entry(lines: list[Line], start: int, end: int, asked: str, section: str) -> Entry:
    answer, last = answer_from(lines[start + 1 : end])
    number = lines[start].number
    rest = _run_on(lines[start].text)[1] if not _BOLD_LINE.match(lines[start].text) else ""
    if rest and not answer and _follow_up(rest):
        rest = ""  # "**What is X?** Why use it?", "**What is Y?** (a classic)": a prompt to the reader, no answer
    if rest and answer:  # the answer opens on the question's line: its paragraph goes on below, or ends there
        answer = rest + ("\n\n" if lines[start + 1].blank else "\n") + answer
    elif rest:
        answer = rest
    return Entry(asked, answer, number, last or number, section)


LAYOUT = make_layout(
    NAME,
    "Bold paragraphs as questions (**What is …?**), answers below or run on after them, ## sections",
    _entries,
)
