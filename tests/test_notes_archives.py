"""Notes folders packed in archives (.tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, .zip) and Joplin exports (.jex), read in
memory.

The archives are written here, members of our own: a notes folder packed as tar and zip pack it, and a Joplin export
in Joplin's shape (``<id>.md`` items: the title, the body, then ``key: value`` lines).
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from qadeck import sources

from .archives import zipped
from .listing import listed, listed_file, pairs, refused

NOTES = {
    "biology/cells.md": "# Cells\n\n## What is a cell?\n\nThe smallest unit of life.\n\n## What is a nucleus?\n\n"
                        "Where a cell keeps its DNA.\n",
    "chemistry.txt": "Q: Symbol of iron?\nA: Fe\n\nQ: Symbol of gold?\nA: Au\n",
    "physics/units.md": "1. What is the unit of force?\n   The newton.\n2. What is the unit of energy?\n   The joule.\n",
}


def tar(members: dict[str, str | bytes], mode: str = "w") -> bytes:
    """A tar archive (``mode``: ``w``, ``w:gz``, ``w:bz2``, ``w:xz``) holding ``members`` (name -> text or bytes)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as archive:
        for name, text in members.items():
            data = text.encode() if isinstance(text, str) else text
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


@pytest.mark.parametrize(("name", "mode"), [("notes.tar", "w"), ("notes.tar.gz", "w:gz"), ("notes.tgz", "w:gz"),
                                            ("notes.tar.bz2", "w:bz2"), ("notes.tar.xz", "w:xz")])
def test_a_tar_of_a_notes_folder_gives_the_folders_cards(tmp_path: Path, name: str, mode: str) -> None:
    folder = tmp_path / "notes"
    for member, text in NOTES.items():
        (folder / member).parent.mkdir(parents=True, exist_ok=True)
        (folder / member).write_text(text, encoding="utf-8")
    packed = tmp_path / "packed"
    packed.mkdir()
    # each note read on its own, as in the folder: headings, Q:/A: lines and numbered questions side by side
    assert pairs(listed_file(packed, name, tar(NOTES, mode))) == pairs(listed(folder)) == [
        ("What is a cell?", "The smallest unit of life."), ("What is a nucleus?", "Where a cell keeps its DNA."),
        ("Symbol of iron?", "Fe"), ("Symbol of gold?", "Au"),
        ("What is the unit of force?", "The newton."), ("What is the unit of energy?", "The joule."),
    ]


def test_a_zip_of_a_notes_folder_gives_the_folders_cards(tmp_path: Path) -> None:
    # a repository downloaded as a zip: its files under one folder, a QTI-less XML file among them
    members = {f"notes-main/{name}": text for name, text in NOTES.items()}
    members["notes-main/pom.xml"] = "<project><modelVersion>4.0.0</modelVersion></project>"
    members["__MACOSX/notes-main/._chemistry.txt"] = b"\0\5\26\7junk"
    found = pairs(listed_file(tmp_path, "notes-main.zip", zipped(members)))
    assert found == pairs(listed_file(tmp_path, "notes.tar", tar(NOTES)))
    assert len(found) == 6


