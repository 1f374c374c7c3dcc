"""Find source files and read them as text, whatever encoding they came in.

Contract: :func:`collect` turns the paths a user gave into readable files
(folders are walked, config and lock files are left out) plus warnings for
files it skipped; :func:`read` decodes one file to a :class:`Source` with
``\\n`` line endings, other markups (reStructuredText, POD, HTML, …) read as
Markdown (:mod:`qadeck.markups`). Sources are people's real files: UTF-8 with or without a
BOM, UTF-16 with a BOM (or Latin text without one), Windows-1252, CRLF or CR line endings.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import markups
from .errors import SourceError
from .model import Source
from .parsers.structure import ASKING_WORDS, MARKDOWN_EXTENSIONS

if TYPE_CHECKING:
    from .perf.card_cache import DocumentTexts

#: File extensions qadeck reads as Q&A sources wherever they are: plain text, Markdown, tables, the other markups,
#: and the documents that are notes whatever their name (a mind map, a Mnemosyne ``.cards`` package).
TEXT_EXTENSIONS = frozenset(
    {".txt", ".text", ".csv", ".tsv", *MARKDOWN_EXTENSIONS,
     *((set(markups.MARKUPS) | set(markups.DOCUMENTS)) - markups.NAMED_ONLY - markups.GIVEN_ONLY)}
)
#: Every extension a source can have, those read only when named or named for Q&A included (what a
#: watcher listens for: a save of ``faq.odt`` or ``cards.xlsx`` rebuilds as one of ``notes.md`` does).
SOURCE_EXTENSIONS = TEXT_EXTENSIONS | markups.NAMED_ONLY | frozenset(markups.DOCUMENTS)
#: An extensionless file is read when given by name, or in a folder when its name says it holds a FAQ;
#: a data file (YAML, JSON) when its name says it holds questions (a folder has others: configs, packages).
_FAQ_NAME = "faq"
_QA_NAMES = ("faq", "question", "quiz", "flashcard", "card", "qa", "q&a", "glossary", "interview", "trivia", "anki")
#: Names a LaTeX, Sweave or Typst file of exercises and their solutions has (``exercises.tex``, ``exam-solutions.typ``,
#: ``uebung3.tex``): in those markups a sheet's questions are answered where they stand, where a PDF or a Word
#: document of that name is as often a sheet without its answers.
_SHEET_NAMES = ("exercise", "exam", "solution", "homework", "worksheet", "uebung", "übung")
_SHEETS = frozenset({*markups.LATEX, ".rnw", ".typ"})
#: Words of a folder's name that say the LaTeX, Sweave or Typst files in it are cards or sheets whatever each is named
#: (``flashcards/week3.typ``, ``exercises/ch2.tex``): whole words, never ``examples/`` (a package's demos).
_SHEET_FOLDERS = frozenset(("flashcard", "flashcards", "cards", "decks", "quiz", "quizzes", "questions", "exercises",
                            "solutions", "homework", "homeworks", "worksheets", "exams", "uebungen", "übungen"))
#: Names only a data file holding cards has: CrowdAnki exports ``deck.json``, apps keep ``vocabulary.json``
#: (a ``deck.pdf`` is slides, a ``vocabulary.docx`` an essay as often as a list), and quizzes in other
#: languages ``preguntas.json`` or ``fragen.yml``.
_DATA_NAMES = ("deck", "vocab", *ASKING_WORDS)
#: Names a Word file, PDF or slide deck of questions has, in other languages too (``preguntas.docx``, ``Fragen.pdf``).
_DOCUMENT_NAMES = (*_QA_NAMES, *ASKING_WORDS)
#: Names a web page template of questions has (``faq.jsp``, ``preguntas-frecuentes.ejs``): never ``card`` or ``qa``,
#: which name an app's views and partials (``dashboard-card.hbs``, ``qa-banner.njk``) far more often.
_PAGE_NAMES = ("faq", "question", "quiz", "flashcard", "glossary", "interview", "trivia", *ASKING_WORDS)
#: Files read only when named for Q&A that a folder holding nothing else is not read for: a program's modules and a
#: site's templates are its code and views, where a folder of Word files alone was given for them.
_NEVER_HELD = markups.MODULES | markups.TEMPLATES
#: Words of a data file's name, or of its folder's, that say it holds words to learn (``english-words.json``,
#: ``vocabulary/animals.yml``): whole words only, never ``passwords.json`` or ``keywords.yml``.
_WORD_NAMES = frozenset(("words", "vocab", "vocabulary", "vocabularies", "decks", "glossary"))
_NAME_WORDS = re.compile(r"[^\W\d_]+")
#: A module that tests a program (``deck.test.ts``, ``quiz.spec.js``, ``__tests__/cards.js``): its questions and
#: answers are the fixtures of the code it tests.
_TEST_MODULE = re.compile(r"\.(?:test|spec)\.[^/]*$|(?:^|/)__tests__/", re.IGNORECASE)
#: Pictures and sounds: media the sources refer to (see :mod:`qadeck.render.media`), not sources.
MEDIA_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif", ".tif", ".tiff", ".ico",
    ".mp3", ".ogg", ".oga", ".opus", ".wav", ".m4a", ".flac", ".aac", ".mp4", ".webm", ".mov",
})
#: Extensions of files that are text but never notes: program sources, build and configuration files,
#: logs, backups and editors' temporary copies. A file with another extension qadeck does not know is read
#: as plain text when given by name or named for Q&A (``quiz.answers``, or by its extension: ``bash.faq``, the name
#: a FAQ posted to Usenet is often kept under), never a ``quiz.py`` or ``faq.md.bak``.
NOT_NOTES = frozenset({
    ".py", ".pyi", ".pyx", ".tsx", ".jsx", ".vue", ".svelte", ".java", ".kt", ".kts",
    ".scala", ".groovy", ".gradle", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".m", ".mm", ".cs", ".fs",
    ".vb", ".go", ".rs", ".rb", ".pl", ".pm", ".swift", ".dart", ".lua", ".r", ".jl", ".hs", ".ml",
    ".mli", ".ex", ".exs", ".erl", ".clj", ".cljs", ".elm", ".f90", ".f", ".asm", ".s", ".sh", ".bash",
    ".zsh", ".fish", ".ps1", ".bat", ".cmd", ".awk", ".sed", ".css", ".scss", ".sass", ".less",
    ".toml", ".ini", ".cfg", ".conf", ".config", ".properties", ".env", ".lock", ".plist", ".proto", ".graphql",
    ".gql", ".tf", ".hcl", ".nix", ".cmake", ".mk", ".make", ".dockerfile", ".editorconfig", ".gitignore",
    ".log", ".bak", ".orig", ".rej", ".swp", ".swo", ".tmp", ".temp", ".old", ".diff", ".patch", ".map",
    ".pem", ".key", ".crt", ".csr", ".pub", ".sig", ".gpg",
})
#: qadeck's own files that live beside the sources but are not sources.
#: The folder a build keeps in its output folder for the next one (see :mod:`qadeck.perf.card_cache`):
#: a folder holding one is output, never sources.
CACHE_DIR = ".qadeck-cache"
OWN_FILES = frozenset({"qadeck.yaml", "qadeck.yml", "qadeck.lock"})
#: A TextBundle (``notes.textbundle/``: Bear's, Ulysses' and iA Writer's document that is a folder) keeps its
#: text in ``text.md``, read as any Markdown file, and facts about it in ``info.json``, which is no source.
_TEXT_BUNDLE, _BUNDLE_INFO = ".textbundle", "info.json"
#: How many leading bytes are inspected to tell text from binary.
_SNIFF = 8192
#: Control bytes that text files do not contain (tab, newlines, form feed, escape excluded).
_BINARY_BYTES = [bytes([b]) for b in (*range(0, 9), *range(14, 27), *range(28, 32))]
#: Above this share of such bytes, a file is binary.
BINARY_SHARE = 0.05


@dataclass
class Collected:
    """The files to read, and what was skipped (with the reason)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Each file's source folder: the folder given that holds it, or a file's own folder.
    roots: dict[Path, Path] = field(default_factory=dict)


