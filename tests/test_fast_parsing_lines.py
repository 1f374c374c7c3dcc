"""Lines and outlines: values made fast, and the fence scan that only looks at lines with a fence mark."""

# Private names: each fast path is checked against the full rule it stands for, which is private too.

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck.model import Source
from qadeck.parsers import structure
from qadeck.parsers.entries import Entry
from qadeck.parsers.structure import Line


def test_a_line_is_a_value():
    """Not frozen (for speed) but compared and hashed by its fields, as a frozen one was."""
    assert Line(3, "x") == Line(3, "x", False) != Line(3, "x", True)
    assert hash(Line(3, "x")) == hash(Line(3, "x")) and len({Line(1, "a"), Line(1, "a"), Line(2, "a")}) == 2
    assert replace(Line(1, "a"), code=True) == Line(1, "a", True)
    assert repr(Line(2, "b")) == "Line(number=2, text='b', code=False)"


def _outline_line_by_line(text: str) -> list[Line]:
    """outline() as it walked every line."""
    raw = text.split("\n")
    start = structure.front_matter_end(raw)
    lines, fence = [], None
    for index in range(start, len(raw)):
        line = raw[index]
        opened = structure._FENCE_OPEN.match(line) if "```" in line or "~~~" in line else None
        if fence is None and opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            fence = opened.group(1)
            lines.append(Line(index + 1, line, True))
        elif fence is not None:
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = None
            lines.append(Line(index + 1, line, True))
        else:
            lines.append(Line(index + 1, line))
    return lines


_PIECES = st.sampled_from(["```", "````", "~~~", "~~~~", "```py", "``` `x`", "~~~ `", "`", "~", " ", "   ", "\t", "x",
                           "\n", "\n", "\n", "---", "title: t", "...", "# H", "\r"])


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_outline_agrees_with_a_walk_through_every_line(text):
    structure.outline.cache_clear()
    assert structure.outline(Source(Path("a.md"), text)) == _outline_line_by_line(text)


@given(st.lists(_PIECES, max_size=24).map("".join))
def test_fence_marks_are_found_on_their_lines(text):
    expected = [i for i, line in enumerate(text.split("\n")) if "```" in line or "~~~" in line]
    assert structure._fence_mark_lines(text) == expected


def test_an_entry_is_a_value():
    """Not frozen (for speed) but compared and hashed by its fields, as a frozen one was."""
    assert Entry("q", "a", 1, 2) == Entry("q", "a", 1, 2, "") != Entry("q", "a", 1, 2, "s")
    assert hash(Entry("q", "a", 1, 2)) == hash(Entry("q", "a", 1, 2))
    assert replace(Entry("q", "a", 1, 2), last=5) == Entry("q", "a", 1, 5)


def test_a_block_is_a_value():
    assert structure.Block(1, 2, "x") == structure.Block(1, 2, "x") != structure.Block(1, 3, "x")
    assert hash(structure.Block(1, 2, "x")) == hash(structure.Block(1, 2, "x"))
