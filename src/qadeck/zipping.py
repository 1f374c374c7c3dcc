"""A zip file of a few members, each deflated on every core.

Contract: :func:`write_zip` writes ``members`` (name -> bytes, or the path of a
file to read) to a zip that any reader takes (``zipfile``, Anki's importer),
with fixed dates and modes so the same members give the same bytes. A member
is deflated in pieces, one per core at a time: zlib lets go of the interpreter
while it works, and pieces that end on a sync flush join into one valid
deflate stream (as pigz does). A file member is read a few pieces at a time,
so a big one is never held whole. The 90 MB database of a 100,000-note
package takes half the time it takes in one piece.

The format is written here rather than by ``zipfile``, which deflates a member
itself, in one piece, on one core. Members stay below 4 GB (no Zip64).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from .parallel import cores

#: zlib's fastest level: half the time of the default 6 on a big deck, for a file a quarter bigger
#: (genanki itself stores the database uncompressed; Anki reads either).
LEVEL = 1
#: Bytes deflated as one piece.
PIECE = 4 << 20
#: 1980-01-01 00:00 as MS-DOS time and date, the earliest a zip can hold.
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1
_MODE = 0o644 << 16  # -rw-r--r--, in the high half of the external attributes
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # on Unix, which is what gives the mode its meaning
_UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8
_LIMIT = 0xFFFFFFFF


def write_zip(path: Path, members: dict[str, bytes | Path]) -> None:
    """Write ``members`` to a new zip file at ``path``, in order."""
    central: list[bytes] = []
    with path.open("wb") as out, ThreadPoolExecutor(cores()) as pool:
        for name, member in members.items():
            offset = out.tell()
            encoded = name.encode("utf-8")
            flags = 0 if name.isascii() else _UTF8_NAME
            header = struct.pack("<IHHHHH", 0x04034B50, _VERSION, flags, 8, _DOS_TIME, _DOS_DATE)
            tail = struct.pack("<HH", len(encoded), 0) + encoded
            out.write(header + bytes(12) + tail)  # CRC and sizes are known once the data is written
            if isinstance(member, Path):
                with member.open("rb") as data:
                    crc, packed, size = _deflate_to(out, _pieces(data), pool)
            else:
                crc, packed, size = _deflate_to(out, _slices(member), pool)
            if max(size, packed, out.tell()) >= _LIMIT:
                raise ValueError(f"{name}: too big for a zip without Zip64")
            sizes = struct.pack("<III", crc, packed, size)
            end = out.tell()
            out.seek(offset + len(header))
            out.write(sizes)
            out.seek(end)
            central.append(
                struct.pack("<IHHHHHH", 0x02014B50, _MADE_BY, _VERSION, flags, 8, _DOS_TIME, _DOS_DATE)
                + sizes
                + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, _MODE, offset)
                + encoded
            )
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0))


def _deflate_to(out: BinaryIO, pieces: Iterator[memoryview], pool: ThreadPoolExecutor) -> tuple[int, int, int]:
    """Write ``pieces`` to ``out`` as one deflate stream, deflating one per core at a time; returns
    its CRC-32, its deflated size and its size."""
    crc = packed = size = 0
    width = cores()

    def write(group: list[memoryview], final: bool) -> None:
        nonlocal crc, packed, size
        lasts = [final and n == len(group) - 1 for n in range(len(group))]
        for piece, data in zip(group, pool.map(_deflate, group, lasts)):
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            packed += len(data)
            out.write(data)

    group: list[memoryview] = []
    for piece in pieces:
        if len(group) == width:  # another piece follows: none of these ends the stream
            write(group, final=False)
            group = []
        group.append(piece)
    write(group or [memoryview(b"")], final=True)
    return crc, packed, size


def _slices(data: bytes, piece: int | None = None) -> Iterator[memoryview]:
    """``data`` in pieces of ``piece`` bytes (default :data:`PIECE`), not copied."""
    piece = piece or PIECE
    view = memoryview(data)
    for n in range(0, len(data), piece):
        yield view[n : n + piece]


def _pieces(handle: BinaryIO) -> Iterator[memoryview]:
    while piece := handle.read(PIECE):
        yield memoryview(piece)


def _deflate(data: memoryview, last: bool) -> bytes:
    """One piece: the last ends the stream; the others end on a byte boundary, the stream left open."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)
