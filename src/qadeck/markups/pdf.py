"""PDF documents (``.pdf``) as Markdown: paragraphs told by the space between lines, headings by size.

A PDF holds no paragraphs, only pieces of text placed on pages; pypdf puts
them back into lines and says where each piece stands, in which font and
size. From that: a wider gap between two lines than the document's usual
spacing ends a paragraph, a paragraph set larger than the body text is a
heading (the larger, the higher), one set all in a bold font a bold line
(how FAQs mark their questions), and :mod:`.document` writes them as the
word-processor readers' paragraphs are written. Lines a paragraph was
wrapped into stay lines (the layouts join them), a bullet (``•``) stays a
bullet. What printing adds is taken off again: a line repeated at the top or
bottom of pages (a running header, a footer), a bare page number, a table
of contents (dotted leaders to page numbers), a word hyphenated at a line's
end.

A password-protected, damaged or scanned PDF (no text layer) is one
:class:`SourceError` naming the file. pypdf bounds what one stream may
inflate to (75 MB); :data:`MAX_PAGES` and :data:`MAX_TEXT` bound the rest, so
a hostile file costs neither memory nor minutes.
"""

from __future__ import annotations

import bisect
import io
import logging
import math
import re
import struct
import unicodedata
import warnings
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import SourceError
from . import document
from .archive import MAX_XML_BYTES
from .document import Block

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

#: The most pages read: a question bank has hundreds, a longer PDF is a book or an attack.
MAX_PAGES = 2000
#: The most text read, as for the zip documents.
MAX_TEXT = MAX_XML_BYTES
#: The most drawing instructions read, all pages together, in bytes (a page's contents counted each time a
#: page uses them) and in operations (a form's counted each time a page draws it). A word processor's page
#: holds up to some 40 KB and 3,000 operations (so 400 to 600 such pages fit); pypdf reads about 0.3 MB
#: a second, so these bound a hostile file that reuses one big stream on every page to some 20 seconds.
MAX_CONTENT = 16 * 1024 * 1024
MAX_OPERATIONS = 2_000_000
#: What pypdf can raise on a damaged file, besides its own errors.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError,
           RecursionError, OSError, zlib.error, struct.error, UnicodeError, NotImplementedError)
#: How many lines at a page's top and bottom a running header, footer or page number is looked for in.
_EDGE = 2
#: A line that is only a page number: ``7``, ``- 7 -``, ``Page 7``, ``7 / 12``, ``Page 7 of 12``.
_PAGE_NUMBER = re.compile(r"(?i)^[-–—\s]*(?:page\s+)?(\d{1,4})(?:\s*(?:/|of)\s*\d{1,4})?[-–—\s]*$")
#: A number that closes a line, standing alone (``Getting help 7``). One that opens it is left alone: slides
#: number their questions as their pages (``7 Why …?`` on page 7).
_EDGE_NUMBER = re.compile(r"(?<=\s)(\d{1,4})$")
#: A table of contents' entry: a title, dotted leaders (full stops, middle dots, ellipses), a page number.
_CONTENTS = re.compile(r"(?:[.\u00b7\u2024\u2025\u2026\u22ef]\s?){4,}\s*\d{1,4}\s*$")
#: A list's bullet as word processors draw it, opening a line: circles, squares, diamonds, arrowheads, the
#: Symbol and Wingdings fonts' private-use bullets and arrows (Symbol's arrow, Wingdings' arrows and tick), and a glyph pypdf could only give by its font's name for it
#: (``/g120``). Each is written as one bullet (``•``), the one the layouts know.
_BULLET = re.compile(r"^(\s*)(?:[\u25cf\u25cb\u25a0\u25a1\u25aa\u25ab\u25e6\u25c6\u25c7\u2756\u27a2\u27a4\u25ba"
                     r"\uf0b7\uf0a7\uf076\uf0d8\uf0ae\uf0e0\uf0e8\uf0fc]|/(?:g|glyph|cid)\d{1,5})(?=\s|$)")
