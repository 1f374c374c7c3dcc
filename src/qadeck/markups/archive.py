"""Zip documents (Word, Excel, OpenDocument): their XML parts as text, within a size cap.

Contract: :class:`Archive` opens a document's bytes and hands out a part's text
by its name; a file that is no zip, a damaged or encrypted part, or parts that
unpack to more than :data:`MAX_XML_BYTES` in all are one :class:`SourceError`
naming the file and saying what kind of document it should have been. Readers
scan the XML they get with regular expressions, never an XML parser: no entity
is expanded and nothing a document names is fetched.

A picture a document holds is written as a Markdown image whose target names
the part (:func:`picture`: ``![alt](document-part:word/media/image1.png)``);
:mod:`qadeck.render.media` reads its bytes from that document alone
(:func:`read_part`), so the text never says which file it came from (the text
of a document is kept by its bytes, whatever the file is called).
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
import zlib
from urllib.parse import quote

from ..errors import SourceError
from .stored import STORED, stored_extension

#: The most text a document may unpack to: a zip that claims more is refused, not inflated.
MAX_XML_BYTES = 64 * 1024 * 1024
#: What a picture's target starts with when it is a part of the document being read (see :func:`picture`).
PART = "document-part:"
#: The largest picture read out of a document: a part that unpacks to more is refused, not inflated.
MAX_PART_BYTES = 32 * 1024 * 1024
#: How an OLE compound file opens: what Office writes for a password-protected document (and old .doc/.xls).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
#: What reading a damaged zip can raise (its own BadZipFile, and what its compressors do).
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


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
        except DAMAGE as exc:
            raise self.damaged(exc) from exc
        # Office finds parts whatever their case, and some Windows tools write zips with backslashes.
        self._members = {_key(info.filename): info for info in self._zip.infolist()}

    def damaged(self, why: object) -> SourceError:
        return SourceError(f"not a readable {self.kind} ({why})", self.name)

    def names(self) -> list[str]:
        """The names of the zip's files, as the zip spells them (forward slashes)."""
        return [info.filename.replace("\\", "/") for info in self._members.values() if not info.is_dir()]

    def has(self, member: str) -> bool:
        return _key(member) in self._members

    def text(self, member: str) -> str:
        """The part called ``member`` ("" when there is none), its line ends ``\\n``."""
        text = self.data(member).decode("utf-8", errors="replace")
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as an XML parser reads line ends
        if "<![CDATA[" in text:  # a CDATA section is text: escaped, it reads as any other
            text = _CDATA.sub(lambda m: html.escape(m.group(1), quote=False), text)
        return text

    def data(self, member: str, cap: int | None = None) -> bytes:
        """The bytes of the part called ``member`` (b"" when there is none). With ``cap``, refused when it unpacks
        to over ``cap`` bytes (the zip's own size for it: a part never unpacks to more than that); without, counted
        with the other parts read against :data:`MAX_XML_BYTES`."""
        info = self._members.get(_key(member))
        if info is None:
            return b""
        if cap is not None and info.file_size > cap:
            raise SourceError(f"a {self.kind} whose {info.filename} unpacks to over {cap} bytes: too big to read",
                              self.name)
        if cap is None:
            self._read += info.file_size
            if self._read > MAX_XML_BYTES:
                raise SourceError(f"a {self.kind} of over {MAX_XML_BYTES} bytes of text: too big to read", self.name)
        try:
            return self._zip.read(info)
        except DAMAGE as exc:
            raise self.damaged(exc) from exc

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id -> (type, part's name in the zip) of what the Office part ``part`` ("" for the package) refers to,
        from its ``_rels`` file; links outside the zip are left out, so a document can only name its own parts."""
        folder, _, file = part.rpartition("/")
        found = {}
        for tag in _RELATIONSHIP.findall(self.text(posixpath.join(folder, "_rels", file + ".rels"))):
            found_attributes = attributes(tag)
            target = found_attributes.get("Target", "")
            if target and found_attributes.get("TargetMode") != "External":
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                found[found_attributes.get("Id", "")] = (found_attributes.get("Type", ""), posixpath.normpath(path))
        return found

    def pictures(self, part: str) -> dict[str, str]:
        """Id -> part's name of the pictures the Office part ``part`` holds (not those it links to)."""
        return {rid: target for rid, (kind, target) in self.relationships(part).items() if kind.endswith("/image")}


def attributes(tag: str) -> dict[str, str]:
    """The attributes of an XML start tag, by their local names (``r:embed`` as ``embed``), unescaped."""
    return {key.rpartition(":")[2]: html.unescape(a or b) for key, a, b in _ATTRIBUTE.findall(tag)}


def picture(member: str, alt: str = "") -> str:
    """Markdown showing the picture that is part ``member`` of the document being read, ``alt`` its text."""
    alt = " ".join(alt.replace("[", " ").replace("]", " ").split())
    return f"![{alt}]({PART}{quote(member, safe='/')})"


def read_part(path: str, member: str, cap: int = MAX_PART_BYTES) -> bytes:
    """The bytes of part ``member`` of the zip document at ``path``, looked up in the zip's list of its
    parts (whatever their case or slashes), never made into a path; :class:`SourceError` says why not:
    no such part, over ``cap`` bytes, or a damaged zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = {_key(i.filename): i for i in archive.infolist() if not i.is_dir()}.get(_key(member))
            if info is None:
                raise SourceError("no such picture in the document", path)
            if info.file_size > cap:
                raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
            with archive.open(info) as part:
                data = part.read(cap + 1)
    except DAMAGE as exc:
        raise SourceError(f"cannot read the picture ({exc})", path) from exc
    if len(data) > cap:  # a zip that understates a part's size
        raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
    return data


def opendocument(data: bytes, name: str, kind: str) -> tuple[str, str]:
    """The ``content.xml`` and ``styles.xml`` of an OpenDocument (``kind``: "OpenDocument text", for errors).

    A zip (``.odt``, ``.ods``, ``.odp``, their templates ``.ott`` …, and OpenOffice 1's ``.sxw`` and ``.sxc``) gives its two
    parts, refused when a password encrypts them (its manifest says so) or there is no ``content.xml``; a flat
    XML file (``.fodt``, ``.fods``, ``.fodp``) is its whole self as the content, its styles inside it, each
    picture it holds as base64 named as its part (see :func:`_flat_pictures`).
    OpenOffice 1's names are given as OpenDocument's (see :func:`_openoffice1`).
    """
    if data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<":
        if len(data) > MAX_XML_BYTES:
            raise SourceError(f"an {kind} of {len(data)} bytes, over {MAX_XML_BYTES}: too big to read", name)
        xml = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        if "office:document" not in xml[:4096]:
            raise SourceError(f"not a readable {kind} (no office:document in its XML)", name)
        return (_flat_pictures(xml) if "<office:binary-data" in xml else xml), ""
    archive = Archive(data, name, kind)
    if "encryption-data" in archive.text("META-INF/manifest.xml"):
        raise SourceError(f"a password-protected {kind}: save it without a password to read it", name)
    if not archive.has("content.xml"):
        raise archive.damaged("no content.xml in it")
    content, styles = archive.text("content.xml"), archive.text("styles.xml")
    if _OPENOFFICE1 in content[:4096]:
        return _openoffice1(content), _openoffice1(styles)
    return content, styles


#: OpenOffice 1's office namespace, which an ``.sxw`` declares where an ``.odt`` declares OpenDocument's.
_OPENOFFICE1 = "http://openoffice.org/2000/office"
#: OpenOffice 1's names for what OpenDocument renamed: its lists by kind, a tab, and one properties element
#: where OpenDocument has one for text and one for paragraphs (only the font weight is read of it); and a
#: heading, whose level was ``text:level`` (a name list styles keep).
_OPENOFFICE1_NAMES = re.compile(r"<(/?)text:(?:ordered|unordered)-list\b|<text:tab-stop\b|<style:properties\b|<text:h\b[^>]*>")


def _openoffice1(xml: str) -> str:
    """OpenOffice 1.x XML with OpenDocument's names for its lists, headings, tabs and text properties."""
    def rename(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.startswith("<text:h"):
            return found.replace(" text:level=", " text:outline-level=")
        if found.startswith("<text:tab"):
            return "<text:tab"
        if found.startswith("<style"):
            return "<style:text-properties"
        return f"<{match.group(1)}text:list"

    return _OPENOFFICE1_NAMES.sub(rename, xml)


def _flat_pictures(xml: str) -> str:
    """A flat OpenDocument with each picture it holds (a ``draw:image`` holding ``office:binary-data``) naming
    itself as a zip's picture names its part: ``xlink:href="N/imageN.png"``, ``N`` its place among the stored
    pictures (see :mod:`.stored`), the extension sniffed from its bytes; the bytes are left out of the text."""
    counter = iter(range(len(xml)))

    def name(match: re.Match[str]) -> str:
        number = next(counter)
        if match.group(2) is None:
            return match.group(0)  # not a picture: counted as :mod:`.stored` counts
        kept = re.sub(r"""\s+xlink:href\s*=\s*(?:"[^"]*"|'[^']*')""", "", match.group(1))
        return f'<draw:image{kept} xlink:href="{number}/image{number + 1}{stored_extension(match.group(2))}">'

    return STORED.sub(name, xml)


def _key(member: str) -> str:
    return member.replace("\\", "/").lower()
