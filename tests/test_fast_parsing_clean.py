"""clean fast paths: answer Markdown told without the scans that could not change it."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.parsers.repair import clean
from qadeck.parsers import common, prefixed
from qadeck.parsers.structure import Line, heading

_PIECES = st.sampled_from([" ", "  ", "\t", "\xa0", "\u2003", "-", " - ", "- ", "—", "A", "Item", "x", "1.", "2.",
                           "* ", "+ ", "• ", "```", "~~~", "```py", "\n", "", ",", ".", "Done.", "\r", "\x0b"])
LINES = st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=6)


def _dedent_in_full(lines):
    if not lines:
        return lines
    rest = [line for line in lines[1:] if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    return [lines[0].strip()] + [line[indent:] for line in lines[1:]]


def _normalize_in_full(lines):
    out = []
    for line in lines:
        match = clean._BULLET.match(line)
        if match and "\t" not in match.group(1):
            line = " " * (4 * ((len(match.group(1)) + 2) // 4)) + line.lstrip()
        out.append(line)
    return out


def _blocks_in_full(lines):
    blocks, fence = [[]], False
    for line in lines:
        if clean._FENCE.match(line):
            fence = not fence
        if line.strip() or fence:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(b if clean._FENCE.match(b[0]) else _normalize_in_full(b)) for b in blocks if b]


@settings(max_examples=400)
@given(LINES)
def test_dedent_blocks_and_list_indent_agree_with_the_full_rules(lines):
    assert clean._dedent(lines) == _dedent_in_full(lines)
    assert clean.normalize_list_indent(lines) == _normalize_in_full(lines)
    assert clean._blocks(lines) == _blocks_in_full(lines)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_fewer_than_two_spaced_dashes_split_into_no_list(text):
    assert _spaced_dashes_by_regex(text) == clean._spaced_dashes(text)
    if clean._spaced_dashes(text) < clean.MIN_ITEMS:
        assert len(clean._INLINE_BULLET.split(text)) <= clean.MIN_ITEMS


def _spaced_dashes_by_regex(text):
    return len(re.findall(r"(?<=\s)-(?=\s)", text))


def test_a_flattened_list_is_still_restored():
    assert clean.restore_lists("Steps: - Build it - Ship it") == "Steps:\n\n- Build it\n- Ship it"


_LINE_PIECES = st.sampled_from(["#", "# ", "## x", "  #", "    #", "Title", "Intro", "- ", "1. ", "2) ", "• ", "x.",
                                "Done", ":", "?", " ", "\t", "", "What is X?", "http://a", "Q: a", "\u00e9t\u00e9"])
_LINE_LISTS = st.lists(st.lists(_LINE_PIECES, max_size=4).map("".join), max_size=8)


@settings(max_examples=400)
@given(_LINE_LISTS, st.booleans())
def test_a_line_told_no_heading_is_none_for_heading_at(texts, plain):
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    for index, line in enumerate(lines):
        if common._no_heading(line.text, plain):
            assert common.heading_at(lines, index, prefixed.starts_question, plain) is None


def _without_closing_remarks_by_paragraphs(lines):
    groups = common.paragraphs(lines)
    while len(groups) > 1 and clean.is_commentary(" ".join(line.text for line in groups[-1])):
        groups.pop()
    if not groups:
        return lines[:1]
    last = groups[-1][-1].number
    return [line for line in lines if line.number <= last]


_REMARKS = st.sampled_from(["", " ", "Q: What?", "An answer.", "These answers cover it.", "Good luck!",
                            "This guide helps.", "```", "x"])


@settings(max_examples=400)
@given(st.lists(st.tuples(_REMARKS, st.booleans()), max_size=8))
def test_closing_remarks_are_cut_as_paragraph_by_paragraph(rows):
    lines = [Line(i + 1, text, code) for i, (text, code) in enumerate(rows)]
    assert common.without_closing_remarks(lines) == _without_closing_remarks_by_paragraphs(lines)


@given(_LINE_LISTS)
def test_split_items_tells_plain_sources_as_before(texts):
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assert ("#" not in "\n".join(texts) or not any(heading(line) for line in lines)) == (
        not any(heading(line) for line in lines)
    )


def _can_match(parsed, char):
    """True when a parsed pattern could take ``char`` at some point (a conservative walk)."""
    from re import _constants as c

    for op, arg in parsed:
        if op is c.ANY:
            return True
        if op is c.LITERAL and chr(arg) == char:
            return True
        if op is c.IN:
            for item_op, item in arg:
                if item_op is c.NEGATE:
                    return True
                if item_op is c.LITERAL and chr(item) == char:
                    return True
                if item_op is c.RANGE and item[0] <= ord(char) <= item[1]:
                    return True
                if item_op is c.CATEGORY and item not in (c.CATEGORY_DIGIT, c.CATEGORY_WORD, c.CATEGORY_SPACE):
                    return True
        if op is c.CATEGORY and arg not in (c.CATEGORY_DIGIT, c.CATEGORY_WORD, c.CATEGORY_SPACE):
            return True
        if op is c.NOT_LITERAL:
            return True
        if op is c.BRANCH and any(_can_match(branch, char) for branch in arg[1]):
            return True
        if op is c.SUBPATTERN and _can_match(arg[-1], char):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and _can_match(arg[2], char):
            return True
    return False


def test_no_chrome_row_matches_a_line_with_a_full_stop_or_comma():
    from re import _parser

    for row in clean.CHROME:
        parsed = _parser.parse(row.pattern, re.IGNORECASE)
        for char in clean.NEVER_CHROME:
            assert not _can_match(parsed, char), (row.pattern, char)
            assert not _can_match(parsed, char.upper()) and not _can_match(parsed, char.lower())


def test_page_lines_match_chrome_only_on_lines_without_a_never_chrome_character(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(clean, "chrome", lambda line: asked.append(line))
    clean.page_lines([f"Home {char}" for char in clean.NEVER_CHROME] + ["Home"])
    assert asked == ["Home"]


def test_page_lines_blank_chrome_and_keep_sentences():
    lines = ["Skip to content", "Q: What?", "A: Yes, it is.", "Home.", "Share", "x"] + ["y"] * 10 + ["Comments", "z"]
    assert clean.page_lines(lines) == ["", "Q: What?", "A: Yes, it is.", "Home.", "", "x"] + ["y"] * 10


@given(st.lists(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=8), max_size=5))
def test_lines_are_stripped_of_invisible_characters_as_by_strip_invisible(lines):
    visible = [clean.strip_invisible(line).rstrip() for line in lines]
    blocks = clean.join_broken_paragraphs(clean._blocks(clean._dedent(visible)))
    expected = "\n\n".join(b if clean._FENCE.match(b) else clean.tidy_block(b) for b in blocks).strip()
    assert clean.answer_markdown(lines) == expected
