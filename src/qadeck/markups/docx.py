"""Word documents (``.docx``) as Markdown: headings, bold paragraphs, list items and tables.

A ``.docx`` is a zip holding the text in ``word/document.xml``. Its body is
read in order: a paragraph in a heading style (``Heading2``, or the same in the
template's language: ``Judul2``, ``berschrift2`` …) becomes an ATX heading, a
paragraph whose text is all bold a bold line (how FAQs written in Word mark
their questions), a numbered or bulleted paragraph a list item, a table a
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
                    r"|(<wp:docPr\b[^>]*>|<a:blip\b[^>]*>|<v:imagedata\b[^>]*>)")
# What Word writes for older programs beside a drawing: the same picture again.
_FALLBACK = re.compile(r"<mc:Fallback>.*?</mc:Fallback>", re.DOTALL)
_STYLE = re.compile(r'<w:pStyle w:val="([^"]+)"')
_BOLD = re.compile(r'<w:b(?:\s+w:val="(?:1|true|on)")?\s*/>')


def to_markdown(data: bytes, name: str = "<docx>") -> str:
    if data.startswith(OLE_MAGIC):  # a Word 97-2003 document renamed, or an encrypted one: read by the .doc reader
        return doc.to_markdown(data, name)
    archive = Archive(data, name, "Word document")
    if not archive.has("word/document.xml"):
        raise archive.damaged("no word/document.xml in it")
    xml = archive.text("word/document.xml")
    pictures = archive.pictures("word/document.xml") if "r:embed=" in xml or "<v:imagedata" in xml else {}
    return document.to_markdown([block for xml_block in _BLOCK.findall(xml) if (block := _block(xml_block, pictures))])


def _block(xml: str, pictures: dict[str, str]) -> Block | None:
    if xml.startswith("<w:tbl>"):
        rows = _table(xml, pictures)
        return Block(rows=rows) if rows else None
    style = _STYLE.search(xml)
    pieces = [(_text(run, pictures), _is_bold(run)) for run in _RUN.findall(xml)]
    return document.paragraph(pieces, heading=document.heading_level(style.group(1)) if style else 0,
                              marker="- " if "<w:numPr>" in xml else "")


def _text(xml: str, pictures: dict[str, str]) -> str:
    """A run's (or paragraph's) text, its pictures as Markdown images of the parts ``pictures`` names by id."""
    if "<mc:Fallback>" in xml:
        xml = _FALLBACK.sub("", xml)
    parts = []
    alt = ""
    for text, mark, tag in _PIECE.findall(xml):
        if tag.startswith("<wp:docPr"):
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
    """Is this run bold (by its own format: the paragraph mark's does not count)?"""
    return "<w:rPr>" in run and bool(_BOLD.search(run.split("</w:rPr>", 1)[0]))


def _table(block: str, pictures: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(" ".join(_text(p, pictures).strip().replace("\n", " ") for p in re.findall(r"<w:p\b.*?</w:p>", cell, re.DOTALL))
              for cell in _CELL.findall(row))
        for row in _ROW.findall(block)
    )
