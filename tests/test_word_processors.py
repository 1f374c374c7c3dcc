"""OpenDocument text (.odt, .fodt) and RTF read as a user's documents are: cards through ``qadeck list --json``.

The documents are built here, in the shape LibreOffice, TextEdit and WordPad save them (automatic
styles for bold, lists numbered by their list style, ``\\'hh`` and ``\\uN`` escapes), with text of
our own.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.cli import cli
from qadeck.errors import SourceError

from .listing import listed_file, pairs, refused

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3"'
)
#: Automatic styles as LibreOffice writes them: a bold paragraph style, a bold and a not-bold text style,
#: a numbered and a bulleted list.
_AUTOMATIC = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"/>'
    '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Title"/>'
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>'
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/></text:list-style>'
    '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>'
)
#: A named style in styles.xml that is bold through its parent, as a user's own "Question" style would be.
_NAMED = (
    '<style:style style:name="Strong" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>'
    '<style:style style:name="Question" style:family="paragraph" style:parent-style-name="Strong"/>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
)


def odt(body: str, automatic: str = _AUTOMATIC, named: str = _NAMED) -> bytes:
    """An .odt zip as LibreOffice lays it out, holding ``body`` as its office:text."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}>'
               f"<office:automatic-styles>{automatic}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_NAMESPACES}>'
              f"<office:styles>{named}</office:styles>"
              # styles.xml's own automatic styles (page headers) reuse the body's names: never read for the body
              '<office:automatic-styles><style:style style:name="T2" style:family="text">'
              '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>'
              "</office:document-styles>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return buffer.getvalue()


