"""What the line-oriented layouts (prefixed, numbered, prose) share: clean lines, items, headings.

Contract: :func:`read_lines` gives a source's lines with their 1-based
numbers, page chrome blanked and the footer cut (:mod:`qadeck.parsers.repair.clean`).
:func:`split_items` cuts those lines into :class:`Item` records, one per
question: the question's first line and what follows it, up to the next
question or section heading. A layout only says which lines start a question
(``starts_question``) and how to read an item; sections, section intros and
closing remarks are handled here once. Cards are built by
:func:`qadeck.parsers.entries.result`, as for every other layout.

A Markdown ``#`` heading is a section when questions follow it, and a source
that uses them has no other headings. How a heading is told from an answer
line with no Markdown to say so: it reads like a title
(:func:`qadeck.parsers.repair.clean.heading_shaped`), follows a blank line or a finished
sentence, and either stands alone between blank lines or is followed by a
question. A line right after a question that has nothing
yet is that question's answer, however short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .repair import clean
from ..model import Source
from .markup import inline_text
from .structure import ASKING_WORDS, Line, LineStart, asks_in, cjk_asks, ends_asking, heading, indentation, outline

StartsQuestion = Callable[[Line], bool]
_SENTENCE_END = (".", "?", "!")


@lru_cache(maxsize=1)
def read_lines(source: Source) -> list[Line]:
    """The source's lines (front matter left out), chrome blanked, footer cut off.

    Cached for the last source, as several layouts' detection asks for them:
    do not modify the list.
    """
    lines = outline(source)
    texts = clean.page_lines([line.text for line in lines])
    if _MAY_BOX.found_in(source.text):
        for index in _boxed(texts):
            texts[index] = ""
    return [line if line.code or text == line.text else Line(line.number, text) for line, text in zip(lines, texts)]


#: A rule a box is drawn with: one of these characters ten times or more, or "+----+".
_RULE = re.compile(r"^([*=#~+_-])\1{9,}$|^\+[-=]{8,}\+$")
_MAY_BOX = LineStart(re.compile(r"^[ \t]*(?:([*=#~+_-])\1{9,}|\+[-=]{8,}\+)[ \t]*$"))


def may_rule(text: str) -> bool:
    """Does any line of ``text`` hold a rule row (see :func:`is_rule`)? One search of the whole text."""
    return _MAY_BOX.found_in(text)


def is_rule(text: str) -> bool:
    """Is ``text`` (stripped) a rule row of ten marks or more ("==========", "----------"): a separator, no text?"""
    return bool(_RULE.match(text))


def _boxed(texts: list[str]) -> list[int]:
    """Indexes of the lines of boxed notices: a rule, lines framed on both sides, a rule.

    A box is the page talking about itself ("This file is generated", "maintained by …"),
    never a question's answer; a rule around unframed text is left to the answer it sits in.
    """
    found: list[int] = []
    index = 0
    while index < len(texts):
        top = texts[index].strip()
        if not _RULE.match(top):
            index += 1
            continue
        side = top[0] if top[0] != "+" else "|"
        end = index + 1
        while end < len(texts) and (inner := texts[end].strip()) and inner[0] in (side, "|") \
                and inner[-1] in (side, "|") and len(inner) > 2 and not _RULE.match(inner):
            end += 1
        if end > index + 1 and end < len(texts) and _RULE.match(texts[end].strip()):
            found.extend(range(index, end + 1))
            index = end + 1
        else:
            index += 1
    return found


@dataclass(slots=True)
class Item:
    """One question's lines: the line that starts it, then its answer lines."""

    section: str
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def body(self) -> list[Line]:
        return self.lines[1:]

    @property
    def last(self) -> int:
        """Number of the item's last non-blank line."""
        if self.lines and self.lines[-1].text.strip():
            return self.lines[-1].number  # most items: closing remarks and trailing blanks are cut
        return next(line.number for line in reversed(self.lines) if not line.blank)


def only_questions(texts: Sequence[str], asks: Callable[[str], bool]) -> bool:
    """Are ``texts`` two lines or more, at least three in four of them asking (by ``asks``)? Then they are the
    next questions of a list written one a line, no answer to the line above them."""
    filled = [text for text in texts if text.strip()]
    if len(filled) < 2:
        return False
    stating = len(filled) // 4  # how many of the lines may say something
    for text in filled:
        if not asks(text):
            stating -= 1
            if stating < 0:
                return False  # most answers: told by their first line
    return True


