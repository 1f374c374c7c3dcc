"""Layout ``titles``: Markdown headings that title cards, the text under each its answer.

    # Plant biology                  <- names the document (the only "#" heading)
    ## Photosynthesis                <- a card's front
    Plants turn light into sugar.    <- its back
    [#botany]()                      <- a tag line: the card's tags, not its text
    ## Cell parts                    <- a section: a deeper heading follows it
    ### Chloroplast (3f9a2c)         <- a card; "(3f9a2c)" is another tool's note id
    The organelle where ...
    %                                <- "%" or "---": the front goes on to here
    ...

How note-taking flashcard tools write cards (markdown-anki-decks, mdanki,
Md2Anki, Obsidian_to_Anki's heading style). Whether a file's headings are card
titles or sections over questions written some other way is told per file:
not titles when its headings read as questions (layout ``headings``), or when
a line outside them asks one (a question of another layout, which the headings
are sections over; in long notes a sentence or two that ask inside answers are the answers' own), or when a heading names a FAQ over headings (a readme's or a page's FAQ, whose
entries layout ``headings`` reads, its other headings being no cards), or when headings label the answers
(two ``## Answer`` headings at least: layout ``labelled``'s, where a label titles no card). A title over nothing but a table of several rows is that
table's heading: detection leaves it to the table layout, which makes a card of
each row (a cheat sheet of tables under their own headings). A heading is a card when text of its own follows it and
no deeper heading does (one with nothing under it is reported as unanswered); a
heading over deeper headings is a section; a heading with no letter in it (an exercise's number, a date) titles no
card, and a page whose titles are mostly a guide's steps ("Step 1: …") is a how-to, no deck. A section of pointers (a list of links, or of names each
beside its address) and one listing questions (interview notes' rounds, half their items asking) are
no cards. A title holding Anki cloze deletions (``## Canberra was founded in {{c1::1913}}``) is a cloze
note, whatever is under it its extra text: a card in itself, which detection counts as text. When every
heading ends in a parenthesised word with no spaces, those words are note ids
that a tool wrote, not title text. A note whose only heading is its title, and asks
(``# What is a mutex?`` over its answer: one question a file), is that question's card. Detection weighs coverage by
:data:`TITLE_WEIGHT`: a layout that reads real questions in the file wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import cloze
from ..model import Source
from .entries import Entry, coverage, make_layout
from . import common, obsidian
from .headings import Heading, asks, find_headings, question_levels
from .labelled import labels_answer
from .prose import asks_question
from .structure import HEADING, Line, LineStart, answer_from, heading, names_faq, outline
from .table import is_table
from .tags import tag_line

NAME = "titles"
#: Titles are a guess about headings that do not ask: below a layout that reads marked questions.
TITLE_WEIGHT = 0.8
_HEADING_START = LineStart(HEADING)
_NOTE_ID = re.compile(r"\s+\([^\s()]+\)$")
#: Headings labelling an answer that make a file the labelled layout's: one may be a card's title ("Solution").
_ANSWER_LABELS = 2
#: A line that ends a card's front inside its body: "%" alone, or a "---" rule between text.
_FRONT_END = re.compile(r"^\s*(?:%|-{3,})\s*$")
#: A heading that is one letter (or a range of them, "A–C"): a glossary's or an index's letter.
_LETTER = re.compile(r"[^\W\d_](?:\s*[-–—]\s*[^\W\d_])?")
#: A letter: a title with none is a number or a date ("2.05", "3)", "2024-01-09"), which names no card's front.
_WORD = re.compile(r"[^\W\d_]")


#: Headings that name a part of a project's or a document's page, no card: a readme's "Installation",
#: "Usage", "License". A file whose cards would be mostly these is that page (a notes folder's README).
_DOCUMENT_PARTS = frozenset({
    "installation", "install", "installing", "usage", "how to use", "getting started", "quick start", "quickstart",
    "setup", "set up", "requirements", "prerequisites", "dependencies", "license", "licence", "licensing",
    "contributing", "contributors", "contribution", "contributions", "acknowledgements", "acknowledgments", "credits",
    "authors", "author", "maintainers", "changelog", "change log", "release notes", "contact", "support", "building",
    "build", "development", "testing", "tests", "running", "roadmap", "todo", "to do", "references", "see also",
    "further reading", "links", "table of contents", "contents", "layout", "structure", "project structure",
    "folder structure", "directory structure", "features", "configuration", "deployment", "documentation",
    "screenshots", "demo",
})
_PART_DECOR = re.compile(r"^[^\w]+|[^\w]+$")


#: A title numbering a step of a procedure: "Step 1: Install the plugin", "Schritt 2", "Paso 3 –".
_STEP = re.compile(r"^(?:step|schritt|paso|[ée]tape|passo|stap|krok|шаг|крок)[ \t]*\d{1,2}\b", re.IGNORECASE)


def _document_page(entries: Sequence[Entry]) -> bool:
    """True when most would-be cards are titled by a page's parts ("Installation", "License") or by the steps of a
    guide ("Step 1: Install the plugin", "Step 2: …"): a readme or a how-to, no deck."""
    parts = sum(_PART_DECOR.sub("", entry.question).lower() in _DOCUMENT_PARTS for entry in entries)
    steps = sum(_STEP.match(_PART_DECOR.sub("", entry.question)) is not None for entry in entries)
    return (parts >= 2 and parts * 2 > len(entries)) or (steps >= 2 and steps * 2 > len(entries))


def _faq_over_headings(headings: list[Heading]) -> bool:
    return any(names_faq(h.text) and below.level > h.level for h, below in zip(headings, headings[1:]))


def _entries(source: Source) -> list[Entry]:
    return entries(source)


#: Lines that ask outside the headings, at most one for each this many headings, that are an answer's own questions
#: (course notes' "what happens when a frame is lost?" in a paragraph): more are another layout's questions.
_TITLES_A_QUESTION = 40
#: A paragraph's sentence that asks: a letter opens it (after a quotation mark), a letter closes it before its "?",
#: no list's mark or bold around it. Not code's "exit $?", a ternary's "... >= 0 ?", a "Q:" label, a bold question.
_ASIDE = re.compile(r"^ {0,3}[\"'“«(]?[^\W\d_][^?]*[^\W\d_][)\"'”»]?\?[ \t]*$")
_ASIDE_WORDS = 3


def _asks_aside(text: str) -> bool:
    """Does ``text`` ask as a sentence of an answer may (see :data:`_ASIDE`)?"""
    return len(text.split()) >= _ASIDE_WORDS and _ASIDE.match(text) is not None


def entries(source: Source, asked_beside: int = 0) -> list[Entry]:
    """The cards the headings of ``source`` title; none where more than ``asked_beside`` lines outside them
    ask (questions of another layout, which the headings are sections over), unless they are few (one for each
    :data:`_TITLES_A_QUESTION` headings at most) and each a sentence (:func:`_asks_aside`): a long file's answers
    may ask a question of their own here and there, which no longer makes all its titles no cards. Code read as
    text (a script's "#" comments) asks otherwise ("exit $?") and stays no deck."""
    if not _HEADING_START.found_in(source.text):
        return []
    lines = outline(source)
    headings, doc_title = find_headings(lines)
    if not headings and doc_title and asks(doc_title):
        # A note that is one question (an atomic note): its only heading, its title, asks; its text answers.
        headings = [next(Heading(i, 1, doc_title, True) for i, line in enumerate(lines) if heading(line))]
    if not headings or question_levels(headings) or _faq_over_headings(headings):
        return []
    if sum(labels_answer(h.text) for h in headings) >= _ANSWER_LABELS:
        return []  # "## Question 3" over "## Answer": labels of the labelled layout, no card's title
    asking = [line.text for line in lines if not line.code and asks_question(line) and not heading(line)]
    if len(asking) > asked_beside and (len(asking) > len(headings) // _TITLES_A_QUESTION
                                       or not all(map(_asks_aside, asking))):
        return []
    ids = all(_NOTE_ID.search(text) for text in [doc_title, *(h.text for h in headings)] if text)
    found: list[Entry] = []
    listing: list[Entry] = []  # entries whose text is only list items and code: a round's, on a page of rounds
    rounds = 0  # sections listing questions asked, unanswered
    sections: list[Heading] = []
    for i, h in enumerate(headings):
        sections = [s for s in sections if s.level < h.level]
        end = headings[i + 1].index if i + 1 < len(headings) else len(lines)
        deeper = i + 1 < len(headings) and headings[i + 1].level > h.level
        below = lines[h.index + 1 : end]
        tagged = [line for line in below if not line.code and tag_line(line.text) is not None]
        body = [line for line in below if line.code or tag_line(line.text) is None]
        title = _NOTE_ID.sub("", h.text) if ids else h.text
        if deeper:
            sections.append(Heading(h.index, h.level, title, h.asks))
            continue
        if _LETTER.fullmatch(title):
            continue  # "## B": an index's letter over the terms that start with it (a glossary's), no card's title
        if _WORD.search(title) is None:
            continue  # "### 2.05": an exercise's number over its solution, nothing a front could ask
        if _links_only(body):
            continue  # "## Articles" over a list of links: a readme's index of pages elsewhere, nothing to learn here
        if _tasks_only(body):
            continue  # "## Caching" over "- [ ] Redis": a syllabus's checklist of what to learn, nothing learnt here
        if _questions_listed(body):
            rounds += 1
            continue  # "## Round 2" over the questions asked there: asked, not answered
        # A heading with nothing under it is a card still to be written: reported as unanswered.
        tags = tuple(dict.fromkeys(tag for line in tagged for tag in tag_line(line.text) or ()))
        entry = _entry(title, lines[h.index].number, body, sections, tags)
        if h.asks or not _lists_questions(entry.answer):
            found.append(entry)  # not "## CSS questions:" over the questions it lists: asked, not answered
            if not h.asks and _items_or_code(body):
                listing.append(entry)
    if rounds >= _ROUNDS and rounds >= len(found):
        # A page of interview rounds ("## Company" over what was asked there): its other lists and tasks in code
        # are what other rounds asked ("3. mongoDB scaling", a coding task's statement), no more answered.
        found = [entry for entry in found if entry not in listing]
    if _document_page(found):
        return []
    if ("::" in source.text or "\n?" in source.text) and obsidian.card_lines(lines) > len(found):
        return []  # sections over notes of one-line cards (Obsidian's question::answer): cards of their own
    return found


#: A line that is one link and nothing else, as a list's item or alone: "- [Spring interview notes](https://…)".
_LINK_ITEM = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]*)*\[[^\[\]]+\]\([^()\s]*\)[ \t]*$")
#: A link, Markdown's or a bare address: what a line of pointers holds.
_ADDRESS = re.compile(r"(?<!!)\[[^\[\]]*\]\([^()\s]*\)|https?://\S+")  # a picture is no pointer
_LIST_LINE = re.compile(r"^(?:[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]|[ \t]{2,}(?=\S))")  # an item, or a line of one
#: The most text a pointer's line holds beside its address: a title or a label ("`JWT parts`: [Reference](…)").
_POINTER_TEXT = 80


