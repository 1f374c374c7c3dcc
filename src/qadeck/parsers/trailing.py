"""The answer that trails a question on its own line: hidden, labelled, in bold, or filling a blank.

    What is the largest planet? >!Jupiter!<                 hidden: Reddit's spoiler
    Who wrote Hamlet? ||Shakespeare||                        hidden: Discord's
    Is 7 prime? Answer: <span class="spoiler">Yes</span>     hidden: a spoiler span (MkDocs and blog notes)
    What port does FTP use? **Answer: 21**                   labelled: the answer's label in bold with it
    What does binary search cost? **O(log n)**               bold: a bold answer after the question mark
    The capital of France is ____ (Paris)                    blank: the blank's answer in brackets after it

Contract: :func:`split` takes one line's text (its list marker or number already off, or not: they
stay in the question) and returns a :class:`Trailing`, or None when the line carries no answer of
these shapes. Hidden and labelled answers are the author's own mark of an answer; a bold word after
a question mark or a bracket after a blank is one only where a file repeats the shape
(:mod:`.inline` counts them). Nothing here is HTML: the answer is the Markdown between the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .structure import SPACE

#: What a line carrying a trailing answer ends with, its spaces aside: the cheap test before the patterns.
ENDINGS = ("!<", "||", "</span>", "**", ")", "]", ").", "].")
#: The last characters of :data:`ENDINGS`: one test of a question's last character rules most questions out.
LAST_CHARACTERS = "<>|*)]."

#: Shapes, from the most to the least explicit.
HIDDEN, LABELLED, BOLD, BLANK = "hidden", "labelled", "bold", "blank"
#: The shapes that mark an answer whatever else the file holds.
MARKED = frozenset({HIDDEN, LABELLED})


@dataclass(frozen=True, slots=True)
class Trailing:
    #: The question, the line's text before the answer ("" when the line is the answer alone).
    question: str
    #: The answer as Markdown.
    answer: str
    #: One of HIDDEN, LABELLED, BOLD, BLANK.
    shape: str


#: An answer's label just before a hidden answer ("Answer: >!…!<", "**A:** ||…||"): no part of the question. The
#: hidden text touches its marks, as in the apps that hide it ("|| (2)   ||" is a diagram's lines, no spoiler).
_LABEL = rf"(?:^|(?<=[ \t]))(?:\*\*|__)?(?i:answer|ans|a)(?:\*\*|__)?{SPACE}*[:：](?:\*\*|__)?{SPACE}*"
_SPOILER_CLASS = rf"""class{SPACE}*={SPACE}*["'](?:[^"'\n]*{SPACE})?spoiler(?:{SPACE}[^"'\n]*)?["']"""
_HIDDEN = re.compile(
    rf"{SPACE}*(?:{_LABEL})?"
    rf"(?:>!(?P<reddit>(?=\S)(?:(?!!<)[^\n])+?(?<=\S))!<"
    rf"|\|\|(?P<discord>(?=\S)[^|\n]+?(?<=\S))\|\|"
    rf"|<span{SPACE}+{_SPOILER_CLASS}{SPACE}*>(?P<span>(?:(?!</span>)[^\n])+?)</span>)"
    rf"{SPACE}*$"
)
#: "**Answer: 21**", "**Answer:** 21", "**Ans: 21**" after the question.
_LABELLED = re.compile(
    rf"{SPACE}+\*\*(?i:answer|ans)(?:{SPACE}*[:：]{SPACE}*(?P<inside>(?:(?!\*\*)[^\n])+?)\*\*|{SPACE}*[:：]\*\*{SPACE}*(?P<after>\S[^\n]*?))"
    rf"{SPACE}*$"
)
#: A bold answer after a question mark: "…? **O(log n)**".
_BOLD = re.compile(rf"(?<=[?？]){SPACE}{{1,2}}\*\*(?=\S)(?P<answer>(?:(?!\*\*)[^\n])+?)(?<=\S)\*\*{SPACE}*$")
#: A blank (three underscores or more) before an answer in brackets at the line's end.
_BLANK = re.compile(
    rf"_{{3,}}[^\n]*?(?P<gap>{SPACE}*)(?:\((?P<round>[^()\n]+)\)|\[(?P<square>[^\[\]\n]+)\])[.!]?{SPACE}*$"
)
#: What a bracket after a blank says when it is a form's note, not the blank's answer: "(e.g. …)", "(one word)",
#: "(recommended: 2 hours)", "(ideal ≈ 2.0)", "(2 points)".
_NOTE = re.compile(
    r"[:=≈±]|^(?:e\.?g|i\.?e|ex|hint|optional|recommended|ideal|required|one word|two words|\d+\s*(?:points?|pts?|marks?))\b",
    re.IGNORECASE,
)
#: What opens a line that only looks like a question: a command line's prompt ("? Project name? **app**",
#: "✔ Use TypeScript? **No**"), or a quote.
_PROMPT = ("?", "✔", "✓", "✗", "❯", "›", "$", ">", "◆", "◇")
#: A task list's box: its items are decisions and to-dos, the bold after them a status ("- [x] Ship it? **Yes.**").
_TASK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[[ xX]\]")
#: A question quoted whole: someone's words, not the file's question ("\"Is it fast?\" **Yes**").
_QUOTED = re.compile(r"""^["'“‘«].*[?？]["'”’»]$""")


def split(text: str) -> Trailing | None:
    """The question and answer of a line whose answer trails its question (see the module docstring)."""
    line = text.rstrip()
    if not line.endswith(ENDINGS) and "nswer" not in line:
        return None  # most lines: no answer's mark at their end
    if line.endswith(("!<", "||", "</span>")) and (hidden := _HIDDEN.search(line)):
        answer = (hidden.group("reddit") or hidden.group("discord") or hidden.group("span")).strip()
        question = line[: hidden.start()].strip()
        # A table's row ("| x || y ||") or a wiki table's ("||a||b||") ends in bars too.
        table = hidden.group("discord") is not None and (question.startswith("|") or question.endswith("|"))
        if answer and not table:
            return Trailing(question, answer, HIDDEN)
    if "nswer" in line or "ns:" in line or "NSWER" in line:
        labelled = _LABELLED.search(line)
        if labelled and (answer := (labelled.group("inside") or labelled.group("after") or "").strip()):
            question = line[: labelled.start()].strip()
            return Trailing(question, answer, LABELLED) if question else None
    if line.endswith("**") and (bold := _BOLD.search(line)):
        question = line[: bold.start()].strip()
        if question and not question.startswith(_PROMPT) and not _QUOTED.match(question) and not _TASK.match(question):
            return Trailing(question, bold.group("answer").strip(), BOLD)
    if line.endswith(ENDINGS[-4:]) and "___" in line:
        blank = _BLANK.search(line)
        if blank:
            answer = (blank.group("round") or blank.group("square")).strip()
            if answer and not _NOTE.search(answer) and "_" not in answer:
                question = line[: blank.start("gap")].strip()
                return Trailing(question, answer, BLANK) if question.strip("_\\ ") else None
    return None