def lists_only_questions(texts: Sequence[str], one: bool = False) -> bool:
    """Are ``texts`` (lines, blank ones aside) a bulleted list, each item with the lines it wrapped onto, whose
    items are questions (:func:`only_questions`): each asks, or asks to be told ("Describe a time …",
    "…에 대해 설명해 주세요")? An interviewer's follow-ups under a question, not its answer; with ``one``, a
    single item that asks is one too. An empty item (a bullet left for the next question) counts for none."""
    texts = [text for text in texts if text.strip()]
    if not texts or not clean.starts_list_item(texts[0]):
        return False  # most answers
    items: list[str] = []
    for text in texts:
        if clean.starts_list_item(text):
            items.append(text)
        else:
            items[-1] += " " + text.strip()
    items = [item for item in items if item.strip(" \t-*+•")]
    if one and len(items) == 1:
        return _item_asks(items[0])
    return only_questions(items, _item_asks)


#: What a question bank's item that asks to be told opens with, its bullet aside.
_TELL = re.compile(r"^\s*\S+\s+(?:tell (?:me|us)|describe|explain|discuss|give (?:me |us )?(?:an? )?examples?|share|walk (?:me|us))\b",
                   re.IGNORECASE)


#: The same requests in the languages interview notes are written in besides English, where their verb opens the
#: request ("Объясните …", "Explica …", "Wyjaśnij …", "اشرح …"), after the bullet.
_OTHER_TELL = re.compile(
    r"^\s*\S+\s+(?:объясни(?:те)?|опиши(?:те)?|расскажи(?:те)?|перечисли(?:те)?|приведите|поясн(?:и|іть)|опиш(?:и|іть)"
    r"|розкаж(?:и|іть)|explica|explique|expliquez|describe|describa|descreva|d[ée]cri(?:s|vez)|cu[ée]nta(?:me|nos)"
    r"|menciona|parlez|erkl[äa]re(?:n sie)?|beschreibe(?:n sie)?|nenne(?:n sie)?|spiega|descrivi|elenca|parlami"
    r"|jelaskan|sebutkan|ceritakan|giải thích|mô tả|wyjaśnij|opisz|wymień|omów|podaj|leg uit|beschrijf|forklar|beskriv"
    r"|اشرح|اشرحي|وضح|صف|اذكر|تحدث)\b",
    re.IGNORECASE,
)
#: Where the verb closes the request (Persian, Turkish, Hindi: "… را توضیح بده", "… açıklayın", "… समझाइए").
_OTHER_TELL_END = re.compile(
    r"(?:توضیح (?:بده|بدید|دهید)|شرح (?:بده|دهید)|بگو|بگویید|açıkla(?:yın|yınız)?|anlat(?:ın|ınız)?|समझाइए|बताइए"
    r"|समझाओ|बताओ)[\s.!।]*$",
    re.IGNORECASE,
)


#: "Question" in English and the languages of :data:`ASKING_WORDS`.
_QUESTION_WORDS = ("question", *ASKING_WORDS)


def followed_up(question: str, texts: Sequence[str]) -> bool:
    """Are ``texts`` (an answer's lines) only the follow-up questions an interviewer asks after ``question``: a
    bulleted list of questions (:func:`lists_only_questions`), one item being enough? Not where the question asks
    for questions ("Which questions should you ask them?"): then they answer it."""
    if not lists_only_questions(texts, one=True):
        return False  # most answers
    lowered = question.lower()
    return not any(word in lowered for word in _QUESTION_WORDS)


def _item_asks(text: str) -> bool:
    if asks_in(text) or _TELL.match(text) is not None:
        return True
    if _OTHER_TELL.match(text) is not None:
        return True
    return not text.isascii() and (cjk_asks(text) or _OTHER_TELL_END.search(text) is not None)


#: A line that only labels the answer below it ("**Answer :**", "Correct Answer:"): the question waits for its
#: answer, whose first line is no heading however short ("Yes" between blank lines under "Answer:").
_ANSWER_LABEL_ALONE = re.compile(r"^[ \t]*(?:\*\*|__)?(?:(?:Correct|CORRECT|Right|RIGHT)[ \t]+)?(?:Answer|ANSWER|Ans|ANS)[ \t]*[:：.]?[-–]?(?:\*\*|__)?[ \t]*[:：]?[ \t]*$")

#: How such a label line may open: one test of its first character passes most lines at once.
_LABEL_OPENS = frozenset("ACR*_ \t")


