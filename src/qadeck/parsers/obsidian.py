"""Layout ``obsidian``: notes written for Obsidian's Spaced Repetition plugin.

    #flashcards

    What is a monad::A monoid in the category of endofunctors
    Capital of France:::Paris

    What does CAP stand for?
    ?
    Consistency, Availability,
    Partition tolerance

``question::answer`` is a card; ``question:::answer`` is the plugin's
reversible card (a ``reversed`` note: a card each way). A line holding only
``?`` (``??``: reversed) splits a multi-line card: the question is the
paragraph above it, the answer the lines below up to a blank line. A
paragraph with the plugin's cloze deletions (``==highlight==``, ``{{curly}}``,
Anki's ``{{c1::…}}``, and ``**bold**`` in a file that asks no question in
prose, where bold is for deletions rather than emphasis) is a ``cloze`` note;
so is a line with deletions among one-line cards.
``#flashcards`` tags and ``<!--SR:…-->`` scheduling comments are the
plugin's bookkeeping, not content. Headings set the section.

Neuracache's cards, which Obsidian users write too, mark the question instead: a
paragraph ending in ``#flashcard`` is a question, the next paragraph its answer.

So do the Flashcards plugin's (reuseman/flashcards-obsidian), its ``::``, ``:::`` and
``==highlight==`` cards being the ones above::

    ## What is a mutex? #card          <- a heading or line ending in the tag asks
    A lock only its holder releases.   <- the lines below answer, up to a blank line
    ^1684392558428                     <- the plugin's block id: bookkeeping

    Capital of France                  <- the tag alone under a heading or a line:
    #card-reverse                         the lines above ask (``#card/reverse``
    Paris                                 too: a ``reversed`` note)

A ``﹇<br>`` line opens a card and a ``<br>﹈<br>`` line closes it (the ``⌂`` just
above that is the wrapper's too): inside, blank lines part the question, the tag
and the answer. ``#card-spaced`` (``#card/spaced``) asks with no answer, a prompt
qadeck has no note for: reported unanswered. The tags are the plugin's bookkeeping,
never the card's Anki tags, and a file holding them is the plugin's: its other
headings and lines are notes, not cards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .. import cloze
from ..model import Source
from .entries import Entry, make_layout, marked_coverage, readable_links
from .markup import hard_breaks, inline_text
from .separated import definition
from .structure import DOUBLE_COLON, Line, asks_in, heading, outline, sections, typed

NAME = "obsidian"

_TAG = re.compile(r"(?<!\S)#flashcards(?:/[\w/-]*)?(?!\S)", re.IGNORECASE)
_SCHEDULE = re.compile(r"<!--SR:.*?-->")
_SEPARATOR = re.compile(r"^\s*\?\??\s*$")
# Code and math may hold "::" (std::vector), deletions too ({{c1::x}}, ==c1::x==), and a wiki link to a
# page named so ([[std::vector]]); the separator is looked for outside them.
_LITERAL = re.compile(r"(`+).+?\1|\$\$.+?\$\$|\$[^$]+\$|\{\{.*?\}\}|==\S.*?==|\[\[[^\[\]\n]*\]\]")
#: How Obsidian_to_Anki's settings lines open (their ``::`` part a deck's path, no card's separator).
_DECK_LINES = ("TARGET DECK", "FILE TAGS")
#: Cloze styles of the plugin; ``bold`` only where :func:`_cloze_styles` says bold is for deletions.
_CLOZE_STYLES = ("anki", "highlight", "double")
#: Cloze styles of the Flashcards plugin: ``==highlight==``, ``{curly}`` and ``{2:numbered}`` (never bold).
_TAGGED_CLOZE_STYLES = ("anki", "highlight", "curly")
#: How the lines of a table or a quote open: no cloze paragraph.
_BLOCK_MARKS = ("|", ">")
#: What a text holds when it may hold a cloze.
_CLOZE_MARKS = ("==", "{{", "**")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
#: A list item's mark alone: what is left of ``1. #flashcards`` once its tag is gone.
_BARE_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*$")
#: A Dataview field left empty (``Author::``): a note template's metadata, whose filled fields are no cards.
_EMPTY_FIELD = re.compile(r"^[ \t]*[^\W\d][\w \t-]{0,40}::[ \t]*$")
#: A Dataview field: a one-word key (``up``, ``builds-on``), "::", a space and its value.
_FIELD = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?([^\W\d][\w-]*)::[ \t]+\S")
#: What :func:`_may_hold_cards` looks for in the whole text: a tag (the plugin's or Neuracache's), and a line
#: that is a separator.
_TAG_WORD = re.compile(r"#flashcard", re.IGNORECASE)
_SEPARATOR_LINE = re.compile(r"\n[^\S\n]*\?\??[^\S\n]*(?:\n|\Z)")
#: Neuracache's mark: the question's last line ends in it.
_MARKED_QUESTION = re.compile(r"(?<!\S)#flashcard[^\S\n]*$", re.IGNORECASE | re.MULTILINE)
#: The Flashcards plugin's tag ending a line (other tags may follow it): the text before it asks.
_CARD_TAG = re.compile(r"(?:^|(?<=\s))#card(?:[/-](reverse|spaced))?(?P<tags>(?:[ \t]+#[^\s#]+)*)[ \t]*$", re.IGNORECASE)
#: What :func:`_may_hold_cards` looks for once "#card" is in a text: a line ending in the tag.
_CARD_LINE = re.compile(r"(?<!\S)#card(?:[/-](?:reverse|spaced))?(?:[ \t]+#[^\s#]+)*[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: The plugin's tag in a note's front matter: ``tags: [flashcards, rag]``, ``tags: flashcards/math`` or a list
#: item (``- flashcards/deck``; ``flashcard/…`` too, the name some vaults give the tag in the plugin's settings).
_FRONT_MATTER_TAG = re.compile(
    r"^(?:tags:[ \t]*\[?[ \t]*|tags:.*?[,\[][ \t]*|[ \t]*-[ \t]+)[\"']?#?flashcards?(?:/[^\s,\]\"']*)?[\"']?[ \t]*(?:[,\]]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*$", re.DOTALL | re.MULTILINE)
#: An Obsidian block id ending a line (``^1684392558428``): a link target, no text.
_BLOCK_ID = re.compile(r"(?:^|[ \t])\^[A-Za-z0-9-]{6,}[ \t]*$")
#: The wrapper some notes put around a card: ``﹇<br>`` opens it, ``<br>﹈<br>`` (and a block id) closes it.
_WRAP_OPEN = re.compile(r"^\s*﹇(?:<br\s*/?>)?\s*$")
_WRAP_CLOSE = re.compile(r"^\s*(?:<br\s*/?>)?﹈(?:<br\s*/?>)?\s*(?:\^[A-Za-z0-9-]+)?\s*$")


def _clean(line: Line) -> Line:
    text = line.text
    if not line.code:
        untagged = _TAG.sub("", text)
        if untagged is not text and _BARE_MARKER.match(untagged):
            untagged = ""  # "1. #flashcards" over a card: the list item only carries the tag
        text = _SCHEDULE.sub("", untagged)
        if "^" in text or "﹇" in text or "﹈" in text:
            text = "" if _WRAP_OPEN.match(text) or _WRAP_CLOSE.match(text) else _BLOCK_ID.sub("", text)
        if ("#card" in text or "#Card" in text) and heading(line):
            text = _CARD_TAG.sub("", text)  # the Flashcards plugin's tag: no part of a section's title
    return Line(line.number, text.rstrip() if text.strip() else "", line.code)


def split_inline(text: str) -> tuple[str, str] | None:
    """(question, answer) of a ``question::answer`` or ``question:::answer`` line."""
    found = _split(text)
    return found[:2] if found else None


def _split(text: str) -> tuple[str, str, str] | None:
    """(question, answer, kind) of a ``question::answer`` (basic) or ``question:::answer`` (reversed) line."""
    if text.startswith(_DECK_LINES):
        return None  # Obsidian_to_Anki's settings: "TARGET DECK: Biology::Cells" names a deck path
    masked = _LITERAL.sub(lambda m: "\0" * len(m.group(0)), text)
    at = masked.find("::")
    if at <= 0:
        return None
    width = 3 if masked.startswith(":::", at) else 2
    question, answer = text[:at].strip(), text[at + width :].strip()
    if not question or not answer or answer.startswith("::"):
        return None  # a fourth colon is the answer's (":::" then ":q", as the plugin splits it), a fifth no card
    return _LIST_MARKER.sub("", question), answer, "reversed" if width == 3 else "basic"


def card_lines(lines: Sequence[Line]) -> int:
    """How many of ``lines`` are the plugin's cards or their separators: ``question::answer`` lines and
    lines holding only ``?`` or ``??``. Headings over many of them are sections, not card titles."""
    return sum(1 for line in lines if not line.code and (_SEPARATOR.match(line.text) or
                                                          ("::" in line.text and _split(line.text))))


def _paragraphs(lines: list[Line]) -> list[list[int]]:
    """Indexes of the lines of each paragraph (blank lines and headings separate them)."""
    out: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if (line.blank and not line.code) or heading(line):
            out.append([])
        else:
            out[-1].append(index)
    return [p for p in out if p]


def tags_cards(text: str) -> bool:
    """True for a text whose cards the Flashcards plugin's tags mark: its other headings and lines are notes."""
    return ("#card" in text or "#Card" in text) and bool(_CARD_LINE.search(text))


