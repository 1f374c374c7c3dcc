"""Layout ``prefixed``: each question and each answer opens with a marker.

    Q: What is a container?          1. Q: What is a DAG?         **Q:** What is a tag?
    A: A running image.                  • A: A graph of tasks.   **A:** A name for an image.

    Q1. What is a layer?             Question: What is a volume?
    Ans: One step of a build.        Answer: Storage that outlives a container.

A question starts at a line opening with a question marker (``Q:``, ``Q1.``, ``Q1/``,
``Question:``, ``Q -``, ``Front:``, ``❓``, ``Q3`` before a question in bold; numbered, bulleted or bold); its answer at the next answer
marker, at the start of a line or inside one after the question's closing
punctuation (``… model? * A: …``); an ``A:`` with a ``B:`` below it is the first of lettered options. The answer runs to the next question or
section heading. A question with no answer marker keeps its first line (or the
lines up to its ``?``) and the rest is its answer.

Some blogs, copied as text, break a line where inline code started and glue
the code to its neighbours (``the purpose of a\\nrequirements.txtfile?A: …``);
when a source shows that damage, :mod:`qadeck.parsers.repair.glue` rejoins and repairs the
questions and answers that have such breaks.
"""

from __future__ import annotations

import re

from .repair import clean
from .repair.glue import Glue
from ..model import Source
from . import common
from .entries import Entry, coverage, make_layout, marked_coverage
from .structure import ANSWERING_WORDS, ASKING_WORDS, Line, LineStart, ends_asking

NAME = "prefixed"

_OPEN = r"^\s*(?:\d{1,3}[.)]\s+)?(?:[-*•+]\s+)?(?P<b>\*\*|__)?"
#: After the marker: a space, the line's end, or (in CJK text, which puts no space there) a full-width
#: colon or a non-ASCII letter.
_AFTER = r"(?:\s+|$|(?<=：)|(?=[^\x00-\x7f])"
#: Or, the space left out, a letter right after a numbered question's point ("Q5.What …?") or an answer word's
#: point or colon ("ANS.It …", "Ans:It …"), as notes typed in a hurry have them.
_Q_AFTER = _AFTER + r"|(?<=\d[.)])(?=[^\W\d_]))"
_A_AFTER = _AFTER + r"|(?<=(?:ns|NS|er|ER)[.:])(?=[^\W\d_]))"
_AFTER += ")"
#: The labels in other languages (see :data:`structure.ASKING_WORDS`), the one-character ones of Chinese
#: and Greek (Ε/Α, for Ερώτηση/Απάντηση), and Chinese troubleshooting notes' problem and solution
#: (问题描述/解决方案: what a support FAQ asks and answers).
_ASKING_WORDS = (*ASKING_WORDS, "问", "問", "ε", "问题描述", "問題描述")
_ASKS_IN = f"(?i:{'|'.join(_ASKING_WORDS)})"
_ANSWERS_IN = f"(?i:{'|'.join((*ANSWERING_WORDS, '答', 'α', '解决方案', '解決方案', '解决方法', '解決方法', '解决办法', '解決辦法'))})"
QUESTION = re.compile(
    _OPEN + r"(?:(?:Q(?:ues(?:tion)?)?|QUES(?:TION)?)(?:\.(?=\s*\d))?\s*(?:\d+(?:\.\d+)*)?\s*(?:[:.)：]|[-–](?=\s)|(?<=\d)/)"
    r"|(?:Question|QUESTION)\s*\d+[ \t]*$|(?:Front|FRONT)\s*[:：]|[❓❔]\ufe0f?"
    # "Q3 **What is X?**": a number and no mark after it, where the question is set in bold.
    r"|Q\d{1,3}(?=[ \t]+(?:\*\*|__)\S)"
    rf"|(?:{_ASKS_IN})(?:\s*\d*\s*[:：]|\s*\d+\s*[.)．]))(?:(?P=b))?" + _Q_AFTER
)
ANSWER = re.compile(
    _OPEN + r"(?:(?:A|ANS)\s*\d*\s*[:)：]|A\s*\d+\s*\.|(?:Ans|ANS|Answer|ANSWER)\s*\d*\s*[:.)：]"
    r"|(?:A|Ans|Answer|ANS|ANSWER)\s*\d*\s*[-–](?=\s)|(?:Answer|ANSWER)\s*\d*[ \t]*$|(?:Sol|Soln|Solution|SOLUTION)\s*[:.]"
    r"|(?:Back|BACK)\s*[:：]|[✅✔]\ufe0f?"
    rf"|(?:{_ANSWERS_IN})\s*\d*\s*[:：])(?:(?P=b))?" + _A_AFTER
)
#: "A." alone: an answer marker only where no "B." option follows it (see :func:`_answer_dot`).
ANSWER_DOT = re.compile(_OPEN + r"A\s*\.(?:(?P=b))?" + _AFTER)
_OPTION_B = re.compile(r"^\s*(?:[-*•+]\s+)?(?:\*\*|__)?\(?B\s*[.):]")
#: "A:" or "A)" alone, the letter and no word: an option's as well as an answer's.
_LETTER_A = re.compile(_OPEN + r"\(?A\s*[:)]")
#: An answer marker inside a line, after the question's closing punctuation: "? A: ", "? * A: ".
ANSWER_INLINE = re.compile(
    # After the question's closing mark, or after a card separator ("Question: …::Answer: …", "… | A: …").
    r"(?:(?<=[?.!])\s*(?:[-*•]\s*)?|[ \t]*(?:::|\|)[ \t]*)(?P<b>\*\*|__)?"
    # "A:", or "A." as "Q." opened the question, unless a "B." follows: then they are its options.
    r"(?:(?:A|Ans|Answer)\s*:|(?:A|Ans)\.(?=[ \t])(?!.*\bB\.[ \t]))(?:(?P=b))?"
    # The bold the whole line is set in closing after the marker ("**Q3. Why …? Answer:**"): the question's.
    r"(?:(?<![*_])(?:\*\*|__)(?=[ \t]*$))?\s*"
)

