"""Layout ``details``: HTML ``<details>`` blocks, the summary asking and the body answering.

    <details>
    <summary><b>What does `ls -l` show?</b></summary><br>

    Permissions, owner, size and modification time ...

    </details>

Blocks may sit several to a line (Anki exports) and bodies mix Markdown and
HTML; both are turned into Markdown. A ``<details>`` inside a body stays part
of that answer, unless its summary asks: then it is a follow-up question, a card of its own,
and the answer it sits in is the rest of the body (interview notes fold each follow-up under
the question it follows). Outside the blocks, a list item that is nothing but a bold
question (``- <b>…</b>``) is a question; the lines that carry the item on are
its answer, and without any it is a question listed without an answer; in notes without a fold,
where most such items are labels ("- **Setup:**" over its points), only those that ask. A summary that
sets an exercise ("Express using propositions: …") asks as a question does. Tags in
code fences and inline code are code, not structure.
"""

from __future__ import annotations

import bisect
import html
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from ..model import Source
from . import common
from .entries import Entry, coverage, make_layout, marked_coverage
from .headings import asks
from .titles import TITLE_WEIGHT
from .markup import inline_text
from .structure import (
    SPACE, Line, LineStart, answer_from, ends_asking, fold_label, heading, is_separator, names_faq,
    names_study, outline, outline_sections,
)

NAME = "details"

_INLINE_CODE = re.compile(r"(`+)[^\n]+?\1")
_BOLD_ITEM = re.compile(rf"^{SPACE}*[-*+]{SPACE}+(?:<(b|strong)>(.+)</\1>|\*\*(.+)\*\*){SPACE}*$", re.IGNORECASE)
_BOLD_ITEM_START = LineStart(_BOLD_ITEM)
_ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


@dataclass(frozen=True, slots=True)
class _Span:
    """Where one top-level block's parts are, as offsets into the scanned text."""

    start: int
    summary: tuple[int, int]
    body: tuple[int, int]
    end: int
    inner: tuple[_Span, ...] = ()  # the blocks directly inside the body


class _Open:
    """A block being scanned: where it starts, its first summary, and the blocks closed inside it."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.summary: tuple[int, int] | None = None
        self.summary_open: int | None = None
        self.inner: list[_Span] = []


class _Scanner(HTMLParser):
    """Finds top-level ``<details>`` blocks, their first ``<summary>``, and the blocks inside each block."""

    def __init__(self, starts: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = starts
        self.spans: list[_Span] = []
        self.open: list[_Open] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.open.append(_Open(self._offset()))
        elif tag == "summary" and self.open and self.open[-1].summary is None:
            self.open[-1].summary_open = self._offset() + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        block = self.open[-1] if self.open else None
        if tag == "summary" and block and block.summary_open is not None and block.summary is None:
            block.summary = (block.summary_open, self._offset())
        elif tag == "details" and block:
            self.open.pop()
            at = self._offset()
            summary = block.summary or (block.start, block.start)
            span = _Span(block.start, summary, (summary[1], at), self.rawdata.find(">", at) + 1 or at, tuple(block.inner))
            if self.open:
                self.open[-1].inner.append(span)
            else:
                self.spans.append(span)


class _Document:
    """The outline's lines joined into one text, with offsets mapped back to lines."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.text = "\n".join(line.text for line in lines)
        self.starts = [0]
        for line in lines:
            self.starts.append(self.starts[-1] + len(line.text) + 1)

    def index_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def lines_between(self, start: int, end: int) -> list[Line]:
        """The text between two offsets as numbered lines (the first and last may be partial)."""
        first = self.index_at(start)
        parts = self.text[start:end].split("\n")
        return [Line(self.lines[first + k].number, part, self.lines[first + k].code) for k, part in enumerate(parts)]

    def spans(self) -> list[_Span]:
        """The top-level blocks, found with code blanked out so its tags are not seen."""
        if not may_hold_block(self.text):
            return []  # most files: no need to mask and scan them
        masked = "\n".join(
            " " * len(line.text) if line.code else _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line.text)
            for line in self.lines
        )
        scanner = _Scanner(self.starts)
        scanner.feed(masked)
        scanner.close()
        return scanner.spans


