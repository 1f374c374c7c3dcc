"""Word documents (``.docx``) as Markdown: headings, bold paragraphs, list items and tables.

A ``.docx`` is a zip holding the text in ``word/document.xml``. Its body is
read in order: a paragraph in a heading style (``Heading2``, or the same in the
template's language: ``Judul2``, ``berschrift2`` …) becomes an ATX heading, a
paragraph whose text is all bold a bold line (how FAQs written in Word mark
their questions), a numbered or bulleted paragraph a list item, a table a
Markdown table; other paragraphs stay paragraphs. The XML is scanned, never
parsed: no entity is expanded and nothing it names is fetched. Line numbers
are the Markdown's.
"""

from __future__ import annotations

import html
import re

from .archive import Archive

_BLOCK = re.compile(r"<w:tbl>.*?</w:tbl>|<w:p\b[^>]*/>|<w:p\b.*?</w:p>", re.DOTALL)
_ROW = re.compile(r"<w:tr\b.*?</w:tr>", re.DOTALL)
_CELL = re.compile(r"<w:tc\b.*?</w:tc>", re.DOTALL)
_RUN = re.compile(r"<w:r\b.*?</w:r>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\b[^>]*/>")
_STYLE = re.compile(r'<w:pStyle w:val="([^"]+)"')
_HEADING_STYLE = re.compile(r"(?i)^(?:title|.*(?:head|judul|berschrift|titre|titolo|kop|rubrik|encabezado|nag|cabe)\D*([1-6]))$")
_BOLD = re.compile(r'<w:b(?:\s+w:val="(?:1|true|on)")?\s*/>')


def to_markdown(data: bytes, name: str = "<docx>") -> str:
    archive = Archive(data, name, "Word document")
    if not archive.has("word/document.xml"):
        raise archive.damaged("no word/document.xml in it")
    xml = archive.text("word/document.xml")
    blocks = _BLOCK.findall(xml)
    # Bold marks questions only where some text is not bold: a document set all in bold says nothing.
    bold = {i for i, block in enumerate(blocks) if not block.startswith("<w:tbl>") and _all_bold(block)}
    texts = sum(1 for block in blocks if not block.startswith("<w:tbl>") and _paragraph(block))
    if len(bold) == texts:
        bold = set()
    out: list[str] = []
    for index, block in enumerate(blocks):
        if out and out[-1].startswith("- ") and "<w:numPr>" not in block:
            out.append("")  # the list ends: what follows is no part of its last item
        if block.startswith("<w:tbl>"):
            out += _table(block)
            continue
        text = _paragraph(block)
        if not text:
            out.append("")
            continue
        style = _STYLE.search(block)
        heading = _HEADING_STYLE.match(style.group(1)) if style else None
        if heading:
            out += ["#" * int(heading.group(1) or 1) + " " + text.replace("\n", " "), ""]
        elif "<w:numPr>" in block:
            out.append("- " + text.replace("\n", " "))
        elif index in bold:
            out += ["**" + text.replace("\n", " ") + "**", ""]
        else:
            out += [text, ""]
    return "\n".join(out) + "\n"


def _paragraph(block: str) -> str:
    parts = []
    for text, mark in _TEXT.findall(block):
        parts.append(html.unescape(text) if not mark else " " if mark == "tab" else "\n")
    return "".join(parts).strip()


def _all_bold(block: str) -> bool:
    """True when every run that holds text is bold (the paragraph mark's own format does not count)."""
    runs = [run for run in _RUN.findall(block) if _paragraph(run)]
    return bool(runs) and all(_BOLD.search(run.split("</w:rPr>", 1)[0]) and "<w:rPr>" in run for run in runs)


def _table(block: str) -> list[str]:
    rows = []
    for row in _ROW.findall(block):
        cells = [" ".join(_paragraph(p).replace("\n", " ") for p in re.findall(r"<w:p\b.*?</w:p>", cell, re.DOTALL))
                 for cell in _CELL.findall(row)]
        rows.append("| " + " | ".join(cell.replace("|", "\\|").strip() for cell in cells) + " |")
    if not rows:
        return []
    width = rows[0].count(" | ") + 1
    return ["", rows[0], "|" + "---|" * width, *rows[1:], ""]
