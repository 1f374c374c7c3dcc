"""Rich Text Format (``.rtf``, what TextEdit and WordPad save) as Markdown: paragraphs, bold questions, lists, tables.

RTF is read token by token: ``\\par`` (and TextEdit's backslash at the end of
a line) ends a paragraph, ``\\line`` breaks a line, ``\\b``/``\\b0``/``\\plain``
turn bold on and off, ``\\outlinelevelN`` or a paragraph style named as a heading
(``\\s2`` when the stylesheet calls it ``heading 2``) makes a heading, the text of a
``\\listtext``/``\\pntext`` group is the list marker shown, ``\\cell``/``\\row``
build a table. Characters come from ``\\uN`` (its ``\\ucN`` fallback skipped)
and from ``\\'hh`` bytes and 8-bit text in the document's code page
(``\\ansicpgN``, or the font's ``\\fcharsetN``; Windows-1252 by default).
Groups that hold no running text (font and colour tables, stylesheets,
pictures, ``{\\*\\…}`` destinations, headers, footnotes, field instructions) are
skipped. :mod:`.document` writes the Markdown. Nothing is read beyond the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SourceError
from . import document
from .archive import MAX_XML_BYTES
from .document import Block

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word and its parameter (a space after it belongs to it)
    r"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    r"|\\([^a-zA-Z'])"  # a control symbol
    r"|([{}])"
    r"|([^\\{}\r\n]+)"  # text
    r"|[\r\n]+|\\",
    re.DOTALL,
)
#: Groups that hold no running text (besides any group opened by ``\\*``).
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "atnid", "atnauthor", "fldinst", "xe",
    "tc", "tcn", "listtable", "listoverridetable", "rsidtbl", "revtbl", "filetbl", "pntxta", "pntxtb", "themedata",
    "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "generator", "mmathPr", "nonshppict", "shp",
    "shpinst", "sp", "template", "userprops", "docvar", "bkmkstart", "bkmkend", "field-off", "blipuid", "txe",
})
#: Skipped groups read all the same: the font table for each font's code page, the stylesheet for which
#: paragraph styles are headings (``heading 2``, ``Title``: paragraphs in them repeat no ``\\outlinelevel``).
_READ_INSIDE = ("fonttbl", "stylesheet")
#: Control words that stand for one character.
_CHARACTERS = {
    "tab": " ", "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019",
    "ldblquote": "\u201c", "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ", "enspace": " ",
    "qmspace": " ", "line": "\n", "lbr": "\n",
}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "{": "{", "}": "}", "\\": "\\", "\t": " "}
#: \\fcharsetN -> the code page its bytes are in (0, ANSI, and the others: the document's \\ansicpg).
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "big5",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
    222: "cp874", 238: "cp1250",
}
#: What the character sets of RTF's header mean when no \\ansicpg says.
_HEADER_CODE_PAGES = {"ansi": "cp1252", "mac": "mac_roman", "pc": "cp437", "pca": "cp850"}
#: What matters when jumping over a group: braces, escapes (a brace after a backslash is text), binary data.
_GROUP_MARK = re.compile(r"\\bin(\d{1,10}) ?|\\[\s\S]|([{}])")
_SEPARATORS = {0x2028: "\n", 0x2029: "\n"}
_NUMBER = re.compile(r"\(?(\d{1,9})[.)]")


@dataclass(slots=True)
class _State:
    """What a group sets and its end restores (each group works on a copy of its parent's)."""

    bold: bool = False
    skip: bool = False  # a group with no running text
    marker: bool = False  # a \\listtext or \\pntext group: its text is the list marker
    hidden: bool = False  # hidden (\\v) or deleted (\\deleted) text, which the reader does not see
    stylesheet: bool = False  # in the stylesheet, whose style names are read for headings
    fallback: int = 1  # \\ucN: characters that stand in for each \\uN
    code_page: str = "cp1252"

    def copy(self) -> _State:
        return _State(self.bold, self.skip, self.marker, self.hidden, self.stylesheet, self.fallback, self.code_page)


class _Paragraph:
    """The paragraph being read: its text pieces and whether each is bold, and what the paragraph is."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, bool]] = []
        self.heading = 0
        self.in_table = False
        self.level = 0

    def reset(self) -> None:
        """``\\pard``: back to a plain paragraph (its text stays)."""
        self.heading, self.in_table, self.level = 0, False, 0

    def take(self) -> list[tuple[str, bool]]:
        """The text so far, in runs of the same weight (``\\uN`` surrogate pairs joined, Unicode's line and
        paragraph separators as line breaks); then empty."""
        runs: list[tuple[str, bool]] = []
        for piece, bold in self.pieces:
            if runs and runs[-1][1] == bold:
                runs[-1] = (runs[-1][0] + piece, bold)
            else:
                runs.append((piece, bold))
        self.pieces = []
        return [(_text(piece), bold) for piece, bold in runs]


def _text(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").translate(_SEPARATORS)


def to_markdown(data: bytes, name: str = "<rtf>") -> str:
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise SourceError("not a readable RTF document (it does not start with {\\rtf)", name)
    if len(data) > MAX_XML_BYTES:
        raise SourceError(f"an RTF document of {len(data)} bytes, over {MAX_XML_BYTES}: too big to read", name)
    return document.to_markdown(_Reader().read(data.decode("latin-1")))


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.state = _State()
        self.stack: list[_State] = []
        self.paragraph = _Paragraph()
        self.pending = bytearray()  # bytes (\\'hh and 8-bit text) not yet decoded: a character may take two
        self.skipping = 0  # characters still to skip after a \\uN
        self.group_start = False  # the last token opened a group: a destination word may follow
        self.fonts: dict[int, str] = {}  # font number -> its code page
        self.heading_styles: dict[int, int] = {}  # paragraph style number -> the heading level its name gives
        self.style: int | None = None  # the style the stylesheet is defining, and its name so far
        self.style_text: list[str] = []
        self.font = -1
        self.default_code_page = "cp1252"
        self.marker = ""  # the text of the last list marker group, for the next paragraph
        self.marker_text: list[str] = []
        self.rows: list[tuple[str, ...]] = []  # the table being read
        self.cells: list[str] = []
        self.cell: list[str] = []

    def read(self, rtf: str) -> list[Block]:
        position = 0
        while position < len(rtf):
            match = _TOKEN.match(rtf, position)
            if match is None:  # pragma: no cover - every character matches one alternative
                position += 1
                continue
            position = match.end()
            word, parameter, byte, symbol, brace, text = match.groups()
            if word == "bin" and parameter:  # binary data: skipped whole
                position += max(0, int(parameter))
                self.group_start = False
                continue
            if byte is not None:
                self._byte(int(byte, 16))
            elif text is not None:
                self._raw(text)
            elif brace == "{":
                self._flush()
                self.stack.append(self.state)
                self.state = self.state.copy()
                self.group_start = True
                self.skipping = 0
                continue
            elif brace == "}":
                self._close_group()
                if not self.stack:
                    break  # the document's group has ended: what follows (WordPad's NUL) is no part of it
            elif word is not None or symbol is not None:
                if word is not None:
                    self._word(word, None if parameter is None else int(parameter))
                else:
                    self._symbol(symbol)
                if self.group_start and self.state.skip and not self.stack[-1].skip and word not in _READ_INSIDE:
                    # A group with no running text: jumped over whole.
                    position = _group_end(rtf, position)
                    self._close_group()
                    if not self.stack:
                        break
            else:
                continue  # a newline in the file is no text and leaves a group's opening word to come
            self.group_start = False
        self._end_paragraph()
        self._end_table()
        return self.blocks

    def _close_group(self) -> None:
        self._flush()
        if self.state.marker and not (self.stack and self.stack[-1].marker):
            self.marker = "".join(self.marker_text)
            self.marker_text = []
        if self.stack:
            self.state = self.stack.pop()
        self.skipping = 0

    def _byte(self, value: int) -> None:
        if self.skipping:
            self.skipping -= 1
        elif not self.state.skip:
            self.pending.append(value)

    def _raw(self, text: str) -> None:
        if self.skipping:
            skipped = min(self.skipping, len(text))
            self.skipping -= skipped
            text = text[skipped:]
        if text and not self.state.skip:
            self.pending += text.encode("latin-1")
        elif text and self.state.stylesheet:
            self._style_name(text)

    def _style_name(self, text: str) -> None:
        """Text in the stylesheet: a style's name, which ends at ``;`` (``heading 2;``, ``Title;``)."""
        self.style_text.append(text)
        if ";" in text:
            name = "".join(self.style_text).split(";")[0]
            if self.style is not None and (level := document.heading_level(name)):
                self.heading_styles[self.style] = level
            self.style, self.style_text = None, []

    def _flush(self) -> None:
        """Decode the pending bytes in the code page in force."""
        if self.pending:
            self._emit(bytes(self.pending).decode(self.state.code_page, errors="replace").replace("\t", " "))
            self.pending.clear()

    def _emit(self, text: str) -> None:
        if self.state.skip or self.state.hidden:
            return
        if self.state.marker:
            self.marker_text.append(text)
        else:
            self.paragraph.pieces.append((text, self.state.bold))

    def _word(self, word: str, parameter: int | None) -> None:
        self._flush()
        if self.group_start and word in _SKIPPED:
            self.state.skip = True
        if word == "stylesheet" and self.group_start:
            self.state.stylesheet = True
        if self.state.skip:  # in a skipped group only the font table (code pages) and stylesheet (headings) are read
            if word == "s" and parameter is not None and self.state.stylesheet:
                self.style, self.style_text = parameter, []
            elif word == "f" and parameter is not None:
                self.font = parameter
            elif word == "fcharset" and parameter is not None and self.font >= 0:
                self.fonts[self.font] = _code_page(_CHARSETS.get(parameter, ""), self.default_code_page)
            return
        if self.skipping and word != "u":
            self.skipping -= 1
            return
        on = parameter is None or parameter != 0
        if word == "u" and parameter is not None:
            self._emit(chr(parameter % 65536))
            self.skipping = self.state.fallback
        elif word in _CHARACTERS:
            self._emit(_CHARACTERS[word])
        elif word in ("par", "sect", "page"):
            self._end_paragraph()
        elif word in ("listtext", "pntext") and self.group_start:
            self.state.marker = True
        elif word == "b":
            self.state.bold = on
        elif word == "plain":
            self.state.bold = self.state.hidden = False
        elif word in ("v", "deleted"):
            self.state.hidden = on
        elif word == "uc" and parameter is not None:
            self.state.fallback = max(0, parameter)
        elif word == "pard":
            self.paragraph.reset()
        elif word == "s" and parameter is not None:
            self.paragraph.heading = self.heading_styles.get(parameter, self.paragraph.heading)
        elif word == "outlinelevel" and parameter is not None and 0 <= parameter < 6:
            self.paragraph.heading = parameter + 1
        elif word == "ilvl" and parameter is not None:
            self.paragraph.level = max(0, min(parameter, 8))
        elif word == "intbl" or word == "itap" and on:
            self.paragraph.in_table = True
        elif word in ("cell", "nestcell"):
            self._end_cell(nested=word == "nestcell")
        elif word == "row":
            self._end_row()
        elif word == "ansicpg" and parameter is not None:
            self.default_code_page = _code_page(f"cp{parameter}", self.default_code_page)
            self.state.code_page = self.default_code_page
        elif word in _HEADER_CODE_PAGES:
            self.default_code_page = _HEADER_CODE_PAGES[word]
            self.state.code_page = self.default_code_page
        elif word == "f" and parameter is not None:
            self.state.code_page = self.fonts.get(parameter, self.default_code_page)

    def _symbol(self, symbol: str) -> None:
        self._flush()
        if symbol == "*" and self.group_start:
            self.state.skip = True
        elif self.state.skip:
            return
        elif self.skipping:
            self.skipping -= 1
        elif symbol in "\r\n":
            self._end_paragraph()  # TextEdit ends each line with a backslash: \\par
        elif symbol in _SYMBOLS:
            self._emit(_SYMBOLS[symbol])

    def _end_paragraph(self) -> None:
        self._flush()
        pieces = self.paragraph.take()
        marker, self.marker = self.marker, ""
        if self.paragraph.in_table:
            self.cell.append("".join(piece for piece, _bold in pieces).strip())
            return
        self._end_table()
        level = self.paragraph.level
        shown = _marker(marker, level) if marker.strip() else ""
        self.blocks.append(document.paragraph(pieces, self.paragraph.heading, shown))

    def _end_cell(self, nested: bool) -> None:
        self._flush()
        self.cell.append("".join(piece for piece, _bold in self.paragraph.take()).strip())
        if nested:  # a table in a cell: its cells join the outer cell
            return
        self.cells.append(" ".join(part for part in self.cell if part))
        self.cell = []

    def _end_row(self) -> None:
        if self.cells:
            self.rows.append(tuple(self.cells))
        self.cells, self.cell = [], []

    def _end_table(self) -> None:
        self._end_row()
        if self.rows:
            self.blocks.append(Block(rows=tuple(self.rows)))
            self.rows = []


def _group_end(rtf: str, position: int) -> int:
    """Where the group open at ``position`` ends (just past its closing brace)."""
    depth = 1
    while True:
        match = _GROUP_MARK.search(rtf, position)
        if match is None:
            return len(rtf)
        position = match.end()
        if match.group(1) is not None:
            position += int(match.group(1))
        elif match.group(2) == "{":
            depth += 1
        elif match.group(2) == "}":
            depth -= 1
            if depth == 0:
                return position


def _marker(shown: str, level: int) -> str:
    """The Markdown list marker for a list item whose marker is shown as ``shown``."""
    number = _NUMBER.match(shown.strip())
    return "    " * level + (f"{number.group(1)}. " if number else "- ")


def _code_page(name: str, default: str) -> str:
    """``name`` when Python knows that code page, else ``default``."""
    try:
        "".encode(name)
    except (LookupError, ValueError):
        return default
    return name
