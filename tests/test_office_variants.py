"""The other files Office, LibreOffice and Apple save, read by the readers of the formats they are made of:
templates and macro-enabled files, flat OpenDocument, OpenOffice 1 (``.sxw``), FictionBook e-books (``.fb2``),
and iWork files through the PDF preview they may hold. Cards through ``qadeck list --json``.

The documents are built here with text of our own: a template is its document's package (the same parts,
a ``vbaProject.bin`` in a macro-enabled one), so each is checked against its document read the same way.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import markups, sources
from qadeck.cli import cli
from qadeck.errors import SourceError
from qadeck.parsers.csv import SHEET_SUFFIXES

from .listing import listed_file, pairs
from .test_pdf import pdf
from .test_sheets import ods_row, write_ods, write_xlsx
# The slide tests' namespaces and automatic styles, so that a flat deck here is the zipped one there, byte for byte.
from .test_slides import _ODP, _ODP_STYLES, frame, odp, outline, para, pptx, run, shape, title
from .test_word_processors import ODT_FAQ, ODT_FAQ_CARDS, odt

WORD_FAQ = Path(__file__).parent / "fixtures" / "bold" / "word-faq.docx"


def _with_macros(package: bytes, folder: str) -> bytes:
    """``package`` with a VBA project added as Office adds one to a macro-enabled file (``word/vbaProject.bin``):
    bytes no reader may take for text."""
    buffer = io.BytesIO(package)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(f"{folder}/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub AutoOpen() Shell 1" * 40)
    return buffer.getvalue()


def _cards(found: list[dict]) -> list[tuple[str, str, str, list[int]]]:
    return [(card["question"], card["answer"], card["section"], card["lines"]) for card in found]


def _deck() -> bytes:
    return pptx(title("What is the powerhouse of the cell?") + shape(para(run("The mitochondrion")), placeholder=""),
                title("What does the nucleus hold?") + shape(para(run("DNA")), placeholder=""))


def _workbook(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "book.xlsx", {"Animals": [["Front", "Back"], ["el gato", "the cat"]],
                                               "Food": [["Front", "Back"], ["el pan", "bread"]]}).read_bytes()


@pytest.mark.parametrize(("document", "variants", "folder"), [
    (".docx", (".docm", ".dotx", ".dotm"), "word"),
    (".xlsx", (".xltx", ".xltm"), "xl"),
    (".pptx", (".pptm", ".ppsx", ".ppsm", ".potx", ".potm"), "ppt"),
])
def test_office_templates_and_macro_enabled_files_read_as_their_document(tmp_path: Path, document: str,
                                                                        variants: tuple[str, ...], folder: str) -> None:
    data = {".docx": WORD_FAQ.read_bytes, ".pptx": _deck, ".xlsx": lambda: _workbook(tmp_path)}[document]()
    expected = _cards(listed_file(tmp_path, "faq" + document, data))
    assert len(expected) >= 2
    for suffix in variants:
        copy = _with_macros(data, folder) if suffix.endswith("m") else data
        assert _cards(listed_file(tmp_path, "faq" + suffix, copy)) == expected, suffix


def test_opendocument_templates_and_flat_files_read_as_their_document(tmp_path: Path) -> None:
    assert pairs(listed_file(tmp_path, "faq.ott", odt(ODT_FAQ))) == ODT_FAQ_CARDS
    sheet = {"Sheet1": ods_row("Front", "Back") + ods_row("el gato", "the cat") + ods_row("el pan", "bread")}
    spreadsheet = _cards(listed_file(tmp_path, "cards.ods", write_ods(tmp_path / "book.ods", sheet).read_bytes()))
    assert [card[:2] for card in spreadsheet] == [("el gato", "the cat"), ("el pan", "bread")]
    assert _cards(listed_file(tmp_path, "cards.ots", (tmp_path / "book.ods").read_bytes())) == spreadsheet
    assert _cards(listed_file(tmp_path, "cards.fods", _flat("spreadsheet", "".join(
        f"<table:table table:name={name!r}>{body}</table:table>" for name, body in sheet.items())))) == spreadsheet
    pages = (frame("title", "<text:p>What is osmosis?</text:p>") + outline("Water crossing a membrane"),
             frame("title", "<text:p>What is diffusion?</text:p>") + outline("Particles spreading out"))
    deck = _cards(listed_file(tmp_path, "review.odp", odp(*pages)))
    assert [card[:2] for card in deck] == [("What is osmosis?", "Water crossing a membrane"),
                                           ("What is diffusion?", "Particles spreading out")]
    assert _cards(listed_file(tmp_path, "review.otp", odp(*pages))) == deck
    flat_pages = "".join(f'<draw:page draw:name="page{n}" draw:style-name="dp1">{page}</draw:page>'
                         for n, page in enumerate(pages, 1))
    assert _cards(listed_file(tmp_path, "review.fodp", _flat("presentation", flat_pages))) == deck


def _flat(kind: str, body: str) -> bytes:
    """A flat OpenDocument file (``.fods``, ``.fodp``) whose ``office:{kind}`` holds ``body``."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_ODP} '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            f'office:mimetype="application/vnd.oasis.opendocument.{kind}">'
            f"<office:automatic-styles>{_ODP_STYLES}</office:automatic-styles>"
            f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document>").encode()


