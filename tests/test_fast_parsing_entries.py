"""entries fast paths: answer labels and content lines told without the regex where it could not match."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import entries
from qadeck.parsers.structure import outline

_PIECES = st.sampled_from(["Answer", "answer:", "ANS.", "A:", "a :", "**", "**A:**", "__", "Ans\n", " ", "\t", "\n",
                           "x", "It is.", "\u212a", "\u0251", "<b>", "&amp;", "[a](b)", "# H", "---", "    "])
TEXTS = st.lists(_PIECES, max_size=10).map("".join)


def test_only_the_listed_characters_open_an_answer_label():
    openings = set()
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        for text in (c + "nswer: x", c + "ns: x", c + ": x", c + "*Answer:** x", c + "_A:__ x", c + "nswer\nx"):
            if entries._ANSWER_LABEL.match(text):
                openings.add(c)
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