def fodt(body: str) -> bytes:
    """The same document as one flat XML file (.fodt)."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NAMESPACES} office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:styles>{_NAMED}</office:styles><office:automatic-styles>{_AUTOMATIC}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>").encode()


ODT_FAQ = (
    '<text:p text:style-name="P3">Frob help desk</text:p>'
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">Installing</text:h>'
    '<text:p text:style-name="P1">How do I install frob?</text:p>'
    "<text:p>Run the installer,<text:s text:c=\"2\"/>then restart:</text:p>"
    '<text:list text:style-name="L2"><text:list-item><text:p>on Linux, log out and in;</text:p></text:list-item>'
    "<text:list-item><text:p>on Windows, reboot.</text:p></text:list-item></text:list>"
    '<text:p><text:span text:style-name="T1">Does frob need the network </text:span>'
    '<text:span text:style-name="T1">&amp; a proxy?</text:span></text:p>'
    "<text:p><text:ruby><text:ruby-base>Only</text:ruby-base><text:ruby-text>a reading aid</text:ruby-text></text:ruby>"
    " to check<text:line-break/>for updates.<text:note text:note-class=\"footnote\">"
    "<text:note-citation>1</text:note-citation><text:note-body><text:p>A note, not an answer.</text:p></text:note-body></text:note></text:p>"
    '<text:h text:outline-level="2">Limits</text:h>'
    '<text:p text:style-name="Question">What does a <text:span text:style-name="T1">plan</text:span> allow?</text:p>'
    '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
    "<table:table-row><table:table-cell><text:p>Plan</text:p></table:table-cell><table:table-cell><text:p>Files</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Free</text:p></table:table-cell><table:table-cell><text:p>10,000</text:p>"
    "<text:p>(a | b)</text:p></table:table-cell></table:table-row></table:table>"
    '<text:p>A line with a <text:span text:style-name="T1">bold</text:span> word is no question.</text:p>'
)
ODT_FAQ_CARDS = [
    ("How do I install frob?", "Run the installer,  then restart:\n\n- on Linux, log out and in;\n- on Windows, reboot."),
    ("Does frob need the network & a proxy?", "Only to check\nfor updates."),
    ("What does a plan allow?", "| Plan | Files |\n|---|---|\n| Free | 10,000 (a \\| b) |\n\nA line with a bold word is no question."),
]


@pytest.mark.parametrize(("name", "data"), [
    ("faq.odt", odt(ODT_FAQ)), ("faq.fodt", fodt(ODT_FAQ)), ("faq.fodt", b"\xef\xbb\xbf" + fodt(ODT_FAQ)),
])
def test_an_opendocument_faq_of_headings_and_bold_questions(tmp_path: Path, name: str, data: bytes) -> None:
    found = listed_file(tmp_path, name, data)
    assert pairs(found) == ODT_FAQ_CARDS
    assert [card["section"] for card in found] == ["Installing", "Installing", "Limits"]
    assert sources.read(tmp_path / name).text.startswith("# Frob help desk\n\n## Installing\n")  # Title style: a heading


def test_an_opendocument_numbered_list_of_questions_continued_across_answers(tmp_path: Path) -> None:
    body = (
        '<text:list xml:id="list1" text:style-name="L1"><text:list-item><text:p text:style-name="P2">What is frob?</text:p></text:list-item></text:list>'
        "<text:p>A tool that frobs files.</text:p>"
        '<text:list text:continue-list="list1" text:style-name="L1"><text:list-item><text:p>Is it free?</text:p>'
        "<text:p>Yes, under the MIT licence.</text:p></text:list-item>"
        "<text:list-item><text:p>Where are the logs?</text:p>"
        "<text:list><text:list-item><text:p>in ~/.frob on Linux;</text:p></text:list-item>"
        "<text:list-item><text:p>in %APPDATA% on Windows.</text:p></text:list-item></text:list></text:list-item></text:list>"
    )
    found = listed_file(tmp_path, "quiz.odt", odt(body))
    assert pairs(found) == [
        ("What is frob?", "A tool that frobs files."),
        ("Is it free?", "Yes, under the MIT licence."),
        ("Where are the logs?", "- in ~/.frob on Linux;\n- in %APPDATA% on Windows."),
    ]
    assert [card["lines"][0] for card in found] == [1, 5, 7]


def test_an_opendocument_table_of_questions_and_answers(tmp_path: Path) -> None:
    rows = [("Question", "Answer"), ("What is frob?", "A tool."), ("Is it free & open?", "Yes: <always>.")]
    body = "<table:table>" + "".join(
        "<table:table-row>" + "".join(f"<table:table-cell><text:p>{cell.replace('&', '&amp;').replace('<', '&lt;')}</text:p></table:table-cell>"
                                      for cell in row) + "</table:table-row>" for row in rows) + "</table:table>"
    assert pairs(listed_file(tmp_path, "questions.odt", odt(body))) == [("What is frob?", "A tool."), ("Is it free & open?", "Yes: <always>.")]


def test_an_opendocument_set_all_in_bold_marks_no_question_by_bold(tmp_path: Path) -> None:
    body = "".join(f'<text:p text:style-name="P1">{text}</text:p>' for text in
                   ("What is frob?", "A tool that frobs.", "Is it free?", "Yes."))
    markdown = sources.read(_write(tmp_path / "faq.odt", odt(body))).text
    assert "**" not in markdown


@pytest.mark.parametrize(("name", "data", "message"), [
    ("faq.odt", b"PK\x03\x04 cut short", "not a readable OpenDocument text"),
    ("faq.odt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an encrypted (password-protected) or old binary OpenDocument text"),
    ("faq.fodt", b"<html>not an OpenDocument</html>", "not a readable OpenDocument text"),
])
def test_a_damaged_document_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path / name, data)
    refused(path, message, "build", "--output", str(tmp_path / "out"))
    refused(path, message, "check")


def test_an_encrypted_opendocument_is_named_as_such(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bytes(range(256)))
        archive.writestr("META-INF/manifest.xml", '<manifest:file-entry manifest:full-path="content.xml">'
                         '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>')
    with pytest.raises(SourceError, match="a password-protected OpenDocument text"):
        sources.read(_write(tmp_path / "faq.odt", buffer.getvalue()))


def test_documents_are_read_in_a_folder_when_named_for_questions(tmp_path: Path) -> None:
    for name in ("faq.odt", "letter.odt", "quiz.fodt", "report.fodt"):
        _write(tmp_path / name, odt(ODT_FAQ) if name.endswith(".odt") else fodt(ODT_FAQ))
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "faq.odt", tmp_path / "quiz.fodt"]
    assert sources.collect([tmp_path / "letter.odt"]).files == [tmp_path / "letter.odt"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


#: A FAQ as TextEdit saves it: Helvetica-Bold questions, a backslash ending each line, \\'hh in cp1252, \\uN.
RTF_FAQ = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
{\info{\title Not a question?}{\author Someone}}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx720\pardirnatural\outlinelevel1\partightenfactor0

\f1\b\fs36 \cf0 Caf\'e9 help desk\
\pard\tx720\pardirnatural\partightenfactor0

\f0\b0\fs24 \cf0 \
\f1\b What is a cr\'e8me br\'fbl\'e9e?
\f0\b0 \
A custard with a burnt sugar top \uc0\u8212  served cold.\
\

\f1\b Is it \'93hard\'94 to make?\

\f0\b0 Not really\'85 a torch{\*\shppict{\pict\pngblip 89504e47}}{\v  hidden} and{\deleted  crossed out}\line patience.\
A line with a {\b bold} word is no question.\
}
"""
RTF_FAQ_CARDS = [
    ("What is a crème brûlée?", "A custard with a burnt sugar top — served cold."),
    ("Is it “hard” to make?", "Not really… a torch and\npatience.\n\nA line with a bold word is no question."),
]