def test_every_spreadsheet_variant_is_read_as_rows() -> None:
    spreadsheets = {suffix for suffix, read in markups.DOCUMENTS.items() if read.__module__ == "qadeck.markups.sheets"}
    assert spreadsheets == SHEET_SUFFIXES


@pytest.mark.parametrize("suffix", [".docm", ".dotx", ".xltx", ".ppsx", ".potx", ".ott", ".ots", ".otp", ".fods",
                                    ".fodp", ".sxw", ".sxc", ".fb2", ".fbz", ".pages", ".numbers", ".key"])
def test_the_new_formats_are_read_in_a_folder_only_when_named_for_questions(tmp_path: Path, suffix: str) -> None:
    for name in ("faq", "report"):
        (tmp_path / (name + suffix)).write_bytes(b"PK\x03\x04")
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / ("faq" + suffix)]
    assert sources.collect([tmp_path / ("report" + suffix)]).files == [tmp_path / ("report" + suffix)]


# --- OpenOffice 1 ---------------------------------------------------------------------------------------------

_SXW_NAMESPACES = ('xmlns:office="http://openoffice.org/2000/office" xmlns:style="http://openoffice.org/2000/style" '
                   'xmlns:text="http://openoffice.org/2000/text" xmlns:table="http://openoffice.org/2000/table" '
                   'xmlns:fo="http://www.w3.org/1999/XSL/Format" office:class="text" office:version="1.0"')


