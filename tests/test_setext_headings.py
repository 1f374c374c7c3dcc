"""Setext headings (a paragraph over a line of ``===`` or ``---``) read as CommonMark reads them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from qadeck import parsers, sources
from qadeck.model import Source
from qadeck.parsers.structure import setext_as_atx

_LINES = ["Why is the sky blue", "Rayleigh scattering.", "How do tides work?", "---", "-----", "===",
          "", "- a point", "1. a step", "> a quote", "```", "# Title", "    indented", "| a | b |", "<div>"]


def _reference(text: str) -> dict[int, tuple[int, int]]:
    """First line (0-based) -> (last line, level) of each setext heading markdown-it finds."""
    found = {}
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "heading_open" and token.markup in ("=", "-") and token.level == 0:
            first, end = token.map
            found[first] = (end - 2, 1 if token.markup == "=" else 2)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=14))
def test_the_headings_are_commonmarks_and_the_lines_stay(lines):
    text = "\n".join(lines)
    headed = setext_as_atx(Source(Path("notes.md"), text))
    converted = headed[0].text.split("\n") if headed else lines
    assert len(converted) == len(lines)  # each card keeps its line numbers
    reference = _reference(text)
    for index, (old, new) in enumerate(zip(lines, converted)):
        if old == new:
            continue
        if new.startswith("#"):
            last, level = reference[index]  # every heading written is one CommonMark reads
            assert new.startswith("#" * level + " ") and all(not line for line in converted[index + 1 : last + 2])
        else:
            assert new == "" and any(first < index <= last + 1 for first, (last, _) in reference.items())
    for first, (last, level) in reference.items():
        paragraph = lines[first : last + 1]
        # Read as CommonMark does, but for the limits setext_as_atx keeps: at most three lines, some words (a line
        # of "===" over "---" is a banner's rule), no sentence ending on a line before the last (a question over
        # its answer).
        worded = any(ch.isalnum() for ch in "".join(paragraph))
        if len(paragraph) <= 3 and worded and not any(line.rstrip().endswith(("?", ".")) for line in paragraph[:-1]):
            assert converted[first].startswith("#" * level + " "), (first, text)


def test_underlined_questions_are_cards_and_a_dash_rule_between_cards_stays_a_rule(tmp_path):
    ruled = tmp_path / "ruled.md"
    ruled.write_text("Which gas do plants take in?\n---\nCarbon dioxide.\n", encoding="utf-8")
    result = parsers.parse(sources.read(ruled))
    assert [(c.question, c.answer) for c in result.cards] == [("Which gas do plants take in?", "Carbon dioxide.")]
    lines = tmp_path / "capitals.md"
    lines.write_text("What is the capital of Peru?\nLima\n---\nWhat is the capital of Chile?\nSantiago\n---\n"
                     "What is the capital of Bolivia?\nSucre\n", encoding="utf-8")
    result = parsers.parse(sources.read(lines))
    assert [(c.question, c.answer) for c in result.cards] == [
        ("What is the capital of Peru?", "Lima"), ("What is the capital of Chile?", "Santiago"),
        ("What is the capital of Bolivia?", "Sucre"),
    ]
