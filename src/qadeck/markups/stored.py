"""Pictures stored as base64 inside an XML file (flat OpenDocument, Moodle XML), and what kind a picture is.

Contract: a flat XML file names no part for a picture it holds, so its reader
names each by its place: ``N/name``, the ``N``-th (from 0) payload
:data:`STORED` finds in the file, and a name (Moodle's own, or ``imageN`` and
the extension :func:`stored_extension` sniffs from the bytes). The readers
(:mod:`.archive`'s flat OpenDocument, :mod:`.moodlexml`) and
:func:`.parts.stored`, which reads the bytes back, count with the one pattern
here, so they agree on ``N``. :func:`kind` tells a picture or sound by its
first bytes, never by its name.
"""

from __future__ import annotations

import base64
import re

#: What Anki reads as a sound or video (``[sound:…]``); the other media are pictures.
SOUNDS = frozenset({".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".flac", ".aac", ".mp4", ".webm", ".mov"})
#: The first bytes of each kind of media Anki shows or plays (ISO media files, MPEG audio and SVG: in :func:`kind`).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"), (b"\xff\xd8\xff", ".jpg"), (b"GIF87a", ".gif"), (b"GIF89a", ".gif"),
    (b"BM", ".bmp"), (b"II*\x00", ".tif"), (b"MM\x00*", ".tif"), (b"\x00\x00\x01\x00", ".ico"),
    (b"ID3", ".mp3"), (b"OggS", ".ogg"), (b"fLaC", ".flac"), (b"\x1a\x45\xdf\xa3", ".webm"), (b"ADIF", ".aac"),
)
#: The boxes an ISO media file (MP4, M4A, MOV, AVIF) may open with.
_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")
_SVG = re.compile(rb"\s*<(?:\?xml|svg\b|!--|!DOCTYPE svg)", re.IGNORECASE)
#: Extensions that name the same kind :func:`kind` gives under another name.
_SAME = {".jpeg": ".jpg", ".tiff": ".tif", ".oga": ".ogg", ".opus": ".ogg", ".m4a": ".mp4", ".mov": ".mp4"}

#: A picture a flat OpenDocument file holds: a ``draw:image`` whose content is its bytes in base64 (groups 1, 2);
#: a file a Moodle XML bank holds: ``<file name="x.png" path="/" encoding="base64">`` and its bytes (groups 3, 4).
_PATTERN = (r"<draw:image\b((?:[^>/]|/(?!>))*)>\s*<office:binary-data\s*>([^<]*)</office:binary-data\s*>"
            r"|<file\b((?:[^>/]|/(?!>))*)>([^<]*)</file\s*>")
STORED = re.compile(_PATTERN)
#: :data:`STORED` on the file's bytes (what :func:`.parts.stored` reads back).
STORED_BYTES = re.compile(_PATTERN.encode())


def kind(head: bytes) -> str:
    """The extension of the kind of media ``head`` (a file's first bytes) opens as, "" when none Anki shows
    or plays: ``.svg`` for SVG, ``.mp4`` for any ISO media file but AVIF, ``.mp3`` or ``.aac`` for MPEG audio."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    for magic, extension in _MAGIC:
        if head.startswith(magic):
            return extension
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE"):
        return ".webp" if head[8:12] == b"WEBP" else ".wav"
    if head[4:8] in _ISO_BOXES:
        return ".avif" if head[8:12] in (b"avif", b"avis") else ".mp4"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return ".aac" if head[1] & 0x06 == 0 else ".mp3"  # ADTS has layer 0; MPEG audio layers 1-3
    return ".svg" if _SVG.match(head) else ""


def is_a(extension: str, head: bytes) -> bool:
    """Whether ``head`` opens a picture when ``extension`` names a picture, a sound when it names a sound (a
    PNG called ``.jpg`` is still shown: browsers look at the bytes; a web page called ``.png`` is not)."""
    found = kind(head)
    return bool(found) and (found in SOUNDS) == (_SAME.get(extension, extension) in SOUNDS)


def stored_extension(payload: str) -> str:
    """The extension of the picture ``payload`` (base64) holds, from its first bytes; ``.bin`` when it is
    none Anki shows (a Windows metafile, say: then reported as a picture Anki cannot show)."""
    head = re.sub(r"\s+", "", payload[:96])[:24]
    try:
        found = kind(base64.b64decode(head + "=" * (-len(head) % 4)))
    except ValueError:
        found = ""
    return found or ".bin"