#: A word broken by a hyphen at a line's end (a letter before it), and a line's first word.
_BROKEN = re.compile(r"([^\W\d_]+)[-\u00ad]$")
_FIRST_WORD = re.compile(r"^\s*([^\W\d_]\w*)")
#: A font whose name says it is bold: ``Arial-BoldMT``, ``Calibri,Bold``, TeX's ``CMBX12``, ``…-Black``.
_BOLD_FONT = re.compile(r"(?i)bold|black|heavy|demi|semibd|^cmbx|^cmssbx|^ecbx|^lmroman\d*-bold")
#: What LaTeX's T1-encoded fonts put where a PDF gives no Unicode for them: ligatures, quotes, dashes.
#: Other control characters are dropped.
_T1 = {0x10: "\u201c", 0x11: "\u201d", 0x12: "\u201e", 0x13: "\u00ab", 0x14: "\u00bb", 0x15: "\u2013", 0x16: "\u2014",
       0x17: "", 0x1B: "ff", 0x1C: "fi", 0x1D: "fl", 0x1E: "ffi", 0x1F: "ffl"}
#: Typographic ligatures as the letters they join (``ﬁ``: "fi"), so a word reads and searches as typed.
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_CONTROLS = {code: _T1.get(code) for code in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)} | _LIGATURES
#: A gap between two lines this much wider than the document's usual one ends a paragraph.
_PARAGRAPH_GAP = 1.3
#: A paragraph set this much larger than the body text is a heading, when no longer than this.
_HEADING_SIZE = 1.15
_HEADING_LINES, _HEADING_CHARACTERS = 3, 300
#: Two runs whose baselines lie within this share of their size of each other stand on one line.
_SAME_BASELINE = 0.15


@dataclass(frozen=True)
class Line:
    """One line of a page as pypdf extracted it."""

    #: Its text in runs, each in a bold font or not.
    pieces: tuple[tuple[str, bool], ...]
    #: How high on the page its first letter stands (PDF units, up is larger).
    y: float
    #: The largest font size in it.
    size: float

    @property
    def text(self) -> str:
        return "".join(piece for piece, _bold in self.pieces)


def to_markdown(data: bytes, name: str = "<pdf>") -> str:
    pages = _pages(data, name)
    if not any(line.text.strip() for page in pages for line in page):
        raise SourceError("no text layer: a scanned PDF needs OCR first (ocrmypdf adds one)", name)
    paragraphs = _paragraphs(_without_page_chrome(pages))
    return _with_accents(document.to_markdown(_blocks(_rejoin_hyphenated(_without_contents(paragraphs)))))


#: Accents TeX sets as a glyph of their own over the letter after them (``\"a`` in a Type 1 font): the
#: text layer holds the spacing accent, then the letter (``bin¨ar``).
_SPACING_ACCENTS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303",
                    "\u02c7": "\u030c", "\u02da": "\u030a"}
_VOWELS = frozenset("aeiouyAEIOUY")
_ACCENTED = re.compile(f"([{''.join(_SPACING_ACCENTS)}])([^\\W\\d_])")


def _with_accents(text: str) -> str:
    """``text`` with each spacing accent and the letter after it as the one accented letter (``ä``) where
    Unicode has one; an accent no letter follows stays as it is."""
    if not any(accent in text for accent in _SPACING_ACCENTS):
        return text

    def accented(match: re.Match[str]) -> str:
        letter = "i" if match[2] == "\u0131" else match[2]  # TeX's dotless i under an accent: í
        if match[1] == "\u00b4" and letter not in _VOWELS:
            return match[0]  # "it´s": an apostrophe typed as an acute accent, where TeX sets é, á, ó
        joined = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[match[1]])
        return joined if len(joined) == 1 else match[0]

    return _ACCENTED.sub(accented, text)


def _pages(data: bytes, name: str) -> list[list[Line]]:
    """Each page's lines that hold text."""
    # Imported here: pypdf takes a fifth of a second to import, which no run without a PDF should pay.
    from pypdf.errors import LimitReachedError, PyPdfError

    # pypdf reports what it repaired in a damaged file through logging and warnings; the reader learns
    # of damage it cannot repair from the one error, so its notes would only clutter the terminal.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[list[Line]] = []
    size = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = _open(data, name)
            if len(reader.pages) > MAX_PAGES:
                raise SourceError(f"a PDF of {len(reader.pages)} pages: over {MAX_PAGES}, too long to read as Q&A", name)
            budget = _Budget(name)
            for page in reader.pages:
                budget.spend_content(page)
                pages.append(_lines(page, budget))
                size += sum(len(line.text) for line in pages[-1])
                if size > MAX_TEXT:
                    raise SourceError(f"a PDF of over {MAX_TEXT} characters of text: too big to read", name)
        except LimitReachedError as exc:
            raise SourceError(f"a PDF whose content inflates past pypdf's limits ({exc}): too big to read", name) from exc
        except (PyPdfError, *_DAMAGE) as exc:
            raise SourceError(f"not a readable PDF ({exc or type(exc).__name__})", name) from exc
    return pages


