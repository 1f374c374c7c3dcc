"""Layout ``prose``: answer paragraphs whose questions were lost; qadeck infers them.

    12 Questions About Containers                     <- title
    Get ready for your interview with this guide.     <- about the page: front matter
    Containers changed how software ships. ...        <- intro, inside the front matter
    This article collects the questions you will meet. <- about the page: front matter ends
    A container is a running image with its own ...   <- card "What is a container?"
    To build an image, write a Dockerfile. Example:   <- card "How do you build an image?"
    from flask import Flask app = Flask(__name__)     <- that card's code, fenced (Python re-flowed)

Each paragraph after the front matter is one card whose question
:mod:`qadeck.parsers.repair.infer` infers (``inferred=True``: ``qadeck check`` lists them for
review); a code line after a paragraph is that answer's example. A paragraph is a blank-line separated block, or each line
of a block whose lines all end a sentence (pages copied as text lose their
blank lines); a block's first line is a title of its own when it reads like
one and the line after it does not carry on in lowercase.

The front matter (title, subtitle, intro) is not answers. Whether a paragraph
is an intro cannot be read from its words, but a page's front matter nearly
always says what the page is ("this article", "interview questions") or
repeats its subtitle. So the front matter runs to the last paragraph that
talks about the page or repeats an earlier one, with at most
:data:`MAX_INTRO` other paragraphs before it; anything further is content.
Paragraphs about the page later on (a closing "These answers …") are dropped
too. Detection scores at most :data:`PROSE_SCORE`: any layout that finds real
questions should win over guessing them.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, replace

from .repair import clean, codeflow, infer
from ..model import Finding, ParseResult, Source
from . import common
from .base import Layout
from .entries import Entry, result
from .headings import asks
from .structure import Line, ends_asking

NAME = "prose"
PROSE_SCORE = 0.3
#: Paragraphs that neither talk about the page nor repeat one that the front matter may hold.
MAX_INTRO = 2
_SENTENCE_END = (".", "!", "?", ":")
#: "Q:", "Question 3:", "**Q1.**": a line that asks, whatever follows it.
_QUESTION_MARKER = re.compile(r"^\s*(?:\*\*|__)?(?:Q|Question)\s*\d*\s*[:.)]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[Line, ...]
    code: bool

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)

    @property
    def fenced(self) -> bool:
        """A fenced code block of the source itself (kept as written)."""
        return self.lines[0].code

    @property
    def heading(self) -> bool:
        return len(self.lines) == 1 and not self.code and clean.heading_shaped(self.text)


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    # Each paragraph's lines and whether its last line is code, grown in place (a tuple grown a line
    # at a time is copied each time: quadratic in a paragraph of thousands of lines).
    found: list[list[Line]] = []
    codes: list[bool] = []
    for group in common.paragraphs(lines):
        title = _is_title(group)
        if title:
            found.append(group[:1])
            codes.append(False)
        body = group[1:] if title else group
        text_lines = [line for line in body if not codeflow.looks_like_code(line.text)]
        one_per_line = all(line.text.rstrip().endswith(_SENTENCE_END) for line in text_lines)
        start = len(found)  # paragraphs from here on hold lines of this body (no list scan: linear)
        for line in body:
            code = line.code or codeflow.looks_like_code(line.text)
            ours = len(found) > start
            in_fence = line.code and ours and found[-1][0].code  # a fenced block of the source
            joins = ours and not code and not one_per_line and not codes[-1]
            if in_fence or joins:
                found[-1].append(line)
                codes[-1] = code
            else:
                found.append([line])
                codes.append(code)
    return [Paragraph(tuple(group), code) for group, code in zip(found, codes)]


def _is_title(group: list[Line]) -> bool:
    """A block's first line is a title when it reads like one and the next line does not continue it."""
    if not clean.heading_shaped(group[0].text):
        return False
    return len(group) == 1 or not group[1].text.lstrip()[:1].islower()


def front_matter_end(found: list[Paragraph]) -> int:
    """Index of the first paragraph after the title, subtitle and intro."""
    end, plain, seen = 0, 0, set()
    for index, paragraph in enumerate(found):
        key = " ".join(paragraph.text.lower().split())
        about_page = clean.is_commentary(paragraph.text) or key in seen or (index == 0 and paragraph.heading)
        seen.add(key)
        if about_page:
            end = index + 1
            continue
        plain += 1
        if paragraph.code or plain > MAX_INTRO:
            break
    return end


