"""EPUB books (``.epub``) as Markdown: their XHTML chapters in reading order, each read as an HTML page.

An EPUB is a zip: ``META-INF/container.xml`` names the package file (OPF),
whose manifest lists the book's files and whose spine gives the chapters'
reading order. Each chapter in the spine is read by :mod:`.html` (headings,
paragraphs, lists, ``<dt>`` terms as bold questions; navigation, such as
the book's table of contents, left out; a cover or title page left out), and
the chapters are joined. A picture a chapter shows (``<img src="../Images/x.png">``)
that the book holds is written as a reference to that member of the zip
(:func:`.archive.picture`), so it reaches the deck; one the book does not hold
(or that names a place outside it) is its alt text; a remote one stays remote. The
XML is scanned with regular expressions, never parsed (see
:mod:`.archive`). A book whose chapters are encrypted (DRM) is one
:class:`SourceError` naming it; fonts obfuscated as EPUB allows are no
matter, as fonts are not read.
"""

from __future__ import annotations

import html as entities
import posixpath
import re
from urllib.parse import quote, unquote

from ..errors import SourceError
from . import html
from .archive import PART, Archive

_KIND = "EPUB book"
_ROOTFILE = re.compile(r"<(?:\w+:)?rootfile\b[^>]*>")
_ITEM = re.compile(r"<(?:\w+:)?item\b[^>]*>")
_ITEMREF = re.compile(r"<(?:\w+:)?itemref\b[^>]*>")
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CIPHER = re.compile(r"<(?:\w+:)?CipherReference\b[^>]*>")
#: A cover or title page (by its EPUB semantics): the book's title, author and edition, no questions.
_FRONT = re.compile(r"""epub:type\s*=\s*["'][^"']*\b(?:cover|titlepage)\b""")
#: What a chapter can be: XHTML, or the HTML that EPUB 2 books sometimes declare.
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+:")


def to_markdown(data: bytes, name: str = "<epub>") -> str:
    archive = Archive(data, name, _KIND)
    rootfiles = [_attributes(tag).get("full-path", "") for tag in _ROOTFILE.findall(archive.text("META-INF/container.xml"))]
    if not rootfiles or not archive.has(rootfiles[0]):
        raise archive.damaged("no package file named in META-INF/container.xml")
    chapters = _spine(archive.text(rootfiles[0]), posixpath.dirname(rootfiles[0]))
    if not chapters:
        raise archive.damaged("no chapter in its spine")
    ciphers = _CIPHER.findall(archive.text("META-INF/encryption.xml"))
    if {_member(_attributes(tag).get("URI", ""), "") for tag in ciphers}.intersection(chapters):
        raise SourceError(f"a DRM-protected {_KIND}: its chapters are encrypted; only DRM-free books can be read", name)
    pages = [_pictures(archive.text(chapter), chapter, archive) for chapter in chapters if archive.has(chapter)]
    parts = [html.to_markdown(page).strip("\n") for page in pages if not _FRONT.search(page)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _pictures(page: str, chapter: str, archive: Archive) -> str:
    """The chapter ``page`` (the zip's member ``chapter``) with each picture it shows naming the book's member
    that holds it (see the module docstring)."""
    if "<img" not in page.lower():
        return page

    def swap(found: re.Match[str]) -> str:
        attributes = {key.lower(): value for key, value in _attributes(found.group()).items()}
        src, alt = attributes.get("src", "").strip(), " ".join(attributes.get("alt", "").replace("[", " ").replace("]", " ").split())
        if _SCHEME.match(src):
            return found.group()  # remote: left as written, never fetched
        member = _member(src, posixpath.dirname(chapter))
        if not member or member.startswith("../") or not archive.has(member):
            return entities.escape(alt, quote=False)
        return f'<img src="{PART}{quote(member, safe="/")}" alt="{entities.escape(alt)}">'

    return _IMG.sub(swap, page)


def _spine(opf: str, folder: str) -> list[str]:
    """The zip members of the chapters in reading order (a navigation document among them is its ``<nav>``,
    which :mod:`.html` leaves out; an item out of the reading order is left out too)."""
    manifest = {}
    for tag in _ITEM.findall(opf):
        item = _attributes(tag)
        if item.get("media-type") in _CHAPTER_TYPES:
            manifest[item.get("id", "")] = _member(item.get("href", ""), folder)
    spine = [_attributes(tag) for tag in _ITEMREF.findall(opf)]
    # linear="no": content out of the reading order (a cover, pop-up notes), as reading systems skip it
    order = [manifest[ref["idref"]] for ref in spine if ref.get("idref") in manifest and ref.get("linear") != "no"]
    return list(dict.fromkeys(order))  # a chapter listed twice is read once


def _attributes(tag: str) -> dict[str, str]:
    """A tag's attributes, names without their namespace prefix, values unescaped."""
    return {key.rsplit(":", 1)[-1]: entities.unescape(double or single) for key, double, single in _ATTRIBUTE.findall(tag)}


def _member(href: str, folder: str) -> str:
    """The zip member a manifest's ``href`` names, relative to the package file's folder."""
    path = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(folder, path)).lstrip("/") if path else ""
