"""Apple iWork documents (``.pages``, ``.numbers``, ``.key``) read through the PDF preview some of them hold.

An iWork file is a zip. Since 2013 its content is Apple's own protobuf records
(``Index/*.iwa``, snappy-compressed), which are not read here; but iWork '08
and '09 files, and some later exports, keep a picture of the whole document
as ``QuickLook/Preview.pdf``, and that PDF's text layer is read as any PDF is
(:mod:`.pdf`). A file without one is a :class:`SourceError` saying what to
export it as.
"""

from __future__ import annotations

from pathlib import PurePath

from ..errors import SourceError
from . import pdf
from .archive import Archive

_PREVIEW = "QuickLook/Preview.pdf"
#: Extension -> (what the file is, what to export it as).
_KINDS = {
    ".pages": ("Apple Pages document", ".docx or .rtf"),
    ".numbers": ("Apple Numbers spreadsheet", ".xlsx or CSV"),
    ".key": ("Apple Keynote presentation", ".pptx or PDF"),
}


def to_markdown(data: bytes, name: str = "<iwork>") -> str:
    kind, export = _KINDS.get(PurePath(name).suffix.lower(), ("Apple iWork document", ".docx, .xlsx or .pptx"))
    if not data.startswith(b"PK\x03\x04"):
        raise SourceError(f"not an {kind} (no zip): export it as {export} to read it", name)
    archive = Archive(data, name, kind)
    if not archive.has(_PREVIEW):
        raise SourceError(f"an {kind} in Apple's own format, with no PDF preview in it: export it as {export} "
                          "to read it", name)
    return pdf.to_markdown(archive.data(_PREVIEW), name)
