"""Questions set in emphasis as editors write it: bold italics, with the italics outside the bold
("_**How do I …?**_", "*__…__*"), read as the bold layout reads "***…***" and "**_…_**"."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import layout_pairs_unanswered

_FAQ = """# Garden club FAQ

{open}When do meetings start?{close}

At seven, in the library's back room.

{open}Do I need my own tools?{close}

No, the club lends gloves and trowels.

{open}Can children come along?{close}

Yes, with an adult who stays for the evening.
"""


@pytest.mark.parametrize(("opening", "closing"), [("_**", "**_"), ("*__", "__*"), ("***", "***"), ("**_", "_**")])
def test_a_question_in_bold_italics_is_a_card_whichever_mark_is_outside(
        tmp_path: Path, opening: str, closing: str) -> None:
    layout, pairs, unanswered = layout_pairs_unanswered(tmp_path, _FAQ.format(open=opening, close=closing))
    assert layout == "bold" and unanswered == 0
    assert pairs == [
        ("When do meetings start?", "At seven, in the library's back room."),
        ("Do I need my own tools?", "No, the club lends gloves and trowels."),
        ("Can children come along?", "Yes, with an adult who stays for the evening."),
    ]


def test_marks_that_do_not_pair_up_are_no_question(tmp_path: Path) -> None:
    text = _FAQ.replace("{open}", "_**").replace("{close}", "*_")  # bold opened, never closed
    assert layout_pairs_unanswered(tmp_path, text)[0] != "bold"
