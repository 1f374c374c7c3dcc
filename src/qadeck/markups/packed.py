"""Notes packed in archives: tar (``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``, ``.tar.xz``), zip, Joplin exports (``.jex``).

Contract: :func:`tar_to_markdown` and :func:`zip_to_markdown` read an archive's
members in memory, never extracting one: a member's name is only ever a title,
never made into a path, and links, devices and folders are passed over. An
archive is read within caps: no member over :data:`MAX_NOTE_BYTES`, no more than
:data:`~.archive.MAX_XML_BYTES` of notes in all, and a tar no further than
:data:`MAX_STREAM_BYTES` into its (decompressed) stream, so a small file that
inflates to gigabytes is refused before it is inflated (a zip says each member's
size before it is inflated). A file that is no archive, or a damaged one, is one
:class:`SourceError` naming it.

* **A notes folder packed up** (a tar, or a zip such as a repository downloaded from
  GitHub or a notes app's export): each member qadeck reads as notes in a folder
  (Markdown, plain text, the text markups of :data:`.MARKUPS`), in the
  archive's order; hidden files, editors' and macOS's (``__MACOSX/``,
  ``._notes.md``), left out. A zip holding a QTI quiz is read as the quiz
  (:func:`.qti.package_items`) instead.
* **A Joplin export** (``.jex``: a tar of ``<id>.md`` items, each its title on the
  first line, its body, then ``key: value`` lines with ``type_``: 1 a note, 2 a
  notebook, 5 a tag, 6 a note's tag): each note its title over its body
  (:func:`.notes.titled`), its notebook's path its section, its tags its cards'
  tags, notebooks and notes in alphabetical order. An HTML
  note is converted as HTML is; an encrypted note is left out; a picture or link to
  another item (``:/<id>``) is its text, as the resources are not read.

Each note is read on its own, as the file it was would be (its layout detected
for it alone: one note of ``Q:`` lines beside one of question headings), and its
cards are written as the ``blocks`` layout's notes (:func:`.data.notes_markdown`),
which keep each card's kind and tags; a card's lines are its note's block.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..parsers.markup import html_to_markdown
from ..parsers.structure import MARKDOWN_EXTENSIONS
from . import moodle, notes, qti, trainers
from .archive import MAX_XML_BYTES, Archive
from .data import notes_markdown
from .datacards import Item

#: How far into an archive's decompressed stream it is read: a bomb is refused, not inflated.
MAX_STREAM_BYTES = 256 * 1024 * 1024
#: The largest member read as notes.
MAX_NOTE_BYTES = 16 * 1024 * 1024
#: What reading a damaged tar can raise (its own errors, and what its decompressors do).
_DAMAGE = (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError, ValueError)
#: A Joplin item's property line: ``key: value``.
_PROPERTY = re.compile(r"^([a-z_]+): ?(.*)$")
#: A Joplin item's name in its export: its id.
_JOPLIN_ITEM = re.compile(r"^[0-9a-f]{32}\.md$")
#: A picture or link to another Joplin item (a resource, a note): its text stands for it.
_ITEM_LINK = re.compile(r"!?\[([^\]\n]*)\]\(:/[0-9a-f]{32}(?:#[^)\s]*)?\)")
_NOTE, _FOLDER, _TAG, _NOTE_TAG = "1", "2", "5", "6"
_HTML_NOTE = "2"


@dataclass(frozen=True)
class _Member:
    name: str
    data: bytes


def tar_to_markdown(data: bytes, name: str = "<tar>") -> str:
    """The cards of the notes a tar archive or Joplin export holds, as Markdown (see the module docstring); a
    Pauker lesson (``.pau.gz``, gzipped XML) is read as one."""
    if trainers.is_pauker_lesson(data):
        return trainers.pauker_to_markdown(data, name)
    members = _tar_members(data, name)
    joplin = bool(members) and all(_JOPLIN_ITEM.match(posixpath.basename(member.name)) for member in members)
    return _notes_markdown(members, name, "Joplin export" if joplin else "tar archive", joplin)


def zip_to_markdown(data: bytes, name: str = "<zip>") -> str:
    """The questions of a zip's QTI quiz, else the cards of the notes it holds, as Markdown."""
    archive = Archive(data, name, "zip archive")
    quiz = qti.package_items(archive)
    if quiz:
        return moodle.markdown(quiz, 0)
    members, read = [], 0
    for member in archive.names():
        if _is_note(member):
            found = archive.data(member, cap=MAX_NOTE_BYTES)
            read += len(found)
            if read > MAX_XML_BYTES:
                raise SourceError(f"a zip of over {MAX_XML_BYTES} bytes of notes: too big to read", name)
            members.append(_Member(member, found))
    return _notes_markdown(members, name, "zip", False, qti.NO_QUIZ + ", and")


def _notes_markdown(members: list[_Member], name: str, kind: str, joplin: bool, saying: str = "") -> str:
    """The cards of ``members`` (Joplin's items when ``joplin``), each note read on its own, as the ``blocks``
    layout's notes; :class:`SourceError` when they hold none (``kind``: what the archive is, for it)."""
    if joplin:
        found = _joplin(members)
    else:
        found = [(posixpath.basename(member.name), text, (), ()) for member in members if (text := _note_text(member))]
    items = [item for note, text, path, tags in found for item in _cards(note, text, path, tags)]
    if not items:
        saying = saying or f"a {kind}"
        raise SourceError(f"{saying} holding no questions with answers ({len(found)} notes read)" if found
                          else f"{saying} with no notes in it (Markdown, text or markup files)", name)
    return notes_markdown(items, lines=True)


