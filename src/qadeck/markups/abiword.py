"""AbiWord documents (``.abw``, template ``.awt``, gzipped ``.zabw``, bzip2'd ``.bzabw``) as Markdown.

An AbiWord document is one XML file (AWML): named ``<s>`` styles (each with CSS-like
``props`` and the style it is ``basedon``), ``<l>`` list definitions, then ``<section>``\\s
of ``<p>`` paragraphs holding ``<c>`` runs of text (``props="font-weight:bold"``), ``<a>``
links, ``<br/>`` line breaks and ``<table>``\\s of ``<cell>``\\s. A paragraph in a heading
style (``Heading 3``) is a heading of its level, one whose text is all bold a bold line, one
with a ``listid`` an item of that list (numbered or bulleted as its ``<l type>`` says), a
table a Markdown table; so an AbiWord FAQ reads as the same FAQ saved as ``.odt`` does.
Headers and footers (sections of a ``type``), footnotes, endnotes, annotations, frames, text a
revision deleted and the embedded ``<data>`` (pictures) are not the running text and are left out.
The XML is scanned tag by tag, never parsed: no entity is expanded, nothing is fetched, and a
packed file is unpacked no further than :data:`~.archive.MAX_XML_BYTES`. :mod:`.document`
writes the Markdown.
"""

from __future__ import annotations

import bz2
import html
import re
import zlib
from dataclasses import dataclass, field

from ..errors import SourceError
from . import document
from .archive import MAX_XML_BYTES
from .document import Block

_TAG = re.compile(r"<(/?)([\w:.-]+)([^>]*?)(/?)>|<!--.*?-->|<[?!][^>]*>|([^<]+)", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_PROP = re.compile(r"\s*([\w-]+)\s*:\s*([^;]*)")
#: Elements whose text is not the document's running text: notes, comments, floating frames, the revision
#: history, metadata and the embedded pictures' data.
_SKIPPED = frozenset({"foot", "endnote", "ann", "frame", "textbox", "metadata", "history", "revisions", "data",
                      "ignoredwords", "rdf", "styles", "lists", "pagesize"})
#: An ``<l type>`` (AbiWord's list kinds) -> the number format it shows; every other kind shows a bullet.
_LIST_FORMATS = {"0": document.DECIMAL, "1": document.LOWER_LETTER, "2": document.UPPER_LETTER,
                 "3": document.LOWER_ROMAN, "4": document.UPPER_ROMAN, "128": document.DECIMAL}
_BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
#: What in a document's text Markdown would read as HTML (``<b>`` typed as text, ``&amp;`` written out): escaped, so
#: that it shows as the author typed it.
_AS_WRITTEN = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_GZIP, _BZIP2 = b"\x1f\x8b", b"BZh"
#: The deepest list level indented: AbiWord's lists go nine levels deep.
_DEEPEST = 9
#: How far into the file the ``<abiword`` root must open (after the XML declaration and a doctype).
_ROOT_WITHIN = 4096


def to_markdown(data: bytes, name: str = "<abw>") -> str:
    xml = _text(_unpacked(data, name), name)
    start = xml.find("<abiword", 0, _ROOT_WITHIN)
    if start < 0:
        raise SourceError("not an AbiWord document (no <abiword> at its start)", name)
    if "</abiword>" not in xml[-4096:]:
        raise SourceError("a truncated AbiWord document (it does not end with </abiword>): save it again", name)
    return document.to_markdown(_Reader(xml).read(start))


def _unpacked(data: bytes, name: str) -> bytes:
    """The XML of a plain, gzipped or bzip2'd document, no larger than :data:`MAX_XML_BYTES`."""
    if not data.startswith((_GZIP, _BZIP2)):
        return data
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS) if data.startswith(_GZIP) else bz2.BZ2Decompressor()
    try:
        xml = unpacker.decompress(data, MAX_XML_BYTES + 1)
    except (zlib.error, OSError, EOFError, ValueError) as exc:
        raise SourceError(f"a damaged compressed AbiWord document: {exc}", name) from None
    if len(xml) > MAX_XML_BYTES:
        raise SourceError(f"an AbiWord document that unpacks to more than {MAX_XML_BYTES // 2**20} MB", name)
    if not unpacker.eof:
        raise SourceError("a truncated compressed AbiWord document: save it again", name)
    return xml


