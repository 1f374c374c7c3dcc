"""PowerPoint 97-2003 decks (``.ppt``, ``.pps``, ``.pot``) as Markdown, read as :mod:`.pptx` reads a ``.pptx``.

A ``.ppt`` is an OLE compound file (opened with :mod:`olefile`). Its ``Current
User`` stream points to the last edit of the ``PowerPoint Document`` stream;
each edit (``UserEditAtom``) has a persist directory mapping object ids to
where the objects are, and points to the edit before it (a deck saved with
"fast save" keeps its older edits: the newest place of each id wins). The
document container lists the slides in the order they are shown
(``SlideListWithText``, instance 0: one ``SlidePersistAtom`` each, followed
by the text of the slide's placeholders as PowerPoint writes it) and their
notes pages (instance 2). A slide's drawing holds its shapes in the order the
slide keeps them: each text either there (a text box; LibreOffice writes
placeholders' text there too) or referred to in the slide list
(``OutlineTextRefAtom``), typed by its ``TextHeaderAtom`` (title, centred
title, body, notes, other); a shape's anchor says where it shows. Text is
UTF-16 or one byte a character; paragraphs end with ``\\r``, ``\\x0b`` breaks a
line. A paragraph's indent level and bullet come from the ``StyleTextPropAtom``
beside its text. Hidden slides, the date, footer and slide-number placeholders,
and pictures are left out; :mod:`.slides` writes the Markdown. Encrypted and
damaged decks are one :class:`SourceError` naming the file; nothing is read
beyond the file.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

import olefile

from ..errors import SourceError
from . import document, pptx, slides
from .archive import MAX_XML_BYTES, OLE_MAGIC
from .document import Block
from .slides import Slide

_DAMAGE = (OSError, ValueError, IndexError, KeyError, struct.error, EOFError, OverflowError, RecursionError)
_SAVE = "save it as .pptx to read it"
#: Record types read ([MS-PPT] 2.13.24).
_DOCUMENT, _SLIDE, _SLIDE_ATOM, _NOTES, _SLIDE_SHOW_INFO = 0x03E8, 0x03EE, 0x03EF, 0x03F0, 0x03F9
_SLIDE_LIST, _SLIDE_PERSIST, _USER_EDIT, _PERSIST_DIRECTORY = 0x0FF0, 0x03F3, 0x0FF5, 0x1772
_TEXT_HEADER, _TEXT_CHARS, _TEXT_BYTES, _TEXT_STYLE, _TEXT_REFERENCE = 0x0F9F, 0x0FA0, 0x0FA8, 0x0FA1, 0x0F9E
_SHAPE, _ANCHOR, _PLACEHOLDER = 0xF004, 0xF010, 0x0BC3
#: Slide lists by instance: the slides, their notes pages.
_SLIDES, _NOTES_PAGES = 0, 2
#: Text types: title, body, notes, other (a text box), centred body (a subtitle), centred title, half and quarter body.
_TITLE, _BODY, _NOTES_TEXT, _OTHER, _CENTER_BODY, _CENTER_TITLE, _HALF_BODY, _QUARTER_BODY = 0, 1, 2, 4, 5, 6, 7, 8
_BULLETED = frozenset({_BODY, _HALF_BODY, _QUARTER_BODY})
#: Placeholder types of a slide that hold no text of its own: date, slide number, footer, header.
_CHROME = frozenset({0x07, 0x08, 0x09, 0x0A})
#: The header token of an unencrypted deck's ``Current User`` stream.
_PLAIN_TOKEN = 0xE391C05F
#: Master units (576 an inch) in a centimetre: where a shape shows.
_UNITS_PER_CM = 576 / 2.54


@dataclass(frozen=True)
class _Record:
    kind: int
    instance: int
    start: int  # where its data starts in the stream
    end: int
    container: bool


@dataclass(frozen=True)
class _Text:
    kind: int
    text: str
    #: Each paragraph's (indent level, has a bullet or None where the deck does not say).
    styles: tuple[tuple[int, bool | None], ...] = ()


def to_markdown(data: bytes, name: str = "<ppt>") -> str:
    if data[:4] == b"PK\x03\x04":  # a .pptx saved under the old name
        return pptx.to_markdown(data, name)
    if data[:8] != OLE_MAGIC:
        raise SourceError(f"not a PowerPoint 97-2003 deck; {_SAVE}", name)
    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("PowerPoint Document") or not ole.exists("Current User"):
                raise SourceError(f"not a PowerPoint 97-2003 deck (no PowerPoint Document stream); {_SAVE}", name)
            if ole.get_size("PowerPoint Document") > MAX_XML_BYTES:
                raise SourceError(f"PowerPoint document too large (over {MAX_XML_BYTES} bytes)", name)
            stream = ole.openstream("PowerPoint Document").read()
            current = ole.openstream("Current User").read(4096)
        deck = _Deck(stream, current, name)
        return slides.to_markdown(deck.slides())
    except SourceError:
        raise
    except _DAMAGE as exc:
        raise SourceError(f"damaged PowerPoint 97-2003 deck ({exc.__class__.__name__}); {_SAVE}", name) from None


class _Deck:
    def __init__(self, stream: bytes, current: bytes, name: str) -> None:
        self.stream, self.name = stream, name
        if len(current) < 20 or struct.unpack_from("<H", current, 2)[0] != 0x0FF6:
            raise SourceError(f"damaged PowerPoint 97-2003 deck (no current user record); {_SAVE}", name)
        token, edit = struct.unpack_from("<II", current, 12)
        if token != _PLAIN_TOKEN:
            raise SourceError(f"encrypted PowerPoint deck; remove its password and {_SAVE}", name)
        self.persist, document_id = self._persist_directory(edit)
        self.document = self._record_at(self.persist[document_id], _DOCUMENT)

    def _persist_directory(self, edit: int) -> tuple[dict[int, int], int]:
        """Object id -> its place in the stream, the newest edit's first; and the document's id."""
        places: dict[int, int] = {}
        document_id = None
        seen: set[int] = set()
        while edit and edit not in seen:
            seen.add(edit)
            user = self._record_at(edit, _USER_EDIT)
            last, directory, persisted = struct.unpack_from("<III", self.stream, user.start + 8)
            document_id = persisted if document_id is None else document_id
            record = self._record_at(directory, _PERSIST_DIRECTORY)
            at = record.start
            while at + 4 <= record.end:
                (entry,) = struct.unpack_from("<I", self.stream, at)
                first, count = entry & 0xFFFFF, entry >> 20
                offsets = struct.unpack_from(f"<{count}I", self.stream, at + 4)
                for number, offset in enumerate(offsets):
                    places.setdefault(first + number, offset)
                at += 4 + 4 * count
            edit = last
        if document_id is None or document_id not in places:
            raise ValueError("no document")
        return places, document_id

    def _record_at(self, offset: int, kind: int) -> _Record:
        record = self._header(offset)
        if record.kind != kind:
            raise ValueError(f"record {record.kind:#x} where {kind:#x} was expected")
        return record

    def _header(self, offset: int) -> _Record:
        options, kind, length = struct.unpack_from("<HHI", self.stream, offset)
        if offset + 8 + length > len(self.stream):
            raise ValueError("record runs past the stream")
        return _Record(kind, options >> 4, offset + 8, offset + 8 + length, options & 0xF == 0xF)

    def _children(self, record: _Record) -> Iterator[_Record]:
        at = record.start
        while at + 8 <= record.end:
            child = self._header(at)
            if child.end > record.end:
                raise ValueError("record runs past its container")
            yield child
            at = child.end

    def _walk(self, record: _Record, depth: int = 0) -> Iterator[tuple[_Record, int]]:
        """Every record inside ``record``, in order, with the depth of the shape (0 outside any) it is in."""
        for child in self._children(record):
            yield child, depth
            if child.container:
                yield from self._walk(child, depth + 1 if child.kind == _SHAPE else depth)

    def _lists(self) -> dict[int, list[tuple[int, int, list[_Text]]]]:
        """The document's slide lists by instance: each slide's (object id, slide id, placeholder texts)."""
        lists: dict[int, list[tuple[int, int, list[_Text]]]] = {}
        for record in self._children(self.document):
            if record.kind != _SLIDE_LIST or record.instance in lists:
                continue
            entries: list[tuple[int, int, list[_Text]]] = lists.setdefault(record.instance, [])
            kind = _OTHER
            for child in self._children(record):
                if child.kind == _SLIDE_PERSIST:
                    persisted, _flags, _texts, slide_id = struct.unpack_from("<IIII", self.stream, child.start)
                    entries.append((persisted, slide_id, []))
                elif entries:
                    kind = self._text_into(child, kind, entries[-1][2])
        return lists

    def _text_into(self, record: _Record, kind: int, texts: list[_Text]) -> int:
        """Add the text ``record`` holds to ``texts``; the text type in force after it. Each text header starts
        a text (a placeholder left empty has no characters after it), which an outline reference counts."""
        data = self.stream[record.start:record.end]
        if record.kind == _TEXT_HEADER and len(data) >= 4:
            kind = struct.unpack_from("<I", data)[0]
            texts.append(_Text(kind, ""))
            return kind
        if record.kind in (_TEXT_CHARS, _TEXT_BYTES):
            text = data.decode("utf-16-le", "replace") if record.kind == _TEXT_CHARS else data.decode("latin-1")
            if texts and not texts[-1].text and not texts[-1].styles:
                texts[-1] = _Text(texts[-1].kind, text)
            else:
                texts.append(_Text(kind, text))
        elif record.kind == _TEXT_STYLE and texts and not texts[-1].styles:
            texts[-1] = _Text(texts[-1].kind, texts[-1].text, _paragraph_styles(data, texts[-1].text))
        return kind

    def slides(self) -> list[Slide]:
        lists = self._lists()
        notes = {slide_id: persisted for persisted, slide_id, _texts in lists.get(_NOTES_PAGES, [])}
        deck = []
        for persisted, _slide_id, listed in lists.get(_SLIDES, []):
            if persisted not in self.persist:
                continue
            record = self._header(self.persist[persisted])
            if record.kind != _SLIDE:
                continue
            slide = self._slide(record, listed, notes)
            if slide is not None:
                deck.append(slide)
        return deck

    def _slide(self, record: _Record, listed: list[_Text], notes: dict[int, int]) -> Slide | None:
        notes_id = 0
        shapes: list[tuple[tuple[float, float] | None, list[_Text]]] = []
        kind, chrome, inside = _OTHER, False, 0
        for child, depth in self._walk(record):
            if child.kind == _SLIDE_ATOM and child.end - child.start >= 20:
                notes_id = struct.unpack_from("<I", self.stream, child.start + 16)[0]
            elif child.kind == _SLIDE_SHOW_INFO and child.end - child.start >= 12:
                if struct.unpack_from("<H", self.stream, child.start + 10)[0] & 0x4:
                    return None  # a hidden slide
            elif child.kind == _SHAPE:
                shapes.append((None, []))
                kind, chrome, inside = _OTHER, False, depth + 1
            elif not shapes or depth < inside:
                continue  # the slide's own records after its drawing
            elif child.kind == _ANCHOR:
                shapes[-1] = (self._anchor(child), shapes[-1][1])
            elif child.kind == _PLACEHOLDER and child.end - child.start >= 5:
                chrome = self.stream[child.start + 4] in _CHROME
            elif child.kind == _TEXT_REFERENCE:
                (index,) = struct.unpack_from("<I", self.stream, child.start)
                if index < len(listed) and not chrome:
                    shapes[-1][1].append(listed[index])
            elif not chrome:
                kind = self._text_into(child, kind, shapes[-1][1])
        title, opens, body = "", False, []
        boxes: list[tuple[tuple[float, float] | None, _Text]] = []
        for place, texts in shapes:
            for text in texts:
                if text.kind in (_TITLE, _CENTER_TITLE) and not title:
                    title = " ".join(text.text.replace("\x0b", " ").split())
                    opens = text.kind == _CENTER_TITLE
                elif text.kind != _NOTES_TEXT:
                    boxes.append((place, text))
        for text in slides.reading_order(boxes):
            body += slides.paragraph_blocks(_paragraphs(text))
        return Slide(title=title, body=tuple(body), notes=tuple(self._notes(notes.get(notes_id))), opens=opens)

    def _anchor(self, record: _Record) -> tuple[float, float] | None:
        size = record.end - record.start
        if size == 8:
            top, left = struct.unpack_from("<hh", self.stream, record.start)
        elif size == 16:
            top, left = struct.unpack_from("<ii", self.stream, record.start)
        else:
            return None
        return left / _UNITS_PER_CM, top / _UNITS_PER_CM

    def _notes(self, persisted: int | None) -> list[Block]:
        if persisted is None or persisted not in self.persist:
            return []
        record = self._header(self.persist[persisted])
        if record.kind != _NOTES:
            return []
        texts: list[_Text] = []
        kind = _OTHER
        for child, _depth in self._walk(record):
            kind = self._text_into(child, kind, texts)
        return [block for text in texts if text.kind == _NOTES_TEXT for block in _paragraphs(text, bulleted=False)
                if block.text]


def _paragraphs(text: _Text, bulleted: bool | None = None) -> list[Block]:
    """A text's paragraphs as blocks: list items where its style (or, where the deck does not say, its kind)
    gives them a bullet; a field's ``*`` (the slide number, the date) is no text."""
    blocks = []
    listed_by_kind = text.kind in _BULLETED if bulleted is None else bulleted
    for number, paragraph in enumerate(text.text.split("\r")):
        words = "".join(c for c in paragraph.replace("\x0b", "\n") if c == "\n" or c >= " ").strip()
        if words == "*":
            continue
        level, bullet = text.styles[number] if number < len(text.styles) else (0, None)
        listed = listed_by_kind if bullet is None or bulleted is False else bullet
        marker = "    " * min(level, 8) + "- " if listed else ""
        blocks.append(document.paragraph([(words, False)], marker=marker))
    return blocks


