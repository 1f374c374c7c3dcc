"""Word 97-2003 documents (``.doc``) as Markdown: headings, bold questions, numbered lists and tables.

A ``.doc`` is an OLE compound file (opened with :mod:`olefile`); its text is
in the ``WordDocument`` stream, found through the piece table (the FIB points
to the CLX in the ``0Table`` or ``1Table`` stream; each piece is 8-bit
Windows-1252 text or UTF-16LE). Paragraphs end with ``\\r``, cells and rows
with ``\\x07``; a field (``\\x13 code \\x14 result \\x15``) keeps its result
only; a picture stored in the document (an inline picture: ``\x01`` whose
character properties give its place in the ``Data`` stream, where a PICF
header and an OfficeArt picture record hold it) is a Markdown image of its
part ``N/imageK.png`` (``N`` that place, see :func:`read_picture`); other
control characters (floating pictures, footnote marks) are dropped.
Formatting comes from the formatted-disk-pages the FIB points to: a
paragraph's style (the built-in Heading 1-9, or a style whose name says
heading or title, as for ``.docx``), whether it is in a table, its list, and
each run's bold (or highlight, read as bold), hidden and deleted marks; a symbol font's characters (Insert
Symbol's Greek letters and signs) as the characters they show, their font from the font table. Word's list numbers are not in the
text: they are counted from the list definitions, as Word shows them.
:mod:`.document` writes the Markdown.

Word saved many ``.doc`` files that are not binary: RTF, a web page (HTML, or
MHTML: the page in a MIME message), a ``.docx``, or plain text under a ``.doc``
name; those are told by their first bytes and read as what they are. Encrypted, Word 6/95 and damaged files are one
:class:`SourceError` naming the file. Nothing is read beyond the file.
"""

from __future__ import annotations

import bisect
import codecs
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import olefile

from ..errors import SourceError
from . import document, html, markdown, rtf
from .archive import MAX_XML_BYTES, OLE_MAGIC, picture
from .document import Block

#: What reading a damaged compound file or a damaged stream inside it can raise.
_DAMAGE = (OSError, ValueError, IndexError, KeyError, struct.error, EOFError, OverflowError, RecursionError)
_SAVE = "save it as .docx, .odt or .rtf to read it"
#: The largest Data stream (where a document's pictures are) read for its pictures.
MAX_PICTURES_BYTES = 256 * 1024 * 1024
#: The oldest FIB of the Word 97 format (Word 6 and 95 wrote 101 to 105).
_WORD97 = 0xC0
#: Where the FIB's list of table-stream (offset, size) pairs keeps what is read here.
_STSH, _CHPX, _PAPX, _CLX, _LST, _LFO = 1, 12, 13, 33, 73, 74
#: Sprms read: bold, hidden, deleted, character style, right-to-left, bold in right-to-left text (character); in
#: a table, a table row's end, a nested table row's end, list, level, outline level (paragraph).
_BOLD, _VANISH, _DELETED, _CHARACTER_STYLE, _RIGHT_TO_LEFT, _BOLD_RIGHT_TO_LEFT = 0x0835, 0x083C, 0x0800, 0x4A30, 0x085A, 0x085C
#: A run's highlighter colour (0: none), and its shading (the character background LibreOffice writes instead).
_HIGHLIGHT, _SHADING = 0x2A0C, 0xCA71
#: A run's symbol (its font and code, on a placeholder character) and its font (an index into the font table).
_SYMBOL, _FONT = 0x6A09, 0x4A4F
#: The FIB's pair for the font table.
_FONTS = 15
#: A symbol font's characters as Word stores them: the font's codes moved to the private use area.
_SYMBOL_CODES = re.compile("[\uf020-\uf0ff]")
_IN_TABLE, _ROW_END, _INNER_ROW_END, _LIST, _LEVEL, _OUTLINE = 0x2416, 0x2417, 0x244C, 0x460B, 0x260A, 0x2640
#: Sprms of a picture's character (``\x01``): where its picture is in the Data stream; the marks that make the
#: character an OLE object's (a chart, an equation: its picture stands in for it) or a form field's instead.
_PICTURE_AT, _OLE_OBJECT, _FIELD_DATA = 0x6A03, 0x080A, 0x0806
#: The picture records (OfficeArt BLIPs) a Data stream's picture may hold, by record type: their extension.
_BLIPS = {0xF01D: ".jpg", 0xF02A: ".jpg", 0xF01E: ".png", 0xF029: ".tif", 0xF01A: ".emf", 0xF01B: ".wmf",
          0xF01C: ".pict", 0xF01F: ".dib"}
