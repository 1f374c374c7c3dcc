"""anki-editor's notes in Org files: a heading whose drawer names a note type, its fields as subheadings.

The cards of a whole file are a golden fixture (``fixtures/blocks/anki-editor.org``); here, what is no
note, and what a real Anki makes of a cloze note.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import built_note, parsed, shown_fronts

CLOZE = """* Chemistry
** Water
:PROPERTIES:
:ANKI_NOTE_TYPE: Cloze
:ANKI_TAGS: molecules
:END:
*** Text
Water is {{c1::hydrogen}} and {{c2::oxygen}}.
*** Extra
Two atoms of the first.
"""


def cards(tmp_path: Path, text: str):
    return parsed(tmp_path / "cards.org", text).cards


def test_a_cloze_note_is_a_cloze_card_with_its_extra_and_tags(tmp_path):
    (card,) = cards(tmp_path, CLOZE)
    assert (card.kind, card.question, card.answer) == (
        "cloze", "Water is {{c1::hydrogen}} and {{c2::oxygen}}.", "Two atoms of the first.")
    assert (card.section, card.tags) == ("Chemistry", ("molecules",))


def test_a_capture_template_in_a_source_block_is_no_note(tmp_path):
    config = """* Flashcards
How I capture notes:
#+begin_src org
** A note
:PROPERTIES:
:ANKI_NOTE_TYPE: Basic
:END:
*** Front
What is the template's question?
*** Back
Its answer.
#+end_src
* What does this file configure?
Emacs.
* Which editor reads it?
Emacs too.
"""
    assert all(card.layout != "blocks" for card in cards(tmp_path, config))
    assert [card.question for card in cards(tmp_path, config)] == [
        "What does this file configure?", "Which editor reads it?"]


def test_a_note_of_fields_of_its_own_asks_with_its_first(tmp_path):
    vocabulary = """* Casa
:PROPERTIES:
:ANKI_NOTE_TYPE: Vocabulary
:END:
** Word
casa
** Meaning
house
"""
    assert [(card.question, card.answer, card.kind) for card in cards(tmp_path, vocabulary)] == [
        ("casa", "house", "basic")]


def test_anki_makes_a_card_per_deletion(tmp_path, collection):
    note = built_note(tmp_path, collection, "Chemistry.org", CLOZE)
    fronts = shown_fronts(collection, note)
    assert (note.note_type()["name"], len(fronts)) == ("qadeck Cloze", 2)
    assert "Water is hydrogen and [...]." in fronts[1] and "molecules" in note.tags


def test_a_note_of_property_fields_alone_keeps_its_subheadings_out(tmp_path):
    quick = """* Boiling
:PROPERTIES:
:ANKI_NOTE_TYPE: Cloze
:ANKI_FIELD_TEXT: Water boils at {{c1::100}} degrees.
:ANKI_NO_SUBHEADING_FIELDS: t
:END:
At sea level.
** A subheading, no field
Not part of the note.
"""
    assert [(card.kind, card.question, card.answer) for card in cards(tmp_path, quick)] == [
        ("cloze", "Water boils at {{c1::100}} degrees.", "At sea level.")]


def test_a_front_alone_is_answered_by_the_text_under_the_heading(tmp_path):
    front = """* Rivers
:PROPERTIES:
:ANKI_NOTE_TYPE: Basic
:END:
The Nile.
** Front
Which river is the longest?
"""
    assert [(card.question, card.answer) for card in cards(tmp_path, front)] == [
        ("Which river is the longest?", "The Nile.")]