def _may_hold_cards(text: str) -> bool:
    """False when no line, once cleaned, holds "::" or is a separator: most files, told at once."""
    # A tag needs its "#" and a scheduling comment its "<" (no case folding makes either of another
    # character): testing for one character first spares the searches for the files with none.
    if tags_cards(text):
        return True
    if "#" in text and _TAG_WORD.search(text):
        if _MARKED_QUESTION.search(text):
            return True
        text = _TAG.sub("", text)
    if "<" in text:
        text = _SCHEDULE.sub("", text)
    if "==" in text or "{{" in text or ("**" in text and not asks_in(text)):
        return True  # bold marks deletions only in a file that asks nothing (see _cloze_styles)
    return bool(DOUBLE_COLON.search(text) or _SEPARATOR_LINE.search("\n" + text))


class _Entries(list[Entry]):
    """A file's entries, and whether a plugin's own marks say the note is its (see :func:`_score`): the
    Flashcards plugin's tags on its cards, or the Spaced Repetition plugin's tag on the note."""

    tagged = False


def reviewed(text: str) -> bool:
    """True for a note the Spaced Repetition plugin reviews: tagged ``#flashcards`` (or a deck under it)
    in its text or its front matter. Its cards are the plugin's, wherever the note's prose and headings
    might be read another way."""
    if "lashcard" not in text:
        return False  # most notes: one substring search (a tag in capitals, "#FLASHCARDS", is not looked for)
    if "#" in text and _TAG.search(text):
        return True
    front = _FRONT_MATTER.match(text) if text.startswith("---") else None
    return front is not None and _FRONT_MATTER_TAG.search(front.group(1)) is not None