def may_hold_block(text: str) -> bool:
    """``"<details" in text.lower()``, told without lowering a text that holds no "<" at all.

    Only "<" lowercases to a "<" (tested over every character), and most files hold none:
    a search for one character is a fraction of the cost of lowering the whole text.
    """
    return "<" in text and "<details" in text.lower()


def _entries(source: Source) -> list[Entry]:
    if not may_hold_block(source.text) and not _BOLD_ITEM_START.found_in(source.text):
        return []  # no block and no listed question: most files
    lines = outline(source)
    doc = _Document(lines)
    entries: list[Entry] = []
    inside: set[int] = set()
    after = 0  # the first line that no block or question asked before holds
    hints: set[int] = set()
    spans = _unwrapped(doc, doc.spans())
    labels = [fold_label(_summary(doc, span)) for span in spans]
    folded: tuple[int, str] | None = None  # a question's fold ("Question 2") and its text, before its answer's fold
    for place, span in enumerate(spans):
        first, last = doc.index_at(span.start), doc.index_at(max(span.end - 1, span.start))
        inside.update(range(first, last + 1))
        section = outline_sections(source)[first]
        question = _summary(doc, span)
        if labels[place] == "question":
            nested = next((inner for inner in span.inner if fold_label(_summary(doc, inner)) == "answer"), None)
            if nested is not None:  # "Question 1" folding the question and, inside it, its "Answer" fold
                entries.append(_folded_entry(doc, span, nested, section))
                after = last + 1
                continue
            # Numbered ("Question 2"), as the answer's fold is: a data file's entry may be the words "Question"
            # and "Answer", a card of its own.
            if labels[place + 1 : place + 2] in (["answer"], ["hint"]) and any(map(str.isdigit, question)):
                folded = (first, textwrap.dedent(answer_from(doc.lines_between(*span.body))[0]).strip())
                after = last + 1
                continue  # the next fold answers it (a hint's fold may stand between)
        if labels[place] == "hint" and labels[place + 1 : place + 2] == ["answer"] \
                and (folded or any(not line.blank for line in lines[after:first])):
            hints.update(range(first, last + 1))
            continue  # a hint folded between a question (the text or fold before it) and its answer: neither
        opening = first
        if labels[place] == "answer" and folded and folded[1]:
            opening, question = folded
        elif labels[place] == "answer":  # "Answer" folded under the question that stands before it
            opening, asked = _asked_before(doc, after, span.start, hints)
            question = asked or question  # nothing before it: its summary is a word asked (a vocabulary's)
            opening = opening if asked else first
        folded = None
        after = last + 1
        follow_ups = [inner for inner in span.inner if asks(_summary(doc, inner))]
        body = doc.lines_between(*span.body)
        if follow_ups:
            cut = {k for inner in follow_ups
                   for k in range(doc.index_at(inner.start), doc.index_at(max(inner.end - 1, inner.start)) + 1)}
            body = [Line(line.number, "", line.code) if line.number - 1 in cut else line for line in body]
        answer, end_line = answer_from(body)
        if answer and (answer[0] in "-*+" or answer[0].isdigit()) and _followed_up(question, answer):
            answer = ""  # the interviewer's follow-ups under the question: asked, not answered
        entries.append(Entry(question, answer, lines[opening].number, end_line or lines[last].number, section))
        for inner in follow_ups:
            inner_first = doc.index_at(inner.start)
            inner_answer, inner_end = answer_from(doc.lines_between(*inner.body))
            inner_last = lines[doc.index_at(max(inner.end - 1, inner.start))].number
            entries.append(Entry(_summary(doc, inner), inner_answer, lines[inner_first].number, inner_end or inner_last,
                                 section))
    entries.extend(_listed_questions(source, lines, inside))
    return sorted(_outside_faq_dropped(entries), key=lambda entry: entry.line)


