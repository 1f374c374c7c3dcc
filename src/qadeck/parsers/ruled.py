"""Layout ``ruled``: cards set apart by rule lines (``---``, ``***``, ``___``, ``===``, ``+++``, ``%``).

    der Hund              Photosynthesis            What is osmosis?
    the dog               ---                       ---
    ---                   How plants make sugar.    Water crossing a membrane.
    die Katze                                       ***
    the cat               Osmosis                   Why do cells divide?
                          ---                       ---
                          Water crossing a          To grow and to heal.
                          membrane.

People typing cards by hand draw a line between them, and Mochi and Obsidian_to_Anki's "ruled
style" draw one between a card's front and its back. Four readings are tried, and the one that
answers the most cards (then spans the most lines) is taken:

- **between**: the rules part the cards; a card's first line is its front, the lines under it
  (blank lines and all) its back (or a ``???`` line parts the two); a part of one line that asks is a
  question not answered yet;
- **across**: a rule parts each card's front from its back, and cards are apart by blank lines;
- **across, another rule between**: as across, the cards apart by a rule of another kind
  (``***`` between cards, ``---`` inside them), so a side may hold blank lines; a second rule of
  the inner kind may part the back from a line of tags (ankdown's ``%`` fields, ``---`` between cards);
- **fields**: every part a rule apart, a card's fields (``card_id: …``) then its front then its
  back, as mochi-mochi writes its decks.

A reading counts only when most of the file's parts are such cards: a part of one line (a title,
an image) or the opening part (a title, an introduction) may be something else, but an article
whose sections a rule parts opens them with prose (or a heading), and a part holding a heading is
never a card; nor is a title over questions answered in its part (a chat's revision sheet copied to text),
a label ending in ":" over a list, or a list's item over the next. Fronts are short lines that stand alone, no list item, quote or label; a quotation's
attribution (``-- Author``, as fortune files part quotes by ``%``) is no back. Detection scores the
coverage scaled down, so that where CommonMark's reading of ``front`` over ``---`` as a heading
explains a file as well (a FAQ of questions), that reading, the headings layout's, wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..model import Source
from .entries import Entry, coverage, make_layout
from .headings import asks
from .pairs import question_line, stands_alone
from .repair import clean
from .structure import QUESTION_ENDS, SPACE, Line, LineStart, ends_asking, heading, outline, outline_sections

NAME = "ruled"

#: A line that is a rule: three or more of one mark (spaced or not), two equals signs (as some notes part
#: their cards), or a lone ``%``.
_RULE = LineStart(re.compile(rf"^ {{0,3}}(?:([-*_=+])(?:{SPACE}*\1){{2,}}|==|%){SPACE}*$"))
#: A front this long, or longer, is prose.
_LONGEST = 200
#: A front of more lines than this is a paragraph of prose.
_FRONT_LINES = 3
#: Share of the parts (the opening one and those of one line aside) that must be cards.
_CARDS_SHARE = 2 / 3
#: Detection's score is the coverage scaled by this: a layout reading markup (the headings of a
#: FAQ CommonMark underlines) that explains the file as well wins.
_MODESTY = 0.9
#: A quotation's attribution ("-- Mark Twain"), under a quote in a fortune file: no answer.
_ATTRIBUTION = re.compile(r"^\s*(?:--|—|―)\s*\S")
#: An attribution is at most this many lines (a name, a work).
_ATTRIBUTION_LINES = 2

#: A title over an underline is at most this long, and ends in none of these.
_TITLE = 60
_ENDS = (".", ",", ";", "!", *QUESTION_ENDS)

#: A card's field, as a deck's tool writes it in the part before the card: ``card_id: a1vPZE05``.
_FIELD = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*: \S")
#: A line of question marks alone, parting a card's front from its back (``?``, ``??``, ``???``).
_SIDES_MARK = re.compile(r"^\s*\?{1,3}\s*$")
#: A card's third field that is a line of tags, ankdown's: words apart by commas or spaces.
_TAG_FIELD = re.compile(r"^[ \t]*[\w:/-]+(?:(?:[ \t]*,[ \t]*|[ \t]+)[\w:/-]+)*[ \t]*$")
#: A quote's mark before a line.
_QUOTED = re.compile(r"^ {0,3}>[ \t]?")
#: A title between marks ("///Task 5///", "== Part 2 =="): a section's, over a card.
_BANNER = re.compile(r"^\s*([/=~#+-])\1+.*\w.*\1\1\s*$")

#: A line's number in a list: "1.", "2)", "3.Define" (typed without a space).
_NUMBER = re.compile(r"^\s{0,3}(\d{1,3})[.)]")

_Part = list[Line]
#: A reading of a file: its parts, each part's card or None, and lines it explains that no card holds.
_Reading = tuple[list[_Part], list[Entry | None], frozenset[int]]


def _kind(text: str) -> str:
    return text.strip()[0]


def _front(lines: Sequence[Line]) -> bool:
    """True for lines that can be a card's front: few, short, no markup, and asking or no sentence of prose
    ("Explain X." asks; "It went well." is prose); or one quoted line that asks (``> What is X?``), as
    some decks mark their questions."""
    text = " ".join(line.text.strip() for line in lines)
    first = lines[0].text
    if len(lines) == 1 and _QUOTED.match(first):
        text = _QUOTED.sub("", first).strip()
        return question_line(text) and ("?" in text or asks(text))
    return (
        len(lines) <= _FRONT_LINES and len(text) < _LONGEST and not first.startswith(("    ", "\t"))
        and all(question_line(line.text) for line in lines)
        and ("?" in text or asks(text) or not text.endswith((".", ",", ";")))
    )


def _back(lines: Sequence[Line]) -> bool:
    """Any text but a quotation's attribution: a line or two under a quote, not the first of an answer's
    points marked "--" ("-- ref: …" over more lines)."""
    texts = [line for line in lines if not line.blank]
    return bool(texts) and not (len(texts) <= _ATTRIBUTION_LINES and _ATTRIBUTION.match(texts[0].text))


def _trimmed(lines: Sequence[Line]) -> _Part:
    """``lines`` without the blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and lines[start].blank:
        start += 1
    while end > start and lines[end - 1].blank:
        end -= 1
    return list(lines[start:end])


