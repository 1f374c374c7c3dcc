"""LineStart: a whole-text search that tells for sure when no line can match a line pattern."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qadeck.parsers import bold, details, headings
from qadeck.parsers.structure import HEADING, LineStart

PATTERNS = (bold._BOLD_LINE, details._BOLD_ITEM, HEADING)
_PIECES = st.sampled_from(["\n", " ", "  ", "\t", "**", "__", "#", "## ", "- ", "* ", "<b>", "</b>", "<strong>",
                           "</STRONG>", "x", "What?", "1.", "\r", "\x0b"])


@given(st.lists(_PIECES, max_size=14).map("".join) | st.text(max_size=40))
def test_a_miss_means_no_line_matches(text):
    for pattern in PATTERNS:
        if not LineStart(pattern).found_in(text):
            assert not any(pattern.match(line) for line in text.split("\n"))


def test_found_where_a_line_matches():
    assert LineStart(HEADING).found_in("intro\n## Title\ntext")
    assert LineStart(bold._BOLD_LINE).found_in("**What is X?**\nIt is y.")
    assert not LineStart(HEADING).found_in("intro\ntext # not a heading")
    assert headings._HEADING_START.found_in("# A")
