"""Pictures and sounds the sources refer to: found, named for Anki, and written into the cards.

Contract: a :class:`Library` is one source folder's media. :meth:`Library.scan`
finds the references in a source's text (Markdown images, HTML ``<img>``,
Obsidian embeds ``![[name.png|300]]``, ``[sound:x.mp3]``), resolves each to a
file inside the source folder and reports, with ``file:line``, those it cannot
use (missing, or outside the folder). :func:`attach` then rewrites the cards'
Markdown so each reference names its file as Anki stores it: a picture becomes
``![alt](name)``, a sound ``[sound:name]``, a missing file its alt text (or its name). It
works on Markdown before any renderer sees it, so it does not depend on the
Markdown engine.

Anki keeps all media flat in one folder per profile, shared by every deck: a
name is the file's stem, a short hash of its bytes and its extension
(``diagram-3f9a0c1b2d.png``), so two ``diagram.png`` in different folders, or
another deck's, never overwrite each other, a file used twice is stored once,
and a picture whose bytes change gets a new name: the card's text changes with
it, so identity gives the note a newer time and the next import updates it.

A picture a document holds (a Word, OpenDocument or PowerPoint file, an EPUB
book, an Anki package, a flat OpenDocument file, a Moodle XML bank, a Word 97-2003 file) is
written by its reader as a reference to a part of the document
(``![alt](document-part:word/media/image1.png)``, see
:func:`qadeck.markups.archive.picture`): it resolves to a :class:`MediaFile`
whose bytes are that part of that document (:func:`qadeck.markups.parts.read`),
so it is named, stored and updated as a file beside the source is.

Nothing outside the source folder is ever read because a source names it: a
path is resolved (symlinks followed) and refused unless it lies inside; a
document's part is read from that document only, looked up by its name among
the document's own (never joined to a path), and refused when its name climbs (``../``)
or is absolute, when it unpacks to over :data:`~qadeck.markups.archive.MAX_PART_BYTES`,
or when its bytes are no picture or sound of the kind its name says.
Remote pictures (any URL with a scheme) stay as written; nothing is fetched;
a picture a document links to (outside it) is not written as a picture at all.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import unquote

import orjson

from ..errors import OutputError, SourceError
from ..files import write_bytes_atomic
from ..markups import parts
from ..markups.archive import PART

from ..model import Card, Finding, ParseResult, Source
from ..perf.card_cache import file_stamp
from ..sources import MEDIA_EXTENSIONS
from .markdown import FENCED_CODE

EXTENSIONS = MEDIA_EXTENSIONS
#: Played by Anki's ``[sound:…]`` (videos too); the other media are pictures.
SOUNDS = frozenset({".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".flac", ".aac", ".mp4", ".webm", ".mov"})
#: Media whose bytes are compressed already: the package stores them as they are.
COMPRESSED = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", *SOUNDS} - {".wav", ".flac"})
#: Hex digits of the content hash in a media name.
HASH_LENGTH = 10

# Code comes first so that a reference shown inside code is left alone.
_REFERENCE = re.compile(
    rf"(?P<code>{FENCED_CODE}|(?P<t>`+)[^\n]+?(?P=t))"
    r"|!\[\[(?P<embed>[^\]|\n]+)(?:\|(?P<size>[^\]\n]*))?\]\]"
    # A Markdown target may hold spaces (Python-Markdown takes them; HTML turned into Markdown has them).
    r"|!\[(?P<alt>[^\]\n]*)\]\(\s*(?P<target><[^>\n]+>|[^)\s][^)\n]*?)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|(?P<img><img\b[^>]*>)"
    r"|\[sound:(?P<sound>[^\]\n]+)\]",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+:")
_WINDOWS_ABSOLUTE = re.compile(r"[a-zA-Z]:[\\/]|\\\\")
_UNSAFE_NAME = re.compile(r"[^\w.-]+|_+")
_ALT_UNSAFE = re.compile(r"[\[\]\n]+")


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A file a card shows or plays."""

    #: Its name in Anki's media folder: stem, content hash, extension.
    name: str
    #: The file read (resolved, inside the source folder), as text.
    path: str
    #: Its path from the source folder (``/`` separated); for a document's picture, the document's and the part's.
    relative: str
    #: The part of the document at ``path`` that holds the bytes (a picture in a Word file); empty: the file itself.
    member: str = ""

    @property
    def sound(self) -> bool:
        return PurePosixPath(self.name).suffix in SOUNDS

    def open(self) -> BinaryIO:
        """Its bytes, to read (a part of a document: read whole, within :data:`~qadeck.markups.archive.MAX_PART_BYTES`)."""
        if self.member:
            return io.BytesIO(parts.read(self.path, self.member))
        return open(self.path, "rb")


