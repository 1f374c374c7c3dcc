"""Layout ``labelled``: headings that only label a card's question and its answer.

    ## Question                   # How do you size a cluster?      ## Q31
    What is a pod?                                                  Arrange the steps in order.
    ## Answer                     ## Answer                         ### Answer
    The smallest deployable unit. Start from the peak load ...      1. Create the project ...

    ### Front                     # Two Sum                         ## Answer 2
    What is the largest planet?   Given an array of integers ...    ...
    ### Back                      ## Solution
    Jupiter.                      ...

Question banks kept one question a page (interview sites, exercise sheets, research notes) and
card editors' exports write the question and the answer under headings that name their part:
``Answer`` (``Short answer``, ``Answer guide``, ``Solution``, ``Back``, ``Réponse``, ``Respuesta sólida``...)
and ``Question`` (``Front``, ``Q31``, ``Question 2``...). Such a heading is no card and no section: an
answer heading's question is the text under the question heading over it, or, under an ordinary heading
(a title that asks or names a problem), that heading with the text between the two. The answer is what
follows the answer heading, with the sections under it and beside it (``Why this matters``, ``Example``),
up to the next label or the next heading above the card (under a question label, headings beside the
answer that ask are its steps). On a page whose front matter's title asks, the first answer heading after
sections beside it (``What the interviewer looks for``) answers that title. Notes that ask and answer in
two languages tag each label with its language (``# Вопрос (RU)``, ``# Question (EN)``, then ``## Ответ (RU)``, ``## Answer (EN)``): a tagged
answer is the card of the question label with its tag above it, and runs to the next heading as high as its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Source
from .entries import Entry, make_layout, marked_coverage
from .headings import asks, numbered_only, question_text
from .markup import inline_text
from .prefixed import QUESTION
from .repair import clean
from .structure import (
    ANSWERING_WORDS, ASKING_WORDS, SPACE, Line, LineStart, answer_from, ends_asking, front_matter, heading, outline,
)

NAME = "labelled"

#: A label's number after it: "Answer 3", "Question #2", "Question no. 4".
_TRAILING_NUMBER = re.compile(r"(?:[ \t]*(?:#|no\.?[ \t]*)?\d+(?:\.\d+)*)?$")
#: A heading's text that names the answer below it: "Answer", "Short answer", "Complete answer", "Follow-up
#: answer", "Answer 3", "Answer guide", "Solution", "Back". Not "Answers" or "Solutions": the heading of an
#: answer key, the numbered answers to the questions above; nor "Answer key", "Answer choices": what follows
#: "answer" is a word that says how it answers.
_ANSWER_WORDS = (r"(?:(?:short|model|sample|suggested|expected|correct|best|final|the|my|our|complete|full|detailed"
                 r"|ideal|interview|follow-up)[ \t]+)?answer"
                 r"(?:[ \t]+(?:guide|outline|sketch|notes?|explanation|details|summary|overview|walkthrough|breakdown))?"
                 rf"|ans|solution|back|response|(?:{'|'.join(ANSWERING_WORDS)})(?:[ \t]+[^\W\d_]+)?")
_ANSWER_LABEL = re.compile(_ANSWER_WORDS, re.IGNORECASE)
#: A heading's text that names the question below it: "Question", "Question 2", "Front", "Prompt" (a number
#: alone, "Q31", too: see :func:`_label`). "A" and "Q" alone are no labels: a glossary's letters head its sections.
_QUESTION_LABEL = re.compile(rf"questions?|front|prompt|{'|'.join(ASKING_WORDS)}", re.IGNORECASE)
#: "Front" and a card's title after it, which card editors' exports write there ("### Front Capitals").
_FRONT = re.compile(r"front(?:[ \t]|$)", re.IGNORECASE)
#: Bold, a colon or a full stop around a label: "**Answer:**", "Answer.".
_DECOR = re.compile(r"^(?:\*\*|__)?|[:：.]?(?:\*\*|__)?[:：.]?$")
#: A language's tag after a label, as notes that ask and answer in two languages write each part's
#: ("# Вопрос (RU)", "## Answer (EN)", "## Réponse [fr]"): a tagged answer answers the question of its tag.
_LANGUAGE_TAG = re.compile(r"[ \t]*[(\[]([A-Za-z]{2}(?:[-_][A-Za-z]{2})?)[)\]]$")
_QUOTED = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
#: A note in brackets after a label, naming its topic: "Follow-up Answer (SRP)".
_NOTE = re.compile(r"[ \t]*\([^()]*\)$")
#: A line that is an answer label's heading: found in the whole text before anything else is read.
_ANSWER_HEADING = LineStart(re.compile(rf"^ {{0,3}}#{{1,6}}{SPACE}+(?:\*\*|__)?(?i:{_ANSWER_WORDS})(?![^\W\d_])"))


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int  # in the outline
    level: int
    text: str
    #: "answer", "question" (a label, or a question's number alone: "Q31", "12."), or "" (a title).
    label: str
    #: The language tag after a label ("ru" for "Ответ (RU)"), "" for none.
    language: str = ""


def _label(text: str) -> str:
    bare = _DECOR.sub("", text).strip()
    word = _TRAILING_NUMBER.sub("", bare).strip()
    if word.endswith(")") and not _LANGUAGE_TAG.search(word):
        word = _NOTE.sub("", word)  # a language's tag stays: it pairs the answer with its question (_tagged_entry)
    if _ANSWER_LABEL.fullmatch(word):
        return "answer"
    if _QUESTION_LABEL.fullmatch(word) or (bare and numbered_only(bare)) or _FRONT.match(bare):
        return "question"
    return ""


def labels_answer(text: str) -> bool:
    """Does a heading's text (inline text) only label the answer below it ("Answer", "**Solution 2:**")?"""
    return _label(text) == "answer"