def _outside_faq_dropped(entries: list[Entry]) -> list[Entry]:
    """``entries`` less the folds outside a page's FAQ section that only offer to show something ("Show
    example", "Click to expand", "View the full config"), where its questions are folded under a heading naming
    a FAQ: a README folds its long examples too, in the sections before its FAQ. Folds there that name a
    topic or a problem ("Verify that the server runs") stay entries."""
    faq = {entry.section for entry in entries if entry.section and asks(entry.question) and names_faq(entry.section)}
    if not faq:
        return entries
    return [entry for entry in entries if entry.section in faq or not _SHOWING.match(entry.question)
            or ends_asking(entry.question) or names_faq(entry.section)]


#: A summary that offers to show what the fold holds: a verb of showing first.
_SHOWING = re.compile(r"^[^\w]*(?:show|see|view|reveal|expand|click|toggle|display)\b", re.IGNORECASE)


#: A heading's marks, as a summary wrapping an ``<h3>`` reads: the summary's text is the question, not its heading.
_HEADING_MARKS = re.compile(r"^#{1,6}[ \t]+")


def _followed_up(question: str, answer: str) -> bool:
    """Is ``answer`` (a list) only the follow-up questions an interviewer asks after ``question``, which asks
    (see :func:`common.followed_up`)?"""
    return common.followed_up(question, answer.split("\n")) and asks(question)


def _summary(doc: _Document, span: _Span) -> str:
    text = inline_text(doc.text[span.summary[0] : span.summary[1]])
    if "&" in text and "`" in text:
        # A summary is HTML: "`Queue&lt;T&gt;`" there is the code "Queue<T>", escaped so that the tag stays text.
        text = _INLINE_CODE.sub(lambda found: html.unescape(found.group(0)), text)
    return _HEADING_MARKS.sub("", text, count=1) if text[:1] == "#" else text


#: Where a summary closes: the one tag a body's text opens with (see :class:`_Scanner`).
_SUMMARY_CLOSE = re.compile(r"</summary\s*>", re.IGNORECASE)


def _unwrapped(doc: _Document, spans: list[_Span]) -> list[_Span]:
    """``spans`` with each block that holds nothing but two or more blocks (a "Questions" fold around the page's
    question folds) replaced by the blocks it holds: those are the cards, the outer one only hides them."""
    out: list[_Span] = []
    for span in spans:
        if len(span.inner) < 2:
            out.append(span)
            continue
        text, at = [], span.body[0]
        for inner in span.inner:
            text.append(doc.text[at : inner.start])
            at = inner.end
        text.append(doc.text[at : span.body[1]])
        out.extend(span.inner if not _SUMMARY_CLOSE.sub("", "".join(text)).strip() else (span,))
    return out


def _folded_entry(doc: _Document, span: _Span, nested: _Span, section: str) -> Entry:
    """The card of a fold that only names a question ("Question 1") over the question's text and, inside, the
    fold of its answer: that text asks, the inner fold's body answers."""
    lines = doc.lines
    cut = set(range(doc.index_at(nested.start), doc.index_at(max(nested.end - 1, nested.start)) + 1))
    body = [Line(line.number, "", line.code) if line.number - 1 in cut else line
            for line in doc.lines_between(span.body[0], nested.start)]
    question, _ = answer_from(body)
    question = textwrap.dedent(question).strip()  # the inner block's indent is markup's, not the text's
    answer, end_line = answer_from(doc.lines_between(*nested.body))
    last = lines[doc.index_at(max(span.end - 1, span.start))].number
    return Entry(question or _summary(doc, span), answer, lines[doc.index_at(span.start)].number, end_line or last,
                 section)