#: What each reference of a source resolves to, by :func:`key`: its file, or None (missing, refused).
Links = dict[str, MediaFile | None]


@dataclass(frozen=True, slots=True)
class Scan:
    """One source's references: what each resolves to, and the problems found (file:line)."""

    links: Links = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()

    def digest(self) -> str:
        """What the source's cards depend on besides its text: the names its references resolve to."""
        return "\x00".join(f"{k}\x01{v.name if v else ''}" for k, v in sorted(self.links.items()))

    @property
    def files(self) -> list[MediaFile]:
        return [f for f in self.links.values() if f is not None]


def key(target: str, embed: bool) -> str:
    """A reference's key in :data:`Links`: an embed resolves otherwise than a path does."""
    return ("embed:" if embed else "path:") + target


def maybe_references(text: str) -> bool:
    """Whether ``text`` may hold a reference (a cheap test ahead of the scan)."""
    return "![" in text or "[sound:" in text or ("<" in text and "<img" in text.lower())


def inside(path: str, folder: str) -> str | None:
    """``path`` with its symlinks followed, if that lies inside ``folder`` (itself resolved); else None.

    Paths as text, not ``Path``: pathlib interns every part of every path it parses, in a table that
    keeps its size, and a deck may show thousands of pictures.
    """
    try:
        resolved = os.path.realpath(path)
        return resolved if os.path.commonpath((resolved, folder)) == folder else None
    except (OSError, ValueError):  # an unreadable link; another drive
        return None


def media_name(path: str | Path, member: str = "") -> str:
    """``path``'s name in Anki's media folder (or that of its part ``member``, a document's picture): its
    stem made safe for Markdown, a hash of its bytes (SHA-256), its extension."""
    stem, extension = os.path.splitext(posixpath.basename(member) if member else os.path.basename(path))
    with MediaFile("", str(path), "", member).open() as handle:
        digest = hashlib.file_digest(handle, "sha256")  # read a piece at a time; hardware-assisted where it can
    # NFC, as Anki stores media names (macOS file names come decomposed).
    stem = _UNSAFE_NAME.sub("-", unicodedata.normalize("NFC", stem)).strip("-.")[:60] or "media"
    return f"{stem}-{digest.hexdigest()[:HASH_LENGTH]}{extension.lower()}"