def _entries(source: Source) -> list[Entry]:
    if not _may_hold_cards(source.text):
        return []
    raw = outline(source)
    lines = [_clean(line) for line in raw]
    titles = sections(lines)
    tagged, taken = _tagged(raw, titles) if tags_cards(source.text) else ([], set())
    if taken:
        lines = [Line(line.number, "", False) if index in taken else line for index, line in enumerate(lines)]
    # Bold marks deletions only in what was typed (Obsidian's convention); a document's or another markup's
    # bold (Word, LaTeX ``\\textbf``) is its emphasis.
    styles = _cloze_styles(lines) if typed(source) else _CLOZE_STYLES
    if tagged:
        styles = _TAGGED_CLOZE_STYLES  # the Flashcards plugin's deletions: bold is its notes' emphasis
    plugin = reviewed(source.text)
    entries: list[Entry] = []
    paragraphs = _paragraphs(lines)
    answered: set[int] = set()  # paragraphs that are a marked question's answer
    for place, paragraph in enumerate(paragraphs):
        if place in answered:
            continue
        marked = _marked(lines, paragraphs, place, titles)
        if marked is not None:
            entries.append(marked[0])
            if marked[1]:
                answered.add(place + 1)
            continue
        split = next((i for i in paragraph if not lines[i].code and _SEPARATOR.match(lines[i].text)), None)
        if split is not None:
            entries.append(_multiline(lines, paragraph, split, titles))
            continue
        found = len(entries)
        others = []
        fields = sum(1 for index in paragraph if "::" in lines[index].text and _EMPTY_FIELD.match(lines[index].text)) > 1
        metadata = _metadata(lines, paragraph)
        for index in paragraph:
            pair = None if lines[index].code or fields or index in metadata else _split(lines[index].text)
            if pair:
                number = lines[index].number
                entries.append(Entry(inline_text(pair[0]), pair[1], number, number, titles[index], pair[2]))
            else:
                others.append(index)
        if len(entries) == found:
            entries += _cloze(lines, paragraph, titles[paragraph[0]], styles, plugin)
        elif others:
            # Among one-line cards, a line with deletions is a cloze of its own (bold there is emphasis).
            clozes = [entry for index in others for entry in _cloze(lines, [index], titles[index], _CLOZE_STYLES)]
            if clozes:
                entries[found:] = sorted([*entries[found:], *clozes], key=lambda entry: entry.line)
    entries = readable_links(source.text, entries)
    out = _Entries(sorted([*entries, *tagged], key=lambda entry: entry.line) if tagged else entries)
    out.tagged = bool(tagged) or (plugin and any(entry.question for entry in entries))
    return out



