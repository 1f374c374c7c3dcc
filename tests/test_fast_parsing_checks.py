"""checks fast path: a text opening with a visible ASCII character has text once cleaned."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qadeck.screen import has_text
from qadeck.render import strip_controls


def test_a_visible_ascii_character_survives_cleaning():
    for code in range(128):
        c = chr(code)
        if "!" <= c <= "~":
            assert strip_controls(c) == c and not c.isspace()


@given(st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=6))
def test_has_text_agrees_with_cleaning_the_whole_text(text):
    assert has_text(text) == bool(strip_controls(text).strip())
