"""Pictures stored inside the source file itself reach Anki: EPUB books, Anki packages, flat OpenDocument files and
Moodle XML banks, each picture read from that file alone (its zip member, its media map entry, its base64 element),
named, stored and updated as a picture beside a note is.

The files are built here with text and one-pixel pictures of our own; the Anki packages by the real Anki backend.
"""

from __future__ import annotations

import base64
import html
import io
import json
import zipfile
from pathlib import Path

import pytest

from qadeck.cli import main
from qadeck.markups import parts
from qadeck.render import media

from .archives import zipped
from .conftest import import_apkg, notes_by_guid
from .listing import listed
from .office_pictures import odf_frame
from .test_epub import epub
from .test_media import SOUND, answers, build, media_dir, opened_while, package, png
from .test_slides import frame, odp
from .test_word_processors import fodt

RED, BLUE, GREEN = png(255, 0, 0), png(0, 0, 255), png(0, 255, 0)


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _src(field: str) -> str:
    return field.split('src="')[1].split('"')[0]


# --- EPUB -------------------------------------------------------------------------------------------------------

def _book(pictures: dict[str, bytes]) -> bytes:
    chapter = ('<h2>What does frob look like?</h2><p>Like this: <img src="../Images/frob%20logo.png" alt="the [frob] logo"/></p>'
               '<h2>What is outside the book?</h2><p>Nothing: <img src="../../../outside.png" alt="a climber"/>'
               ' <img src="https://example.com/far.png" alt="far"/></p>')
    book = epub({"OEBPS/Text/chapter.xhtml": chapter})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as original, zipfile.ZipFile(out, "w") as written:
        for info in original.infolist():
            written.writestr(info, original.read(info))
        for member, data in pictures.items():
            written.writestr(member, data)
    return out.getvalue()


def test_a_picture_in_an_epub_chapter_reaches_anki_and_nothing_outside_the_book_is_read(tmp_path, collection, capsys):
    (tmp_path / "outside.png").write_bytes(BLUE)
    folder = _folder(tmp_path, {"book.epub": _book({"OEBPS/Images/frob logo.png": RED})})
    (folder / "outside.png").write_bytes(BLUE)  # beside the book: still not what the book shows
    cards = {card["question"]: card for card in listed(folder / "book.epub")}
    name = media.media_name(folder / "book.epub", "OEBPS/Images/frob logo.png")
    assert cards["What does frob look like?"]["answer_html"] == f'<p>Like this: <img src="{name}" alt="the frob logo" /></p>'
    assert cards["What is outside the book?"]["answer"] == "Nothing: a climber ![far](https://example.com/far.png)"

    opened = opened_while(lambda: build(folder / "book.epub", tmp_path / "out"))
    assert not [place for place in opened if "outside" in place or "example.com" in place]
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    stored = _src(answers(collection)["What does frob look like?"])
    assert stored == name and (media_dir(collection) / stored).read_bytes() == RED


# --- Anki packages ----------------------------------------------------------------------------------------------

def _anki_deck(folder: Path, legacy: bool) -> Path:
    """A package the real Anki exports with its media: a picture (a space in its name) and a sound on the back of
    one note, a note whose front is only a picture, one whose front is a line over the same picture."""
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    home = folder / f"anki-{legacy}"
    home.mkdir()
    col = Collection(str(home / "collection.anki2"))
    for name, data in (("dog photo.png", RED), ("flag.png", BLUE), ("bark.mp3", SOUND)):
        (Path(col.media.dir()) / name).write_bytes(data)
    deck = col.decks.id("Animals")
    for front, back in (("el perro", 'the dog<br><img src="dog photo.png"> [sound:bark.mp3]'),
                        ('<img src="flag.png">', "the flag of nowhere"),
                        ('<div>Whose flag is this?</div><div><img src="flag.png"></div>', "nobody's"),
                        ("la casa", 'the house <img src="not-in-the-package.png" alt="a house">')):
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = front, back
        col.add_note(note, deck)
    path = folder / f"animals-{'legacy' if legacy else 'new'}.apkg"
    options = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True, legacy=legacy)
    col.export_anki_package(out_path=str(path), options=options, limit=DeckIdLimit(deck_id=deck))
    col.close()
    return path


