"""Line patterns: LineStart, a whole-text search that tells for sure when no line can match; ATX headings."""

# Private names: the layouts' line patterns, each checked against the whole-text search that stands for it.

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qadeck.parsers import bold, details, headings, table
from qadeck.parsers.structure import HEADING, Line, LineStart, heading

PATTERNS = (bold._BOLD_LINE, bold._BOLD_OPENING, details._BOLD_ITEM, HEADING)
_PIECES = st.sampled_from(["\n", " ", "  ", "\t", "**", "__", "#", "?", "？", "## ", "- ", "* ", "<b>", "</b>", "<strong>",
                           "</STRONG>", "x", "What?", "1.", "\r", "\x0b", "|", "-", "---", ":", "\xa0"])


@given(st.lists(_PIECES, max_size=14).map("".join) | st.text(max_size=40))
def test_a_miss_means_no_line_matches(text):
    for pattern in PATTERNS:
        if not LineStart(pattern).found_in(text):
            assert not any(pattern.match(line) for line in text.split("\n"))


@given(st.lists(st.sampled_from(["|", "-", "---", ":", " ", "\t", "\xa0", "\n", "x", "- x"]), max_size=12).map("".join))
def test_a_miss_means_no_table_delimiter_row(text):
    if not table._DELIMITER_START.found_in(text):
        assert not any(table._DELIMITER.match(line) for line in text.split("\n"))


def test_found_where_a_line_matches():
    assert LineStart(HEADING).found_in("intro\n## Title\ntext")
    assert LineStart(bold._BOLD_LINE).found_in("**What is X?**\nIt is y.")
    assert not LineStart(HEADING).found_in("intro\ntext # not a heading")
    assert headings._HEADING_START.found_in("# A")


def _heading_by_pattern(text: str) -> tuple[int, str] | None:
    match = HEADING.match(text)
    return (len(match.group(1)), (match.group(2) or "").strip()) if match else None


@given(st.lists(st.sampled_from(["#", "##", "#######", " ", "   ", "    ", "\t", "x", "Title", "?", "\n", "\r", "\xa0",
                                 "\x0b", "`"]), max_size=10).map("".join))
def test_a_heading_is_parsed_as_its_pattern_says(text):
    assert heading(Line(1, text)) == _heading_by_pattern(text)
