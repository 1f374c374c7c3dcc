"""Zip documents (Word, Excel, OpenDocument): their XML parts as text, within a size cap.

Contract: :class:`Archive` opens a document's bytes and hands out a part's text
by its name; a file that is no zip, a damaged or encrypted part, or parts that
unpack to more than :data:`MAX_XML_BYTES` in all are one :class:`SourceError`
naming the file and saying what kind of document it should have been. Readers
scan the XML they get with regular expressions, never an XML parser: no entity
is expanded and nothing a document names is fetched.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
import zlib

from ..errors import SourceError

#: The most text a document may unpack to: a zip that claims more is refused, not inflated.
MAX_XML_BYTES = 64 * 1024 * 1024
#: How an OLE compound file opens: what Office writes for a password-protected document (and old .doc/.xls).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
#: What can go wrong reading a damaged zip, besides its own BadZipFile.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


class Archive:
    """The parts of one zip document, read as UTF-8 text on demand."""

    def __init__(self, data: bytes, name: str, kind: str):
        #: The file's name and what it should be ("Word document", "Excel workbook"), for errors.
        self.name, self.kind = name, kind
        self._read = 0
        if data.startswith(OLE_MAGIC):
            raise SourceError(f"an encrypted (password-protected) or old binary {kind}, not a zip: "
                              "save it without a password in the current format to read it", name)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except _DAMAGE as exc:
            raise self.damaged(exc) from exc
        # Office finds parts whatever their case, and some Windows tools write zips with backslashes.
        self._members = {_key(info.filename): info for info in self._zip.infolist()}

    @classmethod
    def opendocument(cls, data: bytes, name: str, kind: str) -> Archive:
        """An OpenDocument zip (``.odt``, ``.ods``), refused when a password encrypts its parts (inside a plain
        zip: its manifest says so) or it has no ``content.xml``."""
        archive = cls(data, name, kind)
        if "encryption-data" in archive.text("META-INF/manifest.xml"):
            raise SourceError(f"a password-protected {kind}: save it without a password to read it", name)
        if not archive.has("content.xml"):
            raise archive.damaged("no content.xml in it")
        return archive

    def damaged(self, why: object) -> SourceError:
        return SourceError(f"not a readable {self.kind} ({why})", self.name)

    def names(self) -> list[str]:
        """The names of the zip's files, as the zip spells them (forward slashes)."""
        return [info.filename.replace("\\", "/") for info in self._members.values() if not info.is_dir()]

    def has(self, member: str) -> bool:
        return _key(member) in self._members

    def data(self, member: str, cap: int) -> bytes:
        """The bytes of the part called ``member`` (b"" when there is none), refused when it unpacks to over
        ``cap`` bytes (the zip's own size for it: a part never unpacks to more than that)."""
        info = self._members.get(_key(member))
        if info is None:
            return b""
        if info.file_size > cap:
            raise SourceError(f"a {self.kind} whose {info.filename} unpacks to over {cap} bytes: too big to read",
                              self.name)
        try:
            return self._zip.read(info)
        except _DAMAGE as exc:
            raise self.damaged(exc) from exc

    def text(self, member: str) -> str:
        """The part called ``member`` ("" when there is none), its line ends ``\\n``."""
        info = self._members.get(_key(member))
        if info is None:
            return ""
        self._read += info.file_size
        if self._read > MAX_XML_BYTES:
            raise SourceError(f"a {self.kind} of over {MAX_XML_BYTES} bytes of text: too big to read", self.name)
        try:
            text = self._zip.read(info).decode("utf-8", errors="replace")
        except _DAMAGE as exc:
            raise self.damaged(exc) from exc
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as an XML parser reads line ends
        if "<![CDATA[" in text:  # a CDATA section is text: escaped, it reads as any other
            text = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), text)
        return text


    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id -> (type, part's name in the zip) of what the Office part ``part`` ("" for the package) refers to,
        from its ``_rels`` file; links outside the zip are left out, so a document can only name its own parts."""
        folder, _, file = part.rpartition("/")
        found = {}
        for tag in _RELATIONSHIP.findall(self.text(posixpath.join(folder, "_rels", file + ".rels"))):
            attributes = {key.rpartition(":")[2]: html.unescape(a or b) for key, a, b in _ATTRIBUTE.findall(tag)}
            target = attributes.get("Target", "")
            if target and attributes.get("TargetMode") != "External":
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                found[attributes.get("Id", "")] = (attributes.get("Type", ""), posixpath.normpath(path))
        return found


def _key(member: str) -> str:
    return member.replace("\\", "/").lower()