_HIDDEN = f"[{clean.INVISIBLE}]*"
#: What every line QUESTION matches holds from its "Q" (or "F", or the question mark emoji) on, with room for the invisible characters that
#: cleaning (:func:`qadeck.parsers.repair.clean.strip_invisible`) removes before QUESTION sees the line. Each
#: opens with a literal, which lets one search of the raw text say that no line can ask: most files, told at
#: C speed (one pattern of the two would be tried at every character).
_MAY_ASK = (
    re.compile(f"Q{_HIDDEN}(?:{_HIDDEN.join('ues')}(?:{_HIDDEN}{_HIDDEN.join('tion')})?"
               f"|{_HIDDEN.join('UES')}(?:{_HIDDEN}{_HIDDEN.join('TION')})?)?(?:\\.{_HIDDEN})?"
               f"(?:[\\s\\d{clean.INVISIBLE}]*[:.)\\-–：]|[\\s\\d{clean.INVISIBLE}]*\\d/)"),
    re.compile(f"(?:{_HIDDEN.join('Question')}|{_HIDDEN.join('QUESTION')})[ \\t{clean.INVISIBLE}]*\\d[\\d{clean.INVISIBLE}]*"
               f"[ \\t{clean.INVISIBLE}]*$", re.MULTILINE),
    re.compile(f"F{_HIDDEN}(?:{_HIDDEN.join('ront')}|{_HIDDEN.join('RONT')})[\\s{clean.INVISIBLE}]*[:：]"),
    re.compile(f"Q{_HIDDEN}\\d[\\d{clean.INVISIBLE}]*[ \\t]+(?:\\*\\*|__)"),
)
#: The question emoji: looked up as literals, which a character class searched for is not.
_ASKING_EMOJI = ("❓", "❔")


#: A line opening with a question label in another language: searched from newline to newline, the
#: labels' first letters tried before the labels themselves (half the time on lines that hold none).
_MAY_ASK_IN = LineStart(re.compile(
    # Before the label, what QUESTION allows there (spaces, a number, a bullet, bold) and the invisible
    # characters cleaning drops, all of it taken as any run of marks and digits.
    r"^(?:[^\w\n]|\d)*"
    rf"(?=[{re.escape(''.join(sorted({c for word in _ASKING_WORDS for c in (word[0], word[0].upper())})))}])"
    rf"(?i:{'|'.join(_HIDDEN.join(word) for word in _ASKING_WORDS)})"
))


def may_ask(text: str) -> bool:
    """False when no line of ``text`` can open with a question marker."""
    return (any(pattern.search(text) for pattern in _MAY_ASK) or any(emoji in text for emoji in _ASKING_EMOJI)
            or _MAY_ASK_IN.found_in(text))


def is_marker(text: str) -> bool:
    return bool(QUESTION.match(text) or ANSWER.match(text))


