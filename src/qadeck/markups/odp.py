"""OpenDocument presentations (``.odp``, LibreOffice Impress) as Markdown: each shown slide a section under its title.

An ``.odp`` is a zip holding the deck in ``content.xml``: one ``draw:page`` per
slide in the order they are shown. In a page, the frame of class ``title`` is
the title; the other frames and shapes hold its text (an ``outline`` frame's
lists as list items at their levels, paragraphs all in bold as bold, tables as tables,
read as :mod:`.odt` reads a document's body), and ``presentation:notes`` its
speaker notes. A page whose style hides it (``presentation:visibility=
"hidden"``), pictures, and the date, footer and page-number frames are left
out. :mod:`.slides` writes the Markdown; the XML is scanned, never parsed.
"""

from __future__ import annotations

import re

from . import odt, slides
from .archive import Archive
from .slides import Slide

_PAGE = re.compile(r"<draw:page\b([^>]*)>(.*?)</draw:page>", re.DOTALL)
_NOTES = re.compile(r"<presentation:notes\b.*?</presentation:notes>", re.DOTALL)
#: The elements of a page that hold text: frames (text boxes, placeholders, tables) and drawn shapes.
_SHAPE = re.compile(r"<(draw:frame|draw:custom-shape|draw:rect|draw:ellipse)\b([^>]*?)(?:/>|>(.*?)</\1>)", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w.-]+:[\w.-]+)\s*=\s*"([^"]*)"')
_HIDDEN_STYLE = re.compile(r'<style:style\b[^>]*\bstyle:name="([^"]+)"[^>]*>\s*<style:drawing-page-properties\b'
                           r'[^>]*\bpresentation:visibility="hidden"')
#: Frame classes that hold no text of the slide's own.
_CHROME = frozenset({"date-time", "footer", "header", "page-number", "page", "graphic", "object", "chart", "handout"})


def to_markdown(data: bytes, name: str = "<odp>") -> str:
    archive = Archive.opendocument(data, name, "OpenDocument presentation")
    content = archive.text("content.xml")
    styles = odt.read_styles(content, archive.text("styles.xml"))
    hidden = set(_HIDDEN_STYLE.findall(content))
    deck = []
    for attributes, page in _PAGE.findall(content):
        if dict(_ATTRIBUTE.findall(attributes)).get("draw:style-name") in hidden:
            continue
        notes = _NOTES.search(page)
        title, body = "", []
        for _tag, shape, inner in _SHAPE.findall(_NOTES.sub("", page)):
            kind = dict(_ATTRIBUTE.findall(shape)).get("presentation:class", "")
            if kind in _CHROME or not inner:
                continue
            blocks = odt.read_blocks(inner, styles)
            if kind == "title" and not title:
                title = " ".join(block.text for block in blocks if block.text)
            else:
                body += slides.paragraph_blocks(blocks)
        notes_blocks = [block for _tag, shape, inner in _SHAPE.findall(notes.group(0) if notes else "")
                        if inner and dict(_ATTRIBUTE.findall(shape)).get("presentation:class") == "notes"
                        for block in odt.read_blocks(inner, styles)]
        deck.append(Slide(title=title, body=tuple(body), notes=tuple(notes_blocks)))
    return slides.to_markdown(deck)