def parse(source: Source) -> ParseResult:
    found = paragraphs(common.read_lines(source))
    proper = infer.proper_nouns(source.text)
    entries, unasked, written = _entries(found[front_matter_end(found) :], proper)
    parsed = result(source, NAME, entries)
    findings = [Finding("no question", source.name, p.lines[0].number, _lead(p.text)) for p in unasked]
    return replace(
        parsed,
        cards=tuple(card if card.lines[0] in written else replace(card, inferred=True) for card in parsed.cards),
        findings=(*parsed.findings, *findings),
    )


def _entries(found: list[Paragraph], proper: frozenset[str]) -> tuple[list[Entry], list[Paragraph], set[int]]:
    """Entries with inferred questions, the paragraphs no question could be inferred for, and the first lines
    of the paragraphs that open by asking their question (no question inferred there)."""
    entries: list[Entry] = []
    unasked: list[Paragraph] = []
    written: set[int] = set()
    section = ""
    follows_card = False  # a code paragraph belongs to the card above it, not to an unasked paragraph
    for paragraph in found:
        if paragraph.heading:
            section = clean.clean_heading(paragraph.text)
        elif paragraph.code and entries and follows_card:
            last = entries[-1]
            code = _dedent(paragraph) if paragraph.fenced else fence(paragraph.text)
            answer = f"{last.answer}\n\n{code}"
            entries[-1] = replace(last, answer=answer, last=paragraph.lines[-1].number)
        elif not paragraph.code and (asked := _asked(paragraph)):
            follows_card = True
            entries.append(Entry(*asked, paragraph.lines[0].number, paragraph.lines[-1].number, section))
            written.add(paragraph.lines[0].number)
        elif not paragraph.code and not clean.is_commentary(paragraph.text):
            question = infer.infer_question(paragraph.text, proper)
            follows_card = question is not None
            if question is None:
                unasked.append(paragraph)
                continue
            answer = clean.answer_markdown([line.text for line in paragraph.lines])
            entries.append(Entry(question, answer, paragraph.lines[0].number, paragraph.lines[-1].number, section))
    return entries, unasked, written


#: The longest question a paragraph opens with before its answer on the same line.
_LONGEST_ASKED = 200


def _asked(paragraph: Paragraph) -> tuple[str, str] | None:
    """(question, answer) of a paragraph that opens by asking, its answer after the question mark on the
    same line ("What is a container? A process isolated with namespaces."): nothing to infer there."""
    first = paragraph.lines[0].text
    at = first.find("? ")
    if at < 0:
        return None
    question, rest = clean.tidy_question(first[: at + 1]), first[at + 2 :].strip()
    if not rest or len(question) > _LONGEST_ASKED or not asks(question[:-1]):
        return None  # "Really? Yes.": a question needs its asking word, its mark alone says too little
    return question, clean.answer_markdown([rest, *(line.text for line in paragraph.lines[1:])])


def _lead(text: str, words: int = 8) -> str:
    """The opening words of a paragraph no question was found for, as ``check`` shows it."""
    split = text.split()
    lead = " ".join(split[:words]) + ("…" if len(split) > words else "")
    return f'left out, no question can be inferred: "{lead}"'


def _dedent(paragraph: Paragraph) -> str:
    return textwrap.dedent("\n".join(line.text for line in paragraph.lines))


def fence(code: str) -> str:
    """A fenced code block; flattened Python gets its lines back when that is certain."""
    language = codeflow.language(code)
    body = (codeflow.reflow_python(code) if language == "python" else None) or code.strip()
    return f"```{language}\n{body}\n```"


def detect(source: Source) -> float:
    """:data:`PROSE_SCORE` for two or more answer paragraphs and not one question line."""
    if any(asks_question(line) for line in common.read_lines(source) if not line.code):
        return 0.0
    return PROSE_SCORE if len(parse(source).cards) >= 2 else 0.0


def asks_question(line: Line) -> bool:
    """A line that asks: it ends in "?", opens with a question marker ("Q:", "Question 3."), or is a
    table row whose first cell ends in "?" (``| **Why …?** | … |``)."""
    text = line.text
    if ends_asking(text.rstrip(" *_")) or _QUESTION_MARKER.match(text):
        return True
    return text.lstrip().startswith("|") and ends_asking(text.strip().strip("|").split("|")[0].rstrip(" *_"))


LAYOUT = Layout(NAME, "Answer paragraphs without questions; questions are inferred", detect, parse, PROSE_SCORE)
