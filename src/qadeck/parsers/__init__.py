"""Layout detection and parsing: the registry of layout parsers.

``LAYOUTS`` is the one list of layouts, in priority order: when two layouts
score the same on a file, the earlier one wins. A new layout is a new module
with a ``LAYOUT`` and one line here, never a new branch in another parser.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import UsageError, unknown
from ..model import Card, Finding, ParseResult, Source
from . import (
    answered, apy, asciidoc, blocks, bold, choices, csv, details, front_matter_entries, glossary, hashcards, headings, inka, inline, key,
    labelled, liascript, logseq, maps,
    mkdocs_quiz, numbered, obsidian, outline, pairs, prefixed, prose, quiz, remnote, ruled, separated, table, terms, titles,
)
from .base import Layout
from .structure import (
    asks_in, blanked, ends_asking, faq_section, lists_questions, marked_section, names_study, setext_as_atx,
    study_section, typed, without_comments, without_site_templates,
)

LAYOUTS: tuple[Layout, ...] = (
    csv.LAYOUT,
    liascript.LAYOUT,
    mkdocs_quiz.LAYOUT,
    quiz.LAYOUT,
    choices.LAYOUT,
    blocks.LAYOUT,
    apy.LAYOUT,
    inka.LAYOUT,
    hashcards.LAYOUT,
    logseq.LAYOUT,
    details.LAYOUT,
    table.LAYOUT,
    asciidoc.LAYOUT,
    obsidian.LAYOUT,
    glossary.LAYOUT,
    inline.LAYOUT,
    separated.LAYOUT,
    remnote.LAYOUT,
    ruled.LAYOUT,
    labelled.LAYOUT,
    key.LAYOUT,
    headings.LAYOUT,
    titles.LAYOUT,
    bold.LAYOUT,
    prefixed.LAYOUT,
    numbered.LAYOUT,
    answered.LAYOUT,
    outline.LAYOUT,
    pairs.LAYOUT,
    prose.LAYOUT,
    terms.LAYOUT,
    maps.LAYOUT,
)

#: Below this score a layout is not considered a fit.
MIN_SCORE = 0.2


def names() -> list[str]:
    return [layout.name for layout in LAYOUTS]


def get(name: str) -> Layout:
    """The layout called ``name``; ``separated=<text>`` is the separated layout with that separator."""
    base, given, separator = name.partition("=")
    if given and base == separated.NAME and separator:
        return separated.layout_for(separator)
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise UsageError(unknown("layout", name, names()))


def readable(source: Source) -> Source:
    """``source`` as layouts read it: HTML comments and a site page's template lines blanked (see
    :func:`structure.without_comments`, :func:`structure.without_site_templates`)."""
    text = without_site_templates(without_comments(source.text))
    return source if text is source.text else Source(source.path, text, source.encoding)


def detect(source: Source) -> tuple[Layout | None, float]:
    """The best-scoring layout for ``source`` (None when nothing fits)."""
    layout, score, _, _ = _choose(readable(source))
    return layout, score


def _choose(source: Source) -> tuple[Layout | None, float, Source, tuple[Card, ...] | None]:
    """The layout that fits ``source``, its score, and what it reads: the whole source, or, when
    nothing fits it, its FAQ sections where a layout fits them (see :func:`structure.faq_section`), else its
    sections of marked questions (see :func:`structure.marked_section`); or, in study notes, their review
    questions and answers (see :func:`_studied`); and then the cards of the rest of the source kept beside
    them (None when the whole source or a FAQ section is read)."""
    best, best_score, source = _with_setext_headings(source, *closest(source))
    studied = _studied(source, best, best_score)
    if studied is not None:
        return studied
    if best_score >= MIN_SCORE:
        return best, best_score, source, None
    for part in (faq_section(source), marked_section(source, prefixed.QUESTION)):
        if part is not None:
            near, score = closest(part)
            if score >= MIN_SCORE:
                return near, score, part, None
    return None, best_score, source, None


#: Layouts that read a page's topics as cards where no question is marked: any heading, a table's rows, a list's
#: items, a paragraph. A chapter of study notes read by one of them gives its sections, not its questions.
_TOPIC_READERS = frozenset({headings.NAME, titles.NAME, table.NAME, outline.NAME, prose.NAME, ruled.NAME, separated.NAME,
                            pairs.NAME, glossary.NAME, terms.NAME})


def _studied(source: Source, best: Layout | None,
             best_score: float) -> tuple[Layout | None, float, Source, tuple[Card, ...]] | None:
    """The reading of ``source``'s study sections (see :func:`structure.study_section`), with the cards of the
    rest of the page, where the whole page's reading takes its topics for questions: lecture notes and
    textbook chapters are read by their sections' titles or tables (cards that do not ask), where the
    questions to learn are those the chapter closes on. The rest of the page keeps what a layout that marks
    its questions finds there (questions answered on their own lines), or else its cards that ask. No layout
    when none fits the study sections and nothing else asks (nor lists questions no layout read): a
    chapter's unanswered exercises are no cards, nor are its topics. None when the whole page is read as it
    is: its layout marks its questions, or most of what the rest of it holds asks (a FAQ that ends on
    exercises)."""
    if best is not None and best_score >= MIN_SCORE and best.name not in _TOPIC_READERS:
        return None
    found = study_section(source, key.KEY_TITLE)
    if found is None:
        return None
    part, spans = found
    rest = blanked(source, (number for first, last in spans for number in range(first, last + 1)))
    outside, outside_score = closest(rest)
    asked: tuple[Card, ...] = ()
    if outside is not None and outside_score >= MIN_SCORE:
        cards = outside.parse(rest).cards
        asked = tuple(card for card in cards
                      if outside.name not in _TOPIC_READERS or ends_asking(card.question.strip(_QUOTES)))
        if outside.name in _TOPIC_READERS and len(asked) >= 2 and len(asked) * 2 >= len(cards):
            return None
    near, score = closest(part)
    fits = near is not None and score >= MIN_SCORE
    if not asked and lists_questions(rest) and not (fits and _asked_in(near.parse(part).cards)):
        return None  # the page lists questions (answered on their lines) that no layout read: read it whole
    if not fits:
        return None if asked or best_score < MIN_SCORE else (None, score, part, ())
    return near, score, part, asked


#: Quotation marks around a question a walkthrough copies ("“What is the flag?”").
_QUOTES = " \"'“”„«»‘’"


def _asked_in(cards: tuple[Card, ...]) -> tuple[Card, ...]:
    """The cards of a chapter's study sections: their titles ("Review questions", "Quiz") are no questions."""
    return tuple(card for card in cards if not names_study(card.question))


