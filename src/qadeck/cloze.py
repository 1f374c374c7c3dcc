"""Cloze deletions: the ways flashcard tools mark them, as the one way Anki reads them.

Contract: :func:`to_anki` rewrites a text's deletions in the syntaxes named by
``styles`` as Anki's ``{{c1::text}}`` (``{{c1::text::hint}}`` with a hint) and
returns None when the text has none; :func:`parse` reads an Anki cloze text as
Anki does, deletions nested in deletions too (``{{c1::a {{c2::b}}}}``, which Anki
reads since 2.1.56); :func:`numbers` gives its deletion numbers (one card each);
:func:`card_side` shows one card's side as Anki's ``{{cloze:…}}`` does;
:func:`masked` and :func:`revealed` show a cloze text to apps that have no cloze
(a front with ``[...]`` gaps, a back with the text whole).

Styles, each a family of tools' syntax:

* ``anki``: ``{{c1::text}}``, ``{{c1::text::hint}}`` (kept as written);
* ``logseq``: ``{{cloze text}}`` (Logseq), ``{{c2 text}}`` (the Logseq Anki Sync plugin's numbered one);
* ``highlight``: ``==text==``, ``==c2::text==`` (Obsidian highlights);
* ``double``: ``{{text}}`` (Obsidian Spaced Repetition's curly cloze);
* ``bold``: ``**text**`` (Obsidian Spaced Repetition's bold cloze);
* ``curly``: ``{text}``, ``{2::text}``, ``{2:text}``, ``{2|text}``, ``{c2:text}``, ``{c2|text}``
  (inka, Obsidian_to_Anki's curly cloze);
* ``square``: ``[text]`` (hashcards' ``C:`` cards): never an image's ``![alt]``, a link's
  ``[text](url)``, a wiki link's ``[[page]]``, a task's ``- [ ]`` box, a reference
  definition or an escaped ``\\[``/``\\]`` (written as a bracket).

A deletion without a number takes the next one not written out (c1, c2, …).
Inline code and math are never read for deletions: ``$\\frac{3}{4}$`` holds no cloze (``square``
deletions, as hashcards reads them, may be in math: ``$\\sqrt{[x]}$``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .render import MATH, MATH_HTML

#: An Anki deletion: its number, its text, and its hint when it has one.
ANKI = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.DOTALL)
_MATH_HTML = re.compile(MATH_HTML, re.DOTALL)
_VERBATIM = re.compile(rf"(`+)[^\n]*?\1|{MATH}", re.DOTALL)
#: Code alone: hashcards reads brackets in math as deletions (Anki hides them there too), never in code.
_CODE = re.compile(r"(`+)[^\n]*?\1")
_PATTERNS = {
    "anki": ANKI,
    "logseq": re.compile(r"\{\{(?:cloze|c(\d+))\s+([^{}]*?[^\s{}])\s*\}\}"),
    # A row of "=" (a title's underline, "======") highlights nothing: the text opens and ends on another mark.
    "highlight": re.compile(r"(?<!=)==(?:c(\d+)::)?(?=[^\s=])(.+?)(?<=[^\s=])==(?!=)"),
    "double": re.compile(r"\{\{(?!c\d+::)([^{}]+?)\}\}"),
    "bold": re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"),
    "curly": re.compile(r"(?<!\{)\{(?:c?(\d+)(?:::|:|\|))?([^{}\n]*[^\W\d_][^{}\n]*)\}(?!\})"),
    # What brackets are in Markdown comes first and is kept as written; only the last branch deletes.
    "square": re.compile(
        r"!\[[^\[\]]*\]|\[\[[^\[\]\n]*\]\]|\[[^\[\]]*\]\((?=<[^>\n]*>\)|[^\s()]*(?:[ \t]+\x22[^\x22\n]*\x22)?\))"
        r"|(?m:^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\](?=\s))|(?m:^[ \t]{0,3}\[[^\[\]\n]+\]:[ \t]+\S+[ \t]*$)"
        r"|\[(?P<deleted>[^\[\]]*[^\s\[\]][^\[\]]*)\]"
    ),
}
STYLES = tuple(_PATTERNS)


def to_anki(text: str, styles: Iterable[str]) -> str | None:
    """``text`` with its deletions in ``styles`` written Anki's way, None when it has none."""
    styles = [s for s in STYLES if s in set(styles)]
    hidden: list[str] = []

    def hide(match: re.Match[str] | str) -> str:
        hidden.append(match if isinstance(match, str) else match.group())
        return f"\ue000{len(hidden) - 1}\ue001"

    square = "square" in styles and "[" in text
    if square and "\\" in text:
        text = text.replace("\\[", "\ue002").replace("\\]", "\ue003")  # escaped: a bracket, not math's \\[
    if square and styles == ["square"]:
        work = _CODE.sub(hide, text) if "`" in text else text
    else:
        work = _VERBATIM.sub(hide, text) if ("`" in text or "$" in text or "\\" in text) else text
    found = False
    taken = {n for style in styles for n in _numbers_in(work, style)}
    counter = iter(n for n in range(1, 10_000) if n not in taken)
    for style in styles:
        if style == "anki":
            found = found or bool(ANKI.search(work))
            work = ANKI.sub(hide, work)  # kept as written, and out of the other styles' way
            continue
        pattern = _PATTERNS[style]

        made = 0

        def rewrite(match: re.Match[str], style: str = style) -> str:
            nonlocal made
            number, body = _parts(match, style)
            if body is None:
                return hide(match)  # Markdown's own brackets (square): kept as written
            made += 1
            # A deletion ending in "}" (TeX's "\\text{x}") would close early: Anki's advice is a space.
            return hide(f"{{{{c{number or next(counter)}::{body}{' ' if body.endswith('}') else ''}}}}}")

        work = pattern.sub(rewrite, work)
        found = found or made > 0
    if not found:
        return None
    while "\ue000" in work:
        work = re.sub("\ue000(\\d+)\ue001", lambda m: hidden[int(m.group(1))], work)
    if square:
        work = work.replace("\ue002", "[").replace("\ue003", "]")
    return work