def _metadata(lines: list[Line], paragraph: list[int]) -> set[int]:
    """The lines of ``paragraph`` that are Dataview fields, not cards: one-word keys (see :data:`_FIELD`)
    where one of them links a note (its value opens with ``[[``) or a key comes back. A deck asks each
    question once and answers in words; metadata names a note's relations (``up:: [[Index]]``,
    ``feeds:: [[metrics]]`` over ``feeds:: tuning``)."""
    found = {index: match for index in paragraph
             if "::" in lines[index].text and not lines[index].code and (match := _FIELD.match(lines[index].text))}
    if not found:
        return set()
    keys = [match.group(1).lower() for match in found.values()]
    linked = any(lines[index].text[match.end() - 1 :].startswith("[[") for index, match in found.items())
    return set(found) if linked or len(set(keys)) < len(keys) else set()


def _tagged(lines: list[Line], titles: list[str]) -> tuple[list[Entry], set[int]]:
    """The Flashcards plugin's cards (see the module's docstring), and the indexes of the lines they take."""
    entries: list[Entry] = []
    taken: set[int] = set()
    wrapped = False  # inside a ``﹇<br>`` … ``<br>﹈<br>`` wrapper
    start = 0  # where the question of the next card may start: not in the last one's lines
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not line.code and _WRAP_OPEN.match(text):
            wrapped, start = True, index + 1
        elif not line.code and _WRAP_CLOSE.match(text):
            wrapped, start = False, index + 1
        found = None if line.code or "#" not in text else _CARD_TAG.search(text)
        if found is None or _LIST_MARKER.match(text) or _next_is_separator(lines, index):
            index += 1
            continue  # a list item's tag is Logseq's; a tag over "?" is Spaced Repetition's deck tag
        first, question = _question(lines, index, text[: found.start()].strip(), start, wrapped)
        kind = (found.group(1) or "").lower()
        end, answer = (index, []) if kind == "spaced" else _answer(lines, index + 1, wrapped)
        if wrapped and not lines[end].code and _WRAP_CLOSE.match(lines[end].text):
            wrapped = False
        if question:
            tags = tuple(tag.lstrip("#") for tag in found.group("tags").split())
            number = lines[first].number
            last = lines[end].number  # its block id and wrapper too: no other layout reads them
            section = _section(lines, titles, first)
            entries.append(Entry(inline_text(question), "\n".join(part.text for part in answer), number, last, section,
                                 "reversed" if kind == "reverse" else "basic", tags))
            taken.update(range(first, end + 1))
        start = index = end + 1
    return entries, taken


def _next_is_separator(lines: list[Line], index: int) -> bool:
    return index + 1 < len(lines) and not lines[index + 1].code and bool(_SEPARATOR.match(lines[index + 1].text))


