"""A zip file of a few members, each deflated on every core.

Contract: :func:`write_zip` writes ``members`` (name -> bytes, or the path of a
file to read) to a zip that any reader takes (``zipfile``, Anki's importer),
with fixed dates and modes so the same members give the same bytes. A member
is deflated in pieces, on every core at once: zlib lets go of the interpreter
while it works, and pieces that end on a sync flush join into one valid
deflate stream (as pigz does). A file member is read a few pieces at a time,
so a big one is never held whole. The 90 MB database of a 100,000-note
package takes half the time it takes in one piece.

A :class:`Pieces` carries a file member's deflated pieces from one write to
the next: a piece whose bytes are those the last write read at the same place
is copied from what it deflated then, not deflated again (a package rebuilt
after an edit changes a few pages of its database).

The format is written here rather than by ``zipfile``, which deflates a member
itself, in one piece, on one core. Members stay below 4 GB (no Zip64).
"""

from __future__ import annotations

import itertools
import os
import struct
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .parallel import cores

#: zlib's fastest level: half the time of the default 6 on a big deck, for a file a quarter bigger
#: (genanki itself stores the database uncompressed; Anki reads either).
LEVEL = 1
#: Bytes deflated as one piece: small enough that a rebuild deflates again little more than the pages
#: it changed, for a package half a percent bigger than with 4 MB pieces (77 kB of 14 MB at 100,000
#: notes: each piece starts without the last one's dictionary).
PIECE = 1 << 20
#: 1980-01-01 00:00 as MS-DOS time and date, the earliest a zip can hold.
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1
_MODE = 0o644 << 16  # -rw-r--r--, in the high half of the external attributes
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # on Unix, which is what gives the mode its meaning
_UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8
_LIMIT = 0xFFFFFFFF


#: A deflated piece: its size, its deflated size, and whether it ends the stream.
Piece = tuple[int, int, bool]


@dataclass
class Pieces:
    """A file member's deflated pieces, from the last write to this one.

    ``raw`` is the file the last write read and ``stream`` what it deflated,
    piece after piece (``pieces``); either may be missing (nothing to reuse).
    This write's deflated pieces are written to ``keep``, and :attr:`written`
    lists them, for the next write.
    """

    raw: Path | None
    stream: Path | None
    pieces: list[Piece]
    keep: Path
    written: list[Piece] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [0, *itertools.accumulate(size for size, _, _ in self.pieces)]
        self._offsets = [0, *itertools.accumulate(packed for _, packed, _ in self.pieces)]

    def known(self, index: int, piece: memoryview, last: bool) -> bytes | None:
        """The deflated bytes of ``piece`` (the ``index``-th) from the last write, if it read the same bytes there."""
        if self.raw is None or self.stream is None or index >= len(self.pieces):
            return None
        size, packed, was_last = self.pieces[index]
        if size != len(piece) or was_last != last:
            return None
        try:
            with self.raw.open("rb") as raw:
                if os.pread(raw.fileno(), size, self._starts[index]) != piece:
                    return None
            with self.stream.open("rb") as stream:
                data = os.pread(stream.fileno(), packed, self._offsets[index])
        except OSError:
            return None
        return data if len(data) == packed else None


def write_zip(path: Path, members: dict[str, bytes | Path], pieces: dict[str, Pieces] | None = None,
              stored: frozenset[str] = frozenset()) -> None:
    """Write ``members`` to a new zip file at ``path``, in order; a file member with :class:`Pieces`
    reuses what the last write deflated and keeps what this one does. The file members named in
    ``stored`` are copied as they are, not deflated (a picture or sound is compressed already)."""
    central: list[bytes] = []
    with path.open("wb") as out, ThreadPoolExecutor(cores()) as pool:
        for name, member in members.items():
            offset = out.tell()
            encoded = name.encode("utf-8")
            flags = 0 if name.isascii() else _UTF8_NAME
            method = 0 if name in stored and isinstance(member, Path) else 8
            header = struct.pack("<IHHHHH", 0x04034B50, _VERSION, flags, method, _DOS_TIME, _DOS_DATE)
            tail = struct.pack("<HH", len(encoded), 0) + encoded
            out.write(header + bytes(12) + tail)  # CRC and sizes are known once the data is written
            if method == 0:
                with member.open("rb") as data:  # type: ignore[union-attr]
                    crc, packed, size = _copy_to(out, _pieces(data))
            elif isinstance(member, Path):
                kept = (pieces or {}).get(name)
                with member.open("rb") as data:
                    if kept is None:
                        crc, packed, size = _deflate_to(out, _pieces(data), pool)
                    else:
                        with kept.keep.open("wb") as stream:
                            crc, packed, size = _deflate_to(out, _pieces(data), pool, kept, stream)
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
                struct.pack("<IHHHHHH", 0x02014B50, _MADE_BY, _VERSION, flags, method, _DOS_TIME, _DOS_DATE)
                + sizes
                + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, _MODE, offset)
                + encoded
            )
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0))


def _deflate_to(
    out: BinaryIO, pieces: Iterator[memoryview], pool: ThreadPoolExecutor,
    kept: Pieces | None = None, stream: BinaryIO | None = None,
) -> tuple[int, int, int]:
    """Write ``pieces`` to ``out`` as one deflate stream, deflating on every core at once; returns
    its CRC-32, its deflated size and its size. With ``kept``, a piece it knows is copied, and every
    deflated piece is also written to ``stream`` and listed in ``kept.written``."""
    crc = packed = size = 0
    window = 2 * cores()  # pieces read ahead and deflating at once: every core busy, little memory held

    def deflate(index: int, piece: memoryview, last: bool) -> bytes:
        known = kept.known(index, piece, last) if kept is not None else None
        return known if known is not None else _deflate(piece, last)

    def write(piece: memoryview, last: bool, done: Future[bytes]) -> None:
        nonlocal crc, packed, size
        data = done.result()
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        packed += len(data)
        out.write(data)
        if kept is not None and stream is not None:
            stream.write(data)
            kept.written.append((len(piece), len(data), last))

    running: deque[tuple[memoryview, bool, Future[bytes]]] = deque()
    piece = next(pieces, memoryview(b""))
    for index in itertools.count():
        ahead = next(pieces, None)  # the last piece ends the stream: look one ahead to know it
        running.append((piece, ahead is None, pool.submit(deflate, index, piece, ahead is None)))
        if len(running) == window:
            write(*running.popleft())
        if ahead is None:
            break
        piece = ahead
    while running:
        write(*running.popleft())
    return crc, packed, size


def _copy_to(out: BinaryIO, pieces: Iterator[memoryview]) -> tuple[int, int, int]:
    """Write ``pieces`` to ``out`` as they are; returns their CRC-32 and size (twice: stored)."""
    crc = size = 0
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        out.write(piece)
    return crc, size, size


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
