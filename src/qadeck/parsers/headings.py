"""Layout ``headings``: each question is a Markdown heading, its answer what follows.

    ## Q. What is a container?        #### 12) What is X? [[src](url)]
    A container is ...                 ### Q1: What is Y? ###

Which headings are questions is decided per level: a level where most
headings read as questions (numbered ``Q.``/``12.``/``12)``/``12-``, ending in ``?``,
or opening with what/how/explain/...) is a question level, and there every
heading between its first and last question-like heading is a question, even
one phrased as a statement. Other headings are sections when they hold
questions, and sub-headings of the answer they sit in otherwise. An answer
runs to the next question or the next heading at its own level or above; a
question heading with nothing of its own but deeper questions is a section; on a flat page,
headings that do not ask and stand right over questions at their own level (``## Strings``
over ``## 3.1 What is a string pool?``), two or more, are sections over the questions after them.
A heading that only names its entry (an id, ``### NET-JN-01``, or a topic asked
by its number alone, ``### 3. Event Loop``) over a labelled question
(``- [ ] **Question:** …``, ``**Вопрос:** …``) gives that question, and the text from the
``**Answer:**`` label on is the answer; a ``Q.`` heading's answer drops its ``A.``.
Interview notes decorate their titles: an emoji, a bold number or label, the
question in quotation marks or code quotes (``### 🎯 **1. "Tell me about yourself"**``);
such a title asks as the words inside do, or, quoted whole, as what an interviewer says,
and the card's front is those words. Word documents whose questions are numbered headings
leave some in body text: a paragraph numbered between two of them ("4. …?" between
"# 3." and "# 5.") that asks is a question too, and a heading of their style with no
number, asking nothing and with text under it ("# DAO" over code) is part of the answer above.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..model import Source
from .entries import Entry, make_layout, without_numbers
from .markup import inline_text
from .options import KIND_ONLY
from .prefixed import ANSWER, ANSWER_DOT, QUESTION
from .structure import (
    ASKING_WORDS,
    HEADING, OTHER_ASKING, QUESTION_MARKS, Line, LineStart, answer_from, cjk_asks, ends_asking, heading, names_faq, opens_with_title, outline,
)

NAME = "headings"

#: A heading's number: "Q3.", "12)", "1.2:", and as Chinese and Japanese write a list's numbers, "1、", "2．", "3）".
#: A hyphen after a number is one too where a space follows it ("1- Reversing a list"), as some lists write it.
_NUMBERING = re.compile(
    r"^(?:Q(?:uestion)?\s*\d*\s*[.:)\-]|Q\d+|\d+(?:\.\d+)*\s*[.):、．）](?!\d)|\d{1,3}[ \t]?-(?=[ \t]))\s*", re.IGNORECASE)
#: The label interview notes set before a question asked after the one above it: "**Follow-up:**", "Follow-up Q:".
_FOLLOW_UP = re.compile(r"^(?:\*\*|__)?follow[- ]?up(?:[ \t]+(?:question|q))?[ \t]*[:：](?:\*\*|__)?[ \t]*", re.IGNORECASE)
_ASKING = re.compile(
    r"^(?:what|what's|whats|why|how|when|where|which|who|whom|whose|is|are|was|were|can|could|"
    r"do|does|did|should|would|will|shall|may|might|have|has|explain|describe|define|list|name|"
    r"compare|contrast|give|write|state|implement|discuss|mention|tell|derive|prove|show|"
    r"outline|summarize|summarise|differentiate|distinguish|calculate|identify|differences? between"
    r"|true\s*(?:or|/)\s*false|fill in the blanks?)\b",
    re.IGNORECASE,
)
#: A bold paragraph that asks, in any script's question mark ("**¿…?**", "**…؟**", "**…？**").
_BOLD_QUESTION = re.compile(r"^ {0,3}(\*\*|__)(?=\S).+[?？؟\u037e]\1\s*$")
#: An option "B." opening a line: the "A." above it is the first option, no answer's label.
_OPTION_B = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\(?B[ \t]*[.)]", re.MULTILINE)
#: A numbered item that asks, at the margin: "1. How do I …?", "1. **How do I …?**", "1. *How do I …?*".
_NUMBERED_QUESTION = re.compile(r"^\d{1,3}[.)]\s+\S.*[?？؟\u037e](?:\*\*|__|\*|_)?\s*$")
#: The last line of a numbered item's question set in italics and wrapped, indented under its number:
#: "   of the header?*" under "1. *I put a copy of …".
_WRAPPED_EMPHASIS_END = re.compile(r"^ {2,}\S.*[?？؟\u037e][*_]\s*$")
#: Trailing source links: "[[src](url)]", "[[src]](url)", "[src](url)", one or more.
_HEADING_START = LineStart(HEADING)
_TRAILING_SOURCES = re.compile(r"(?:\s*\[?\[(?:src\d*|source)\]\]?\([^)]*\)\]?)+\s*$", re.IGNORECASE)
#: A heading that names a part of the answer above it: "Explanation:", "Interview Answer", "Output", "Example (SQL)".
_ANSWER_PART = re.compile(
    r"(?:[^\W\d_][\w-]*[ \t]+)?(?:answer|explanation|solution|example|output|result|note|hint|syntax)s?"
    r"[ \t]*(?:\([^()]*\))?[ \t]*[:：]?", re.IGNORECASE)
_ANSWERS = re.compile(r"answer|explanation|solution", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Heading:
    """One Markdown heading of a source's outline."""

    index: int  # position in the outline
    level: int
    text: str  # inline text, source links dropped (numbering kept: it tells a question)
    asks: bool  # reads as a question


