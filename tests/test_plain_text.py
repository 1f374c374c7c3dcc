"""Plain text around code: prose loses its markup, code and fences keep theirs."""

# Private names: the plain-text rules for prose and code are checked apart, against their first version.

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qadeck.render.markdown import FENCED_CODE, _plain_parts, _plain_prose, plain_text

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


_PROSE_PIECES = st.sampled_from(["~~", "~", "\n", "\n\n", " ", "a", "*", "**", "_", "__", "#", "## ", "[", "](x)", "](", ")"])


@given(st.lists(_PROSE_PIECES).map("".join))
def test_text_without_backticks_or_tilde_fences_is_all_prose(text):
    """plain_text skips the code split for such text: the split must find it one prose part."""
    if "~~~" not in text:
        assert _plain_parts(text) == _plain_prose(text)


# --- Fast paths against the rules they stand for --------------------------------------------

from qadeck.render import markdown as render

_ANY_PIECES = st.one_of(
    _PIECES, _PROSE_PIECES, st.sampled_from(["\x00", "\x1f", "\x7f", "\t", "é", "__", "**", "\n\n\n", "<", "&", "$"]),
    st.text(max_size=3),
)
_ANY_TEXT = st.lists(_ANY_PIECES).map("".join)


def reference_plain_text(text: str) -> str:
    """plain_text as first written: one regex for the controls, one search for markup, one bold pattern."""
    text = render._CONTROL.sub("", text)
    if not re.search(r"[`~\[*_#]|\n\n\n", text):
        return text.strip()
    parts = []
    for m in render._CODE.finditer(text):
        if m.group("prose") is None:
            parts.append(m.group("body") if m.group("body") is not None else m.group("span"))
            continue
        prose = m.group("prose")
        if "[" in prose:
            prose = render._LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), prose)
        if "**" in prose or "__" in prose:
            prose = render._BOLD.sub(r"\2", prose)
        parts.append(render._HEADING.sub("", prose) if "#" in prose else prose)
    text = "".join(parts)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@given(_ANY_TEXT)
def test_plain_text_is_what_the_first_rules_give(text):
    assert plain_text(text) == reference_plain_text(text)


@given(_ANY_TEXT)
def test_control_characters_go_as_the_regex_removes_them(text):
    assert render.strip_controls(text) == render._CONTROL.sub("", text)
    assert render._holds_control_or_syntax(text) == bool(render._CONTROL_OR_SYNTAX.search(text))