def _open(data: bytes, name: str) -> PdfReader:
    """The document, decrypted when it only restricts printing or copying (an empty password opens it)."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    if b"%PDF" not in data[:1024]:
        raise SourceError("not a readable PDF (no %PDF header)", name)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            raise SourceError(f"a PDF encrypted in a way pypdf cannot read ({exc})", name) from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise SourceError("a password-protected PDF: save a copy without the password to read it", name)
    return reader


class _Budget:
    """What is left of :data:`MAX_CONTENT` and :data:`MAX_OPERATIONS` while a file's pages are read."""

    def __init__(self, name: str):
        self.name, self.content, self.operations = name, 0, 0

    def spend_content(self, page: PageObject) -> None:
        contents = page.get_contents()
        self.content += len(contents.get_data()) if contents is not None else 0
        if self.content > MAX_CONTENT:
            raise SourceError(f"a PDF whose pages hold over {MAX_CONTENT // 2**20} MB of drawing instructions: "
                              "too big to read (split it)", self.name)

    def spend_operation(self, *_operation: object) -> None:
        self.operations += 1
        if self.operations > MAX_OPERATIONS:
            raise SourceError(f"a PDF whose pages draw over {MAX_OPERATIONS:,} operations: too big to read (split it)",
                              self.name)


