"""org-fc's cards in Org files: compact cards, and cloze cards whose ``{{holes}@n}`` are deletions.

The cards of a whole file are a golden fixture (``fixtures/prefixed/org-fc-cards.org``); here,
what stays text and what a real Anki makes of a cloze.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from qadeck import cloze
from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid, parsed

CLOZE = """* Water                                                               :fc:
:PROPERTIES:
:FC_TYPE:  cloze
:END:
Water is {{hydrogen}@0} and {{oxygen}@1}.
"""


def cards(tmp_path: Path, text: str):
    return parsed(tmp_path / "cards.org", text).cards


def test_holes_are_deletions_numbered_by_their_position(tmp_path):
    (card,) = cards(tmp_path, CLOZE)
    assert (card.kind, card.question) == ("cloze", "Water is {{c1::hydrogen}} and {{c2::oxygen}}.")
    assert cloze.numbers(card.question) == [1, 2]


def test_braces_are_holes_only_in_an_org_fc_cloze(tmp_path):
    normal = CLOZE.replace("cloze", "normal")  # a compact card: the title asks, the body answers
    assert [(c.kind, c.question, c.answer) for c in cards(tmp_path, normal)] == [
        ("basic", "Water", "Water is {{hydrogen}@0} and {{oxygen}@1}."),
    ]
    drill = CLOZE.replace(":fc:", ":drill:")  # org-drill's deletions are [brackets]: no cloze here
    assert all(card.kind != "cloze" for card in cards(tmp_path, drill))


def test_anki_makes_a_card_per_hole_and_updates_the_note_in_place(tmp_path, collection):
    source = tmp_path / "Chemistry.org"

    def build(text: str) -> Path:
        source.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path / "out")], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        (package,) = (tmp_path / "out").glob("*.apkg")
        return package

    import_apkg(collection, build(CLOZE))
    (note,) = notes_by_guid(collection).values()
    assert note.note_type()["name"] == "qadeck Cloze"
    ids = sorted(note.card_ids())
    assert len(ids) == 2
    shown = re.sub(r"<[^>]+>", "", collection.get_card(ids[1]).question())
    assert "Water is hydrogen and [...]." in shown

    import_apkg(collection, build(CLOZE.replace("{{oxygen}@1}.", "{{oxygen}@1}, H2O.")))
    after = notes_by_guid(collection)
    assert list(after) == [note.guid] and "H2O" in after[note.guid]["Text"]
    assert sorted(after[note.guid].card_ids()) == ids