#: A paragraph's end: paragraph mark, cell or row mark, page or section break, column break.
_ENDS = "\r\x07\x0c\x0e"
_CONTROL = re.compile(r"[\x00-\x1f]|[^\x00-\x1f]+")
#: Control characters that stand for text: a line break, a tab, a non-breaking hyphen.
_CHARACTERS = {"\x0b": "\n", "\x09": " ", "\x1e": "-"}
#: List number formats shown as a number (decimal, and decimal with a leading zero); others are bullets.
#: How an HTML page opens (after white space): Word's "Web page" saves.
_HTML = re.compile(rb"(?i)^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)")
#: How a web archive opens: Word's "Single file web page" (MHTML), a MIME message holding the page.
_WEB_ARCHIVE = re.compile(rb"(?i)^(?:mime-version:|content-type:\s*multipart/related)")


def to_markdown(data: bytes, name: str = "<doc>") -> str:
    if not data.startswith(OLE_MAGIC):
        return _not_binary(data, name)
    try:
        ole = olefile.OleFileIO(data)
    except _DAMAGE as exc:
        raise SourceError(f"not a readable Word document (damaged or cut short: {exc})", name) from exc
    with ole:
        if ole.exists("EncryptedPackage"):
            raise SourceError("a password-protected Word document: save a copy without the password to read it", name)
        if not ole.exists("WordDocument"):
            raise SourceError("not a Word document (an OLE file with no WordDocument stream: another Office "
                              f"file saved as .doc?); {_SAVE}", name)
        try:
            return document.to_markdown(_Reader(ole, name).blocks())
        except _DAMAGE as exc:
            raise SourceError(f"not a readable Word document (damaged or cut short: {exc or type(exc).__name__})",
                              name) from exc


def _not_binary(data: bytes, name: str) -> str:
    """A ``.doc`` that is no compound file: RTF, HTML or plain text Word (or a user) saved under that name."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:256]
    if head.startswith(b"{\\rtf"):
        return rtf.to_markdown(data, name)
    if head.startswith(b"PK\x03\x04"):  # a Word 2007+ document named .doc
        from . import docx  # here: docx hands the binary documents it is given to this module

        return docx.to_markdown(data, name)
    if _WEB_ARCHIVE.match(head):
        return html.web_archive_to_markdown(data, name)
    if head.startswith((b"\xdb\xa5", b"\x31\xbe")):
        raise SourceError(f"a Word 2.0 or Word for DOS document, too old to read: {_SAVE}", name)
    if len(data) > MAX_XML_BYTES:
        raise SourceError(f"a document of {len(data)} bytes, over {MAX_XML_BYTES}: too big to read", name)
    text = _decode(data)
    if text is None:
        raise SourceError(f"not a Word document (no Word, RTF or HTML header, and not text): {_SAVE}", name)
    if _HTML.match(head):
        return html.to_markdown(text)
    return markdown.to_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode(data: bytes) -> str | None:
    """``data`` as text (UTF-8, UTF-16 with a BOM, else Windows-1252), None when it holds control bytes text
    does not (a binary file)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if re.search(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]", data[:8192]):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class _Style:
    """What a paragraph style gives the paragraphs in it."""

    heading: int = 0
    bold: bool = False
    #: Its paragraph sprms (a list style's list), applied before the paragraph's own.
    sprms: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph's properties, as its paragraph mark carries them."""

    style: int = 0
    sprms: dict[int, bytes] = field(default_factory=dict)