def _split(lines: Sequence[Line], apart: set[int]) -> list[_Part]:
    """The runs of ``lines`` between the lines at the indexes ``apart``, each trimmed; empty runs dropped."""
    parts: list[_Part] = []
    current: _Part = []
    for index, line in enumerate(lines):
        if index in apart:
            parts.append(current)
            current = []
        else:
            current.append(line)
    parts.append(current)
    return [part for part in map(_trimmed, parts) if part]


def _card(front: Sequence[Line], back: Sequence[Line], titles: Sequence[str], first: int) -> Entry:
    answer = clean.answer_markdown([line.text for line in back])
    question = clean.tidy_question(" ".join(_QUOTED.sub("", line.text) for line in front))
    return Entry(question, answer, front[0].number, back[-1].number, titles[front[0].number - first])


def _between(parts: list[_Part], titles: Sequence[str], first: int) -> list[Entry | None]:
    """Each part a card (its first line the front, the rest the back; or the lines over a ``???`` line the
    front, those under it the back), a question with no answer yet (a part of one line that asks, after the
    first), or None."""
    cards: list[Entry | None] = []
    for number, part in enumerate(parts):
        if number and len(part) == 1 and _front(part) and ends_asking(part[0].text.rstrip()):
            line = part[0]  # a question waiting for its answer, between two cards
            question = clean.tidy_question(_QUOTED.sub("", line.text))
            cards.append(Entry(question, "", line.number, line.number, titles[line.number - first]))
            continue
        if len(part) > 2 and _BANNER.match(part[0].text):
            part = part[1:]  # a section's title over the part's first card
        marks = [index for index, line in enumerate(part) if _SIDES_MARK.match(line.text) and not line.code]
        if marks:  # "front / ??? / back": the mark parts the sides (Obsidian's multi-line cards, between rules)
            front, back = _trimmed(part[: marks[0]]), _trimmed(part[marks[0] + 1 :])
        else:
            front, back = part[:1], _trimmed(part[1:])
        # A front a blank line (or a mark) parts from its back was not wrapped into it.
        card = front and back and _front(front) and _back(back) and not _holds_cards(back) \
            and not _list_goes_on(front[-1], back[0]) and not _labels_list(front, back) \
            and (back[0].number > front[-1].number + 1 or stands_alone(front[-1].text, back[0].text))
        cards.append(_card(front, back, titles, first) if card else None)
    return cards