class Names:
    """Each media file's name, remembered with the file's size and time from one build to the next
    (``path`` None: not remembered), so a rebuild does not read every picture again to hash it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: dict[str, list[Any]] = {}
        self._changed = False
        if path is not None:
            try:
                known = orjson.loads(path.read_bytes())
                self._known = known if isinstance(known, dict) else {}
            except (OSError, ValueError):
                pass

    def __call__(self, path: str, member: str = "") -> str:
        stamp = file_stamp(path)  # a document's: an edited picture in it changes the document
        remembered = f"{path}\x00{member}" if member else path
        known = self._known.get(remembered)
        if isinstance(known, list) and known[:2] == stamp and len(known) == 3 and isinstance(known[2], str):
            return known[2]
        name = media_name(path, member)
        self._known[remembered] = [*stamp, name]
        self._changed = True
        return name

    def save(self) -> None:
        """Keep the names for the next build; failing to costs it time, not its deck."""
        if self.path is not None and self._changed:
            with suppress(OutputError):
                write_bytes_atomic(self.path, orjson.dumps(self._known))


class Library:
    """One source folder's media: references resolved inside it, each file named (and hashed) once."""

    def __init__(self, root: Path, names: Callable[[str, str], str] = media_name) -> None:
        self.root = root.resolve()
        self._root = str(self.root)
        self._name = names
        self._files: dict[str, MediaFile | None] = {}
        self._parts: dict[tuple[str, str], tuple[MediaFile | None, str]] = {}
        self._by_name: dict[str, list[Path]] | None = None

    def scan(self, source: Source) -> Scan:
        """The references in ``source`` (a file inside this folder) and what each resolves to."""
        text = source.text
        if not maybe_references(text):
            return Scan()
        links: Links = {}
        findings: list[Finding] = []
        here = os.path.dirname(os.path.realpath(source.path))
        # HTML in a quoted CSV field has its quotes doubled: looked at as the parser will read it too
        # (no line moves).
        texts = (text, text.replace('""', '"')) if '""' in text else (text,)
        for m in (m for t in texts for m in _REFERENCE.finditer(t)):
            reference = _reference(m)
            if reference is None:
                continue
            target, embed, _ = reference
            ref_key = key(target, embed)
            if ref_key in links:
                continue
            if target.startswith(PART) and not embed:
                found, problem = self.part(source, unquote(target[len(PART):]))
                target = unquote(target[len(PART):])
            elif _SCHEME.match(target) or not _media_suffix(target):
                continue  # a remote picture, or no picture or sound (an embedded note): left as written
            else:
                found, problem = self.resolve(target, here, embed)
            links[ref_key] = found
            if problem:
                line = text.count("\n", 0, m.start()) + 1
                findings.append(Finding("media", source.name, line, f"{problem}: {target}"))
        return Scan(links, tuple(findings))

    def resolve(self, target: str, here: str, embed: bool) -> tuple[MediaFile | None, str]:
        """The file ``target`` names from a source in folder ``here``, or None and why not.

        A path is tried relative to the source's folder, then to the source folder (a leading ``/``
        means the latter); an embed is then looked for by name anywhere under the source folder.
        """
        target = target.split("#", 1)[0].strip()  # a fragment names a part of the file
        if not _media_suffix(target):
            return None, "not a picture or sound"
        if _WINDOWS_ABSOLUTE.match(target):
            return None, "outside the source folder, not read"
        outside = False
        for name in dict.fromkeys((target, unquote(target))):
            relative = name.replace("\\", "/")
            bases = (self._root,) if relative.startswith("/") else (here, self._root)
            for base in bases:
                resolved = inside(os.path.join(base, relative.lstrip("/")), self._root)
                if resolved is None:
                    outside = True
                    continue
                found = self.file(resolved)
                if found is not None:
                    return found, ""
        if embed:
            for path in self._named(PurePosixPath(unquote(target).replace("\\", "/")).name, here):
                resolved = inside(str(path), self._root)
                found = self.file(resolved) if resolved is not None else None
                if found is not None:
                    return found, ""
        if outside:
            return None, "outside the source folder, not read"
        return None, "picture or sound not found" if not embed else "embedded file not found"

    def part(self, source: Source, member: str) -> tuple[MediaFile | None, str]:
        """The picture that is part ``member`` of ``source`` (a zip document: the one being read, no other),
        or None and why not."""
        if source.path.suffix.lower() not in parts.HOLDERS:
            return None, "a picture inside a document, read only by that document"
        if member.startswith(("/", "\\")) or _WINDOWS_ABSOLUTE.match(member) or ".." in re.split(r"[/\\]", member):
            return None, "not a part of the document, not read"
        if not _media_suffix(member):
            return None, "a picture Anki cannot show"
        document = os.path.realpath(source.path)
        if (document, member) not in self._parts:
            relative = os.path.relpath(source.path, self.root).replace(os.sep, "/") + "/" + member
            try:
                found = MediaFile(self._name(document, member), document, relative, member), ""
            except (SourceError, OSError) as exc:
                found = None, getattr(exc, "message", None) or str(exc)
            self._parts[document, member] = found
        return self._parts[document, member]

    def file(self, resolved: str) -> MediaFile | None:
        """The media file at ``resolved`` (a path :func:`inside` the folder gave), None if there is none."""
        if resolved not in self._files:
            found = None
            if inside(resolved, self._root) == resolved and os.path.isfile(resolved):
                relative = os.path.relpath(resolved, self._root).replace(os.sep, "/")
                try:
                    found = MediaFile(self._name(resolved, ""), resolved, relative)
                except OSError:
                    found = None
            self._files[resolved] = found
        return self._files[resolved]

    def _named(self, name: str, here: str) -> list[Path]:
        """The media files called ``name`` under the folder: the one beside the source first, then by
        shortest path (as Obsidian picks)."""
        if self._by_name is None:
            self._by_name = {}
            for path in sorted(self.root.rglob("*")):
                relative = path.relative_to(self.root).parts
                if path.suffix.lower() in EXTENSIONS and not any(p.startswith(".") for p in relative):
                    self._by_name.setdefault(path.name.casefold(), []).append(path)
        found = self._by_name.get(name.casefold(), [])
        return sorted(found, key=lambda p: (os.path.realpath(p.parent) != here, len(p.parts), str(p)))