def starts_question(line: Line) -> bool:
    return bool(QUESTION.match(line.text))


def opens_answer(line: Line) -> bool:
    return bool(ANSWER.match(line.text))


def holds_answer(line: Line) -> bool:
    return bool(_answer_inline(line.text))


def _answer_inline(text: str) -> re.Match[str] | None:
    """``ANSWER_INLINE.search(text)``, not tried on a text without the "A" and the ":" or "." every match holds.

    The pattern opens with a look-behind, which the engine tries at every character.
    """
    return ANSWER_INLINE.search(text) if "A" in text and (":" in text or "A." in text or "Ans." in text) else None


def find(source: Source) -> list[Entry]:
    if not may_ask(source.text):
        return []  # no line can start a question: split_items would find no item
    items = question_items(source)
    glue = learn_glue(items)
    return [_entry(item, glue) for item in items]


#: SuperMemo's Q&A text marks every line of a question ``Q:`` and every line of its answer ``A:``, and may close an
#: item with its learning data: ``I: REP=8 LAP=0 EF=3.2 …`` and ``O: 36`` (the item's place).
_EACH_LINE = "Q:"
#: A "Q:" line followed by another: searched from each "Q:" the text holds (the pattern opens with that literal).
_LINES_ASKED = re.compile(r"Q:[^\n]*\nQ:")
_ANSWER_LINE = re.compile(r"A:[ \t]?")
_LEARNING_DATA = re.compile(r"I:[ \t]*REP=\d|O:[ \t]*\d+[ \t]*$")


def question_items(source: Source) -> list[common.Item]:
    """Each question's lines, from its marker to the next question's: a question asked over several ``Q:``
    lines is one item."""
    items = common.split_items(common.read_lines(source), starts_question, holds_answer, opens_answer)
    return _joined_questions(items) if _LINES_ASKED.search(source.text) else items


def _joined_questions(items: list[common.Item]) -> list[common.Item]:
    """The items, a question written over several ``Q:`` lines one item: an item that is a lone ``Q:`` line
    opens the question of the item on the very next line, when that question is answered."""
    out: list[common.Item] = []
    held: list[Line] = []  # lone "Q:" lines, each right above the next
    for item in items:
        if held and (item.first.number != held[-1].number + 1 or not item.first.text.startswith(_EACH_LINE)
                     or len(item.lines) > 1 and not _answered(item)):
            out += [common.Item(item.section, [line]) for line in held]  # not one question: items as they were
            held = []
        if len(item.lines) == 1 and item.first.text.startswith(_EACH_LINE) and not holds_answer(item.first):
            held.append(item.first)
            continue
        if held:
            first = item.first
            item = common.Item(item.section, [*held, Line(first.number, _after_marker(first.text), first.code), *item.body])
            held = []
        out.append(item)
    return out + [common.Item(items[-1].section, [line]) for line in held] if held else out


def _answered(item: common.Item) -> bool:
    """Does the item's question have its answer marked, on its line or on a line of its own?"""
    return holds_answer(item.first) or any(opens_answer(line) for line in item.body)


def _answer_lines(answer: list[str]) -> list[str]:
    """An answer's lines, the ``A:`` marking each of its first lines and the learning data after them left out."""
    for index, text in enumerate(answer[1:], 1):
        if (marked := _ANSWER_LINE.match(text)) and all(line.strip() for line in answer[:index]):
            answer[index] = text[marked.end():]
        elif _LEARNING_DATA.match(text):
            answer[index] = ""
        elif text.strip():
            break
    return answer


def learn_glue(items: list[common.Item]) -> Glue:
    """What the source's marker lines and broken lines tell about glued code.

    ``items`` are :func:`common.split_items`' with :func:`starts_question`: a line after
    an item's first is code or no QUESTION line, so only code lines are tried for one.
    """
    clean_text = []
    for item in items:
        for index, line in enumerate(item.lines):
            text = line.text
            if not text:
                continue  # a blank line (a third of them) holds no marker
            asks = QUESTION.match(text) if index == 0 or line.code else None
            marker = asks or ANSWER.match(text)  # once a line, not twice
            if marker:
                clean_text.append(text[marker.end() :])
    broken = [line.text for item in items for line in common.continuation_lines(item, is_marker)]
    return Glue.learn(clean_text, broken)


def _after_marker(text: str) -> str:
    match = QUESTION.match(text) or ANSWER.match(text)
    return text[match.end() :] if match else text