def collect(paths: list[Path] | tuple[Path, ...], follow_symlinks: bool = False,
            outputs: Iterable[Path] = ()) -> Collected:
    """Expand files and folders into a sorted list of candidate source files.

    A folder qadeck writes to is never walked for sources: ``outputs`` (the build's output folder,
    ``build/`` when none is given, and the files the last build wrote, wherever they are) and any
    folder holding :data:`CACHE_DIR` (a build's output folder, whatever its name); a deck's own CSV
    read back would give every card twice. A folder or file given by name is read all the same, but
    the files the last build wrote (in ``outputs``) are left out of a folder given by name too.
    Raises :class:`SourceError` when a path does not exist; an empty result is
    left to the caller, which knows whether that is fatal.
    """
    out = Collected()
    roots = [path.resolve() for path in paths]
    written = {path.resolve() for path in outputs}
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise SourceError("no such file or folder", path)
        if path.is_dir():
            candidates = _walk(path, roots, follow_symlinks, out.skipped, written)
            root = path
        else:
            candidates = [path]
            root = path.parent
        found: list[Path] = []
        held: list[Path] = []  # documents and data files not named for Q&A: read if the folder has nothing else
        for file in candidates:
            key = file.resolve()
            if key in seen or file.name in OWN_FILES or (path.is_dir() and key in written) or (
                    file.name == _BUNDLE_INFO and file.parent.suffix.lower() == _TEXT_BUNDLE):
                continue
            seen.add(key)
            if file.suffix.lower() in MEDIA_EXTENSIONS:
                continue  # read when a source refers to it
            if _readable(file, given=file == path or file.parent == path and _bundle(path)):
                found.append(file)
            elif file.suffix.lower() in markups.NAMED_ONLY and file.suffix.lower() not in _NEVER_HELD:
                held.append(file)
            else:
                out.skipped.append(f"{file}: skipped, {_why_not(file)}")
        if found:
            out.skipped += [f"{file}: skipped, {_why_not(file)}" for file in held]
        else:
            # A folder of documents alone (Word files, PDFs, a spreadsheet) was given for them: they are read.
            found = held
        out.files += found
        out.roots.update(dict.fromkeys(found, root))
    return out