def _text(xml: bytes, name: str) -> str:
    """AWML is UTF-8 (AbiWord writes nothing else); a file in another encoding is one error naming it."""
    try:
        return xml.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 at byte {exc.start}: an AbiWord document is UTF-8 (open it in AbiWord "
                          "and save it again)", name) from None


def _escaped(match: re.Match[str]) -> str:
    return html.escape(match.group(0))


def _attributes(text: str) -> dict[str, str]:
    return {key: html.unescape(double if double or not single else single)
            for key, double, single in _ATTRIBUTE.findall(text)}


def _props(text: str) -> dict[str, str]:
    """``font-weight:bold; list-style:Numbered List`` as a mapping."""
    return {key: value.strip() for key, value in _PROP.findall(text)}


def _weight(props: str) -> bool | None:
    """Does a ``props`` set bold (True), unset it (False), or say nothing (None)?"""
    weight = _props(props).get("font-weight") if "font-weight" in props else None
    return None if weight is None else weight in _BOLD_WEIGHTS


@dataclass(frozen=True)
class _Style:
    props: str = ""
    based_on: str = ""


@dataclass(frozen=True)
class _List:
    number_format: int = document.BULLET
    start: int = 1
    delimiter: str = "%L."
    parent: str = "0"


@dataclass
class _Reader:
    xml: str
    styles: dict[str, _Style] = field(default_factory=dict)
    lists: dict[str, _List] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    skipping: int = 0
    paragraph: dict[str, str] | None = None
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    #: The open ``<c>`` runs: each bold, not bold, or saying nothing (None), and whether a revision deleted it.
    runs: list[tuple[bool | None, bool]] = field(default_factory=list)
    #: Open tables, each its rows of cells by the row a cell is attached at.
    tables: list[dict[int, list[str]]] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)
    cell_row: int = 0

    def read(self, start: int) -> list[Block]:
        skipped_by: list[str] = []
        for match in _TAG.finditer(self.xml, start):
            closing, tag, rest, empty, text = match.groups()
            if text is not None:
                if not self.skipping and self.paragraph is not None and not any(deleted for _b, deleted in self.runs):
                    self.pieces.append((_AS_WRITTEN.sub(_escaped, html.unescape(text)), self._bold()))
                continue
            if tag is None:
                continue  # a comment, the XML declaration or the doctype
            if closing:
                if skipped_by and skipped_by[-1] == tag:
                    skipped_by.pop()
                    self.skipping -= 1
                elif not self.skipping:
                    self._close(tag)
                continue
            attributes = _attributes(rest) if rest else {}
            if tag == "s" and not self.skipping:
                self.styles[attributes.get("name", "")] = _Style(attributes.get("props", ""), attributes.get("basedon", ""))
            elif tag == "l":
                self._list(attributes)
            if tag in _SKIPPED or (tag == "section" and attributes.get("type")):
                if tag in ("styles", "lists") and not empty:
                    continue  # their <s> and <l> are read above, nothing in them is text
                if not empty:
                    skipped_by.append(tag)
                    self.skipping += 1
                continue
            if not self.skipping:
                self._open(tag, attributes, bool(empty))
        return self.blocks

    def _list(self, attributes: dict[str, str]) -> None:
        self.lists[attributes.get("id", "")] = _List(
            _LIST_FORMATS.get(attributes.get("type", ""), document.BULLET), _number(attributes.get("start-value", ""), 1),
            attributes.get("list-delim", "%L.") or "%L.", attributes.get("parentid", "0"))

    def _open(self, tag: str, attributes: dict[str, str], empty: bool) -> None:
        if tag == "p":
            self.paragraph, self.pieces, self.runs = attributes, [], []
            if empty:
                self._close("p")
        elif tag in ("c", "a") and not empty:
            revision = attributes.get("revision", "")
            deleted = bool(revision) and revision.rsplit(",", 1)[-1].strip().startswith("-")
            self.runs.append((self._run_bold(attributes), deleted))
        elif tag in ("br", "cbr", "pbr") and self.paragraph is not None:
            self.pieces.append(("\n", self._bold()))
        elif tag == "table" and not empty:
            self.tables.append({})
        elif tag == "cell" and not empty:
            self.cell = []
            self.cell_row = _attached_row(attributes.get("props", ""), len(self.tables[-1]) if self.tables else 0)

    def _close(self, tag: str) -> None:
        if tag in ("c", "a") and self.runs:
            self.runs.pop()
        elif tag == "p" and self.paragraph is not None:
            self._paragraph()
        elif tag == "cell" and self.tables:
            self.tables[-1].setdefault(self.cell_row, []).append(" ".join(self.cell))
            self.cell = []
        elif tag == "table" and self.tables:
            rows = [cells for _row, cells in sorted(self.tables.pop().items())]
            if self.tables:  # a table in a cell: its text is the cell's
                self.cell.append(" ".join(" ".join(cells) for cells in rows))
            elif rows:
                width = max(map(len, rows))
                self.blocks.append(Block(rows=tuple(tuple(row + [""] * (width - len(row))) for row in rows)))

    def _paragraph(self) -> None:
        attributes, pieces = self.paragraph or {}, self.pieces
        self.paragraph, self.pieces, self.runs = None, [], []
        if self.tables:
            text = "".join(text for text, _bold in pieces).strip()
            if text:
                self.cell.append(text)
            return
        style = attributes.get("style", "")
        heading = document.heading_level(style)
        if heading:  # a numbered heading too: its title is what the layouts read
            self.blocks.append(document.paragraph(pieces, heading=heading))
            return
        list_id = attributes.get("listid", "0")
        marker, label = "", ""
        if list_id not in ("", "0") and any(text.strip() for text, _bold in pieces):
            marker, label = self._item(list_id, attributes.get("level", "1"))
        self.blocks.append(document.paragraph(pieces, marker=marker, label=label))

    def _item(self, list_id: str, level: str) -> tuple[str, str]:
        """The next item of list ``list_id``: its Markdown marker, or the label its text opens with (``b)``)."""
        kind = self.lists.get(list_id, _List())
        count = self.counts[list_id] = self.counts.get(list_id, 0) + 1
        for other, defined in self.lists.items():
            if defined.parent == list_id:
                self.counts.pop(other, None)  # a sub-list counts again under each item of its parent
        indent = "    " * (min(max(_number(level, 1), 1), _DEEPEST) - 1)
        if kind.number_format == document.BULLET:
            return indent + "- ", ""
        if kind.number_format == document.DECIMAL and kind.delimiter.replace("%L", "") in (".", ""):
            return f"{indent}{kind.start + count - 1}. ", ""
        return "", kind.delimiter.replace("%L", document.numeral(kind.number_format, kind.start, count))

    def _run_bold(self, attributes: dict[str, str]) -> bool | None:
        weight = _weight(attributes.get("props", ""))
        if weight is None and attributes.get("style"):
            weight = self._style_bold(attributes["style"])
        return weight

    def _bold(self) -> bool:
        for weight, _deleted in reversed(self.runs):
            if weight is not None:
                return weight
        attributes = self.paragraph or {}
        weight = _weight(attributes.get("props", ""))
        if weight is None:
            weight = self._style_bold(attributes.get("style", "Normal"))
        return bool(weight)

    def _style_bold(self, name: str) -> bool | None:
        seen: set[str] = set()
        while name and name not in seen and name in self.styles:
            seen.add(name)
            weight = _weight(self.styles[name].props)
            if weight is not None:
                return weight
            name = self.styles[name].based_on
        return None


def _attached_row(props: str, default: int) -> int:
    """The row a ``<cell>`` is attached at (``top-attach:2``)."""
    return _number(_props(props).get("top-attach", ""), default)


def _number(text: str, default: int) -> int:
    """A count written in an attribute, ``default`` when it is none (or too long to be one a document means)."""
    return int(text) if text.isdigit() and len(text) < 10 else default