def _entry(item: common.Item, glue: Glue) -> Entry:
    texts = [_after_marker(item.first.text)] + [line.text for line in item.body]
    asked, answer = split_answer(texts)
    if len(answer) > 1 and ":" in answer[1]:
        answer = _answer_lines(answer)
    if glue.applies and common.continuation_lines(item, is_marker):
        question = glue.repair("\n".join(line for line in asked if line.strip()))
        answer = glue.repair("\n".join(answer), answer=True).split("\n") if answer else []
    else:
        question = " ".join(line.strip() for line in asked)
    markdown = clean.answer_markdown(answer)
    return Entry(_tidy(question), markdown, item.first.number, item.last, item.section)


def split_answer(texts: list[str]) -> tuple[list[str], list[str]]:
    """The question's lines and the answer's lines (the answer marker dropped)."""
    for index, text in enumerate(texts):
        start = (ANSWER.match(text) or _answer_dot(texts, index)) if index else None
        if start and _LETTER_A.match(text) and any(_OPTION_B.match(later) for later in texts[index + 1 :]):
            start = None  # "- A: 2 4" over "- B: …": the first of lettered options, no answer's marker
        if start:
            return texts[:index], [_unbolded(text[start.end() :], start["b"])] + texts[index + 1 :]
        inline = _answer_inline(text)
        if inline:
            return texts[:index] + [text[: inline.start()]], [text[inline.end() :]] + texts[index + 1 :]
    # No marker: the question is its first line, or its lines up to the one that asks; under a marker alone on its
    # line ("Q2/"), the line right below it (after a blank line, text is the answer to a question not copied).
    first = 1 if len(texts) > 1 and not texts[0].strip() and texts[1].strip() else 0
    asks = next((i for i, text in enumerate(texts[first : first + 3], first) if ends_asking(text.rstrip())), first)
    answer = texts[asks + 1 :]
    if answer and (arrow := _ARROW.match(answer[0])):
        answer = [answer[0][arrow.end() :], *answer[1:]]
    return texts[: asks + 1], answer


def _unbolded(first: str, bold: str | None) -> str:
    """An answer's first line, without the bold mark that closes the bold its marker opened ("**Answer: 3**",
    "**Antwort: 4**,"): the marker took the opening mark, so one mark left on the line is its closing one."""
    if bold and first.count(bold) == 1:
        before, _, after = first.partition(bold)
        return before.rstrip() + after if after[:1] in ("", " ", ",", ".", ";") else before + after
    return first


#: An arrow opening the line under a question ("Q4. What is a switch?" over "➡ A device that …"), as revision
#: sheets copied from a chat mark the answer: the arrow points to it and is no part of it.
_ARROW = re.compile("^[ \t]*(?:➡️?|→|👉)[ \t]+")


def _answer_dot(texts: list[str], index: int) -> re.Match[str] | None:
    """"A. …" opening ``texts[index]`` as an answer marker (as "Q." opens a question), unless a "B." line
    follows it: then it is the first of lettered options."""
    found = ANSWER_DOT.match(texts[index]) if "A" in texts[index][:8] else None
    if found and any(_OPTION_B.match(text) for text in texts[index + 1 :]):
        return None
    return found


def _tidy(question: str) -> str:
    # "**Q: What is X?**": the marker took the opening "**", the closing one is left over.
    if question.count("**") % 2:
        question = re.sub(r"^\*\*|\*\*$", "", question.strip())
    return clean.tidy_question(question)


#: A question marker written with a dash ("Q1 - …", "Q - …"): the way notes also name a quartile or a quarter
#: ("Q1 - 1.5 IQR", "Q3 - revenue"), so alone in a file it says nothing.
_DASHED = re.compile(r"^\s*(?:[-*•+]\s+)?Q\d*\s*[-–]\s")


def _score(source: Source, entries: list[Entry]) -> float:
    """:func:`~.entries.marked_coverage`, where a lone entry marked with a dash is no layout: one item of a
    study note's list opening "Q1 - 1.5(IQR)" (a quartile) under topic headings is not its one card."""
    if len(entries) == 1 and _DASHED.match(source.text.split("\n", entries[0].line)[entries[0].line - 1]):
        return coverage(source, entries)
    return marked_coverage(source, entries)


LAYOUT = make_layout(
    NAME, "Marked pairs: Q:/A:, 1. Q: with • A:, **Q:**/**A:**, Q1./Ans:, Question:/Answer:", find, _score
)
