"""The lock file, ``qadeck.lock`` beside the sources: what identity remembers.

One JSON object per line (diff-friendly, readable, easy to merge): a header
line, then one line per card in source order with its guid, where it is, its
question, a hash of its content, the time that content last changed, and a
small sketch of its answer words for fuzzy matching. It is committed with the
sources; without it, reworded questions become new cards (duplicates on re-import)
and every card gets a new time, overwriting edits made inside Anki.
Writes go through a temporary file and a rename, so it is never half-written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from json.encoder import encode_basestring
from pathlib import Path

from ..errors import SourceError
from ..model import quick_init

LOCK_NAME = "qadeck.lock"
VERSION = 1


@quick_init
@dataclass(frozen=True, slots=True)
class LockEntry:
    """One card's line."""

    guid: str
    source: str
    #: Index of the card within its source (0-based).
    pos: int
    question: str
    #: Hash of everything that ends up in the note (see ``identity.content_hash``).
    hash: str
    #: Unix time the content last changed: the note's mod time in the package.
    mtime: int
    #: Bottom-k sketch of the answer's words, for "similar answer" (hex).
    sketch: str


@dataclass(frozen=True, slots=True)
class Lock:
    entries: tuple[LockEntry, ...] = ()
    path: Path | None = None


def read(path: Path) -> Lock:
    if not path.exists():
        return Lock(path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read lock file: {exc}", path) from exc
    _, _, body = text.partition("\n")
    array = "[" + body.strip("\n").replace("\n", ",") + "]"  # the lines after the header, as one JSON array
    try:  # one decode for the whole file: a tenth of the time of a decode per line
        entries = [LockEntry(**data) for data in json.loads(array)]
    except (ValueError, TypeError):  # a damaged line, or a blank one: line by line
        # split on "\n" only: splitlines() would also split at U+2028 or U+0085, which JSON leaves raw
        lines = enumerate(text.split("\n"), start=1)
        entries = [_entry(path, number, line) for number, line in lines if number > 1 and line.strip()]
    return Lock(tuple(entries), path)


def _entry(path: Path, number: int, line: str) -> LockEntry:
    try:
        return LockEntry(**json.loads(line))
    except (ValueError, TypeError) as exc:
        raise SourceError(
            "lock file line is damaged; restore it from version control "
            f"(or delete the file to start identities afresh): {exc}",
            path,
            number,
        ) from exc


#: Field names in declaration order: the order of the keys on each line.
_FIELDS = tuple(f.name for f in fields(LockEntry))
#: One line with a ``%s`` per value, keys and separators exactly as ``json.dumps`` writes them.
_LINE = "{" + ", ".join(f"{json.dumps(name)}: %s" for name in _FIELDS) + "}"


def dumps(lock: Lock) -> str:
    header = json.dumps({"qadeck-lock": VERSION, "note": "card identities; commit with sources"})
    return "\n".join([header, *map(_line, lock.entries)]) + "\n"


def _line(e: LockEntry) -> str:
    """``json.dumps(asdict(entry), ensure_ascii=False)`` at a sixth of the cost: a deck may have 100,000.

    ``tests/test_identity.py`` checks the two agree for any entry.
    """
    q = encode_basestring
    return _LINE % (q(e.guid), q(e.source), e.pos, q(e.question), q(e.hash), e.mtime, q(e.sketch))


def write(lock: Lock, path: Path) -> None:
    path.write_text(dumps(lock), encoding="utf-8")