def split_items(
    lines: Sequence[Line], starts_question: StartsQuestion, holds_answer: StartsQuestion = lambda line: False,
    opens_answer: StartsQuestion = lambda line: False,
) -> list[Item]:
    """Items in source order; text before the first question or after a heading is no item's.

    ``holds_answer`` tells a question line that carries its own answer ("Q: … ? A: …"):
    the line after it may then be a heading. ``opens_answer`` tells a line that opens an
    answer ("A: Paris" below a question and its picture): never a heading.
    """
    if not any(not line.code and starts_question(line) for line in lines):
        return []  # most layouts on most files: no need to look for headings line by line
    items: list[Item] = []
    section = ""
    current: Item | None = None
    runs: list[list[Item]] = [[]]  # the items of each section, in order
    # Markdown headings taken as an answer's sub-headings: item -> (place in its lines, level), in order.
    inner: dict[int, list[tuple[int, int]]] = {}
    # True while the current question has no answer yet, not even on its own line.
    waiting = False
    level = 0  # the level of the Markdown heading that opened the section (0: none)
    above = over = 0  # the level of the last Markdown heading of any kind; of the one over the current question
    # A source that marks its headings with "#" marks all of them: no plain line is a heading there.
    # Most sources hold no "#" at all, which one search of their joined lines tells.
    plain = "#" not in "\n".join([line.text for line in lines]) or not any(heading(line) for line in lines)
    for index, line in enumerate(lines):
        if not line.code and starts_question(line):
            over = above
            current = Item(section, [line])
            items.append(current)
            runs[-1].append(current)
            waiting = not holds_answer(line)
            continue
        if "#" in line.text[:4] and not line.code and (opened := heading(line)) is not None:
            above = opened[0]
        if line.code or _no_heading(line.text, plain) or opens_answer(line):
            title = atx = None
        elif waiting:
            # A heading may open the answer still awaited ("### Answer", a question the answer goes on to),
            # unless it titles a section no deeper than the one over the question: the question went unanswered.
            # So does a heading no deeper than the nearest one over the question, a section or not ("## Point 2"
            # after "## Point 1 — …" closing with "**Test yourself:** …?"): the next part of the notes.
            atx = heading(line) if level or over else None
            title = (clean.clean_heading(inline_text(atx[1]))
                     if atx is not None and (atx[0] <= level and not ends_asking(atx[1].strip()) or atx[0] <= over)
                     else None)
            atx = None
        else:
            title = heading_at(lines, index, starts_question, plain)
            atx = heading(line)
            if title is not None and atx is None and current is not None and _in_answer(line, current):
                title = None
            if atx is not None:
                if title is None and atx[0] <= level:
                    # No deeper than the heading over the question: a section of its own, not the answer's.
                    title = clean.clean_heading(inline_text(atx[1]))
                if title is not None:
                    level = atx[0]
        if title is not None:
            section, current = title, None
            runs.append([])
        elif current is not None:
            if atx is not None:
                inner.setdefault(id(current), []).append((len(current.lines), atx[0]))
            current.lines.append(line)
            waiting = waiting and line.blank or (line.text[:1] in _LABEL_OPENS
                                                 and _ANSWER_LABEL_ALONE.match(line.text) is not None)
    for run in runs:
        _end_at_next_section(run, inner)
    for item in items:
        item.lines = without_closing_remarks(item.lines)
    return items


def _end_at_next_section(run: list[Item], inner: dict[int, list[tuple[int, int]]]) -> None:
    """Cut the last answer of a section's questions at a heading that opens what follows them.

    A heading after the last question ("## Further reading", "## License") reads as one of its
    answer's sub-headings, as one between two questions does. It is one only when the other
    answers have sub-headings as deep: otherwise the answer ends there and the rest is no item's.
    """
    if len(run) < 2 or id(run[-1]) not in inner:
        return
    levels = [level for item in run[:-1] for _, level in inner.get(id(item), ())]
    deepest_kept = min(levels, default=7)  # the answers' own sub-headings are this deep or deeper
    for place, level in inner[id(run[-1])]:
        if level < deepest_kept:
            del run[-1].lines[place:]
            return


def _no_heading(text: str, plain: bool) -> bool:
    """True for a line that :func:`heading_at` tells is no heading without its neighbours (most lines).

    No "#" in its first four characters: no Markdown heading. Then it is a heading only in a
    plain source, when not blank and :func:`qadeck.parsers.repair.clean.heading_shaped`, which no list item
    and no line ending in a closing mark is.
    """
    if "#" in text[:4]:
        return False
    end = text.rstrip()
    return not plain or not end or end.endswith(clean.TERMINAL_ENDS) or clean.is_list_item(text)


