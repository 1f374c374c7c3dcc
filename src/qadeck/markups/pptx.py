"""PowerPoint decks (``.pptx``) as Markdown: each shown slide a section under its title, its notes after it.

A ``.pptx`` is a zip: ``ppt/presentation.xml`` lists the slides in the order
they are shown (``p:sldIdLst``, each entry a relationship that
``ppt/_rels/presentation.xml.rels`` resolves to a part such as
``ppt/slides/slide3.xml``), and a slide's own relationships name its speaker
notes. In a slide, the title placeholder (``p:ph type="title"``, or
``ctrTitle`` on a title slide) is the title; the other shapes' paragraphs are
its text, in the order the slide keeps them: a content placeholder's
paragraphs are bullets unless they say ``a:buNone``, a text box's only when
they ask for a bullet, each at its level (``lvl``); a paragraph all in bold is bold;
tables are tables; a picture (``p:pic``, its ``a:blip r:embed`` a relationship of
the slide to a part such as ``ppt/media/image1.png``) is a Markdown image of that
part where it shows, its alt text the picture's description or title (a picture
linked from outside the file is left out). Hidden slides (``show="0"``), charts and the
date, footer and slide-number placeholders are left out. :mod:`.slides` writes
the Markdown; the XML is scanned, never parsed, and a relationship can only
name a part of the same zip.
"""

from __future__ import annotations

import html
import re

from . import document, slides
from .archive import Archive, attributes, picture
from .document import Block
from .slides import Slide

_SLIDE_ID = re.compile(r"<p:sldId\b[^>]*?\br:id=\"([^\"]+)\"")
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')
#: The shapes of a slide that can hold text: shapes and text boxes (in groups too), and tables.
_SHAPE = re.compile(r"<p:sp\b.*?</p:sp>|<p:graphicFrame\b.*?</p:graphicFrame>|<p:pic\b.*?</p:pic>", re.DOTALL)
_PICTURE_NAME = re.compile(r"<p:cNvPr\b[^>]*>")
_BLIP = re.compile(r"<a:blip\b[^>]*>")
#: The copy of a shape PowerPoint keeps for older readers of newer content: read once, as the newer.
_FALLBACK = re.compile(r"<mc:Fallback\b.*?</mc:Fallback>", re.DOTALL)
_PLACEHOLDER = re.compile(r"<p:ph\b([^>]*)>")
_PARAGRAPH = re.compile(r"<a:p\b[^>]*/>|<a:p\b[^>]*>.*?</a:p>", re.DOTALL)
_PIECE = re.compile(r"<a:(r|fld)\b.*?</a:\1>|<a:br\b[^>]*>", re.DOTALL)
_TEXT = re.compile(r"<a:t(?:\s[^>]*)?>([^<]*)</a:t>")
_PROPERTIES = re.compile(r"<a:pPr\b[^>]*/>|<a:pPr\b.*?</a:pPr>", re.DOTALL)
_START = re.compile(r'<a:buAutoNum\b[^>]*\bstartAt="(\d{1,6})"')
_BOLD = re.compile(r'<a:rPr\b[^>]*\bb="(?:1|true)"')
_LEVEL = re.compile(r'<a:pPr\b[^>]*\blvl="(\d)"')
_ROW = re.compile(r"<a:tr\b.*?</a:tr>", re.DOTALL)
_CELL = re.compile(r"<a:tc\b.*?</a:tc>", re.DOTALL)
#: Placeholders that hold no text of the slide's own (the date, footer, slide number; a notes page's picture of
#: its slide and its header).
_CHROME = frozenset({"dt", "ftr", "sldNum", "hdr", "sldImg"})
_TITLES = frozenset({"title", "ctrTitle"})
#: Placeholders whose paragraphs are not bulleted unless they say so.
_UNBULLETED = frozenset({"subTitle", *_TITLES})
_NOTES = "/notesSlide"
#: Where a shape's box starts (its left and top, in EMU: 360,000 a centimetre); placeholders that take theirs
#: from the slide's layout have none.
_OFFSET = re.compile(r'<a:off\b[^>]*?\bx="(-?\d{1,12})"[^>]*?\by="(-?\d{1,12})"')
_EMU_PER_CM = 360_000