def _links_only(body: list[Line]) -> bool:
    """True for a section of pointers to other pages, nothing to learn here: a list of links alone, or a list
    whose items each name a page beside its address ("- `JWT parts` : [Reference](…)", "1. Go roadmap https://…"),
    with no more lines without an address (an item's title over its address, "Useful links:") than with one,
    all short, and one line at most outside the list."""
    texts = [line for line in body if not line.blank]
    if not texts or any(line.code for line in texts):
        return False
    if all(_LINK_ITEM.match(line.text) for line in texts):
        return True
    if "://" not in "".join(line.text for line in texts) and "](" not in "".join(line.text for line in texts):
        return False  # most sections: no address at all
    if sum(not _LIST_LINE.match(line.text) for line in texts) > 1:
        return False  # paragraphs naming pages: the outline layout's reading, where some ask
    pointing = 0
    for line in texts:
        text = _LIST_LINE.sub("", line.text, count=1).strip()
        rest = _ADDRESS.sub("", text).strip()
        if len(rest) > _POINTER_TEXT or asks(rest):
            return False  # an item that asks, its source linked: a question this section holds
        pointing += rest != text
    return pointing * 2 >= len(texts)


#: A list's item at the margin, and its text.
_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])(?:[ \t]+(\S.*))?[ \t]*$")
#: The fewest words an item that asks holds: "Is fast", "Can scale" are a list's points, not its questions.
_ASKING_WORDS = 3


