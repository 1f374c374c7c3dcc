"""Word documents (``.docx``) as Markdown: headings, bold paragraphs, list items and tables.

A ``.docx`` is a zip holding the text in ``word/document.xml``. Its body is
read in order: a paragraph in a heading style (``Heading2``, or the same in the
template's language: ``Judul2``, ``berschrift2`` …) becomes an ATX heading, a
paragraph whose text is all bold a bold line (how FAQs written in Word mark
their questions; highlighted text is bold too, as an answer key highlights the right option), a numbered or
bulleted paragraph a list item at its level, numbered as Word shows it (the numbering part's formats: ``3.``, or
a label such as ``b)`` opening the text where Markdown has no such list), a table a
Markdown table; other paragraphs stay paragraphs. A picture the document holds
(``<w:drawing>`` with ``<a:blip r:embed>``, or old VML ``<v:imagedata r:id>``)
is a Markdown image of its part (``word/media/image1.png``, found through the
document's relationships; its alt text from ``wp:docPr``) where it stands in
its paragraph; a picture it links to outside itself is left out. The XML is
scanned, never parsed: no entity is expanded and nothing it names is fetched.
Line numbers are the Markdown's; :mod:`.document` writes it.
"""

from __future__ import annotations

import html
import re

from . import doc, document
from .archive import OLE_MAGIC, Archive, attributes, picture
from .document import Block

_BLOCK = re.compile(r"<w:tbl>.*?</w:tbl>|<w:p\b[^>]*/>|<w:p\b.*?</w:p>", re.DOTALL)
_ROW = re.compile(r"<w:tr\b.*?</w:tr>", re.DOTALL)
_CELL = re.compile(r"<w:tc\b.*?</w:tc>", re.DOTALL)
_RUN = re.compile(r"<w:r\b.*?</w:r>", re.DOTALL)
# A run's text, its breaks, and its pictures: a drawing's properties (its alt text) come before its picture.
_PIECE = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\b[^>]*/>"
                    r"|(<wp:docPr\b[^>]*>|<a:blip\b[^>]*>|<v:imagedata\b[^>]*>|<w:sym\b[^>]*>)")
_HEX = re.compile(r"[0-9A-Fa-f]{1,4}")
# What Word writes for older programs beside a drawing: the same picture again.
_FALLBACK = re.compile(r"<mc:Fallback>.*?</mc:Fallback>", re.DOTALL)
_STYLE = re.compile(r'<w:pStyle w:val="([^"]+)"')
_BOLD = re.compile(r'<w:b(?:\s+w:val="(?:1|true|on)")?\s*/>')
#: A paragraph's list: its level and numbering instance (``<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/>``).
_LISTED = re.compile(r'<w:numPr>(?:<w:ilvl w:val="(\d{1,2})"/>)?<w:numId w:val="(\d{1,9})"/>')
#: The numbering part's abstract lists and their levels, and its numbering instances.
_ABSTRACT = re.compile(r'<w:abstractNum\b[^>]*?w:abstractNumId="(\d{1,9})"[^>]*>(.*?)</w:abstractNum>', re.DOTALL)
_LEVEL_DEFINITION = re.compile(r'<w:lvl\b[^>]*>(.*?)</w:lvl>', re.DOTALL)
_VALUE = re.compile(r'w:val="([^"]*)"')
_NUM = re.compile(r'<w:num\b[^>]*?w:numId="(\d{1,9})"[^>]*>\s*<w:abstractNumId w:val="(\d{1,9})"/>')
#: A highlighter's colour on a run (``none`` is none).
_HIGHLIGHT = re.compile(r'<w:highlight\s+w:val="(?!none")[^"]+"')


def to_markdown(data: bytes, name: str = "<docx>") -> str:
    if data.startswith(OLE_MAGIC):  # a Word 97-2003 document renamed, or an encrypted one: read by the .doc reader
        return doc.to_markdown(data, name)
    archive = Archive(data, name, "Word document")
    if not archive.has("word/document.xml"):
        raise archive.damaged("no word/document.xml in it")
    xml = archive.text("word/document.xml")
    pictures = archive.pictures("word/document.xml") if "r:embed=" in xml or "<v:imagedata" in xml else {}
    numbers = _numbering(archive.text("word/numbering.xml") if archive.has("word/numbering.xml") else "")
    blocks: list[Block] = []
    depth = -1  # the level of the last list item, while no paragraph has ended the list
    for xml_block in _BLOCK.findall(xml):
        block, depth = _block(xml_block, pictures, numbers, depth)
        if block is not None:
            blocks.append(block)
    return document.to_markdown(blocks)