def _headings(lines: list[Line]) -> list[_Heading]:
    found: list[_Heading] = []
    for index, line in enumerate(lines):
        parsed = heading(line)
        if parsed and (text := inline_text(parsed[1])):
            label = _label(text)
            if not label and text.endswith((")", "]")) and (tag := _LANGUAGE_TAG.search(text)):
                if label := _label(text[: tag.start()]):
                    found.append(_Heading(index, parsed[0], text, label, tag.group(1).lower()))
                    continue
            found.append(_Heading(index, parsed[0], text, label))
    return found


#: A line that is a question label's heading alone ("### Question", "## Вопрос:"): a page may label its question
#: and let its sections answer it, with no answer label (see :func:`_question_page`).
_QUESTION_HEADING = LineStart(re.compile(
    rf"^ {{0,3}}#{{1,6}}{SPACE}+(?:\*\*|__)?(?i:question|{'|'.join(ASKING_WORDS)})(?:\*\*|__)?[:：]?[ \t]*$"))


def _entries(source: Source) -> list[Entry]:
    if not _ANSWER_HEADING.found_in(source.text):
        return _question_page(source) if _QUESTION_HEADING.found_in(source.text) else []
    lines = outline(source)
    found = _headings(lines)
    entries: list[Entry] = []
    taken = -1  # index (in found) of the last heading a card holds
    for i, answer in enumerate(found):
        if answer.label != "answer":
            continue
        if answer.language:
            entry = _tagged_entry(source, lines, found, i)
            if entry is not None:
                entries.append(entry)
            continue
        at = _owner(found, i, taken)
        owner = found[at] if at is not None else None
        # The first answer heading of a page whose front matter's title asks, after sections beside it ("What the
        # interviewer looks for"), is that title's: such a section names a part of the page, however it is phrased.
        titled_page = taken < 0 and (owner is None or owner.label != "question" and owner.level >= answer.level
                                     and not ends_asking(owner.text)) \
            and all(not h.label and h.level >= answer.level for h in found[:i]) and ends_asking(_title(source))
        if owner is None and (i > taken + 1 or taken >= 0) and not titled_page:
            continue  # no question over this answer heading: a section's heading, another answer's
        beside = owner is None or owner.level >= answer.level
        scope = answer.level - 1 if beside else owner.level
        # The answer runs on over the sections under it and beside it, up to the next label, the next heading
        # above the card, or, where the question's heading is beside the answer's, the next heading that asks;
        # not past one under a question label, though: a page that labels its questions labels the next one
        # too, and "### 1. What is DNS?" beside "### Answer" is a step of that answer.
        titled = beside and (owner is None or owner.label != "question")
        end = next((j for j in range(i + 1, len(found)) if found[j].label or found[j].level <= scope
                    or titled and found[j].level == answer.level and asks(found[j].text)), len(found))
        stop = found[end].index if end < len(found) else len(lines)
        if titled_page:
            entry = _titled_entry(source, lines, answer, stop)
        else:
            entry = _entry(source, lines, owner, answer, stop, _section(found, at if at is not None else i))
        if entry is not None:
            entries.append(entry)
            taken = end - 1
    return entries


