"""Question documents as people keep them in word processors and PDFs, read through ``qadeck list --json``.

Each document is built here from its XML or drawing instructions, with text of our own, in the shape the
programs save it: a Word or LibreOffice list whose items hold their answer after a line break, a PDF whose
numbered questions wrap onto a second line and whose accents TeX set apart from their letters, documents
named for questions in other languages.
"""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, sources

from .listing import listed_file, pairs
from .office_pictures import docx, with_parts  # Word documents built from their XML
from .test_pdf import pdf  # a PDF set line by line, as a word processor sets it
from .test_word_processors import odt  # an .odt zip as LibreOffice lays it out

_NUMBERING = ('<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num></w:numbering>')


def _item(*lines: str) -> str:
    """A numbered paragraph whose lines are parted by Shift+Enter (``<w:br/>``), as Word saves them."""
    runs = "".join(f"<w:r>{'<w:br/>' if at else ''}<w:t>{line}</w:t></w:r>" for at, line in enumerate(lines))
    return f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{runs}</w:p>'


def test_a_word_list_item_keeps_its_answer_below_the_question_after_a_line_break(tmp_path: Path) -> None:
    body = "".join([
        "<w:p><w:r><w:t>Kitchen questions</w:t></w:r></w:p>",
        _item("Difference between baking soda and baking powder", "Soda needs an acid to rise",
              "powder carries its own acid"),
        _item("Why rest a steak", "The juices settle back into the meat"),
        _item("Difference between a simmer and a boil", "A simmer shows small bubbles, a boil large ones"),
        _item("What is a roux?", "Flour cooked in fat to thicken a sauce"),
    ])
    data = with_parts(docx(body, {}, {}), {"word/numbering.xml": _NUMBERING})
    markdown = markups.DOCUMENTS[".docx"](data, "kitchen-questions.docx")
    assert "1. Difference between baking soda and baking powder\n   Soda needs an acid to rise\n" in markdown
    assert pairs(listed_file(tmp_path, "kitchen-questions.docx", data)) == [
        ("Difference between baking soda and baking powder", "Soda needs an acid to rise\npowder carries its own acid"),
        ("Why rest a steak", "The juices settle back into the meat"),
        ("Difference between a simmer and a boil", "A simmer shows small bubbles, a boil large ones"),
        ("What is a roux?", "Flour cooked in fat to thicken a sauce"),
    ]


def test_an_opendocument_list_item_keeps_its_line_breaks_too(tmp_path: Path) -> None:
    item = '<text:list-item><text:p text:style-name="P2">{}</text:p></text:list-item>'
    body = ('<text:list text:style-name="L1">'
            + item.format("What does a sieve do?<text:line-break/>It parts lumps from flour")
            + item.format("Why chill pastry?<text:line-break/>Cold butter makes flaky layers")
            + "</text:list>")
    assert pairs(listed_file(tmp_path, "pastry-faq.odt", odt(body))) == [
        ("What does a sieve do?", "It parts lumps from flour"),
        ("Why chill pastry?", "Cold butter makes flaky layers"),
    ]


#: A TeX-set question sheet: questions numbered by section (``1.1.``), some wrapped onto a second line, an
#: umlaut drawn as a spacing diaeresis before its letter, an apostrophe typed as an acute accent.
_SHEET = [["heading|1 Storage", "",
           "q|1.1. Wie werden ganze Zahlen bin\u00a8ar gespeichert?", "", "body|Als Summe von Zweierpotenzen.", "",
           "q|1.2. What does the term machine epsilon mean for numbers stored in double", "q|precision?", "",
           "body|The gap between one and the next larger number; it\u00b4s about 2e-16.", "",
           "q|1.3. Explain the term overflow.", "", "body|A result too large for the format."]]


def test_a_pdf_sheet_of_section_numbered_questions_wrapped_and_accented(tmp_path: Path) -> None:
    assert pairs(listed_file(tmp_path, "fragen.pdf", pdf(_SHEET))) == [
        ("Wie werden ganze Zahlen binär gespeichert?", "Als Summe von Zweierpotenzen."),
        ("What does the term machine epsilon mean for numbers stored in double precision?",
         "The gap between one and the next larger number; it\u00b4s about 2e-16."),
        ("Explain the term overflow.", "A result too large for the format."),
    ]


def test_documents_named_for_questions_in_other_languages_are_read_in_a_folder(tmp_path: Path) -> None:
    word = with_parts(docx(_item("What is a roux?", "Flour cooked in fat"), {}, {}), {"word/numbering.xml": _NUMBERING})
    for name in ("preguntas.docx", "letter.docx", "вопросы.docx"):
        (tmp_path / name).write_bytes(word)
    (tmp_path / "Fragen.pdf").write_bytes(pdf(_SHEET))
    (tmp_path / "notes.md").write_text("# Notes\n\n**What is a roux?**\n\nFlour cooked in fat.\n", encoding="utf-8")
    found = sources.collect([tmp_path])
    assert sorted(path.name for path in found.files) == ["Fragen.pdf", "notes.md", "preguntas.docx", "вопросы.docx"]
