"""Question banks kept as Word documents and PDFs, third sample: the shapes built here with text of our own.

A viva sheet whose numbered questions sit under bold section names, a PDF whose numbered section title is set
right over the first entry of its section (no gap between them), a list of questions whose next section's
label stands over a list of tasks numbered from 1, and a PDF whose answers open with a symbol font's arrow.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from qadeck.cli import cli

from .listing import layout_of, listed_file, pairs
from .office_pictures import docx  # Word documents built from their XML
from .test_pdf import _escape, draw, pdf, written  # a PDF set line by line, as a word processor sets it (and its escaping)


def _paragraph(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_bold_section_names_over_numbered_questions_are_titles(tmp_path: Path) -> None:
    """``**Part A: Storage**`` over ``1. What …?`` / ``Ans: …``: the bold names are sections, each question a card."""
    body = "".join([
        _paragraph("Oral exam practice", bold=True),
        _paragraph("Part A: Storage", bold=True),
        _paragraph("1. What is a block device?"), _paragraph("Ans: A device read and written in fixed-size blocks."),
        _paragraph("2. What is a file system?"), _paragraph("Ans: The way files are laid out on a device."),
        _paragraph("Part B: Processes", bold=True),
        _paragraph("1. What is a zombie process?"), _paragraph("Ans: A finished process its parent has not reaped."),
        _paragraph("2. What does fork return?"), _paragraph("Ans: The child's id to the parent, zero to the child."),
    ])
    assert pairs(listed_file(tmp_path, "viva.docx", docx(body, {}, {}))) == [
        ("What is a block device?", "A device read and written in fixed-size blocks."),
        ("What is a file system?", "The way files are laid out on a device."),
        ("What is a zombie process?", "A finished process its parent has not reaped."),
        ("What does fork return?", "The child's id to the parent, zero to the child."),
    ]


def test_a_bold_title_over_an_answer_that_only_mentions_a_number_stays_a_question() -> None:
    """A version number asking in the answer ("802.11 …?") is no numbered question: the bold line stays a card."""
    text = ("**Wireless basics**\n\nThe standards in brief.\n\n"
            "**Channel width**\n\n802.11n can bond two channels, so why not always?\n\n"
            "**Why does range drop indoors?**\n\nWalls absorb the signal.\n")
    assert layout_of(text, "notes.md") == "bold"


COMMANDS = [
    "body|1. Files", "",
    "body|1. ls \u2013 List what a folder holds", "", "body|ls -la", "",
    "body|2. What does cat do?", "", "body|It prints files one after another.", "",
    "body|2. Processes",
    "body|3. ps \u2013 List running processes", "", "body|ps aux", "",
    "body|4. kill \u2013 Send a signal to a process", "", "body|kill -9 1234", "",
    "body|3. Disks",
    "body|5. df \u2013 Show free space", "", "body|df -h",
]


def test_a_pdf_section_title_set_right_over_its_first_entry(tmp_path: Path) -> None:
    """``2. Processes`` right above ``3. ps – …`` (no gap, so one paragraph): the entries after it still count on."""
    found = pairs(listed_file(tmp_path, "commands.pdf", pdf([COMMANDS])))
    assert [question for question, _ in found] == [
        "ls \u2013 List what a folder holds", "What does cat do?", "ps \u2013 List running processes",
        "kill \u2013 Send a signal to a process", "df \u2013 Show free space",
    ]
    assert found[2][1] == "ps aux"
    assert found[4][1] == "df -h"


def test_a_section_label_over_tasks_numbered_from_one_is_no_answer(tmp_path: Path) -> None:
    """``**CODING:**`` over ``1. Reverse a list …`` after the last answered question: the next section's tasks."""
    text = ("**THEORY**\n\n1. What is a closure?\n\nA function with the variables it captured.\n\n"
            "2. What is a generator?\n\nA function that yields values one at a time.\n\n"
            "**CODING:**\n\n1. Reverse a list in place\n2. Count the vowels of a word\n\n"
            "**TOOLS**\n\n1. What is a linter?\n\nA program that flags suspicious code.\n\n"
            "2. What is a formatter?\n\nA program that rewrites code in one style.\n")
    found = pairs(listed_file(tmp_path, "questions.md", text.encode()))
    assert found == [
        ("What is a closure?", "A function with the variables it captured."),
        ("What is a generator?", "A function that yields values one at a time."),
        ("What is a linter?", "A program that flags suspicious code."),
        ("What is a formatter?", "A program that rewrites code in one style."),
    ]