def heading_at(lines: Sequence[Line], index: int, starts_question: StartsQuestion, plain: bool = True) -> str | None:
    """The cleaned section name when ``lines[index]`` is a section heading, else None.

    ``plain=False``: only Markdown ``#`` headings count.
    """
    text = lines[index].text
    atx = heading(lines[index])
    if atx is None and (not plain or lines[index].blank or not clean.heading_shaped(text)):
        return None  # most lines: told without looking at their neighbours
    after = _neighbour(lines, index, +1)
    if atx is not None:
        # A Markdown heading is a section when questions (or more headings) follow it,
        # and a sub-heading of the answer it sits in otherwise.
        follows = after is None or starts_question(after) or heading(after) is not None
        return clean.clean_heading(inline_text(atx[1])) if follows else None
    before = _neighbour(lines, index, -1)
    if _in_options(text, before, after) or _among_short_lines(before, after, starts_question):
        return None
    blank_before = index == 0 or lines[index - 1].blank
    if not blank_before and before is not None and not before.text.rstrip().endswith(_SENTENCE_END):
        return None
    blank_after = index + 1 == len(lines) or lines[index + 1].blank
    if after is None or blank_after or starts_question(after):
        return clean.clean_heading(text)
    return None


def _in_answer(line: Line, item: Item) -> bool:
    """Is a plain line indented as the answer's text above it is, deeper than its question? Then it is that
    answer's last line ("   You can fix that in config.h" under "  On machines that use NIS ..."), however
    much it looks like a title; a title centred over the next questions is indented otherwise."""
    indent = indentation(line.text)
    if indent <= indentation(item.lines[0].text):
        return False
    above = next((other for other in reversed(item.lines[1:]) if not other.blank), None)
    return above is not None and indentation(above.text) == indent


#: A lettered option of a multiple-choice question ("B. Change down gear", "(c) Helium"): its letter.
_OPTION = re.compile(r"^\s*\(?([A-Ha-h])[.)]\s+\S")


def _in_options(text: str, before: Line | None, after: Line | None) -> bool:
    """Is ``text`` one of a question's lettered options, the option before or after it lettered in turn? Each
    a paragraph of its own, as a word processor writes them, they look like lettered section titles."""
    own = _OPTION.match(text)
    if own is None:
        return False
    letter = ord(own.group(1).upper())
    for line, step in ((before, -1), (after, 1)):
        near = _OPTION.match(line.text) if line is not None and not line.code else None
        if near is not None and ord(near.group(1).upper()) == letter + step:
            return True
    return False


def _among_short_lines(before: Line | None, after: Line | None, starts_question: StartsQuestion) -> bool:
    """Is a title-shaped line one of a run of short one-line paragraphs: a title-shaped line or a question above it,
    a short line that ends no sentence and asks nothing below it? A question's unlettered options are written so,
    each a paragraph of its own ("Feature Availability", "Bandwidth", "uptime"); a section's title stands over a
    question or its text, never between two such lines."""
    if before is None or after is None or before.code or after.code \
            or not (clean.heading_shaped(before.text) or ends_asking(before.text.rstrip())):
        return False
    below = after.text.strip()
    return (len(below) <= clean.MAX_HEADING_CHARS and not below.endswith(clean.TERMINAL_ENDS)
            and not ends_asking(below) and not starts_question(after))


def _neighbour(lines: Sequence[Line], index: int, step: int) -> Line | None:
    index += step
    while 0 <= index < len(lines):
        if not lines[index].blank:
            return lines[index]
        index += step
    return None


def paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Blank-line separated groups of lines."""
    groups: list[list[Line]] = [[]]
    for line in lines:
        if line.blank and not line.code:
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(line)
    return [group for group in groups if group]


def without_closing_remarks(lines: list[Line]) -> list[Line]:
    """``lines`` (in source order) without trailing blanks and a last paragraph about the page ("These answers …").

    Walks back from the end over the last paragraphs only, rather than cutting every
    paragraph (property-tested against :func:`paragraphs`).
    """
    end = len(lines)
    while True:
        while end and _separates(lines[end - 1]):
            end -= 1
        if not end:
            return lines[:1]  # no paragraph at all
        start = end
        while start and not _separates(lines[start - 1]):
            start -= 1
        earlier = any(not _separates(line) for line in lines[:start])
        if not earlier or not clean.is_commentary(" ".join(line.text for line in lines[start:end])):
            return lines[:end]
        end = start


def _separates(line: Line) -> bool:
    """True for a line between paragraphs (as :func:`paragraphs` cuts them): blank, outside code."""
    return line.blank and not line.code


def continuation_lines(item: Item, is_marker: Callable[[str], bool]) -> list[Line]:
    """Body lines that carry on the line above them (no blank line, no marker, no list item)."""
    lines = item.lines
    blank = [not line.text.strip() for line in lines]  # Line.blank, once a line rather than twice
    # The test for a block first: most lines that follow text are list items, told by one regex
    # where a marker takes two (both tests must fail, so their order changes nothing).
    return [
        line
        for index, line in enumerate(lines[1:], 1)
        if not blank[index] and not blank[index - 1] and not _starts_block(line.text) and not is_marker(line.text)
    ]


def _starts_block(text: str) -> bool:
    return clean.starts_list_item(text) or text.lstrip().startswith(("```", "~~~", ">", "|"))
