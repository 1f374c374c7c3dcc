"""Layout ``pairs``: plain-text flashcards, a question line and its answer on the line(s) below it.

    What is the capital of France?        AWS Region
    Paris                                 Clusters of data centres in one geographic area.
                                          IAM
    Who wrote Hamlet?                     Identity and Access Management.
    Shakespeare

Flashcard apps and people typing cards by hand save them so, with no marker at
all: the card is the lines' shape. Two shapes are read:

- **paragraphs**: cards apart by blank lines, each paragraph's first line the
  question and the lines under it the answer (when cards are parted by two or
  more blank lines, one blank line may part a question from its answer). A
  line standing alone between cards is a section title, or, ending in ``?``,
  a question not answered yet;
- **alternating lines**: no blank line between cards, the lines going
  question, answer, question, answer. Only taken when the lines say so: the
  questions ask (end in ``?``) where the answers do not, or short terms stand
  before definitions at least twice as long, and read one line later the
  pairs would not say it.

A paragraph may hold several cards with no blank line between them, as
answers pasted from a chat or a revision sheet are: its first line a label
(``Binding in RMI:``) and further labels like it, each after a line that
closes a sentence, opening the next card.

Files with markup of their own (headings, lists, numbered items, tables,
labels, code) are other layouts' and fail the first look at their opening
lines. Prose whose paragraphs are hard-wrapped is told by its first lines
running on into the next. Detection scores the coverage scaled down, so that
any layout with markup of its own that explains the file as well wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Source
from . import common
from .entries import LABEL, Entry, coverage, make_layout
from .repair import clean
from .separated import SEPARATORS
from .structure import QUESTION_ENDS, Line, heading, outline

NAME = "pairs"

#: A line opening with these is markup (heading, list, numbered item, quote, table, HTML, label, fence):
#: a question line never does.
_MARKUP = re.compile(
    r"^\s*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>|\||<[a-zA-Z!/]|```|~~~"
    r"|(?:q|a|question|answer|ans|front|back)\s*\d*\s*(?:[:.)-]\s|[-=]+>))",
    re.IGNORECASE,
)
#: An answer's label opening a line: "A: ", "Ans - ", "ans=>".
_ANSWER_LABEL = re.compile(r"^\s*(?:a|answer|ans)\s*\d*\s*(?:[:.)-]\s|[-=]+>)", re.IGNORECASE)
#: A rule or a setext heading's underline: markup, wherever it stands.
_RULE = re.compile(r"^\s*([=~^*_+#-])\1{2,}\s*$")
#: How many of the first lines with text are looked at before anything else.
_SAMPLE = 40
#: A question line longer than this is a paragraph of prose.
_LONGEST = 200
#: A first line this long that runs on (no closing punctuation, the next line in lower case) is
#: hard-wrapped prose, not a question.
_WRAPPED = 50
#: Share of the paragraphs that must hold a question and its answer.
_CARDS_SHARE = 0.6
#: Share of those whose first line must stand on its own.
_STANDING = 0.8
#: A term is at most this long; its definition at least this many times as long, on average.
_TERM = 60
_DEFINITION_RATIO = 2.0
#: A section title standing alone has at most this many words (or ends in ":").
_TITLE_WORDS = 6
#: Fewer cards than this are no deck of paired lines: two could be any two paragraphs.
_FEWEST = 3
#: A label opening one of several cards in a paragraph is at most this long.
_LABEL = 100
#: A line an answer's sentence closes on.
_SENTENCE_ENDS = (".", "!", ")")

#: Detection's score is the coverage scaled by this (below outline's): a file with no markup at all
#: is any layout's that explains it as well.
_MODESTY = 0.85


def _unlabelled(lines: list[Line]) -> list[Line]:
    """``lines`` without the two labels an app wrote before every question and every answer ("Term: …" then
    "Definition: …", "term:…" then "def:…", "🤔 …" then "💡 …"): where the lines that open with a label alternate between the same
    two, from the first line with text on, those labels are no card's text."""
    marked = [(index, m) for index, line in enumerate(lines) if (m := LABEL.match(line.text))]
    words = [m.group(1) or m.group(2) for _, m in marked]
    first = next((line for line in lines if not line.blank), None)
    if (len(marked) < 4 or first is None or not LABEL.match(first.text) or words[0] == words[1]
            or any(word != words[i % 2] for i, word in enumerate(words))):
        return lines
    stripped = list(lines)
    for index, m in marked:
        line = lines[index]
        stripped[index] = Line(line.number, line.text[m.end() :], line.code)
    return stripped


def _titled(text: str) -> bool:
    """A line standing alone that reads as a section title: short, capitalised, no sentence or remark
    ("Databases:", "Networking"; not "see the separate file")."""
    return (
        len(text) <= _TERM and text[:1].isupper() and not text.endswith((".", "!", ",", ";"))
        and (text.endswith(":") or len(text.split()) <= _TITLE_WORDS)
    )


