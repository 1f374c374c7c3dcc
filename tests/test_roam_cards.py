"""Flashcards in Roam Research graphs, as its extensions mark them and its exports write them.

The cards' shapes are golden fixtures (``fixtures/logseq/roam-memo-export``, ``fixtures/logseq/roam-toolkit-schedule``);
these tests hold what the fixtures cannot: which marks stay out of a card and its tags, and that a Logseq page, whose
blocks start at the margin, keeps its prose at the margin out of a card's answer.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import listed, pairs


def test_roam_memo_cards_drop_their_tag_and_block_id_and_keep_their_other_tags(tmp_path: Path) -> None:
    page = tmp_path / "rivers.md"
    page.write_text(
        "  * where does a river drop its load? #memo #geography ^Rt5_u8LqP\n"
        "    * on the inside of a bend, where the water slows\n"
        "  * a block with no mark, which is a note\n"
        "    * its child\n",
        encoding="utf-8",
    )
    cards = listed(page)
    assert pairs(cards) == [("where does a river drop its load?", "on the inside of a bend, where the water slows")]
    tags = cards[0]["tags"]
    assert "geography" in tags
    assert not any("memo" in str(tag) for tag in tags)


def test_roam_toolkit_schedule_and_review_date_are_no_card_text(tmp_path: Path) -> None:
    page = tmp_path / "volcanoes.md"
    page.write_text(
        "- Volcanoes\n"
        "    - Which lava flows fastest? [[[[interval]]:12.0]] [[[[factor]]:2.10]] [[July 1st, 2022]]\n"
        "        - Basaltic lava, being the least viscous\n"
        "    - What is a caldera?\n"
        "        - The hollow left when a magma chamber empties\n",
        encoding="utf-8",
    )
    assert pairs(listed(page)) == [("Which lava flows fastest?", "Basaltic lava, being the least viscous")]


def test_a_logseq_page_keeps_its_margin_prose_out_of_a_card(tmp_path: Path) -> None:
    page = tmp_path / "deserts.md"
    page.write_text(
        "- What makes a desert? #card\n"
        "  - Less than 250 mm of rain a year\n"
        "\n"
        "A note typed after the outline, at the margin.\n",
        encoding="utf-8",
    )
    assert pairs(listed(page)) == [("What makes a desert?", "Less than 250 mm of rain a year")]


def test_a_roam_code_block_closed_at_its_last_line_ends_there(tmp_path: Path) -> None:
    page = tmp_path / "shell.md"
    page.write_text(
        "  * ```sh\n"
        "ls -la\n"
        "* not a block, a line of the code```\n"
        "  * which flag lists hidden files? #memo\n"
        "    * -a\n",
        encoding="utf-8",
    )
    assert pairs(listed(page)) == [("which flag lists hidden files?", "-a")]