#: Layouts whose files' underlines are no Markdown headings (see :func:`_with_setext_headings`).
_NO_SETEXT = (asciidoc.LAYOUT, hashcards.LAYOUT)


def _with_setext_headings(source: Source, best: Layout | None, score: float) -> tuple[Layout | None, float, Source]:
    """The layout, score and text to read: ``source`` as it is, or with its setext headings written as ATX
    ones (see :func:`structure.setext_as_atx`) where that reading explains it as well or better.

    Underlined questions may make it another layout's file (a FAQ of question headings); underlined
    sections over another layout's Q&A (``General`` over ``Q:`` and ``A:`` lines) only give that layout
    its sections, and a section's title no longer ends the answer above it.
    """
    # AsciiDoc underlines its titles too, and its "----" lines fence code; hashcards' "---" lines end its
    # cards: never Markdown's headings.
    headed = setext_as_atx(source) if typed(source) and best not in _NO_SETEXT else None
    if headed is None:
        return best, score, source
    text, titles = headed
    if sum(map(headings.asks, titles)) * 2 >= len(titles):
        near, near_score = closest(text)
    elif best is not None:
        near, near_score = best, best.detect(readable(text))
    else:
        return best, score, source
    if near_score > score or (near is best and near_score == score):
        return near, near_score, text
    return best, score, source


def closest(source: Source) -> tuple[Layout | None, float]:
    """The best-scoring layout for ``source`` and its score, however low (None when all score 0)."""
    source = readable(source)
    best: Layout | None = None
    best_score = 0.0
    for layout in LAYOUTS:
        if layout.best_score <= best_score:
            continue  # it could only tie, and the earlier layout wins a tie
        score = layout.detect(source)
        if score > best_score:
            best, best_score = layout, score
    return best, best_score


def parse(source: Source, layout: str | None = None) -> ParseResult:
    """Parse ``source`` with the named layout, or the detected one, and the FAQ its front matter lists (see
    :mod:`.front_matter_entries`); lines are the file's (see :attr:`Source.origins`)."""
    return front_matter_entries.joined(_parse(source, layout), front_matter_entries.entries(source, parse))


