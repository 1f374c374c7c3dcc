"""The line layouts (prefixed, numbered, prose, pairs, choices) on any text: no crash, scores and lines in range."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import choices, numbered, pairs, prefixed, prose

LAYOUTS = (prefixed.LAYOUT, numbered.LAYOUT, prose.LAYOUT, pairs.LAYOUT, choices.LAYOUT)
_PIECES = st.sampled_from(
    [
        "Q: What is X?",
        "A: It is Y.",
        "1. What is Z?",
        "Answer",
        "Answer: W.",
        "• A: V",
        "  - item",
        "",
        "Title Line",
        "Comments",
        "requirements.txtfile?A: It",
        "from a import b c = b()",
        "**Q:** Bold?",
        "To do it, act.",
        "2. **Explain this.**",
        "(Q1-Q9) π¦",
        "\t",
        "A:",
        "Q:",
    ]
)
_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_never_crashes_and_stays_in_range(lines: list[str]) -> None:
    source = Source(Path("random.txt"), "\n".join(lines))
    count = len(source.text.split("\n"))
    for layout in LAYOUTS:
        assert 0.0 <= layout.detect(source) <= 1.0
        result = layout.parse(source)
        for card in result.cards:
            assert 1 <= card.lines[0] <= card.lines[1] <= count
            assert card.question and card.answer
        assert all(1 <= finding.line <= count for finding in result.findings)


def test_prose_never_outscores_real_questions() -> None:
    text = "What is a kettle?\nA kettle boils water.\nWhy whistle?\nSteam escapes through a reed.\n"
    assert prose.LAYOUT.detect(Source(Path("notes.txt"), text)) == 0.0


#: The numbered-line pattern with a lazy text: the reference for the greedy one.
_LAZY_NUMBERED = re.compile(
    r"^\s{0,3}(?P<b>\*\*|__)?(?:\d{1,3}[.)、．）]|\(\d{1,3}\)|(?P<section>\d{1,3}(?:\.\d{1,3}){1,2})\.?(?=\s))(?:(?P=b))?"
    r"(?:(?:\s+|(?<=[.)])(?=[^\W\d_])|(?<=[、．）]))(?:\d{1,3}[.)]\s+)?(?P<text>\S.*?))?\s*$"
)


@given(st.lists(st.sampled_from(["1", "12", "1234", ".", ")", "(", "、", "**", "__", " ", "  ", "\t", "\n", "\x85", "\u2028",
                                 "What", "?", "x"]), max_size=12).map("".join))
def test_numbered_lines_match_as_with_a_lazy_text(text):
    greedy, lazy = numbered.NUMBERED.match(text), _LAZY_NUMBERED.match(text)
    assert (greedy and greedy.groupdict()) == (lazy and lazy.groupdict())