#: The fields of a paragraph's style, in the order they are stored, each the mask bits that say it is there
#: and its size in bytes ([MS-PPT] 2.9.18 TextPFException); tab stops are counted where they are.
_PARAGRAPH_FIELDS = (
    (0x000F, 2), (0x0080, 2), (0x0010, 2), (0x0040, 2), (0x0020, 4), (0x0800, 2), (0x1000, 2), (0x2000, 2),
    (0x4000, 2), (0x0100, 2), (0x0400, 2), (0x8000, 2), (0x100000, -1), (0x10000, 2), (0xE0000, 2), (0x200000, 2),
)


def _paragraph_styles(data: bytes, text: str) -> tuple[tuple[int, bool | None], ...]:
    """Each paragraph's indent level and bullet (None where the deck does not say), from a ``StyleTextPropAtom``'s
    paragraph runs, each covering a count of characters; () where the runs cannot be read: a style is a nicety,
    never a reason to lose the text."""
    starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\r"]
    styles: list[tuple[int, bool | None]] = []
    at, covered = 0, 0
    try:
        while len(styles) < len(starts) and at + 10 <= len(data):
            count, level, masks = struct.unpack_from("<IHI", data, at)
            at += 10
            bullet = None
            for mask, size in _PARAGRAPH_FIELDS:
                if not masks & mask:
                    continue
                if mask == 0x000F and masks & 1:
                    bullet = bool(struct.unpack_from("<H", data, at)[0] & 1)
                at += size if size > 0 else 2 + 4 * struct.unpack_from("<H", data, at)[0]
            covered += count
            while len(styles) < len(starts) and (starts[len(styles)] < covered or count == 0):
                styles.append((level, bullet))
                if count == 0:
                    break
    except struct.error:
        return ()
    return tuple(styles)