def test_an_rtf_faq_of_bold_questions_as_textedit_saves_it(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "faq.rtf", RTF_FAQ.encode("latin-1"))
    assert pairs(found) == RTF_FAQ_CARDS
    assert {card["section"] for card in found} == {"Café help desk"}


def test_an_rtf_numbered_list_of_questions_as_wordpad_saves_it(tmp_path: Path) -> None:
    # WordPad: \pntext holds the number shown; a Cyrillic font's bytes are in its \fcharset's code page; \uN with
    # a one-character fallback (\uc1), a character outside the BMP as a surrogate pair of negative numbers.
    rtf = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset204 Calibri;}}"
           r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1" "\n"
           r"\pard\sa200\sl276\slmult1\f0\fs22\lang9 Quiz\par" "\n"
           r"{\pntext\f0 1.\tab}{\*\pn\pnlvlbody\pnf0\pnindent0\pnstart1\pndec{\pntxta.}}" "\n"
           r"\fi-360\li720\sa200\sl276\slmult1 What does \f1\'ec\'e8\'f0\f0  mean?\par" "\n"
           r"\pard\sa200\sl276\slmult1 Peace, or world.\par" "\n"
           r"{\pntext\f0 2.\tab}{\*\pn\pnlvlbody\pnf0\pnindent0\pnstart1\pndec{\pntxta.}}" "\n"
           r"\fi-360\li720 Which emoji is \u-10179?\u-8704? here?\par" "\n"
           r"\pard\sa200 The grinning face, \u8220?U+1F600\u8221?.\par" "\n}\x00")  # WordPad ends with a NUL
    assert pairs(listed_file(tmp_path, "quiz.rtf", rtf.encode("latin-1"))) == [
        ("What does мир mean?", "Peace, or world."),
        ("Which emoji is \U0001F600 here?", "The grinning face, “U+1F600”."),
    ]


def test_an_rtf_table_of_questions_and_answers(tmp_path: Path) -> None:
    # Word's table rows: \trowd … cells ended by \cell, rows by \row; a cell of two paragraphs.
    def row(*cells: str) -> str:
        return (r"\trowd\trgaph108\cellx4000\cellx8000" "\n"
                + "".join(r"\pard\intbl " + cell + r"\cell " for cell in cells) + r"\row" "\n")

    rtf = (r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times;}}" "\n"
           + row(r"\b Question\b0", r"\b Answer\b0") + row("What is frob?", r"A tool.\par It frobs.")
           + row(r"Is it free {\i and} open?", r"Yes \{always\}.") + r"\pard After the table.\par}")
    assert pairs(listed_file(tmp_path, "questions.rtf", rtf.encode())) == [
        ("What is frob?", "A tool. It frobs."), ("Is it free and open?", "Yes {always}."),
    ]