def _readable(file: Path, given: bool) -> bool:
    """True for a file with a source's extension; one with none (plain text) or a data file's, when
    given by name or named for what it holds; an Anki package, when given by name."""
    suffix = file.suffix.lower()
    if suffix in markups.GIVEN_ONLY:
        return given
    if suffix in markups.MODULES and not given and _TEST_MODULE.search(file.as_posix()):
        return False  # a test's literals are the program's fixtures, not a deck
    if suffix in markups.NAMED_ONLY:
        named = (file.parent.stem if _bundle(file.parent) else file.stem).lower()
        names = _QA_NAMES + _DATA_NAMES if suffix in markups.DATA or suffix in markups.MODULES else _QA_NAMES + _SHEET_NAMES if suffix in _SHEETS \
            else _PAGE_NAMES if suffix in markups.TEMPLATES else _DOCUMENT_NAMES
        return given or any(name in named for name in names) or (suffix in _SHEETS and not _SHEET_FOLDERS.isdisjoint(
            _NAME_WORDS.findall(file.parent.name.lower()))) or (suffix in markups.DATA and not _WORD_NAMES.isdisjoint(
            _NAME_WORDS.findall(f"{named} {file.parent.name}".lower()))) or _opens_as_export(file, suffix) \
            or file.name.lower().endswith(markups.READ_ENDINGS)
    if suffix in TEXT_EXTENSIONS:
        return suffix not in markups.SHARED or _opens_as_format(file, markups.SHARED[suffix])
    if not file.suffix:
        return given or _FAQ_NAME in file.name.lower()
    # An extension qadeck does not know: plain text when given or named for Q&A, and text it is.
    return (suffix not in NOT_NOTES and suffix not in markups.SAVE_AS and suffix not in markups.SHARED
            and (given or suffix[1:] in _QA_NAMES or any(name in file.stem.lower() for name in _QA_NAMES))
            and _is_text(file))


def watched(path: Path) -> bool:
    """Can a save of ``path`` change a build's sources (what a watcher rebuilds for)? A file with a source's
    extension, and a plain-text FAQ kept under no extension or one that names it (``FAQ``, ``bash.faq``)."""
    suffix = path.suffix.lower()
    return suffix in SOURCE_EXTENSIONS or suffix[1:] in _QA_NAMES or not suffix and _FAQ_NAME in path.name.lower()


def _is_text(file: Path) -> bool:
    """Does ``file`` open as text (a BOM, or few control bytes: what :func:`decode` reads)?"""
    head = _head(file)
    return (head is None or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not looks_binary(head)
            or utf16_unmarked(head) is not None)


def _opens_as_format(file: Path, mark: str) -> bool:
    """Does ``file``'s start hold ``mark`` (a ``.mm`` mind map's ``<map``, not an Objective-C++ source's code)?"""
    head = _head(file)
    return head is None or mark.encode() in head


