"""Plain text around code: prose loses its markup, code and fences keep theirs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.render import FENCED_CODE, plain_text

CASES = [
    ("Intro **b**\n```py\nx = `a` **b**\n```\nafter __c__ [l](http://x)",
     "Intro b\nx = `a` **b**\n\nafter c l (http://x)"),
    ("a ` b `c` d **e**", "a  b c` d e"),
    ("# H\n\n\n\ntext\n  ~~~\ncode *x*\n  ~~~\n## G", "H\n\ntext\ncode *x*\n\nG"),
    ("Use ``a`b`` or ```", "Use a`b or ```"),
    ("**a\nb** and __c__", "**a\nb** and c"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_prose_markup_goes_and_code_stays(text, expected):
    assert plain_text(text) == expected


_PIECES = st.sampled_from(["`", "```", "~~~", "\n", " ", "a", "*", "**", "_", "#", "[", "](x)"])


@given(st.lists(_PIECES).map("".join))
def test_never_fails_and_keeps_the_words(text):
    # A fence's info string (```py) names the code's language: markup, dropped like the fence itself.
    info = sum(m.group(0).split("\n", 1)[0].count("a") for m in re.finditer(FENCED_CODE, text, re.MULTILINE | re.DOTALL))
    assert plain_text(text).count("a") == text.count("a") - info


def test_a_fence_info_string_is_dropped_with_the_fence():
    assert plain_text("```a\n```") == ""
    assert plain_text("```python\nx = 1\n```") == "x = 1"