def _media_suffix(target: str) -> bool:
    return PurePosixPath(target.split("#", 1)[0].strip()).suffix.lower() in EXTENSIONS


def _reference(m: re.Match[str]) -> tuple[str, bool, str] | None:
    """A match's (target, whether an embed, alt text); None for code."""
    if m.group("code") is not None:
        return None
    if m.group("embed") is not None:
        target = m.group("embed").strip()
        size = (m.group("size") or "").strip()
        alt = size if size and not size.replace("x", "").isdigit() else PurePosixPath(target).stem
        return target, True, alt
    if m.group("target") is not None:
        target = m.group("target")
        if target.startswith("<"):
            target = target[1:-1]
        return target, False, m.group("alt")
    if m.group("img") is not None:
        attributes = {a.group(1).lower(): next(v for v in a.groups()[1:] if v is not None)
                      for a in _ATTRIBUTE.finditer(m.group("img"))}
        src = attributes.get("src", "").strip()
        return (src, False, attributes.get("alt", "")) if src else None
    return m.group("sound").strip(), False, ""


def rewrite(text: str, links: Mapping[str, MediaFile | None]) -> str:
    """``text`` with each reference naming its media file (see the module docstring)."""
    if not maybe_references(text):
        return text

    def swap(m: re.Match[str]) -> str:
        reference = _reference(m)
        if reference is None:
            return m.group(0)
        target, embed, alt = reference
        alt = _ALT_UNSAFE.sub(" ", alt).strip()
        ref_key = key(target, embed)
        if ref_key not in links:
            if m.group("img") is not None and _SCHEME.match(target):
                return f"![{alt}]({target})"  # a remote picture, as Markdown: raw HTML is shown as text
            return m.group(0)
        found = links[ref_key]
        if found is None:  # a missing file is its alt text, or its name (a sound's): what the author meant to show
            return alt or PurePosixPath(unquote(target).removeprefix(PART)).name
        if found.sound:
            return f"[sound:{found.name}]"
        return f"![{alt}]({found.name})"

    return _REFERENCE.sub(swap, text)


def attach(result: ParseResult, scan: Scan | None) -> ParseResult:
    """``result`` with its cards naming their media, and the scan's problems among its findings."""
    if scan is None or not (scan.links or scan.findings):
        return result
    cards = tuple(
        replace(card, question=rewrite(card.question, scan.links), answer=rewrite(card.answer, scan.links))
        for card in result.cards
    )
    return replace(result, cards=cards, findings=(*result.findings, *scan.findings))


# Media names in rewritten Markdown: a picture's target, a sound.
_NAMED = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]+)\)|\[sound:([^\]\n]+)\]")


def used(cards: Iterable[Card], files: Mapping[str, MediaFile]) -> list[MediaFile]:
    """The media ``cards`` show or play, by name (each once)."""
    if not files:
        return []
    names: set[str] = set()
    for card in cards:
        for text in (card.question, card.answer):
            if "![" in text or "[sound:" in text:
                names.update(picture or sound for _, picture, sound in _NAMED.findall(text))
    return [files[name] for name in sorted(names) if name in files]


def with_paths(card: Card, files: Mapping[str, MediaFile]) -> Card:
    """``card`` with each media name back to its path from the source folder, for formats that carry
    no media (CSV, TSV, Obsidian, SuperMemo); a document's picture, which has no path, as a missing
    picture shows (its alt text, or its name)."""
    question, answer = _paths(card.question, files), _paths(card.answer, files)
    if question is card.question and answer is card.answer:
        return card
    return replace(card, question=question, answer=answer)


def _paths(text: str, files: Mapping[str, MediaFile]) -> str:
    if not ("![" in text or "[sound:" in text):
        return text

    def swap(m: re.Match[str]) -> str:
        name = m.group(2) or m.group(3)
        found = files.get(name)
        if found is None:
            return m.group(0)
        if found.member:
            return m.group(1) or posixpath.basename(found.member)
        return m.group(0).replace(name, _markdown_path(found.relative))

    out = _NAMED.sub(swap, text)
    return text if out == text else out


def _markdown_path(relative: str) -> str:
    """A path as a Markdown target: spaces encoded, as Obsidian writes them."""
    return relative.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