def asks(text: str) -> bool:
    return bool(_NUMBERING.match(text) or ends_asking(text) or _ASKING.match(text) or OTHER_ASKING.match(text)
                or cjk_asks(text))


#: An emoji or a mark before a heading's title, and the bold that may open after it ("🎯 **1. …**", "❓ `Câu hỏi 01: …`").
_MARKS = "\u2022\u2190-\u2bff\ufe0f\u200d\U0001f000-\U0001faff"  # a bullet, arrows, symbols, emoji
_DECORATION = re.compile(rf"^[{_MARKS}][\s{_MARKS}]*(?P<b>\*\*|__)?\s*")
#: A title in code quotes, whole: "`Câu hỏi 01: Specificity là gì?`".
_IN_CODE = re.compile(r"^`([^`]+)`$")
#: Quotation marks around a whole title, as pairs that open and close it: what the interviewer says.
_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "”": "”"}
#: A first sentence that asks, then another: "Closure là gì? Giải thích với ví dụ." (What is …? Explain …).
#: The mark ends a word, and a capital opens the next sentence: "? extends T" (a Java wildcard) asks nothing.
_ASKS_FIRST = re.compile(r"(?<=[^\W_])[?？][ \t]+([^\W\d_])")


def _undecorated(text: str) -> str:
    """``text`` without an opening emoji or mark (and the bold it opens, closed at the end), and out of code quotes
    that hold it whole."""
    found = _DECORATION.match(text)
    if found:
        bold = found.group("b")
        if bold and text.endswith(bold) and len(text) > found.end() + 2:
            text = text[found.end() : -2].rstrip()  # "🎯 **1. …**": the bold holds the rest whole
        else:
            text = text[found.start("b") if bold else found.end() :]
    if text[:1] == "`" and (code := _IN_CODE.match(text)):
        text = code.group(1).strip()
    return text


def bare_title(text: str) -> str:
    """A heading's title without the marks around the question it holds: an opening emoji or mark, the
    question's number or label ("1.", "Frage:", "Câu hỏi 01:"), and quotation marks or code quotes around it all.
    Interview notes title their questions so: ``### 🎯 **1. "Tell me about yourself"**``."""
    return _unwrapped(text)[0]


def _unwrapped(text: str) -> tuple[str, bool]:
    """:func:`bare_title`, and whether quotation marks held the rest of the title whole."""
    text = _undecorated(text)
    for pattern in (_NUMBERING, QUESTION, _FOLLOW_UP):
        found = pattern.match(text)
        if found and found.end() < len(text):
            text = _undecorated(text[found.end() :].lstrip(" .:-–"))
    if len(text) > 2 and _QUOTES.get(text[0]) == text[-1]:
        return text[1:-1].strip(), True
    return text, False


