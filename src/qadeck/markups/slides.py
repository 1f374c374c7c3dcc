"""What the slide-deck readers (PowerPoint, OpenDocument presentations) share: slides, written as Markdown.

Contract: a reader turns its deck into the list of its shown :class:`Slide`, in
presentation order, and :func:`to_markdown` writes them as one document the
layouts read as they read any Markdown. Each slide is a section: its title a
``##`` heading (a title slide's a ``#`` heading: the deck's own title), then
its text boxes' paragraphs, lists and tables, then its speaker notes as
paragraphs (where teachers put the answer a slide asks for). The first slide's
title, unless it asks, is the deck's title too: a deck opens with a slide
naming it, and read as one more entry it would hide the entries after it
(a first slide called "Unit 3 FAQ" reads as the heading of an empty FAQ).

How review decks are laid out decides three things:

- A slide with no title gets no heading: its text continues the slide before
  (a question's answer on a slide of its own, a long answer over two slides),
  rather than becoming an entry with no question.
- A slide titled only "Answer" (or "Solution", "Answer 3", "Réponse" …) is the
  answer to the slide before: its title is dropped and its text continues that
  slide, so a "Question"/"Answer" pair of slides is one card and the word
  "Answer" is no question.
- A slide titled only "Question 3" (or "Q3", "Frage 3" …) asks in its body:
  the body's first paragraph is the heading, the rest (and the next slide's
  answer) what answers it. A title that is a label says nothing a card needs.
- A slide titled with a topic and its part ("Two Sum - Question", then "Two
  Sum - Solution" over one slide or more) is one card: the topic a heading,
  the question slide's text under it, the solution under its label's heading
  one level down, the same part's next slides going on with it.
- A slide whose title repeats the slide before's, or adds a mark saying it
  goes on ("Joins (cont.)"), continues that slide under its heading.

A slide that the next one repeats (with more text: the answer shown under
the question by a copy of its slide, the way a build works without
animations; or unchanged, the answer circled or coloured) is left out: the
last step holds it all. A slide titled only "Question 4" with nothing else
on it is a quiz's divider and gives no heading.

Text boxes are read top to bottom and left to right (a row of answer
options A and B, then C and D) when each says where it is on the slide.
A body holding a single paragraph is a paragraph, not a one-item list: that
is how a content placeholder shows a sentence. Pictures, charts, slide
numbers, dates and footers are no text of the deck and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from . import document
from .document import Block

_QUESTION_MARKS = ("?", "\uff1f", "\u061f")
#: How far apart (in centimetres) the tops of two text boxes may be and still be one row of the slide.
_ROW = 0.5
Shape = TypeVar("Shape")
#: What may follow a label word: a number, "No. 3", "#3", a colon.
_NUMBER = r"\s*(?:no\.?\s*|#\s*|nr\.?\s*)?\d{0,3}\s*[.:)]?"


@dataclass(frozen=True)
class Slide:
    """One shown slide of a deck, as its reader found it."""

    #: The text of its title placeholder ("" for a slide with none).
    title: str = ""
    #: Its other text boxes' paragraphs, lists and tables, in the order the deck keeps its shapes.
    body: tuple[Block, ...] = ()
    #: Its speaker notes' paragraphs.
    notes: tuple[Block, ...] = ()
    #: Is it a title slide (PowerPoint's centered title): the deck's or a part's title, not an entry.
    opens: bool = False


def to_markdown(slides: Iterable[Slide]) -> str:
    """The slides as one Markdown document, each slide a section under its title."""
    blocks: list[Block] = []
    shown = ""  # the title of the slide before, its continuation mark dropped
    part: tuple[str, str] | None = None  # the topic and the part ("question", "answer") the slide before names
    for number, slide in enumerate(_built(list(slides))):
        title = " ".join(slide.title.split())
        body = [block for block in slide.body if block.text or block.rows]
        asking, answering = _labels()
        named = _part(title) if title else None
        if named is not None:
            # "Two Sum - Question" over "Two Sum - Solution" (and more slides of each): one card, the topic its
            # heading, the question slide's text under it, then the answer under its label one level down.
            topic, kind, label = named
            before, part, shown, title = part, (topic, kind), "", ""
            if before != part:  # the same part again goes on over this slide
                if before is None or before[0] != topic:
                    blocks.append(Block(text=topic, heading=2))
                if kind == "answer":
                    blocks.append(Block(text=label, heading=3))
        elif title:
            part, unmarked = None, _CONTINUED.sub("", title)
            if unmarked and unmarked == shown and blocks:
                title = ""  # "Palindrome (cont.)" after "Palindrome": one slide's text over two
            shown = unmarked
        if answering.match(title) and blocks:
            title = ""
        elif asking.match(title) and body and body[0].text:
            title, body = " ".join(body[0].text.split()), body[1:]
        elif asking.match(title) and not body and not slide.notes:
            title = ""  # "Question 4" alone: a quiz's divider, no question of its own
        if title:
            opens = slide.opens or number == 0 and not title.endswith(_QUESTION_MARKS)
            blocks.append(Block(text=title, heading=1 if opens else 2))
        blocks += body
        blocks += [Block(text=note.text, bold=note.bold, lead=note.lead, rows=note.rows) for note in slide.notes]
        blocks.append(Block())  # a slide's list ends with it
    return document.to_markdown(blocks)


def _built(deck: list[Slide]) -> list[Slide]:
    """The deck without the steps of a build: a slide the next one repeats, adding to it (how a teacher shows
    the answer after the question without animations) or marking its answer in a way that is no text (a
    colour, a circle), is left for the next."""
    return [slide for slide, after in zip(deck, [*deck[1:], None])
            if after is None or not (after.title == slide.title and _texts(after)[:len(_texts(slide))] == _texts(slide))]


def _texts(slide: Slide) -> tuple[str, ...]:
    return tuple(" ".join(block.text.split()) or str(block.rows) for block in (*slide.body, *slide.notes)
                 if block.text or block.rows)


def reading_order(shapes: list[tuple[tuple[float, float] | None, Shape]]) -> list[Shape]:
    """A slide's text boxes (each with its left and top in centimetres) in reading order: top to bottom, left to
    right along a row, when every one says where it is; else in the order the slide keeps them (the order they
    were made in, which is not where they show: a "Q:" box added after its "A:" box)."""
    if any(place is None for place, _shape in shapes):
        return [shape for _place, shape in shapes]
    rows: list[list[tuple[tuple[float, float], Shape]]] = []
    for place, shape in sorted(((place, shape) for place, shape in shapes if place is not None), key=lambda s: s[0][1]):
        if rows and place[1] - rows[-1][0][0][1] < _ROW:
            rows[-1].append((place, shape))
        else:
            rows.append([(place, shape)])
    return [shape for row in rows for _place, shape in sorted(row, key=lambda s: s[0][0])]


def paragraph_blocks(paragraphs: list[Block]) -> list[Block]:
    """A text box's paragraphs, a lone list item as a plain paragraph."""
    filled = [block for block in paragraphs if block.text]
    if len(filled) == 1 and filled[0].marker:
        only = filled[0]
        return [Block(text=only.text, bold=only.bold, lead=only.lead)]
    return paragraphs