def _parse(source: Source, layout: str | None) -> ParseResult:
    origins = source.origins
    source = readable(source)
    if layout:
        return _at_origins(get(layout).parse(source), origins)
    chosen, _, source, asked = _choose(source)
    if chosen is None:
        return ParseResult(
            source=source.name,
            layout="none",
            findings=() if _code(source) else (Finding("skipped", source.name, 1, no_fit(source)),),
        )
    result = _with_rest(source, chosen, chosen.parse(source))
    if asked is not None:  # a chapter's study sections, and what the rest of it asks
        cards = (*_asked_in(result.cards), *asked)
        result = replace(result, cards=tuple(sorted(cards, key=lambda card: card.lines)))
    return _at_origins(result, origins)


def _at_origins(result: ParseResult, origins: tuple[int, ...]) -> ParseResult:
    """``result`` with the lines of the text read turned into the file's lines they came from."""
    if not origins:
        return result

    def line(number: int) -> int:
        return origins[min(number, len(origins)) - 1] if number > 0 else number

    cards = tuple(card if (lines := (line(card.lines[0]), line(card.lines[1]))) == card.lines
                  else replace(card, lines=lines) for card in result.cards)
    findings = tuple(replace(finding, line=line(finding.line)) for finding in result.findings)
    return replace(result, cards=cards, findings=findings)


#: Layouts tried on what another left unread: those whose questions are marked as questions (a heading, bold
#: or a number that asks, a label, a folded block whose summary asks, a toggle list's items that ask). The others read what is left of a
#: page as cards of their own kind: prose infers questions, titles takes any heading, obsidian bold words
#: for deletions once the questions are gone, separated any line with a dash, quiz a folded table of contents.
_FOR_REST = frozenset({headings.NAME, bold.NAME, prefixed.NAME, numbered.NAME, details.NAME, outline.NAME})


def _with_rest(source: Source, chosen: Layout, result: ParseResult) -> ParseResult:
    """``result`` and the cards of a second layout that fits what the first left unread (a FAQ that
    writes some entries as question headings and others as bold ``Q:`` pairs), when it finds two
    questions there. What the second layout reports (unanswered questions) is the first one's text."""
    if (not result.cards or chosen is remnote.LAYOUT or chosen is liascript.LAYOUT
            or chosen is obsidian.LAYOUT and obsidian.tags_cards(source.text)):
        return result  # RemNote's separators, LiaScript's quizzes, the Flashcards plugin's tags say which are cards
    rest = blanked(source, (number for card in result.cards for number in range(card.lines[0], card.lines[1] + 1)))
    if not asks_in(rest.text):
        return result  # most files: what is left is titles and prose
    near, score = closest(rest)
    if near is None or score < MIN_SCORE or near is chosen or near.name not in _FOR_REST:
        return result
    # Only cards that ask: under a FAQ title the headings layout takes any heading, the sections too.
    more = [card for card in near.parse(rest).cards if ends_asking(card.question)]
    if len(more) < 2:
        return result
    return replace(result, cards=tuple(sorted((*result.cards, *more), key=lambda card: card.lines)))


def _code(source: Source) -> bool:
    """Is ``source`` a program's module that holds no quiz data (``Quiz.js``, a component named for what it shows)?
    Its name says Q&A as often as a data module's does: it is code, and nothing is said of it."""
    from .. import markups  # the readers import the parsers' helpers: imported when first needed

    return not source.text.strip() and source.path.suffix.lower() in markups.MODULES


def no_fit(source: Source) -> str:
    """What ``check`` says of a file no layout fits: the closest one, its score, and how to force one."""
    if not source.text.strip():
        from .. import markups  # the readers import the parsers' helpers: imported when first needed

        if source.path.suffix.lower() in markups.DATA:  # read as data (qadeck.markups.data)
            return "no entries with a question and an answer in this data file"
        return "the file is empty: no text to read cards from"
    near, score = closest(source)
    if near is None:
        return (
            "no known Q&A layout fits this file (none finds two questions); "
            f"force one with --layout NAME ({', '.join(names())})"
        )
    return (
        f"no known Q&A layout fits this file: the closest is {near.name} (score {score:.2f}, below {MIN_SCORE:.2f}); "
        f"force it with --layout {near.name}"
    )
