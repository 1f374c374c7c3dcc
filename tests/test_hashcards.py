"""hashcards' decks: ``C:`` cards whose square brackets are deletions, among ``Q:``/``A:`` cards.

The deck's own cards are golden fixtures (``fixtures/hashcards/``); here, what must not
become a cloze, and what a real Anki makes of one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import cloze, parsers
from qadeck.cli import cli
from qadeck.model import Source

from .conftest import import_apkg, notes_by_guid

DECK = """Q: What is the capital of France?
A: Paris

C: [Paris] is the capital of [France].
"""


def parsed(text: str, name: str = "notes.md"):
    return parsers.parse(Source(Path(name), text))


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_each_bracket_is_a_deletion_of_its_own_number():
    result = parsed(DECK)
    assert result.layout == "hashcards"
    assert [(card.kind, card.question, card.answer) for card in result.cards] == [
        ("basic", "What is the capital of France?", "Paris"),
        ("cloze", "{{c1::Paris}} is the capital of {{c2::France}}.", ""),
    ]
    assert cloze.numbers(result.cards[1].question) == [1, 2]  # two cards, as hashcards drills two


@pytest.mark.parametrize("text", [
    "A [link](https://example.org), ![a picture](p.png), a [[wiki link]] and [] or [ ] hold none.",
    "- [ ] a task\n- [x] a done task",
    "[ref]: https://example.org",
])
def test_what_brackets_are_in_markdown_is_no_deletion(text):
    assert cloze.to_anki(text, ["square"]) is None


def test_an_escaped_bracket_is_a_bracket_not_a_deletion():
    assert cloze.to_anki(r"\[note\] [kept]", ["square"]) == "[note] {{c1::kept}}"
    assert cloze.to_anki(r"Key: [`\[`]", ["square"]) == "Key: {{c1::`[`}}"


@pytest.mark.parametrize("text", [
    # Brackets in prose, citations, tasks and wiki links, in a file of Q:/A: pairs.
    "Q: What did the study find [1]?\nA: That [most] sleep less, see [[Sleep]].\n\n"
    "Q: What is left to do?\nA:\n- [ ] read [2]\n- [x] write\n",
    # A "C:" line in an answer that is no hashcards cloze: it deletes nothing.
    "Q: What do the labels mean?\nA: Each opens a part.\nC: opens a comment.\n\nQ: What is 2 + 2?\nA: 4\n",
    # "C:" as the third of lettered options.
    "Q: Which gas do plants take in?\nA: One of these:\nB: oxygen\nC: carbon dioxide [the answer]\nD: nitrogen\n\n"
    "Q: Which gas do we breathe out?\nA: Carbon dioxide.\n",
    # A cloze label indented or in bold is another tool's.
    "Q: What is a cloze?\nA: A gap.\n  C: [indented]\n\n**C:** [bold]\n\nQ: What is 2 + 2?\nA: 4\n",
])
def test_brackets_and_c_labels_of_other_layouts_make_no_cloze(text):
    result = parsed(text)
    assert result.layout != "hashcards"
    assert result.cards and all(card.kind != "cloze" for card in result.cards)


def test_a_c_label_in_an_answer_stays_its_text():
    text = "Q: What do the labels mean?\nA: Each opens a part.\nC: opens a comment.\n\nQ: What is 2 + 2?\nA: 4\n"
    assert [card.answer for card in parsed(text).cards] == ["Each opens a part.\n\nC: opens a comment.", "4"]


def test_a_question_over_several_lines_and_an_answer_over_paragraphs():
    text = "Q: Which law is this?\n\n$$a^2 + b^2 = c^2$$\n\nA:\n\nPythagoras'.\n\nOf right triangles.\n---\nC: [Two] cards.\n"
    cards = parsed(text).cards
    assert [(card.question, card.answer, card.lines) for card in cards[:1]] == [
        ("Which law is this?\n\n$$a^2 + b^2 = c^2$$", "Pythagoras'.\n\nOf right triangles.", (1, 9)),
    ]
    assert cards[1].question == "{{c1::Two}} cards."


def test_a_heading_ends_a_card_and_names_the_section():
    cards = parsed("# Capitals\n\nC: [Paris] is in France.\n\n# Rivers\n\nC: The [Seine] runs through Paris.\n").cards
    assert [(card.section, card.question) for card in cards] == [
        ("Capitals", "{{c1::Paris}} is in France."), ("Rivers", "The {{c1::Seine}} runs through Paris."),
    ]


def test_toml_front_matter_between_dashes_is_no_text():
    result = parsed('---\nname = "Geography"\n---\n\n' + DECK)
    assert result.layout == "hashcards" and len(result.cards) == 2
    assert result.cards[0].lines == (5, 6)


def test_list_json_tells_a_cloze(tmp_path):
    (tmp_path / "Geography.md").write_text(DECK, encoding="utf-8")
    cards = json.loads(run("list", "--json", str(tmp_path / "Geography.md")).stdout)
    assert [card["kind"] for card in cards] == ["basic", "cloze"]


def test_anki_makes_a_card_per_bracket_and_updates_the_note_in_place(tmp_path, collection):
    source = tmp_path / "Geography.md"

    def build(text: str) -> Path:
        source.write_text(text, encoding="utf-8")
        run("build", str(source), "-o", str(tmp_path / "out"))
        (package,) = (tmp_path / "out").glob("*.apkg")
        return package

    import_apkg(collection, build(DECK))
    notes = {note.note_type()["name"]: note for note in notes_by_guid(collection).values()}
    note = notes["qadeck Cloze"]
    assert "{{c1::Paris}}" in note["Text"] and "{{c2::France}}" in note["Text"]
    cards = sorted(note.card_ids())
    assert len(cards) == 2
    shown = re.sub(r"<[^>]+>", "", collection.get_card(cards[1]).question())
    assert "Paris is the capital of [...]." in shown  # the second card asks the second bracket

    import_apkg(collection, build(DECK.replace("[France].", "[France], on the Seine.")))
    after = notes_by_guid(collection)
    assert note.guid in after and len(after) == 2  # updated, not added
    assert "on the Seine" in after[note.guid]["Text"]
    assert sorted(after[note.guid].card_ids()) == cards  # the same cards, reviews kept


def test_a_row_of_equals_signs_highlights_nothing():
    # A title's underline ("=====") is no Obsidian ==highlight==; a highlight opens and ends on text.
    assert cloze.to_anki("Threads:\n=====", ["highlight"]) is None
    assert cloze.to_anki("x ===y=== z", ["highlight"]) is None
    assert cloze.to_anki("Paris is the ==capital== of France", ["highlight"]) == "Paris is the {{c1::capital}} of France"
    assert cloze.to_anki("==c2::Rome== and ==Oslo==", ["highlight"]) == "{{c2::Rome}} and {{c1::Oslo}}"