class _Reader:
    def __init__(self, ole: olefile.OleFileIO, name: str):
        self.name = name
        self.main = ole.openstream("WordDocument").read()
        fib = self.main
        ident, nfib = struct.unpack_from("<HH", fib, 0)
        if ident != 0xA5EC:
            raise SourceError(f"not a Word document (its WordDocument stream is not Word's): {_SAVE}", name)
        if nfib < _WORD97:
            raise SourceError(f"a Word 6.0 or 95 document, too old to read: {_SAVE}", name)
        flags = struct.unpack_from("<H", fib, 0x0A)[0]
        if flags & 0x0100:
            raise SourceError("a password-protected Word document: save a copy without the password to read it", name)
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise SourceError(f"not a readable Word document (no {table_name} stream)", name)
        self.table = ole.openstream(table_name).read()
        csw = struct.unpack_from("<H", fib, 32)[0]
        lw = 34 + csw * 2
        cslw = struct.unpack_from("<H", fib, lw)[0]
        self.text_length = struct.unpack_from("<i", fib, lw + 2 + 12)[0]  # ccpText: the main document's
        pairs = lw + 2 + cslw * 4
        count = struct.unpack_from("<H", fib, pairs)[0]
        self.places = [struct.unpack_from("<II", fib, pairs + 2 + 8 * i) for i in range(count)]
        self.ole = ole
        self._data: bytes | None = None
        self._pictures = 0

    def _part(self, index: int) -> bytes:
        """The table stream's part the FIB's pair ``index`` points to (empty when absent)."""
        if index >= len(self.places):
            return b""
        offset, size = self.places[index]
        return self.table[offset:offset + size] if size else b""

    def blocks(self) -> list[Block]:
        pieces = self._pieces()
        text = "".join(piece_text for _cp, _fc, _step, piece_text in pieces)[:max(0, self.text_length)]
        if len(text) > MAX_XML_BYTES:
            raise SourceError(f"a Word document of over {MAX_XML_BYTES} characters: too big to read", self.name)
        styles = self._styles()
        runs = _Runs(self._character_runs(), pieces)
        paragraphs = self._paragraph_runs()
        # The list levels follow the list table, past the size the FIB gives it.
        lists = _Lists(self.table[self.places[_LST][0]:] if self._part(_LST) else b"", self._part(_LFO))
        return _Writer(text, runs, paragraphs, pieces, styles, lists, self._picture,
                       _font_names(self._part(_FONTS))).blocks

    def _picture(self, offset: int) -> str:
        """The part name of the picture at ``offset`` of the Data stream ("" when there is none to read)."""
        if self._data is None:
            try:
                self._data = _data_stream(self.ole)
            except _DAMAGE:  # a damaged Data stream costs the pictures, not the text
                self._data = b""
        found = _picture_record(self._data, offset)
        if found is None:
            return ""
        self._pictures += 1
        return f"{offset}/image{self._pictures}{found[0]}"

    def _pieces(self) -> list[tuple[int, int, int, str]]:
        """The piece table: each piece's first character position, file offset, bytes a character and text."""
        clx = self._part(_CLX)
        at = 0
        while at < len(clx) and clx[at] == 1:  # property modifiers before the piece table: skipped
            at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 2:
            raise ValueError("no piece table")
        size = struct.unpack_from("<I", clx, at + 1)[0]
        table = clx[at + 5:at + 5 + size]
        count = (len(table) - 4) // 12
        cps = struct.unpack_from(f"<{count + 1}I", table, 0)
        out = []
        for i in range(count):
            fc = struct.unpack_from("<I", table, 4 * (count + 1) + 8 * i + 2)[0]
            length = max(0, cps[i + 1] - cps[i])
            if fc & 0x40000000:
                start = (fc & 0x3FFFFFFF) // 2
                raw = self.main[start:start + length]
                out.append((cps[i], start, 1, raw.decode("cp1252", errors="replace")))
            else:
                raw = self.main[fc:fc + 2 * length]
                out.append((cps[i], fc, 2, raw.decode("utf-16-le", errors="replace")))
        return out

    def _fkp_runs(self, index: int, entry: int) -> Iterator[tuple[int, int, bytes, int]]:
        """The runs listed by the formatted-disk-pages (512-byte pages of the WordDocument) of bin table
        ``index``: each run's file offsets, its page, and where in the page its properties are (0: none);
        ``entry`` is the size of a run's entry in the page."""
        part = self._part(index)
        count = (len(part) - 4) // 8
        for number in struct.unpack_from(f"<{count}I", part, 4 * (count + 1)):
            page = self.main[(number & 0x3FFFFF) * 512:(number & 0x3FFFFF) * 512 + 512]
            if len(page) < 512:
                continue
            runs = page[511]
            offsets = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for i in range(runs):
                yield offsets[i], offsets[i + 1], page, page[4 * (runs + 1) + entry * i] * 2

    def _character_runs(self) -> list[tuple[int, int, dict[int, bytes]]]:
        """Each run of characters with direct formatting: its file offsets and sprms."""
        return [(start, end, _sprms(page[at + 1:at + 1 + page[at]]) if at else {})
                for start, end, page, at in self._fkp_runs(_CHPX, 1)]

    def _paragraph_runs(self) -> list[tuple[int, int, _Paragraph]]:
        """Each paragraph's file offsets (its mark last) and properties: its style, then its sprms."""
        runs = []
        for start, end, page, at in self._fkp_runs(_PAPX, 13):
            properties = _Paragraph()
            if at:
                size, begin = page[at] * 2 - 1, at + 1
                if size < 0:  # a size of 0: the next byte holds it
                    size, begin = page[at + 1] * 2, at + 2
                grpprl = page[begin:begin + size]
                if len(grpprl) >= 2:
                    properties = _Paragraph(struct.unpack_from("<H", grpprl, 0)[0], _sprms(grpprl[2:]))
            runs.append((start, end, properties))
        return sorted(runs, key=lambda run: run[0])

    def _styles(self) -> dict[int, _Style]:
        """The paragraph styles: heading level (by built-in number or name), bold, paragraph sprms."""
        stsh = self._part(_STSH)
        if len(stsh) < 6:
            return {}
        header = struct.unpack_from("<H", stsh, 0)[0]
        count, base_size = struct.unpack_from("<HH", stsh, 2)
        at = 2 + header
        raw: dict[int, tuple[int, int, str, dict[int, bytes], dict[int, bytes]]] = {}
        for istd in range(count):
            size = struct.unpack_from("<H", stsh, at)[0]
            std = stsh[at + 2:at + 2 + size]
            at += 2 + size
            if size < base_size or len(std) < base_size:
                continue
            sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
            kind_base, _next, _upe = struct.unpack_from("<HHH", std, 2)
            kind, based_on = kind_base & 0x000F, kind_base >> 4
            length = struct.unpack_from("<H", std, base_size)[0]
            name = std[base_size + 2:base_size + 2 + 2 * length].decode("utf-16-le", errors="replace")
            place = base_size + 2 + 2 * length + 2
            paragraph: dict[int, bytes] = {}
            character: dict[int, bytes] = {}
            if kind == 1:  # a paragraph style: its paragraph UPX (after the style's own number), then its character UPX
                place += place % 2
                upx = struct.unpack_from("<H", std, place)[0]
                paragraph = _sprms(std[place + 4:place + 2 + upx])
                place += 2 + upx
            if kind in (1, 2):  # a character style has the character UPX only
                place += place % 2
                upx = struct.unpack_from("<H", std, place)[0]
                character = _sprms(std[place + 2:place + 2 + upx])
            raw[istd] = (sti, based_on, name, paragraph, character)
        styles: dict[int, _Style] = {}

        def resolve(istd: int, depth: int = 0) -> _Style:
            if istd in styles:
                return styles[istd]
            if istd not in raw or depth > 10:
                return _Style()
            sti, based_on, name, paragraph, character = raw[istd]
            parent = resolve(based_on, depth + 1) if based_on != 0x0FFF else _Style()
            heading = sti if 1 <= sti <= 9 else document.heading_level(name) or parent.heading
            bold = _flag(character.get(_BOLD), parent.bold)
            styles[istd] = _Style(min(heading, 6), bold, {**parent.sprms, **paragraph})
            return styles[istd]

        for istd in raw:
            resolve(istd)
        return styles


