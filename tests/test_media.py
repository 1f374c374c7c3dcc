"""Pictures and sounds in the sources reach Anki: built, imported into a real collection, checked."""

from __future__ import annotations

import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from qadeck.render import media
from qadeck.cli import main
from qadeck.model import Source

from .conftest import import_apkg, notes_by_guid


def png(red: int, green: int, blue: int) -> bytes:
    """A real one-pixel PNG of that colour: a few bytes, a different file per colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes([0, red, green, blue]))) + chunk(b"IEND", b""))


#: A few bytes that stand for a sound: Anki stores media whatever they hold.
SOUND = b"ID3\x03\x00\x00\x00\x00\x00\x00qadeck test sound"

NOTES = """\
# Media

## What does the architecture look like?

The layers: ![architecture](img/diagram.png)

## What does the other diagram show?

<img src="other/diagram.png" alt="the other one">

## What is embedded by name?

![[my picture.png|300]]

## How does the bell sound?

Listen: ![[bell.mp3]]

## How does the gong sound?

[sound:sounds/gong.mp3]

## What is shown twice?

Again ![again](img/diagram.png)
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    """A source folder: a Markdown note whose cards show pictures and play sounds."""
    folder = tmp_path / "notes"
    for relative, data in {
        "img/diagram.png": png(255, 0, 0),
        "other/diagram.png": png(0, 255, 0),
        "attachments/my picture.png": png(0, 0, 255),
        "attachments/bell.mp3": SOUND,
        "sounds/gong.mp3": SOUND + b" gong",
    }.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    (folder / "media.md").write_text(NOTES, encoding="utf-8")
    return folder


def build(folder: Path, out: Path, *extra: str) -> int:
    return main(["build", str(folder), "-o", str(out), *extra])


def package(out: Path, extension: str = ".apkg") -> Path:
    """The one package (or file of another format) a build wrote to ``out``, named after the deck."""
    (found,) = out.glob(f"*{extension}")
    return found


def answers(col) -> dict[str, str]:
    """Each imported note's answer field, by its question."""
    return {note["Question"]: note["Answer"] for note in notes_by_guid(col).values()}


def media_dir(col) -> Path:
    return Path(col.media.dir())


def test_every_kind_of_reference_reaches_collection_media(deck, tmp_path, collection, capsys):
    assert build(deck, tmp_path / "out") == 0
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    stored = media_dir(collection)

    def name_in(answer: str, form: str) -> str:
        start = answer.index(form) + len(form)
        return answer[start : answer.index('"' if form.endswith('"') else "]", start)]

    cases = [
        ("What does the architecture look like?", 'src="', "img/diagram.png"),
        ("What does the other diagram show?", 'src="', "other/diagram.png"),
        ("What is embedded by name?", 'src="', "attachments/my picture.png"),
        ("How does the bell sound?", "[sound:", "attachments/bell.mp3"),
        ("How does the gong sound?", "[sound:", "sounds/gong.mp3"),
    ]
    names = {}
    for question, form, relative in cases:
        name = name_in(found[question], form)
        assert (stored / name).read_bytes() == (deck / relative).read_bytes(), question
        names[relative] = name
    # Same file name, different folders: two media files; a file used twice: the same one.
    assert names["img/diagram.png"] != names["other/diagram.png"]
    assert name_in(found["What is shown twice?"], 'src="') == names["img/diagram.png"]
    assert sorted(p.name for p in stored.iterdir() if p.is_file()) == sorted(names.values())
    assert "![[" not in found["What is embedded by name?"] and "300" not in found["What is embedded by name?"]


def test_package_holds_each_file_once_and_nothing_else(deck, tmp_path):
    assert build(deck, tmp_path / "out") == 0
    with zipfile.ZipFile(package(tmp_path / "out")) as written:
        listed = written.read("media").decode()
        members = [n for n in written.namelist() if n not in ("collection.anki2", "media")]
    assert len(members) == 5  # img/diagram.png is used twice, stored once
    assert "diagram-" in listed and "my-picture-" in listed


