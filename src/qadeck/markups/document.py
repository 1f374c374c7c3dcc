"""What the word-processor readers (Word, OpenDocument, RTF) share: their paragraphs, written as Markdown.

Contract: a reader turns its format into a list of :class:`Block` (paragraphs
and tables in document order, each saying what it looks like: a heading, a
list item, all bold; :func:`paragraph` makes one from its runs of text) and
:func:`to_markdown` writes them the one way every format is written, so a
question looks the same to the layouts whichever program saved it. Opening
the zip that ``.docx`` and ``.odt`` files are is :mod:`.archive`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION_MARKS = ("?", "\uff1f", "\u061f")
#: A heading style's name (or id) in the languages templates ship in: ``Heading2``, ``heading 2``, ``Judul2``,
#: ``berschrift2`` (an umlaut lost), ``Title`` (level 1).
_HEADING_STYLE = re.compile(r"(?i)^(?:title|.*(?:head|judul|berschrift|titre|titolo|kop|rubrik|encabezado|nag|cabe)\D*([1-6]))$")


@dataclass(frozen=True)
class Block:
    """One paragraph or table of a document, as its reader found it."""

    #: The paragraph's text, line breaks as ``\\n`` (empty for a table or an empty paragraph).
    text: str = ""
    #: Its outline level (1-6) when it is a heading, else 0.
    heading: int = 0
    #: What starts its line when it is in a list: ``"- "``, ``"3. "``, indented for a nested list, or only
    #: spaces for a further paragraph of the same item; empty outside lists.
    marker: str = ""
    #: Every letter of it is bold (how FAQs written in word processors mark their questions).
    bold: bool = False
    #: A table's cells, row by row (its first row the header).
    rows: tuple[tuple[str, ...], ...] = ()
    #: The bold words it opens with when the rest is not bold (``Why …? The answer …`` with the question bold).
    lead: str = ""


def heading_level(style: str) -> int:
    """The outline level a paragraph style named ``style`` gives (1-6), 0 for a style that is no heading."""
    match = _HEADING_STYLE.match(style.strip())
    return int(match.group(1) or 1) if match else 0


def paragraph(pieces: list[tuple[str, bool]], heading: int = 0, marker: str = "", label: str = "") -> Block:
    """The paragraph made of ``pieces`` (its text in runs, each bold or not), cut off at both ends; ``label`` (a
    list item's number Markdown has no list for, ``b)``) opens its text, as bold as the text it opens."""
    if label and (first := next((bold for piece, bold in pieces if piece.strip()), None)) is not None:
        pieces = [(label + " ", first), *pieces]
    text = "".join(piece for piece, _bold in pieces).strip()
    lead = ""
    for at, (piece, bold) in enumerate(pieces):
        if piece.strip() and not bold:
            lead = "".join(piece for piece, _bold in pieces[:at]).strip()
            break
    return Block(text=text, heading=heading, marker=marker if text else "", bold=bool(text) and not lead and
                 all(bold for piece, bold in pieces if piece.strip()), lead=lead)


def to_markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown: ATX headings, bold lines, list items and tables, a blank line between paragraphs."""
    # Bold marks questions only where some text is not bold: a document set all in bold says nothing.
    texts = [block for block in blocks if block.text]
    bold = sum(block.bold for block in texts) < len(texts)
    out: list[str] = []
    listed = False  # the last line written is a list item's
    for block in blocks:
        if listed and not block.marker:
            out.append("")  # the list ends: what follows is no part of its last item
        listed = False
        if block.rows:
            out += table(block.rows)
        elif not block.text:
            out.append("")
        elif block.heading:
            out += ["#" * min(block.heading, 6) + " " + block.text.replace("\n", " "), ""]
        elif block.marker:
            # A line break in an item (Shift+Enter: its question, then the answer below it) keeps its lines,
            # each under the item's text, and a blank line closes them: one line ran the question into its answer.
            first, *more = _typed(block.text).split("\n")
            more = [" " * len(block.marker) + line.strip() for line in more if line.strip()]
            out += [block.marker + first.rstrip(), *more, *([""] if more else [])]
            listed = not more
        elif bold and block.bold:
            out += ["**" + block.text.replace("\n", " ") + "**", ""]
        elif block.lead.endswith(_QUESTION_MARKS) and block.text.startswith(block.lead):
            # A question in bold that its answer follows on the same paragraph: the question on a line of its own.
            out += ["**" + block.lead.replace("\n", " ") + "**", "", block.text[len(block.lead):].strip(), ""]
        else:
            out += [_typed(block.text), ""]
    return "\n".join(out) + "\n"


def _typed(text: str) -> str:
    """A paragraph's text with the ``#`` it opens with kept as typed: a document's headings are its heading styles,
    and a paragraph that opens with ``#`` is a code comment or a hashtag pasted in, which Markdown would take for a
    heading (inside a list item too)."""
    return "\\" + text if text.startswith("#") else text


def table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """A Markdown table, its first row the header, with a blank line either side."""
    lines = ["| " + " | ".join(cell.replace("\n", " ").replace("|", "\\|").strip() for cell in row) + " |"
             for row in rows]
    width = len(rows[0])
    return ["", lines[0], "|" + "---|" * width, *lines[1:], ""]


#: Word's number formats (``.doc``'s codes; ``.docx`` names them, see :data:`FORMAT_NAMES`): Arabic numbers,
#: Roman ones, letters, zero-padded numbers, bullets.
DECIMAL, UPPER_ROMAN, LOWER_ROMAN, UPPER_LETTER, LOWER_LETTER, DECIMAL_ZERO, BULLET = 0, 1, 2, 3, 4, 22, 23
FORMAT_NAMES = {"decimal": DECIMAL, "upperRoman": UPPER_ROMAN, "lowerRoman": LOWER_ROMAN, "upperLetter": UPPER_LETTER,
                "lowerLetter": LOWER_LETTER, "decimalZero": DECIMAL_ZERO, "bullet": BULLET}
#: Formats Markdown has a list for: ``3.``.
_NUMBERED = frozenset({DECIMAL, DECIMAL_ZERO})


class ListNumbers:
    """A word processor's list definitions, and the items counted so far: what number or bullet each item shows.

    ``levels`` maps a list to its levels' (number format, start, label), the label holding ``chr(n)`` where
    level ``n``'s number shows (Word's ``%1.`` is ``"\x00."``); ``lists`` maps what a paragraph names (a list
    format override, a numbering instance) to its list.
    """

    def __init__(self, levels: dict[int, list[tuple[int, int, str]]], lists: dict[int, int]) -> None:
        self.levels, self.lists = levels, lists
        self.counts: dict[int, list[int]] = {}

    def item(self, named: int, level: int) -> tuple[str, str]:
        """The next item of the list ``named`` at ``level``: its Markdown list marker (``3. ``, ``- ``; the writer
        indents it) or, for numbers Markdown has no list for (``b)``, ``iv.``), the label to open its text with."""
        level = max(0, min(level, 8))
        list_id = self.lists.get(named, 0)
        levels = self.levels.get(list_id, [])
        counts = self.counts.setdefault(list_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        number_format, start, label = levels[level] if level < len(levels) else (BULLET, 1, "")
        if number_format == BULLET:
            return "- ", ""
        if number_format in _NUMBERED:
            return f"{start + counts[level] - 1}. ", ""
        shown = "".join(numeral(*levels[ord(ch)][:2], counts[ord(ch)]) if ord(ch) < len(levels) else
                        "" if ord(ch) < 9 else ch for ch in label)
        return "", shown.strip()


def numeral(number_format: int, start: int, count: int) -> str:
    """Item ``count`` of a list level starting at ``start``, as its number format shows it."""
    value = start + max(count, 1) - 1
    if number_format in (UPPER_ROMAN, LOWER_ROMAN):
        roman = _roman(value)
        return roman if number_format == UPPER_ROMAN else roman.lower()
    if number_format in (UPPER_LETTER, LOWER_LETTER) and value > 0:
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters if number_format == UPPER_LETTER else letters.lower()
    return f"{value:02d}" if number_format == DECIMAL_ZERO else str(value)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = ""
    for size, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, size)
        out += numeral * count
    return out


#: The Symbol font's characters (Adobe's Symbol encoding) as Unicode: what Word's "Insert Symbol" stores as a code of
#: that font (``<w:sym w:font="Symbol" w:char="F071"/>``: θ) rather than as the character.
_SYMBOL = dict(zip(range(0x20, 0x7F), " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾"
                                     "αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"))
_SYMBOL.update(zip(range(0xA0, 0x100), "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
                                        "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\uf8ff〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭\uf8ff"))
#: The Wingdings characters answer keys and checklists use: ticks, crosses, boxes, arrows.
_WINGDINGS = {0xFC: "✓", 0xFB: "✗", 0xFD: "☒", 0xFE: "☑", 0xA8: "☐", 0x6F: "☐", 0x78: "☒", 0xD8: "➢", 0xE0: "→",
              0x9F: "•", 0xA7: "▪", 0x76: "❖", 0x4A: "☺", 0x4C: "☹"}
_SYMBOL_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def symbol(font: str, code: int) -> str:
    """The character a symbol font shows for ``code`` (its low byte; Word writes ``F0xx``), "" where not known."""
    shown = _SYMBOL_FONTS.get(font.strip().casefold(), {}).get(code & 0xFF, "")
    return "" if shown == "\uf8ff" else shown