def _numbers_in(text: str, style: str) -> list[int]:
    if style == "anki":
        return numbers(text)  # nested deletions' too
    if style in ("highlight", "curly", "logseq"):
        return [int(m.group(1)) for m in _PATTERNS[style].finditer(text) if m.group(1)]
    return []


def _parts(match: re.Match[str], style: str) -> tuple[str | None, str | None]:
    """A deletion's number (None: the next one) and text (None: no deletion, kept as written)."""
    if style in ("highlight", "curly", "logseq"):
        return match.group(1), match.group(2)
    if style == "square":
        return None, match.group("deleted")
    return None, match.group(1)


def has_deletion(text: str, styles: Iterable[str]) -> bool:
    """Does ``text`` hold a deletion in one of ``styles``?"""
    return to_anki(text, styles) is not None


def numbers(text: str) -> list[int]:
    """The deletion numbers of an Anki cloze text, each once, in order, nested ones too: one card
    each (Anki makes none for ``c0``)."""
    if "{{c" not in text:
        return []
    found: set[int] = set()

    def visit(nodes: Iterable[str | Deletion]) -> None:
        for node in nodes:
            if isinstance(node, Deletion):
                found.add(node.number)
                visit(node.nodes)

    visit(parse(text))
    return sorted(found - {0})


@dataclass(frozen=True, slots=True)
class Deletion:
    """One deletion of an Anki cloze text: its number, what it hides (text and nested deletions,
    which Anki reads since 2.1.56: ``{{c1::a {{c2::b}}}}``) and its hint (None: none)."""

    number: int
    nodes: tuple[str | Deletion, ...]
    hint: str | None = None

    def text(self) -> str:
        """What it hides, nested deletions shown."""
        return "".join(node if isinstance(node, str) else node.text() for node in self.nodes)