def _questions_listed(body: list[Line]) -> bool:
    """True for a section that lists questions (two items or more at the margin, half of them at least asking in
    three words or more: "1. How does Node handle concurrency", "2. Explain the event loop"), with nothing else but
    code beside them (a task's sample input): interview notes list the questions each round asked so, unanswered."""
    items = asking = 0
    for line in body:
        if line.blank or line.code:
            continue
        item = _ITEM.match(line.text)
        if item is None:
            return False
        if item.group(1) is None:
            continue  # "4." with nothing after it: a question still to be copied
        items += 1
        text = item.group(1).strip()
        asking += len(text.split()) >= _ASKING_WORDS and asks(text)
    return items >= 2 and asking * 2 >= items


#: Sections listing questions from which a page is told as one of interview rounds, each section's list asked.
_ROUNDS = 2


def _items_or_code(body: list[Line]) -> bool:
    """True for a section of list items at the margin (at least one) and code alone, nothing else."""
    texts = [line for line in body if not line.blank]
    return bool(texts) and all(line.code or _ITEM.match(line.text) for line in texts)


#: A task list's item not yet done: "- [ ] Eager loading".
_OPEN_TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[ \][ \t]")


def _tasks_only(body: list[Line]) -> bool:
    """True for a section that is a task list alone, no task done (at least one): a checklist of things to learn
    or do, no card's back. Items ticked ("- [x]") may mark a question's right options; lines an item wraps onto
    are indented under it."""
    texts = [line for line in body if not line.blank]
    if not texts or "[ ]" not in texts[0].text or _OPEN_TASK.match(texts[0].text) is None:
        return False  # most sections
    return all(not line.code and (_OPEN_TASK.match(line.text) or line.text[:1] in " \t") for line in texts)


