"""OpenDocument text (``.odt``, template ``.ott``, flat ``.fodt``, OpenOffice 1 ``.sxw``) as Markdown: headings, bold paragraphs, list items and tables.

An ``.odt`` (what LibreOffice and OpenOffice save) is a zip holding the text in
``content.xml`` and the named styles in ``styles.xml``; a ``.fodt`` is the same
in one XML file (:func:`.archive.opendocument` gives both, OpenOffice 1's names
as OpenDocument's). The body is read in order: a ``text:h`` becomes an ATX
heading of its outline level, a paragraph whose text is all bold (through its
paragraph style or the styles of its spans, each style's parents followed) a
bold line, a list item a list item (numbered when its list style numbers),
a paragraph in the ``Title`` style a first-level heading,
a table a Markdown table. A picture the document holds (a ``draw:frame``
whose ``draw:image`` names a part such as ``Pictures/1000.png``) is a Markdown
image of that part where it stands (:func:`frame_picture`), its alt text the
frame's description or title; a picture linked from outside the file, a chart
or a formula is not. Notes, comments, tracked deletions, indexes and other
drawings are left out: they are not the document's running text. The XML is
scanned tag by tag, never parsed: no entity is expanded and nothing it names
is fetched. :mod:`.document` writes the Markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import document
from .archive import opendocument, picture
from .document import Block

_TAG = re.compile(r"<(/?)([\w.-]+:[\w.-]+|[\w.-]+)([^>]*?)(/?)>|<!--.*?-->|<[?!][^>]*>|([^<]+)", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w.-]+:[\w.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
#: Elements whose text is not the document's running text (notes, comments, deleted text, indexes, drawings,
#: the reading aids printed over ruby text).
_SKIPPED = frozenset({
    "text:note", "office:annotation", "text:tracked-changes", "text:table-of-content", "text:alphabetical-index",
    "text:illustration-index", "text:table-index", "text:object-index", "text:user-index", "text:bibliography",
    "text:sequence-decls", "text:variable-decls", "text:user-field-decls", "office:forms", "draw:frame",
    "draw:custom-shape", "draw:rect", "draw:ellipse", "draw:g", "text:number", "office:change-info", "text:ruby-text",
})
_BOLD_WEIGHTS = frozenset({"bold", "600", "700", "800", "900"})
#: Backgrounds that are no highlight.
_NO_BACKGROUND = frozenset({"transparent", "#ffffff", "#FFFFFF", ""})
#: A list level's ``style:num-format``: the number format it shows.
_NUMBER_FORMATS = {"1": document.DECIMAL, "a": document.LOWER_LETTER, "A": document.UPPER_LETTER,
                   "i": document.LOWER_ROMAN, "I": document.UPPER_ROMAN}
_IMAGE = re.compile(r"<draw:image\b([^>]*)>")
_FRAME_ALT = re.compile(r"<svg:(desc|title)\b[^>]*>([^<]*)</svg:\1>")
#: A link to a file outside the document (``../photo.png``, ``/tmp/x.png``, ``file:…``, ``https:…``).
_OUTSIDE = re.compile(r"(?:\.\./|/|\\|[a-zA-Z][a-zA-Z0-9+.-]*:)")


def to_markdown(data: bytes, name: str = "<odt>") -> str:
    xml, styles = opendocument(data, name, "OpenDocument text")
    return document.to_markdown(_Reader(read_styles(xml, styles)).read(xml, _body_start(xml)))


def read_styles(content: str, styles: str) -> _Styles:
    """What bold and lists mean in an OpenDocument: ``styles.xml``'s named styles under ``content.xml``'s own."""
    return _Styles.read(styles, named_only=True).merge(_Styles.read(content, named_only=False))


def read_blocks(fragment: str, styles: _Styles) -> list[Block]:
    """The paragraphs, lists and tables of a piece of OpenDocument XML (a presentation's text box) as blocks."""
    return _Reader(styles).read(fragment, 0)


def frame_picture(inner: str) -> str:
    """The Markdown image of the picture a ``draw:frame`` (its content ``inner``) shows, "" when it shows none
    held in the document: its first ``draw:image`` (the others are stand-ins for programs that cannot show it)."""
    image = _IMAGE.search(inner)
    if image is None or "<draw:object" in inner:  # a chart's or a formula's picture stands in for it
        return ""
    member = _attributes(image.group(1)).get("xlink:href", "").removeprefix("./")
    if not member or _OUTSIDE.match(member):
        return ""
    alt = {kind: html.unescape(text) for kind, text in reversed(_FRAME_ALT.findall(inner))}
    return picture(member, alt.get("desc") or alt.get("title") or "")


def _attributes(text: str) -> dict[str, str]:
    return {key: html.unescape(double or single) for key, double, single in _ATTRIBUTE.findall(text)}


@dataclass
class _Styles:
    """What the reader needs of the styles: which are bold, their parents, which lists number."""

    #: (family, name) -> True bold, False not bold, absent: as its parent.
    weight: dict[tuple[str, str], bool] = field(default_factory=dict)
    parent: dict[tuple[str, str], str] = field(default_factory=dict)
    #: A paragraph style's list style (a paragraph can be in a list through its style).
    list_style: dict[str, str] = field(default_factory=dict)
    #: (list style, level) -> how that level numbers its items: (format, prefix, suffix), None for bullets.
    numbered: dict[tuple[str, int], tuple[int, str, str] | None] = field(default_factory=dict)

    @classmethod
    def read(cls, xml: str, named_only: bool) -> _Styles:
        """The styles in ``xml``: all of them, or only the named ones (``office:styles``) of ``styles.xml``,
        whose automatic styles belong to page headers and reuse the names of the body's."""
        styles = cls()
        if not xml:
            return styles
        inside = not named_only
        current: tuple[str, str] | None = None
        list_name = ""
        for match in _TAG.finditer(xml, 0, _body_start(xml)):
            closing, tag, rest, _empty, _text = match.groups()
            if tag is None:
                continue
            if tag == "office:styles" and named_only:
                inside = not closing
            if not inside or closing:
                continue
            attributes = _attributes(rest)
            if tag in ("style:style", "style:default-style"):
                family = attributes.get("style:family", "")
                current = (family, attributes.get("style:name", "" if tag == "style:style" else "(default)"))
                if "style:parent-style-name" in attributes:
                    styles.parent[current] = attributes["style:parent-style-name"]
                if "style:list-style-name" in attributes:
                    styles.list_style[current[1]] = attributes["style:list-style-name"]
            elif tag == "style:text-properties" and current and ("fo:font-weight" in attributes
                                                                  or "fo:background-color" in attributes):
                # Highlighted text is read as bold, as a teacher's answer key highlights the right option.
                highlighted = attributes.get("fo:background-color", "transparent") not in _NO_BACKGROUND
                styles.weight[current] = attributes.get("fo:font-weight") in _BOLD_WEIGHTS or highlighted
            elif tag == "text:list-style":
                list_name = attributes.get("style:name", "")
            elif tag in ("text:list-level-style-number", "text:list-level-style-bullet"):
                number = attributes.get("text:level", "1")
                level = int(number) if number.isdigit() else 1
                shown = attributes.get("style:num-format", "1") if tag.endswith("number") else ""
                styles.numbered[(list_name, level)] = (_NUMBER_FORMATS.get(shown, document.DECIMAL),
                                                       attributes.get("style:num-prefix", ""),
                                                       attributes.get("style:num-suffix", ".")) if shown else None
        return styles

    def merge(self, other: _Styles) -> _Styles:
        """These styles with ``other``'s added (the body's automatic styles over the named ones)."""
        return _Styles({**self.weight, **other.weight}, {**self.parent, **other.parent},
                       {**self.list_style, **other.list_style}, {**self.numbered, **other.numbered})

    def derives_from(self, family: str, name: str, ancestor: str) -> bool:
        """Is the style ``name`` the style ``ancestor`` or made from it (a document's title is a paragraph in
        an automatic style whose parent is ``Title``)?"""
        seen = set()
        while name and name not in seen:
            if name == ancestor:
                return True
            seen.add(name)
            name = self.parent.get((family, name), "")
        return False

    def bold(self, family: str, name: str) -> bool | None:
        """Is text in this style bold: True, False, or None when neither it nor a parent says."""
        seen = set()
        key = (family, name)
        while key[1] and key not in seen:
            seen.add(key)
            if key in self.weight:
                return self.weight[key]
            key = (family, self.parent.get(key, ""))
        return None


def _body_start(xml: str) -> int:
    """Where the body starts (styles come before it), or the end when there is none."""
    at = xml.find("<office:body")
    return at if at >= 0 else len(xml)


class _Reader:
    """Walks the body's tags and collects its blocks."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.skipping = 0  # depth inside elements left out
        self.lists: list[str] = []  # the list style of each open list, outermost first
        self.counters: list[int] = []  # the number each open list level has reached
        self.item_paragraphs = 0  # paragraphs so far in the innermost open list item
        self.tables: list[list[list[str]]] = []  # open tables, their rows of cells
        # The paragraph being read: its text pieces with whether each is bold, and the open spans' weights.
        self.pieces: list[tuple[str, bool]] = []
        self.spans: list[bool | None] = []
        self.paragraph: dict[str, str] | None = None
        self.paragraph_tag = ""
        self.paragraph_depth = 0
        self.frame = -1  # where the content of the frame being left out starts, -1 outside one

    def read(self, xml: str, start: int) -> list[Block]:
        for match in _TAG.finditer(xml, start):
            closing, tag, rest, empty, text = match.groups()
            if tag is None:
                if text is not None and self.paragraph is not None and not self.skipping:
                    self._text(html.unescape(text))
                continue
            if self.skipping:
                if tag in _SKIPPED and not empty:
                    self.skipping += -1 if closing else 1
                if not self.skipping and self.frame >= 0:  # the frame left out ends: its picture stays
                    self._picture(frame_picture(xml[self.frame:match.start()]))
                    self.frame = -1
                continue
            if closing:
                self._close(tag)
            elif tag in _SKIPPED:
                self.skipping = 0 if empty else 1
                self.frame = match.end() if tag == "draw:frame" and not empty else -1
            else:
                self._open(tag, _attributes(rest), bool(empty))
        return self.blocks

    def _picture(self, markdown: str) -> None:
        """A picture where it stands: in the paragraph it is anchored in, else a paragraph of its own."""
        if not markdown:
            return
        if self.paragraph is not None:
            self._text(markdown)
        elif self.tables and self.tables[-1] and self.tables[-1][-1]:
            self._cell(markdown)
        else:
            self.blocks.append(document.paragraph([(markdown, False)]))

    def _open(self, tag: str, attributes: dict[str, str], empty: bool) -> None:
        if tag in ("text:p", "text:h"):
            if self.paragraph is not None:  # a paragraph inside one (a caption, a cell of a frame): its text joins it
                self.paragraph_depth += 1
                return
            self.paragraph, self.paragraph_tag, self.pieces, self.spans = attributes, tag, [], []
            self.paragraph_depth = 0
            if empty:
                self._close(tag)
        elif self.paragraph is not None:
            if tag == "text:span" and not empty:
                self.spans.append(self.styles.bold("text", attributes.get("text:style-name", "")))
            elif tag == "text:line-break":
                self._text("\n")
            elif tag == "text:tab":
                self._text(" ")
            elif tag == "text:s":
                count = attributes.get("text:c", "1")
                self._text(" " * (min(int(count), 1000) if count.isdigit() and count != "0" else 1))
        elif tag == "text:list":
            continues = "text:continue-list" in attributes or attributes.get("text:continue-numbering") == "true"
            style = attributes.get("text:style-name") or (self.lists[-1] if self.lists else "")
            if not self.lists and not continues:
                self.counters = []
            self.lists.append(style)
        elif tag in ("text:list-item", "text:list-header") and self.lists:
            self.item_paragraphs = 0 if tag == "text:list-item" else 1
            depth = len(self.lists)
            del self.counters[depth:]
            self.counters += [0] * (depth - len(self.counters))
            if tag == "text:list-item":
                start = attributes.get("text:start-value")
                self.counters[-1] = int(start) if start and start.isdigit() else self.counters[-1] + 1
        elif tag == "table:table":
            self.tables.append([])
        elif tag == "table:table-row" and self.tables:
            self.tables[-1].append([])
        elif tag in ("table:table-cell", "table:covered-table-cell") and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("")

    def _close(self, tag: str) -> None:
        if tag in ("text:p", "text:h") and self.paragraph is not None:
            if self.paragraph_depth:
                self.paragraph_depth -= 1
                self._text(" ")
            else:
                self._paragraph()
        elif tag == "text:span" and self.paragraph is not None and self.spans:
            self.spans.pop()
        elif tag == "text:list" and self.lists:
            self.lists.pop()
        elif tag == "table:table" and self.tables:
            rows = tuple(tuple(row) for row in self.tables.pop() if row)
            if self.tables:  # a table in a cell: its text joins the cell
                self._cell(" ".join(" ".join(row) for row in rows))
            elif rows:
                self.blocks.append(Block(rows=rows))

    def _text(self, text: str) -> None:
        weight = next((bold for bold in reversed(self.spans) if bold is not None), None)
        self.pieces.append((text, weight if weight is not None else bool(self._paragraph_bold())))

    def _paragraph_bold(self) -> bool | None:
        assert self.paragraph is not None
        return self.styles.bold("paragraph", self.paragraph.get("text:style-name", ""))

    def _paragraph(self) -> None:
        attributes, tag, pieces = self.paragraph or {}, self.paragraph_tag, self.pieces
        self.paragraph = None
        if self.tables:
            text = "".join(text for text, _bold in pieces).strip()
            if text:
                self._cell(text)
            return
        if tag == "text:h":
            level = attributes.get("text:outline-level", "1")
            heading = int(level) if level.isdigit() and level != "0" else 1
            self.blocks.append(document.paragraph(pieces, heading=heading))
            return
        if self.styles.derives_from("paragraph", attributes.get("text:style-name", ""), "Title") and not self.lists:
            self.blocks.append(document.paragraph(pieces, heading=1))  # as Word's Title style is read
            return
        has_text = any(text.strip() for text, _bold in pieces)
        marker, label = self._marker(attributes) if has_text else ("", "")
        self.blocks.append(document.paragraph(pieces, marker=marker, label=label))

    def _marker(self, attributes: dict[str, str]) -> tuple[str, str]:
        """What starts this paragraph's line in a list: its item's marker, or spaces under it for a further
        paragraph of the item; or, for numbers Markdown has no list for (``b)``, ``iv.``), the label to open its
        text with."""
        if not self.lists:
            return "", ""
        depth = len(self.lists)
        style = self.lists[-1] or self.styles.list_style.get(attributes.get("text:style-name", ""), "")
        numbered = self.styles.numbered.get((style, depth), self.styles.numbered.get((style, 1)))
        self.item_paragraphs += 1
        if numbered and self.counters and numbered[0] != document.DECIMAL:
            shown, prefix, suffix = numbered
            return "", prefix + document.numeral(shown, 1, self.counters[-1]) + suffix if self.item_paragraphs == 1 else ""
        marker = f"{self.counters[-1]}. " if numbered and self.counters else "- "
        indent = "    " * (depth - 1)
        return indent + (marker if self.item_paragraphs == 1 else " " * len(marker)), ""

    def _cell(self, text: str) -> None:
        if self.tables[-1] and self.tables[-1][-1]:
            row = self.tables[-1][-1]
            row[-1] = (row[-1] + " " + text).strip()
