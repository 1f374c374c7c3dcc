"""What a build keeps for the next one: each source file's cards, and what it wrote.

What a file turns into depends only on its name and text, the forced layout,
the deck config, the media its references name and qadeck's own code. :class:`CardCache` stores each file's
rows (its :class:`~qadeck.model.ParseResult`, and for a build the HTML of its
cards' questions and answers, their plain text and their identity facts, worked
out where the file was parsed) in a small file named by a digest of all of those, so a
rebuild after editing one file parses, tags and renders that file only and
writes one small entry, and any change to qadeck or ``qadeck.yaml`` starts
afresh without a stale entry ever being read. Entries are written
(:func:`store`) where their files are parsed, and only by a build that keeps its
cache (never by a dry run): being named by its input, an entry is sound
whatever happens to the rest of the build. :func:`from_rows` reads rows
back as :class:`Kept`, taking HTML and facts only where they are sound.
Entries are JSON (made and read by orjson, five times as fast as the standard
library at making them), never pickle (a cache file must not be able to run
code); a damaged one is ignored. Entries no build has used for :data:`KEEP_DAYS` days
are deleted.

:class:`OutputStamps` remembers, for each file a build wrote, a digest of
everything that went into it (the cards with their identities, the deck, the
format, qadeck's code) and the file's size and time: when both still match, the
file is up to date and a rebuild leaves it alone instead of writing the same
bytes again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from ..config import DeckConfig
from ..errors import OutputError
from ..files import write_bytes_atomic, write_text_atomic
from ..model import Card, Finding, ParseResult, Source, new_card

#: One file as a build keeps it, in the card cache and on its way back from a parse worker:
#: ``[source, layout, cards, findings, rendered, facts]`` (see :func:`to_rows`, :func:`from_rows`).
Rows = list[Any]
#: Columns of strings, one value per card: ``[[question inline HTML…], [answer HTML…], [question plain
#: text…], [answer plain text…]]`` (rendered; a plain text is None where it is the text itself, as
#: most are) or identity's ``[[content hash…], [sketch…], [guid…]]`` (facts); None where not worked out.
Columns = list[list[str]] | list[list[str | None]] | None
#: Subfolder of the build's cache folder holding one entry per source file version.
CARDS_DIR = "cards"
KEEP_DAYS = 7
_QUESTION, _ANSWER = attrgetter("question"), attrgetter("answer")


@dataclass(frozen=True, slots=True)
class Kept:
    """A file's cards and what later stages worked out from them alone, read back from rows."""

    result: ParseResult
    #: The cards' HTML and plain text columns (see :data:`Columns`); None when not rendered (or damaged).
    rendered: Columns
    #: identity's facts of each card, in order (see :func:`qadeck.identity.facts`); None when absent.
    facts: list[tuple[str, str, str]] | None

    def html(self) -> Iterator[tuple[str, str]]:
        """(text, HTML) of every card's answer, to merge into a dict (in C, no loop here)."""
        return iter(()) if self.rendered is None else zip(map(_ANSWER, self.result.cards), self.rendered[1])

    def inline_html(self) -> Iterator[tuple[str, str]]:
        """(text, inline HTML) of every card's question."""
        return iter(()) if self.rendered is None else zip(map(_QUESTION, self.result.cards), self.rendered[0])

    def plain(self) -> Iterator[tuple[str, str | None]]:
        """(text, plain text, or None where that is the text) of the same."""
        return self._pairs(2)

    def _pairs(self, first: int) -> Iterator[tuple[str, Any]]:
        if self.rendered is None:
            return iter(())
        cards = self.result.cards
        return chain(zip(map(_QUESTION, cards), self.rendered[first]),
                     zip(map(_ANSWER, cards), self.rendered[first + 1]))


class CardCache:
    """Each source file's rows; ``folder`` None keeps nothing (``qadeck list``)."""

    def __init__(self, folder: Path | None, config: DeckConfig) -> None:
        self.folder = folder
        self.fingerprint = _fingerprint(config)
        self.used: set[Path] = set()
        self._stored: set[Path] = set()
        self.hits = 0

    def entry(self, source: Source, layout: str | None, media: str = "") -> Path | None:
        """Where the cards of ``source`` (as read with ``layout``, its references resolving to the
        ``media`` named so: see :meth:`qadeck.render.media.Scan.digest`) are kept; None when nothing is."""
        if self.folder is None:
            return None
        key = f"{self.fingerprint}\x00{source.name}\x00{layout or ''}\x00{source.encoding}\x00{media}\x00{source.text}"
        name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return self.folder / f"{name}.json"

    def get(self, path: Path | None) -> Kept | None:
        """The cards kept at ``path`` (an :meth:`entry`), or None when none are (or they are damaged)."""
        if path is None:
            return None
        try:
            kept = from_rows(orjson.loads(path.read_bytes()))
        except (OSError, ValueError, TypeError, IndexError):
            return None  # not there yet, or damaged: parse the file
        self.used.add(path)
        self.hits += 1
        return kept

    def stored(self, path: Path) -> None:
        """Note that the entry at ``path`` was just written (by :func:`store`, where its file was parsed)."""
        self.used.add(path)
        self._stored.add(path)

    def save(self) -> None:
        """Mark the entries used (but not just stored) as fresh and drop old unused ones."""
        if self.folder is None:
            return
        now = time.time()
        with suppress(OSError):  # another build pruning the same folder: nothing is lost
            for path in self.used - self._stored:
                os.utime(path, (now, now))
            for path in self.folder.glob("*.json"):
                if path not in self.used and now - path.stat().st_mtime > KEEP_DAYS * 86400:
                    path.unlink(missing_ok=True)


