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