def _opens_as_export(file: Path, suffix: str) -> bool:
    """Does ``file``'s start hold the mark of a flashcard app's export (:data:`markups.EXPORT_MARKS`)?"""
    marks = markups.EXPORT_MARKS.get(suffix)
    if not marks:
        return False
    head = _head(file)
    return head is not None and any(mark in head for mark in marks)


def _head(file: Path) -> bytes | None:
    """The first :data:`_SNIFF` bytes of ``file``; None when it cannot be read (reading it as a source
    reports why, so it is taken as what it is named)."""
    try:
        with file.open("rb") as stream:
            return stream.read(_SNIFF)
    except OSError:
        return None


def _bundle(folder: Path) -> bool:
    """Is ``folder`` a document that is a folder: TextEdit's ``faq.rtfd`` (its text in ``TXT.rtf``, its
    pictures beside it), named as its document is, and read when named as a file would be?"""
    return folder.suffix.lower() == ".rtfd"


def present(folder: Path, names: set[str]) -> set[str]:
    """Which of ``names`` are names of source files in ``folder`` or below (hidden folders left out,
    as :func:`collect` does); the walk stops once every name is found."""
    found: set[str] = set()
    if not names or not folder.is_dir():
        return found
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.update(names.intersection(files))
        if found == names:
            break
    return found


def _why_not(file: Path) -> str:
    if file.suffix.lower() in markups.GIVEN_ONLY:
        return "an Anki package or collection, read only when named (in a folder it may be a build's own output)"
    if file.suffix.lower() in markups.MODULES and _TEST_MODULE.search(file.as_posix()):
        return "a program's test: its questions and answers are the fixtures of the code it tests (name it to read it)"
    if file.suffix.lower() in markups.TEMPLATES:
        return "a server page or web page template (PHP, JSP, EJS, …), read only when its name says it holds questions (name it to read it)"
    if file.suffix.lower() in markups.MODULES:
        return "a program's source or database, read for its quiz data only when its name says it holds questions (name it to read it)"
    if file.suffix.lower() in markups.NAMED_ONLY:
        return "a data file or document whose name does not say it holds questions (name it to read it)"
    if file.suffix.lower() in markups.SHARED:
        return f"no {markups.SHARED[file.suffix.lower()]!r} at its start: not the format qadeck reads as {file.suffix}"
    return markups.SAVE_AS.get(file.suffix.lower(), f"unknown extension {file.suffix or '(none)'!r}")


def resolves_inside(path: Path, roots: Iterable[Path]) -> bool:
    """Is ``path``, every symlink and ``..`` in it followed, one of ``roots`` or inside one of them?

    The one rule for what qadeck reads because a source folder holds it or a source names it (a
    picture): nothing outside the SOURCES given, unless the user asks (``--follow-symlinks``), so
    that a notes folder cloned from someone else cannot carry ``notes.txt -> ~/.ssh/id_rsa`` into
    a deck that gets shared.
    """
    target = path.resolve()
    return any(target == root or target.is_relative_to(root) for root in map(Path.resolve, roots))