def _question(lines: list[Line], index: int, before: str, start: int, wrapped: bool) -> tuple[int, str]:
    """(index of its first line, text) of the question a tag on line ``index`` marks; ``before`` is the
    text ahead of the tag: a heading's title, a paragraph's last line, or nothing (the tag alone)."""
    if heading(lines[index]):
        title = heading(Line(lines[index].number, before))
        return index, title[1] if title else ""
    above: list[int] = []
    at = index - 1
    if not before and wrapped:
        while at >= start and lines[at].blank and not lines[at].code:
            at -= 1  # in a wrapper, blank lines part the question from its tag
    if not before and at >= start and (found := heading(lines[at])):
        return at, found[1]
    while at >= start and not lines[at].blank and not heading(lines[at]) and not _BLOCK_ID.match(lines[at].text):
        above.insert(0, at)
        at -= 1
    parts = [lines[i].text.strip() for i in above] + ([before] if before else [])
    return (above[0] if above else index), " ".join(parts).strip()


def _answer(lines: list[Line], index: int, wrapped: bool) -> tuple[int, list[Line]]:
    """(index of the last line it takes, its lines) of the answer below a tagged question: up to a blank
    line, a heading or the next tag, or, in a wrapper, up to its close; block ids dropped."""
    kept: list[Line] = []
    end = index - 1
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not line.code:
            if (wrapped and _WRAP_CLOSE.match(text)) or (not wrapped and _WRAP_OPEN.match(text)):
                end = index if wrapped else end
                break
            if heading(line) or ("#" in text and _CARD_TAG.search(text)):
                break
            if line.blank and not wrapped and kept:
                break
            if "^" in text and _BLOCK_ID.search(text):
                text = _BLOCK_ID.sub("", text)
                if not text.strip():
                    end = index
                    index += 1
                    continue
        if kept or not line.blank:
            kept.append(Line(line.number, text, line.code))
        end = index
        index += 1
    while kept and kept[-1].blank and not kept[-1].code:
        kept.pop()
    if wrapped and kept and _decoration(kept[-1]):
        kept.pop()  # the wrapper's mark above its close
        while kept and kept[-1].blank:
            kept.pop()
    return end, kept


def _decoration(line: Line) -> bool:
    """A line of one symbol (``⌂``), no letter, digit or punctuation."""
    text = line.text.strip()
    return not line.code and len(text) == 1 and unicodedata.category(text).startswith("S")


def _section(lines: list[Line], titles: list[str], first: int) -> str:
    """The section of a card starting on line ``first``: for a heading, the nearest heading above of a lower level."""
    own = heading(lines[first])
    if own is None:
        return titles[first]
    for at in range(first - 1, -1, -1):
        above = heading(lines[at])
        if above and above[0] < own[0]:
            return titles[at]  # a heading's own title, or "" for the document's title
    return ""


def _marked(lines: list[Line], paragraphs: list[list[int]], place: int, titles: list[str]) -> tuple[Entry, bool] | None:
    """The card of a paragraph with a line ending in ``#flashcard``: the lines up to it ask, the lines after
    it answer, or the next paragraph when none follow (then True: that paragraph is taken)."""
    paragraph = paragraphs[place]
    split = next((k for k, i in enumerate(paragraph) if not lines[i].code and _MARKED_QUESTION.search(lines[i].text)),
                 None)
    if split is None or any(_LIST_MARKER.match(lines[i].text) for i in paragraph[: split + 1]):
        return None  # a list item's tag is an outliner's (Roam, Logseq): its answer is the item below
    question = " ".join(_MARKED_QUESTION.sub("", lines[i].text).strip() for i in paragraph[: split + 1]).strip()
    rest = paragraph[split + 1 :]
    taken = not rest and place + 1 < len(paragraphs)
    answer_lines = [lines[i] for i in (paragraphs[place + 1] if taken else rest)]
    if not question or not answer_lines:
        return None
    answer = "\n".join(line.text for line in answer_lines)
    entry = Entry(inline_text(question), answer, lines[paragraph[0]].number, answer_lines[-1].number, titles[paragraph[0]])
    return entry, taken


