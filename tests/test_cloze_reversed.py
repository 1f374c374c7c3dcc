"""Cloze and reversed notes: their frozen note types, and what a real Anki makes of them.

Each kind of note gets the Q&A note's guarantees: a card per deletion number
(cloze) or per direction (reversed), a guid that survives an edit, and a
rebuild that Anki imports as an update in place.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile
from pathlib import Path

from click.testing import CliRunner

from qadeck import pipeline, preview
from qadeck.cli import cli
from qadeck.preview.mathml import typeset
from qadeck.render import Renderer
from qadeck.writers import apkg

from .conftest import import_apkg, notes_by_guid

SOURCE = """#flashcards

Water boils at {{c1::100 °C}} at {{c2::sea level::where}}.

Largest planet:::Jupiter

Closest star::the Sun
"""


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def build(folder: Path, text: str) -> Path:
    (folder / "notes.md").write_text(text, encoding="utf-8")
    run("build", str(folder / "notes.md"), "-o", str(folder / "out"))
    (package,) = (folder / "out").glob("*.apkg")
    return package


def test_note_types_are_frozen():
    # Changing any of these forks the note type in Anki and silently stops updates.
    assert (apkg.CLOZE_MODEL_ID, apkg.CLOZE_MODEL_NAME) == (1741503207, "qadeck Cloze")
    assert apkg.CLOZE_FIELDS == ("Text", "Extra", "Topics", "Difficulty", "Source", "Section")
    assert apkg.CLOZE_TEMPLATE_NAMES == ("Cloze",)
    assert (apkg.REVERSED_MODEL_ID, apkg.REVERSED_MODEL_NAME) == (1741503208, "qadeck Q&A (and reversed)")
    assert apkg.REVERSED_TEMPLATE_NAMES == ("Card 1", "Card 2")
    cloze, both = apkg.cloze_model(), apkg.reversed_model()
    assert [f["name"] for f in cloze.fields] == list(apkg.CLOZE_FIELDS)
    assert [t["name"] for t in cloze.templates] == list(apkg.CLOZE_TEMPLATE_NAMES)
    assert [f["name"] for f in both.fields] == list(apkg.FIELDS)
    assert [t["name"] for t in both.templates] == list(apkg.REVERSED_TEMPLATE_NAMES)


def test_list_json_tells_each_kind_and_asks_a_reversed_note_both_ways(tmp_path):
    (tmp_path / "notes.md").write_text(SOURCE, encoding="utf-8")
    cards = json.loads(run("list", "--json", str(tmp_path / "notes.md")).stdout)
    assert [(c["kind"], c["reverse"], c["question"], c["answer"]) for c in cards] == [
        ("cloze", False, "Water boils at {{c1::100 °C}} at {{c2::sea level::where}}.", ""),
        ("reversed", False, "Largest planet", "Jupiter"),
        ("reversed", True, "Jupiter", "Largest planet"),
        ("basic", False, "Closest star", "the Sun"),
    ]
    assert cards[1]["guid"] == cards[2]["guid"]  # one note, two cards


def test_anki_makes_a_card_per_deletion_and_per_direction_and_updates_them_in_place(tmp_path, collection):
    package = build(tmp_path, SOURCE)
    import_apkg(collection, package)
    notes = notes_by_guid(collection)
    assert len(notes) == 3
    by_type = {note.note_type()["name"]: note for note in notes.values()}
    cloze, both = by_type["qadeck Cloze"], by_type["qadeck Q&A (and reversed)"]
    assert len(cloze.cards()) == 2 and len(both.cards()) == 2
    assert len(by_type["qadeck Q&A"].cards()) == 1
    assert "{{c2::sea level::where}}" in cloze["Text"]
    question = collection.get_card(sorted(both.card_ids())[1]).question()
    assert "Jupiter" in question and "Largest planet" not in question  # the reverse card asks the answer
    reviewed = sorted([*cloze.card_ids(), *both.card_ids()])

    edited = SOURCE.replace("100 °C", "100 degrees Celsius").replace(":::Jupiter", ":::Jupiter, a gas giant")
    import_apkg(collection, build(tmp_path, edited))
    after = notes_by_guid(collection)
    assert set(after) == set(notes)  # the same notes: no duplicates
    assert "{{c1::100 degrees Celsius}}" in after[cloze.guid]["Text"]
    assert "a gas giant" in after[both.guid]["Answer"]
    assert sorted([*after[cloze.guid].card_ids(), *after[both.guid].card_ids()]) == reviewed  # cards kept


def test_a_deck_of_qa_notes_holds_only_the_qa_note_type(tmp_path):
    package = build(tmp_path, "Closest star::the Sun\n\nRed planet::Mars\n")
    with zipfile.ZipFile(package) as archive, (tmp_path / "col.anki2").open("wb") as out:
        out.write(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "col.anki2")
    try:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    finally:
        conn.close()
    assert [m["name"] for m in models.values()] == ["qadeck Q&A"]


def anki_and_preview(folder: Path, collection, source: str) -> tuple[dict, dict]:
    """Each card's (front, back) as the real Anki renders it from the package, and as the preview
    shows it, by (note guid, card number), once the page's MathML stands for Anki's MathJax."""
    package = build(folder, source)
    import_apkg(collection, package)
    # What Anki adds that the page has elsewhere or not at all: the note type's CSS, and the
    # deletion's text for Anki's own script.
    anki_only = re.compile(r"<style>.*?</style>|\sdata-cloze=\"[^\"]*\"", re.DOTALL)
    anki = {}
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        anki[(card.note().guid, card.ord + 1)] = tuple(
            typeset(anki_only.sub("", side)) for side in (card.question(), card.answer()))

    prepared = pipeline.prepare(pipeline.load([folder / "notes.md"]))
    shown = {(card.guid, made.number): (made.front, made.back)
             for card, made in preview.page_cards(preview.Preview("deck", prepared.cards, []), Renderer())}
    return anki, shown


def test_the_preview_shows_each_card_as_anki_renders_it(tmp_path, collection):
    """The preview's cards are Anki's own (the real backend's rendering): a card per deletion and
    per direction, deletions in math too."""
    source = SOURCE + "\nSquares: {{c1::nine}} is \\(3^{{c2::2}}\\), and \\[\\frac{1}{2}\\]\n"
    anki, shown = anki_and_preview(tmp_path, collection, source)
    assert shown == anki
    assert len(shown) == 7  # two cloze notes of two deletions, a reversed note, a Q&A note
    (squares,) = [front for front, _ in shown.values() if "Squares" in front and "nine" in front]
    assert "<math" in squares and "[...]" in squares and "\\(" not in squares  # the gap in the formula, typeset


NESTED = """#flashcards

The {{c1::capital of {{c2::France::a country}}}} is {{c3::Paris}}.

Squares: {{c1::\\(3^{{c2::2}}\\) is {{c3::nine::a number}}}}.

The ==Seine== flows through {{c1::Paris, {{c2::France}}}}.
"""


def test_nested_deletions_get_a_card_each_shown_as_anki_shows_them(tmp_path, collection):
    """Anki reads a deletion inside another (since 2.1.56): the package has a card per number,
    nested ones too, and the preview shows each as Anki does, the outer gap hiding the inner."""
    anki, shown = anki_and_preview(tmp_path, collection, NESTED)
    assert shown == anki
    assert len(shown) == 9  # three notes of three deletion numbers each (the highlight takes the next free one)
    (capital,) = {guid for (guid, _), (_, back) in shown.items() if "capital" in back}
    fronts = {number: front for (guid, number), (front, _) in shown.items() if guid == capital}
    assert "[...]" in fronts[1] and "France" not in fronts[1] and "capital" not in fronts[1]
    assert "capital of" in fronts[2] and "[a country]" in fronts[2] and "France" not in fronts[2]


def test_a_nested_deletion_is_inside_its_outer_ones_gap_in_a_csv(tmp_path):
    build(tmp_path, NESTED)
    (path,) = (tmp_path / "out").glob("*.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["question"], r["answer"]) for r in rows] == [
        ("The [...] is [...].", "The capital of France is Paris."),
        ("Squares: [...].", "Squares: \\(3^2\\) is nine."),
        ("The [...] flows through [...].", "The Seine flows through Paris, France."),
    ]