#: A list item's marker before a question's text.
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _asked_before(doc: _Document, after: int, start: int, hints: set[int]) -> tuple[int, str]:
    """The question a fold labelled "Answer" answers, and the index of its first line: the list item the fold
    is indented under ("1. What is …?"), else the text between the last block (or ``after``) and the fold,
    from the nearest heading's title down; hints' folds left out."""
    lines = doc.lines
    end = doc.index_at(start)
    head = doc.text[doc.starts[end] : start]  # the fold's own line before the fold: its list item's text
    if head.strip():
        begin = end
    else:
        begin = next((index for index in range(end - 1, after - 1, -1) if heading(lines[index])), after)
        depth = _indent(lines[end].text)
        item = next((index for index in range(end - 1, begin - 1, -1)
                     if not lines[index].blank and index not in hints), None)
        while item is not None and item > begin and _indent(lines[item].text) >= depth:
            item -= 1  # the item's own lines under its opening one
        if depth and item is not None and _MARKER.match(lines[item].text) and _indent(lines[item].text) < depth:
            begin = item  # the fold is indented under a list item: that item asks
    asked = [(index, line) for index, line in enumerate(lines[begin:end], begin) if index not in hints]
    if head.strip():
        asked.append((end, Line(lines[end].number, head, lines[end].code)))
    while asked and (asked[0][1].blank or _unasking(asked[0][1], len(asked) > 1)):
        asked.pop(0)
    if not asked:
        return end, ""
    first = asked[0][0]  # the question's lines start here, an empty code cell before its text among them
    asked = _without_empty_code(asked)
    while asked and asked[0][1].blank:
        asked.pop(0)
    if not asked:
        return end, ""
    line = asked[0][1]
    title = heading(line)
    below = next((other for _, other in asked[1:] if not other.blank), None)
    if title and below is not None and not asks(title[1]) and _MARKER.match(below.text):
        # A worksheet's section ("## Transport") over its numbered exercise: the item asks, the title is its section.
        asked = asked[next(k for k, (_, other) in enumerate(asked) if other is below):]
        line, title = below, None
    text = title[1] if title else _MARKER.sub("", line.text, count=1).strip()
    question, _ = answer_from([Line(line.number, text, False), *(line for _, line in asked[1:])])
    return first, question


_FENCE_LINE = re.compile(r"^\s*(?:```|~~~)")


def _without_empty_code(asked: list[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """``asked`` without its empty code blocks: a notebook's cell left for the learner to fill asks nothing."""
    if not any(line.code for _, line in asked):
        return asked
    out: list[tuple[int, Line]] = []
    block: list[tuple[int, Line]] = []
    for entry in [*asked, (-1, Line(0, "", False))]:
        if entry[1].code:  # fences included
            block.append(entry)
            continue
        if block and any(line.text.strip() and not _FENCE_LINE.match(line.text) for _, line in block):
            out += block
        block = []
        if entry[0] >= 0:
            out.append(entry)
    return out


#: A line that only labels an exercise by its number ("**Exercise 1.**", "Problem 2:"): its statement follows.
_ITEM_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?(?:exercise|problem|question|task)\s*\d{1,3}(?:\.\d{1,3})*[a-z]?\s*[.:)]?(?:\*\*|__)?\s*[.:]?\s*$",
    re.IGNORECASE,
)


def _unasking(line: Line, more: bool) -> bool:
    """Is ``line``, first of the text a fold labelled "Answer" follows, no part of the question: the title of
    the section of exercises it opens, a rule parting it from the exercise before, or (with the statement
    below it) the exercise's label?"""
    title = heading(line)
    if title is not None:
        return names_study(title[1])
    return not line.code and is_separator(line.text) or more and _ITEM_LABEL.match(line.text) is not None


