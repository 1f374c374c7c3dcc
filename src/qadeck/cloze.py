"""Cloze deletions: the ways flashcard tools mark them, as the one way Anki reads them.

Contract: :func:`to_anki` rewrites a text's deletions in the syntaxes named by
``styles`` as Anki's ``{{c1::text}}`` (``{{c1::text::hint}}`` with a hint) and
returns None when the text has none; :func:`numbers` gives the deletion
numbers of an Anki cloze text (one card each); :func:`card_side` shows
one card's side as Anki's ``{{cloze:…}}`` does; :func:`masked` and
:func:`revealed` show a cloze text to apps that have no cloze (a front with
``[...]`` gaps, a back with the text whole).

Styles, each a family of tools' syntax:

* ``anki``: ``{{c1::text}}``, ``{{c1::text::hint}}`` (kept as written);
* ``highlight``: ``==text==``, ``==c2::text==`` (Obsidian highlights);
* ``double``: ``{{text}}`` (Obsidian Spaced Repetition's curly cloze);
* ``bold``: ``**text**`` (Obsidian Spaced Repetition's bold cloze);
* ``curly``: ``{text}``, ``{2::text}``, ``{2:text}``, ``{2|text}``, ``{c2:text}``, ``{c2|text}``
  (inka, Obsidian_to_Anki's curly cloze).

A deletion without a number takes the next one not written out (c1, c2, …).
Inline code and math are never read for deletions: ``$\\frac{3}{4}$`` holds no cloze.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial

from .render import MATH, MATH_HTML

#: An Anki deletion: its number, its text, and its hint when it has one.
ANKI = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.DOTALL)
_MATH_HTML = re.compile(MATH_HTML, re.DOTALL)
_VERBATIM = re.compile(rf"(`+)[^\n]*?\1|{MATH}", re.DOTALL)
_PATTERNS = {
    "anki": ANKI,
    "highlight": re.compile(r"==(?:c(\d+)::)?(?=\S)(.+?)(?<=\S)=="),
    "double": re.compile(r"\{\{(?!c\d+::)([^{}]+?)\}\}"),
    "bold": re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"),
    "curly": re.compile(r"(?<!\{)\{(?:c?(\d+)(?:::|:|\|))?([^{}\n]*[^\W\d_][^{}\n]*)\}(?!\})"),
}
STYLES = tuple(_PATTERNS)


def to_anki(text: str, styles: Iterable[str]) -> str | None:
    """``text`` with its deletions in ``styles`` written Anki's way, None when it has none."""
    styles = [s for s in STYLES if s in set(styles)]
    hidden: list[str] = []

    def hide(match: re.Match[str] | str) -> str:
        hidden.append(match if isinstance(match, str) else match.group())
        return f"\ue000{len(hidden) - 1}\ue001"

    work = _VERBATIM.sub(hide, text) if ("`" in text or "$" in text or "\\" in text) else text
    found = False
    taken = {int(n) for style in styles for n in _numbers_in(work, style)}
    counter = iter(n for n in range(1, 10_000) if n not in taken)
    for style in styles:
        if style == "anki":
            found = found or bool(ANKI.search(work))
            work = ANKI.sub(hide, work)  # kept as written, and out of the other styles' way
            continue
        pattern = _PATTERNS[style]

        def rewrite(match: re.Match[str], style: str = style) -> str:
            number, body = _parts(match, style)
            return hide(f"{{{{c{number or next(counter)}::{body}}}}}")

        work, count = pattern.subn(rewrite, work)
        found = found or count > 0
    if not found:
        return None
    while "\ue000" in work:
        work = re.sub("\ue000(\\d+)\ue001", lambda m: hidden[int(m.group(1))], work)
    return work


def _numbers_in(text: str, style: str) -> list[str]:
    if style == "anki":
        return [m.group(1) for m in ANKI.finditer(text)]
    if style in ("highlight", "curly"):
        return [m.group(1) for m in _PATTERNS[style].finditer(text) if m.group(1)]
    return []


def _parts(match: re.Match[str], style: str) -> tuple[str | None, str]:
    if style in ("highlight", "curly"):
        return match.group(1), match.group(2)
    return None, match.group(1)


def has_deletion(text: str, styles: Iterable[str]) -> bool:
    """Does ``text`` hold a deletion in one of ``styles``?"""
    return to_anki(text, styles) is not None


def numbers(text: str) -> list[int]:
    """The deletion numbers of an Anki cloze text, each once, in order: one card each."""
    return sorted({int(m.group(1)) for m in ANKI.finditer(text)})


def card_side(text: str, number: int, answer: bool) -> str:
    """The HTML ``text`` as Anki's ``{{cloze:…}}`` shows it on card ``number``: that number's
    deletions a ``[...]`` gap (``[hint]`` where it has one) on the question side and their text on
    the answer side, each in a ``cloze`` span; the other deletions' text in a ``cloze-inactive``
    span. Within math (``\\(…\\)``, ``\\[…\\]``) Anki writes them without the spans, as TeX."""

    def show(match: re.Match[str], in_math: bool = False) -> str:
        n = int(match.group(1))
        shown = match.group(2) if n != number or answer else f"[{match.group(3) or '...'}]"
        if in_math:
            return shown
        if n != number:
            return f'<span class="cloze-inactive" data-ordinal="{n}">{shown}</span>'
        return f'<span class="cloze" data-ordinal="{n}">{shown}</span>'

    if "\\(" in text or "\\[" in text:
        text = _MATH_HTML.sub(lambda m: ANKI.sub(partial(show, in_math=True), m.group()), text)
    return ANKI.sub(show, text)


def masked(text: str) -> str:
    """The text with every deletion a gap: ``[...]``, or ``[hint]`` where it has one."""
    return ANKI.sub(lambda m: f"[{m.group(3) or '...'}]", text)


def revealed(text: str) -> str:
    """The text with every deletion shown as plain text."""
    return ANKI.sub(lambda m: m.group(2), text)


def highlighted(text: str) -> str:
    """The text with every deletion an Obsidian ``==highlight==``."""
    return ANKI.sub(lambda m: f"=={m.group(2)}==", text)
