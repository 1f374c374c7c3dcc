"""Hypothesis strategies the fast-path tests share: source lines as pasted, invisible characters and all."""

from __future__ import annotations

from hypothesis import strategies as st

#: Characters that cleaning removes from a line (zero-width space, BOM, NUL, VT, NEL, word joiner).
INVISIBLE = st.sampled_from(["\u200b", "\ufeff", "\x00", "\x0b", "\x85", "\u2060"])


@st.composite
def hidden(draw: st.DrawFn, lines: st.SearchStrategy[str]) -> str:
    """A line of ``lines`` with up to three invisible characters slipped in anywhere."""
    text = draw(lines)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(INVISIBLE) + text[at:]
    return text


def texts(pieces: st.SearchStrategy[str], lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Up to six lines, each a few ``pieces`` (so markers open lines as often as not) or a hidden ``lines`` one."""
    return st.lists(st.lists(pieces, max_size=5).map("".join) | hidden(lines), max_size=6).map("\n".join)