#: What Anki's cloze parser reads as markers: a deletion's opening and its end.
_MARKER = re.compile(r"\{\{c(\d+)::|\}\}")
#: Anki reads deletions nested this deep at most; an opening deeper is dropped, as Anki drops it.
_MAX_DEPTH = 10


@dataclass(slots=True)
class _Open:
    """A deletion being read: its number, where its opening starts, what it holds so far."""

    number: int
    start: int
    nodes: list[str | Deletion] = field(default_factory=list)
    hint: str | None = None


def parse(text: str) -> list[str | Deletion]:
    """An Anki cloze text as Anki's cloze parser reads it: text and deletions, nested.

    A ``}}`` closes the innermost open deletion (outside one it is text); in a deletion,
    ``::`` starts its hint, up to the next marker. A deletion never closed is kept as the
    text it was written as (Anki drops it; a text export should not lose words).
    """
    out: list[str | Deletion] = []
    opened: list[_Open] = []
    at = 0

    def add(piece: str) -> None:
        if not piece:
            return
        if not opened:
            out.append(piece)
            return
        inner = opened[-1]
        if "::" in piece:
            piece, inner.hint = piece.split("::", 1)
        inner.nodes.append(piece)

    for match in _MARKER.finditer(text):
        add(text[at : match.start()])
        at = match.end()
        if match.group(1) is not None:
            if len(opened) < _MAX_DEPTH:
                opened.append(_Open(int(match.group(1)), match.start()))
        elif opened:
            done = opened.pop()
            (opened[-1].nodes if opened else out).append(Deletion(done.number, tuple(done.nodes), done.hint))
        else:
            add("}}")
    if opened:  # never closed: from the outermost one's opening on, the text as written
        out.append(text[opened[0].start :])
        return out
    add(text[at:])
    return out


def card_side(text: str, number: int, answer: bool) -> str:
    """The HTML ``text`` as Anki's ``{{cloze:…}}`` shows it on card ``number``: a deletion of that
    number a ``[...]`` gap (``[hint]`` where it has one, hiding the deletions nested in it too) on
    the question side and its text on the answer side, in a ``cloze`` span; any other deletion's
    text in a ``cloze-inactive`` span, the deletions nested in it shown the same way. Within math
    (``\\(…\\)``, ``\\[…\\]``) Anki strips those spans: the deletions are written as TeX."""

    def show(nodes: Iterable[str | Deletion]) -> str:
        parts = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(node)
            elif node.number != number:
                parts.append(f'<span class="cloze-inactive" data-ordinal="{node.number}">{show(node.nodes)}</span>')
            elif answer:
                parts.append(f'<span class="cloze" data-ordinal="{node.number}">{show(node.nodes)}</span>')
            else:
                parts.append(f'<span class="cloze" data-ordinal="{node.number}">[{node.hint or "..."}]</span>')
        return "".join(parts)

    shown = show(parse(text)) if "{{c" in text else text
    if "\\(" in shown or "\\[" in shown:
        shown = _MATH_HTML.sub(lambda m: _SPAN.sub("", m.group()), shown)
    return shown


#: The spans :func:`card_side` writes around a deletion, opening or closing.
_SPAN = re.compile(r'<span class="cloze(?:-inactive)?" data-ordinal="\d+">|</span>')


def _flat(text: str, deletion: Callable[[Deletion], str]) -> str:
    """``text`` with each outermost deletion written as ``deletion`` gives it."""
    if "{{c" not in text:
        return text
    return "".join(node if isinstance(node, str) else deletion(node) for node in parse(text))


def masked(text: str) -> str:
    """The text with every deletion a gap: ``[...]``, or ``[hint]`` where it has one (a deletion
    nested in another is in its gap)."""
    return _flat(text, lambda d: f"[{d.hint or '...'}]")


def revealed(text: str) -> str:
    """The text with every deletion shown as plain text, hints left out."""
    return _flat(text, Deletion.text)


def highlighted(text: str) -> str:
    """The text with every deletion an Obsidian ``==highlight==`` (a nested one is in its outer one's)."""
    return _flat(text, lambda d: f"=={d.text()}==")