def _data_stream(ole: olefile.OleFileIO) -> bytes:
    """The document's Data stream (b"" when it has none, or one too big to read)."""
    if not ole.exists("Data") or ole.get_size("Data") > MAX_PICTURES_BYTES:
        return b""
    return ole.openstream("Data").read()


def _picture_record(data: bytes, offset: int) -> tuple[str, int, int] | None:
    """(extension, start, end) of the picture whose PICF header is at ``offset`` of the Data stream: the first
    OfficeArt picture record after its shape (directly, or inside its file entry); None when there is none."""
    try:
        size, header = struct.unpack_from("<IH", data, offset)
        mapping_mode = struct.unpack_from("<H", data, offset + 6)[0]
        at, end = offset + header, min(offset + size, len(data))
        if mapping_mode == 0x66:  # a picture name first
            at += 1 + data[at]
        while at + 8 <= end:
            version, kind, length = struct.unpack_from("<HHI", data, at)
            record, record_length = at, length
            if kind == 0xF007:  # a file entry: 36 bytes, its name, then the picture record
                record = at + 8 + 36 + data[at + 8 + 33]
                version, kind, record_length = struct.unpack_from("<HHI", data, record)
            if kind in _BLIPS:
                # After the record's header: one or two 16-byte ids (an odd instance has two), then a tag byte;
                # a metafile's has a 34-byte header of its own instead of the tag (never shown: Anki cannot).
                start = record + 8 + (32 if (version >> 4) & 1 else 16) + 1
                return _BLIPS[kind], start, min(record + 8 + record_length, len(data))
            at += 8 + length
    except (struct.error, IndexError):
        return None
    return None


