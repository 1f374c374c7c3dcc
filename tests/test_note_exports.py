"""Workspaces exported from note apps (Notion's "Markdown & CSV" and HTML exports, Roam and Readwise outlines).

The cards' shapes are golden fixtures (``fixtures/outline/notion-toggles``, ``fixtures/labelled/notion-bold-labels``,
``fixtures/csv/biology-cards …``, ``fixtures/logseq/roam-flashcard-tag``); these tests hold what the fixtures
cannot: the page id in every exported name, which must reach no deck, topic or tag, and the readers' rewrites.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qadeck import markups
from qadeck.cli import cli
from qadeck.naming import choose, folder_title, plain_name
from qadeck.parsers.markup import html_to_markdown, inline_text
from qadeck.parsers.tags import property_tags

PAGE_ID = "0123456789abcdef0123456789abcdef"
TABLE_ID = "fedcba9876543210fedcba9876543210"


def test_the_page_id_an_export_adds_to_a_name_is_left_out() -> None:
    assert plain_name(f"Cell Biology {PAGE_ID}") == "Cell Biology"
    assert plain_name(f"Glossary {TABLE_ID}_all") == "Glossary"
    assert plain_name(f"Glossary {TABLE_ID} 2") == "Glossary"
    # Names that hold no id, or nothing but one, are as they are.
    assert plain_name("Cell Biology") == "Cell Biology"
    assert plain_name(PAGE_ID) == PAGE_ID
    assert plain_name(f"release-{PAGE_ID.upper()}") == f"release-{PAGE_ID.upper()}"


def _export(root: Path) -> Path:
    """A small export: a page of toggles and the database under it, named as Notion names them."""
    page = root / f"Cell Biology {PAGE_ID}.md"
    page.write_text(
        "# Cell Biology\n\n- What does the mitochondrion do?\n    \n    It turns nutrients into energy.\n    \n"
        "- Which organelle holds the genome?\n    \n    The nucleus.\n    \n",
        encoding="utf-8",
    )
    folder = root / f"Cell Biology {PAGE_ID}"
    folder.mkdir()
    (folder / f"Membrane Cards {TABLE_ID}.csv").write_text(
        "\ufeffQuestion,Answer\nWhat is osmosis?,Water crossing a membrane toward more solute.\n"
        "What is diffusion?,Particles spreading from high to low concentration.\n",
        encoding="utf-8",
    )
    return root


def test_no_page_id_reaches_a_cards_topic_or_tags(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["list", "--json", str(_export(tmp_path))], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    cards = json.loads(result.stdout)
    assert len(cards) == 4
    for card in cards:
        assert not any(PAGE_ID in tag or TABLE_ID in tag for tag in card["tags"]), card["tags"]
        assert not any(PAGE_ID in topic or TABLE_ID in topic for topic in card["topics"]), card["topics"]
    sources = {tag for card in cards for tag in card["tags"] if tag.startswith("source::")}
    assert sources == {"source::cell-biology", "source::membrane-cards"}


def test_no_page_id_reaches_the_decks_name(tmp_path: Path) -> None:
    folder = tmp_path / f"Membrane Cards {TABLE_ID}"
    folder.mkdir()
    table = folder / f"Membrane Cards {TABLE_ID}.csv"
    table.write_text("Question,Answer\nWhat is osmosis?,Water crossing a membrane.\n", encoding="utf-8")
    assert folder_title(folder) == "Membrane Cards"
    assert choose(folder, [table]).name == "Membrane Cards"  # a CSV has no title: the folder's name


def test_a_callout_exported_as_aside_lines_becomes_a_quote_at_its_indent() -> None:
    text = "- Which organelle holds the genome?\n    \n    The nucleus.\n    \n    <aside>\n    💡 A hint.\n" \
           "    Two lines of it.\n    \n    </aside>\n"
    lines = markups.to_markdown(".md", text).split("\n")
    assert lines[4:9] == ["", "    > 💡 A hint.", "    > Two lines of it.", "", ""]
    assert len(lines) == len(text.split("\n"))  # every line keeps its number


def test_an_aside_with_no_closing_line_or_inside_code_is_kept() -> None:
    unclosed = "Text\n<aside>\nA note that never closes.\n"
    assert markups.to_markdown(".md", unclosed) == unclosed
    fenced = "```html\n<aside>\nsidebar\n</aside>\n```\n"
    assert markups.to_markdown(".md", fenced) == fenced


def test_bold_runs_written_piece_by_piece_read_as_one() -> None:
    summary = "<strong>(</strong><em><strong>Ohayō gozaimasu</strong></em><strong>):</strong> Good morning."
    assert html_to_markdown(summary) == "**(Ohayō gozaimasu):** Good morning."
    # Stars inside code are code.
    assert html_to_markdown("<code>a****b</code> <b>x</b><b>y</b>") == "`a****b` **xy**"
    assert "a****b" in html_to_markdown("<pre>a****b</pre>")


def test_a_heading_bolded_twice_is_its_text() -> None:
    assert inline_text("****Question 1****") == "Question 1"
    assert inline_text("**a** and **b**") == "**a** and **b**"


def test_an_answer_that_only_links_to_another_exported_page_is_no_answer(tmp_path: Path) -> None:
    page = tmp_path / f"Architecture {PAGE_ID}.md"
    page.write_text(
        "# Architecture\n\n## What is coupling?\n\nHow strongly one module depends on another.\n\n"
        "## What are the pros and cons of services?\n\n"
        f"[Pros and cons](Architecture%20{PAGE_ID}/Pros%20and%20cons%20{TABLE_ID}.csv)\n\n"
        "## What is cohesion?\n\nHow well the parts of one module belong together.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["list", "--json", str(page)], catch_exceptions=False)
    questions = [card["question"] for card in json.loads(result.stdout)]
    assert questions == ["What is coupling?", "What is cohesion?"]


def test_the_tags_property_under_an_exported_pages_title_tags_its_cards() -> None:
    page = "# Graphs\n\nCreated: May 30, 2022 4:15 PM\nTags: Interview, Data structures\nStatus: Done\n\n## Q\n"
    assert property_tags(page) == ("Interview", "Data_structures")
    # A Tags line after the page's text has begun, or in a page with no title, is text.
    assert property_tags("# Graphs\n\nSome notes first.\nTags: late\n") == ()
    assert property_tags("Notes\nTags: none\n") == ()


def test_a_toggle_answered_by_a_picture_that_links_to_itself_is_a_card(tmp_path: Path) -> None:
    page = tmp_path / "Diagrams.html"
    page.write_text(
        '<html><body><article class="page sans"><div class="page-body">'
        '<ul class="toggle"><li><details open=""><summary>What does this diagram show?</summary>'
        '<figure class="image"><a href="Diagrams/cycle.png"><img src="Diagrams/cycle.png"/></a></figure>'
        '</details></li></ul>'
        '<ul class="toggle"><li><details open=""><summary>What is a cell cycle?</summary>'
        '<p>The stages a cell goes through to divide.</p></details></li></ul>'
        '</div></article></body></html>',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["list", "--json", str(page)], catch_exceptions=False)
    cards = json.loads(result.stdout)
    assert [card["question"] for card in cards] == ["What does this diagram show?", "What is a cell cycle?"]
    assert "cycle.png" in cards[0]["answer"]
