"""entries fast paths: answer labels and content lines told without the regex where it could not match."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import entries
from qadeck.parsers.structure import Line, heading, is_noise, outline

_PIECES = st.sampled_from(["Answer", "answer:", "ANS.", "A:", "a :", "**", "**A:**", "__", "Ans\n", " ", "\t", "\n",
                           "x", "It is.", "\u212a", "\u0251", "<b>", "&amp;", "[a](b)", "# H", "---", "    ", "### Answer\n", "## ", "#",
                           "Ответ:", "答：", "Respuesta\n", "**Antwort:**", "### Réponse\n", "答"])
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
    assert entries.drop_answer_label(text) == entries._drop_answer_label_in_full(text)
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


def _folding_to(characters: str) -> list[str]:
    """Every character the case-insensitive engine takes for one of ``characters``."""
    pattern = re.compile(f"[{re.escape(characters)}]", re.IGNORECASE)
    return [c for c in map(chr, range(sys.maxunicode + 1)) if pattern.fullmatch(c)]


@pytest.mark.slow
def test_answer_labels_in_other_languages_open_as_listed():
    from qadeck.parsers.structure import ANSWERING_WORDS

    words = (*ANSWERING_WORDS, "答")
    firsts = _folding_to("".join({w[0] for w in words}))
    seconds = _folding_to("".join({w[1] for w in words if len(w) > 1}))
    for word in words:
        for first in (c for c in firsts if re.fullmatch(re.escape(word[0]), c, re.IGNORECASE)):
            for second in [c for c in seconds if re.fullmatch(re.escape(word[1]), c, re.IGNORECASE)] if word[1:] else [""]:
                for text in (f"{first}{second}{word[2:]}: x", f"{first}{second}{word[2:]}\nx"):
                    for marked in (text, f"**{text}", f"### {text}"):
                        if entries._OTHER_ANSWER_LABEL.match(marked):
                            assert entries.drop_answer_label(marked) == entries._drop_answer_label_in_full(marked), marked


@pytest.mark.slow
def test_question_labels_in_other_languages_open_as_listed():
    from qadeck.parsers.structure import ASKING_WORDS

    firsts = _folding_to("".join({w[0] for w in ASKING_WORDS}))
    seconds = _folding_to("".join({w[1] for w in ASKING_WORDS}))
    for word in ASKING_WORDS:
        for first in (c for c in firsts if re.fullmatch(re.escape(word[0]), c, re.IGNORECASE)):
            for second in (c for c in seconds if re.fullmatch(re.escape(word[1]), c, re.IGNORECASE)):
                text = f"{first}{second}{word[2:]} 1: x"
                if entries._QUESTION_NUMBER.match(text):
                    assert entries.without_numbers(text, "y") == ("x", "y"), text


@settings(max_examples=400)
@given(st.sampled_from(["- ", "* ", "+ ", "-  ", "- \u2028"]), TEXTS)
def test_labels_in_list_items_drop_as_the_regex_drops_them(mark, text):
    assert entries.drop_answer_label(mark + text) == entries._drop_answer_label_in_full(mark + text)
