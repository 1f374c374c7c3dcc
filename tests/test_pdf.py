"""PDF documents read as a user's FAQ sheets and question banks are: cards through ``qadeck list --json``.

The PDFs are built here, with text of our own: pages whose content streams set lines in Helvetica and
Helvetica-Bold at the sizes and spacing a word processor's export uses, a running header and page
numbers on every page, a word hyphenated at a line's end; then one encrypted with pypdf (with a
password, and with only an owner's password as "no copying" PDFs are), one cut short, one with no text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PageObject, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from qadeck import markups, sources
from qadeck.cli import cli
from qadeck.errors import SourceError
from qadeck.markups import pdf as pdf_markup

from .listing import listed_file, pairs

#: Line styles: (font, size).
STYLES = {"title": ("F2", 18), "heading": ("F2", 14), "q": ("F2", 11), "body": ("F1", 11), "small": ("F1", 9)}


def pdf(pages: list[list[str]], header: str = "", numbers: bool = False, password: str | None = None,
        owner: str | None = None) -> bytes:
    """A PDF of ``pages``, each a list of lines ``"style|text"`` (``""`` is a paragraph's gap), set top down
    as a word processor sets them; ``header`` on every page's top, the page number at every page's foot."""
    writer = PdfWriter()
    for number, lines in enumerate(pages, 1):
        page = writer.add_blank_page(612, 792)
        fonts = DictionaryObject({
            NameObject(key): DictionaryObject({
                NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
            for key, base in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold"))})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        ops = []
        y = 720.0
        for line in lines:
            if not line:
                y -= 8
                continue
            style, text = line.split("|", 1)
            font, size = STYLES[style]
            y -= 1.2 * size
            ops.append(f"BT /{font} {size} Tf 72 {y:.1f} Td ({_escape(text)}) Tj ET")
        # Drawn last, as many programs draw a page's furniture: the reader must find it by place.
        if header:
            ops.append(f"BT /F1 9 Tf 72 760 Td ({_escape(header)}) Tj ET")
        if numbers:
            ops.append(f"BT /F1 9 Tf 300 40 Td ({number}) Tj ET")
        draw(writer, page, ops)
    if password is not None:
        writer.encrypt(password, owner_password=owner, algorithm="AES-128")
    return written(writer)


def draw(writer: PdfWriter, page: PageObject, ops: list[str]) -> None:
    """Make ``ops`` (PDF drawing operators, cp1252 text) ``page``'s content."""
    stream = StreamObject()
    stream.set_data("\n".join(ops).encode("cp1252"))
    page[NameObject("/Contents")] = writer._add_object(stream)  # pypdf has no public call to add a content stream


def written(writer: PdfWriter) -> bytes:
    """The bytes of the PDF ``writer`` holds."""
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


#: A numbered FAQ over three pages: bold questions, wrapped answers, a bullet list, a hyphenated word, a
#: question whose answer goes on over a page break, section headings set larger.
NUMBERED = [
    ["title|Frob Help Desk", "", "heading|Installing", "",
     "q|1. What is frob?", "", "body|A tool that frobs the files you give it and fil-", "body|ters them by name.", "",
     "q|2. How do I install frob?", "", "body|Run the installer, then:",
     "body|\u2022 on Linux, log out and in;", "body|\u2022 on Windows, reboot.", "",
     "q|3. Does frob need a self-", "q|contained runtime?", "", "body|No: it needs the self-contained runtime only",
     "body|on systems older than"],
    ["body|the year 2000.", "", "heading|Limits", "",
     "q|4. How many files can frob read?", "", "body|Ten thousand a run.", "",
     "q|5. Why is frob slow on network drives?", "", "body|Each file is opened twice."],
    ["q|6. Can I pay for frob?", "", "body|No, it is free."],
]
NUMBERED_CARDS = [
    ("What is frob?", "A tool that frobs the files you give it and filters\nthem by name."),
    # the layout sets the bullets apart as a list
    ("How do I install frob?", "Run the installer, then:\n\n\u2022 on Linux, log out and in;\n\u2022 on Windows, reboot."),
    ("Does frob need a self-contained runtime?", "No: it needs the self-contained runtime only\non systems older than\nthe year 2000."),
    ("How many files can frob read?", "Ten thousand a run."),
    ("Why is frob slow on network drives?", "Each file is opened twice."),
    ("Can I pay for frob?", "No, it is free."),
]


def test_a_numbered_pdf_faq_reads_as_its_writer_laid_it_out(tmp_path: Path) -> None:
    data = pdf(NUMBERED, header="Frob Help Desk \u2013 internal", numbers=True)
    found = listed_file(tmp_path, "faq.pdf", data)
    assert pairs(found) == NUMBERED_CARDS
    assert [card["section"] for card in found] == ["Installing"] * 3 + ["Limits"] * 3
    text = sources.read(tmp_path / "faq.pdf").text
    assert text.startswith("# Frob Help Desk\n\n## Installing\n\n**1. What is frob?**\n")
    assert "internal" not in text  # the running header, drawn last on each page, is gone
    assert "\n1\n" not in text and "\n2\n" not in text and "\n3\n" not in text  # the page numbers too


def test_a_pdf_list_of_q_and_a_lines(tmp_path: Path) -> None:
    pages = [["body|Q: Is frob free?", "body|A: Yes, under the MIT licence.", "",
              "body|Q: Where are the logs kept on a machine", "body|shared by many users?",
              "body|A: In ~/.frob, one folder a user."]]
    assert pairs(listed_file(tmp_path, "questions.pdf", pdf(pages))) == [
        ("Is frob free?", "Yes, under the MIT licence."),
        ("Where are the logs kept on a machine shared by many users?", "In ~/.frob, one folder a user."),
    ]


def test_a_table_of_contents_makes_no_cards(tmp_path: Path) -> None:
    """Its entries (dotted leaders to page numbers, middle dots as Korean and Japanese documents set them),
    a chapter's entry with only its page number, a group's label between entries: all left out."""
    contents = ["heading|Contents", "", "body|1 Installing 2", "body|1.1 What is frob? . . . . . . . . . . 2",
                "body|1.2 How do I install frob? . . . . . . . 2", "", "q|Limits", "",
                "body|2.1 How many files can frob read? \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7 2"]
    body = ["heading|Frob FAQ", "", "q|What is frob?", "", "body|A tool that frobs files.", "",
            "q|How many files can frob read?", "", "body|Ten thousand a run."]
    found = listed_file(tmp_path, "faq.pdf", pdf([contents, body]))
    assert pairs(found) == [("What is frob?", "A tool that frobs files."), ("How many files can frob read?", "Ten thousand a run.")]
    text = sources.read(tmp_path / "faq.pdf").text
    assert ". . ." not in text and "\u00b7" not in text and "Installing" not in text and "Limits" not in text


def test_build_makes_a_deck_of_a_pdf(tmp_path: Path) -> None:
    source = tmp_path / "faq.pdf"
    source.write_bytes(pdf(NUMBERED))
    result = CliRunner().invoke(cli, ["build", str(source), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "out").glob("*.apkg"))
    assert "6 cards" in result.output


def test_a_rebuild_does_not_read_an_unchanged_pdf_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdf takes about a second for every 20 pages: the text a PDF was read as is kept with the cards."""
    reads: list[str] = []

    def counted(data: bytes, name: str) -> str:
        reads.append(name)
        return pdf_markup.to_markdown(data, name)

    monkeypatch.setitem(markups.DOCUMENTS, ".pdf", counted)
    source = tmp_path / "faq.pdf"
    source.write_bytes(pdf(NUMBERED))
    build = ["build", str(source), "--output", str(tmp_path / "out")]
    for _ in range(2):
        assert CliRunner().invoke(cli, build).exit_code == 0
    assert len(reads) == 1
    source.write_bytes(pdf(NUMBERED[:2]))
    result = CliRunner().invoke(cli, build)
    assert result.exit_code == 0 and "5 cards" in result.output
    assert len(reads) == 2


def test_a_pdf_that_only_restricts_copying_is_read(tmp_path: Path) -> None:
    """An empty user password opens it: what "no copying" or "no printing" PDFs are."""
    data = pdf([["body|Q: Is frob free?", "body|A: Yes."]], password="", owner="owner-secret")
    assert pairs(listed_file(tmp_path, "faq.pdf", data)) == [("Is frob free?", "Yes.")]


@pytest.mark.parametrize(("data", "message"), [
    (pdf([["body|Q: Is frob free?", "body|A: Yes."]], password="secret"),
     "a password-protected PDF: save a copy without the password to read it"),
    (pdf(NUMBERED)[:900], "not a readable PDF"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "not a readable PDF"),
    (b"<html>not a PDF</html>", "not a readable PDF (no %PDF header)"),
    (pdf([[], []]), "no text layer: a scanned PDF needs OCR first"),
])
def test_a_pdf_that_cannot_be_read_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "faq.pdf"
    path.write_bytes(data)
    for command in ("build", "check"):
        args = [command, str(path), "--output", str(tmp_path / "out")] if command == "build" else [command, str(path)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code != 0
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"{path}: {message}" in result.output
        assert "Traceback" not in result.output


def test_a_pdf_of_too_many_pages_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_markup, "MAX_PAGES", 2)
    path = tmp_path / "faq.pdf"
    path.write_bytes(pdf(NUMBERED))
    with pytest.raises(SourceError, match="a PDF of 3 pages: over 2, too long to read"):
        sources.read(path)


@pytest.mark.parametrize(("limit", "value", "message"), [
    ("MAX_CONTENT", 1000, "a PDF whose pages hold over 0 MB of drawing instructions: too big to read (split it)"),
    ("MAX_OPERATIONS", 20, "a PDF whose pages draw over 20 operations: too big to read (split it)"),
])
def test_a_pdf_that_draws_too_much_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int,
                                              message: str) -> None:
    """What bounds a hostile file that draws one huge stream on every page, shown on a small one."""
    monkeypatch.setattr(pdf_markup, limit, value)
    path = tmp_path / "faq.pdf"
    path.write_bytes(pdf(NUMBERED))
    with pytest.raises(SourceError, match=re.escape(message)):
        sources.read(path)


def test_pdfs_are_read_in_a_folder_when_named_for_questions(tmp_path: Path) -> None:
    for name in ("faq.pdf", "paper.pdf", "exam-questions.pdf"):
        (tmp_path / name).write_bytes(pdf(NUMBERED))
    assert sources.collect([tmp_path]).files == [tmp_path / "exam-questions.pdf", tmp_path / "faq.pdf"]
    assert sources.collect([tmp_path / "paper.pdf"]).files == [tmp_path / "paper.pdf"]


def test_a_pdf_of_labelled_answers_with_no_gap_between_cards(tmp_path: Path) -> None:
    """Revision answers pasted from a chat: a label line ending in ":" over each answer, no space between
    cards, and a label at a page's foot whose answer opens the next page."""
    pages = [["body|Viva answers, unit 2:", "",
              "body|Role of a scheduler:", "body|It picks which ready process runs next on",
              "body|the processor.", "body|Context switch:", "body|Saving one process's state and loading another's.",
              "body|Preemption:", "body|Taking the processor from a running process.", "body|Starvation:"],
             ["body|A process waits for ever because others always", "body|go first.", "",
              "body|Round robin:", "body|Each process runs for one time slice in turn."]]
    assert pairs(listed_file(tmp_path, "viva.pdf", pdf(pages))) == [
        ("Role of a scheduler:", "It picks which ready process runs next on\nthe processor."),
        ("Context switch:", "Saving one process's state and loading another's."),
        ("Preemption:", "Taking the processor from a running process."),
        ("Starvation:", "A process waits for ever because others always\ngo first."),
        ("Round robin:", "Each process runs for one time slice in turn."),
    ]


def test_an_answers_numbered_list_ends_where_the_questions_number_on(tmp_path: Path) -> None:
    """Question 3's answer lists points 1 to 3 and closes on a paragraph; the "4." after that is the
    questions' (a topic asked, not answered), so the points stay in the answer and are no questions."""
    pages = [["body|1. What is a database index?", "", "body|A structure that finds rows without reading the table.", "",
              "body|2. Caching strategies", "body|3. Why add indexes to a table?", "", "body|Indexes help in three ways:", "",
              "body|1. Speed: lookups read far fewer pages.", "body|2. Order: rows come back sorted for free.",
              "body|3. Uniqueness: duplicates are refused.", "", "body|Overall, they cost space for faster reads.", "",
              "body|4. Sharding basics", "body|5. What is a read replica?", "", "body|A copy that serves reads.", "",
              "body|6. Why does replication lag matter?", "", "body|Reads from a replica may be stale.", "",
              "body|7. How is a shard key chosen?", "", "body|By how evenly it spreads the rows.", "",
              "body|8. What is a hot partition?", "", "body|One shard taking most of the traffic."]]
    assert pairs(listed_file(tmp_path, "questions.pdf", pdf(pages))) == [
        ("What is a database index?", "A structure that finds rows without reading the table."),
        ("Why add indexes to a table?", "Indexes help in three ways:\n\n1. Speed: lookups read far fewer pages.\n"
         "2. Order: rows come back sorted for free.\n3. Uniqueness: duplicates are refused.\n\n"
         "Overall, they cost space for faster reads."),
        ("What is a read replica?", "A copy that serves reads."),
        ("Why does replication lag matter?", "Reads from a replica may be stale."),
        ("How is a shard key chosen?", "By how evenly it spreads the rows."),
        ("What is a hot partition?", "One shard taking most of the traffic."),
    ]


def test_a_numbered_question_asked_again_on_its_wrapped_lines_is_one_question(tmp_path: Path) -> None:
    """A question that asks on its numbered line and goes on asking over the lines it wrapped onto (no wider
    than it), a gap before its answer, is all of them; an answer line under a question, no gap between, stays
    the answer's."""
    pages = [["body|1. Have you used a build cache? Where did it live in your last", "body|project?", "",
              "body|Yes, on a shared disk.", "",
              "body|2. Can one job run on two agents at once in your setup?", "body|Who picks the agent when labels match more than one",
              "body|of them, and what happens if both are busy?", "",
              "body|The scheduler picks the first free one; the job waits otherwise.", "",
              "body|3. Why pin plugin versions?", "body|So that an upgrade never breaks a build by surprise.", "",
              "body|4. What does a post block do?", "", "body|It runs steps after the stages, whatever their result."]]
    assert pairs(listed_file(tmp_path, "interview questions.pdf", pdf(pages))) == [
        ("Have you used a build cache? Where did it live in your last project?", "Yes, on a shared disk."),
        ("Can one job run on two agents at once in your setup? Who picks the agent when labels match more than "
         "one of them, and what happens if both are busy?", "The scheduler picks the first free one; the job waits otherwise."),
        ("Why pin plugin versions?", "So that an upgrade never breaks a build by surprise."),
        ("What does a post block do?", "It runs steps after the stages, whatever their result."),
    ]