def to_markdown(data: bytes, name: str = "<pptx>") -> str:
    archive = Archive(data, name, "PowerPoint presentation")
    if not archive.has("ppt/presentation.xml"):
        raise archive.damaged("no ppt/presentation.xml in it")
    presentation = archive.text("ppt/presentation.xml")
    targets = archive.relationships("ppt/presentation.xml")
    deck = []
    for slide_id in _SLIDE_ID.findall(presentation):
        _kind, part = targets.get(slide_id, ("", ""))
        xml = archive.text(part) if part else ""
        if not xml or re.search(r'<p:sld\b[^>]*\bshow="(?:0|false)"', xml):
            continue
        notes = next((target for kind, target in archive.relationships(part).values() if kind.endswith(_NOTES)), "")
        pictures = archive.pictures(part) if "<p:pic" in xml else {}
        deck.append(_slide(xml, archive.text(notes) if notes else "", pictures))
    return slides.to_markdown(deck)


def _slide(xml: str, notes: str, pictures: dict[str, str]) -> Slide:
    """A slide's title, body and notes; ``pictures``: the parts its pictures' relationships name, by id."""
    title, opens, body = "", False, []
    xml = _FALLBACK.sub("", xml)
    shapes = []
    for shape in _SHAPE.findall(xml):
        kind = "picture" if shape.startswith("<p:pic") else _placeholder(shape)
        if kind in _CHROME or kind == "picture" and not _picture(shape, pictures):
            continue
        if kind in _TITLES and not title:
            title = " ".join(block.text for block in _paragraphs(shape, bulleted=False))
            opens = kind == "ctrTitle"
        else:
            # A shape in a group is placed in the group's own space: where it shows is not known.
            place = _OFFSET.search(shape) if "<p:grpSp>" not in xml else None
            shapes.append(((int(place.group(1)) / _EMU_PER_CM, int(place.group(2)) / _EMU_PER_CM) if place else None,
                           (kind, shape)))
    for kind, shape in slides.reading_order(shapes):
        if kind == "picture":
            body.append(document.paragraph([(_picture(shape, pictures), False)]))
        elif "<a:tbl>" in shape:
            rows = _table(shape)
            if rows:
                body.append(Block(rows=rows))
        else:
            body += slides.paragraph_blocks(_paragraphs(shape, bulleted=kind not in _UNBULLETED and kind != ""))
    notes_blocks = [block for shape in _SHAPE.findall(notes) if _placeholder(shape) == "body"
                    for block in _paragraphs(shape, bulleted=False)]
    return Slide(title=title, body=tuple(body), notes=tuple(notes_blocks), opens=opens)


def _picture(shape: str, pictures: dict[str, str]) -> str:
    """The Markdown image of a ``p:pic``, "" when it shows no picture the file holds."""
    blip = _BLIP.search(shape)
    member = pictures.get(attributes(blip.group(0)).get("embed", "")) if blip else None
    if not member:
        return ""
    found = _PICTURE_NAME.search(shape)
    names = attributes(found.group(0)) if found else {}
    return picture(member, names.get("descr") or names.get("title") or "")


def _placeholder(shape: str) -> str:
    """The shape's placeholder type ("body" for a placeholder that names none), "" when it is none."""
    match = _PLACEHOLDER.search(shape)
    if not match:
        return ""
    return dict(_ATTRIBUTE.findall(match.group(1))).get("type", "body")


def _paragraphs(shape: str, bulleted: bool) -> list[Block]:
    """A shape's paragraphs; ``bulleted``: its paragraphs are list items unless one says ``a:buNone``."""
    blocks = []
    counters: list[int] = []
    for xml in _PARAGRAPH.findall(shape):
        pieces = [(_text(piece.group(0)), bool(_BOLD.search(piece.group(0)))) if piece.group(1) else ("\n", False)
                  for piece in _PIECE.finditer(xml)]
        found = _PROPERTIES.search(xml)
        properties = found.group(0) if found else ""
        level_match = _LEVEL.search(properties)
        level = int(level_match.group(1)) if level_match else 0
        numbered = "<a:buAutoNum" in properties
        listed = numbered or "<a:buChar" in properties or bulleted and "<a:buNone" not in properties
        marker = ""
        if listed:
            # Each level counts its run of numbered items; a bullet between them starts the count again.
            del counters[level + 1:]
            counters += [0] * (level + 1 - len(counters))
            start = _START.search(properties)
            counters[level] = (0 if not numbered else int(start.group(1)) if start and counters[level] == 0
                               else counters[level] + 1)
            marker = "    " * level + (f"{counters[level] or 1}. " if numbered else "- ")
        else:
            counters = []
        blocks.append(document.paragraph(pieces, marker=marker))
    return blocks


def _text(run: str) -> str:
    return "".join(html.unescape(text) for text in _TEXT.findall(run))


def _table(shape: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(" ".join(block.text.replace("\n", " ") for block in _paragraphs(cell, bulleted=False) if block.text)
              for cell in _CELL.findall(row))
        for row in _ROW.findall(shape)
    )
