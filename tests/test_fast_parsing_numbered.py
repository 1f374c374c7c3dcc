"""numbered fast path: a text the raw-text search finds no numbered line in has none once cleaned."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import common, numbered
from qadeck.parsers.structure import Line

from .strategies import texts

_PIECES = st.sampled_from(["1", "12", "1234", ".", ")", " ", "  ", "\t", "**", "__", "*", "_", "What is X?", "How?",
                           "1. ", "- ", "\u200b", "\ufeff", "\x0b", "\x85", "\x00", "\xa0", "```", "---", "title: x",
                           "Comments", "x", "3.11"])
_NUMBERED = st.sampled_from(["1. What is X?", "  12) How?", "**3.** Why?", "__4)__ x", "   5. Explain y", "**6.**"])

TEXTS = texts(_PIECES, _NUMBERED)


@settings(max_examples=500)
@given(TEXTS)
def test_no_numbered_line_found_means_none_once_cleaned(text):
    source = Source(Path("notes.txt"), text)
    if not numbered._MAY_NUMBER.found_in(text):
        assert not any(numbered.NUMBERED.match(line.text) for line in common.read_lines(source))


@given(TEXTS)
def test_find_agrees_with_the_full_path(text):
    source = Source(Path("notes.txt"), text)
    assert numbered.find(source) == numbered.read(source)


def test_numbers_hidden_by_invisible_characters_are_still_found():
    for text in ("intro\n1\u200b. What?", "\ufeff 2) How?", "*\u200b*3.** Why?", "1\x002. x"):
        assert numbered._MAY_NUMBER.found_in(text), text
    assert not numbered._MAY_NUMBER.found_in("Q: What is 3.11?\nA: Python 3.11.\n  - x")


def test_a_decimal_is_what_the_regex_calls_a_digit():
    digits = [chr(c) for c in range(0x110000) if re.fullmatch(r"\d", chr(c))]
    assert digits == [chr(c) for c in range(0x110000) if chr(c).isdecimal()]


@settings(max_examples=300)
@given(st.lists(st.lists(_PIECES | st.sampled_from(["\u0663", "\u00b2", "\u2003", "*", "_"]), max_size=5)
                .map("".join), max_size=6))
def test_question_lines_skip_only_lines_numbered_cannot_match(texts):
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    expected = {}
    for index, line in enumerate(lines):
        question = numbered.question_text(line.text)
        explicit = question is not None and (question.endswith("?") or numbered._bold_number(line.text))
        if question is not None and (explicit or not numbered._in_list(lines, index)):
            expected[line.number] = question
    assert numbered.question_lines(lines) == expected


def _sub_questions_line_by_line(body):
    found = []
    for index, line in enumerate(body):
        match = None if line.code else numbered.SUB_QUESTION.match(line.text)
        if match and len(found) < len(numbered._ROMAN) and match["n"] == numbered._ROMAN[len(found)]:
            found.append((index, numbered.clean.tidy_question(match["text"])))
    return found


@given(st.lists(st.tuples(st.lists(st.sampled_from(["* ", "- ", "+ ", "  ", "\t", "\u2003", "i", "ii", "iii", "iv",
                                                     ".", ")", " ", "What?", "x"]), max_size=5).map("".join),
                          st.booleans()), max_size=8))
def test_sub_questions_are_found_as_line_by_line(rows):
    body = [Line(i + 1, text, code) for i, (text, code) in enumerate(rows)]
    assert numbered._sub_questions(body) == _sub_questions_line_by_line(body)