@pytest.mark.parametrize("data", [b"PK\x03\x04 a zip renamed", b"", b"\xff\xfe{\x00\\\x00r\x00"])
def test_a_file_that_is_no_rtf_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "faq.rtf", data)
    for args in (["build", str(path), "--output", str(tmp_path / "out")], ["check", str(path)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code != 0
        assert f"{path}: not a readable RTF document" in result.output
        assert "Traceback" not in result.output


def test_a_cut_short_rtf_keeps_what_it_has(tmp_path: Path) -> None:
    cut = RTF_FAQ[: RTF_FAQ.index("Not really")] + r"Not really\'8"
    assert pairs(listed_file(tmp_path, "faq.rtf", cut.encode("latin-1")))[0] == RTF_FAQ_CARDS[0]


@pytest.mark.parametrize(("name", "data"), [
    ("faq.odt", odt("".join(f'<text:p><text:span text:style-name="T1">{q}</text:span> {a}</text:p>' for q, a in (
        ("Is it free?", "Yes, for everyone."), ("Does it run offline?", "Yes, once installed."))))),
    ("faq.rtf", ("{\\rtf1\\ansi " + "".join(f"{{\\b {q}}} {a}\\par\n" for q, a in (
        ("Is it free?", "Yes, for everyone."), ("Does it run offline?", "Yes, once installed."))) + "}").encode()),
])
def test_a_bold_question_its_answer_follows_in_the_same_paragraph(tmp_path: Path, name: str, data: bytes) -> None:
    assert pairs(listed_file(tmp_path, name, data)) == [("Is it free?", "Yes, for everyone."), ("Does it run offline?", "Yes, once installed.")]


_RTF_TOKENS = [
    "{", "}", "\\par ", "\\b ", "\\b0 ", "\\u-10179?", "\\u8212 ", "\\uc0 ", "\\uc2 ", "\\'e9", "\\'8", "\\'", "\\*",
    "\\bin3 ", "\\bin99999999 ", "\\cell ", "\\row ", "\\intbl ", "\\trowd ", "{\\listtext 1.\\tab}", "{\\pict ab}",
    "{\\fonttbl{\\f1\\fcharset128 X;}}", "\\f1 ", "\\ansicpg65001 ", "\\ansicpg0 ", "\\outlinelevel3 ", "\\v ",
    "\\ilvl9 ", "\\line ", "\\\n", "\\", "Is it?", " text ", "\x00", "é",
]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.sampled_from(_RTF_TOKENS), max_size=60))
def test_no_rtf_makes_the_reader_fail(tokens: list[str]) -> None:
    # Source files are untrusted: whatever follows {\rtf, reading it gives text, never an error.
    assert isinstance(markups.DOCUMENTS[".rtf"](("{\\rtf1 " + "".join(tokens)).encode("latin-1", "replace"), "x.rtf"), str)


_ODT_TOKENS = [
    "<text:p>", "</text:p>", "<text:h text:outline-level=\"x\">", "</text:h>", "<text:list>", "</text:list>",
    "<text:list-item text:start-value=\"9\">", "</text:list-item>", "<table:table>", "</table:table>",
    "<table:table-row>", "</table:table-row>", "<table:table-cell>", "</table:table-cell>", "<text:note>",
    "</text:note>", "<text:span text:style-name=\"T1\">", "</text:span>", "<text:s text:c=\"-3\"/>", "<text:s text:c=\"x\"/>", "<text:p/>",
    "<text:list-header>", "&amp;", "&bogus;", "Is it?", " text ", "<!-- c -->", "<", ">",
]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.sampled_from(_ODT_TOKENS), max_size=60))
@example(tokens=["<text:p>", "<text:s text:c=\"x\"/>", "</text:p>"])
def test_no_opendocument_body_makes_the_reader_fail(tokens: list[str]) -> None:
    # Unbalanced, misnested or unknown tags: an .odt's body gives text, never an error.
    assert isinstance(markups.DOCUMENTS[".odt"](odt("".join(tokens)), "x.odt"), str)


def test_odd_attribute_values_in_an_opendocument_are_read_as_their_defaults() -> None:
    styles = '<text:list-style style:name="L9"><text:list-level-style-number text:level="one"/></text:list-style>'
    body = '<text:list text:style-name="L9"><text:list-item><text:p>Is it<text:s text:c="many"/>free?</text:p></text:list-item></text:list>'
    assert markups.DOCUMENTS[".odt"](odt(body, automatic=styles), "x.odt") == "1. Is it free?\n"


