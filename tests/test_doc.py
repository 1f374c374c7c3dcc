"""Word 97-2003 documents (.doc) read as a user's files are: cards through ``qadeck list --json``, errors as one line.

The binary fixtures were saved by LibreOffice from text of our own (``tests/make_doc_fixtures.py`` says
how); the shapes of each layout are checked by the golden fixtures (``fixtures/*/word97-*.doc``). Here:
what a ``.doc`` that is not binary Word is read as, and what a damaged, encrypted or foreign one says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.cli import cli
from qadeck.errors import SourceError

FIXTURES = Path(__file__).parent / "fixtures"
BOLD = (FIXTURES / "bold" / "word97-faq.doc").read_bytes()


def _fib(data: bytes) -> int:
    """Where the WordDocument stream starts in the file: the sector that opens with Word's mark (0xA5EC)."""
    return next(at for at in range(512, len(data), 512) if data[at:at + 2] == b"\xec\xa5")


def cards(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_a_word_97_faq_reads_as_its_docx_twin_does(tmp_path: Path) -> None:
    path = tmp_path / "faq.doc"
    path.write_bytes(BOLD)
    markdown = sources.read(path).text
    assert markdown.startswith("# Installing\n\n**How do I install frob?**\n\nRun the installer, then restart:\n\n- on ")
    assert "(a hidden note)" not in markdown and "HYPERLINK" not in markdown  # hidden text, a field's code
    assert cards(path)[1] == ("Does frob need the network & a proxy?", "Only to check for updates at the frob site.")


@pytest.mark.parametrize(("data", "kind"), [
    (b"{\\rtf1\\ansi {\\b Is it free?}\\par Yes.\\par {\\b Is it fast?}\\par Very.\\par}", "RTF"),
    (b"<html><body><h2>Is it free?</h2><p>Yes.</p><h2>Is it fast?</h2><p>Very.</p></body></html>", "HTML"),
    (b"\xef\xbb\xbfQ: Is it free?\r\nA: Yes.\r\n\r\nQ: Is it fast?\r\nA: Very.\r\n", "plain text"),
])
def test_a_doc_that_word_saved_as_rtf_html_or_text_is_read_as_what_it_is(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "faq.doc"
    path.write_bytes(data)
    assert cards(path) == [("Is it free?", "Yes."), ("Is it fast?", "Very.")], kind


#: Word's "Single File Web Page" save (MHTML): a MIME message, the page quoted-printable in Windows-1252.
_WEB_ARCHIVE = (
    b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
    b"This document is a Single File Web Page.\r\n\r\n------=_NextPart_01\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"windows-1252\"\r\n\r\n"
    b'<html xmlns:o=3D"urn:schemas-microsoft-com:office:office"><body><!--[if gte mso 9]><xml><o:DocumentProperties>'
    b"</o:DocumentProperties></xml><![endif]--><p class=3DMsoNormal><b>Is it fr=\r\nee?</b></p><p>Yes, =93always=94.</p>"
    b"<p><b>Is it fast?</b></p><p>Very.</p></body></html>\r\n------=_NextPart_01--\r\n"
)


def test_a_doc_that_is_a_web_archive_or_a_docx_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "faq.doc"
    path.write_bytes(_WEB_ARCHIVE)
    assert cards(path) == [("Is it free?", "Yes, \u201calways\u201d."), ("Is it fast?", "Very.")]
    path.write_bytes((FIXTURES / "bold" / "word-faq.docx").read_bytes())
    assert cards(path)[0] == ("How do I install frob?",
                              "Run the installer, then restart:\n\n- on Linux, log out and in;\n- on Windows, reboot.")


def _with_fib_flag(data: bytes, flag: int) -> bytes:
    """``data`` with a bit of the FIB's flags word set: how Word marks an encrypted document."""
    at = _fib(data) + 0x0A
    flags = int.from_bytes(data[at:at + 2], "little") | flag
    return data[:at] + flags.to_bytes(2, "little") + data[at + 2:]


@pytest.mark.parametrize(("data", "message"), [
    (_with_fib_flag(BOLD, 0x0100), "a password-protected Word document: save a copy without the password to read it"),
    (BOLD[:3000], "not a readable Word document (damaged or cut short"),
    (BOLD[:700], "not a readable Word document (damaged or cut short"),
    # The stream renamed in the compound file's directory: an OLE file that holds no Word text (an .xls saved as .doc).
    (BOLD.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")), "not a Word document"),
    (BOLD[:_fib(BOLD) + 2] + b"\x68\x00" + BOLD[_fib(BOLD) + 4:], "a Word 6.0 or 95 document, too old to read"),
    (bytes(range(256)) * 8, "not a Word document (no Word, RTF or HTML header, and not text)"),
])
def test_a_doc_that_cannot_be_read_is_one_line_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "faq.doc"
    path.write_bytes(data)
    with pytest.raises(SourceError) as raised:
        sources.read(path)
    assert raised.value.message.startswith(message)
    result = CliRunner().invoke(cli, ["build", str(path), "--output", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert f"{path}: {message}" in result.output
    assert "Traceback" not in result.output


def test_a_broken_doc_beside_good_sources_is_a_warning_and_the_deck_is_built(tmp_path: Path) -> None:
    (tmp_path / "faq.doc").write_bytes(BOLD[:3000])
    (tmp_path / "more-faq.doc").write_bytes(BOLD)
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "faq.doc: not a readable Word document" in result.output
    assert list((tmp_path / "out").glob("*.apkg"))


def test_a_doc_is_read_in_a_folder_when_its_name_says_questions_and_always_when_named(tmp_path: Path) -> None:
    for name in ("faq.doc", "letter.doc"):
        (tmp_path / name).write_bytes(BOLD)
    found = sources.collect([tmp_path])
    assert found.files == [tmp_path / "faq.doc"]
    assert any("letter.doc: skipped, a data file or document whose name does not say" in line for line in found.skipped)
    assert sources.collect([tmp_path / "letter.doc"]).files == [tmp_path / "letter.doc"]


def test_an_old_binary_word_file_named_docx_is_read_as_the_doc_it_is(tmp_path: Path) -> None:
    path = tmp_path / "faq.docx"
    path.write_bytes(BOLD)
    assert cards(path)[0][0] == "How do I install frob?"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(BOLD) - 1), st.integers(0, 255)), min_size=1, max_size=40))
def test_a_damaged_doc_reads_or_is_a_source_error_never_a_crash(changes: list[tuple[int, int]]) -> None:
    data = bytearray(BOLD)
    for at, value in changes:
        data[at] = value
    try:
        text = markups.DOCUMENTS[".doc"](bytes(data), "faq.doc")
    except SourceError:
        return
    assert isinstance(text, str)
