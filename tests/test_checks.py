"""Review checks: screening out cards that are empty once cleaned."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.screen import has_text
from qadeck.render import strip_controls


@pytest.mark.slow
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x00\x07\x7f\x85\xa0\u2028ab")) | st.text())
def test_has_text_is_what_cleaning_leaves(text):
    assert has_text(text) == bool(strip_controls(text).strip())