def _holds_cards(back: Sequence[Line]) -> bool:
    """True for a back holding questions of its own, each answered: two paragraphs or more that open on a line
    asking over a line that answers. Such a part is a section of cards under its title ("2. Wired LAN" over
    "Q1. What is a switch?" / its answer ...), as a chat's answer copied to a text file rules its sections."""
    asked = 0
    for index, line in enumerate(back[:-1]):
        if (index == 0 or back[index - 1].blank) and not line.code and ends_asking(line.text.rstrip()) \
                and not back[index + 1].blank and not ends_asking(back[index + 1].text.rstrip()):
            asked += 1
            if asked == 2:
                return True
    return False


def _list_goes_on(front: Line, back: Line) -> bool:
    """True where the back's first line numbers on from the front's ("1.Define a class" over "2.Define …"): the
    two are items of one list, no front over its back."""
    own, under = _NUMBER.match(front.text), _NUMBER.match(back.text)
    return own is not None and under is not None and int(under.group(1)) == int(own.group(1)) + 1


def _labels_list(front: Sequence[Line], back: Sequence[Line]) -> bool:
    """True for a label over a list ("String:" over "1.What is String?", "2.…"): a section's title over
    its items, as notes name a topic's questions, no card's front over its back."""
    items = [line for line in back if not line.blank]
    return front[-1].text.rstrip().endswith(":") and len(items) > 1 \
        and all(_NUMBER.match(line.text) or clean.is_list_item(line.text) for line in items)


def _across(parts: list[_Part], inner: str, titles: Sequence[str], first: int) -> list[Entry | None]:
    """Each part a card (the lines over its one rule of kind ``inner`` the front, those under it the
    back; under a second one, a line of tags, as ankdown's third field) or None."""
    cards: list[Entry | None] = []
    for part in parts:
        rules = [index for index, line in enumerate(part) if not line.code and _RULE.matches(line.text)]
        card = None
        tags = _tag_field(part[rules[1] + 1 :]) if len(rules) == 2 else None
        if (len(rules) == 1 or tags is not None) and all(_kind(part[index].text) == inner for index in rules):
            front, back = _trimmed(part[: rules[0]]), _trimmed(part[rules[0] + 1 : rules[1] if tags is not None else None])
            if front and back and _front(front) and _back(back) and not _labels_list(front, back):
                card = _card(front, back, titles, first)
                if tags:
                    card = replace(card, tags=tags)
        cards.append(card)
    return cards


def _tag_field(lines: Sequence[Line]) -> tuple[str, ...] | None:
    """The tags of a card's third field when it is a line of them (``math, probability``), else None."""
    field = _trimmed(lines)
    if len(field) != 1 or not _TAG_FIELD.match(field[0].text):
        return None
    return tuple(tag for tag in re.split(r"[\s,]+", field[0].text) if tag)


def _underlines(lines: Sequence[Line], rules: set[int]) -> set[int]:
    """The rules that underline a title: a short line standing alone over the rule, a blank line (or
    the end) under it, as ``Configuration`` over ``-------------``. CommonMark's setext heading, and no
    card's side: a card's rule has its front or back against it."""
    found = set()
    for index in rules:
        above = lines[index - 1] if index else None
        if above is None or above.blank or index - 1 in rules or (index + 1 < len(lines) and not lines[index + 1].blank):
            continue
        text = above.text.strip()
        if (index < 2 or lines[index - 2].blank or index - 2 in rules) and len(text) <= _TITLE and not text.endswith(_ENDS):
            found.add(index)
    return found


def _sides(parts: list[_Part], titles: Sequence[str], first: int) -> _Reading:
    """The cards of a deck whose rules part everything: each card's fields (``card_id: …``) a part, its
    front the next, its back the one after (mochi-mochi's decks); the groups of parts between fields,
    each group's card or None, and the fields' lines."""
    groups: list[list[_Part]] = [[]]
    fields: set[int] = set()
    for part in parts:
        if all(_FIELD.match(line.text) for line in part):
            groups.append([])
            fields.update(line.number for line in part)
        else:
            groups[-1].append(part)
    groups = [group for group in groups if group]
    if len(groups) < 2:
        return [], [], frozenset()  # no fields: the rules part the cards or the sides, as another reading tells
    cards: list[Entry | None] = []
    for group in groups:
        good = len(group) == 2 and _front(group[0]) and _back(group[1])
        cards.append(_card(group[0], group[1], titles, first) if good else None)
    return [[line for part in group for line in part] for group in groups], cards, frozenset(fields)