def _cards(note: str, text: str, path: tuple[str, ...], tags: tuple[str, ...]) -> list[Item]:
    """The cards of one note (Markdown, its file's name ``note``), their sections under the notebooks ``path``,
    the note's ``tags`` beside their own."""
    from .. import parsers  # the parsers import the readers' helpers
    from ..model import Source

    result = parsers.parse(Source(Path(note), text, origins=getattr(text, "origins", ())))
    return [Item(card.question, card.answer, 0, "::".join((*path, card.section) if card.section else path),
                 tuple(dict.fromkeys((*card.tags, *tags))), card.difficulty, kind=card.kind) for card in result.cards]


def _tar_members(data: bytes, name: str) -> list[_Member]:
    """The members read as notes (see :func:`_is_note`), in the archive's order."""
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
    except _DAMAGE as exc:
        raise SourceError(f"not a readable tar archive ({_why(exc)})", name) from None
    found: list[_Member] = []
    read = 0
    try:
        with archive:
            while True:
                if archive.offset > MAX_STREAM_BYTES:  # the next header lies past the cap: not inflated
                    raise SourceError(f"a tar archive of over {MAX_STREAM_BYTES} bytes: too big to read", name)
                member = archive.next()
                if member is None:
                    break
                if not member.isreg() or not _is_note(member.name):
                    continue
                if member.size > MAX_NOTE_BYTES:
                    raise SourceError(f"a tar archive whose {member.name} is over {MAX_NOTE_BYTES} bytes: too big to "
                                      "read", name)
                read += member.size
                if read > MAX_XML_BYTES:
                    raise SourceError(f"a tar archive of over {MAX_XML_BYTES} bytes of notes: too big to read", name)
                opened = archive.extractfile(member)
                found.append(_Member(member.name, opened.read(MAX_NOTE_BYTES + 1) if opened else b""))
    except _DAMAGE as exc:
        raise SourceError(f"not a readable tar archive ({_why(exc)})", name) from None
    return found


def _why(exc: BaseException) -> str:
    """What went wrong, on one line (tarfile lists each decompressor it tried on lines of their own)."""
    return (str(exc).strip().split("\n")[0] or type(exc).__name__).rstrip(":")


def _is_note(member: str) -> bool:
    """Is the member called ``member`` one read as notes: a text file a folder of notes would be read for, not
    hidden, not macOS's metadata?"""
    from . import MARKUPS, NAMED_ONLY  # the registry imports this module

    parts = member.replace("\\", "/").split("/")
    if any(part.startswith(".") or part == "__MACOSX" for part in parts if part):  # ".." too: a name that climbs
        return False
    suffix = posixpath.splitext(parts[-1])[1].lower()
    return suffix in MARKDOWN_EXTENSIONS or suffix in (".txt", ".text") or (suffix in MARKUPS and suffix not in NAMED_ONLY)


def _note_text(member: _Member) -> str:
    """A member's text, decoded and read as a file of its extension is ("" when it cannot be: a binary member
    under a text name holds no notes)."""
    from . import to_markdown as markup  # the registry imports this module
    from ..sources import decode, normalize_newlines

    try:
        text, _ = decode(member.data, member.name)
        return markup(posixpath.splitext(member.name)[1], normalize_newlines(text))
    except SourceError:
        return ""


def _joplin(members: list[_Member]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """A Joplin export's notes: (a file name for it, its Markdown, its notebooks' path, its tags), by path and
    title."""
    items = [_item(member.data.decode("utf-8", errors="replace")) for member in members]
    folders = {item.get("id", ""): item for item in items if item.get("type_") == _FOLDER}
    names = {item.get("id", ""): "_".join(item.get("title", "").split()) for item in items if item.get("type_") == _TAG}
    tagged: dict[str, list[str]] = {}
    for link in items:
        if link.get("type_") == _NOTE_TAG and names.get(link.get("tag_id", "")):
            tagged.setdefault(link.get("note_id", ""), []).append(names[link.get("tag_id", "")])
    found = []
    for item in items:
        if item.get("type_") != _NOTE or item.get("encryption_applied") == "1":
            continue
        body = item.get("body", "")
        if item.get("markup_language") == _HTML_NOTE:
            body = html_to_markdown(body, page=True).strip()
        body = _ITEM_LINK.sub(lambda found: found.group(1), body)
        title = item.get("title", "")
        text = "\n".join(notes.titled(title, body, alone=True)) + "\n"
        found.append((f"{title or 'note'}.md", text, _path(item, folders), tuple(sorted(tagged.get(item.get("id"), [])))))
    return sorted(found, key=lambda note: ([title.casefold() for title in note[2]], note[0].casefold()))


def _item(text: str) -> dict[str, str]:
    """A Joplin item: its ``key: value`` lines from the end up to a blank line, its title the first line, its body
    what lies between."""
    lines = text.replace("\r\n", "\n").split("\n")
    item: dict[str, str] = {}
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    while end:
        found = _PROPERTY.match(lines[end - 1])
        if not found:
            break
        item.setdefault(found.group(1), found.group(2))
        end -= 1
    item["title"] = lines[0].strip() if end else ""
    item["body"] = "\n".join(lines[2:end]).strip("\n") if end > 1 else ""
    return item


def _path(item: dict[str, str], folders: dict[str, dict[str, str]]) -> tuple[str, ...]:
    """The titles of the notebooks ``item`` sits in, outermost first (a loop of parents is cut)."""
    path: list[str] = []
    seen: set[str] = set()
    parent = item.get("parent_id", "")
    while parent in folders and parent not in seen:
        seen.add(parent)
        path.append(" ".join(folders[parent].get("title", "").split()))
        parent = folders[parent].get("parent_id", "")
    return tuple(reversed([title for title in path if title]))
