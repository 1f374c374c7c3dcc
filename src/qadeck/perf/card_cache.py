"""What a build keeps for the next one: each source file's cards, and what it wrote.

What a file turns into depends only on its name and text, the forced layout,
the deck config, the media its references name and qadeck's own code.
:class:`CardCache` stores each file's :class:`Kept` (its
:class:`~qadeck.model.ParseResult`, and for a build the HTML and plain text of
its cards and their identity facts, worked out where the file was parsed) in a
small file named by a digest of all of those, so a rebuild after editing one
file parses, tags and renders that file only, and any change to qadeck or
``qadeck.yaml`` starts afresh without a stale entry ever being read. Entries
are written (:func:`store`) where their files are parsed, and only by a build
that keeps its cache (never by a dry run): being named by its input, an entry
is sound whatever happens to the rest of the build.

An entry is JSON (orjson: a cache file must not be able to run code, as a
pickle could), each dataclass as named columns of its fields' values
(:func:`encode`, :func:`decode`); the same bytes carry a file's work back from a
parse worker. A damaged entry is ignored. Entries no build has used for
:data:`KEEP_DAYS` days are deleted.

:class:`OutputStamps` remembers, for each file a build wrote, a digest of
everything that went into it (the cards with their identities, the deck, the
format, qadeck's code) and the file's size and time: when both still match, the
file is up to date and a rebuild leaves it alone instead of writing the same
bytes again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, fields
from functools import cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from ..config import DeckConfig
from ..errors import OutputError
from ..files import write_bytes_atomic, write_text_atomic
from ..identity import Facts
from ..model import Card, Finding, ParseResult, Source

#: Subfolder of the build's cache folder holding one entry per source file version.
CARDS_DIR = "cards"
KEEP_DAYS = 7
_QUESTION, _ANSWER = attrgetter("question"), attrgetter("answer")


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a file's cards look like in the outputs, in card order."""

    #: Each question as inline HTML (a package's Question field).
    question_html: tuple[str, ...]
    #: Each answer as HTML.
    answer_html: tuple[str, ...]
    #: Each question as plain text (CSV and the other plain formats), None where that is the text itself.
    question_plain: tuple[str | None, ...]
    #: Each answer as plain text, likewise.
    answer_plain: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class Kept:
    """A file's cards and what later stages work out from them alone."""

    result: ParseResult
    #: The cards rendered; None when not (a command that writes nothing).
    rendered: Rendered | None = None
    #: Identity's facts of each card, in order; None when not worked out.
    facts: tuple[Facts, ...] | None = None

    def html(self) -> Iterator[tuple[str, str]]:
        """(text, HTML) of every card's answer, to merge into a dict (in C, no loop here)."""
        return iter(()) if self.rendered is None else zip(map(_ANSWER, self.result.cards), self.rendered.answer_html)

    def inline_html(self) -> Iterator[tuple[str, str]]:
        """(text, inline HTML) of every card's question."""
        if self.rendered is None:
            return iter(())
        return zip(map(_QUESTION, self.result.cards), self.rendered.question_html)

    def plain(self) -> Iterator[tuple[str, str | None]]:
        """(text, plain text, or None where that is the text) of every question and answer."""
        if self.rendered is None:
            return iter(())
        cards = self.result.cards
        return chain(zip(map(_QUESTION, cards), self.rendered.question_plain),
                     zip(map(_ANSWER, cards), self.rendered.answer_plain))


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
            kept = decode(path.read_bytes())
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
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


class DocumentTexts:
    """The text each binary document (PDF, EPUB, Word …) was read as, kept in ``folder`` (the cards'
    folder, pruned with them) by a digest of its bytes and qadeck's code: a rebuild, or the deck's name
    taken from a one-file deck's title, does not read an unchanged PDF again (pypdf takes about a second
    for every 20 pages). ``folder`` None keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def document_text(self, suffix: str, data: bytes, read: Callable[[], str]) -> str:
        """The text of a document ending in ``suffix`` and holding ``data``; ``read()`` reads it when it is
        not kept, and what it raises is not kept."""
        if self.folder is None:
            return read()
        prefix = f"{_code_version()}\x00{_reader_versions()}\x00{suffix}\x00"
        key = hashlib.blake2b(prefix.encode() + data, digest_size=16).hexdigest()
        path = self.folder / f"{key}.text.json"
        with suppress(OSError, ValueError):
            text = orjson.loads(path.read_bytes())
            if isinstance(text, str):
                now = time.time()
                os.utime(path, (now, now))  # used: kept from pruning
                return text
        text = read()
        with suppress(OutputError, TypeError):  # a cache that cannot be written costs only time
            write_bytes_atomic(path, orjson.dumps(text))
        return text


def store(path: Path, data: bytes) -> bool:
    """Write ``data`` (:func:`encode`) as the card cache entry at ``path`` (see :meth:`CardCache.entry`);
    returns whether it was written. A cache that cannot be written is no error: the next build parses
    again, and the outputs, written after, report the folder if it is theirs too."""
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

    def targets(self) -> list[Path]:
        """The files the stamps are of: what the last builds into this folder wrote."""
        return [Path(name) for name in self._stamps]

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


def file_stamp(path: str | Path) -> list[int]:
    """``path``'s size and modification time (ns), [-1, -1] when it cannot be read: whether a file is
    still the one a write left."""
    try:
        st = os.stat(path)
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


@cache
def _reader_versions() -> str:
    """The versions of the libraries documents are read with: a pypdf that reads PDFs better makes old texts
    unreachable, as a change to qadeck's own code does."""
    found = []
    for library in ("pypdf",):
        try:
            found.append(f"{library}={importlib.metadata.version(library)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{library}=none")
    return ",".join(found)