def _walk(folder: Path, roots: list[Path], follow: bool, skipped: list[str], written: set[Path]) -> list[Path]:
    """The files in ``folder`` and below, sorted, hidden ones and Office's lock files left out.

    A symlink that leads outside ``roots`` is skipped with a warning unless ``follow``; a symlinked
    folder is walked only when following (once: a loop ends), as the files of one that stays
    inside are found where they are.
    """
    files: list[Path] = []
    walked = {folder.resolve()}
    pending = [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # a folder that cannot be listed holds nothing to read
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue  # hidden, or the lock file Office writes beside an open document (~$faq.pptx): no document
            path = Path(entry.path)
            if entry.is_symlink():
                if not follow and not resolves_inside(path, roots):
                    skipped.append(f"{path}: skipped, a symlink to a place outside the sources "
                                   "(--follow-symlinks reads it)")
                elif entry.is_file():
                    files.append(path)
                elif follow and entry.is_dir() and path.resolve() not in walked:
                    walked.add(path.resolve())
                    pending.append(path)
            elif entry.is_dir(follow_symlinks=False):
                if path.resolve() not in written and not (path / CACHE_DIR).is_dir():
                    pending.append(path)  # an output folder holds the deck, not its sources
            elif entry.is_file(follow_symlinks=False):
                files.append(path)
    return sorted(files)


def read(path: Path, kept: DocumentTexts | None = None) -> Source:
    """Read one file; raises :class:`SourceError` for binary or unreadable files. A binary document's
    text is taken from ``kept`` when it holds it (see :class:`qadeck.perf.card_cache.DocumentTexts`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from exc
    suffix = path.suffix.lower()
    document = markups.DOCUMENTS.get(suffix)
    if document is not None:
        text = (kept.document_text(suffix, data, lambda: document(data, str(path))) if kept
                else document(data, str(path)))
        return Source(path=path, text=text, encoding=suffix.lstrip("."))
    text, encoding = decode(data, path)
    try:
        markdown = markups.to_markdown(markups.text_suffix(path.name), normalize_newlines(text))
    except SourceError as exc:
        raise SourceError(exc.message, path, exc.line) from None  # a markup knows the line, not the file
    return Source(path=path, text=str(markdown), encoding=encoding, origins=getattr(markdown, "origins", ()))


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text, returning the text and the encoding used."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise SourceError("looks like UTF-16 but does not decode", path) from exc
    unmarked = utf16_unmarked(data[:_SNIFF])
    if unmarked:
        try:
            return data[: len(data) // 2 * 2].decode(unmarked), unmarked
        except UnicodeDecodeError:
            pass  # NULs between bytes that are no UTF-16: binary after all
    if b"\b" in data:
        data = without_overstrikes(data)
    if looks_binary(data[:_SNIFF]):
        raise SourceError("binary file, not text", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _legacy(data)


def _legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: mostly UTF-8 with a stray byte, a code page of another script (Russian
    in Windows-1251, Chinese in GBK, Japanese in Shift-JIS…), or, most often, Windows-1252.

    A detector tells code pages of different scripts apart by which decoding reads as a language;
    between the Latin code pages it guesses poorly on short notes (French as Central European), so its
    guess is taken only when it gives letters of another script, and Windows-1252 (what "not UTF-8"
    from Windows editors almost always is) otherwise, its five unassigned bytes as U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    if sum(1 for char in text if char > "\x7f") > 2 * stray:
        return text, "utf-8"  # UTF-8 with a few bytes of something else: those alone are lost
    import charset_normalizer  # here: most sources are UTF-8, and a command starts sooner without it

    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        decoded = str(guess)
        if any(char > "\x7f" and char.isalpha() and not unicodedata.name(char, "LATIN").startswith("LATIN")
               for char in decoded):
            return decoded, guess.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


#: A character struck over another with a backspace between: how nroff, man and sgml2txt print bold
#: (``B\bB``), underlined (``_\bB``) and bullet (``+\bo``) text for a terminal. One character is one byte or a
#: UTF-8 sequence.
_OVERSTRIKE = re.compile(rb"([\x00-\x07\x09-\x7f]|[\xc0-\xff][\x80-\xbf]+)\x08([\x00-\x07\x09-\x7f]|[\xc0-\xff][\x80-\xbf]+)")


def without_overstrikes(data: bytes) -> bytes:
    """``data`` with its struck characters as the plain ones (``B\bB`` -> ``B``, ``_\bB`` -> ``B``, ``+\bo`` ->
    ``*``): a FAQ formatted by nroff or sgml2txt and saved as text reads as the text it prints, where its
    backspaces made it a binary file."""

    def plain(match: re.Match[bytes]) -> bytes:
        under, over = match.groups()
        if (under, over) == (b"+", b"o"):
            return b"*"
        return under if over == b"_" else over

    # Bold text is often struck several times over (B\bB\bB): strike until nothing is left.
    while True:
        data, count = _OVERSTRIKE.subn(plain, data)
        if not count or b"\b" not in data:
            return data


def utf16_unmarked(head: bytes) -> str | None:
    """The UTF-16 byte order of a text saved with no BOM, as some Windows tools export "Unicode" text: Latin
    text whose every other byte is NUL ("Q\\0:\\0" little-endian); None for anything else (a file of other
    scripts in BOM-less UTF-16 is not told from binary)."""
    if len(head) < 8 or b"\0" not in head[:4]:
        return None
    first, second = head[0::2], head[1::2]
    for order, nuls, letters in (("utf-16-le", second, first), ("utf-16-be", first, second)):
        if nuls.count(0) >= 0.9 * len(nuls) and letters.count(0) <= 0.1 * len(letters):
            return order
    return None


def looks_binary(head: bytes) -> bool:
    """Mostly control bytes means binary; a stray NUL in a text file does not."""
    if not head:
        return False
    controls = sum(head.count(b) for b in _BINARY_BYTES)
    return controls / len(head) > BINARY_SHARE


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
