"""EPUB books read as e-book FAQs and question books are: cards through ``qadeck list --json``.

The books are built here as EPUB writers (Sigil, Calibre, pandoc) lay them out, with text of our own: the
package file in a folder, a manifest listed in another order than the spine, a chapter whose file name
is URL-encoded in the manifest, a navigation document in the spine, fonts obfuscated as EPUB allows.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import sources
from qadeck.cli import cli

from .listing import listed_file, pairs, refused

CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             "</rootfiles></container>")
CHAPTERS = {
    "OEBPS/Text/title.xhtml": ('<section epub:type="titlepage"><h1>Frob FAQ</h1><h1>Second edition</h1>'
                               "<p>The frob team</p></section>"),
    "OEBPS/Text/nav.xhtml": '<nav epub:type="toc"><h1>Contents</h1><ol><li><a href="chapter%201.xhtml">Chapter one</a></li></ol></nav>',
    "OEBPS/Text/chapter 1.xhtml": ("<h1>Frob FAQ</h1><h2>What is frob?</h2><p>A tool &amp; more.</p>"
                                   "<script>alert('not text')</script><h2>Is it free?</h2><p>Yes, under the MIT licence.</p>"),
    "OEBPS/Text/chapter2.xhtml": "<h1>Limits</h1><h2>How many files can frob read?</h2><p>Ten thousand a run.</p>",
    # out of the reading order (linear="no"), as pop-up notes are
    "OEBPS/Text/notes.xhtml": "<h2>Is this a note?</h2><p>Yes, read only from a link.</p>",
}
FAQ_CARDS = [
    ("What is frob?", "A tool & more."),
    ("Is it free?", "Yes, under the MIT licence."),
    ("How many files can frob read?", "Ten thousand a run."),
]


def epub(chapters: dict[str, str] = CHAPTERS, encryption: str = "", container: str = CONTAINER) -> bytes:
    """An EPUB 3 zip holding ``chapters`` (zip member -> body), the manifest in reverse, the spine in order."""
    manifest = "".join(
        f'<item id="c{at}" href="{member.removeprefix("OEBPS/").replace(" ", "%20")}" media-type="application/xhtml+xml"'
        + (' properties="nav"' if member.endswith("nav.xhtml") else "") + "/>"
        for at, member in reversed(list(enumerate(chapters))))
    spine = "".join(f'<itemref idref="c{at}"' + (' linear="no"' if member.endswith("notes.xhtml") else "") + "/>"
                    for at, member in enumerate(chapters))
    opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Frob FAQ</dc:title></metadata>'
           f'<manifest>{manifest}<item id="font" href="fonts/frob.otf" media-type="font/otf"/></manifest>'
           f"<spine>{spine}</spine></package>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        if encryption:
            archive.writestr("META-INF/encryption.xml", encryption)
        archive.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        for member, body in chapters.items():
            page = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" '
                    'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Frob</title></head>'
                    f"<body>{body}</body></html>")
            archive.writestr(member, page, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/fonts/frob.otf", bytes(range(256)))
    return buffer.getvalue()


def encrypted(*uris: str) -> str:
    return ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
            + "".join('<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
                      f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>' for uri in uris)
            + "</encryption>")


def test_an_epub_faq_reads_its_chapters_in_spine_order(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "faq.epub", epub())
    assert pairs(found) == FAQ_CARDS
    assert [card["section"] for card in found] == ["Frob FAQ", "Frob FAQ", "Limits"]
    text = sources.read(tmp_path / "faq.epub").text
    assert "Contents" not in text and "Chapter one" not in text  # the navigation document is left out
    assert "Second edition" not in text and "frob team" not in text  # the title page too
    assert "alert" not in text


def test_an_epub_with_obfuscated_fonts_is_read(tmp_path: Path) -> None:
    assert pairs(listed_file(tmp_path, "faq.epub", epub(encryption=encrypted("OEBPS/fonts/frob.otf")))) == FAQ_CARDS


def test_build_makes_a_deck_of_an_epub(tmp_path: Path) -> None:
    source = tmp_path / "faq.epub"
    source.write_bytes(epub())
    result = CliRunner().invoke(cli, ["build", str(source), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "out").glob("*.apkg"))
    assert "3 cards" in result.output


@pytest.mark.parametrize(("data", "message"), [
    (epub(encryption=encrypted("OEBPS/fonts/frob.otf", "OEBPS/Text/chapter%201.xhtml")),
     "a DRM-protected EPUB book: its chapters are encrypted; only DRM-free books can be read"),
    (b"PK\x03\x04 cut short", "not a readable EPUB book"),
    (epub(container="<container/>"), "not a readable EPUB book (no package file named in META-INF/container.xml)"),
    (epub(chapters={}), "not a readable EPUB book (no chapter in its spine)"),
])
def test_an_epub_that_cannot_be_read_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "faq.epub"
    path.write_bytes(data)
    refused(path, message, "check")


def test_epubs_are_read_in_a_folder_when_named_for_questions(tmp_path: Path) -> None:
    for name in ("novel.epub", "interview-questions.epub"):
        (tmp_path / name).write_bytes(epub())
    assert sources.collect([tmp_path]).files == [tmp_path / "interview-questions.epub"]
    assert sources.collect([tmp_path / "novel.epub"]).files == [tmp_path / "novel.epub"]