def store(path: Path, rows: Rows) -> bool:
    """Write ``rows`` as the card cache entry at ``path`` (see :meth:`CardCache.entry`); returns
    whether it was written. A cache that cannot be written is no error: the next build parses again,
    and the outputs, written after, report the folder if it is theirs too."""
    try:
        data = orjson.dumps(rows)  # a fifth of json.dumps's time: a cold build stores every card
    except TypeError:
        return False  # text orjson will not encode (a lone surrogate): the next build parses the file again
    try:
        write_bytes_atomic(path, data)
    except OutputError:
        return False
    return True


def prune_kept(folder: Path, current: Iterable[str]) -> None:
    """Delete each subfolder of ``folder`` (what one output keeps for its next write, by the output's
    file name) that no build has used for :data:`KEEP_DAYS` days: a deck renamed since, a filter not
    used since. The ``current`` outputs' folders are marked as used."""
    now = time.time()
    current = set(current)
    with suppress(OSError):  # another build pruning the same folder: nothing is lost
        for kept in folder.iterdir():
            if kept.name in current:
                os.utime(kept, (now, now))
            elif kept.is_dir() and now - kept.stat().st_mtime > KEEP_DAYS * 86400:
                shutil.rmtree(kept, ignore_errors=True)


class OutputStamps:
    """Digests of what went into each written file, kept in one small JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stamps: dict[str, list[Any]] = {}
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self._stamps = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                pass

    def current(self, target: Path, stamp: str) -> bool:
        """Is ``target`` the file a write with this ``stamp`` left, untouched since?"""
        return self._stamps.get(str(target)) == [stamp, *file_stamp(target)]

    def record(self, target: Path, stamp: str) -> None:
        self._stamps[str(target)] = [stamp, *file_stamp(target)]

    def save(self) -> None:
        if self.path is not None:
            write_text_atomic(self.path, json.dumps(self._stamps, ensure_ascii=False, indent=0))


def cards_digest(cards: list[Card], content: Mapping[str, str]) -> str:
    """A digest of every field of every card: what a writer gets from the pipeline.

    ``content`` maps each card's guid to identity's content hash of it (its
    question, answer, source, section, topics, level and inferred flag), so only
    the fields that hash leaves out are read here.
    """
    digest = hashlib.blake2b(digest_size=16)
    for n in range(0, len(cards), 1000):
        digest.update("\x01".join(
            f"{c.guid}\x00{content[c.guid]}\x00{c.mtime}\x00{c.lines[0]},{c.lines[1]}\x00{c.layout}"
            for c in cards[n : n + 1000]
        ).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def output_stamp(*parts: object) -> str:
    """The stamp of one output: its ``parts`` (format, deck, options, :func:`cards_digest`) and qadeck's code."""
    return hashlib.blake2b(f"{_code_version()}\x00{parts!r}".encode(), digest_size=16).hexdigest()


def file_stamp(path: Path) -> list[int]:
    """``path``'s size and modification time (ns), [-1, -1] when it cannot be read: whether a file is
    still the one a write left."""
    try:
        st = path.stat()
    except OSError:
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns]


def _fingerprint(config: DeckConfig) -> str:
    return hashlib.blake2b(f"{_code_version()}\x00{config!r}".encode(), digest_size=16).hexdigest()


@cache
def _code_version() -> str:
    """A digest of qadeck's own code: any change to a parser or rule makes old entries unreachable."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent  # all of qadeck, not just perf/
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# Cards and findings as lists of their fields, in declaration order: compact and quick to load,
# from a JSON entry or from a worker process (plain lists unpickle faster than dataclasses).


def to_rows(result: ParseResult, rendered: Columns = None, facts: Columns = None) -> Rows:
    cards = [
        [c.question, c.answer, c.source, c.section, c.lines, c.inferred, c.layout, c.topics, c.difficulty,
         c.difficulty_from]
        for c in result.cards
    ]
    findings = [[f.kind, f.source, f.line, f.message] for f in result.findings]
    return [result.source, result.layout, cards, findings, rendered, facts]


def from_rows(rows: Rows) -> Kept:
    """The file's cards, and the HTML and facts its rows hold where those are sound."""
    source, layout, cards, findings = rows[:4]
    result = ParseResult(
        source=source,
        layout=layout,
        cards=tuple(
            new_card(q, a, src, section, (lines[0], lines[1]), inferred, lay, tuple(topics), level, "", 0, by)
            for q, a, src, section, lines, inferred, lay, topics, level, by in cards
        ),
        findings=tuple(Finding(*f) for f in findings),
    )
    rendered = _columns(rows[4] if len(rows) > 4 else None, 4, len(result.cards), plain=(2, 3))
    facts = _columns(rows[5] if len(rows) > 5 else None, 3, len(result.cards))
    return Kept(result, rendered, list(zip(*facts)) if facts else None)


def plain_column(texts: list[str], plain: list[str]) -> list[str | None]:
    """Plain texts as rows keep them: None where one is its text (the same object once read back)."""
    return [None if p == t else p for t, p in zip(texts, plain)]


def _columns(value: Any, count: int, length: int, plain: tuple[int, ...] = ()) -> Columns:
    """``value`` if it is ``count`` lists of ``length`` strings each (or None, in the ``plain``
    columns), else None (absent or damaged)."""
    if not (isinstance(value, list) and len(value) == count):
        return None
    if not all(isinstance(column, list) and len(column) == length for column in value):
        return None
    try:
        # a TypeError unless every value is text: checked in C
        "".join("".join(column if n not in plain else [v for v in column if v is not None])
                for n, column in enumerate(value))
    except TypeError:
        return None
    return value