def _lists_questions(answer: str) -> bool:
    """Is ``answer`` a list of questions alone (:func:`common.lists_only_questions`), no code among them?"""
    return (answer[:1] in ("-", "*", "+") or answer[:1].isdigit()) and "```" not in answer \
        and common.lists_only_questions(answer.split("\n"))


def _entry(title: str, number: int, body: list[Line], sections: list[Heading], tags: tuple[str, ...]) -> Entry:
    split = _front_end(body)
    question = title
    if split is not None:
        front, _ = answer_from(body[:split])
        question = f"{title}\n\n{front}" if front else title
        body = body[split + 1 :]
    answer, last = answer_from(body)
    # A title holding Anki deletions is a cloze (markdown-anki-decks' --cloze): its text the card, the body extra.
    kind = "cloze" if cloze.numbers(question) else "basic"
    return Entry(question, answer, number, last or number, sections[-1].text if sections else "", kind, tags)


def _front_end(body: list[Line]) -> int | None:
    """Index of the line that ends the front, when text stands both before and after it."""
    for index, line in enumerate(body):
        if line.code or not _FRONT_END.match(line.text):
            continue
        before = any(not other.blank for other in body[:index])
        after = any(not other.blank for other in body[index + 1 :])
        return index if before and after else None
    return None


def _score(source: Source, entries: Sequence[Entry]) -> float:
    entries = [entry for entry in entries if not is_table(entry.answer)]
    clozes = [entry.line for entry in entries if entry.kind == "cloze"]
    return TITLE_WEIGHT * coverage(source, [*entries, *entries] if len(entries) == 1 else entries, cards=clozes)


LAYOUT = make_layout(
    NAME,
    "Markdown headings as card titles (## Title), the text below as the answer",
    _entries,
    _score,
)