def _cloze_styles(lines: list[Line]) -> tuple[str, ...]:
    """The cloze styles of a file: bold marks deletions only in a file that asks nothing.

    A file of questions uses bold for emphasis; and whether the whole text asks is what
    :func:`_may_hold_cards` can tell at once, before any line is read.
    """
    if any(asks_in(line.text) for line in lines):
        return _CLOZE_STYLES
    return (*_CLOZE_STYLES, "bold")


def _cloze(lines: list[Line], paragraph: list[int], section: str, styles: tuple[str, ...],
           lists: bool = False) -> list[Entry]:
    """The paragraph as a cloze note, when it is text (no code, table or quote, and no list but where
    ``lists``: in a note the plugin reviews, whose every paragraph it reads) with deletions."""
    if any(lines[i].code or (_LIST_MARKER.match(lines[i].text) and not lists)
           or lines[i].text.lstrip()[:1] in _BLOCK_MARKS for i in paragraph):
        return []
    if lists and "bold" in styles and any(_LIST_MARKER.match(lines[i].text) for i in paragraph):
        styles = tuple(style for style in styles if style != "bold")  # a list's bold is its terms' emphasis
    text = "\n".join(lines[i].text.strip() for i in paragraph)
    if not any(mark in text for mark in _CLOZE_MARKS) and not ("curly" in styles and "{" in text):
        return []
    first = text.split("\n", 1)[0]
    if "bold" in styles and first.startswith("**") and first.endswith("**") and first.count("**") == 2:
        return []  # a paragraph all in bold, or opening with a line all in bold, is under a title: no deletion
    if "bold" in styles and definition(first):
        return []  # "**Osmosis**: the movement of water": a glossary's term, no deletion
    anki = cloze.to_anki(text, styles)
    if anki is None:
        return []
    return [Entry(anki, "", lines[paragraph[0]].number, lines[paragraph[-1]].number, section, "cloze")]


def _multiline(lines: list[Line], paragraph: list[int], split: int, titles: list[str]) -> Entry:
    asked = [lines[i] for i in paragraph if i < split]
    question = " ".join(line.text.strip() for line in asked)
    if len(asked) > 1 and not _LIST_MARKER.match(asked[0].text) and any(_laid_out(line) for line in asked[1:]):
        # Lines laid out as a list, code or indented stay lines, under the first one (the question's words):
        # the plugin shows the front as written.
        question = inline_text(asked[0].text) + "\n\n" + hard_breaks("\n".join(line.text for line in asked[1:]))
    first, section = lines[paragraph[0]].number, titles[split]
    if not question and split > 0 and (title := heading(lines[split - 1])):
        # A heading right above the "?" is the question: the plugin reads the lines that touch the
        # separator, and a heading is one ("### Sort an array's numbers" over "?" over the answer).
        question, first, section = title[1], lines[split - 1].number, _section(lines, titles, split - 1)
    answer_lines = [lines[i] for i in paragraph if i > split]
    # Obsidian shows each line of a note on its own (its "strict line breaks" are off unless set): so does the card.
    answer = hard_breaks("\n".join(line.text for line in answer_lines))
    last = answer_lines[-1].number if answer_lines else lines[split].number
    kind = "reversed" if lines[split].text.strip() == "??" else "basic"
    return Entry(question if "\n" in question else inline_text(question), answer, first, last, section, kind)


def _laid_out(line: Line) -> bool:
    """Is the line laid out as its own (a list item, code, an indented line)?"""
    text = line.text
    return line.code or text[:1] in (" ", "\t") or bool(_LIST_MARKER.match(text))


def _score(source: Source, entries: Sequence[Entry]) -> float:
    """Coverage; 1 for a file whose cards the Flashcards plugin's tags mark, or a note the Spaced Repetition
    plugin reviews (see :func:`reviewed`): the plugin's marks say which are cards."""
    if getattr(entries, "tagged", False):
        return 1.0
    return marked_coverage(source, entries)


LAYOUT = make_layout(
    NAME,
    "Obsidian Spaced Repetition and Flashcards notes (question::answer, ? between lines, #card tags)",
    _entries,
    _score,
)
