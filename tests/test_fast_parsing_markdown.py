"""details, obsidian and asciidoc fast paths: a one-character test first, then the search it stands for."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import asciidoc, details, obsidian
from qadeck.parsers.structure import _SEPARATOR, is_separator

_PIECES = st.sampled_from(["<", "<details", "<DETAILS>", "<Details open>", "</details>", "<summary>", "#", "#flashcards",
                           "#FlashCards/sub", "<!--SR:!2024-01-01,3,250-->", ":", "::", ":::", ";", ";;", "?", "??",
                           "\n", " ", "\t", "x", "**", "- ", "<b>", "</b>", "What?", "İ", "ſ"])
TEXTS = st.lists(_PIECES, max_size=16).map("".join) | st.text(max_size=30)
_CHARACTERS = [chr(code) for code in range(sys.maxunicode + 1)]


def test_only_a_less_than_sign_lowercases_to_one():
    assert [c for c in _CHARACTERS if "<" in c.lower()] == ["<"]


@pytest.mark.slow
def test_only_a_hash_and_a_less_than_sign_match_themselves_ignoring_case():
    for literal in ("#", "<"):
        assert [c for c in _CHARACTERS if re.fullmatch(re.escape(literal), c, re.IGNORECASE)] == [literal]


@given(TEXTS)
def test_details_block_test_agrees_with_lowering(text):
    assert details.may_hold_block(text) == ("<details" in text.lower())


def _may_hold_cards_in_full(text: str) -> bool:
    """obsidian._may_hold_cards as it was: every search made."""
    if obsidian._TAG_WORD.search(text):
        text = obsidian._TAG.sub("", text)
    text = obsidian._SCHEDULE.sub("", text)
    # Bold marks a deletion only in a file without a question mark (obsidian._cloze_styles).
    cloze = any(mark in text for mark in obsidian._CLOZE_MARKS if mark != "**" or "?" not in text)
    return cloze or "::" in text or bool(obsidian._SEPARATOR_LINE.search("\n" + text))


@given(TEXTS)
def test_obsidian_precheck_agrees_with_every_search(text):
    assert obsidian._may_hold_cards(text) == _may_hold_cards_in_full(text)


@given(TEXTS)
def test_asciidoc_finds_what_it_found_when_it_tested_both_needles_in_full(text):
    source = Source(Path("faq.adoc"), text)
    full = asciidoc._Reader(text).entries() if "::" in text or ";;" in text else []
    assert asciidoc._entries(source) == full


_RULE_PIECES = st.sampled_from(["-", "---", "***", "___", "|", ":", " ", "\t", "\n", "x", "|---|---|", "* * *", "",
                                "\u2003", "—"])


@given(st.lists(_RULE_PIECES, max_size=8).map("".join))
def test_separators_are_told_as_the_pattern_tells_them(text):
    assert is_separator(text) == all(_SEPARATOR.match(line) for line in text.split("\n"))