def read_picture(path: str, member: str, cap: int) -> bytes:
    """The bytes of the picture ``N/name`` of the Word 97-2003 document at ``path``: the one whose PICF header is
    at ``N`` in its Data stream (see :func:`_picture_record`), of the kind the name says; :class:`SourceError`
    says why not."""
    number, _, name = member.partition("/")
    try:
        with olefile.OleFileIO(path) as ole:
            data = _data_stream(ole)
    except _DAMAGE as exc:
        raise SourceError(f"cannot read the picture ({exc})", path) from exc
    found = _picture_record(data, int(number)) if number.isdigit() else None
    if found is None or not name.endswith(found[0]):
        raise SourceError("no such picture in the document", path)
    _extension, start, end = found
    if end - start > cap:
        raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
    return data[start:end]


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """A property list's sprms and their operands (the last of each kept); a damaged tail is dropped."""
    out: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        kind = sprm >> 13
        if kind in (0, 1):
            size = 1
        elif kind in (2, 4, 5):
            size = 2
        elif kind == 3:
            size = 4
        elif kind == 7:
            size = 3
        elif sprm == 0xD608 and at + 2 <= len(grpprl):  # a table's definition: a two-byte size
            size = struct.unpack_from("<H", grpprl, at)[0] + 1
        elif sprm == 0xC615 and at < len(grpprl) and grpprl[at] == 255:  # tab stops, in their long form
            deleted = grpprl[at + 1] if at + 1 < len(grpprl) else 0
            added_at = at + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 2 + 4 * deleted + 3 * added
        elif at < len(grpprl):
            size = grpprl[at] + 1
        else:
            break
        if at + size > len(grpprl):
            break
        out[sprm] = grpprl[at:at + size]
        at += size
    return out


def _font_names(table: bytes) -> list[str]:
    """The font table's names in order (an STTB of FFNs: each its size less one, its name from byte 40), as far as
    it reads."""
    names: list[str] = []
    if len(table) < 4:
        return names
    count, at = struct.unpack_from("<H", table)[0], 2
    if count == 0xFFFF:
        count, at = struct.unpack_from("<H", table, 2)[0], 4
    at += 2  # the extra data's size: none in a font table
    for _ in range(count):
        if at >= len(table):
            break
        size = table[at] + 1
        raw = table[at + 40:at + size]
        end = next((k for k in range(0, len(raw) - 1, 2) if raw[k:k + 2] == b"\0\0"), len(raw) - len(raw) % 2)
        names.append(raw[:end].decode("utf-16-le", errors="replace"))
        at += size
    return names


