"""``scripts/compare_render.py``: qadeck's answer HTML against a CommonMark reference, card by card."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import script_module


@pytest.fixture(scope="module")
def compare():  # type: ignore[no-untyped-def]
    yield from script_module("compare_render")


def test_structure_and_syntax_left_as_text_are_seen(compare) -> None:  # type: ignore[no-untyped-def]
    # What Python-Markdown made of a list right after a line: one paragraph, markers as text.
    run_on = compare.look("<p>Techniques, including:\n- One-hot **encoding**\n- Label</p>")
    listed = compare.look(compare.reference().render("Techniques, including:\n- One-hot **encoding**\n- Label"))
    assert run_on.counts["list item"] == 0 and run_on.syntax == 3
    assert listed.counts["list item"] == 2 and listed.counts["emphasis"] == 1 and listed.syntax == 0
    # Code and math are not Markdown: a `- ` or `**` inside them is no syntax shown as text.
    assert compare.look("<pre><code>- a\n**b**\n</code></pre><p>\\(a**b**\\)</p>").syntax == 0


def test_a_folder_is_compared_card_by_card(compare, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "faq.md").write_text(
        "## Q. Which encodings are there?\n\nSeveral, including:\n- one-hot\n- label\n\n"
        "## Q. How is a fence indented?\n\nLike this:\n\n ```js\n let a = 1;\n ```\n\nThen **bold**.\n",
        encoding="utf-8",
    )
    assert compare.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip().endswith(
        "2 cards: 0 differ in structure (0.0%), 0 show Markdown syntax as text")


def test_missing_folder_is_not_an_error(compare, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert compare.main([str(tmp_path / "absent")]) == 0
    assert "nothing to compare" in capsys.readouterr().out