def test_links_hidden_files_and_other_files_in_a_tar_are_passed_over(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("Q: What is the password?\nA: hunter2\n", encoding="utf-8")
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for kind, name in ((tarfile.SYMTYPE, "notes/link.md"), (tarfile.LNKTYPE, "notes/hard.md")):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, str(secret)
            archive.addfile(info)
    packed = tar({"../../outside.md": "Q: Climbing name?\nA: Never written or read.\n",
                  ".git/notes.md": "Q: Hidden?\nA: Yes.\n", "__MACOSX/._faq.md": b"\0\5\26\7junk",
                  "picture.png": b"\x89PNG", "faq.md": "Q: Kept?\nA: Yes.\n"}, "w:gz")
    folder = tmp_path / "given"
    folder.mkdir()
    (folder / "links.tar.gz").write_bytes(out.getvalue())
    refused(folder / "links.tar.gz", "a tar archive with no notes in it (Markdown, text or markup files)")
    found = pairs(listed_file(folder, "notes.tgz", packed))
    assert found == [("Kept?", "Yes.")]
    assert sorted(path.name for path in folder.iterdir()) == ["links.tar.gz", "notes.tgz"]  # nothing extracted
    assert not (tmp_path / "outside.md").exists()


JOPLIN_FOLDER = "a" * 32
JOPLIN = {
    f"{JOPLIN_FOLDER}.md": f"Chemistry\n\nid: {JOPLIN_FOLDER}\nparent_id: \ntype_: 2",
    f"{'b' * 32}.md": f"What is the symbol of sodium?\n\nNa, from *natrium*.\n\n![a diagram](:/{'d' * 32})\n\n"
                      f"id: {'b' * 32}\nparent_id: {JOPLIN_FOLDER}\nmarkup_language: 1\nencryption_applied: 0\ntype_: 1",
    f"{'c' * 32}.md": f"Acids\n\nQ: What is the pH of water?\nA: 7\n\nQ: What is an acid?\nA: A proton donor.\n\n"
                      f"id: {'c' * 32}\nparent_id: {JOPLIN_FOLDER}\nmarkup_language: 1\ntype_: 1",
    f"{'e' * 32}.md": f"Web clip\n\n<h2>What is HTML?</h2><p>A <b>markup</b> language.</p>"
                      f"<h2>What is CSS?</h2><p>Style sheets.</p>\n\nid: {'e' * 32}\nparent_id: \nmarkup_language: 2\n"
                      "type_: 1",
    f"{'f' * 32}.md": f"\n\nid: {'f' * 32}\nparent_id: \nencryption_cipher_text: JED01…\nencryption_applied: 1\n"
                      "type_: 1",
    f"resources/{'d' * 32}.png": b"\x89PNG",
    f"{'1' * 32}.md": f"exam prep\n\nid: {'1' * 32}\ntype_: 5",
    f"{'2' * 32}.md": f"id: {'2' * 32}\nnote_id: {'c' * 32}\ntag_id: {'1' * 32}\ntype_: 6",
}


def test_a_joplin_export_gives_each_notes_cards_under_its_notebook(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "export.jex", tar(JOPLIN))
    assert [card["question"] for card in found if "exam_prep" in card["tags"]] == [
        "What is the pH of water?", "What is an acid?"]  # the note's tag, on each of its cards
    assert [(card["question"], card["answer"], card["section"]) for card in found] == [
        ("What is HTML?", "A **markup** language.", ""),  # an HTML note, converted; outside any notebook
        ("What is CSS?", "Style sheets.", ""),
        ("What is the pH of water?", "7", "Chemistry::Acids"),  # the note's title over its Q:/A: lines
        ("What is an acid?", "A proton donor.", "Chemistry::Acids"),
        ("What is the symbol of sodium?", "Na, from *natrium*.\n\na diagram", "Chemistry"),  # a note whose title asks
    ]  # the encrypted note is left out


def test_a_folder_reads_a_joplin_export_and_an_archive_only_when_named_for_qa(tmp_path: Path) -> None:
    (tmp_path / "export.jex").write_bytes(tar(JOPLIN))
    (tmp_path / "backup.tar.gz").write_bytes(tar(NOTES, "w:gz"))
    (tmp_path / "flashcards.tar.gz").write_bytes(tar(NOTES, "w:gz"))
    (tmp_path / "photos.zip").write_bytes(zipped(NOTES))
    (tmp_path / "interview-questions.zip").write_bytes(zipped(NOTES))
    assert [path.name for path in sources.collect([tmp_path]).files] == [
        "export.jex", "flashcards.tar.gz", "interview-questions.zip"]


def test_notes_with_no_questions_say_so(tmp_path: Path) -> None:
    path = tmp_path / "diary.jex"
    path.write_bytes(tar({f"{'b' * 32}.md": f"Monday\n\nRain all day.\n\nid: {'b' * 32}\nparent_id: \ntype_: 1"}))
    refused(path, "a Joplin export holding no questions with answers (1 notes read)")


def _deflated(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _oversized_member() -> bytes:
    """A gzipped tar whose first member's header says it holds 300 MB, its bytes never written."""
    info = tarfile.TarInfo("video.mp4")
    info.size = 300 * 1024 * 1024
    return gzip.compress(info.tobuf() + b"\0" * 1024)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.tar", b"not a tar at all", "not a readable tar archive"),
    ("notes.tar.gz", tar(NOTES, "w:gz")[:60], "not a readable tar archive"),
    ("notes.tar.gz", _oversized_member(), f"a tar archive of over {256 * 1024 * 1024} bytes: too big to read"),
    ("notes.tar.gz", tar({"huge.md": b"Q: x?\nA: y\n" + b" " * (17 * 1024 * 1024)}, "w:gz"),
     f"a tar archive whose huge.md is over {16 * 1024 * 1024} bytes: too big to read"),
    ("notes.zip", b"PK\x03\x04 cut short", "not a readable zip archive"),
    ("notes.zip", _deflated({"huge.md": b"Q: x?\nA: y\n" + b" " * (17 * 1024 * 1024)}),
     f"a zip archive whose huge.md unpacks to over {16 * 1024 * 1024} bytes: too big to read"),
    ("notes.zip", zipped({"readme.txt": "Nothing to learn here."}),
     "a zip with no QTI quiz in it, and holding no questions with answers (1 notes read)"),
    ("notes.zip", zipped({"picture.png": b"\x89PNG"}), "a zip with no QTI quiz in it, and with no notes in it"),
])
def test_a_damaged_or_oversized_archive_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes,
                                                                     message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    refused(path, message)
