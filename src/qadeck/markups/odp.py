"""OpenDocument presentations (``.odp``, template ``.otp``, flat ``.fodp``: LibreOffice Impress) as Markdown: each shown slide a section under its title.

An ``.odp`` is a zip holding the deck in ``content.xml``: one ``draw:page`` per
slide in the order they are shown. In a page, the frame of class ``title`` is
the title; the other frames and shapes hold its text (an ``outline`` frame's
lists as list items at their levels, paragraphs all in bold as bold, tables as tables,
read as :mod:`.odt` reads a document's body), and ``presentation:notes`` its
speaker notes; a picture frame holding a picture of the file's own is that
picture (:func:`.odt.frame_picture`), where it stands. A page whose style hides it
(``presentation:visibility="hidden"``), and the date, footer and page-number frames
are left out. :mod:`.slides` writes the Markdown; the XML is scanned, never parsed.
"""

from __future__ import annotations

import re

from . import document, odt, slides
from .archive import opendocument
from .slides import Slide

_PAGE = re.compile(r"<draw:page\b([^>]*)>(.*?)</draw:page>", re.DOTALL)
_NOTES = re.compile(r"<presentation:notes\b.*?</presentation:notes>", re.DOTALL)
#: The elements of a page that hold text: frames (text boxes, placeholders, tables) and drawn shapes.
_SHAPE = re.compile(r"<(draw:frame|draw:custom-shape|draw:rect|draw:ellipse)\b([^>]*?)(?:/>|>(.*?)</\1>)", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w.-]+:[\w.-]+)\s*=\s*"([^"]*)"')
_HIDDEN_STYLE = re.compile(r'<style:style\b[^>]*\bstyle:name="([^"]+)"[^>]*>\s*<style:drawing-page-properties\b'
                           r'[^>]*\bpresentation:visibility="hidden"')
_LENGTH = re.compile(r"^\s*(-?\d{1,9}(?:\.\d{1,9})?)\s*(cm|mm|in|pt|pc|px)?\s*$")
_CM_PER = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96, None: 1.0}
#: Frame classes that hold no text of the slide's own.
_CHROME = frozenset({"date-time", "footer", "header", "page-number", "page", "graphic", "object", "chart", "handout"})


def to_markdown(data: bytes, name: str = "<odp>") -> str:
    content, named = opendocument(data, name, "OpenDocument presentation")
    styles = odt.read_styles(content, named)
    hidden = set(_HIDDEN_STYLE.findall(content))
    deck = []
    for attributes, page in _PAGE.findall(content):
        if dict(_ATTRIBUTE.findall(attributes)).get("draw:style-name") in hidden:
            continue
        notes = _NOTES.search(page)
        title, body, shapes = "", [], []
        for tag, shape, inner in _SHAPE.findall(_NOTES.sub("", page)):
            attributes = dict(_ATTRIBUTE.findall(shape))
            kind = attributes.get("presentation:class", "")
            image = odt.frame_picture(inner) if tag == "draw:frame" and "<draw:text-box" not in inner else ""
            if image:
                blocks = [document.paragraph([(image, False)])]
            elif kind in _CHROME or not inner:
                continue
            else:
                blocks = odt.read_blocks(inner, styles)
            if kind == "title" and not title:
                title = " ".join(block.text for block in blocks if block.text)
            else:
                left, top = _centimetres(attributes.get("svg:x", "")), _centimetres(attributes.get("svg:y", ""))
                shapes.append(((left, top) if left is not None and top is not None else None, blocks))
        for blocks in slides.reading_order(shapes):
            body += slides.paragraph_blocks(blocks)
        notes_blocks = [block for _tag, shape, inner in _SHAPE.findall(notes.group(0) if notes else "")
                        if inner and dict(_ATTRIBUTE.findall(shape)).get("presentation:class") == "notes"
                        for block in odt.read_blocks(inner, styles)]
        deck.append(Slide(title=title, body=tuple(body), notes=tuple(notes_blocks)))
    return slides.to_markdown(deck)


def _centimetres(length: str) -> float | None:
    """An ODF length (``1.2cm``, ``0.5in``) in centimetres, None when there is none."""
    match = _LENGTH.match(length)
    return float(match.group(1)) * _CM_PER[match.group(2)] if match else None