def test_a_textedit_document_with_pictures_is_read_as_the_bundle_it_is_saved_as(tmp_path: Path) -> None:
    # TextEdit saves a document holding pictures as a folder, faq.rtfd, its text in TXT.rtf.
    for bundle in ("faq.rtfd", "letter.rtfd"):
        (tmp_path / bundle).mkdir()
        (tmp_path / bundle / "TXT.rtf").write_bytes(RTF_FAQ.encode("latin-1"))
        (tmp_path / bundle / "photo.png").write_bytes(b"\x89PNG\r\n")
    assert sources.collect([tmp_path]).files == [tmp_path / "faq.rtfd" / "TXT.rtf"]
    assert sources.collect([tmp_path / "letter.rtfd"]).files == [tmp_path / "letter.rtfd" / "TXT.rtf"]
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "faq.rtfd")])
    assert pairs(json.loads(result.stdout)) == RTF_FAQ_CARDS


def test_rtf_headings_come_from_the_stylesheet_where_paragraphs_give_no_outline_level(tmp_path: Path) -> None:
    rtf = (r"{\rtf1\ansi{\stylesheet{\s0\snext0 Normal;}{\s1\sbasedon0\snext0{\*\hyphen2}\keepn\b\fs32 heading 2;}"
           r"{\*\cs10\additive Default Paragraph Font;}{\s2\sbasedon0 Quote;}{\s15 Title;}}" "\n"
           r"\pard\plain\s15\fs52 Frob help desk\par\pard\plain\s1\b Billing\par\pard\plain\s0 {\b Can I pay yearly?}\par Yes, with a discount.\par" "\n"
           r"\pard\plain\s1\b Support\par\pard\plain\s2 {\b Is there a phone line?}\par No, mail only.\par}")
    found = listed_file(tmp_path, "help-desk.rtf", rtf.encode())
    assert pairs(found) == [("Can I pay yearly?", "Yes, with a discount."), ("Is there a phone line?", "No, mail only.")]
    assert [card["section"] for card in found] == ["Billing", "Support"]


def test_a_push_filtered_by_a_document_source_searches_the_tag_its_cards_carry() -> None:
    # `qadeck push --source faq.odt` makes a filtered deck of the cards tagged source::faq, as for faq.md.
    from qadeck.anki.target import filtered_search
    from qadeck.filtering import Filters

    search = filtered_search("Help", Filters(sources=("faq.odt", "notes-*.rtf", "cards.md")))
    assert search == 'deck:"Help" (tag:source::faq OR tag:source::notes* OR tag:source::cards)'


def _word_run(text: str, highlight: str = "") -> str:
    marked = f'<w:rPr><w:highlight w:val="{highlight}"/></w:rPr>' if highlight else ""
    return f"<w:r>{marked}<w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def test_a_word_answer_key_that_highlights_the_right_options_is_a_quiz(tmp_path: Path) -> None:
    from .office_pictures import docx  # a Word document built from its XML, as the picture tests build them

    def paragraph(*runs: str) -> str:
        return f"<w:p>{''.join(runs)}</w:p>"

    body = "".join([
        paragraph(_word_run("1. Which organ pumps blood?")),
        paragraph(_word_run("a) The lungs")), paragraph(_word_run("b) The heart", "yellow")),
        paragraph(_word_run("c) The liver")),
        paragraph(_word_run("2. Which gas do we breathe out?")),
        paragraph(_word_run("a) Carbon dioxide", "green")), paragraph(_word_run("b) Oxygen")),
        paragraph(_word_run("c) Helium", "none")),
    ])
    cards = listed_file(tmp_path, "biology-quiz.docx", docx(body, {}, {}))
    assert [card["answer"] for card in cards] == ["**B**: The heart", "**A**: Carbon dioxide"]


_NUMBERING = ('<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
              '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
              '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
              '</w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="5"/>'
              '</w:num></w:numbering>')


def _numbered(text: str, level: int, number: int = 1, highlight: str = "") -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{number}"/></w:numPr></w:pPr>'
            f"{_word_run(text, highlight)}</w:p>")