@pytest.mark.parametrize("legacy", [True, False], ids=["legacy", "anki-2.1.50"])
def test_an_anki_packages_pictures_and_sounds_survive_a_rebuild_through_qadeck(tmp_path, collection, legacy, capsys):
    package_path = _anki_deck(tmp_path, legacy)
    cards = {card["question"]: card for card in listed(package_path)}
    assert cards["la casa"]["answer"] == "the house a house"  # not in the package: its alt text, no finding
    dog = cards["el perro"]["answer_html"]
    assert f'<img src="{media.media_name(package_path, "dog photo.png")}" alt="" />' in dog
    assert f"[sound:{media.media_name(package_path, 'bark.mp3')}]" in dog
    flag = media.media_name(package_path, "flag.png")
    assert cards[f"![]({flag})"]["answer"] == "the flag of nowhere"  # a picture alone asks
    assert cards[f"Whose flag is this? ![]({flag})"]["answer"] == "nobody's"  # a front's picture follows its text

    assert build(package_path, tmp_path / "out") == 0
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    back = found["el perro"]
    assert (media_dir(collection) / _src(back)).read_bytes() == RED
    sound = back.split("[sound:")[1].split("]")[0]
    assert (media_dir(collection) / sound).read_bytes() == SOUND
    for question in (question for question in found if "flag-" in question):
        assert (media_dir(collection) / _src(question)).read_bytes() == BLUE, question