#: A ToUnicode map that gives code 0xAE as U+F0AE: a symbol font's arrow as Word writes it into a PDF.
_ARROW_MAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <AE> <F0AE> endbfchar
endcmap CMapName currentdict /CIDInit defineresource pop end end"""


def _arrow_pdf(lines: list[str]) -> bytes:
    """A page of ``lines``; a line opening with ``>`` opens with the arrow of a symbol font (code 0xAE)."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    cmap = StreamObject()
    cmap.set_data(_ARROW_MAP)
    fonts = {}
    for key, base in (("/F1", "/Helvetica"), ("/F2", "/Symbol")):
        fonts[NameObject(key)] = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(base)})
    fonts[NameObject("/F2")][NameObject("/ToUnicode")] = writer._add_object(cmap)  # no public call adds a stream
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(fonts)})
    ops, y = [], 720.0
    for line in lines:
        y -= 13.2 if line else 8
        if line.startswith(">"):
            ops.append(f"BT /F2 11 Tf 72 {y:.1f} Td (\\256) Tj ET")
            ops.append(f"BT /F1 11 Tf 86 {y:.1f} Td ({_escape(line[1:].strip())}) Tj ET")
        elif line:
            ops.append(f"BT /F1 11 Tf 72 {y:.1f} Td ({_escape(line)}) Tj ET")
    draw(writer, page, ops)
    return written(writer)


def test_a_symbol_fonts_arrow_opening_an_answer_reads_as_a_bullet(tmp_path: Path) -> None:
    data = _arrow_pdf(["1) What is a tuple?", "> A sequence that cannot change.", "",
                       "2) What is a set?", "> A collection without duplicates."])
    (tmp_path / "interview-questions.pdf").write_bytes(data)
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / "interview-questions.pdf")])
    assert result.exit_code == 0, result.output
    assert "\uf0ae" not in result.stdout
    assert pairs(listed_file(tmp_path, "interview-questions.pdf", data)) == [
        ("What is a tuple?", "\u2022 A sequence that cannot change."),
        ("What is a set?", "\u2022 A collection without duplicates."),
    ]


def test_a_numbered_question_left_in_body_text_among_question_headings(tmp_path: Path) -> None:
    """A Word author styled most questions as headings; "3. …?" typed as body text between "# 2." and "# 4." is the
    third question, and "# Steps" with text under it (no number, asking nothing) is part of the answer above."""
    text = ("# 1. What is a kettle?\n\nA pot that boils water.\n\n"
            "# 2. Why descale a kettle?\n\nScale slows the heating.\n\n"
            "3. Difference between a kettle and a pot?\n\nA kettle has a spout and a lid.\n\n"
            "# 4. How do you descale a kettle?\n\nWith vinegar.\n\n"
            "# Steps\n\nFill, boil, wait an hour, rinse.\n\n"
            "# 5. What is a whistling kettle?\n\nOne that whistles when the water boils.\n\n"
            "# 6. Is an electric kettle safe?\n\nYes, it switches itself off.\n")
    assert pairs(listed_file(tmp_path, "kitchen-questions.md", text.encode())) == [
        ("What is a kettle?", "A pot that boils water."),
        ("Why descale a kettle?", "Scale slows the heating."),
        ("Difference between a kettle and a pot?", "A kettle has a spout and a lid."),
        ("How do you descale a kettle?", "With vinegar.\n\n# Steps\n\nFill, boil, wait an hour, rinse."),
        ("What is a whistling kettle?", "One that whistles when the water boils."),
        ("Is an electric kettle safe?", "Yes, it switches itself off."),
    ]


def test_a_topic_title_among_numbered_question_headings_stays_a_section(tmp_path: Path) -> None:
    """"# Tea" with a question heading right under it titles what follows; it is no part of the answer above."""
    text = ("# 1. What is a kettle?\n\nA pot that boils water.\n\n"
            "# 2. Why descale a kettle?\n\nScale slows the heating.\n\n"
            "# Tea\n\n"
            "# 3. What is green tea?\n\nUnoxidised leaves.\n\n"
            "# 4. What is black tea?\n\nFully oxidised leaves.\n\n"
            "# 5. What is oolong?\n\nPartly oxidised leaves.\n")
    found = listed_file(tmp_path, "tea-questions.md", text.encode())
    assert pairs(found)[1] == ("Why descale a kettle?", "Scale slows the heating.")
    assert [question for question, _ in pairs(found)][2:] == ["What is green tea?", "What is black tea?", "What is oolong?"]