def _lines(page: PageObject, budget: _Budget) -> list[Line]:
    """The page's lines: pypdf's text, cut where it puts line breaks, each run with where and how it is set."""
    runs: list[tuple[str, float, float, float, bool]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text:
            # Where the text matrix puts the run on the page, and its size as drawn (both matrices scale it).
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            runs.append((text.translate(_CONTROLS), x, y, abs(size * scale), _is_bold(font)))

    page.extract_text(visitor_text=visit, visitor_operand_before=budget.spend_operation)
    lines: list[Line] = []
    pieces: list[tuple[str, float, float, bool]] = []
    broken = False  # pypdf broke the line before this run
    last_x = 0.0
    for text, x, y, size, bold in runs:
        for at, part in enumerate(text.split("\n")):
            if at:
                broken = True
            if not part:
                continue
            if broken and not (at == 0 and _same_line(pieces, x, y, size, last_x)):
                lines += _line(pieces)
                pieces = []
            elif broken and pieces[-1][0][-1:].strip() and part[:1].strip():
                pieces.append((" ", y, size, bold))  # a word drawn on its own: the space between is not drawn
            pieces.append((part, y, size, bold))
            broken, last_x = False, x
    return lines + _line(pieces)


def _same_line(pieces: list[tuple[str, float, float, bool]], x: float, y: float, size: float, last_x: float) -> bool:
    """Does a run that pypdf put on a new line stand on the line ``pieces`` make, right of its last run? A
    program that draws each word as a text object of its own (Google Docs does) has pypdf break the line
    after every word; the baseline says they are one line."""
    return bool(pieces) and abs(pieces[-1][1] - y) <= _SAME_BASELINE * max(size, 1.0) and x > last_x


def _line(pieces: list[tuple[str, float, float, bool]]) -> list[Line]:
    """The line made of ``pieces`` (one, or none when they hold no text), without trailing spaces."""
    filled = [piece for piece in pieces if piece[0].strip()]
    if not filled:
        return []
    runs = [(text, bold) for text, _y, _size, bold in pieces]
    while not runs[-1][0].strip():
        runs.pop()
    runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    first = next(at for at, (text, _bold) in enumerate(runs) if text.strip())
    if _BULLET.match(runs[first][0]):
        runs[first] = (_BULLET.sub(r"\1•", runs[first][0], count=1), runs[first][1])
    return [Line(tuple(runs), y=filled[0][1], size=max(piece[2] for piece in filled))]


def _is_bold(font: Any) -> bool:
    """Is ``font`` (a PDF font dictionary) a bold one, by its name or its descriptor's weight?"""
    if not font:
        return False
    try:
        name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        descriptor = font.get("/FontDescriptor") or {}
        weight = float(descriptor.get("/FontWeight", 0))
    except (*_DAMAGE,):
        return False
    return bool(_BOLD_FONT.search(name)) or weight >= 600


def _without_page_chrome(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without what a printer repeats on them: a line found at the top or bottom of three or
    more pages (its numbers aside: ``Chapter 2 · page 7``) on half of them or with a number that changes,
    and a line there that is or ends with a page number counting up with the pages (``7``,
    ``Page 7 of 12``, ``2. Getting Help 7``). Top and bottom are by place on the page, not by the order pypdf read them in."""
    edges = [_edge_lines(page) for page in pages]
    running = Counter(key for page, found in zip(pages, edges) for key in {_key(page[at].text) for at in found})
    repeated = {key for key, count in running.items() if key and count >= 3 and (count >= len(pages) / 2 or "#" in key)}
    numbers = [{index: _page_numbers(page[index].text) for index in found} for page, found in zip(pages, edges)]
    offsets = Counter(offset for at, found in enumerate(numbers)
                      for offset in {number - at for candidates in found.values() for number in candidates})
    offset, votes = offsets.most_common(1)[0] if offsets else (0, 0)
    # Numbers counting up on half the pages, or a one-page document's "1".
    paged = votes >= max(2, len(pages) / 2) or (len(pages) == 1 and offset == 1)
    out = []
    for at, page in enumerate(pages):
        drop = {index for index in edges[at] if _key(page[index].text) in repeated}
        if paged:
            drop |= {index for index, candidates in numbers[at].items() if at + offset in candidates}
        out.append([line for index, line in enumerate(page) if index not in drop])
    return out


def _page_numbers(text: str) -> set[int]:
    """The numbers a line at a page's edge could give as the page's: all of a bare page number, or its last."""
    match = _PAGE_NUMBER.match(text)
    if match:
        return {int(match.group(1))}
    return {int(number) for number in _EDGE_NUMBER.findall(text.strip())}


def _edge_lines(page: list[Line]) -> set[int]:
    """The indexes of the page's :data:`_EDGE` highest and lowest lines."""
    by_height = sorted(range(len(page)), key=lambda index: page[index].y)
    return set(by_height[:_EDGE] + by_height[-_EDGE:])


def _key(line: str) -> str:
    """A line as a running header or footer is recognised: numbers and spacing aside, any case."""
    return " ".join(re.sub(r"\d+", "#", line).split()).casefold()


def _paragraphs(pages: list[list[Line]]) -> list[list[Line]]:
    """The lines grouped into paragraphs: a gap wider than the usual spacing, a line higher than the one
    before (a new column), a change of size or a new page that opens a new sentence ends one."""
    spacing = [(above.y - below.y) / above.size for page in pages for above, below in zip(page, page[1:])
               if above.size and 0 < above.y - below.y < 3 * above.size and _same_size(above, below)]
    usual = _line_spacing(spacing)
    paragraphs: list[list[Line]] = []
    for page in pages:
        for at, line in enumerate(page):
            if at:
                above = page[at - 1]
                gap = above.y - line.y
                new = gap <= 0 or gap > usual * _PARAGRAPH_GAP * above.size or not _same_size(above, line)
            else:
                new = not paragraphs or _opens(line.text) or paragraphs[-1][-1].text.endswith((".", "?", "!", ":"))
            if new:
                paragraphs.append([])
            paragraphs[-1].append(line)
    return paragraphs


def _line_spacing(spacing: list[float]) -> float:
    """The spacing of a paragraph's lines (as a share of their size): the narrowest of the gaps seen often
    (a tenth of them, at least two) within 5%. Not the median: a FAQ of one-line questions and short
    answers has more gaps between paragraphs than within them."""
    spacing = sorted(spacing)
    for at, gap in enumerate(spacing):
        often = bisect.bisect_right(spacing, gap * 1.05) - at
        if often >= max(2, len(spacing) / 10):
            return gap
    return spacing[0] if spacing else 1.2


def _same_size(one: Line, other: Line) -> bool:
    return max(one.size, other.size) <= _HEADING_SIZE * min(one.size, other.size)


def _opens(text: str) -> bool:
    """Does this line open something (a capital, a digit, a bullet) rather than go on a sentence?"""
    first = text.lstrip()[:1]
    return bool(first) and not first.islower()


def _without_contents(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """The paragraphs without a table of contents: every entry with dotted leaders to its page number, and
    what stands among two or more of them ending in a page number too (a chapter's entry, an entry
    whose title fills the line), and a one-line label between two entries."""
    leaders = [any(_CONTENTS.search(line.text) for line in lines) for lines in paragraphs]
    paged = [has or bool(_EDGE_NUMBER.search(lines[-1].text)) for has, lines in zip(leaders, paragraphs)]
    drop = {at for at, has in enumerate(leaders) if has}
    start = 0
    for at in range(len(paragraphs) + 1):
        if at == len(paragraphs) or not paged[at]:
            if sum(leaders[start:at]) >= 2:
                drop.update(range(start, at))
            start = at + 1
    # A one-line label between two entries is a group's name in the contents (a chapter with no page).
    drop |= {at for at in range(1, len(paragraphs) - 1)
             if len(paragraphs[at]) == 1 and at - 1 in drop and at + 1 in drop}
    return [lines for at, lines in enumerate(paragraphs) if at not in drop]


def _rejoin_hyphenated(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """Words the typesetter broke at a line's end (``fil-`` / ``ters them``) made whole again, the rest of the
    next line left where it was. A hyphen stays where the next line opens in a capital or a digit, or
    where the document writes the word with its hyphen elsewhere and never without (``self-`` /
    ``contained``); a soft hyphen always goes."""
    words = Counter(re.findall(r"\w+(?:-\w+)*", " ".join(line.text for lines in paragraphs for line in lines).casefold()))
    out = []
    for lines in paragraphs:
        lines = list(lines)
        for at in range(len(lines) - 1):
            broken = _BROKEN.search(lines[at].text)
            following = _FIRST_WORD.match(lines[at + 1].text)
            if not broken or not following or not following.group(1)[0].islower():
                continue
            head, tail = broken.group(1), following.group(1)
            if lines[at].text.endswith("-") and words[f"{head}-{tail}".casefold()] and not words[(head + tail).casefold()]:
                continue
            lines[at], lines[at + 1] = _moved(lines[at], lines[at + 1], following.end())
        out.append([line for line in lines if line.text.strip()])
    return out


def _moved(line: Line, following: Line, end: int) -> tuple[Line, Line]:
    """``line`` without its last character and with ``following``'s first ``end`` characters; ``following``
    without them."""
    pieces = list(following.pieces)
    taken = ""
    while pieces and len(taken) < end:
        text, bold = pieces.pop(0)
        need = end - len(taken)
        taken += text[:need]
        if text[need:]:
            pieces.insert(0, (text[need:].lstrip(), bold))
    last, bold = line.pieces[-1]
    return (replace(line, pieces=(*line.pieces[:-1], (last[:-1] + taken.lstrip(), bold))),
            replace(following, pieces=tuple(pieces)))


def _blocks(paragraphs: list[list[Line]]) -> list[Block]:
    """The paragraphs as blocks: a heading when set larger than the body text (levels by size, the largest
    first), else a paragraph whose runs say what is bold."""
    letters: Counter[float] = Counter()
    for lines in paragraphs:
        for line in lines:
            letters[round(line.size, 1)] += len(line.text)
    body = letters.most_common(1)[0][0] if letters else 0.0
    # A size is a heading's when most paragraphs set in it are short: not where a writer changed the body's font.
    sizes = Counter(_size(lines) for lines in paragraphs)
    short = Counter(_size(lines) for lines in paragraphs if _heading_like(lines, body))
    heading_sizes = sorted((size for size, count in short.items() if 3 * count >= 2 * sizes[size]), reverse=True)
    blocks = []
    for lines in paragraphs:
        size = _size(lines) if _heading_like(lines, body) else 0.0
        pieces: list[tuple[str, bool]] = []
        for at, line in enumerate(lines):
            # A hyphen kept at a line's end (self- / contained) joins the lines: a space would split the word.
            kept = at and lines[at - 1].text.endswith("-") and line.text[:1].islower()
            pieces += [("" if kept else "\n", False)] * bool(at) + list(line.pieces)
        level = heading_sizes.index(size) + 1 if size in heading_sizes else 0
        blocks.append(document.paragraph(pieces, heading=min(level, 6)))
    return blocks


def _heading_like(lines: list[Line], body: float) -> bool:
    """Is this paragraph set larger than the body text and short, as a heading is?"""
    return (len(lines) <= _HEADING_LINES and sum(len(line.text) for line in lines) <= _HEADING_CHARACTERS
            and min(line.size for line in lines) > _HEADING_SIZE * body)


def _size(lines: list[Line]) -> float:
    """The size a paragraph is set in: its smallest line's (a larger letter in a line is no heading)."""
    return round(min(line.size for line in lines), 1)