def _decorated(title: str) -> bool:
    """Does ``title`` open with a mark, an emoji, a quotation mark or code quotes around it all?"""
    return bool(_DECORATION.match(title)) or title[:1] in _QUOTES or _IN_CODE.match(title) is not None


def _heading_asks(text: str) -> bool:
    """:func:`asks` for a heading's title, read also without its decoration (see :func:`bare_title`) and as asking
    where its first sentence does."""
    if asks(text):
        return True
    if text[:1].isalnum() and "?" not in text and "？" not in text:
        return False  # most titles: no decoration, no question mark
    if _decorated(text):
        undecorated = _undecorated(text)
        if asks(undecorated) or QUESTION.match(undecorated) or asks(bare_title(text)):
            return True
    return any(found.group(1).isupper() for found in _ASKS_FIRST.finditer(text))


def find_headings(lines: list[Line]) -> tuple[list[Heading], str]:
    """The headings, and the document's title when its first heading is one (then left out)."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        if "#" not in line.text[:4]:
            continue  # heading()'s own first test, without a call for each of the many lines it fails
        parsed = heading(line)
        text = inline_text(_without_sources(parsed[1])) if parsed else ""
        if parsed and text:
            found.append(Heading(index, parsed[0], text, _heading_asks(text)))
    found = _quoted_questions(_numbered_between(lines, _deeper_numbered(found)))
    if opens_with_title([h.level for h in found]):
        return found[1:], found[0].text
    return found, ""


#: A heading's or a paragraph's number, a point after it: "12. What …".
_POINT_NUMBER = re.compile(r"^(\d{1,3})\.\s*(?=\S)")


def _numbered_between(lines: list[Line], found: list[Heading]) -> list[Heading]:
    """``found`` with the questions a word processor's author left in body text among numbered question headings:
    between "# 3. …?" and "# 5. …?", a paragraph of its own numbered "4." that asks ("4. Difference between X and
    Y?") is the fourth question, at the headings' level (the numbered headings' styles were not applied to it)."""
    numbered = [(at, int(number.group(1))) for at, h in enumerate(found) if h.text[:1].isdecimal()
                and (number := _POINT_NUMBER.match(h.text))]
    missing = [(at, first, later) for (at, first), (_, later) in zip(numbered, numbered[1:]) if 1 < later - first <= 4]
    if len(numbered) < 3 or not missing:
        return found
    added = []
    for at, first, later in missing:
        wanted = first + 1
        end = found[at + 1].index if at + 1 < len(found) else len(lines)
        for index in range(found[at].index + 1, end):
            line = lines[index]
            if wanted == later:
                break
            number = _POINT_NUMBER.match(line.text) if line.text[:1].isdecimal() and not line.code else None
            if number is None or int(number.group(1)) != wanted or not lines[index - 1].blank \
                    or index + 1 < len(lines) and not lines[index + 1].blank:
                continue
            text = inline_text(line.text.strip())
            asked = text[number.end():]
            if ends_asking(asked) or _ASKING.match(asked):
                added.append(Heading(index, found[at].level, text, True))
                wanted += 1
    return sorted([*found, *added], key=lambda h: h.index) if added else found


def _deeper_numbered(found: list[Heading]) -> list[Heading]:
    """``found`` with the questions typed a level too deep raised to their siblings' level: between "### 6. …?" and
    "### 11. …?", headings "#### 7." to "#### 10." that continue the numbering, all of it, are questions 7 to 10,
    not parts of the answer to 6 (points numbered afresh under an answer, "#### 1. …", continue nothing)."""
    numbered = [(at, h.level, int(number.group(1))) for at, h in enumerate(found) if h.text[:1].isdecimal()
                and (number := _POINT_NUMBER.match(h.text))]
    if len(numbered) < 3:
        return found
    raised: dict[int, int] = {}
    for level in {level for _, level, _ in numbered}:
        own = [(at, n) for at, lvl, n in numbered if lvl == level]
        for (first_at, first), (later_at, later) in zip(own, own[1:]):
            if later - first < 2:
                continue
            between = [(at, n) for at, lvl, n in numbered if first_at < at < later_at and lvl > level and first < n < later]
            if [n for _, n in between] == list(range(first + 1, later)) and all(found[at].asks for at, _ in between):
                raised.update((at, level) for at, _ in between)
    return [replace(h, level=raised[at]) if at in raised else h for at, h in enumerate(found)] if raised else found


def _quoted_questions(found: list[Heading]) -> list[Heading]:
    """``found`` with every title in quotation marks asking where one of them asks in words: what an interviewer
    says, a request ("Tell me about yourself") as much as a question. One quoted motto over an essay asks nothing."""
    quoted = [i for i, h in enumerate(found)
              if not h.text[:1].isalnum() and _decorated(h.text) and _unwrapped(h.text)[1]]
    if not any(found[i].asks for i in quoted):
        return found
    return [replace(h, asks=True) if i in quoted else h for i, h in enumerate(found)]


def _without_sources(text: str) -> str:
    # The test for "[" first: the pattern is slow to fail, and most headings hold no link.
    return _TRAILING_SOURCES.sub("", text) if "[" in text else text


def question_levels(headings: list[Heading]) -> set[int]:
    """Levels where at least half the headings ask; none when fewer than two ask in all."""
    total = Counter(h.level for h in headings)
    asking = Counter(h.level for h in headings if h.asks)
    levels = {level for level, n in asking.items() if n * 2 >= total[level]}
    return levels if sum(asking[level] for level in levels) >= 2 else set()


def _candidates(headings: list[Heading]) -> set[int]:
    """Positions (in ``headings``) of headings at a question level, inside that level's question run."""
    chosen: set[int] = set()
    for level in question_levels(headings):
        asking = [i for i, h in enumerate(headings) if h.level == level and h.asks]
        chosen.update(i for i in range(asking[0], asking[-1] + 1) if headings[i].level == level)
    return chosen - _numbered_points(headings, chosen)


def _unlabelled(headings: list[Heading], candidates: set[int]) -> set[int]:
    """The candidates that are no question where the questions at their level are labelled and numbered as such
    ("## Question 3: …", "## 第三问：…"), three at least and nearly all of those that ask: the author marked each
    question, and a heading among them with no label that asks nothing ("## Summary", "## 最终结论") is a section
    of the notes, not a question put as a statement (nor a FAQ's entry)."""
    labelled: Counter[int] = Counter()
    asking: Counter[int] = Counter()  # questions without the label
    others: dict[int, list[int]] = {}
    for i in sorted(candidates):
        h = headings[i]
        if _NUMBERED_LABEL.match(h.text):
            labelled[h.level] += 1
        elif h.asks:
            asking[h.level] += 1
        else:
            others.setdefault(h.level, []).append(i)
    return {i for level, found in others.items() if labelled[level] >= max(3, 3 * asking[level]) for i in found}


#: A heading's label naming it a question by its number: "Q3:", "Question 12 -", "第三问：", "问题 2", "問題1".
_NUMBERED_LABEL = re.compile(
    r"^(?:\*\*|__)?(?:Q(?:uestion)?[ \t]*\d+|第[一二三四五六七八九十百零〇两\d]+[问問题題]|问题[ \t]*\d+|問題?[ \t]*\d+"
    r"|질문[ \t]*\d+|문제[ \t]*\d+)", re.IGNORECASE)


def _numbered_points(headings: list[Heading], chosen: set[int]) -> set[int]:
    """The chosen headings of a section where none asks in words, only by its number ("### 1. Prepare well"
    under "## Tips"), when another section's ask in words ("### 1. What is …?"): a list of points, not questions.

    Articles number their questions and then, under a section of their own, their advice the same way.
    """
    if not any(_NUMBERING.match(headings[i].text) for i in chosen):
        return set()  # most documents: no heading asks by its number
    sections: dict[int, list[int]] = {}  # the heading a section opens with (-1: none) -> its chosen headings
    above: list[int] = []  # the headings open at this point, outermost first
    for i, h in enumerate(headings):
        while above and headings[above[-1]].level >= h.level:
            above.pop()
        if i in chosen:
            sections.setdefault(above[-1] if above else -1, []).append(i)
        above.append(i)
    worded = {parent for parent, members in sections.items() if any(_asks_in_words(headings[i].text) for i in members)}
    if not worded or len(worded) == len(sections):
        return set()
    return {i for parent, members in sections.items() if parent not in worded for i in members}


def _asks_in_words(text: str) -> bool:
    """Does the heading ask with its number left out, or is it labelled a question ("Q. Wine windows lose
    focus": a FAQ's entry put as a statement)?"""
    numbered = _NUMBERING.match(text)
    if numbered and numbered.group()[:1] in "Qq":
        return True
    if asks(text[numbered.end() :].strip() if numbered else text):
        return True
    return _decorated(text) and asks(bare_title(text))  # "🎯 **2. "Why us?"**"


def _faq_entries(lines: list[Line], headings: list[Heading], title: str, name: str) -> set[int]:
    """Positions of the headings that are a FAQ's entries, however they are phrased.

    Under a heading naming a FAQ (or, without one, in a document whose title or
    file name does), the headings one level down are its entries; one with no text of its own,
    or with asking headings below it, is a section and its sub-headings are the
    entries in its place.
    """
    scopes = [(i, h.level) for i, h in enumerate(headings) if names_faq(h.text)]
    if not scopes and (names_faq(title) or names_faq(name.replace("_", " "))):
        scopes = [(-1, 0)]  # the whole document, unless a heading inside says where its FAQ is
    chosen: set[int] = set()
    while scopes:
        start, level = scopes.pop()
        end = next((j for j in range(start + 1, len(headings)) if headings[j].level <= level), len(headings))
        inner = range(start + 1, end)
        if not inner:
            continue
        child = min(headings[j].level for j in inner)
        deeper_asks = any(headings[j].asks and headings[j].level > child for j in inner)
        for j in inner:
            if headings[j].level != child:
                continue
            below = next((k for k in range(j + 1, end) if headings[k].level <= child), end)
            # A heading that asks over sub-headings that do not ("## Where does the data come from?" over
            # "### For cloud computing:") is an entry whose answer is in parts; one that does not ask is a section.
            if (
                any(headings[k].asks for k in range(j + 1, below))
                or (not _has_prose(lines, headings, j) and not (headings[j].asks and below > j + 1))
                or _holds_questions(lines, headings, j, below)
            ):
                scopes.append((j, child))
            elif not deeper_asks:  # when questions sit deeper, headings at this level are sections
                chosen.add(j)
    return chosen


def _lone_questions(lines: list[Line], headings: list[Heading], candidates: set[int]) -> set[int]:
    """Headings ending in "?" beside the question levels' (a question among sections), when other
    questions were found: each has text of its own, no sub-heading, and is no deeper than they
    are (deeper, it is a sub-heading of an answer)."""
    if not candidates:
        return set()
    deepest = min(headings[i].level for i in candidates)
    return {
        i for i, h in enumerate(headings)
        if i not in candidates and h.level <= deepest and ends_asking(h.text) and _has_prose(lines, headings, i)
        and (i + 1 == len(headings) or headings[i + 1].level <= h.level)
    }


def _holds_questions(lines: list[Line], headings: list[Heading], i: int, below: int) -> bool:
    """True when two or more questions written another way (bold paragraphs, numbered items at the
    margin, their italics wrapped or not) sit under heading ``i``: it is their section."""
    end = headings[below].index if below < len(headings) else len(lines)
    asked = 0
    for line in lines[headings[i].index + 1 : end]:
        text = line.text
        if line.code or not text.rstrip(" \t*_").endswith(QUESTION_MARKS):
            continue
        if _BOLD_QUESTION.match(text) or _NUMBERED_QUESTION.match(text) or _WRAPPED_EMPHASIS_END.match(text):
            asked += 1
    return asked >= 2


def _navigates(lines: list[Line], headings: list[Heading], i: int) -> bool:
    """True for a heading over a table of contents: what follows it is no section of its."""
    end = headings[i + 1].index if i + 1 < len(headings) else len(lines)
    answer, _ = answer_from(lines[headings[i].index + 1 : end])
    body = [line for line in lines[headings[i].index + 1 : end] if not line.blank]
    return bool(body) and not answer


def _numbered_sections(lines: list[Line], headings: list[Heading], candidates: set[int]) -> set[int]:
    """Candidates asking by their number alone ("## 2. Java Core Questions") over two bold questions or more
    (``**Q1: What is …?**`` and its ``A:``), each its own paragraph: the sections of a page whose questions are
    those, no questions of their own. (A numbered list of questions under such a heading, "# 9. Rapid-fire", is
    what that heading asks.)"""
    found = set()
    for i in candidates:
        if not headings[i].text[:1].isdecimal() or _asks_in_words(headings[i].text):
            continue  # most candidates: asking in words
        below = next((k for k in range(i + 1, len(headings)) if headings[k].level <= headings[i].level), len(headings))
        end = headings[below].index if below < len(headings) else len(lines)
        bold = sum(1 for line in lines[headings[i].index + 1 : end] if not line.code and _BOLD_QUESTION.match(line.text))
        if bold >= _BOLD_QUESTIONS:
            found.add(i)
    return found


#: Bold questions under a heading numbered alone from which it is told as their section.
_BOLD_QUESTIONS = 2


def _has_prose(lines: list[Line], headings: list[Heading], i: int) -> bool:
    """True when the heading has text of its own that is no table (a table of questions is a section's)."""
    end = headings[i + 1].index if i + 1 < len(headings) else len(lines)
    return any(not line.blank and not line.text.lstrip().startswith("|") for line in lines[headings[i].index + 1 : end])


def _entries(source: Source) -> list[Entry]:
    if not _HEADING_START.found_in(source.text):
        return []  # no heading, no question
    lines = outline(source)
    headings, title = find_headings(lines)
    candidates = _candidates(headings) | _faq_entries(lines, headings, title, source.stem)
    candidates |= _lone_questions(lines, headings, candidates)
    candidates -= _unlabelled(headings, candidates)
    candidates -= _numbered_sections(lines, headings, candidates)
    interludes = _interludes(lines, headings, candidates)
    candidates -= interludes
    parts = _answer_parts(headings, candidates)
    candidates -= parts
    entries: list[Entry] = []
    sections: list[Heading] = []  # open non-question headings, outermost first
    # Those that title the questions at their own level after them: they stay open over those questions.
    flat = {headings[i] for i in _flat_section_titles(lines, headings, candidates)}
    current: Heading | None = None
    for i, h in enumerate(headings):
        if current is not None and i not in candidates and (h.level > current.level or i in interludes or i in parts):
            continue  # a sub-heading of the current answer, or a part of it beside its question ("### Explanation:")
        if current is not None:
            entries.append(_entry(lines, current, h.index, sections))
            current = None
        asked = i in candidates and h not in flat
        sections = [s for s in sections if s.level < h.level or (asked and s.level == h.level and s in flat)]
        if asked and not _titles_section(lines, headings, candidates, i):
            current = h
        elif not _navigates(lines, headings, i):
            sections.append(h)
    if current is not None:
        entries.append(_entry(lines, current, len(lines), sections))
    return entries


def _flat_section_titles(lines: list[Line], headings: list[Heading], candidates: set[int]) -> set[int]:
    """The headings that title a flat page's sections: each does not ask, has no text of its own, and stands
    right over two questions at least at its own level ("## Strings" then "## 3.1 What is a string pool?");
    its section runs to the next such title or a heading above. Two titles at one level at least: one alone is as
    often the page's title, and a title over one question an unanswered question put as a statement."""
    def asking(j: int, level: int) -> bool:
        return j < len(headings) and headings[j].asks and j in candidates and headings[j].level == level

    found = [i for i in range(len(headings) - 2)
             if not headings[i].asks and asking(i + 1, headings[i].level) and asking(i + 2, headings[i].level)
             and all(line.blank for line in lines[headings[i].index + 1 : headings[i + 1].index])]
    levels = Counter(level for level, _ in {(headings[i].level, headings[i].text) for i in found})
    return {i for i in found if levels[headings[i].level] >= 2}


def _interludes(lines: list[Line], headings: list[Heading], candidates: set[int]) -> set[int]:
    """Candidates that are an answer's own sub-headings: where the questions are numbered ("# 26. …"), one
    heading among them set in the same style with no number, asking nothing and with text under it ("# DAO" over
    its code) titles a part of the answer above, not a question or a section (a topic's title has a question
    right under it)."""
    numbered = sorted(i for i in candidates if headings[i].text[:1].isdecimal() and _POINT_NUMBER.match(headings[i].text))
    if len(numbered) < 5 or 4 * len(numbered) < 3 * sum(1 for i in candidates if headings[i].asks):
        return set()
    found = set()
    for i in candidates:
        h = headings[i]
        if h.asks or not numbered[0] < i < numbered[-1] or i in numbered:
            continue
        end = headings[i + 1].index if i + 1 < len(headings) else len(lines)
        if any(not line.blank for line in lines[h.index + 1 : end]):
            found.add(i)
    return found


def _answer_parts(headings: list[Heading], candidates: set[int]) -> set[int]:
    """Positions of the headings that name a part of the answer above them, beside a question's heading at their
    level ("### Explanation:", "### Output", "### Interview Answer"): notes put them beside their question's
    heading, inside the run of questions (where a title phrased as a statement is an entry) or after its last."""
    parts: set[int] = set()
    levels: set[int] = set()  # the levels of the questions so far
    for i, h in enumerate(headings):
        part = h.level in levels and not h.asks and _ANSWER_PART.fullmatch(h.text.rstrip())
        if part and (i in candidates or _ANSWERS.search(h.text)):  # after the run, what names an answer only
            parts.add(i)
        elif i in candidates:
            levels.add(h.level)
    return parts


def _titles_section(lines: list[Line], headings: list[Heading], candidates: set[int], i: int) -> bool:
    """True for a heading with no text of its own, only deeper questions, below it."""
    end = headings[i + 1].index if i + 1 < len(headings) else len(lines)
    if any(not line.blank for line in lines[headings[i].index + 1 : end]):
        return False
    for j in range(i + 1, len(headings)):
        if headings[j].level <= headings[i].level:
            return False
        if j in candidates:
            return True
    return False


#: An item of a list that asks, a note app's toggle: ``- What is …?`` (in bold or not) over a nested body.
_TOGGLE = re.compile(r"^[-*+][ \t]+(?:\*\*|__)?(.+?)(?:\*\*|__)?[ \t]*$")
#: Toggles under a heading that make them the page's own cards: a run of them, not one.
_TOGGLES = 2


def _toggles_start(lines: list[Line]) -> int:
    """Where a run of asking toggles begins in a heading's body (an index of ``lines``), len(lines) for none: the
    questions of a note app's toggle list that follows the page's headings are no heading's answer."""
    starts = [k for k, line in enumerate(lines)
              if not line.code and (toggle := _TOGGLE.match(line.text)) and ends_asking(toggle.group(1))
              and k + 1 < len(lines) and _nested_below(lines, k)]
    return starts[0] if len(starts) >= _TOGGLES else len(lines)


def _nested_below(lines: list[Line], k: int) -> bool:
    """Is the first line with text after ``lines[k]`` indented under it?"""
    following = next((line for line in lines[k + 1 :] if not line.blank), None)
    return following is not None and following.text[:1] in (" ", "\t")


def _entry(lines: list[Line], question: Heading, end: int, sections: list[Heading]) -> Entry:
    body = lines[question.index + 1 : end]
    if end == len(lines) and "- " in "".join(line.text[:2] for line in body):
        body = body[: _toggles_start(body)]  # the page's toggles after its last heading are no answer of it
    answer, last = answer_from(body)
    line = lines[question.index].number
    section = sections[-1].text if sections else ""
    if (answer[:1] in _LABEL_OPENINGS or answer[:2].lower() in _ASKED_OPENINGS) \
            and (not question.asks or not _asks_in_words(question.text)):  # "### 3. Event Loop" names its entry
        asked = _labelled_question(answer)
        if asked is not None:
            return Entry(asked[0], asked[1], line, last or line, section)
    title, answer = without_numbers(question.text, answer)  # "### Q1: …" over "A1: …": both labels go
    if title[:1] in "Qq" and answer[:1] in "A*_" and QUESTION.match(title) and (label := ANSWER_DOT.match(answer)) \
            and not _OPTION_B.search(answer):
        answer = answer[label.end() :].lstrip()  # "## Q. …" over "**A.**": the answer's label, as "Q." is the question's
    asked = question_text(title)
    if KIND_ONLY.match(asked) and not _OPTION_B.search(answer) and (split := _KIND_PARAGRAPH.match(answer)):
        # "### Question 8: Short Answer" over its question, then "**Correct Answer:** …" (options the repair reads)
        asked, answer = split.group(1).strip(), _LABELLED_ANSWER.sub("", split.group(2).strip(), count=1)
    return Entry(asked, answer, line, last or line, section)


#: The paragraph that asks under such a title (text, no heading, no code), then, past a blank line, its answer.
_KIND_PARAGRAPH = re.compile(r"^((?![#`~])[^\n]*\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*)\n[ \t]*\n([\s\S]*\S[\s\S]*)$")
#: The answer's label opening it ("**Correct Answer:** …", "Answer: …").
_LABELLED_ANSWER = re.compile(
    r"^(?:\*\*|__)?(?:(?:correct|right|model|sample)[ \t]+)?answer[ \t]*(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*",
    re.IGNORECASE,
)


#: What a question's label opens with after the spaces: a list's mark, a bold mark, "Q" or "Question"; or the
#: first two letters of the label in another language ("Вопрос:").
_LABEL_OPENINGS = ("-", "*", "+", "_", "Q")
_ASKED_OPENINGS = frozenset(word[:2] for word in ASKING_WORDS)
#: A question's label opening the text under a heading that only names the entry ("### NET-JN-01" over
#: "- [ ] **Question:** What is …?"): after a list's mark, a task's box and a bold tag ("**Code:**"), if any.
_ASKED = "Question|Q|(?i:" + "|".join(ASKING_WORDS) + ")"
_QUESTION_LABEL = re.compile(
    r"^(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]+)?(?:(?:\*\*|__)[^*_\n]{1,40}?[:：](?:\*\*|__)[ \t]+)?"
    rf"(?:(?:\*\*|__)(?:{_ASKED})[:：](?:\*\*|__)|(?:\*\*|__)(?:{_ASKED})(?:\*\*|__)[:：]|(?:{_ASKED})[:：])[ \t]*(?=\S)"
)


def _labelled_question(text: str) -> tuple[str, str] | None:
    """The question and answer of the text under a heading that names no question, when that text opens with a
    question's label: the labelled paragraph, and what follows it up to an answer's label, ask; the rest answers.
    None when no label opens it, or nothing answers."""
    label = _QUESTION_LABEL.match(text)
    if label is None:
        return None
    paragraphs = text[label.end() :].split("\n\n")
    at = next((i for i, p in enumerate(paragraphs) if i and ANSWER.match(p)), 1)
    question, answer = "\n\n".join(paragraphs[:at]).strip(), "\n\n".join(paragraphs[at:]).strip()
    return (question, answer) if question and answer else None


#: A section's number with no mark after it, before a word: "1.2 What is …?", "8b What does …?" (a question's
#: variant). Not numbering that makes a heading ask: only taken off a heading read as a question.
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)+|\d+[a-z])[ \t]+(?=[^\W\d_])")


def question_text(title: str) -> str:
    """A question heading's text without its number or label ("Q3.", "12)", "1.2", "Frage 3:", "Ε1:")."""
    if _decorated(title):
        bare = bare_title(title)
        if bare and bare != _undecorated(title):
            return bare  # "❓ Câu hỏi: "…"", "🎯 **1. "…"**": marks, number or label, and quotes go; an emoji alone stays
    text = _NUMBERING.sub("", title, count=1).strip() or title
    text = _SECTION_NUMBER.sub("", text, count=1) if text[:1].isdigit() else text
    if label := QUESTION.match(text):  # a label in another language
        text = text[label.end() :].strip() or text
    if text[:1] in "Ff" and (label := _FOLLOW_UP.match(text)):
        text = text[label.end() :].strip() or text
    return (bare_title(text) or text) if text[:1] in _QUOTES else text


def numbered_only(title: str) -> bool:
    """True for a heading that is a question's number and nothing else ("Q31", "12.", "Question 4:")."""
    return not _NUMBERING.sub("", title, count=1).strip()


LAYOUT = make_layout(
    NAME,
    "Markdown headings as questions (## Q. …, #### 12) …?), answers below",
    _entries,
)
