"""Word, OpenDocument and PowerPoint files that hold pictures, built here from text and pictures of our own."""

from __future__ import annotations

import io
import zipfile
from html import escape

WORD_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def word_paragraph(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:r>{properties}<w:t>{escape(text, quote=False)}</w:t></w:r></w:p>"


def word_drawing(rid: str, alt: str = "", attribute: str = "r:embed") -> str:
    """A paragraph holding one picture as Word writes it: inline, its alt text on ``wp:docPr``."""
    return (
        '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" cy="952500"/>'
        f'<wp:docPr id="1" name="Picture 1" descr="{escape(alt)}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="0" name="diagram.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip {attribute}="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def docx(body: str, relationships: dict[str, str], media: dict[str, bytes], external: frozenset[str] = frozenset()) -> bytes:
    """A Word document: ``body`` (paragraphs), its relationships by id (targets from ``word/``) and its parts."""
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{IMAGE}" Target="{escape(target)}"'
        + (' TargetMode="External"' if rid in external else "") + "/>"
        for rid, target in relationships.items()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="png" ContentType="image/png"/></Types>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {WORD_NAMESPACES}><w:body>{body}'
                         "</w:body></w:document>")
        archive.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                         f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for name, data in media.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_parts(package: bytes, parts: dict[str, bytes | str]) -> bytes:
    """``package`` (a zip document) with ``parts`` added, as an office program stores pictures beside its XML."""
    buffer = io.BytesIO(package)
    with zipfile.ZipFile(buffer, "a") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def odf_frame(href: str, description: str = "", title: str = "") -> str:
    """A picture frame as LibreOffice writes one: its picture, then its title and description."""
    return ('<draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm">'
            f'<draw:image xlink:href="{escape(href)}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
            + (f"<svg:title>{escape(title)}</svg:title>" if title else "")
            + (f"<svg:desc>{escape(description)}</svg:desc>" if description else "") + "</draw:frame>")


def slide_picture(rid: str, alt: str = "", at: tuple[float, float] = (2.0, 8.0)) -> str:
    """A picture on a slide as PowerPoint writes one (``p:pic``), placed at ``at`` (left, top in centimetres)."""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="5" name="Picture 4" descr="{escape(alt)}"/><p:cNvPicPr/><p:nvPr/>'
            f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr><a:xfrm><a:off x="{int(at[0] * 360000)}" y="{int(at[1] * 360000)}"/>'
            '<a:ext cx="1800000" cy="1800000"/></a:xfrm></p:spPr></p:pic>')


def relationships(targets: dict[str, str]) -> str:
    """A ``_rels`` part naming pictures by id."""
    return ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{rid}" Type="{IMAGE}" Target="{escape(target)}"/>'
                      for rid, target in targets.items()) + "</Relationships>")
