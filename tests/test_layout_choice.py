"""How a layout is chosen where detection cannot: what `check` says when none fits, and `separator:` in the config."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qadeck import parsers, sources
from qadeck.cli import cli


def test_check_names_the_closest_layout_and_how_to_force_it(tmp_path: Path) -> None:
    story = "\n\n".join(f"Line {n} of a long story told in plain words" for n in range(40))
    (tmp_path / "notes.md").write_text(f"| a | b |\n|---|---|\n| x | y |\n| z | w |\n\n{story}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "notes.md")])
    assert (
        "no questions with answers found in any source (notes.md: no known Q&A layout fits this file: "
        "the closest is table (score 0.07, below 0.20); force it with --layout table)"
    ) in result.output
    assert result.exit_code == 1


def test_check_says_when_no_layout_comes_close(tmp_path: Path) -> None:
    (tmp_path / "hello.md").write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "hello.md")])
    assert "no known Q&A layout fits this file (none finds two questions); force one with --layout NAME" in result.output


def test_a_separator_named_in_the_config_splits_every_line(tmp_path: Path) -> None:
    (tmp_path / "qadeck.yaml").write_text('deck: Words\nseparator: "~"\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("tacit~understood without being said\nterse~brief\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert '"question": "tacit"' in result.output and '"answer": "understood without being said"' in result.output


def test_a_separator_with_another_layout_is_an_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "qadeck.yaml").write_text('deck: Words\nlayout: headings\nseparator: "~"\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("tacit~understood\nterse~brief\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(tmp_path)])
    assert result.exit_code != 0
    assert "qadeck.yaml:3: 'separator' goes with layout 'separated', not 'headings'" in result.output


def test_lines_split_by_a_comma_are_cards_only_where_no_space_follows_it(tmp_path: Path) -> None:
    """Quizlet's export with the comma chosen writes "term,definition"; prose writes a space after its
    commas, and rows of numbers ("2019,42") name no term: neither is a list of cards."""
    (tmp_path / "words.txt").write_text("tacit,understood without being said\nterse,brief\nlucid,clear\n", encoding="utf-8")
    (tmp_path / "diary.txt").write_text(
        "On Monday, we walked to the lake\nLater, the rain came\nBy night, the road was a river\n"
        "In the end, we stayed home\n", encoding="utf-8")
    (tmp_path / "counts.txt").write_text("2019,42\n2020,57\n2021,63\n2022,71\n", encoding="utf-8")
    words = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "words.txt")])
    assert words.exit_code == 0, words.output
    assert '"question": "terse"' in words.output and '"answer": "brief"' in words.output
    assert "words.txt: layout separated, 3 cards" in words.output
    for name in ("diary.txt", "counts.txt"):
        result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)])
        assert f"{name}: layout separated" not in result.output, result.output


def test_labelled_lines_with_commas_stay_labelled(tmp_path: Path) -> None:
    """A comma with no space after it in Q:/A: lines is the question's or the answer's: the label before it
    says the line is no term,definition row (the property test in test_errors found "Q: A,?" / "A: ,0")."""
    notes = tmp_path / "notes.txt"
    notes.write_text("Q: Which pair,x?\nA: ,0\nQ: Which list,y?\nA: a,b\n", encoding="utf-8")
    result = parsers.parse(sources.read(notes))
    assert result.layout == "prefixed"
    assert [(card.question, card.answer) for card in result.cards] == [("Which pair,x?", ",0"), ("Which list,y?", "a,b")]


def test_a_table_of_figures_is_no_cards_and_a_table_of_facts_is(tmp_path: Path) -> None:
    """A report's statistics (a date or a name over counts and percentages) are no cards; a table whose figures
    stand beside words (an element, its symbol, number and mass) is a deck."""
    stats = tmp_path / "stats.md"
    stats.write_text(
        "# Activity\n\n| Month | Commits | Share | Authors |\n|---|---|---|---|\n"
        "| 2021-01 | 40 | 12.5% | 3 |\n| 2021-02 | 12 | 3.75% | 2 |\n| 2021-03 | 51 | 15.9% | 4 |\n"
        "| 2021-04 | 8 | 2.5% | 1 |\n", encoding="utf-8")
    elements = tmp_path / "elements.md"
    elements.write_text(
        "# Light elements\n\n| Element | Symbol | Number | Mass |\n|---|---|---|---|\n"
        "| Hydrogen | H | 1 | 1.008 |\n| Helium | He | 2 | 4.0026 |\n| Lithium | Li | 3 | 6.94 |\n", encoding="utf-8")
    assert parsers.parse(sources.read(stats)).cards == ()
    found = parsers.parse(sources.read(elements))
    assert [card.question for card in found.cards] == ["Hydrogen", "Helium", "Lithium"]
    assert "**Symbol:** He" in found.cards[1].answer and "**Mass:** 4.0026" in found.cards[1].answer
