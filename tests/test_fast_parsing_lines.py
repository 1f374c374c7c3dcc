"""Lines and outlines: values made fast, and the fence scan that only looks at lines with a fence mark."""

from __future__ import annotations

from dataclasses import replace

from qadeck.parsers.structure import Line


def test_a_line_is_a_value():
    """Not frozen (for speed) but compared and hashed by its fields, as a frozen one was."""
    assert Line(3, "x") == Line(3, "x", False) != Line(3, "x", True)
    assert hash(Line(3, "x")) == hash(Line(3, "x")) and len({Line(1, "a"), Line(1, "a"), Line(2, "a")}) == 2
    assert replace(Line(1, "a"), code=True) == Line(1, "a", True)
    assert repr(Line(2, "b")) == "Line(number=2, text='b', code=False)"