def _question_page(source: Source) -> list[Entry]:
    """The card of a page whose first heading is its only label, a question's, and no answer label follows:
    the text under the label asks, and the rest of the page (its sections) answers."""
    lines = outline(source)
    found = _headings(lines)
    if not found or found[0].label != "question" or any(h.label for h in found[1:]):
        return []
    end = found[1].index if len(found) > 1 else len(lines)
    question, _ = answer_from(lines[found[0].index + 1 : end])
    if len(found) > 1:
        text, last = answer_from(lines[end:])
    else:  # no heading below: the question is the first paragraph, the answer the rest
        question, _, text = question.partition("\n\n")
        last = lines[-1].number
    if not question.strip() or not text.strip():
        return []
    return [Entry(clean.tidy_question(question) if "\n" not in question else question, text.strip(),
                  lines[found[0].index].number, last, "")]


def _tagged_entry(source: Source, lines: list[Line], found: list[_Heading], i: int) -> Entry | None:
    """The card of the answer heading ``found[i]`` that carries a language tag: the question is the text
    under the nearest question label above it with the same tag (the other language's parts between the two
    skipped), the answer runs to the next heading as high as its own."""
    answer = found[i]
    at = next((j for j in range(i - 1, -1, -1) if found[j].label == "question" and found[j].language == answer.language),
              None)
    if at is None:
        return None
    owner = found[at]
    question, _ = answer_from(lines[owner.index + 1 : found[at + 1].index])
    question = _QUOTED.sub("", question)  # "> В чем …?": the question set as a quote
    end = next((found[j].index for j in range(i + 1, len(found)) if found[j].level <= answer.level), len(lines))
    text, last = answer_from(lines[answer.index + 1 : end])
    if not question.strip() or not text:
        return None
    return Entry(clean.tidy_question(question) if "\n" not in question else question, text,
                 lines[owner.index].number, last, _section(found, at))


def _owner(found: list[_Heading], i: int, taken: int) -> int | None:
    """Where in ``found`` the heading is whose question the answer heading ``found[i]`` answers: a question label over it, or the
    heading it sits under, or one beside it that asks. Sections beside it between the two (``Options``,
    ``Example``) belong to the question, under a question label or a heading that asks."""
    answer = found[i]
    skipped = False
    for at in range(i - 1, taken, -1):
        h = found[at]
        if h.label == "answer":
            return None
        if h.label == "question" or asks(h.text) and h.level <= answer.level:
            return at
        if h.level < answer.level:
            return None if skipped else at
        skipped = True  # a section beside the answer, or under one
    return None


def _entry(source: Source, lines: list[Line], owner: _Heading | None, answer: _Heading, end: int,
           section: str) -> Entry | None:
    start = owner.index + 1 if owner is not None else 0
    body, _ = answer_from(lines[start : answer.index])
    if asked := _labelled_question(lines[start : answer.index]):
        question = asked  # "- Question: …" among a card's fields ("Role: …", "Difficulty: …") over its answer
    elif owner is None:
        question = _title(source) if not body else body
    elif owner.label == "question":
        question = body  # the question label's text
    else:
        title = question_text(owner.text)
        question = f"{title}\n\n{body}" if body else title
    text, last = answer_from(lines[answer.index + 1 : end])
    if not question.strip() or not text:
        return None
    first = lines[owner.index].number if owner is not None else lines[0].number
    return Entry(clean.tidy_question(question) if "\n" not in question else question, text, first, last, section)


def _titled_entry(source: Source, lines: list[Line], answer: _Heading, end: int) -> Entry | None:
    """The card of a page whose front matter's title is its question and whose answer heading comes after other
    sections: the title, and what follows the answer heading up to ``end``; the sections before it frame the
    question (what it tests), and the card holds the page from its start."""
    text, last = answer_from(lines[answer.index + 1 : end])
    title = _title(source)
    return Entry(clean.tidy_question(title), text, lines[0].number, last, "") if text else None


def _labelled_question(lines: list[Line]) -> str:
    """The question a line of ``lines`` labels as one ("Question: …", "- **Q:** …"), or ""."""
    for line in lines:
        if not line.code and (label := QUESTION.match(line.text)) and (text := line.text[label.end() :].strip()):
            return text
    return ""


def _section(found: list[_Heading], first: int) -> str:
    """The nearest heading above the card's first heading (``found[first]``) that is no label, when the card's
    heading is not the document's only top heading (a page of one question: its title is the card's)."""
    level = found[first].level
    for h in reversed(found[:first]):
        if h.level < level:
            if not h.label:
                return h.text
            level = h.level
    return ""


def _title(source: Source) -> str:
    """The front matter's ``title``: the question of a page whose answer heading comes first."""
    title = front_matter(source.text).get("title")
    return title.strip() if isinstance(title, str) else ""


LAYOUT = make_layout(
    NAME,
    "headings that label a card's parts (## Question, ## Answer; ### Front, ### Back; # Title? then ## Answer)",
    _entries,
    marked_coverage,
)
