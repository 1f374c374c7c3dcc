"""Plain-text notes whose terms are underlined, each explained below (layout ``terms``), and the plain-text
documents with underlined sections that stay no deck: a README, a manual, release notes."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers
from qadeck.model import Source


def _parse(text: str, name: str = "notes.txt"):
    return parsers.parse(Source(Path(name), text, "utf-8"))


#: A student's notes: parameters listed as "name: meaning" lines under calls, as such notes list them.
TERM_NOTES = """\
mutex
-----
A mutex lets one thread at a time into a critical section.

lock(&m); count++; unlock(&m);
m: the mutex to take.

What is a race condition?

Two threads touch shared data and the result depends on their timing.

semaphore
=========
A semaphore counts how many threads may still enter.

Examples
--------
sem_wait(&s);
s: the semaphore.

spinlock
--------
A spinlock busy-waits instead of sleeping.

It is cheap when the wait is short.

barrier
-------
Every thread stops at the barrier until all have reached it.

pthread_barrier_wait(&b);
b: the barrier, set up once for all threads.

condition variable
------------------
A condition variable lets a thread sleep until another signals a change.
"""


def test_underlined_terms_are_cards_their_explanations_the_answers():
    result = _parse(TERM_NOTES)
    assert result.layout == "terms"
    pairs = [(card.question, card.answer.split("\n")[0]) for card in result.cards]
    assert pairs == [
        ("mutex", "A mutex lets one thread at a time into a critical section."),
        ("semaphore", "A semaphore counts how many threads may still enter."),
        ("spinlock", "A spinlock busy-waits instead of sleeping."),
        ("barrier", "Every thread stops at the barrier until all have reached it."),
        ("condition variable", "A condition variable lets a thread sleep until another signals a change."),
    ]
    # The question typed among the notes stays in the answer it sits in; "Examples" names no term.
    assert "race condition" in result.cards[0].answer
    assert "sem_wait" not in " ".join(card.question for card in result.cards)


def test_a_term_underlined_with_equals_is_no_section_over_the_next_terms():
    semaphore = next(card for card in _parse(TERM_NOTES).cards if card.question == "semaphore")
    assert semaphore.answer.startswith("A semaphore counts")


def test_the_same_notes_in_markdown_are_not_this_layouts():
    # Markdown shows the underlines as headings: the titles layout's file, not plain-text notes.
    assert _parse(TERM_NOTES, "notes.md").layout != "terms"


README = """\
Frobnicator
===========

Installation
------------
Run the setup script from the unpacked folder, then restart the shell.

Usage
-----
Point the program at a folder; it writes its report next to it.

Options
-------
  -q   quiet
  -v   verbose

Bugs
----
Send reports to the tracker; attach the log file.
"""

RELEASE_NOTES = """\
Release 4.2
===========

Fixes
-----
 * a crash when the folder was empty
 * wrong colours on the second screen

Changes
-------
 * the report is written as UTF-8
 * the old flag is gone

Thanks
------
Everyone who sent a patch this time round.
"""


def _terms_score(text: str, name: str = "notes.txt") -> float:
    return parsers.get("terms").detect(parsers.readable(Source(Path(name), text, "utf-8")))


def test_a_readme_and_release_notes_in_plain_text_are_not_term_notes():
    for text in (README, RELEASE_NOTES):
        assert _terms_score(text, "README.txt") == 0
        assert _parse(text, "README.txt").layout != "terms"


def test_titles_are_terms_only_where_their_text_names_them():
    words = ["lexer", "parser", "linker", "loader", "assembler"]
    sections = "\n".join(f"{word}\n------\nSee the figure on page {n}.\n" for n, word in enumerate(words, 1))
    defined = "\n".join(f"{word}\n------\nThe {word} runs at step {n}.\nstep: a stage of the build.\n"
                         for n, word in enumerate(words, 1))
    assert _terms_score(sections) == 0
    assert _terms_score(defined) > 0
    assert [card.question for card in _parse(defined).cards] == words