def _groups(lines: Sequence[Line]) -> list[tuple[int, list[Line]]]:
    """(blank lines before it, its lines) for each run of lines with text."""
    groups: list[tuple[int, list[Line]]] = []
    blanks = 0
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append((blanks, current))
                current, blanks = [], 0
            blanks += 1
        else:
            current.append(line)
    if current:
        groups.append((blanks, current))
    return groups


def _asks(text: str) -> bool:
    return text.rstrip().endswith(QUESTION_ENDS)


def stands_alone(first: str, following: str) -> bool:
    """False for the first line of a hard-wrapped paragraph: long, running on into the next line."""
    first = first.rstrip()
    runs_on = first[-1:].isalnum() or first.endswith((",", "-"))
    return not (len(first) >= _WRAPPED and runs_on and following.lstrip()[:1].islower())


def question_line(text: str) -> bool:
    """A line that can be a question: short, no markup, a word in it (no rule drawn with "////")."""
    return len(text.strip()) <= _LONGEST and not _MARKUP.match(text) and (text.upper() != text.lower() or _asks(text))


def _one_line_cards(lines: Sequence[Line]) -> bool:
    """True for a paragraph of one-line cards ("term - definition" lines): the separated layout's shape."""
    first = lines[0].text
    return any(
        separator in first and sum(separator in line.text for line in lines) >= 0.8 * len(lines)
        for separator in SEPARATORS
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _several_terms(lines: Sequence[Line]) -> bool:
    """True for an outline of several terms, each with its lines indented under it: no one card."""
    if len(lines) < 3:
        return False
    top = _indent(lines[0].text)
    return _indent(lines[1].text) > top and any(_indent(line.text) <= top for line in lines[2:])


def _card_paragraph(lines: Sequence[Line]) -> bool:
    """True for a paragraph that reads as one card: a question line at the margin with its answer below (a
    question indented over a deeper answer is the outline layout's)."""
    first = lines[0].text
    return (
        len(lines) > 1 and first[:1] not in " \t" and question_line(first)
        and not _one_line_cards(lines) and not _several_terms(lines)
    )


def _asking(pairs: Sequence[tuple[Line, Line]]) -> bool:
    """True when most questions ask (end in "?") and hardly any answer does."""
    asking = sum(_asks(q.text) for q, _ in pairs)
    answering = sum(_asks(a.text) for _, a in pairs)
    return asking * 2 >= len(pairs) and answering * 10 <= len(pairs)


def _defining(pairs: Sequence[tuple[Line, Line]]) -> bool:
    """True when short terms stand before definitions at least twice as long (on average)."""
    terms = [(q.text.strip(), a.text.strip()) for q, a in pairs]
    short = sum(len(q) <= _TERM and not q.endswith(".") and len(a) > len(q) for q, a in terms)
    total_q = sum(len(q) for q, _ in terms)
    total_a = sum(len(a) for _, a in terms)
    return short >= 0.8 * len(terms) and total_a >= _DEFINITION_RATIO * total_q


def _alternates(pairs: Sequence[tuple[Line, Line]], shifted: Sequence[tuple[Line, Line]]) -> bool:
    """True when the pairs read as question then answer and, read one line later, would not so."""
    return any(test(pairs) and not test(shifted) for test in (_asking, _defining))


def _alternating(groups: list[tuple[int, list[Line]]]) -> list[Entry] | None:
    """Entries when every run of lines is question, answer, question, answer... (a title line aside)."""
    runs = [lines for _, lines in groups]
    title = ""
    if runs and len(runs[0]) % 2 and len(runs[0]) > 1:
        title = runs[0][0].text.strip()
        runs = [runs[0][1:], *runs[1:]]
    if not runs or any(len(run) % 2 for run in runs) or max(len(run) for run in runs) < 4:
        return None
    pairs = [(run[i], run[i + 1]) for run in runs for i in range(0, len(run), 2)]
    shifted = [(run[i], run[i + 1]) for run in runs for i in range(1, len(run) - 1, 2)]
    if not _alternates(pairs, shifted):
        return None
    if not all(question_line(q.text) for q, _ in pairs):
        return None
    del title  # a title names the deck, not a section of it
    return [Entry(clean.tidy_question(q.text), a.text.strip(), q.number, a.number) for q, a in pairs]


def _cards(groups: list[tuple[int, list[Line]]]) -> list[tuple[int, list[Line]]]:
    """The groups as cards: when cards are parted by two blank lines or more and a question from its
    answer by one, the groups between two wide gaps are one card."""
    gaps = [blanks for blanks, _ in groups[1:]]
    if not gaps or not any(g == 1 for g in gaps) or sum(g >= 2 for g in gaps) * 3 < len(gaps):
        return groups
    merged: list[tuple[int, list[Line]]] = []
    for blanks, lines in groups:
        if merged and blanks == 1:
            merged[-1] = (merged[-1][0], merged[-1][1] + lines)
        else:
            merged.append((blanks, list(lines)))
    return merged


def _paragraphs(groups: list[tuple[int, list[Line]]]) -> list[Entry]:
    cards = _cards(groups)
    multi = [lines for _, lines in cards if _card_paragraph(lines)]
    if len(multi) < 2 or len(multi) < _CARDS_SHARE * len(cards):
        return []
    standing = sum(stands_alone(lines[0].text, lines[1].text) for lines in multi)
    if standing < _STANDING * len(multi):
        return []
    entries = []
    section = ""
    carried: list[Line] = []  # a label that closed the paragraph before, its answer still to come
    for at, (_, lines) in enumerate(cards):
        if carried:
            lines, carried = carried + lines, []
        first = lines[0]
        if not question_line(first.text) or (len(lines) > 1 and not _card_paragraph(lines)):
            continue
        if len(lines) == 1:
            text = first.text.strip()
            if _asks(text):
                entries.append(Entry(clean.tidy_question(text), "", first.number, first.number, section))
            elif _titled(text):
                section = text.rstrip(":").strip()
            continue
        if not _asks(first.text) and _question_list(lines[1:]):
            section = first.text.strip().rstrip(":").strip()  # a topic over the questions it lists: asked, not answered
            continue
        split = _split_labelled(lines)
        following = cards[at + 1][1][0].text.strip() if at + 1 < len(cards) else ""
        if len(split) > 1 and len(split[-1]) == 1 and following and not following.endswith(":") and not _asks(following):
            carried = split.pop()
        for card in split:
            answer = clean.answer_markdown([line.text for line in card[1:]])
            entries.append(Entry(clean.tidy_question(card[0].text), answer, card[0].number, card[-1].number, section))
    return entries


def _label(text: str) -> bool:
    """A line that can label a card inside a paragraph: short, capitalised, ending in ":", a name with no
    sentence or clause in it ("Layers of RMI Architecture:", not "Finally, it accepts one more:")."""
    text = text.strip()
    return (len(text) <= _LABEL and text.endswith(":") and text[:1].isupper() and question_line(text)
            and not re.search(r"[.!?;]\s|,", text) and not clean.starts_list_item(text))


def _split_labelled(lines: list[Line]) -> list[list[Line]]:
    """A card paragraph as the cards it holds: when its first line is a label (ends in ":") or asks, each
    later label standing after a line that closes a sentence and over a line that is not a list item
    ("… as follows:" over bullets stays in its answer) opens a card of its own. A label closing the
    paragraph is a card of one line: its answer is the next paragraph's (a page break came between)."""
    first = lines[0].text.strip()
    if not first.endswith(":") and not _asks(first):
        return [lines]
    starts = [0]
    for at in range(2, len(lines)):
        if (at - starts[-1] >= 2 and _label(lines[at].text) and lines[at - 1].text.rstrip().endswith(_SENTENCE_ENDS)
                and (at + 1 == len(lines) or not clean.starts_list_item(lines[at + 1].text))):
            starts.append(at)
    return [lines[start:end] for start, end in zip(starts, [*starts[1:], len(lines)])]


def _question_list(lines: list[Line]) -> bool:
    """Are ``lines`` a bulleted list of questions (:func:`common.lists_only_questions`) under at most one line
    naming a subtopic (a question bank's topic over what an interviewer may ask about it)?"""
    lines = [line for line in lines if not line.blank]
    start = 1 if len(lines) > 1 and not clean.starts_list_item(lines[0].text) else 0
    return common.lists_only_questions([line.text for line in lines[start:]])


def find(source: Source) -> list[Entry]:
    lines = outline(source)
    # The first look: a file with markup of its own in its opening lines is another layout's.
    # (the lines that open a paragraph: an answer may hold a list or HTML.)
    head = lines[: _SAMPLE * 3]
    sample = [line for line in head if not line.blank][:_SAMPLE]
    openers = [line for index, line in enumerate(head) if not line.blank and (not index or head[index - 1].blank)]
    if len(sample) < 4 or any(line.code or heading(line) or _RULE.match(line.text) for line in sample):
        return []
    if any(_MARKUP.match(line.text) for line in openers[:_SAMPLE]):
        return []
    if sum(1 for line in sample if _ANSWER_LABEL.match(line.text)) >= 2:
        return []  # answers that open with a label ("A: …", "ans=> …"): marked, the answered layout's
    if any(line.code or heading(line) for line in lines):
        return []
    groups = _groups(_unlabelled(lines))
    alternating = _alternating(groups)
    entries = alternating if alternating is not None else _paragraphs(groups)
    if sum(bool(entry.answer) for entry in entries) < _FEWEST:
        return []
    return entries


def _score(source: Source, entries: Sequence[Entry]) -> float:
    return coverage(source, entries) * _MODESTY


LAYOUT = replace(
    make_layout(
        NAME, "Plain-text flashcards: a question line, its answer on the line(s) below; cards apart by blank lines "
        "or alternating lines", find, _score,
    ),
    best_score=_MODESTY,
)