#: A mark after a slide's title saying the slide before goes on here: "Palindrome cont…", "Joins (continued)".
_CONTINUED = re.compile(r"(?i)[\s(\[:–—-]*\b(?:cont|contd|continued|cont'd)\b[\s.…)\]]*$")


def _part(title: str) -> tuple[str, str, str] | None:
    """(topic, part, label) of a title naming the topic of a card and the part of it its slide holds ("Two Sum -
    Question", "Two Sum: Solution"; part "question" or "answer"), None for any other title."""
    if title[-1:] not in "nNsSrRe" and not title[-1:].isalpha():
        return None  # most titles end in no label's last letter
    match = _parts().match(title)
    if match is None:
        return None
    return match["topic"], "question" if match["question"] else "answer", match["label"]


@lru_cache(maxsize=1)
def _parts() -> re.Pattern[str]:
    from ..parsers.structure import ANSWERING_WORDS, ASKING_WORDS  # the layouts' package reads markups

    return re.compile(rf"(?i)^(?P<topic>\S.*?\w.*?)[ \t]*[-–—:][ \t]*(?P<label>(?P<question>question|problem|task|"
                      rf"{'|'.join(ASKING_WORDS)})|answer|solution|{'|'.join(ANSWERING_WORDS)})$")


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Titles that only label a slide as a question, and as an answer, in the languages review decks come in."""
    from ..parsers.structure import ANSWERING_WORDS, ASKING_WORDS  # the layouts' package reads markups

    return (re.compile(rf"(?i)^(?:(?:questions?|q|{'|'.join(ASKING_WORDS)}){_NUMBER}|\d{{1,3}}[.)]?)$"),
            re.compile(rf"(?i)^(?:answers?|ans|a|solutions?|{'|'.join(ANSWERING_WORDS)}){_NUMBER}$"))