def test_a_packages_media_map_cannot_name_a_place_outside_it_or_pass_off_a_page_as_a_picture(tmp_path, capsys):
    (tmp_path / "secret.png").write_bytes(BLUE)
    import genanki

    model = genanki.Model(1607392319, "Simple", fields=[{"name": "Front"}, {"name": "Back"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr>{{Back}}"}])
    deck = genanki.Deck(2059400110, "Tricks")
    for front, back in (("What climbs?", 'up <img src="../../secret.png">'), ("What hides?", 'a page <img src="page.png">'),
                        ("What is fine?", 'a picture <img src="fine.png">')):
        deck.add_note(genanki.Note(model=model, fields=[front, back]))
    built = tmp_path / "built.apkg"
    genanki.Package(deck).write_to_file(built)
    with zipfile.ZipFile(built) as original:
        members = {info.filename: original.read(info) for info in original.infolist() if info.filename != "media"}
    members.update({"media": json.dumps({"0": "../../secret.png", "1": "page.png", "2": "fine.png"}),
                    "0": BLUE, "1": b"<html><script>alert(1)</script></html>", "2": GREEN})
    folder = _folder(tmp_path, {"tricks.apkg": zipped(members)})
    opened = opened_while(lambda: build(folder / "tricks.apkg", tmp_path / "out"))
    assert not [place for place in opened if "secret" in place]
    err = capsys.readouterr().err
    assert "media: not a part of the document, not read: ../../secret.png" in err
    assert "media: not a picture or sound Anki can show: its bytes are no .png: page.png" in err
    with zipfile.ZipFile(package(tmp_path / "out")) as written:
        assert list(json.loads(written.read("media")).values()) == [media.media_name(folder / "tricks.apkg", "fine.png")]


# --- Flat OpenDocument ------------------------------------------------------------------------------------------

def _stored_frame(data: bytes, description: str = "") -> str:
    """A picture frame as LibreOffice writes one in a flat file: its bytes in base64, in lines."""
    encoded = base64.b64encode(data).decode()
    lines = "\n".join(encoded[at:at + 20] for at in range(0, len(encoded), 20))
    return odf_frame("Pictures/x.png", description).replace(
        '<draw:image xlink:href="Pictures/x.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>',
        f"<draw:image>\n<office:binary-data>{lines}</office:binary-data>\n</draw:image>")


def _flat_text(diagram: bytes) -> bytes:
    return fodt('<text:p text:style-name="P1">What does the pipeline look like?</text:p>'
                f"<text:p>Three stages: {_stored_frame(diagram, 'the pipeline')}</text:p>"
                '<text:p text:style-name="P1">What did Visio draw?</text:p>'
                f"<text:p>A metafile: {_stored_frame(bytes.fromhex('010000006c000000') + bytes(40))}</text:p>")


def test_a_picture_stored_in_a_flat_opendocument_file_reaches_anki(tmp_path, collection, capsys):
    slides = odp(frame("title", "<text:p>What does a cell look like?</text:p>")
                 + frame("subtitle", "<text:p>Round:</text:p>").replace('svg:width="25cm"', 'svg:y="4cm"')
                 + _stored_frame(BLUE, "a cell").replace("<draw:frame ", '<draw:frame svg:y="8cm" '),
                 frame("title", "<text:p>Is it alive?</text:p>") + frame("subtitle", "<text:p>Yes</text:p>"))
    with zipfile.ZipFile(io.BytesIO(slides)) as zipped_slides:  # the same slides as one flat XML file
        flat_slides = zipped_slides.read("content.xml").decode().replace("office:document-content", "office:document")
    folder = _folder(tmp_path, {"faq.fodt": _flat_text(RED), "cells faq.fodp": flat_slides.encode()})
    text = {card["question"]: card for card in listed(folder / "faq.fodt")}
    name = media.media_name(folder / "faq.fodt", "0/image1.png")
    assert text["What does the pipeline look like?"]["answer_html"] == f'<p>Three stages: <img src="{name}" alt="the pipeline" /></p>'
    assert text["What did Visio draw?"]["answer"] == "A metafile: image2.bin"
    cells = {card["question"]: card for card in listed(folder / "cells faq.fodp")}
    assert f'<img src="{media.media_name(folder / "cells faq.fodp", "0/image1.png")}" alt="a cell" />' in (
        cells["What does a cell look like?"]["answer_html"])

    assert build(folder, tmp_path / "out") == 0
    assert "faq.fodt:7: media: a picture Anki cannot show: 1/image2.bin" in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    assert (media_dir(collection) / _src(found["What does the pipeline look like?"])).read_bytes() == RED
    assert (media_dir(collection) / _src(found["What does a cell look like?"])).read_bytes() == BLUE


def test_an_unchanged_file_is_not_read_again_for_its_pictures_and_an_edited_picture_updates_its_note(
        tmp_path, collection, monkeypatch):
    folder = _folder(tmp_path, {"faq.fodt": _flat_text(RED)})
    source, out = folder / "faq.fodt", tmp_path / "out"
    read = []
    monkeypatch.setattr(parts, "read", lambda *args, real=parts.read: read.append(args) or real(*args))
    assert build(folder, out) == 0
    assert len(read) == 2  # the picture read to name it, then to store it
    import_apkg(collection, package(out))
    before = notes_by_guid(collection)
    # Unchanged, the file's pictures are not read again: their names are remembered with the file's size and time.
    read.clear()
    assert build(folder, out) == 0 and read == []

    source.write_bytes(_flat_text(GREEN))
    assert build(folder, out) == 0
    import_apkg(collection, package(out))
    after = notes_by_guid(collection)
    assert after.keys() == before.keys()
    changed = [guid for guid in after if after[guid]["Answer"] != before[guid]["Answer"]]
    assert len(changed) == 1 and (media_dir(collection) / _src(after[changed[0]]["Answer"])).read_bytes() == GREEN


# --- Moodle XML -------------------------------------------------------------------------------------------------

def _file(name: str, data: bytes) -> str:
    return f'<file name="{html.escape(name)}" path="/" encoding="base64">{base64.b64encode(data).decode()}</file>'


def _bank() -> bytes:
    """Two questions that each store their own ``map.png`` (different pictures), one that names a file it does not
    hold, one whose file climbs out."""
    def question(text: str, files: str, right: str) -> str:
        return (f'<question type="shortanswer"><name><text>q</text></name><questiontext format="html">'
                f"<text><![CDATA[{text}]]></text>{files}</questiontext>"
                f'<answer fraction="100"><text>{right}</text></answer></question>\n')

    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
            + question('<p>Which country is this?</p><p><img src="@@PLUGINFILE@@/map.png" alt="a map"></p>',
                       _file("map.png", RED), "Red Land")
            + question('<p>And this one?</p><img src="@@PLUGINFILE@@/map.png" alt="another map">', _file("map.png", BLUE),
                       "Blue Land")
            + question('<p>Where is the legend?</p><img src="@@PLUGINFILE@@/legend.png" alt="the legend">', "", "Nowhere")
            + question('<p>What climbs?</p><img src="@@PLUGINFILE@@/..%2F..%2Fsecret.png" alt="up">',
                       _file("../../secret.png", GREEN), "Nothing")
            + "</quiz>\n").encode()


def test_pictures_stored_in_a_moodle_bank_reach_anki_each_from_its_own_question(tmp_path, collection, capsys):
    (tmp_path / "secret.png").write_bytes(GREEN)
    folder = _folder(tmp_path, {"bank.xml": _bank()})
    cards = {card["question"].split("\n")[0]: card for card in listed(folder / "bank.xml")}
    assert cards["Where is the legend?"]["question"] == "Where is the legend?\n\nthe legend"
    opened = opened_while(lambda: build(folder / "bank.xml", tmp_path / "out"))
    assert not [place for place in opened if "secret" in place]
    assert "media: not a part of the document, not read: 2/../../secret.png" in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    questions = {question.split("<")[0].strip(): question for question in answers(collection)}
    first, second = _src(questions["Which country is this?"]), _src(questions["And this one?"])
    assert first.startswith("map-") and second.startswith("map-") and first != second
    assert (media_dir(collection) / first).read_bytes() == RED
    assert (media_dir(collection) / second).read_bytes() == BLUE


def test_only_the_file_that_holds_a_picture_reads_it(tmp_path, capsys):
    folder = _folder(tmp_path, {"bank.xml": _bank()})
    (folder / "notes.md").write_text("# Notes\n\n## What is borrowed?\n\n![borrowed](document-part:0/map.png)\n",
                                     encoding="utf-8")
    assert main(["build", str(folder / "notes.md"), "-o", str(tmp_path / "out")]) == 0
    assert "notes.md:5: media: a picture inside a document, read only by that document" in capsys.readouterr().err


# --- Word 97-2003 -----------------------------------------------------------------------------------------------

def test_pictures_in_a_word_97_document_reach_anki(tmp_path, collection, capsys):
    # The fixture is LibreOffice's .doc of our text and pictures (tests/make_doc_fixtures.py): inline pictures
    # in the Data stream, as Word writes them.
    data = (Path(__file__).parent / "fixtures" / "bold" / "word97-pictures.doc").read_bytes()
    folder = _folder(tmp_path, {"faq.doc": data})
    assert build(folder, tmp_path / "out") == 0
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    for question, picture in (("What does the pipeline look like?", RED), ("What colour is the logo?", BLUE)):
        assert (media_dir(collection) / _src(found[question])).read_bytes() == picture, question


def test_a_word_97_picture_whose_bytes_are_not_what_its_record_says_is_refused(tmp_path, capsys):
    data = (Path(__file__).parent / "fixtures" / "bold" / "word97-pictures.doc").read_bytes()
    assert data.count(RED) == 1
    folder = _folder(tmp_path, {"faq.doc": data.replace(RED, b"<html>" + RED[6:])})  # a page where the PNG was
    assert build(folder, tmp_path / "out") == 0
    assert "faq.doc:3: media: not a picture or sound Anki can show: its bytes are no .png: 0/image1.png" in (
        capsys.readouterr().err)
    with zipfile.ZipFile(package(tmp_path / "out")) as written:
        assert [name.split("-")[0] for name in json.loads(written.read("media")).values()] == ["image2"]


# --- CrowdAnki decks ----------------------------------------------------------------------------------------------

def _crowdanki(folder: Path, media_files: list[str]) -> Path:
    deck = {
        "__type__": "Deck", "name": "Biology", "crowdanki_uuid": "deck-1", "children": [], "media_files": media_files,
        "note_models": [{"__type__": "NoteModel", "crowdanki_uuid": "model-1", "name": "Basic", "type": 0,
                         "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
                         "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                                    "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]}],
        "notes": [
            {"__type__": "Note", "guid": "n1", "note_model_uuid": "model-1", "tags": [],
             "fields": ["What does a cell look like?", 'Round: <img src="cell%20one.png" alt="a [cell]"> [sound:hum.mp3]']},
            {"__type__": "Note", "guid": "n2", "note_model_uuid": "model-1", "tags": [],
             "fields": ["What is not in the deck?", 'A secret: <img src="../secret.png" alt="nothing"> [sound:gone.mp3]']},
            {"__type__": "Note", "guid": "n3", "note_model_uuid": "model-1", "tags": [],
             "fields": ["What is the mass-energy relation?", "[$]E = mc^2[/$]"]},
        ],
    }
    (folder / "deck.json").write_text(json.dumps(deck), encoding="utf-8")
    return folder


def test_a_crowdanki_decks_pictures_and_sounds_come_from_its_media_folder(tmp_path, collection, capsys):
    folder = _folder(tmp_path, {})
    (folder / "media").mkdir()
    (folder / "media" / "cell one.png").write_bytes(GREEN)
    (folder / "media" / "hum.mp3").write_bytes(SOUND)
    (tmp_path / "secret.png").write_bytes(BLUE)
    _crowdanki(folder, ["cell one.png", "hum.mp3"])
    cards = {card["question"]: card for card in listed(folder)}
    # Only what the deck lists is read, from its media folder; a name it does not list is its alt text.
    assert cards["What is not in the deck?"]["answer"] == "A secret: nothing"
    assert cards["What is the mass-energy relation?"]["answer"] == "\\(E = mc^2\\)"

    opened = opened_while(lambda: build(folder, tmp_path / "out"))
    assert not [place for place in opened if "secret" in place]
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    field = answers(collection)["What does a cell look like?"]
    picture = _src(field)
    sound = field.split("[sound:")[1].split("]")[0]
    assert (media_dir(collection) / picture).read_bytes() == GREEN
    assert (media_dir(collection) / sound).read_bytes() == SOUND
    assert 'alt="a cell"' in field


def test_a_crowdanki_deck_copied_without_its_media_folder_warns_in_a_few_lines(tmp_path, capsys):
    folder = _folder(tmp_path, {})
    sounds = [f"word {i}.mp3" for i in range(12)]
    deck = json.loads(_crowdanki(folder, [*sounds, "cell.png"]).joinpath("deck.json").read_text())
    deck["notes"] = [{**deck["notes"][0], "guid": f"n{i}",
                      "fields": [f"What is word {i}?", f'Said so. [sound:{sound}] <img src="cell.png" alt="cell {i}">']}
                     for i, sound in enumerate(sounds)]
    (folder / "deck.json").write_text(json.dumps(deck), encoding="utf-8")
    assert build(folder, tmp_path / "out") == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning")]
    assert len(warnings) == 11 and "3 more pictures or sounds not used" in warnings[-1]
    # A missing sound is its file's name, a missing picture its alt text.
    assert listed(folder)[0]["answer"] == "Said so. word 0.mp3 cell 0"