def _listed_questions(source: Source, lines: list[Line], inside: set[int]) -> list[Entry]:
    # Section titles are asked for only when a question is found: most files have none.
    out: list[Entry] = []
    for index, line in enumerate(lines):
        match = None if line.code or index in inside else _BOLD_ITEM.match(line.text)
        words = (match.group(2) or match.group(3)) if match else ""
        if words and not re.search(r"\*\*|</?b>|</?strong>|\]\(|<a\b", words, re.IGNORECASE):
            answer, last = answer_from(_item_body(lines, index, inside))
            out.append(Entry(inline_text(words), answer, line.number, last or line.number, outline_sections(source)[index]))
    if not out or may_hold_block(source.text):
        return out
    asking = [entry for entry in out if asks(entry.question) and not entry.question.endswith((":", "："))]
    if 2 * len(asking) < len(out):
        # Notes without a fold, their bold list items mostly labels ("- **Setup:**", "- **How it works:**" over
        # their points): only those that ask are questions.
        return asking
    return out


def _item_body(lines: list[Line], index: int, inside: set[int]) -> list[Line]:
    """The lines under the list item at ``index`` that carry it on (dedented): its answer, when it has one.

    Lines indented deeper than the item belong to it, blank lines between them too; a line
    as shallow as the item belongs to it only when it starts nothing (no list item, no heading).
    """
    indent = _indent(lines[index].text)
    body: list[Line] = []
    for k in range(index + 1, len(lines)):
        line = lines[k]
        if k in inside:
            break
        if line.blank:
            later = next((other for other in lines[k + 1 :] if not other.blank), None)
            if later is None or _indent(later.text) <= indent:
                break
        elif _indent(line.text) <= indent and (_ITEM_START.match(line.text) or heading(line)):
            break
        body.append(line)
    cut = min((_indent(line.text) for line in body if not line.blank), default=0)
    return [Line(line.number, line.text[cut:] if not line.blank else "", line.code) for line in body]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


#: The least score of a page whose blocks fold answers under questions: the author made those the cards,
#: whatever else the page holds (notes with a few question callouts among sections of prose, see
#: :mod:`qadeck.markups.callouts`). As much as headings read as card titles can score (this layout
#: comes first, so wins the tie); question headings that explain more of the page still win.
FOLDED_QUESTIONS = TITLE_WEIGHT


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """:func:`coverage`, at least :data:`FOLDED_QUESTIONS` when most blocks ask and answer (one is a
    deck of one then); a data file's or a quiz's one entry is a deck of one (its reader wrote the block:
    no page's lone "Click to expand" block)."""
    from .. import markups  # the readers import the parsers' helpers: imported when first needed

    if len(entries) == 1 and source.path.suffix.lower() in markups.ENTRY_FILES:
        return marked_coverage(source, entries)
    asking = sum(1 for entry in entries if entry.answer and (asks(entry.question) or _TASK.match(entry.question)))
    if asking and 2 * asking >= len(entries) or len(entries) > 1 and 2 * _answer_folds(source.text) >= len(entries):
        return max(FOLDED_QUESTIONS, marked_coverage(source, entries))
    return coverage(source, entries)


_SUMMARY = re.compile(r"<summary[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
#: A summary that sets an exercise ("Express using propositions: …", "Simplify (x+1)²", "Translate: …"): the fold
#: holds its worked answer, as a question's would. Verbs that set work on what follows, not a fold's labels
#: ("Full log", "Show output").
_TASK = re.compile(
    r"^(?:express|translate|convert|rewrite|simplify|evaluate|solve|compute|determine|negate|factor|expand|"
    r"conjugate|diagram|sketch|predict|classify)\b[^\n]*\S",
    re.IGNORECASE)


def _answer_folds(text: str) -> int:
    """How many folds are labelled as answers ("Example solution"): each answers the prompt before it, an
    exercise's ("Use Enum.map/2 to …") as much as a question, and the author made those the cards."""
    return sum(1 for summary in _SUMMARY.findall(text) if fold_label(inline_text(summary)) == "answer")


LAYOUT = make_layout(
    NAME,
    "HTML <details><summary>question</summary> answer</details> blocks",
    _entries,
    _score,
)
