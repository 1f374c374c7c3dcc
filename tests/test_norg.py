"""Neorg notes (.norg) read as sources: their question headings, question items and definitions as cards."""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, sources

from .listing import listed_file, pairs

_META = "@document.meta\ntitle: tides\nauthors: me\n@end\n\n"


def test_question_headings_are_cards_their_indented_bodies_text_and_code(tmp_path: Path) -> None:
    text = _META + (
        "* (x) Tides\n"
        "** What pulls the tides?\n"
        "   Mostly the *Moon*, a little the Sun.\n"
        "   See {https://example.org/tides}[a tide table].\n"
        "** How do I print the tide height?\n"
        "   @code python\n"
        "   print(height)  # metres\n"
        "   @end\n"
    )
    found = listed_file(tmp_path, "tides.norg", text.encode())
    assert pairs(found) == [
        ("What pulls the tides?", "Mostly the **Moon**, a little the Sun.\nSee [a tide table](https://example.org/tides)."),
        ("How do I print the tide height?", "```python\nprint(height)  # metres\n```"),
    ]
    assert found[0]["lines"] == [7, 9]  # the file's own lines


def test_items_nest_by_their_markers_not_their_indentation() -> None:
    text = "* Waves\n  - Why do waves break?\n  -- The sea floor slows their base.\n  --- Their crest runs on.\n  ~ first\n  ~~ second"
    assert markups.to_markdown(".norg", text).split("\n") == [
        "# Waves", "- Why do waves break?", "    - The sea floor slows their base.", "        - Their crest runs on.",
        "1. first", "    1. second",
    ]


def test_a_question_item_answered_by_the_items_under_it_is_a_card(tmp_path: Path) -> None:
    text = ("- What makes a spring tide?\n-- The Sun and Moon in line.\n\n"
            "- What makes a neap tide?\n-- The Sun and Moon at right angles.\n")
    assert pairs(listed_file(tmp_path, "tides.norg", text.encode())) == [
        ("What makes a spring tide?", "The Sun and Moon in line."),
        ("What makes a neap tide?", "The Sun and Moon at right angles."),
    ]


def test_definitions_are_a_glossary(tmp_path: Path) -> None:
    # A term over its definition, as Neorg writes one, and a term typed with its definition after a colon.
    text = ("$ Ebb\n  The falling tide,\n  out to sea.\n\n$ Flood\n  The rising tide.\n\n"
            "$ Slack water : The still time between the two.\n")
    markdown = markups.to_markdown(".norg", text)
    assert markdown.split("\n")[:3] == ["- **Ebb**: The falling tide, out to sea.", "", ""]
    assert pairs(listed_file(tmp_path, "terms.norg", text.encode())) == [
        ("Ebb", "The falling tide, out to sea."),
        ("Flood", "The rising tide."),
        ("Slack water", "The still time between the two."),
    ]


def test_bookkeeping_is_left_blank_and_prose_that_looks_like_a_tag_is_kept() -> None:
    text = ("@document.meta\ntitle: x\n@end\n#comment\n.toc\n---\n"
            "@param alone opens nothing\n+1 from me\n.NET is a framework\n{:other-note:}[see there]\n")
    assert markups.to_markdown(".norg", text).split("\n") == [
        "", "", "", "", "", "", "@param alone opens nothing", "+1 from me", ".NET is a framework", "see there", "",
    ]


def test_a_norg_file_in_a_folder_is_a_source(tmp_path: Path) -> None:
    (tmp_path / "index.norg").write_text("* Notes\n")
    assert sources.collect([tmp_path]).files == [tmp_path / "index.norg"]


def test_inline_marks_become_markdown_outside_code_spans() -> None:
    text = "Say /gently/ and *firmly*, but not `/etc/hosts/` or `*ptr*`; a/b/c is a path. A lone ` stays."
    assert markups.to_markdown(".norg", text) == (
        "Say *gently* and **firmly**, but not `/etc/hosts/` or `*ptr*`; a/b/c is a path. A lone ` stays."
    )
