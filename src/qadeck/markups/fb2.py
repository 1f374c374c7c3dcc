"""FictionBook e-books (``.fb2``) as Markdown: each section's title a heading at its depth, paragraphs, bold, tables.

An ``.fb2`` is one XML file: ``<description>`` (the book's metadata), a
``<body>`` of nested ``<section>`` elements, each opening with a ``<title>``
of one or more ``<p>``, then paragraphs (``<p>``, ``<strong>`` bold inside),
``<subtitle>`` headings, ``<empty-line/>``, poems, quotes and tables; further
bodies hold the footnotes, and ``<binary>`` elements the pictures. The body's
title is a first-level heading, a section's title one level deeper than the
section holding it, a subtitle one deeper still; a paragraph all in bold is a
bold line (how study books mark their questions). The metadata, footnotes
(and the links to them), pictures and comments are left out. The XML is
scanned tag by tag, never parsed: no entity is expanded and nothing it names
is fetched. The declared encoding (``windows-1251`` is common) is honoured; a
zip holding one ``.fb2`` (``.fbz``, or ``book.fb2.zip`` renamed) is read as its book.
:mod:`.document` writes the Markdown.
"""

from __future__ import annotations

import codecs
import html
import re

from ..errors import SourceError
from . import document
from .archive import MAX_XML_BYTES, Archive
from .document import Block

_KIND = "FictionBook e-book"
_TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(.*?)\]\]>|<[?!][^>]*>|<(/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(/?)>|([^<]+)", re.DOTALL
)
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]{1,40})["']""")
#: Elements whose text is no part of the running text: metadata, pictures, embedded files, style sheets.
_SKIPPED = frozenset({"description", "binary", "image", "stylesheet"})
#: Elements that hold a paragraph's text (a poem's line, a quote's author, a date in a poem).
_PARAGRAPHS = frozenset({"p", "v", "text-author", "date"})
_SPACE = re.compile(r"\s+")


def to_markdown(data: bytes, name: str = "<fb2>") -> str:
    if data.startswith(b"PK\x03\x04"):  # book.fb2.zip under an .fb2 name: the book inside
        archive = Archive(data, name, _KIND)
        inside = next((member for member in archive.names() if member.lower().endswith(".fb2")), "")
        if not inside:
            raise archive.damaged("a zip with no .fb2 book in it")
        data = archive.data(inside)
    if len(data) > MAX_XML_BYTES:
        raise SourceError(f"a {_KIND} of {len(data)} bytes, over {MAX_XML_BYTES}: too big to read", name)
    xml = _decode(data)
    if not re.search(r"<(?:[\w.-]+:)?FictionBook\b", xml[:4096]):
        raise SourceError(f"not a readable {_KIND} (no FictionBook element at its start)", name)
    return document.to_markdown(_Reader().read(xml))


def _decode(data: bytes) -> str:
    """The file's text in the encoding it declares (UTF-8 when it declares none, or one Python does not know)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    data = data.removeprefix(codecs.BOM_UTF8)
    declared = _ENCODING.match(data[:200])
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            pass
    return data.decode(encoding, errors="replace")


def _attributes(text: str) -> dict[str, str]:
    """Attributes by local name (``l:href`` and ``href`` alike), values unescaped."""
    return {key.rpartition(":")[2]: html.unescape(a or b) for key, a, b in _ATTRIBUTE.findall(text)}


class _Reader:
    """Walks the book's tags and collects its blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.skipping: list[str] = []  # the element being left out, once for each level of it open
        self.bodies = 0
        self.depth = 0  # sections open
        self.strong = 0  # <strong> elements open
        self.pieces: list[tuple[str, bool]] | None = None  # the paragraph being read
        self.title: list[list[tuple[str, bool]]] | None = None  # the title being read: its paragraphs
        self.heading = 0  # the level the subtitle being read is written at
        self.stanza = False
        self.tables: list[list[list[str]]] = []

    def read(self, xml: str) -> list[Block]:
        for cdata, closing, tag, rest, empty, text in (match.groups() for match in _TAG.finditer(xml)):
            if tag is None:
                if (text or cdata) and not self.skipping and self.pieces is not None:
                    self.pieces.append((_SPACE.sub(" ", html.unescape(text) if text else cdata), self.strong > 0))
                continue
            if self.skipping:
                if tag == self.skipping[-1] and not empty:
                    if closing:
                        self.skipping.pop()
                    else:
                        self.skipping.append(tag)
                continue
            if closing:
                self._close(tag)
            elif self._skips(tag, _attributes(rest)):
                if not empty:
                    self.skipping.append(tag)
            else:
                self._open(tag)
                if empty:
                    self._close(tag)
        return self.blocks

    def _skips(self, tag: str, attributes: dict[str, str]) -> bool:
        """Is this element left out: metadata, a picture, a footnote body, a link to a footnote?"""
        if tag == "body":
            self.bodies += 1
            return self.bodies > 1 and attributes.get("name", "").lower() in ("notes", "comments", "footnotes")
        return tag in _SKIPPED or tag == "a" and attributes.get("type") == "note"

    def _level(self, deeper: int = 0) -> int:
        return min(max(self.depth, 0) + 1 + deeper, 6)

    def _open(self, tag: str) -> None:
        if tag == "section":
            self.depth += 1
        elif tag == "title":
            self.title = []
        elif tag == "subtitle":
            self.pieces, self.heading = [], self._level(deeper=1)
        elif tag == "strong":
            self.strong += 1
        elif tag == "stanza":
            self.stanza, self.pieces = True, []
        elif tag in _PARAGRAPHS and not self.stanza:
            self.pieces = []
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.pieces = []
        elif tag == "empty-line" and self.pieces is None and self.title is None:
            self.blocks.append(Block())

    def _close(self, tag: str) -> None:
        if tag == "section":
            self.depth -= 1
        elif tag == "strong":
            self.strong = max(self.strong - 1, 0)
        elif tag == "title" and self.title is not None:
            pieces = [piece for paragraph in self.title for piece in [(" ", False), *paragraph]]
            self.title = None
            if any(text.strip() for text, _bold in pieces):
                self.blocks.append(document.paragraph(pieces, heading=self._level()))
        elif tag == "subtitle" and self.pieces is not None:
            self.blocks.append(document.paragraph(self.pieces, heading=self.heading))
            self.pieces = None
        elif tag == "v" and self.stanza and self.pieces is not None:
            self.pieces.append(("\n", False))
        elif tag == "stanza":
            self.stanza = False
            self._paragraph()
        elif tag in ("td", "th") and self.tables and self.tables[-1] and self.pieces is not None:
            self.tables[-1][-1].append("".join(text for text, _bold in self.pieces).strip())
            self.pieces = None
        elif tag == "table" and self.tables:
            rows = tuple(tuple(row) for row in self.tables.pop() if row)
            if rows:
                width = max(len(row) for row in rows)
                self.blocks.append(Block(rows=tuple(row + ("",) * (width - len(row)) for row in rows)))
        elif tag in _PARAGRAPHS and not self.stanza:
            self._paragraph()

    def _paragraph(self) -> None:
        pieces, self.pieces = self.pieces, None
        if pieces is None:
            return
        if self.title is not None:
            self.title.append(pieces)
        elif self.tables and self.tables[-1]:  # a paragraph in a cell: its text joins the cell's
            self.pieces = pieces
        else:
            self.blocks.append(document.paragraph(pieces))