def sxw(body: str) -> bytes:
    """An OpenOffice.org 1.x Writer file: a bold paragraph style and a numbered list style as it wrote them."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_SXW_NAMESPACES}>'
               '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
               'style:parent-style-name="Standard"><style:properties fo:font-weight="bold"/></style:style>'
               '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
               '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
               "</text:list-style></office:automatic-styles>"
               f"<office:body>{body}</office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.sun.xml.writer", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest"/>')
    return buffer.getvalue()


def test_an_openoffice_1_document_reads_as_opendocument(tmp_path: Path) -> None:
    body = (
        '<text:h text:style-name="Heading 1" text:level="1">Installing</text:h>'
        '<text:p text:style-name="P1">How do I install frob?</text:p>'
        "<text:p>Run the installer,<text:tab-stop/>then restart.</text:p>"
        '<text:p text:style-name="P1">What are the steps?</text:p>'
        '<text:unordered-list text:style-name="L1"><text:list-item><text:p>Download:</text:p>'
        "<text:ordered-list><text:list-item><text:p>the installer;</text:p></text:list-item>"
        "<text:list-item><text:p>the licence.</text:p></text:list-item></text:ordered-list></text:list-item>"
        "</text:unordered-list>"
        '<text:h text:style-name="Heading 1" text:level="1">Licence</text:h>'
        '<text:p text:style-name="P1">Is it free?</text:p><text:p>Yes.</text:p>'
    )
    found = listed_file(tmp_path, "faq.sxw", sxw(body))
    assert [(card["question"], card["answer"], card["section"]) for card in found] == [
        ("How do I install frob?", "Run the installer, then restart.", "Installing"),
        ("What are the steps?", "- Download:\n    1. the installer;\n    2. the licence.", "Installing"),
        ("Is it free?", "Yes.", "Licence"),
    ]


def test_an_openoffice_1_spreadsheet_reads_as_opendocument(tmp_path: Path) -> None:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_SXW_NAMESPACES}>'
               '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
               '<style:properties table:display="false"/></style:style></office:automatic-styles><office:body>'
               f'<table:table table:name="Vocab">{ods_row("Front", "Back")}{ods_row("el gato", "the cat")}'
               f'{ods_row("", repeat=3)}{ods_row("el pan", "bread")}</table:table>'
               f'<table:table table:name="Workings" table:style-name="ta2">{ods_row("not", "cards")}</table:table>'
               "</office:body></office:document-content>").replace('office:value-type="string"', 'table:value-type="string"')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.sun.xml.calc", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    assert _cards(listed_file(tmp_path, "cards.sxc", buffer.getvalue())) == [
        ("el gato", "the cat", "", [2, 2]), ("el pan", "bread", "", [6, 6]),
    ]


# --- FictionBook -----------------------------------------------------------------------------------------------

FB2_BOOK = """<?xml version="1.0" encoding="{encoding}"?>
<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">
<description><title-info><genre>sci_biology</genre><book-title>Метаданные</book-title>
<annotation><p>Не текст книги?</p></annotation></title-info></description>
<body>
<image l:href="#cover"/>
<title><p>Биология клетки</p></title>
<section><title><p>Часть 1.</p><p>Органеллы</p></title>
<section><title><p>Что такое митохондрия?</p></title>
<p>Органелла, которая <emphasis>вырабатывает</emphasis> энергию.<a l:href="#n1" type="note">[1]</a></p>
<empty-line/>
<p>Её называют «электростанцией» клетки.</p>
</section>
<section><title><p>Что хранит ядро?</p></title>
<p>ДНК &amp; РНК.</p>
<table><tr><th>Органелла</th><th>Роль</th></tr><tr><td>Рибосома</td><td>белки</td></tr></table>
</section>
</section>
<section><title><p>Часть 2. Повторение</p></title>
<section><title><p>Что такое осмос?</p></title>
<p>Переход воды через мембрану.</p>
<poem><stanza><v>Строка один,</v><v>строка два.</v></stanza></poem>
</section>
</section>
</body>
<body name="notes"><section id="n1"><title><p>1</p></title><p>Сноска, а не ответ?</p></section></body>
<binary id="cover" content-type="image/png">iVBORw0KGgo=</binary>
</FictionBook>
"""
FB2_CARDS = [
    ("Что такое митохондрия?", "Органелла, которая вырабатывает энергию.\n\nЕё называют «электростанцией» клетки.",
     "Часть 1. Органеллы"),
    ("Что хранит ядро?", "ДНК & РНК.\n\n| Органелла | Роль |\n|---|---|\n| Рибосома | белки |", "Часть 1. Органеллы"),
    ("Что такое осмос?", "Переход воды через мембрану.\n\nСтрока один,\nстрока два.", "Часть 2. Повторение"),
]


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1251"])
def test_a_fictionbook_reads_its_sections_as_headings_in_the_encoding_it_declares(tmp_path: Path, encoding: str) -> None:
    found = listed_file(tmp_path, "biology.fb2", FB2_BOOK.format(encoding=encoding).encode(encoding))
    assert [(card["question"], card["answer"], card["section"]) for card in found] == FB2_CARDS


def test_a_fictionbook_of_bold_questions_under_subtitles(tmp_path: Path) -> None:
    book = ('<?xml version="1.0"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><body><section>'
            "<title><p>Review</p></title><subtitle>Cells</subtitle>"
            "<p><strong>What is a cell?</strong></p><p>The unit of life.</p>"
            "<p><strong>What is a tissue?</strong></p><p>Cells that work together.</p>"
            "<subtitle>Organs</subtitle><p><strong>What is an organ?</strong></p><p>Tissues that work together.</p>"
            "</section></body></FictionBook>")
    found = listed_file(tmp_path, "review.fb2", book.encode())
    assert [(card["question"], card["answer"], card["section"]) for card in found] == [
        ("What is a cell?", "The unit of life.", "Cells"),
        ("What is a tissue?", "Cells that work together.", "Cells"),
        ("What is an organ?", "Tissues that work together.", "Organs"),
    ]


@pytest.mark.parametrize("name", ["biology.fbz", "biology.fb2"])
def test_a_zipped_fictionbook_reads_as_its_book(tmp_path: Path, name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("biology.fb2", FB2_BOOK.format(encoding="utf-8"))
    found = listed_file(tmp_path, name, buffer.getvalue())
    assert [(card["question"], card["answer"], card["section"]) for card in found] == FB2_CARDS


# --- iWork -------------------------------------------------------------------------------------------------------

def _iwork(preview: bytes | None) -> bytes:
    """An iWork '09 package: its own XML index (not read), a thumbnail, and ``QuickLook/Preview.pdf`` when given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.xml", '<sl:document xmlns:sl="http://developer.apple.com/namespaces/sl"/>')
        archive.writestr("QuickLook/Thumbnail.jpg", b"\xff\xd8\xff\xe0")
        if preview is not None:
            archive.writestr("QuickLook/Preview.pdf", preview)
    return buffer.getvalue()