def test_missing_picture_is_reported_with_file_and_line(deck, tmp_path, collection, capsys):
    text = NOTES + "\n## What is lost?\n\nNothing left: ![a lost diagram](img/lost.png)\n"
    (deck / "media.md").write_text(text, encoding="utf-8")
    line = text.splitlines().index("Nothing left: ![a lost diagram](img/lost.png)") + 1
    assert build(deck, tmp_path / "out") == 0
    assert f"media.md:{line}: media: picture or sound not found: img/lost.png" in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    assert answers(collection)["What is lost?"] == "<p>Nothing left: a lost diagram</p>"
    assert main(["check", str(deck)]) == 0
    assert f"media.md:{line}: media:" in capsys.readouterr().out
    assert main(["check", "--strict", str(deck)]) == 1


def test_edited_picture_updates_its_note_on_reimport(deck, tmp_path, collection):
    out = tmp_path / "out"
    assert build(deck, out) == 0
    first = package(out).read_bytes()
    import_apkg(collection, package(out))
    before = answers(collection)["What does the architecture look like?"]

    assert build(deck, out) == 0
    assert package(out).read_bytes() == first  # nothing changed: the same bytes
    assert build(deck, tmp_path / "again") == 0  # written afresh (no cache, no stamps), from the same lock
    assert package(tmp_path / "again").read_bytes() == first

    (deck / "img" / "diagram.png").write_bytes(png(255, 255, 0))
    assert build(deck, out) == 0
    import_apkg(collection, package(out))
    after = answers(collection)["What does the architecture look like?"]
    assert after != before
    name = after.split('src="')[1].split('"')[0]
    assert (media_dir(collection) / name).read_bytes() == png(255, 255, 0)
    # The other diagram's note is untouched.
    assert answers(collection)["What does the other diagram show?"].count("diagram-") == 1


def opened_while(action: Callable[[], int]) -> list[str]:
    """The files opened and the addresses connected to while ``action`` (a command, which must succeed) runs."""
    opened: list[str] = []
    watching = [True]

    def audit(event: str, args: tuple) -> None:
        if watching[0] and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))
        elif watching[0] and event == "socket.connect":
            opened.append(str(args[1]))

    sys.addaudithook(audit)  # hooks cannot be removed: this one stops listening after the action
    try:
        assert action() == 0
    finally:
        watching[0] = False
    return opened


def test_nothing_outside_the_source_folder_is_read(tmp_path, capsys):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.png").write_bytes(png(1, 2, 3))
    folder = tmp_path / "notes"
    folder.mkdir()
    links = ""
    try:
        os.symlink(secret / "private.png", folder / "link.png")
        links = "\n## What does the link show?\n\nLinked: ![link](link.png)\n"
    except (OSError, NotImplementedError):
        pass  # no symlinks here (Windows without the privilege): the climbing reference is still tested
    (folder / "notes.md").write_text(
        "# Secrets\n\n## What is up there?\n\nClimbing: ![up](../secret/private.png)\n"
        "\n## What does the embed find?\n\n![[../secret/private.png]]\n" + links,
        encoding="utf-8",
    )
    opened = opened_while(lambda: build(folder, tmp_path / "out"))
    assert not [path for path in opened if str(secret) in path or "private" in path]
    err = capsys.readouterr().err
    assert "notes.md:5: media: outside the source folder, not read: ../secret/private.png" in err
    if links:
        assert "media: outside the source folder, not read: link.png" in err
    with zipfile.ZipFile(package(tmp_path / "out")) as written:
        assert written.read("media") == b"{}"


def test_remote_pictures_stay_remote_and_code_is_left_alone(tmp_path, collection):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.md").write_text(
        "# Web\n\n## Where is the logo?\n\n![logo](https://example.com/logo.png) and "
        '<img src="https://example.com/b.png" alt="b">\n\n'
        "## How is a picture written?\n\nAs `![alt](x.png)` in Markdown\n",
        encoding="utf-8",
    )
    assert build(folder, tmp_path / "out") == 0
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    assert 'src="https://example.com/logo.png"' in found["Where is the logo?"]
    assert 'src="https://example.com/b.png"' in found["Where is the logo?"]
    assert "<code>![alt](x.png)</code>" in found["How is a picture written?"]
    assert not [p for p in media_dir(collection).iterdir() if p.is_file()]