def _shaded(operand: bytes | None) -> bool:
    """Does a run's shading (its length, then foreground and background colours, four bytes each, the last
    byte 0xFF for "auto") give it a background other than white?"""
    if operand is None or len(operand) < 9:
        return False
    back = operand[5:9]
    return back[3] != 0xFF and back[:3] != b"\xff\xff\xff"


def _flag(operand: bytes | None, inherited: bool) -> bool:
    """A toggle property's value: 0 off, 1 on, 0x80 as the style has it, 0x81 the opposite."""
    if not operand:
        return inherited
    value = operand[0]
    return inherited if value == 0x80 else (not inherited) if value == 0x81 else bool(value)


class _Runs:
    """Direct character formatting by character position: where it changes, and its sprms from there on."""

    def __init__(self, runs: list[tuple[int, int, dict[int, bytes]]], pieces: list[tuple[int, int, int, str]]):
        runs = sorted(runs, key=lambda run: run[0])
        fcs = [run[0] for run in runs]

        def at_offset(fc: int) -> dict[int, bytes]:
            index = bisect.bisect_right(fcs, fc) - 1
            return runs[index][2] if index >= 0 and runs[index][0] <= fc < runs[index][1] else {}

        self.pieces = pieces
        self.piece_starts = [piece[0] for piece in pieces]
        self.starts: list[int] = []
        self.sprms: list[dict[int, bytes]] = []
        for piece_start, fc, step, text in pieces:
            end = fc + len(text) * step
            edges = {fc}
            for index in range(max(0, bisect.bisect_right(fcs, fc) - 1), len(runs)):
                if runs[index][0] >= end:
                    break
                edges.update(edge for edge in runs[index][:2] if fc < edge < end and (edge - fc) % step == 0)
            for edge in sorted(edges):
                self.starts.append(piece_start + (edge - fc) // step)
                self.sprms.append(at_offset(edge))

    def file_offset(self, cp: int) -> int:
        """Where character position ``cp`` is in the WordDocument stream."""
        at = max(0, bisect.bisect_right(self.piece_starts, cp) - 1)
        start, fc, step, _text = self.pieces[at]
        return fc + (cp - start) * step

    def boundaries(self, start: int, end: int) -> list[int]:
        """Where formatting may change from character position ``start`` up to ``end``: ``start`` first."""
        low, high = bisect.bisect_right(self.starts, start), bisect.bisect_left(self.starts, end)
        return [start, *self.starts[low:high]]

    def at(self, cp: int) -> dict[int, bytes]:
        index = bisect.bisect_right(self.starts, cp) - 1
        return self.sprms[index] if index >= 0 else {}


class _Lists(document.ListNumbers):
    """Word's list definitions as a ``.doc`` keeps them: the LST in the table stream (each list's levels) and the
    LFO (the list format overrides, 1-based, that paragraphs name)."""

    def __init__(self, lst: bytes, lfo: bytes):
        super().__init__({}, {})
        try:
            self._read(lst, lfo)
        except (struct.error, IndexError):
            pass  # damaged list definitions: the items they number are bulleted

    def _read(self, lst: bytes, lfo: bytes) -> None:
        if len(lst) >= 2:
            count = struct.unpack_from("<h", lst, 0)[0]
            at = 2 + 28 * max(0, count)
            for i in range(max(0, count)):
                list_id = struct.unpack_from("<i", lst, 2 + 28 * i)[0]
                simple = lst[2 + 28 * i + 26] & 0x01
                levels = []
                for _level in range(1 if simple else 9):
                    start, number_format = struct.unpack_from("<iB", lst, at)
                    at += 28 + lst[at + 24] + lst[at + 25]  # the level's fixed part and its two property lists
                    length = struct.unpack_from("<H", lst, at)[0]
                    label = lst[at + 2:at + 2 + 2 * length].decode("utf-16-le", errors="replace")
                    at += 2 + 2 * length
                    levels.append((number_format, start, label))
                self.levels[list_id] = levels
        if len(lfo) >= 4:
            count = struct.unpack_from("<I", lfo, 0)[0]
            for i in range(min(count, (len(lfo) - 4) // 16)):
                self.lists[i + 1] = struct.unpack_from("<i", lfo, 4 + 16 * i)[0]


class _Writer:
    """Walks the main text: fields, paragraphs, cells and rows into blocks."""

    def __init__(self, text: str, runs: _Runs, paragraphs: list[tuple[int, int, _Paragraph]],
                 pieces: list[tuple[int, int, int, str]], styles: dict[int, _Style], lists: _Lists,
                 pictures: Callable[[int], str], fonts: list[str]):
        self.runs, self.styles, self.lists, self.pictures = runs, styles, lists, pictures
        self.fonts = fonts  # the font table's names, by index
        self.paragraph_fcs = [run[0] for run in paragraphs]
        self.paragraphs = paragraphs
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, dict[int, bytes]]] = []  # the paragraph's text so far, and each run's sprms
        self.rows: list[list[list[Block]]] = []  # the table being read: rows of cells of paragraphs
        self.cells: list[list[Block]] = []
        self.cell: list[Block] = []
        self.list_level = -1  # the level of the last list item, while no paragraph has ended the list
        self.fields: list[bool] = []  # each open field: is its result being read (past \\x14)?
        for match in _CONTROL.finditer(text):
            chunk = match.group()
            if chunk in _ENDS:
                self._end_paragraph(match.start(), chunk)
            elif chunk == "\x13":
                self.fields.append(False)
            elif chunk == "\x14":
                if self.fields:
                    self.fields[-1] = True
            elif chunk == "\x15":
                if self.fields:
                    self.fields.pop()
            elif not all(self.fields):
                continue
            elif chunk == "\x01":
                self._picture(match.start())
            elif chunk in _CHARACTERS:
                self._add(match.start(), _CHARACTERS[chunk])
            elif len(chunk) > 1 or chunk >= " ":
                self._add(match.start(), chunk)
        self._end_table()

    def _add(self, cp: int, chunk: str) -> None:
        cuts = self.runs.boundaries(cp, cp + len(chunk))
        for at, cut in enumerate(cuts):
            end = cuts[at + 1] if at + 1 < len(cuts) else cp + len(chunk)
            sprms = self.runs.at(cut)
            if _flag(sprms.get(_VANISH), False) or _flag(sprms.get(_DELETED), False):
                continue
            self.pieces.append((chunk[cut - cp:end - cp], sprms))

    def _picture(self, cp: int) -> None:
        """The picture at ``cp``, as a Markdown image of its part, when it is one the document stores."""
        sprms = self.runs.at(cp)
        if any(_flag(sprms.get(mark), False) for mark in (_VANISH, _DELETED, _OLE_OBJECT, _FIELD_DATA)):
            return
        if len(sprms.get(_PICTURE_AT, b"")) == 4:
            member = self.pictures(struct.unpack_from("<I", sprms[_PICTURE_AT])[0])
            if member:
                self.pieces.append((picture(member), sprms))

    def _bold(self, sprms: dict[int, bytes], style: _Style) -> bool:
        """Is a run with these sprms bold, in a paragraph of ``style`` (and the run's character style)?"""
        bold = style.bold
        if len(sprms.get(_CHARACTER_STYLE, b"")) == 2:
            bold = bold or self.styles.get(struct.unpack_from("<H", sprms[_CHARACTER_STYLE])[0], _Style()).bold
        if sprms.get(_HIGHLIGHT, b"\0")[:1] not in (b"", b"\0") or _shaded(sprms.get(_SHADING)):
            return True  # highlighted, as a teacher's answer key highlights the right option: read as bold
        if _flag(sprms.get(_RIGHT_TO_LEFT), False) and _BOLD_RIGHT_TO_LEFT in sprms:
            return _flag(sprms[_BOLD_RIGHT_TO_LEFT], bold)  # Arabic and Hebrew runs have a bold of their own
        return _flag(sprms.get(_BOLD), bold)

    def _properties(self, cp: int) -> tuple[_Style, dict[int, bytes]]:
        fc = self.runs.file_offset(cp)
        index = bisect.bisect_right(self.paragraph_fcs, fc) - 1
        paragraph = self.paragraphs[index][2] if index >= 0 and fc < self.paragraphs[index][1] else _Paragraph()
        style = self.styles.get(paragraph.style, _Style())
        return style, {**style.sprms, **paragraph.sprms}

    def _end_paragraph(self, cp: int, mark: str) -> None:
        style, sprms = self._properties(cp)
        pieces = self._take(style)
        if sprms.get(_ROW_END, b"\0")[0]:
            self._end_row()
            return
        if sprms.get(_INNER_ROW_END, b"\0")[0]:
            return  # a table in a cell: its cells are paragraphs of the outer cell, its row ends nothing
        heading = style.heading
        if _OUTLINE in sprms and sprms[_OUTLINE][0] < 6:
            heading = sprms[_OUTLINE][0] + 1
        override = struct.unpack_from("<h", sprms[_LIST])[0] if len(sprms.get(_LIST, b"")) == 2 else 0
        marker = label = ""
        if override > 0:  # Word shows a number even on an empty item: counted all the same
            level = sprms.get(_LEVEL, b"\0")[0]
            marker, label = self.lists.item(override, level)
            if heading:  # a numbered heading stays a heading, its number left out (as .docx and .rtf read it)
                marker = label = ""
            if marker:
                # Nested no deeper than the item before it allows: four spaces after a paragraph make code.
                level = min(level, self.list_level + 1)
                marker = "    " * level + marker
                self.list_level = level
        in_table = bool(sprms.get(_IN_TABLE, b"\0")[0])
        if in_table and marker:  # a cell's text is one line: its items show their marker
            marker, label = "", marker.strip()
        block = document.paragraph(pieces, heading, marker, label)
        if in_table:
            self.cell.append(block)
            if mark == "\x07":
                self.cells.append(self.cell)
                self.cell = []
            return
        self._end_table()
        self.blocks.append(block)
        if not block.marker and block.text:
            self.list_level = -1

    def _take(self, style: _Style) -> list[tuple[str, bool]]:
        """The paragraph's text in runs of the same weight (a run bold by its style's bold counted), then empty."""
        runs: list[tuple[str, bool]] = []
        for piece, sprms in self.pieces:
            if _SYMBOL in sprms or _SYMBOL_CODES.search(piece):
                piece = self._symbols(piece, sprms)
            bold = self._bold(sprms, style)
            if runs and runs[-1][1] == bold:
                runs[-1] = (runs[-1][0] + piece, bold)
            else:
                runs.append((piece, bold))
        self.pieces = []
        return runs

    def _symbols(self, piece: str, sprms: dict[int, bytes]) -> str:
        """A run's symbol-font characters as the characters they show (θ, ≤, a Wingdings tick): Word's Insert Symbol
        keeps one as a placeholder character whose sprm names its font and code, or as the font's code itself."""
        if len(sprms.get(_SYMBOL, b"")) >= 4:
            font, code = struct.unpack_from("<HH", sprms[_SYMBOL])
            return document.symbol(self.fonts[font] if font < len(self.fonts) else "", code)
        font = struct.unpack_from("<H", sprms[_FONT])[0] if len(sprms.get(_FONT, b"")) >= 2 else -1
        name = self.fonts[font] if 0 <= font < len(self.fonts) else ""
        return _SYMBOL_CODES.sub(lambda m: document.symbol(name, ord(m.group())), piece)

    def _end_row(self) -> None:
        if self.cell:
            self.cells.append(self.cell)
            self.cell = []
        if self.cells:
            self.rows.append(self.cells)
        self.cells = []

    def _end_table(self) -> None:
        """The table read, as a table; or, when no row has two cells with text, as the paragraphs in its cells
        (a table that only lays a page out, as a web page pasted into Word has)."""
        self._end_row()
        rows, self.rows = self.rows, []
        if not rows:
            return
        if all(sum(any(block.text for block in cell) for cell in row) <= 1 for row in rows):
            self.blocks += [block for row in rows for cell in row for block in cell]
            return
        texts = [tuple(" ".join(block.text.replace("\n", " ") for block in cell if block.text) for cell in row)
                 for row in rows]
        width = max(len(row) for row in texts)
        self.blocks.append(Block(rows=tuple(row + ("",) * (width - len(row)) for row in texts)))