def test_word_list_numbers_are_the_numbers_word_shows_and_a_highlighted_option_is_the_answer(tmp_path: Path) -> None:
    # Word keeps a list's numbers in its numbering part, not in the text: questions numbered 1., 2. and their
    # options lettered a), b) by the list's levels, the right option highlighted, as a teacher's answer key is.
    from .office_pictures import docx, with_parts  # Word documents built from their XML

    body = "".join([
        "<w:p><w:r><w:t>Read each question.</w:t></w:r></w:p>", _numbered("Use a pencil", 0, number=2),
        _numbered("Which organ pumps blood?", 0), _numbered("The lungs,", 1), _numbered("The heart,", 1, highlight="yellow"),
        _numbered("The liver", 1),
        _numbered("Which gas do we breathe out?", 0), _numbered("Oxygen", 1), _numbered("Carbon dioxide", 1, highlight="cyan"),
    ])
    data = with_parts(docx(body, {}, {}), {"word/numbering.xml": _NUMBERING})
    markdown = markups.DOCUMENTS[".docx"](data, "quiz.docx")
    assert "1. Which organ pumps blood?" in markdown and "2. Which gas do we breathe out?" in markdown
    assert "a) The lungs," in markdown and "**b) The heart,**" in markdown and "- Use a pencil" in markdown
    cards = listed_file(tmp_path, "biology-quiz.docx", data)
    assert [(card["question"].split("\n")[0], card["answer"]) for card in cards] == [
        ("Which organ pumps blood?", "**B**: The heart,"), ("Which gas do we breathe out?", "**B**: Carbon dioxide")]


def test_an_opendocument_answer_key_letters_its_options_and_highlights_the_right_one(tmp_path: Path) -> None:
    automatic = _AUTOMATIC + (
        '<style:style style:name="T9" style:family="text"><style:text-properties fo:background-color="#ffff00"/>'
        "</style:style>"
        '<text:list-style style:name="L9"><text:list-level-style-number text:level="1" style:num-suffix="." '
        'style:num-format="1"/><text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" '
        'style:num-format="a"/></text:list-style>')

    def options(*texts: str) -> str:
        return "<text:list>" + "".join(f"<text:list-item><text:p>{text}</text:p></text:list-item>" for text in texts) + "</text:list>"

    body = ('<text:list text:style-name="L9">'
            "<text:list-item><text:p>Which organ pumps blood?</text:p>"
            + options("The lungs", '<text:span text:style-name="T9">The heart</text:span>', "The liver") + "</text:list-item>"
            "<text:list-item><text:p>Which gas do plants take in?</text:p>"
            + options('<text:span text:style-name="T9">Carbon dioxide</text:span>', "Oxygen") + "</text:list-item>"
            "</text:list>")
    markdown = markups.DOCUMENTS[".odt"](odt(body, automatic), "quiz.odt")
    assert "1. Which organ pumps blood?" in markdown and "(a) The lungs" in markdown and "**(b) The heart**" in markdown
    cards = listed_file(tmp_path, "biology-quiz.odt", odt(body, automatic))
    assert [card["answer"] for card in cards] == ["**B**: The heart", "**A**: Carbon dioxide"]


def test_symbols_inserted_from_symbol_fonts_are_the_characters_they_show(tmp_path: Path) -> None:
    # Word's Insert Symbol keeps a Symbol-font character as the font's code, not as the character: θ is F071.
    from .office_pictures import docx  # a Word document built from its XML

    def paragraph(*parts: str) -> str:
        return "<w:p>" + "".join(parts) + "</w:p>"

    def sym(font: str, code: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'

    body = "".join([
        paragraph(_word_run("Q: Which letter names the angle of incidence?")),
        paragraph(_word_run("A: "), sym("Symbol", "F071"), _word_run(", in degrees ("), sym("Symbol", "F0B0"), _word_run(")")),
        paragraph(_word_run("Q: Which sign means at most?")),
        paragraph(_word_run("A: "), sym("Symbol", "F0A3"), _word_run(" "), sym("Wingdings", "F0FC"), sym("Webdings", "F061")),
    ])
    assert pairs(listed_file(tmp_path, "physics-quiz.docx", docx(body, {}, {}))) == [
        ("Which letter names the angle of incidence?", "θ, in degrees (°)"), ("Which sign means at most?", "≤ ✓")]