def test_formats_without_media_keep_the_path_and_anki_text_the_name(deck, tmp_path):
    out = tmp_path / "out"
    assert build(deck, out, "--format", "csv,tsv,supermemo,obsidian,anki-csv") == 0
    csv = package(out, ".csv").read_text(encoding="utf-8")
    assert "architecture (img/diagram.png)" in csv and "[sound:sounds/gong.mp3]" in csv
    assert "other/diagram.png" in package(out, ".tsv").read_text(encoding="utf-8")
    assert "attachments/bell.mp3" in package(out, ".supermemo.txt").read_text(encoding="utf-8")
    assert "![my picture](attachments/my%20picture.png)" in package(out, ".md").read_text(encoding="utf-8")
    anki_text = package(out, ".anki.txt").read_text(encoding="utf-8")
    name = media.media_name(deck / "img" / "diagram.png")
    assert f'src=""{name}""' in anki_text and "img/diagram.png" not in anki_text


def test_pictures_in_sources_are_media_not_unknown_files(deck, tmp_path, capsys):
    (deck / "unused.gif").write_bytes(b"GIF89a")
    assert main(["list", str(deck)]) == 0
    assert "unknown extension" not in capsys.readouterr().err


def test_media_names_carry_a_hash_of_the_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, colour in ((a, 1), (b, 2)):
        folder.mkdir()
        (folder / "My diagram (v2).PNG").write_bytes(png(colour, 0, 0))
    first, second = media.media_name(a / "My diagram (v2).PNG"), media.media_name(b / "My diagram (v2).PNG")
    assert first != second
    assert first.startswith("My-diagram-v2-") and first.endswith(".png")
    (b / "My diagram (v2).PNG").write_bytes(png(1, 0, 0))
    assert media.media_name(b / "My diagram (v2).PNG") == first


def test_an_embed_resolves_by_name_anywhere_under_the_source_folder(deck):
    library = media.Library(deck)
    source = Source(deck / "media.md", "![[diagram.png]] ![[img/diagram.png]]")
    scan = library.scan(source)
    assert not scan.findings
    assert {f.relative for f in scan.files} == {"img/diagram.png"}  # the shorter path of the two


def test_pictures_in_a_csv_deck_and_an_obsidian_note_reach_anki(tmp_path, collection):
    folder = tmp_path / "mixed"
    (folder / "att").mkdir(parents=True)
    (folder / "att" / "red dot.png").write_bytes(png(200, 0, 0))
    (folder / "att" / "chime.ogg").write_bytes(SOUND + b" chime")
    (folder / "deck.csv").write_text(
        'Front,Back\n"What is red?","<img src=""att/red dot.png""> a dot"\n"What rings?","[sound:att/chime.ogg]"\n',
        encoding="utf-8",
    )
    (folder / "cards.md").write_text("#flashcards\n\nWhat is the dot::![[red dot.png]]\nWhat is a dot?::A small round mark\n", encoding="utf-8")
    assert build(folder, tmp_path / "out") == 0
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    name = media.media_name(folder / "att" / "red dot.png")
    assert f'src="{name}"' in found["What is red?"] and f'src="{name}"' in found["What is the dot"]
    assert found["What rings?"] == f"<p>[sound:{media.media_name(folder / 'att' / 'chime.ogg')}]</p>"
    assert (media_dir(collection) / name).read_bytes() == png(200, 0, 0)


def test_media_names_are_composed_as_anki_stores_them(tmp_path):
    import unicodedata

    decomposed = tmp_path / unicodedata.normalize("NFD", "café.png")  # as macOS names files
    decomposed.write_bytes(png(9, 9, 9))
    name = media.media_name(decomposed)
    assert name.startswith("café-") and name == unicodedata.normalize("NFC", name)