def test_an_iwork_file_with_a_pdf_preview_is_read_through_it(tmp_path: Path) -> None:
    preview = pdf([["q|What is frob?", "body|A tool that frobs files.", "", "q|Is it free?", "body|Yes, always."]])
    expected = pairs(listed_file(tmp_path, "faq.pdf", preview))
    assert expected == [("What is frob?", "A tool that frobs files."), ("Is it free?", "Yes, always.")]
    for suffix in (".pages", ".key", ".numbers"):
        assert pairs(listed_file(tmp_path, "faq" + suffix, _iwork(preview))) == expected


@pytest.mark.parametrize(("name", "data", "message"), [
    ("faq.pages", _iwork(None), "an Apple Pages document in Apple's own format, with no PDF preview in it: export it "
                                "as .docx or .rtf to read it"),
    ("faq.numbers", _iwork(None), "an Apple Numbers spreadsheet in Apple's own format, with no PDF preview in it: "
                                  "export it as .xlsx or CSV to read it"),
    ("faq.key", _iwork(None), "an Apple Keynote presentation in Apple's own format, with no PDF preview in it: "
                              "export it as .pptx or PDF to read it"),
    ("faq.key", b"-----BEGIN PRIVATE KEY-----\nMII\n", "not an Apple Keynote presentation (no zip)"),
    ("faq.fb2", b"<html>not a book</html>", "not a readable FictionBook e-book"),
    ("faq.fb2", b"PK\x03\x04 cut short", "not a readable FictionBook e-book"),
    ("faq.fods", b"<?xml version='1.0'?><table/>", "not a readable OpenDocument spreadsheet"),
    ("faq.sxw", b"PK\x03\x04 cut short", "not a readable OpenDocument text"),
    ("faq.dotx", b"PK\x03\x04 cut short", "not a readable Word document"),
])
def test_a_file_of_these_formats_that_cannot_be_read_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes,
                                                                        message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert f"{path}: {message}" in result.output, result.output


@pytest.mark.parametrize(("name", "data"), [
    ("book.fb2", FB2_BOOK.format(encoding="utf-8").encode()),
    ("faq.sxw", sxw('<text:p text:style-name="P1">Is it free?</text:p><text:p>Yes.</text:p>')),
    ("faq.fodp", _flat("presentation", '<draw:page draw:name="p1">' + frame("title", "<text:p>Why?</text:p>")
                       + "</draw:page>")),
])
def test_a_file_cut_short_anywhere_reads_as_text_or_one_clear_error(tmp_path: Path, name: str, data: bytes) -> None:
    read = markups.DOCUMENTS[Path(name).suffix]
    for end in range(0, len(data), max(len(data) // 60, 1)):
        try:
            assert isinstance(read(data[:end], name), str)
        except SourceError as exc:
            assert exc.path == name
