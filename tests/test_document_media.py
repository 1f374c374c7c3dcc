"""Pictures inside Word, OpenDocument and PowerPoint files reach Anki: read from the document's own parts, named, stored and updated
as pictures beside a Markdown note are; nothing outside the document, linked or too big is read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from qadeck.cli import main
from qadeck.render import media

from .conftest import import_apkg, notes_by_guid
from .listing import listed
from .office_pictures import docx, odf_frame, relationships, slide_picture, with_parts, word_drawing, word_paragraph
from .test_media import answers, build, media_dir, opened_while, package, png
from .test_slides import frame, odp, para, pptx, run, shape, title
from .test_word_processors import odt

DIAGRAM, LOGO = png(255, 0, 0), png(0, 0, 255)


def faq(diagram: bytes = DIAGRAM) -> bytes:
    """A Word FAQ, bold questions, a picture under each answer (the second without alt text)."""
    body = (word_paragraph("What does the pipeline look like?", bold=True) + word_paragraph("Three stages:")
            + word_drawing("rId5", "the pipeline diagram")
            + word_paragraph("What colour is the logo?", bold=True) + word_paragraph("Blue, as here")
            + word_drawing("rId6"))
    return docx(body, {"rId5": "media/image1.png", "rId6": "media/image2.png"},
                {"word/media/image1.png": diagram, "word/media/image2.png": LOGO})


def folder_with(tmp_path: Path, data: bytes, name: str = "faq.docx") -> Path:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


def test_a_picture_under_an_answer_is_shown_and_stored_in_the_package(tmp_path, collection, capsys):
    folder = folder_with(tmp_path, faq())
    cards = {card["question"]: card for card in listed(folder)}
    diagram = cards["What does the pipeline look like?"]["answer_html"]
    assert diagram.startswith("<p>Three stages:</p>")
    assert '<img src="image1-' in diagram and 'alt="the pipeline diagram"' in diagram
    assert '<img src="image2-' in cards["What colour is the logo?"]["answer_html"]

    assert build(folder, tmp_path / "out") == 0
    assert "warning" not in capsys.readouterr().err
    import_apkg(collection, package(tmp_path / "out"))
    found = answers(collection)
    for question, data in (("What does the pipeline look like?", DIAGRAM), ("What colour is the logo?", LOGO)):
        name = found[question].split('src="')[1].split('"')[0]
        assert (media_dir(collection) / name).read_bytes() == data, question


def test_an_edited_picture_inside_the_document_updates_its_note(tmp_path, collection):
    folder = folder_with(tmp_path, faq())
    out = tmp_path / "out"
    assert build(folder, out) == 0
    import_apkg(collection, package(out))
    before = notes_by_guid(collection)

    (folder / "faq.docx").write_bytes(faq(png(0, 255, 0)))
    assert build(folder, out) == 0
    import_apkg(collection, package(out))
    after = notes_by_guid(collection)
    assert after.keys() == before.keys()  # the same notes, updated in place
    changed = [guid for guid in after if after[guid]["Answer"] != before[guid]["Answer"]]
    assert len(changed) == 1
    name = after[changed[0]]["Answer"].split('src="')[1].split('"')[0]
    assert name.startswith("image1-") and (media_dir(collection) / name).read_bytes() == png(0, 255, 0)


def test_formats_without_media_show_a_documents_picture_as_a_missing_one(tmp_path):
    folder = folder_with(tmp_path, faq())
    out = tmp_path / "out"
    assert build(folder, out, "--format", "csv,obsidian") == 0
    csv = package(out, ".csv").read_text(encoding="utf-8")
    assert "Three stages:\n\nthe pipeline diagram" in csv and "Blue, as here\n\nimage2.png" in csv
    assert "document-part" not in csv and "faq.docx/" not in package(out, ".md").read_text(encoding="utf-8")


def test_a_part_named_outside_the_document_or_too_big_is_refused_with_a_finding(tmp_path, capsys):
    (tmp_path / "outside.png").write_bytes(png(1, 2, 3))
    body = (word_paragraph("What climbs out?", bold=True) + word_drawing("rId1", "up")
            + word_paragraph("What is absolute?", bold=True) + word_paragraph("![abs](document-part:/etc/abs.png)")
            + word_paragraph("What is too big?", bold=True) + word_drawing("rId2", "huge")
            + word_paragraph("What is fine?", bold=True) + word_drawing("rId3", "fine"))
    data = docx(body, {"rId1": "../../outside.png", "rId2": "media/huge.png", "rId3": "media/fine.png"},
                # The zip holds a part of the climbing name too: refused by its name, not for want of it.
                {"../outside.png": png(4, 5, 6), "word/media/huge.png": bytes(33 * 1024 * 1024),
                 "word/media/fine.png": DIAGRAM})
    folder = folder_with(tmp_path, data)
    assert build(folder, tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert "faq.docx:3: media: not a part of the document, not read: ../outside.png" in err
    assert "media: not a part of the document, not read: /etc/abs.png" in err
    assert "media: a picture that unpacks to over 33554432 bytes: too big to read: word/media/huge.png" in err
    with zipfile.ZipFile(package(tmp_path / "out")) as written:
        assert list(json.loads(written.read("media")).values()) == [media.media_name(folder / "faq.docx",
                                                                                      "word/media/fine.png")]
    assert main(["check", "--strict", str(folder)]) == 1


def test_a_linked_picture_is_never_fetched(tmp_path, capsys):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(7, 7, 7))
    body = (word_paragraph("What is linked?", bold=True) + word_paragraph("A picture elsewhere:")
            + word_drawing("rId1", "linked", attribute="r:link") + word_drawing("rId2", "embedded link")
            + word_paragraph("What is embedded?", bold=True) + word_paragraph("Nothing here"))
    data = docx(body, {"rId1": secret.as_uri(), "rId2": "https://example.com/logo.png"}, {},
                external=frozenset({"rId1", "rId2"}))
    folder = folder_with(tmp_path, data)
    opened = opened_while(lambda: build(folder, tmp_path / "out"))
    assert not [place for place in opened if "secret" in place or "example.com" in place]
    assert "media" not in capsys.readouterr().err
    card = listed(folder)[0]
    assert card["answer"] == "A picture elsewhere:" and "<img" not in card["answer_html"]


def test_only_a_document_reads_its_own_pictures(tmp_path, capsys):
    folder = folder_with(tmp_path, faq())
    (folder / "notes.md").write_text("# Notes\n\n## What is borrowed?\n\n![borrowed](document-part:word/media/image1.png)\n",
                                     encoding="utf-8")
    cards = {card["question"]: card for card in listed(folder)}
    assert cards["What is borrowed?"]["answer_html"] == "<p>borrowed</p>"
    assert build(folder, tmp_path / "out") == 0
    assert "notes.md:5: media: a picture inside a document, read only by that document" in capsys.readouterr().err


def test_an_old_vml_picture_is_read_too(tmp_path):
    body = (word_paragraph("What did Word 2003 draw?", bold=True) + word_paragraph("This:")
            + '<w:p><w:r><w:pict><v:shape id="_x0000_i1025" style="width:75pt;height:75pt">'
              '<v:imagedata r:id="rId9" o:title="an old chart"/></v:shape></w:pict></w:r></w:p>'
            + word_paragraph("What else?", bold=True) + word_paragraph("Nothing"))
    folder = folder_with(tmp_path, docx(body, {"rId9": "media/image9.png"}, {"word/media/image9.png": LOGO}))
    card = listed(folder)[0]
    assert '<img src="image9-' in card["answer_html"] and 'alt="an old chart"' in card["answer_html"]


def test_pictures_in_an_opendocument_text_are_read_from_its_pictures_folder(tmp_path):
    body = ('<text:p text:style-name="P1"><text:span text:style-name="T1">What does the pipeline look like?</text:span></text:p>'
            f"<text:p>Three stages: {odf_frame('Pictures/10000000diagram.png', 'the pipeline diagram', 'Pipeline')}</text:p>"
            '<text:p><text:span text:style-name="T1">What is linked?</text:span></text:p>'
            f"<text:p>A photo elsewhere {odf_frame('../photo.png', 'linked')}{odf_frame('https://example.com/a.png')}</text:p>")
    (tmp_path / "photo.png").write_bytes(LOGO)
    folder = folder_with(tmp_path, with_parts(odt(body), {"Pictures/10000000diagram.png": DIAGRAM}), "faq.odt")
    cards = {card["question"]: card for card in listed(folder)}
    diagram = cards["What does the pipeline look like?"]["answer_html"]
    name = media.media_name(folder / "faq.odt", "Pictures/10000000diagram.png")
    assert f'<img src="{name}" alt="the pipeline diagram"' in diagram and diagram.startswith("<p>Three stages: ")
    assert cards["What is linked?"]["answer"] == "A photo elsewhere"


def test_pictures_on_slides_show_where_they_stand(tmp_path, collection):
    deck = pptx((title("What does the cell look like?") + shape(para(run("Under a microscope:")), at=(2.0, 4.0))
                 + slide_picture("rId7", "a cell", at=(2.0, 8.0))),
                title("What is linked?") + shape(para(run("Nothing stored")), at=(2.0, 4.0))
                + slide_picture("rId8", "far away"))
    # The first slide given is the deck's slide2.xml (the builder numbers them backwards).
    deck = with_parts(deck, {"ppt/slides/_rels/slide2.xml.rels": relationships({"rId7": "../media/image1.png"}),
                             "ppt/media/image1.png": DIAGRAM})
    impress = odp(frame("title", "<text:p>What does the cell look like?</text:p>")
                  + frame("subtitle", "<text:p>Under a microscope:</text:p>").replace('svg:width="25cm"', 'svg:y="4cm"')
                  + odf_frame("Pictures/cell.png", "a cell").replace("<draw:frame ", '<draw:frame svg:y="8cm" '),
                  frame("title", "<text:p>What is linked?</text:p>") + frame("subtitle", "<text:p>Nothing stored</text:p>"))
    impress = with_parts(impress, {"Pictures/cell.png": DIAGRAM})
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "cells.pptx").write_bytes(deck)
    (folder / "cells.odp").write_bytes(impress)
    for name, member in (("cells.pptx", "ppt/media/image1.png"), ("cells.odp", "Pictures/cell.png")):
        cards = {card["question"]: card for card in listed(folder / name)}
        stored = media.media_name(folder / name, member)
        assert cards["What does the cell look like?"]["answer_html"] == (
            f'<p>Under a microscope:</p>\n<p><img src="{stored}" alt="a cell" /></p>'), name
        assert cards["What is linked?"]["answer"] == "Nothing stored", name
    assert build(folder, tmp_path / "out") == 0
    import_apkg(collection, package(tmp_path / "out"))
    stored = [p for p in media_dir(collection).iterdir() if p.is_file()]
    assert [p.read_bytes() for p in stored] == [DIAGRAM, DIAGRAM]  # the same bytes, from each deck


def test_a_picture_anki_cannot_show_is_reported_and_shown_by_its_name(tmp_path, capsys):
    body = (word_paragraph("What did Visio draw?", bold=True) + word_paragraph("This:") + word_drawing("rId1")
            + word_paragraph("What else?", bold=True) + word_paragraph("Nothing"))
    folder = folder_with(tmp_path, docx(body, {"rId1": "media/flow chart.emf"}, {"word/media/flow chart.emf": b"EMF"}))
    assert build(folder, tmp_path / "out") == 0
    assert "faq.docx:5: media: a picture Anki cannot show: word/media/flow chart.emf" in capsys.readouterr().err
    assert listed(folder)[0]["answer"] == "This:\n\nflow chart.emf"