def _block(xml: str, pictures: dict[str, str], numbers: document.ListNumbers, depth: int) -> tuple[Block | None, int]:
    """The paragraph or table ``xml`` as a block, and the list level the next item may nest under."""
    if xml.startswith("<w:tbl>"):
        rows = _table(xml, pictures)
        return (Block(rows=rows) if rows else None), -1
    style = _STYLE.search(xml)
    heading = document.heading_level(style.group(1)) if style else 0
    pieces = [(_text(run, pictures), _is_bold(run)) for run in _RUN.findall(xml)]
    marker = label = ""
    listed = _LISTED.search(xml) if "<w:numPr>" in xml else None
    if listed and not heading:
        level, named = int(listed.group(1) or 0), int(listed.group(2))
        if named:  # numId 0 takes a style's numbering away
            marker, label = numbers.item(named, level)
            if marker:
                # Nested no deeper than the item before it allows: four spaces after a paragraph make code.
                level = min(level, depth + 1)
                marker, depth = "    " * level + marker, level
    block = document.paragraph(pieces, heading=heading, marker=marker, label=label)
    return block, depth if marker or not block.text else -1


def _numbering(xml: str) -> document.ListNumbers:
    """The numbering part's lists: each numbering instance's abstract list, its levels' format, start and label."""
    levels: dict[int, list[tuple[int, int, str]]] = {}
    for abstract in _ABSTRACT.finditer(xml):
        found: list[tuple[int, int, str]] = []
        for lvl in _LEVEL_DEFINITION.finditer(abstract.group(2)):
            body = lvl.group(1)
            number_format = _VALUE.search(body, body.find("<w:numFmt")) if "<w:numFmt" in body else None
            start = _VALUE.search(body, body.find("<w:start")) if "<w:start" in body else None
            text = _VALUE.search(body, body.find("<w:lvlText")) if "<w:lvlText" in body else None
            label = re.sub(r"%([1-9])", lambda m: chr(int(m.group(1)) - 1), html.unescape(text.group(1))) if text else ""
            found.append((document.FORMAT_NAMES.get(number_format.group(1) if number_format else "", document.BULLET),
                          int(start.group(1)) if start and start.group(1).isdigit() else 1, label))
        levels[int(abstract.group(1))] = found
    lists = {int(number): int(abstract) for number, abstract in _NUM.findall(xml)}
    return document.ListNumbers(levels, lists)


def _text(xml: str, pictures: dict[str, str]) -> str:
    """A run's (or paragraph's) text, its pictures as Markdown images of the parts ``pictures`` names by id."""
    if "<mc:Fallback>" in xml:
        xml = _FALLBACK.sub("", xml)
    parts = []
    alt = ""
    for text, mark, tag in _PIECE.findall(xml):
        if tag.startswith("<w:sym"):  # a symbol font's character (θ typed with Insert Symbol): the character
            found = attributes(tag)
            code = found.get("char", "")
            parts.append(document.symbol(found.get("font", ""), int(code, 16)) if _HEX.fullmatch(code) else "")
        elif tag.startswith("<wp:docPr"):
            found = attributes(tag)
            alt = found.get("descr") or found.get("title") or ""
        elif tag:
            found = attributes(tag)
            member = pictures.get(found.get("embed") or found.get("id") or "")
            if member:
                parts.append(picture(member, found.get("title", "") if tag.startswith("<v:") else alt))
        else:
            parts.append(html.unescape(text) if not mark else " " if mark == "tab" else "\n")
    return "".join(parts)


def _is_bold(run: str) -> bool:
    """Is this run bold, or highlighted (how a teacher's answer key marks the right option), by its own format
    (the paragraph mark's does not count)?"""
    if "<w:rPr>" not in run:
        return False
    properties = run.split("</w:rPr>", 1)[0]
    return bool(_BOLD.search(properties)) or "<w:highlight" in properties and bool(_HIGHLIGHT.search(properties))


def _table(block: str, pictures: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(" ".join(_text(p, pictures).strip().replace("\n", " ") for p in re.findall(r"<w:p\b.*?</w:p>", cell, re.DOTALL))
              for cell in _CELL.findall(row))
        for row in _ROW.findall(block)
    )