def _paragraphs(lines: Sequence[Line]) -> set[int]:
    """Indexes of the blank lines outside code: what parts paragraphs."""
    return {index for index, line in enumerate(lines) if line.blank and not line.code}


def _counted(parts: list[_Part], cards: list[Entry | None]) -> list[Entry] | None:
    """The cards (and questions not answered yet), when they are most of the parts (the opening part and
    parts of one line aside), two of them answered."""
    found = [card for card in cards if card is not None]
    counted = sum(
        1 for index, (part, card) in enumerate(zip(parts, cards))
        if card is not None or (len(part) > 1 and index > 0)
    )
    if sum(bool(card.answer) for card in found) < 2 or len(found) < _CARDS_SHARE * counted:
        return None
    return found


def find(source: Source) -> list[Entry]:
    return list(_read(source)[0])


@lru_cache(maxsize=1)
def _read(source: Source) -> tuple[tuple[Entry, ...], frozenset[int]]:
    """The cards of the reading that makes the most (then spans the most lines), and the lines it explains
    that no card holds (the cards' fields)."""
    if not _RULE.found_in(source.text):
        return (), frozenset()  # most files: one search of the text
    lines = outline(source)
    rules = {index for index, line in enumerate(lines) if not line.code and _RULE.matches(line.text)}
    if not rules:
        return (), frozenset()  # the rule was front matter's
    underlined = _underlines(lines, rules)
    rules -= underlined
    if not rules:
        return (), frozenset()  # titles over their underlines: a document's sections
    headings = {lines[index - 1].number for index in underlined}
    titles = outline_sections(source)
    first = lines[0].number
    # The document's title, over its first card: no part of it.
    opening = 0
    while opening < len(lines) and (lines[opening].blank or heading(lines[opening])) and opening not in rules:
        opening += 1
    if opening:
        lines = lines[opening:]
        rules = {index - opening for index in rules if index >= opening}
    readings: list[_Reading] = []
    parts = _split(lines, rules)
    readings.append((parts, _between(parts, titles, first), frozenset()))
    readings.append(_sides(parts, titles, first))
    kinds = {_kind(lines[index].text) for index in rules}
    paragraphs = _paragraphs(lines)
    for inner in kinds:
        parts = _split(lines, paragraphs)
        readings.append((parts, _across(parts, inner, titles, first), frozenset()))
        for outer in kinds - {inner}:
            parts = _split(lines, {index for index in rules if _kind(lines[index].text) == outer})
            readings.append((parts, _across(parts, inner, titles, first), frozenset()))
    best: list[Entry] = []
    best_answered = best_lines = 0
    explained: frozenset[int] = frozenset()
    for parts, cards, also in readings:
        cards = [None if card is not None and _headed(part, headings) else card for part, card in zip(parts, cards)]
        if cards and cards[0] is not None and not cards[0].tags and not ends_asking(cards[0].question) \
                and _introduction(parts, cards):
            cards[0] = None
        found = _counted(parts, cards)
        if not found:
            continue
        answered = [card for card in found if card.answer]
        spanned = sum(card.last - card.line + 1 for card in answered)
        if (len(answered), spanned) > (best_answered, best_lines):
            best, best_answered, best_lines, explained = found, len(answered), spanned, also
    return tuple(best), explained


def _introduction(parts: list[_Part], cards: list[Entry | None]) -> bool:
    """True when the opening part holds more paragraphs than any card after it: a document's introduction
    (a label over what the page is about), not its first card (one with a field of tags is one, and so is
    one whose front asks: a long first answer is still an answer)."""
    most = max((_paragraph_count(part) for part, card in zip(parts[1:], cards[1:]) if card is not None), default=0)
    return _paragraph_count(parts[0]) > most


def _paragraph_count(part: _Part) -> int:
    return sum(1 for index, line in enumerate(part) if not line.blank and (not index or part[index - 1].blank))


def _headed(part: _Part, headings: set[int]) -> bool:
    """True for a part holding a heading (ATX, or a title over an underline)."""
    return any(line.number in headings or heading(line) for line in part)


def _score(source: Source, entries: Sequence[Entry]) -> float:
    return coverage(source, entries, _read(source)[1]) * _MODESTY


LAYOUT = replace(
    make_layout(
        NAME, "Cards apart by rule lines (---, ***, ===, %): a front over its back, or a rule between the two",
        find, _score,
    ),
    best_score=_MODESTY,
)
