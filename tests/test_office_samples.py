"""Question banks as people export and paste them, read through ``qadeck list --json``.

Each document is built here with text of our own, in the shape a program saves it: a PDF that draws every word
as a text object of its own (as Google Docs exports do) with bullets from a symbol font pypdf can only name,
a Word document holding a PDF's text pasted line by line (each line a paragraph, so a question's last words
stand in a paragraph of their own), a PDF export whose bold question line ends in its answer's label, and
an interview question bank: topics over bulleted questions an interviewer may ask, none answered.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from qadeck import sources
from qadeck.cli import cli

from .listing import listed_file, pairs
from .office_pictures import docx  # Word documents built from their XML
from .test_pdf import draw, pdf, written  # a PDF set line by line, as a word processor sets it


def _font(encoding: object) -> DictionaryObject:
    return DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): encoding})


def word_by_word_pdf(lines: list[str]) -> bytes:
    """A page of ``lines`` drawn as Google Docs draws them: the page flipped, each line moved to by a matrix of
    its own, each word in a text object of its own and no space between words drawn. A line opening with ``*``
    opens with a bullet from a font whose encoding names its glyph only (``/g120``)."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    differences = DictionaryObject({NameObject("/Differences"): ArrayObject([NumberObject(120), NameObject("/g120")])})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({
        NameObject("/F1"): _font(NameObject("/WinAnsiEncoding")), NameObject("/F2"): _font(differences)})})
    ops = ["1 0 0 -1 0 792 cm"]
    for at, line in enumerate(lines):
        ops.append(f"q .75 0 0 .75 72 {100 + 20 * at} cm")
        x = 0
        if line.startswith("*"):
            ops.append("BT /F2 16 Tf 1 0 0 -1 0 .68 Tm 0 -14.26 Td (x) Tj ET")
            x, line = 20, line[1:]
        for word in line.split():
            ops.append(f"BT /F1 16 Tf 1 0 0 -1 {x} .68 Tm 0 -14.26 Td ({word}) Tj ET")
            x += 9 * len(word) + 4
        ops.append("Q")
    draw(writer, page, ops)
    return written(writer)


def test_a_pdf_drawn_word_by_word_reads_in_lines_with_its_bullets(tmp_path: Path) -> None:
    data = word_by_word_pdf(["1. What does a whisk do?", "*Answer: It beats air into cream.",
                             "2. Why sift flour?", "*Answer: To break up its lumps.", "*It also mixes in the salt."])
    (tmp_path / "kitchen-questions.pdf").write_bytes(data)
    text = sources.read(tmp_path / "kitchen-questions.pdf").text
    assert text.startswith("1. What does a whisk do?\n\u2022 Answer: It beats air into cream.\n")
    assert pairs(listed_file(tmp_path, "kitchen-questions.pdf", data)) == [
        ("What does a whisk do?", "It beats air into cream."),
        ("Why sift flour?", "To break up its lumps.\n\u2022 It also mixes in the salt."),
    ]


def _paragraph(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_a_question_whose_last_words_were_pasted_as_a_paragraph_of_their_own(tmp_path: Path) -> None:
    body = "".join([
        _paragraph("1. What is a roux?", bold=True), _paragraph("Flour cooked in fat to thicken a sauce."),
        _paragraph("2. Explain briefly the stages of kneading, resting and proofing and the changes", bold=True),
        _paragraph("brought about in the dough?", bold=True),
        _paragraph("Kneading builds gluten, resting relaxes it, proofing lets the yeast raise the dough."),
        _paragraph("3. Why rest a steak?", bold=True), _paragraph("The juices settle back into the meat."),
    ])
    assert pairs(listed_file(tmp_path, "baking-questions.docx", docx(body, {}, {}))) == [
        ("What is a roux?", "Flour cooked in fat to thicken a sauce."),
        ("Explain briefly the stages of kneading, resting and proofing and the changes brought about in the dough?",
         "Kneading builds gluten, resting relaxes it, proofing lets the yeast raise the dough."),
        ("Why rest a steak?", "The juices settle back into the meat."),
    ]


def test_a_list_of_questions_wrapped_into_paragraphs_has_no_answers(tmp_path: Path) -> None:
    """Each question's last words are no answer to it: the list asks and answers nothing."""
    body = "".join([
        _paragraph("1. What is a roux?"),
        _paragraph("2. How does a sourdough starter stay alive, and what is the role of feeding it flour and"),
        _paragraph("water?"),
        _paragraph("3. Why does bread go stale faster in the fridge than on the"),
        _paragraph("counter?"),
        _paragraph("4. What makes a sauce split?"),
    ])
    (tmp_path / "baking-questions.docx").write_bytes(docx(body, {}, {}))
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "baking-questions.docx")])
    assert result.exit_code != 0
    assert "no questions with answers found" in result.output


def test_a_bold_question_line_that_ends_in_its_answer_label(tmp_path: Path) -> None:
    """``**Q3. …? Answer:**``: the bold closes after the label, and no stray mark opens the answer."""
    text = ("Q1. What is a roux?\nAnswer: Flour cooked in fat.\n\n"
            "**Q2. Why rest a steak?  Answer:**\n\nThe juices settle back into the meat.\n\n"
            "Q3. Why sift flour?\nAnswer: To break up its lumps.\n")
    assert pairs(listed_file(tmp_path, "kitchen-questions.md", text.encode())) == [
        ("What is a roux?", "Flour cooked in fat."),
        ("Why rest a steak?", "The juices settle back into the meat."),
        ("Why sift flour?", "To break up its lumps."),
    ]


def test_topics_over_bulleted_questions_are_asked_not_answered(tmp_path: Path) -> None:
    """A topic over a list of questions (some wrapped, some asking to be told) is no card; the list no answer."""
    lines = ["body|Kitchen interview questions", "",
             "body|Knife skills", "body|\u2022 Describe how you hold a chef knife and why you hold it", "body|that way.",
             "body|\u2022 What is a julienne cut? When would you use one?", "body|\u2022 Tell me about a time you cut yourself.",
             "", "body|Hygiene", "body|\u2022 How often do you wash your boards?",
             "body|\u2022 Why is raw meat kept on the lowest shelf?", "",
             "body|Service", "body|\u2022 Give me an example of a rush you handled well.",
             "body|\u2022 How do you keep calm when a ticket is wrong?"]
    (tmp_path / "kitchen-interview-questions.pdf").write_bytes(pdf([lines]))
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "kitchen-interview-questions.pdf")])
    assert result.exit_code != 0
    assert "no questions with answers found" in result.output
