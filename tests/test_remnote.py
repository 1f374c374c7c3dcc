"""RemNote's flashcards (the ``remnote`` layout): what makes a card, what never does, and the notes Anki makes.

The golden cases are ``fixtures/remnote/``; here, the text where ``>>``, ``<<``, ``<>``, ``::``, ``;;`` and
arrows mean something else, the files other layouts keep, and the reversed note in a real Anki.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli

from .conftest import import_apkg, notes_by_guid

#: Notes where every separator means something else: a shell, C++, Haskell, quoted mail, math, prose, code.
NOT_CARDS = """# Shell and C++ notes

Append a line with `echo x >> ~/.bashrc`, or:

```sh
echo "export PATH=$PATH:/opt/bin" >> ~/.profile
cat <<EOF > out.txt
```

- Append to a log: echo done >> build.log
- Exit status: $? >> 8
- Stream: std::cout << "Hello" << std::endl;
- Read: cin >> x;
- Bind: m >>= f
- Shift: a >> b
- Not equal: where a <> b;
- Arrows in prose: input → output
- Many steps: parse → check → emit

> > Quoted mail from the list
>> An older quote

We found that latency >> throughput mattered here, so the cache
was rewritten; the old one << the new one in every benchmark.
"""

REMNOTE = """# Biology

- Cells
    - Powerhouse of the cell >> Mitochondria
    - ATP << What molecule stores energy
    - Chloroplast <> Organelle of photosynthesis
"""


def parse(tmp_path: Path, text: str, name: str = "notes.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_separators_in_code_shell_math_mail_and_prose_make_no_card(tmp_path):
    result = parse(tmp_path, NOT_CARDS)
    assert result.layout != "remnote"
    assert parsers.get("remnote").parse(sources.read(tmp_path / "notes.md")).cards == ()


def test_a_card_among_those_lines_is_still_a_card(tmp_path):
    text = NOT_CARDS + "\n- Cells\n    - Powerhouse of the cell >> Mitochondria\n    - ATP << What stores energy\n"
    cards = parsers.get("remnote").parse(sources.read(_write(tmp_path, text))).cards
    assert [(card.question, card.answer, card.section) for card in cards] == [
        ("Powerhouse of the cell", "Mitochondria", "Cells"),
        ("What stores energy", "ATP", "Cells"),
    ]


def _write(folder: Path, text: str) -> Path:
    path = folder / "notes.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "layout", "kinds"),
    [
        # Obsidian's one-line cards: "::" alone is no RemNote file, and its cards stay one way.
        ("Capital of France::Paris\n\nLargest planet::Jupiter\n", "obsidian", ["basic", "basic"]),
        # A flat list of "q >> a" lines is the separated layout's, as before.
        ("- Mitochondria >> powerhouse\n- Ribosome >> makes proteins\n- Nucleus >> holds DNA\n", "separated",
         ["basic", "basic", "basic"]),
        ("What is DNS?;;The phone book\nWhat is TCP?;;Reliable transport\nWhat is IP?;;Addressing\n", "separated",
         ["basic", "basic", "basic"]),
    ],
)
def test_files_of_other_layouts_keep_their_layout(tmp_path, text, layout, kinds):
    result = parse(tmp_path, text)
    assert result.layout == layout
    assert [card.kind for card in result.cards] == kinds


def test_one_line_of_a_remnote_file_with_other_separators_is_read_as_remnote(tmp_path):
    result = parse(tmp_path, REMNOTE + "    - Osmosis :: water through a membrane\n")
    assert result.layout == "remnote"
    assert [(card.question, card.kind) for card in result.cards][-1] == ("Osmosis", "reversed")  # a concept


def test_anki_makes_a_card_each_way_of_a_remnote_card_both_ways_and_updates_it(tmp_path, collection):
    def build(text: str) -> Path:
        _write(tmp_path, text)
        result = CliRunner().invoke(cli, ["build", str(tmp_path / "notes.md"), "-o", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
        (package,) = (tmp_path / "out").glob("*.apkg")
        return package

    import_apkg(collection, build(REMNOTE))
    notes = notes_by_guid(collection)
    by_question = {note["Question"]: note for note in notes.values()}
    both = by_question["Chloroplast"]
    assert both.note_type()["name"] == "qadeck Q&A (and reversed)" and len(both.cards()) == 2
    asked = collection.get_card(sorted(both.card_ids())[1]).question()
    assert "Organelle of photosynthesis" in asked and "Chloroplast" not in asked  # the second card asks the back
    backward = by_question["What molecule stores energy"]
    assert backward["Answer"] == "<p>ATP</p>" and len(backward.cards()) == 1
    cards = sorted(both.card_ids())

    import_apkg(collection, build(REMNOTE.replace("Organelle of photosynthesis", "Organelle of photosynthesis in plants")))
    after = notes_by_guid(collection)
    assert set(after) == set(notes)
    assert "in plants" in after[both.guid]["Answer"] and sorted(after[both.guid].card_ids()) == cards


def test_the_other_items_of_a_remnote_file_are_notes_not_another_layouts_cards(tmp_path):
    text = REMNOTE + ("- **What decides when a cell divides?**\n    - Checkpoints in the cell cycle\n    - Growth factors\n"
                      "- **Why do cells die on purpose?**\n    - To shape tissues\n    - To remove damaged cells\n")
    result = parse(tmp_path, text)
    assert result.layout == "remnote"
    assert [card.question for card in result.cards] == [
        "Powerhouse of the cell", "What molecule stores energy", "Chloroplast"]


def test_a_formula_is_one_side_of_a_card_both_ways_and_two_operands_are_none(tmp_path):
    # "H2O" holds no two letters in a row, yet names water; "a <> b" and "x <> 5" compare two operands.
    text = "- Chemistry\n    - H2O <> water\n    - Fe <> iron\n    - WHERE a <> b\n    - x <> 5\n    - i <> j\n"
    cards = parse(tmp_path, text).cards
    assert [(card.question, card.answer, card.kind) for card in cards] == [
        ("H2O", "water", "reversed"), ("Fe", "iron", "reversed")]
