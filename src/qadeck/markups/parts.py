"""Pictures and sounds a source file holds inside itself, read back by the name its reader gave them.

Contract: a reader that meets a picture stored in the file it reads writes it
as a Markdown image whose target is ``document-part:`` and the picture's name
inside that file (:func:`.archive.picture`); :func:`read` gives that picture's
bytes from that one file, and :data:`HOLDERS` are the extensions of the files
that may hold one. How the name is looked up depends on what the file is, told
by its first bytes, never by joining the name to a path:

* a zip document (Word, OpenDocument, PowerPoint, EPUB, a QTI quiz package): the zip member of that
  name (:func:`.archive.read_part`);
* an Anki package: the name in the package's ``media`` map, read from the
  numbered member the map gives it (:func:`.apkg.read_media`);
* a flat XML file (flat OpenDocument, a Moodle XML bank): ``N/name``, the
  ``N``-th picture stored in the file as base64 (:func:`stored`);
* a Word 97-2003 document: ``N/name``, the picture whose header is at ``N`` in
  its ``Data`` stream (:func:`.doc.read_picture`).

Whatever the file, a picture that unpacks to over
:data:`~.archive.MAX_PART_BYTES` is refused unread, and its bytes must be a
picture or a sound as its name says (:func:`.stored.is_a`): a ``.png`` that
holds a web page is refused.
"""

from __future__ import annotations

import base64
import functools
import html
import os
import re
import zipfile

from ..errors import SourceError
from . import apkg, archive, doc
from .archive import MAX_PART_BYTES, MAX_XML_BYTES, OLE_MAGIC
from .stored import STORED_BYTES, is_a

#: Extensions of the files whose pictures their readers write as ``document-part:`` targets.
HOLDERS = frozenset({
    ".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".fodt", ".odp", ".otp", ".fodp",
    ".pptx", ".pptm", ".ppsx", ".ppsm", ".potx", ".potm", ".ppt", ".pps", ".pot", ".epub", ".apkg", ".colpkg", ".xml", ".doc", ".zip", ".imscc", ".h5p",
})
_NAME = re.compile(rb"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def read(path: str, member: str, cap: int = MAX_PART_BYTES) -> bytes:
    """The bytes of the picture or sound called ``member`` inside the file at ``path`` (see the module
    docstring); :class:`SourceError` says why not: no such picture, too big, not what its name says, a
    damaged file."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(OLE_MAGIC))
    except OSError as exc:
        raise SourceError(f"cannot read the picture ({exc.strerror or exc})", path) from exc
    if head.startswith(b"PK"):
        data = apkg.read_media(path, member, cap) if _is_anki_package(path) else archive.read_part(path, member, cap)
    elif head == OLE_MAGIC:
        data = doc.read_picture(path, member, cap)
    else:
        data = stored(path, member, cap)
    extension = os.path.splitext(member)[1].lower()
    if not is_a(extension, data[:32]):
        raise SourceError(f"not a picture or sound Anki can show: its bytes are no {extension}", path)
    return data


def _is_anki_package(path: str) -> bool:
    try:
        with zipfile.ZipFile(path) as package:
            return any(name in package.NameToInfo for name, _ in apkg.COLLECTIONS)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def stored(path: str, member: str, cap: int = MAX_PART_BYTES) -> bytes:
    """The bytes of ``N/name``: the ``N``-th (from 0) picture stored as base64 in the flat XML file at
    ``path`` (see :mod:`.stored`); a Moodle file's own name must be ``name`` too."""
    number, _, name = member.partition("/")
    spans = _spans(path, *_stamp(path))
    if not number.isdigit() or int(number) >= len(spans):
        raise SourceError("no such picture in the document", path)
    start, end, called = spans[int(number)]
    if called is not None and called != name:
        raise SourceError("no such picture in the document", path)
    if (end - start) * 3 // 4 > cap + 3:  # base64 holds 3 bytes in 4 characters (and line breaks)
        raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
    with open(path, "rb") as file:
        file.seek(start)
        payload = file.read(end - start)
    try:
        data = base64.b64decode(payload)
    except ValueError as exc:
        raise SourceError(f"cannot read the picture ({exc})", path) from exc
    if len(data) > cap:
        raise SourceError(f"a picture that unpacks to over {cap} bytes: too big to read", path)
    return data


def _stamp(path: str) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError as exc:
        raise SourceError(f"cannot read the picture ({exc.strerror or exc})", path) from exc
    return status.st_size, status.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _spans(path: str, size: int, _modified: int) -> list[tuple[int, int, str | None]]:
    """(start, end, Moodle's name or None) of each base64 payload in the file, in order: the file is scanned
    once for all the pictures it holds while it does not change."""
    if size > MAX_XML_BYTES:
        raise SourceError(f"a document of over {MAX_XML_BYTES} bytes: too big to read", path)
    with open(path, "rb") as file:
        data = file.read()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("a picture in a UTF-16 document, not read", path)
    spans: list[tuple[int, int, str | None]] = []
    for found in STORED_BYTES.finditer(data):
        if found.group(2) is not None:
            spans.append((found.start(2), found.end(2), None))
        else:
            named = _NAME.search(found.group(3))
            name = (named.group(1) or named.group(2) or b"").decode("utf-8", "replace") if named else ""
            spans.append((found.start(4), found.end(4), html.unescape(name)))
    return spans