def encode(kept: Kept) -> bytes:
    """``kept`` as JSON, each list of dataclasses as columns named by their fields: a fifth of the size
    of an object per card, and read back as quickly. Raises TypeError on text orjson will not encode
    (a lone surrogate)."""
    result = kept.result
    return orjson.dumps({
        "source": result.source,
        "layout": result.layout,
        "cards": _columns(result.cards, Card),
        "findings": _columns(result.findings, Finding),
        "rendered": None if kept.rendered is None else {f.name: getattr(kept.rendered, f.name) for f in fields(Rendered)},
        "facts": None if kept.facts is None else _columns(kept.facts, Facts),
    })


def decode(data: bytes, trusted: bool = False) -> Kept:
    """The :class:`Kept` that :func:`encode` gave ``data``; raises ValueError, TypeError or KeyError
    when ``data`` is not one (damaged, or from another version of a dataclass). ``trusted`` bytes
    (:func:`encode`'s own, handed back by a parse worker) skip the check of each value's type."""
    check = _no_check if trusted else _check
    entry = orjson.loads(data)
    cards = _rows(entry["cards"], Card, check)
    result = ParseResult(_text(entry["source"]), _text(entry["layout"]), cards,
                         _rows(entry["findings"], Finding, check))
    rendered = entry["rendered"]
    if rendered is not None:
        for f in fields(Rendered):
            check(rendered[f.name], str(f.type).removeprefix("tuple[").removesuffix(", ...]"), len(cards))
        rendered = Rendered(**{f.name: tuple(rendered[f.name]) for f in fields(Rendered)})
    facts = entry["facts"]
    if facts is not None:
        facts = _rows(facts, Facts, check)
        if len(facts) != len(cards):
            raise ValueError("facts do not match the cards")
    return Kept(result, rendered, facts)


def _columns(items: Iterable[Any], cls: type) -> dict[str, list[Any]]:
    """The values of each field of ``items`` (instances of the dataclass ``cls``), by field name."""
    items = list(items)
    return {f.name: list(map(attrgetter(f.name), items)) for f in fields(cls)}


def _rows(columns: dict[str, list[Any]], cls: type, check: Callable[[Any, str, int], None]) -> tuple[Any, ...]:
    """Instances of the dataclass ``cls`` from :func:`_columns`, each value checked against its
    field's type by ``check`` (a tuple field gets tuples back from JSON's lists). Raises KeyError for
    a missing field, ValueError or TypeError for a value of the wrong type or columns of different lengths."""
    values = []
    length = len(next(iter(columns.values()), []))
    for f in fields(cls):
        column = columns[f.name]
        check(column, str(f.type), length)
        values.append(list(map(tuple, column)) if str(f.type).startswith("tuple") else column)
    return tuple(cls(*row) for row in zip(*values, strict=True))


def _check(column: Any, kind: str, length: int) -> None:
    """Raise TypeError or ValueError unless ``column`` is a list of ``length`` values of type ``kind``
    (a field's type as written: ``str``, ``int``, ``tuple[str, ...]``…). Text is checked by joining
    it, in C: a build reads 100,000 cards so."""
    if not isinstance(column, list) or len(column) != length:
        raise ValueError("a column of the wrong length")
    if kind == "str":
        "".join(column)
    elif kind == "str | None":
        "".join(v for v in column if v is not None)
    elif kind == "tuple[str, ...]":
        "".join(map("".join, column))
    elif kind in ("int", "bool"):
        if not all(type(v) is (int if kind == "int" else bool) for v in column):
            raise TypeError(f"a value that is not {kind}")
    elif kind == "tuple[int, int]":
        if not all(type(v) is list and len(v) == 2 and type(v[0]) is type(v[1]) is int for v in column):
            raise TypeError("a line range that is not two numbers")
    else:
        raise TypeError(f"no check for a field of type {kind}")  # a new field: add its check here


def _no_check(column: Any, kind: str, length: int) -> None:
    """:func:`_check` for bytes this build's own workers encoded: the lengths only."""
    if len(column) != length:
        raise ValueError("a column of the wrong length")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value
