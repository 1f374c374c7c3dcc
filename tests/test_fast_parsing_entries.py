"""entries fast paths: answer labels and content lines told without the regex where it could not match."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import entries
from qadeck.parsers.structure import Line, heading, is_noise, outline

_PIECES = st.sampled_from(["Answer", "answer:", "ANS.", "A:", "a :", "**", "**A:**", "__", "Ans\n", " ", "\t", "\n",
                           "x", "It is.", "\u212a", "\u0251", "<b>", "&amp;", "[a](b)", "# H", "---", "    ", "### Answer\n", "## ", "#"])
TEXTS = st.lists(_PIECES, max_size=10).map("".join)


@pytest.mark.slow
def test_only_the_listed_characters_open_an_answer_label():
    openings = set()
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        for text in (c + "nswer: x", c + "ns: x", c + ": x", c + "*Answer:** x", c + "_A:__ x", c + "nswer\nx",
                     c + "# Answer\nx"):
            if entries._ANSWER_LABEL.match(text):
                openings.add(text.lstrip()[:1])  # the first character after the spaces
        for text in (c + "ol. x", c + "oln: x", c + "olution: x"):
            if entries._ANSWER_LABEL.match(text):
                assert (c + "ol").casefold() == "sol" or c in entries._LABEL_OPENINGS, text
    assert openings <= set(entries._LABEL_OPENINGS)


@settings(max_examples=400)
@given(TEXTS)
def test_answer_labels_drop_as_the_regex_drops_them(text):
    assert entries.drop_answer_label(text) == entries._ANSWER_LABEL.sub("", text, count=1)
    assert entries._HTML_INDENT.sub("", text.strip("\n")) == text.strip("\n") or text.strip("\n")[:1] == " "


@given(st.lists(TEXTS, max_size=6).map("\n".join))
def test_content_lines_are_the_lines_holding_text(text):
    source = Source(Path("a.md"), text)
    entries.content_lines.cache_clear()
    outline.cache_clear()
    assert entries.content_lines(source) == frozenset(line.number for line in outline(source)
                                                      if entries.holds_text(line))


_LINE_PIECES = st.sampled_from(['"', "- ", "* ", "**Bold**", "`code`", "1.", "[[a]]", ":attr: x", "#tag: x", "===",
                                "~~~", "^^", " ", "\t", "x", "Word", "<br>", "&amp;", "[a](#b)", "# H", "|", "---",
                                "\u00e9", "42", "_", "!", "(", ")"])


@settings(max_examples=500)
@given(st.lists(_LINE_PIECES, max_size=6).map("".join), st.booleans())
def test_holds_text_agrees_with_the_full_rule(text, code):
    line = Line(1, text, code)
    full = bool(text.strip()) and not (is_noise(text) or heading(line))
    assert entries.holds_text(line) == full


@pytest.mark.slow
def test_every_bookkeeping_line_opens_as_listed():
    from qadeck.parsers import structure

    for c in map(chr, range(sys.maxunicode + 1)):
        probes = (c, c + "x", c + "x]]", c + "a-b: c", c + "[a]]")
        if any(structure._BOOKKEEPING.match(probe) for probe in probes):
            assert c in entries._BOOKKEEPING_OPENINGS, repr(c)
