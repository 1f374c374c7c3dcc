"""A compound-file (OLE) writer for the tests' own binary Office files: named streams in one root storage.

Version 3 files with 512-byte sectors, the way Office 97-2003 wrote them. Every stream is padded to the
mini-stream cutoff (4,096 bytes), so all live in ordinary sectors and no mini stream is needed; the readers
under test take a stream's records from its start and ignore what follows them.
"""

from __future__ import annotations

import struct

SECTOR = 512
CUTOFF = 4096
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_ENTRY = 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` (name -> bytes) in its root storage."""
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    data = b""
    chains: list[tuple[int, int]] = []  # each stream's first sector and sector count
    for name in names:
        body = streams[name].ljust(CUTOFF, b"\0")
        body += b"\0" * (-len(body) % SECTOR)
        chains.append((len(data) // SECTOR, len(body) // SECTOR))
        data += body
    entries = [_entry("Root Entry", 5, END, 0, child=1 if names else NO_ENTRY)]
    for number, (name, (first, _count)) in enumerate(zip(names, chains)):
        following = number + 2 if number + 1 < len(names) else NO_ENTRY  # a chain of right siblings, in name order
        entries.append(_entry(name, 2, first, len(streams[name].ljust(CUTOFF, b"\0")), right=following))
    directory = b"".join(entries)
    directory += b"\0" * (-len(directory) % SECTOR)
    directory_first = len(data) // SECTOR
    directory_count = len(directory) // SECTOR
    used = directory_first + directory_count
    fat_count = 1
    while (used + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat = [FREE] * (fat_count * SECTOR // 4)
    for first, count in [*chains, (directory_first, directory_count)]:
        for sector in range(first, first + count):
            fat[sector] = sector + 1 if sector + 1 < first + count else END
    for sector in range(used, used + fat_count):
        fat[sector] = FAT_SECTOR
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", bytes(16), 0x3E, 3, 0xFFFE, 9, 6, bytes(6),
        0, fat_count, directory_first, 0, CUTOFF, END, 0, END, 0,
    )
    difat = [used + n for n in range(fat_count)] + [FREE] * (109 - fat_count)
    header += struct.pack("<109I", *difat)
    return header + data + directory + struct.pack(f"<{len(fat)}I", *fat)


def _entry(name: str, kind: int, first: int, size: int, right: int = NO_ENTRY, child: int = NO_ENTRY) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, NO_ENTRY, right, child,
                       bytes(16), 0, 0, 0, first, size)
